"""Actors: persons, states and organisations an article names, one canonical entity each.

Sources of mentions, in order: the entities of the spaCy ``Doc`` (gazetteer ruler ids first,
then the model's PER/ORG/LOC resolved through the gazetteer), demonyms that qualify an
actor noun ("la partie russe" -> Russia), role phrases ("le chef de la diplomatie russe")
resolved to a person only when the article also names that person, and short forms of an
organisation already named ("la Confédération" after "AES"). Persons missing from the
gazetteer get ``person:<slug>``; a bare surname joins the full name given elsewhere in the
article. Mentions on share/ads/comment lines and bylines are not actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.attrs import IS_ALPHA, IS_TITLE, ORTH

from recoupe.extract.gazetteer import ACCENT_TABLE, Gazetteer, norm_key, slug, strip_accents
from recoupe.extract.tokens import gazetteer_memo, indices_with_form, resolve, strip_accents_fast, translate_non_ascii
from recoupe.records import Claim, Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

    from recoupe.extract.context import ArticleContext

EXTRACTOR = "actors.fr@1"
ACTOR_KINDS = ("person", "state", "org")
# A role phrase is followed by at most this many words that can complete it
# ("ministre des Affaires étrangères de la Fédération de Russie").
ROLE_TAIL_WORDS = 6
# A byline is a short line: at most this many words besides its opener ("Par").
BYLINE_MAX_WORDS = 5


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity_id: str
    kind: str
    name: str
    via: str  # "gazetteer", "ner", "demonym", "role", "anaphor", "metonymy"


def extract(ctx: "ArticleContext") -> list[Claim]:
    """One ``actor`` claim per mention of a person, state or organisation."""
    text = ctx.article.text
    gz = ctx.gazetteer
    lines = ctx.shared("lines", lambda: LineIndex(text, gz))
    mentions: list[_Mention] = []
    unknown_persons: list[tuple[Span, str]] = []
    # The publication itself is no actor: its name in the metadata or credits, or a name the
    # article uses as its own voice ("a appris Sahel Quotidien"), wherever it appears.
    ents = ctx.shared("ents", lambda: ctx.doc.ents)  # a new tuple at each access: read once per article
    cue_tokens = set(indices_with_form(ctx.doc, gz.words("outlet_verbs")))
    outlets = _outlet_keys(ctx) | {norm_key(e.text) for e in ents if _reported_by(cue_tokens, e)}
    places = _article_places(ents, gz)
    place_words: list[Span] = []
    surnames = {norm_key(e.text).split()[-1] for e in ents if e.label_ == "PER" and len(e) > 1}
    for ent in ents:
        if lines.is_junk(ent.start_char) or gz.is_ignored(ent.text):
            continue
        if norm_key(ent.text) in outlets:
            continue
        entity = _resolve_ent(ent, gz)
        if entity is not None and entity.kind == "place" and _surname_not_place(ent, surnames):
            place_words.append(ent)  # "Pour Djibo, ..." after "Issaka DJIBO": the man, not the town
            continue
        if entity is not None and entity.kind == "place" and _capital_as_agent(ent, entity, gz):
            state = gz.get(f"state:{entity.country}")
            if state is not None:  # "Moscou et Niamey ont signé": the capital speaks for the state
                mentions.append(_Mention(ent.start_char, ent.end_char, state.id, "state", state.name, "metonymy"))
            continue
        if entity is not None:
            if entity.kind in ACTOR_KINDS:
                via = "gazetteer" if ent.ent_id_ else "ner"
                mentions.append(_Mention(ent.start_char, ent.end_char, entity.id, entity.kind, entity.name, via))
            continue
        if ent.label_ == "PER" and _company_words(ent, gz):
            name = ent.text.strip()  # "Sino-Sahel Power Engineering": the model's PER is a firm
            mentions.append(_Mention(ent.start_char, ent.end_char, "org:" + slug(name), "org", name, "ner"))
        elif ent.label_ == "PER" and not lines.is_byline(ent.start_char):
            if _place_word(ent, gz, places) or lone_word_not_person(ent, surnames):
                place_words.append(ent)
                continue
            ent = _with_given_names(ent, gz)
            name = _person_name(ent, gz)
            if name:
                unknown_persons.append((ent, name))
        elif ent.label_ == "ORG" and _named_org(ent, gz) and not _portfolio(ent, gz):
            name = ent.text.strip()
            mentions.append(_Mention(ent.start_char, ent.end_char, "org:" + slug(name), "org", name, "ner"))
    # "Djibo" is a town, but also the surname of "Issaka Djibo" when the article names him.
    surnames |= {norm_key(n).split()[-1] for _, n in unknown_persons if len(n.split()) > 1}
    surnames |= {norm_key(m.name).split()[-1] for m in mentions if m.kind == "person"}
    unknown_persons += [(ent, ent.text.strip()) for ent in place_words if norm_key(ent.text) in surnames]
    mentions.extend(_merge_persons(unknown_persons, mentions))
    taken = [(m.start, m.end) for m in mentions]
    mentions.extend(_demonyms(ctx.doc, gz, lines, taken))
    named = {m.entity_id for m in mentions}
    mentions.extend(_roles(text, gz, lines, named, taken))
    mentions.extend(_anaphors(ctx.doc, gz, lines, named, taken))
    claims = []
    for m in sorted(set(mentions), key=lambda m: (m.start, m.end, m.entity_id)):
        claims.append(ctx.claim("actor", m.entity_id, m.start, m.end, EXTRACTOR,
                                kind=m.kind, name=m.name, surface=text[m.start:m.end].strip(), via=m.via))
    return claims


def _resolve_ent(ent: "Span", gz: Gazetteer) -> Entity | None:
    if ent.ent_id_:
        return gz.get(ent.ent_id_)
    kinds = {"PER": ("person",), "LOC": ("state", "place"), "ORG": ("org", "state"),
             "MISC": ("org", "state")}.get(ent.label_, ("org", "state"))
    return resolve(gz, ent.text, kinds)


def _capital_as_agent(ent: "Span", entity: Entity, gz: Gazetteer) -> bool:
    """A national capital that is the subject of a verb (or conjoined with one): the
    government acting, not the city ("Washington a sanctionné", "Moscou et Niamey ont signé")."""
    if not gz.is_capital(entity.id) or entity.country is None:
        return False
    root = ent.root
    if any(c.dep_ == "case" for c in root.children):
        return False  # "à Moscou", "avec Moscou"
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    return root.dep_ in ("nsubj", "nsubj:pass") and root.head.pos_ in ("VERB", "AUX")


def _person_name(ent: "Span", gz: Gazetteer) -> str | None:
    """Readable canonical name of an unknown person: titles dropped, ALL-CAPS words
    capitalised ("SEM Oumar DIAKITE" -> "Oumar Diakite"); None for what is not a name."""
    words = [w for w in re.split(r"\s+", ent.text.strip()) if w]
    while words and gz.is_honorific(words[0]):
        words = words[1:]
    if not words or not words[-1][:1].isupper() or len(words[-1]) < 3:
        return None
    if len(words) == 1 and (ent[0].is_stop or ent[0].pos_ not in ("PROPN", "NOUN", "X")):
        return None
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in words)


def _named_org(ent: "Span", gz: Gazetteer) -> bool:
    """An unknown ORG worth keeping: several capitalised words, not a generic phrase
    ("Les Parties", "Coopération régionale") nor a bare acronym (site and radio names)."""
    if len(ent) < 2 or ent[0].pos_ == "DET":
        return False
    if strip_accents(ent.root.lower_) in gz.words("generic_heads"):
        return False
    content = [t for t in ent if not t.is_stop and not t.is_punct and t.text[:1].isalpha()]
    return len(content) >= 2 and all(t.text[:1].isupper() for t in content)


def _merge_persons(unknown: list[tuple["Span", str]], known: list[_Mention]) -> list[_Mention]:
    """Ids of persons the gazetteer lacks; the words of a shorter name that end a longer one
    ("Konaté", "Abdou Sambo" for "Hadiza Abdou Sambo"), or a family name written first in
    capitals ("M. Liu" after "LIU Wenbo"), join the one longer name the article gives (a
    gazetteer person or an unknown one). The id is the slug of that longest form, so the
    same person gets the same id in every article that gives the full name."""
    full: list[tuple[list[str], str, str, bool]] = []  # (key words, id, canonical name, family name first)
    for m in known:
        if m.kind == "person":
            full.append((norm_key(m.name).split(), m.entity_id, m.name, False))
    for ent, name in unknown:
        full.append((norm_key(name).split(), "person:" + slug(name), name, _family_first(ent, name)))
    out = []
    for ent, name in unknown:
        parts = norm_key(name).split()
        longer = {(i, n) for words, i, n, _ in full if len(words) > len(parts) and words[-len(parts):] == parts}
        if not longer and len(parts) == 1:
            longer = {(i, n) for words, i, n, first in full if first and len(words) > 1 and words[0] == parts[0]}
        # Of nested longer forms ("Selim Aksoy" < "Mehmet Selim Aksoy"), the longest.
        longest = {(i, n) for i, n in longer if not any(len(n2) > len(n) and n2.endswith(n) for _, n2 in longer)}
        if len(longest) == 1:  # one longer name ends with these words: the same person
            entity_id, canonical = next(iter(longest))
        else:
            entity_id, canonical = "person:" + slug(name), name
        out.append(_Mention(ent.start_char, ent.end_char, entity_id, "person", canonical, "ner"))
    return out


def _family_first(ent: "Span", name: str) -> bool:
    """"LIU Wenbo": the first word in capitals, the rest not (a family name given first)."""
    words = [w for w in ent.text.split() if w[:1].isalpha()]
    words = words[-len(name.split()):] if name else words
    return len(words) >= 2 and words[0].isupper() and len(words[0]) > 1 and not any(w.isupper() for w in words[1:])


# Given names the model leaves out of a PER span ("le Malien Ousmane [Bakary COULIBALY]").
MAX_GIVEN_NAMES = 2


def _with_given_names(ent: "Span", gz: Gazetteer) -> "Span":
    """The PER span widened to the proper nouns just before it on the same line, stopping at a
    demonym, a title, another entity or a common word."""
    doc, start = ent.doc, ent.start
    while start > 0 and ent.start - start < MAX_GIVEN_NAMES:
        tok = doc[start - 1]
        # The model often runs a demonym into the first given name ("[Burkinabè Salif] Désiré").
        after_demonym = start >= 2 and gz.demonym(doc[start - 2].text) is not None
        word = strip_accents(tok.lower_)
        # The model tags some given names as nouns ("Mariama"): a capitalised noun inside a
        # sentence that is no title, role or generic word counts too.
        if (tok.pos_ not in ("PROPN", "NOUN") or not tok.is_title or tok.is_stop or tok.is_sent_start
                or (tok.ent_type_ and not after_demonym) or "\n" in tok.whitespace_
                or gz.demonym(tok.text) is not None or gz.is_honorific(tok.text)
                or any(word in gz.words(w) for w in ("agent_nouns", "title_nouns", "generic_heads"))):
            break
        start -= 1
    return ent if start == ent.start else doc[start:ent.end]


# Endings of the plural name of a city's inhabitants ("Niaméens", "Bamakois", "Dakarois").
INHABITANT_ENDINGS = ("eennes", "eens", "iennes", "iens", "aises", "ais", "oises", "ois", "aines", "ains",
                      "ennes", "ens", "ines", "ins")
# A city's stem must keep this many letters to be recognised in its inhabitants' name.
MIN_CITY_STEM = 4


def _article_places(ents: "tuple[Span, ...]", gz: Gazetteer) -> list[str]:
    """Folded names of the places the article names (for the names of their inhabitants)."""
    out = []
    for ent in ents:
        entity = gz.get(ent.ent_id_) if ent.ent_id_ else (resolve(gz, ent.text, ("place",)) if ent.label_ == "LOC" else None)
        if entity is not None and entity.kind == "place":
            out.append(strip_accents(ent.text.lower()))
    return out


def _place_word(ent: "Span", gz: Gazetteer, places: list[str]) -> bool:
    """A one-word PER that is a known place ("Kollo") or the plural name of the inhabitants of
    a city the article names ("les Niaméens"): the model's guess loses to the gazetteer."""
    words = ent.text.split()
    if len(words) != 1:
        return False
    if resolve(gz, words[0], ("place", "state")) is not None:
        return True
    folded = strip_accents(words[0].lower())
    for ending in INHABITANT_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_CITY_STEM:
            stem = folded[: -len(ending)]
            return any(p.startswith(stem[:-1]) and len(p) - len(stem) <= 2 for p in places)
    return False


