"""Hand-made stores for the web tests: articles, claims at exact offsets, events and
derivations written through the Store API, dossiers built by the real reconcile stage
(``Pipeline.refresh_dossier`` needs no spaCy). No model is loaded."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from recoupe.pipeline import Pipeline
from recoupe.records import Article, Claim, Derivation, Entity, Event, Evidence, article_id
from recoupe.settings import Settings
from recoupe.store import Store

TOKEN = "test-token-0123456789"

REPORT = """Le Mali et la Russie renforcent leur coopération

Moscou, le 3 avril 2025

Les ministres des Affaires étrangères de l'AES ont rencontré Sergueï Lavrov le 3 avril à Moscou.

Après environ 1h30 d'échanges, les deux parties ont parlé de sécurité et d'énergie.

« Nous sommes prêts à aider nos amis du Sahel », a déclaré Sergueï Lavrov.

La Russie s'engage à livrer des équipements militaires."""

OTHER = """AES-Russie : une rencontre de deux heures à Moscou

Bamako, 5 avril 2025

La réunion entre l'AES et la Russie s'est tenue le 4 avril à Moscou et a duré deux heures.

Sergueï Lavrov a dit que la Russie était prête à aider ses amis du Sahel.

Les discussions ont porté sur la sécurité."""

REWRITE = """Moscou : l'AES et la Russie renforcent leur coopération

Les ministres de l'AES ont rencontré Sergueï Lavrov le 3 avril à Moscou.

Après environ 1h30 d'échanges, ils ont parlé de sécurité.

« Nous sommes prêts à aider nos amis du Sahel », a déclaré Sergueï Lavrov."""

PREVIEW = """Les ministres de l'AES attendus à Moscou

Niamey, 1er avril 2025

Les ministres de l'AES se rendront à Moscou le 3 avril pour une réunion avec Sergueï Lavrov."""

ENTITIES = (
    Entity("person:sergei-lavrov", "person", "Sergueï Lavrov", ("Lavrov",), "RU"),
    Entity("state:RU", "state", "Russie", ("Fédération de Russie",), "RU"),
    Entity("org:aes", "org", "Alliance des États du Sahel", ("AES",)),
    Entity("place:524901", "place", "Moscou", (), "RU", lat=55.75, lon=37.62),
)


def _claim(a: Article, slot: str, value: str, needle: str, nth: int = 0, planned: bool = False,
           **attrs: Any) -> Claim:
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(needle, start + 1)
    end = start + len(needle)
    return Claim(slot, value, Evidence(a.id, start, end, a.text[start:end], f"{slot}.test@1"), planned, attrs)


def article(text: str, path: str, published: str, outlet: str, dateline: str | None = None) -> Article:
    return Article(id=article_id(text), path=path, text=text, title=text.split("\n", 1)[0],
                   outlet=outlet, published=published, dateline_place=dateline, language="fr")


def meeting_claims(a: Article) -> list[Claim]:
    """The claims an extractor would make on one of the texts above."""
    t = a.text
    out: list[Claim] = []
    for day in ("3 avril", "4 avril"):
        if f"le {day} " in t:
            planned = "se rendront" in t
            out.append(_claim(a, "date", f"2025-04-0{day[0]}", f"le {day}", planned=planned))
    if "1h30" in t:
        out.append(_claim(a, "duration", "PT90M", "environ 1h30", approx="about"))
    if "deux heures" in t and "duré" in t:
        out.append(_claim(a, "duration", "PT2H", "duré deux heures", approx="exact"))
    if "Moscou" in t:
        out.append(_claim(a, "place", "place:524901", "Moscou", nth=t.count("Moscou") - 1, role="event", name="Moscou",
                          country="RU", planned="se rendront" in t))
    if "Sergueï Lavrov" in t:
        out.append(_claim(a, "actor", "person:sergei-lavrov", "Sergueï Lavrov", name="Sergueï Lavrov", kind="person"))
    if "AES" in t:
        out.append(_claim(a, "actor", "org:aes", "AES", name="Alliance des États du Sahel", kind="org"))
    if "Russie" in t:
        out.append(_claim(a, "actor", "state:RU", "Russie", name="Russie", kind="state"))
    if "« Nous" in t:
        q = "Nous sommes prêts à aider nos amis du Sahel"
        out.append(_claim(a, "quote", q, q, speaker="person:sergei-lavrov", speaker_text="Sergueï Lavrov", direct=True))
    if "était prête à aider" in t:
        q = "la Russie était prête à aider ses amis du Sahel"
        out.append(_claim(a, "quote", q, q, speaker="person:sergei-lavrov", speaker_text="Sergueï Lavrov", direct=False))
    if "sécurité" in t:
        out.append(_claim(a, "domain", "security", "sécurité"))
    if "énergie" in t:
        out.append(_claim(a, "domain", "energy", "énergie"))
    if "s'engage à livrer" in t:
        out.append(_claim(a, "commitment", "livrer des équipements militaires", "s'engage à livrer des équipements militaires",
                          actor="state:RU", actor_text="La Russie"))
    return out


