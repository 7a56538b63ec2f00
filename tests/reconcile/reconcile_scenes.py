"""Hand-made articles, claims and events for the reconcile and report tests.

Texts are our own; evidence offsets are computed with ``text.index`` so that
``Evidence.text == article.text[start:end]`` holds exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from recoupe.records import Article, Claim, Derivation, Entity, Event, Evidence, article_id

EXTRACTOR = "test.hand@1"


def article(text: str, **meta) -> Article:
    return Article(id=article_id(text), path=meta.pop("path", f"{article_id(text)[:6]}.txt"), text=text, **meta)


def claim(a: Article, slot: str, value: str, phrase: str, planned: bool = False, nth: int = 0, **attrs) -> Claim:
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(phrase, start + 1)
    end = start + len(phrase)
    return Claim(slot, value, Evidence(a.id, start, end, a.text[start:end], EXTRACTOR), planned, attrs)


LAVROV = Entity("person:sergei-lavrov", "person", "Sergei Lavrov", country="RU")
DIOP = Entity("person:abdoulaye-diop", "person", "Abdoulaye Diop", country="ML")
RUSSIA = Entity("state:RU", "state", "Russia", country="RU")
AES = Entity("org:aes", "org", "Alliance of Sahel States")
MOSCOW = Entity("place:524901", "place", "Moscow", country="RU", lat=55.75222, lon=37.61556)
ENTITIES = {e.id: e for e in (LAVROV, DIOP, RUSSIA, AES, MOSCOW)}


def moscow(a: Article, phrase: str = "Moscou", role: str = "event", nth: int = 0) -> Claim:
    return claim(a, "place", MOSCOW.id, phrase, nth=nth, name="Moscow", country="RU", lat=MOSCOW.lat, lon=MOSCOW.lon, role=role)


def actor(a: Article, ent: Entity, phrase: str) -> Claim:
    return claim(a, "actor", ent.id, phrase, name=ent.name, kind=ent.kind)


@dataclass
class Scene:
    event: Event
    articles: list[Article]
    claims: dict[str, tuple[Claim, ...]]
    derivations: list[Derivation]
    names: dict[str, str] = field(default_factory=dict)  # role -> article id

    def id(self, role: str) -> str:
        return self.names[role]


def meeting() -> Scene:
    """Five articles about one ministers' meeting in Moscow.

    * ``communique``: the ministry's text (dateline), 3 April, about 1 h 30, Lavrov in
      indirect speech.
    * ``rewrite``: a rewrite of the communiqué: 3 April (year unstated), "about two hours",
      Lavrov's words turned into a direct quote.
    * ``daily``: an independent report: Thursday 3 April 2025, "several hours".
    * ``weekly``: an independent report that says 4 and 5 April.
    * ``preview``: written before: the visit is planned for 3 and 4 April.
    """
    communique = article(
        "Russie et AES : un cadre de concertation est né\n"
        "Moscou, le 3 avril 2025\n"
        "Les chefs de la diplomatie de l'AES et de la Russie se sont réunis le 3 avril 2025 à Moscou "
        "pour une première séance de travail commune.\n"
        "Après environ 1h30 de discussions, les délégations ont posé les bases d'un partenariat "
        "dans la sécurité, l'énergie et l'enseignement.\n"
        "Selon le ministre russe Sergueï Lavrov, son pays est disposé à contribuer à la force unifiée "
        "de l'AES et à développer des partenariats dans les autres domaines.\n"
        "« Nous saluons un partenaire sincère qui a reconnu notre confédération dès sa naissance », "
        "a déclaré Abdoulaye Diop au nom de la délégation.\n"
        "Service de presse du ministère",
        title="Russie et AES : un cadre de concertation est né", outlet="Ministère", kind="communique",
        dateline_place="Moscou", published="2025-04-03", author=None, credits=("Service de presse du ministère",),
        path="in/communique.txt")
    rewrite = article(
        "AES-Russie : cap sur un partenariat stratégique\n"
        "Les diplomates du Sahel ont rencontré leurs homologues russes ce 3 avril à Moscou.\n"
        "Pendant près de deux heures, ils ont évoqué la sécurité et l'énergie.\n"
        "« La Russie est disposée à soutenir concrètement la force unifiée de l'AES et à développer "
        "des collaborations dans tous les domaines », a déclaré Sergueï Lavrov.\n"
        "Amen K.",
        title="AES-Russie : cap sur un partenariat stratégique", outlet="Le Relais", author="Amen K.",
        published="2025-04-04", path="in/rewrite.txt")
    daily = article(
        "Première consultation entre la Russie et l'AES\n"
        "Les ministres de l'AES ont rencontré Sergueï Lavrov à Moscou ce jeudi 3 avril 2025.\n"
        "La conférence de presse a suivi plusieurs heures de réunion.\n"
        "« Ce format va durer : nous tiendrons des rencontres régulières à Moscou ou au Sahel », a affirmé "
        "Sergueï Lavrov.\n"
        "« Nous saluons un partenaire sincère qui a reconnu notre confédération dès sa naissance », "
        "a dit Abdoulaye Diop.",
        title="Première consultation entre la Russie et l'AES", outlet="Le Quotidien", author="S. B.",
        published="2025-04-04", path="in/daily.txt")
    weekly = article(
        "Le communiqué conjoint AES-Russie en détail\n"
        "Cette première réunion s'est tenue à Moscou les 4 et 5 avril 2025, selon notre correspondant.\n"
        "Les Parties ont convenu de renforcer la force unifiée de la confédération.",
        title="Le communiqué conjoint AES-Russie en détail", outlet="L'Hebdo", author="O. D.",
        published="2025-04-07", path="in/weekly.txt")
    preview = article(
        "Les ministres de l'AES attendus en Russie\n"
        "Les ministres des Affaires étrangères de l'AES effectueront une visite à Moscou les 3 et 4 avril 2025.\n"
        "Les discussions porteront sur la défense et l'économie.",
        title="Les ministres de l'AES attendus en Russie", outlet="Sahel Matin", author="La Rédaction",
        published="2025-03-30", path="in/preview.txt")

    c = communique
    claims = {
        c.id: (
            claim(c, "date", "2025-04-03", "le 3 avril 2025", nth=0, about_event=False),
            claim(c, "date", "2025-04-03", "3 avril 2025", nth=1, about_event=True),
            moscow(c, "Moscou", role="dateline"),
            moscow(c, "Moscou", nth=1),
            claim(c, "duration", "PT90M", "environ 1h30", approx="about", minutes=90),
            actor(c, LAVROV, "Sergueï Lavrov"),
            actor(c, DIOP, "Abdoulaye Diop"),
            actor(c, AES, "AES"),
            claim(c, "quote", "son pays est disposé à contribuer à la force unifiée de l'AES et à développer "
                  "des partenariats dans les autres domaines",
                  "son pays est disposé à contribuer à la force unifiée de l'AES et à développer des partenariats "
                  "dans les autres domaines", speaker=LAVROV.id, speaker_name="Sergueï Lavrov", direct=False),
            claim(c, "quote", "Nous saluons un partenaire sincère qui a reconnu notre confédération dès sa naissance",
                  "Nous saluons un partenaire sincère qui a reconnu notre confédération dès sa naissance",
                  speaker=DIOP.id, speaker_name="Abdoulaye Diop", direct=True),
            claim(c, "domain", "security", "sécurité"),
            claim(c, "domain", "energy", "énergie"),
        ),
        rewrite.id: (
            claim(rewrite, "date", "XXXX-04-03", "ce 3 avril", about_event=True),
            moscow(rewrite),
            claim(rewrite, "duration", "PT2H", "près de deux heures", approx="about", minutes=120),
            actor(rewrite, LAVROV, "Sergueï Lavrov"),
            claim(rewrite, "quote", "La Russie est disposée à soutenir concrètement la force unifiée de l'AES et à "
                  "développer des collaborations dans tous les domaines",
                  "La Russie est disposée à soutenir concrètement la force unifiée de l'AES et à développer des "
                  "collaborations dans tous les domaines", speaker=LAVROV.id, speaker_name="Sergueï Lavrov",
                  direct=True),
            claim(rewrite, "domain", "security", "sécurité"),
        ),
        daily.id: (
            claim(daily, "date", "2025-04-03", "jeudi 3 avril 2025", about_event=True),
            moscow(daily),
            claim(daily, "duration", "PXH", "plusieurs heures", approx="vague", minutes=None),
            actor(daily, LAVROV, "Sergueï Lavrov"),
            actor(daily, DIOP, "Abdoulaye Diop"),
            claim(daily, "quote", "Ce format va durer : nous tiendrons des rencontres régulières à Moscou ou au Sahel",
                  "Ce format va durer : nous tiendrons des rencontres régulières à Moscou ou au Sahel",
                  speaker=LAVROV.id, speaker_name="Sergueï Lavrov", direct=True),
            claim(daily, "quote", "Nous saluons un partenaire sincère qui a reconnu notre confédération dès sa "
                  "naissance", "Nous saluons un partenaire sincère qui a reconnu notre confédération dès sa naissance",
                  speaker=DIOP.id, speaker_name="Abdoulaye Diop", direct=True),
        ),
        weekly.id: (
            claim(weekly, "date", "2025-04-04/2025-04-05", "les 4 et 5 avril 2025", about_event=True),
            moscow(weekly),
            claim(weekly, "commitment", "renforcer la force unifiée de la confédération",
                  "renforcer la force unifiée de la confédération", actor=RUSSIA.id, actor_name="Russie"),
        ),
        preview.id: (
            claim(preview, "date", "2025-04-03/2025-04-04", "les 3 et 4 avril 2025", planned=True, about_event=True),
            moscow(preview),
            claim(preview, "domain", "security", "défense"),
        ),
    }
    names = {"communique": c.id, "rewrite": rewrite.id, "daily": daily.id, "weekly": weekly.id,
             "preview": preview.id}
    arts = [communique, rewrite, daily, weekly, preview]
    event = Event(id="ev-moscow", title="AES–Russia foreign ministers meet in Moscow",
                  articles=tuple(a.id for a in arts),
                  kinds={c.id: "communique", rewrite.id: "report", daily.id: "report", weekly.id: "report",
                         preview.id: "preview"})
    derivations = [Derivation(rewrite.id, c.id, "rewrite", 0.82)]
    return Scene(event, arts, claims, derivations, names)


BAMAKO = Entity("place:2460596", "place", "Bamako", country="ML", lat=12.65, lon=-8.0)
KOLLO = Entity("place:2441194", "place", "Kollo", country="NE", lat=13.3, lon=2.33)


def place(a: Article, ent: Entity, phrase: str, planned: bool = False, role: str = "event", **attrs) -> Claim:
    return claim(a, "place", ent.id, phrase, planned=planned, name=ent.name, country=ent.country,
                 lat=ent.lat, lon=ent.lon, role=role, **attrs)


def announcements() -> Scene:
    """A meeting in Moscow on 3 April 2025, with reports written after it that announce later
    steps, a preview, and a "preview" published after the meeting.

    * ``preview`` (30 March): the meeting is planned on 3 April in Moscow.
    * ``report`` (4 April): it happened on 3 April in Moscow; the next session will be held in
      Bamako (``next_event``) in June; works will start in September 2025 in Kollo (no mark:
      the later date of the sentence decides); the meeting had been planned for 3 April.
    * ``wire`` (4 April, independent): 3 April in Moscow; a follow-up on 1 October 2025.
    * ``late`` (5 April, called a preview by mistake): "hier jeudi 3 avril" happened.
    """
    preview = article(
        "Les ministres attendus à Moscou\n"
        "La réunion se tiendra le 3 avril 2025 à Moscou, selon le programme.",
        title="Les ministres attendus à Moscou", outlet="Sahel Matin", published="2025-03-30", path="in/p.txt")
    report = article(
        "Les ministres réunis à Moscou\n"
        "Les ministres se sont réunis jeudi 3 avril 2025 à Moscou, comme prévu le 3 avril.\n"
        "La prochaine session se tiendra à Bamako en juin. Les travaux commenceront en septembre 2025 à Kollo.",
        title="Les ministres réunis à Moscou", outlet="Le Quotidien", published="2025-04-04", path="in/r.txt")
    wire = article(
        "Ministers meet in Moscow\n"
        "Les ministres ont tenu jeudi 3 avril 2025 leur réunion à Moscou. Un suivi aura lieu le 1er octobre 2025.",
        title="Ministers meet in Moscow", outlet="Wire", published="2025-04-04", path="in/w.txt")
    late = article(
        "Retour sur la réunion de Moscou\n"
        "Les ministres se sont retrouvés hier jeudi 3 avril à Moscou.",
        title="Retour sur la réunion de Moscou", outlet="L'Hebdo", published="2025-04-05", path="in/l.txt")
    claims = {
        preview.id: (claim(preview, "date", "2025-04-03", "le 3 avril 2025", planned=True, about_event=True),
                     moscow(preview, "Moscou", nth=1)),
        report.id: (claim(report, "date", "2025-04-03", "jeudi 3 avril 2025", about_event=True),
                    moscow(report, "Moscou", nth=1),
                    claim(report, "date", "2025-04-03", "le 3 avril", planned=True, about_event=True),
                    place(report, BAMAKO, "Bamako", planned=True, role="other_event", next_event=True),
                    claim(report, "date", "2025-06", "en juin", planned=True, about_event=True, next_event=True),
                    claim(report, "date", "2025-09", "septembre 2025", planned=True, about_event=False),
                    place(report, KOLLO, "Kollo", planned=True)),
        wire.id: (claim(wire, "date", "2025-04-03", "jeudi 3 avril 2025", about_event=True),
                  moscow(wire),
                  claim(wire, "date", "2025-10-01", "le 1er octobre 2025", planned=True, about_event=True)),
        late.id: (claim(late, "date", "XXXX-04-03", "hier jeudi 3 avril", about_event=True),
                  moscow(late)),
    }
    arts = [preview, report, wire, late]
    event = Event(id="ev-next", title="Ministers meet in Moscow", articles=tuple(a.id for a in arts),
                  kinds={preview.id: "preview", report.id: "report", wire.id: "report", late.id: "preview"})
    names = {"preview": preview.id, "report": report.id, "wire": wire.id, "late": late.id}
    return Scene(event, arts, claims, [], names)