def _outlet_keys(ctx: "ArticleContext") -> set[str]:
    """Name keys of the article's own publication and of the outlets its credits name."""
    keys = set()
    if ctx.article.outlet:
        keys.add(norm_key(ctx.article.outlet))
    for credit in ctx.article.credits:
        _, _, named = credit.partition(":")
        if named.strip() and len(named.split()) <= OUTLET_MAX_WORDS:
            keys.add(norm_key(named))
    return keys


# A credit ("Source : L'Éclaireur de Bamako") names an outlet in at most this many words;
# longer credits name a press office or a reporter's line.
OUTLET_MAX_WORDS = 5


def _reported_by(cue_tokens: set[int], ent: "Span") -> bool:
    """A name next to "a appris" / "apprend" ("a appris Sahel Quotidien de sources
    diplomatiques"): the outlet reporting, not an actor. ``cue_tokens``: the indices of the
    doc's tokens that are such verbs."""
    return any(i in cue_tokens for i in (ent.start - 2, ent.start - 1, ent.end, ent.end + 1))


# Words before a place name that make it a place whatever else it names ("à Djibo").
_LOCATIVE = frozenset({"à", "a", "de", "d'", "d’", "en", "au", "aux", "vers", "depuis"})


def _surname_not_place(ent: "Span", surnames: set[str]) -> bool:
    """A one-word place name that is also the surname of a person the article names, not
    after a locative preposition."""
    return (len(ent) == 1 and norm_key(ent.text) in surnames
            and not (ent.start > 0 and ent.doc[ent.start - 1].lower_ in _LOCATIVE))