def meeting_store(settings: Settings | None = None) -> tuple[Store, dict[str, str]]:
    """A store with one four-article event (a report, a disagreeing report, a rewrite of the
    first, a preview) whose date and duration conflict. Returns the store and the ids."""
    store = Store.open(":memory:")
    arts = {
        "report": article(REPORT, "report.txt", "2025-04-03", "Le Sahel", "Moscou"),
        "other": article(OTHER, "other.txt", "2025-04-05", "L'Éclaireur", "Bamako"),
        "rewrite": article(REWRITE, "rewrite.txt", "2025-04-04", "Copie Info"),
        "preview": article(PREVIEW, "preview.txt", "2025-04-01", "Le Veilleur", "Niamey"),
    }
    for a in arts.values():
        store.save_article(a, meeting_claims(a))
    store.save_entities(ENTITIES)
    ids = {k: a.id for k, a in arts.items()}
    kinds = {ids["report"]: "report", ids["other"]: "report", ids["rewrite"]: "report", ids["preview"]: "preview"}
    event = Event("ev-moscow", "AES–Russie : réunion des ministres à Moscou", tuple(ids.values()), kinds)
    store.save_events([event], [Derivation(ids["rewrite"], ids["report"], "rewrite", 0.81)])
    Pipeline(settings or Settings(db=":memory:", token=TOKEN), store).refresh_dossier(event.id)
    ids["event"] = event.id
    return store, ids


def add_article_event(store: Store, settings: Settings, text: str, event_id: str, title: str,
                      claims_of=meeting_claims, published: str = "2025-05-01", outlet: str = "Autre") -> str:
    """Store one more article as an event of its own (claims by ``claims_of``); its id."""
    a = article(text, f"{event_id}.txt", published, outlet)
    store.save_article(a, claims_of(a))
    store.save_events([Event(event_id, title, (a.id,), {a.id: "report"})], [])
    Pipeline(settings, store).refresh_dossier(event_id)
    return a.id


class LightPipeline(Pipeline):
    """The real pipeline minus the models, for tests of the HTTP layer: articles are stored
    as in ``recoupe ingest`` but no language is analysed (no spaCy), and each new article
    becomes an event of its own (no sentence encoder). Dossiers are the real reconcile stage."""

    def __init__(self, settings: Settings, store: Store):
        super().__init__(replace(settings, languages=()), store)

    def update_events(self, new_ids: set[str]) -> list[str]:
        made = []
        for aid in sorted(new_ids):
            eid = f"ev-{aid}"
            a = self.store.article(aid)
            self.store.save_events([Event(eid, (a.title if a else None) or aid, (aid,), {aid: "report"})], [])
            self.refresh_dossier(eid)
            made.append(eid)
        return made


def columns(html: str) -> list[str]:
    """The article columns of an event page (the HTML of each)."""
    return [part.split("</article>", 1)[0] for part in html.split('<article class="col')[1:]]


def marks(html: str) -> list[tuple[str, str]]:
    """(class, text) of every <mark> in a piece of HTML, text unescaped."""
    import html as H
    import re

    return [(cls, H.unescape(text)) for cls, text in re.findall(r'<mark class="([^"]*)"[^>]*>([^<]*)</mark>', html)]
