// recoupe workbench: the little JavaScript there is. Pages work without it.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Scroll each article column (not the page) to its first evidence mark.
  document.querySelectorAll(".col .text").forEach(function (box) {
    var mark = box.querySelector("mark");
    if (mark) {
      box.scrollTop = Math.max(0, mark.offsetTop - 48);  // the box is the offsetParent (position: relative)
    }
  });

  // Merge and split change the events: ask before sending.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
});