# Prepositions of movement and location before a lone capitalised word: "s'est rendue à
# Ouallam", "depuis Tessalit" (never "de": "le fils de Diallo").
_TO_PLACE = frozenset({"à", "a", "vers", "depuis", "en"})


def lone_word_not_person(ent: "Span", surnames: set[str] | frozenset[str] = frozenset()) -> bool:
    """A one-word PER that is no surname of a person the article names in full, and reads as
    something else: a town the gazetteer does not know, right after "à" / "vers" / "depuis"
    ("s'est rendue à Ouallam"), or a participle fronted at the start of a sentence
    ("Interrogé, le secrétaire général ...")."""
    if len(ent) != 1 or norm_key(ent.text) in surnames:
        return False
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and prev.lower_ in _TO_PLACE:
        return True
    at_start = prev is None or prev.is_space or prev.text in {".", "!", "?", ":", "»", "\n"}
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return at_start and nxt is not None and nxt.text == "," and _PARTICIPLE.search(ent.text) is not None


_PARTICIPLE = re.compile(r"[a-zà-ÿ]{3}(?:é|ée|és|ées)$")


def _company_words(ent: "Span", gz: Gazetteer) -> bool:
    """A name with a company word ("Power", "Engineering", "Holding", "SARL") is a firm."""
    words = gz.words("company_words")
    return any(strip_accents(t.lower_) in words for t in ent)


