"""Participants as a reader counts them: one row per person, and no outlet among them.

The rules, applied within one event after the per-actor facts are built:

* **Partial names join the full name.** A person whose name's words (accents and case
  folded) are all found, in order, in exactly one longer person's name is that person: "Abdou
  Sambo" and "Sambo" join "Hadiza Abdou Sambo". When several longer names contain it, the
  longest ones that no other candidate contains must be a single one, otherwise the short name
  is ambiguous and stays apart. The merged participant keeps the full name's id as its value,
  every id in ``attrs["ids"]``, every article and every claim; its groups and status are
  recounted.
* **An outlet is not a participant.** An actor whose name is the outlet of one of the event's
  articles (``Article.outlet``, or a name in ``Article.credits`` such as "Source : Sahel
  Quotidien"), compared without accents, case or a leading article, is the outlet naming
  itself ("a appris Sahel Quotidien") and is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Callable, Mapping, Sequence

from recoupe.records import Article, Claim, Fact
from recoupe.reconcile.facts import claim_key

# Leading articles dropped before comparing an outlet's name ("L'Éclaireur" ~ "Éclaireur").
LEADING_ARTICLES = frozenset({"le", "la", "les", "l", "the"})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def fold_words(name: str) -> tuple[str, ...]:
    """Lower-case, accent-free words of a name."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return tuple(w.casefold() for w in _WORD.findall(plain))


def _outlet_key(name: str) -> tuple[str, ...]:
    words = fold_words(name)
    return words[1:] if len(words) > 1 and words[0] in LEADING_ARTICLES else words


def outlet_names(articles: Sequence[Article]) -> set[tuple[str, ...]]:
    """Folded names of the outlets of these articles (outlet field and credit lines)."""
    out = set()
    for a in articles:
        for raw in (a.outlet or "", *a.credits):
            name = raw.rsplit(":", 1)[-1].strip()  # "Source : X" -> "X"
            key = _outlet_key(name)
            if key:
                out.add(key)
    return out


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _target(me: tuple[str, ...], names: Mapping[str, tuple[str, ...]]) -> str | None:
    """The one longer name that contains ``me`` in order, or None when none or ambiguous."""
    cands = [k for k, n in names.items() if len(n) > len(me) and _subsequence(me, n)]
    maximal = [k for k in cands if not any(o != k and len(names[o]) > len(names[k])
                                           and _subsequence(names[k], names[o]) for o in cands)]
    return maximal[0] if len(maximal) == 1 else None


def merge_participants(facts: Sequence[Fact], articles: Sequence[Article], rank: Mapping[str, int],
                       group_of: Mapping[str, tuple[str, ...]], planned: Callable[[Claim], bool]) -> list[Fact]:
    """The facts with person participants merged and outlets dropped (module docstring)."""
    outlets = outlet_names(articles)
    people = [f for f in facts if f.slot == "participant"]
    kept = [f for f in people if _outlet_key(str(f.attrs.get("name") or "")) not in outlets]
    persons = {f.value: fold_words(str(f.attrs.get("name") or "")) for f in kept if f.attrs.get("kind") == "person"}
    persons = {k: v for k, v in persons.items() if v}
    into = {k: t for k, n in persons.items() if (t := _target(n, persons)) is not None}
    by_value = {f.value: f for f in kept}
    joined: dict[str, list[Fact]] = {}
    for f in kept:
        joined.setdefault(into.get(f.value, f.value), []).append(f)
    merged = []
    for head, parts in joined.items():
        base = by_value[head]
        if len(parts) == 1:
            merged.append(replace(base, attrs={**base.attrs, "ids": [base.value]}))
            continue
        claims = tuple(sorted({claim_key(c): c for p in parts for c in p.claims}.values(), key=claim_key))
        happened = [c for c in claims if not planned(c)]
        groups = sorted({group_of[c.evidence.article] for c in (happened or claims)})
        arts = sorted({a for p in parts for a in p.attrs.get("articles", ())}, key=lambda a: rank[a])
        ids = [head] + sorted(p.value for p in parts if p.value != head)
        merged.append(replace(base, claims=claims, independent_groups=tuple(groups), planned=not happened,
                              status="corroborated" if len(groups) >= 2 else "single-source",
                              attrs={**base.attrs, "articles": arts, "ids": ids,
                                     "party": any(p.attrs.get("party") for p in parts)}))
    merged.sort(key=lambda f: (f.planned, -len(f.independent_groups), -len(f.attrs["articles"]),
                               str(f.attrs["name"]), f.value))
    others = [f for f in facts if f.slot != "participant"]
    # Participants sit where they were: after the value facts and before the announcements.
    cut = next((n for n, f in enumerate(others) if f.attrs.get("announced")), len(others))
    return others[:cut] + merged + others[cut:]
