"""Markdown and HTML dossiers: what a reader sees, and that article text cannot inject markup."""

from __future__ import annotations

import re
from dataclasses import replace

from reconcile_scenes import ENTITIES, LAVROV, article, claim, meeting

from recoupe.records import Derivation, Event, Judgement
from recoupe.reconcile import build_dossier
from recoupe.report import html, markdown

HOSTILE = "<script>alert('x')</script>"


def scene_dossier(judgements=()):
    s = meeting()
    return s, build_dossier(s.event, s.articles, s.claims, s.derivations, ENTITIES, judgements)


def hostile_dossier():
    a = article(f"Titre {HOSTILE}\nLe ministre a parlé le 3 avril 2025 à Moscou. « {HOSTILE} | [lien](http://x) » a-t-il dit.",
                title=f"Titre {HOSTILE}", outlet=f"Site {HOSTILE}", author="<b>auteur</b>", kind="report")
    claims = [claim(a, "date", "2025-04-03", "3 avril 2025"),
              claim(a, "quote", f"{HOSTILE} | [lien](http://x)", f"{HOSTILE} | [lien](http://x)",
                    speaker=LAVROV.id, speaker_name=f"Lavrov {HOSTILE}", direct=True)]
    return build_dossier(Event("ev-h", f"Event {HOSTILE}", (a.id,)), [a], claims, [])


def test_markdown_shows_conflicts_first_with_each_side_quoted():
    s, d = scene_dossier()
    md = markdown.render([d])
    assert md.index("### Conflicts") < md.index("### Facts")
    conflicts = md[md.index("### Conflicts"):md.index("### Facts")]
    assert "**Date**" in conflicts and "**Duration**" in conflicts
    assert "4–5 April 2025" in conflicts and "«les 4 et 5 avril 2025»" in conflicts
    assert "[3] L'Hebdo" in conflicts  # the disagreeing article, by its citation number
    assert "«environ 1h30»" in conflicts and "«près de deux heures»" in conflicts
    assert "rewrite of [1]" in conflicts


def test_markdown_facts_table_badges_and_citations_point_to_sources():
    s, d = scene_dossier()
    md = markdown.render([d])
    assert re.search(r"\| Date \| 3 April 2025 \| ⚠️ conflicting \| 3 \| \[1\] \[2\] \[3\] \[5\] \|", md)
    assert re.search(r"\| Place \| Moscow \(RU\) \| ✅ corroborated \|", md)
    sources = md[md.index("### Sources"):]
    assert "1. Ministère" in sources and "5. Le Relais" in sources
    assert "**rewrite of [1]**" in sources


def test_markdown_timeline_participants_quotes_and_flags():
    s, d = scene_dossier()
    md = markdown.render([d])
    assert "| Date | 3–4 April 2025 [4] | 3 April 2025 [1] [2] [3] [5] | happened as planned |" in md
    assert "- Sergei Lavrov (person, party) — ✅ corroborated [1] [2] [5]" in md
    assert "⚠️ Direct quote found only in a derived article" in md
    assert "[5] paraphrased (direct)" in md and "[1] indirect (indirect)" in md
    assert "### Commitments" in md and "### Domains" in md


def test_markdown_shows_analysts_choice():
    j = Judgement("fact:ev-moscow:date", "choose", "2025-04-04/2025-04-05", "ana", "2025-05-01T10:00:00Z")
    _, d = scene_dossier([j])
    md = markdown.render([d])
    assert "4–5 April 2025 (chosen by ana on 2025-05-01T10:00:00Z)" in md
    assert "### Analysts' judgements" in md


def test_markdown_escapes_hostile_article_text():
    md = markdown.render([hostile_dossier()])
    assert "<script>" not in md and "<b>" not in md
    assert "\\<script\\>" in md
    assert "\\[lien\\](http://x)" in md  # no live link injected by a quote
    assert "\\| \\[lien" in md  # no table cell broken by a pipe


def test_html_is_one_self_contained_file():
    _, d = scene_dossier()
    page = html.render([d])
    assert page.startswith("<!doctype html>")
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no external asset or link
    assert "<link" not in page and "@import" not in page
    assert "@media print" in page and 'name="viewport"' in page


def test_html_has_every_section_and_the_derivation_graph():
    s, d = scene_dossier()
    page = html.render([d])
    for heading in ("Conflicts", "Facts", "Planned and happened", "Participants", "Quotes", "Commitments",
                    "Domains", "Sources", "Who copies whom"):
        assert f"<h3>{heading}</h3>" in page
    assert page.index("<h3>Conflicts</h3>") < page.index("<h3>Facts</h3>")
    assert '<span class="badge conflicting">conflicting</span>' in page
    assert '<span class="badge corroborated">corroborated</span>' in page
    assert "<svg" in page and page.count("<line ") == 1  # one derivation, one arrow
    assert 'href="#e1-s3"' in page and 'id="e1-s3"' in page  # citations resolve to sources
    assert "«les 4 et 5 avril 2025»" in page


def test_html_escapes_hostile_article_text():
    page = html.render([hostile_dossier()])
    assert "<script>" not in page and "<b>auteur</b>" not in page
    assert "&lt;script&gt;" in page
    assert "&lt;b&gt;auteur&lt;/b&gt;" in page


def test_renderers_handle_several_events_and_none():
    s, d = scene_dossier()
    other = replace(hostile_dossier(), summary="")
    page = html.render([d, other])
    assert page.count("<article id=") == 2
    md = markdown.render([other, d])
    assert md.index("Event id: ev-h") < md.index("Event id: ev-moscow")  # events in id order
    assert "No event." in markdown.render([]) and "No event." in html.render([])


def test_renderers_draw_every_derivation_of_a_chain():
    s = meeting()
    daily = next(a for a in s.articles if a.id == s.id("daily"))
    copy = replace(article(daily.text + "\nRepris du Quotidien."), outlet="Agrégateur", kind="report")
    claims = {**s.claims, copy.id: tuple(replace(c, evidence=replace(c.evidence, article=copy.id))
                                         for c in s.claims[daily.id])}
    event = Event(s.event.id, s.event.title, s.event.articles + (copy.id,), {**s.event.kinds, copy.id: "report"})
    derivations = s.derivations + [Derivation(copy.id, daily.id, "copy", 0.99)]
    d = build_dossier(event, s.articles + [copy], claims, derivations, ENTITIES)
    md = markdown.render([d])
    page = html.render([d])
    assert "is a copy of [2]" in md and "is a rewrite of [1]" in md
    assert page.count("<line ") == 2
    assert "Agrégateur (copy of [2])" in md  # the copy's evidence is marked as an echo


def test_markdown_and_html_show_announced_next_steps_in_their_own_section():
    from reconcile_scenes import announcements

    s = announcements()
    d = build_dossier(s.event, s.articles, s.claims, s.derivations, ENTITIES)
    md = markdown.render([d])
    section = md.split("### Announced next steps", 1)[1].split("###", 1)[0]
    assert "Bamako (ML)" in section
    assert "«La prochaine session se tiendra à Bamako en juin.»" in section  # the announcing sentence
    timeline = md.split("### Planned and happened", 1)[1].split("###", 1)[0]
    assert "Bamako" not in timeline and "changed" not in timeline
    page = html.render([d])
    assert "Announced next steps" in page and "Bamako (ML)" in page