def _portfolio(ent: "Span", gz: Gazetteer) -> bool:
    """"les ministres de l'Énergie de la Confédération": a minister's portfolio, not an
    organisation."""
    doc = ent.doc
    prev = [strip_accents(doc[j].lower_) for j in range(max(0, ent.start - 3), ent.start)]
    return any(w in gz.words("portfolio_heads") for w in prev) and bool(prev) and prev[-1] in ("l'", "l’", "la", "le", "du", "des", "de")


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _demonyms(doc: "Doc", gz: Gazetteer, lines: "LineIndex", taken: list[tuple[int, int]]) -> list[_Mention]:
    """States named by a demonym: "la partie russe", "le ministre malien", "les Maliens"."""
    agents = gz.words("agent_nouns")
    out = []
    strings = doc.vocab.strings
    states = gazetteer_memo(gz, "demonym")  # per word form (IS_ALPHA is one too): one look-up
    for i, (orth, alpha) in enumerate(doc.to_array([ORTH, IS_ALPHA]).tolist() if len(doc) else ()):
        if orth in states:
            state = states[orth]
        else:
            text = strings[orth]
            state = states[orth] = gz.demonym(text) if alpha or "-" in text else None
        if state is None:
            continue
        tok = doc[i]
        if lines.is_junk(tok.idx) or _overlaps(tok.idx, tok.idx + len(tok), taken):
            continue
        if tok.text[:1].isupper() and tok.pos_ in ("NOUN", "PROPN") and tok.text.endswith("s"):
            ok = True  # "les Maliens", "des Burkinabès": the people, hence the state
        else:
            heads = [tok.head] if tok.dep_ in ("amod", "nmod", "appos") else []
            heads += [doc[j] for j in (tok.i - 1, tok.i - 2) if j >= 0]
            ok = any(strip_accents(h.lower_) in agents for h in heads)
            ok = ok or (tok.text[:1].isupper() and tok.i > 0 and doc[tok.i - 1].lower_ in ("les", "des", "aux"))
        if ok:
            out.append(_Mention(tok.idx, tok.idx + len(tok), state.id, "state", state.name, "demonym"))
    return out


