"""The typed records that flow between recoupe's pipeline stages.

Every stage takes and returns these frozen dataclasses, never dicts or tuples.
The flow is::

    RawDocument --ingest--> Article | Rejected
    Article --extract--> Claim (each with its Evidence)
    Article + Claim --events--> Event, Derivation
    Event + Claim + Derivation --reconcile--> Fact, QuoteGroup
    Judgement: an analyst's decision, stored apart and applied on top.

Invariants that every producer must keep (and tests check):

* ``Evidence.text == article.text[Evidence.start:Evidence.end]``, offsets index the
  *cleaned* text of the article, never a removed junk line.
* ``Article.id`` is :func:`article_id` of the cleaned text, so the same text is the
  same article whatever file it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, Mapping

# Slots a claim can fill. Stable strings: they are stored and shown in the JSON output.
Slot = Literal["actor", "date", "place", "duration", "quote", "domain", "commitment", "figure"]
SLOTS: tuple[str, ...] = ("actor", "date", "place", "duration", "quote", "domain", "commitment", "figure")

ArticleKind = Literal["report", "preview", "communique", "opinion", "unknown"]
ARTICLE_KINDS: tuple[str, ...] = ("report", "preview", "communique", "opinion", "unknown")

FactStatus = Literal["corroborated", "conflicting", "single-source"]
FACT_STATUSES: tuple[str, ...] = ("corroborated", "conflicting", "single-source")

DerivationKind = Literal["copy", "rewrite"]


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of the SHA-256 of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RawDocument:
    """What ingest reads before any cleaning: one file, or one line of a JSON Lines file.

    ``path`` is the path as given on the command line joined with the file name; for a
    JSON Lines record it is ``file.jsonl:LINE`` (1-based). ``data`` is the undecoded bytes
    of a file, ``text`` the already-decoded text of a JSONL field (exactly one is set).
    ``declared`` holds metadata the source declared (JSONL ``url``, ``title``, ``author``,
    ``published``, ``outlet``), as strings.
    """

    path: str
    fmt: Literal["text", "html"]
    data: bytes | None = None
    text: str | None = None
    declared: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Removed:
    """One line the cleaner removed from an article, with the rule that removed it."""

    line: str
    reason: str


@dataclass(frozen=True)
class Rejected:
    """A file (or JSONL line) that could not be used. A value, reported and kept; never raised."""

    path: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Article:
    """One cleaned article. ``text`` is the cleaned text all offsets point into."""

    id: str
    path: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD, or None when unknown
    dateline_place: str | None = None
    language: str | None = None  # ISO 639-1, e.g. "fr"; None when undetermined
    kind: ArticleKind = "unknown"
    removed: tuple[Removed, ...] = ()
    credits: tuple[str, ...] = ()  # "Source : Info Matin", press-office signatures, ...


@dataclass(frozen=True)
class Evidence:
    """Where a value was read: ``text == article.text[start:end]`` always."""

    article: str  # Article.id
    start: int
    end: int
    text: str
    extractor: str  # which rule or model, with a version: "quotes.fr@1"


@dataclass(frozen=True)
class Claim:
    """One normalised value an article asserts, with its evidence.

    ``value`` is normalised so that two outlets' wordings compare equal:

    * ``actor``: a canonical entity id (see :class:`Entity`), e.g. ``"person:sergei-lavrov"``.
    * ``date``: a TimeML value: ``2025-04-03``, ``2025-04-03/2025-04-04``, ``2025-04``,
      ``XXXX-04-03`` when the year is unknown.
    * ``place``: a canonical place entity id (GeoNames based), e.g. ``"place:524901"``.
    * ``duration``: an ISO 8601 / TimeML duration, e.g. ``PT90M``; ``attrs["approx"]`` is one
      of ``exact``, ``about``, ``at_least``, ``at_most``, ``vague``.
    * ``quote``: the quoted words; ``attrs``: ``speaker`` (entity id or None), ``speaker_text``,
      ``direct`` (bool).
    * ``domain``: a key of the cooperation taxonomy (``security``, ``energy``, ...).
    * ``commitment``: the committed action; ``attrs``: ``actor`` (entity id), ``actor_text``.
    * ``figure``: the amount as a string (``"x10"``, ``"1200000000000"``); ``attrs``: ``unit``,
      ``measure``, ``number`` (float).

    ``planned`` is True for what is announced or expected, not reported as having happened.
    """

    slot: str
    value: str
    evidence: Evidence
    planned: bool = False
    attrs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Entity:
    """A canonical actor or place, from the gazetteer (shipped data plus user YAML)."""

    id: str  # "person:sergei-lavrov", "state:RU", "org:aes", "place:524901"
    kind: Literal["person", "state", "org", "place"]
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None
    roles: tuple[str, ...] = ()  # "chef de la diplomatie russe", "ministre des Affaires étrangères du Mali"


@dataclass(frozen=True)
class Derivation:
    """``article`` copies or rewrites ``source`` (the earlier or more complete one)."""

    article: str
    source: str
    kind: DerivationKind
    score: float


def independence_groups(article_ids: Iterable[str], derivations: Iterable[Derivation]) -> list[tuple[str, ...]]:
    """Articles joined by derivations count as one witness: the connected components of the
    derivation graph, each a sorted tuple of ids, the list sorted. Every article is in exactly one
    group (alone when nothing joins it). Shared by the events and reconcile stages."""
    parent = {a: a for a in sorted(set(article_ids))}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for d in derivations:
        if d.article in parent and d.source in parent:
            ra, rb = find(d.article), find(d.source)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for a in parent:
        groups.setdefault(find(a), []).append(a)
    return sorted(tuple(g) for g in groups.values())


@dataclass(frozen=True)
class Event:
    """One real-world event: the articles that report (or announce) it."""

    id: str
    title: str
    articles: tuple[str, ...]
    kinds: Mapping[str, str] = field(default_factory=dict)  # article id -> ArticleKind


@dataclass(frozen=True)
class Fact:
    """One slot of an event, reconciled across sources.

    ``independent_groups`` lists the article ids of each independence group that made a
    claim for this slot (articles joined by derivations form one group).
    """

    event: str
    slot: str
    value: str | None
    status: str  # one of FACT_STATUSES
    claims: tuple[Claim, ...]
    independent_groups: tuple[tuple[str, ...], ...]
    planned: bool = False
    attrs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Judgement:
    """An analyst's decision, stored apart from machine output and applied on top of it.

    ``target`` names what it is about: ``claim:<article>:<start>:<end>:<slot>``,
    ``fact:<event>:<slot>``, ``event:<id>``. ``action`` is ``confirm``, ``reject``,
    ``choose`` (value of a disputed fact), ``merge`` (value: the other event id) or
    ``split`` (value: comma-separated article ids to move out).
    """

    target: str
    action: str
    value: str | None
    author: str
    at: str  # ISO 8601 timestamp, UTC


@dataclass(frozen=True)
class QuoteGroup:
    """The variants of one statement across the articles of an event.

    ``verdicts`` maps each article id of the event to how it renders the statement:
    ``verbatim``, ``paraphrased``, ``indirect`` or ``missing``. ``flags`` carries warnings
    for the analyst, e.g. ``"direct-only-in-derived"``: a direct quote found only in a derived
    article whose source has the statement as indirect speech.
    """

    event: str
    speaker: str | None  # canonical entity id
    speaker_name: str | None
    claims: tuple[Claim, ...]
    verdicts: Mapping[str, str] = field(default_factory=dict)
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dossier:
    """Everything known about one event, what the reports, the API and the web UI render.

    Built by :func:`recoupe.reconcile.build_dossier`, a pure function of the records below.
    """

    event: Event
    articles: tuple[Article, ...]
    claims: Mapping[str, tuple[Claim, ...]]  # article id -> claims
    derivations: tuple[Derivation, ...]
    independence_groups: tuple[tuple[str, ...], ...]
    facts: tuple[Fact, ...]
    quotes: tuple[QuoteGroup, ...]
    summary: str = ""
    judgements: tuple[Judgement, ...] = ()
    entities: Mapping[str, Entity] = field(default_factory=dict)  # ids referenced by claims