def _folded(text: str) -> str:
    """Lower case without accents, same length as ``text`` (offsets stay valid)."""
    whole = translate_non_ascii(text, ACCENT_TABLE).lower()
    if len(whole) == len(text):  # lower() kept every character single
        return whole
    out = []
    for ch in text:
        f = strip_accents(ch).lower()
        out.append(f if len(f) == 1 else ch.lower()[:1] or ch)
    return "".join(out)


_ROLE_REGEXES: dict[int, tuple[tuple[tuple[str, str], ...], re.Pattern[str]]] = {}


def _role_regex(gz: Gazetteer) -> re.Pattern[str]:
    """The role phrases of ``gz`` as one regex, built once per gazetteer."""
    phrases = gz.role_phrases()
    known = _ROLE_REGEXES.get(id(phrases))
    if known is not None and known[0] is phrases:
        return known[1]
    if len(_ROLE_REGEXES) > 8:
        _ROLE_REGEXES.clear()
    rx = _build_role_regex(phrases)
    _ROLE_REGEXES[id(phrases)] = (phrases, rx)
    return rx


def _build_role_regex(phrases: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    alternatives = []
    for phrase, _office in phrases:
        toks = phrase.split()
        parts = []
        for i, tok in enumerate(toks):
            piece = re.escape(tok[:-1]) + r"['\u2019]\s*" if tok.endswith("'") else re.escape(tok)
            parts.append(piece)
            if i == 0:
                parts.append(r"(?:\s+[\w-]+)?")  # "ministre russe des Affaires étrangères"
            if not tok.endswith("'") and i < len(toks) - 1:
                parts.append(r"[\s-]+")
        alternatives.append("".join(parts))
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


def _roles(text: str, gz: Gazetteer, lines: "LineIndex", named: set[str],
           taken: list[tuple[int, int]]) -> list[_Mention]:
    """Role phrases naming a person the article also names: "le chef de la diplomatie russe"
    -> Lavrov only if Lavrov is named in the article."""
    if not gz.role_phrases():
        return []
    folded = _folded(text)
    out = []
    for match in _role_regex(gz).finditer(folded):
        start = match.start()
        if lines.is_junk(start) or _overlaps(start, match.end(), taken):
            continue
        tail = list(re.finditer(r"[\w'\u2019-]+", text[match.end():match.end() + 80]))[:ROLE_TAIL_WORDS]
        for k in range(len(tail), -1, -1):
            end = match.end() + (tail[k - 1].end() if k else 0)
            if "\n" in text[start:end]:
                continue
            people = [p for p in gz.by_role(text[start:end]) if p.id in named]
            if people:
                person = people[0]
                out.append(_Mention(start, end, person.id, "person", person.name, "role"))
                break
    return out


def _anaphors(doc: "Doc", gz: Gazetteer, lines: "LineIndex", named: set[str],
              taken: list[tuple[int, int]]) -> list[_Mention]:
    """"la Confédération" for an organisation the article has already named."""
    out = []
    strings = doc.vocab.strings
    orgs = gazetteer_memo(gz, "anaphor")  # per word form (IS_TITLE is one too): one look-up
    for i, (orth, title) in enumerate(doc.to_array([ORTH, IS_TITLE]).tolist() if len(doc) else ()):
        if not title:
            continue
        org = orgs[orth] if orth in orgs else orgs.setdefault(orth, gz.anaphor(strings[orth]))
        if org is None or org.id not in named:
            continue
        tok = doc[i]
        if not (_overlaps(tok.idx, tok.idx + len(tok), taken) or lines.is_junk(tok.idx)):
            out.append(_Mention(tok.idx, tok.idx + len(tok), org.id, "org", org.name, "anaphor"))
    return out


_FIRST_WORD = re.compile(r"[\w-]+")


@lru_cache(maxsize=16)
def _any_of(words: frozenset[str]) -> re.Pattern[str]:
    """One regex finding any of ``words`` as a substring (never matches when empty)."""
    return re.compile("|".join(re.escape(w) for w in sorted(words)) if words else r"(?!)")


class LineIndex:
    """Which character offsets sit on junk lines (share buttons, ads, comment forms) or on a
    byline ("Par Sikou BAH", a name alone on its line)."""

    _NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w.'’-]*$")

    def __init__(self, text: str, gz: Gazetteer) -> None:
        self.starts: list[int] = []
        self.junk: list[bool] = []
        self.byline: list[bool] = []
        markers = _any_of(gz.words("junk_line_markers"))
        openers = sorted(gz.words("byline_openers"), key=len, reverse=True)
        # A line longer than this many words is no byline whatever its opener.
        longest = BYLINE_MAX_WORDS + max((len(o.split()) for o in openers), default=0)
        pos = 0
        for line in text.split("\n"):
            self.starts.append(pos)
            first = _FIRST_WORD.search(line)
            self.junk.append(markers.search(strip_accents_fast(line).lower()) is not None
                             or (first is not None and gz.is_ignored(first.group())))
            words = line.split()
            if len(words) > longest:
                self.byline.append(False)
            else:
                low = strip_accents(" ".join(words[:3])).lower()
                for opener in openers:
                    if low.startswith(opener + " "):
                        words = words[len(opener.split()):]
                        break
                self.byline.append(0 < len(words) <= BYLINE_MAX_WORDS
                                   and all(self._NAME_WORD.match(w) for w in words))
            pos += len(line) + 1

    def _line(self, offset: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:  # last line starting at or before offset
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def is_junk(self, offset: int) -> bool:
        return self.junk[self._line(offset)]

    def is_byline(self, offset: int) -> bool:
        return self.byline[self._line(offset)]
