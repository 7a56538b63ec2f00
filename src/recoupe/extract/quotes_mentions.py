"""Who can speak in an article: person names, role phrases, documents and pronouns.

:func:`find_mentions` collects candidate speaker mentions from the actor claims (when the
actors extractor ran), spaCy ``PER`` entities and our own patterns (honorific + name, title +
name, runs of capitalised words, role phrases, document nouns, subject pronouns). Offsets
always index the article text; nothing inside a quotation is a mention (we read the masked
text). :class:`Speakers` turns a mention into a canonical speaker, per article.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import Any, Iterable

from recoupe.extract.actors import lone_word_not_person
from recoupe.extract.quotes_spans import wrapped
from recoupe.extract.tokens import tokens_with_pos

NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w’'-]*"
ROLE_TAIL_WORDS = 12  # words after a role head: "des Affaires étrangères de la Coopération régionale ..."
_PARTICLE = r"(?:ag|Ag|ould|Ould|ben|Ben|bin|el|El|al|Al|de|da|dos|van|von|le|Le)"
_GAP = r"(?:[ \u00a0]+|[ \u00a0]*\n(?!\s*\n)[ \u00a0]*)"  # a space, or one line break (wrapped text)
_NAME_RUN = re.compile(rf"{NAME_TOKEN}(?:{_GAP}(?:{_PARTICLE}{_GAP})?{NAME_TOKEN})*")
_PRONOUN = re.compile(r"(?<![-\w’'])(il|elle|ils|elles|Il|Elle|Ils|Elles)\b(?!-)")
# A sentence that starts with "Le/La/L' + common noun" (an institution when the lexicon says so).
_INSTITUTION_HEAD = re.compile(r"(?:[Ll]e|[Ll]a|[Ll]['’])\s*(?P<noun>[\w-]+)\b")
# Capitalised words that a name tagger may take into a name at a sentence start.
_LEAD_WORD = re.compile(r"(?:D['’]après|Selon|Pour|Par|Avec|Chez|Interrog[ée]+s?|Merci|Face à)\s+")
_OBJ_PRONOUN = re.compile(r"\b(?:[Ss]elon|[Pp]our|[Dd]['’]après)\s+(lui|elle|eux|elles)\b")

# Capitalised words that start or belong to institution and place names, never to a person's
# name; they stop our fallback name finder (spaCy and the gazetteer do the real work).
CAP_STOP: frozenset[str] = frozenset("""
La Le Les L Un Une Des Du De D Selon Pour Dans En Au Aux À A Après Avant Par Sur Son Sa Ses
Leur Leurs Nos Notre Nous Vous Il Elle Ils Elles Ce Cette Ces Mais Et Ou Si Lors Depuis Chaque
Tout Tous Plus Moins Côté Puis Enfin Mieux Pire Faut-il Interrogé Interrogée Répondant
Évoquant Fédération République Confédération Alliance Union États Etats Etat État Nations
Unies Conseil Commission Force Forces Ministère Ministre Président Présidente Gouvernement
Assemblée Organisation Agence Bureau Programme Fonds Banque Grand Marché Burkina Faso Sahel
Afrique Russie France Mali Niger Tchad Sénégal Guinée Côte Ivoire Moscou Bamako Niamey
Ouagadougou Dakar Abuja Conakry Paris Nord Sud Est Ouest Premier Première Affaires Étrangères
Etrangères Parties Partie Chef Chefs Forum Festival Coopération Défense Sécurité Santé
Économie Énergie Energie Jeunesse Intérieur Armées Armée Transition Code Cour Constitutionnel
Kremlin Élysée Dieu Excellence Excellences Leurs Son SEM Capitaine Général Colonel Monsieur
Madame Docteur Direction Délégation Ambassade Consulat Sommet Haut Haute Nouvelle Nouveau
Journal Radio Télévision Agence Presse Institut Université Centre Comité Collectif Front
Mouvement Parti Coalition Association Syndicat Société Compagnie Groupe Office Direction
Chambre Tribunal Parlement Sénat Mairie Région Province Ville Lac Fleuve Mer Océan Mont
Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre
Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Source Suivez Ecoutez Lire PAR
""".split())


def fold(text: str) -> str:
    """Lower case without accents, for matching names and words."""
    if text.isascii():  # most words: no Unicode round trip (casefold is lower for ASCII)
        return text.lower()
    return _fold_unicode(text)


@lru_cache(maxsize=1 << 15)
def _fold_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


def stem(word: str) -> str:
    """Crude French stem that merges gender and number: malienne, maliens -> malien."""
    w = fold(word).rstrip("s")
    if w.endswith("que") and len(w) > 4:  # turque -> turc, grecque -> grec
        return w[:-3].rstrip("c") + "c"
    if w.endswith("nne"):
        return w[:-2]
    if w.endswith("e") and len(w) > 3:
        return w[:-1]
    return w


def pretty_name(surface: str) -> str:
    """``SEM Sergueï LAVROV`` -> ``Sergueï Lavrov``: no honorific, no shouting."""
    toks = [t for t in surface.replace("\u00a0", " ").split() if t.strip(",")]
    out = []
    for t in toks:
        if t.isupper() and len(t) > 1 and not re.fullmatch(r"[A-Z]\.?", t):
            t = "-".join(p.capitalize() for p in t.split("-"))
        out.append(t)
    return " ".join(out)


@dataclass(frozen=True)
class Mention:
    """A span that may name a speaker. ``kind``: person, role, doc, org, pronoun."""

    start: int
    end: int
    text: str
    kind: str
    gender: str | None = None  # "m", "f" or None when the text does not say
    plural: bool = False
    entity_id: str | None = None
    name: str | None = None  # canonical name when known
    words: tuple[str, ...] = ()  # stemmed words of the role phrase or document name


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker and the mention the attribution went through."""

    id: str | None
    name: str | None
    text: str
    start: int
    end: int
    kind: str


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


@lru_cache(maxsize=8)
def _role_regex(lex: ModuleType) -> re.Pattern[str]:
    heads = sorted(lex.ROLE_HEADS, key=len, reverse=True)
    alt = "|".join(re.escape(h).replace("\\'", "['’]").replace("’", "['’]") for h in heads)
    return re.compile(rf"\b(?P<det>[Ll]e|[Ll]a|[Ll]['’]|[Ss]on|[Ss]a|[Ll]eur|[Nn]otre|[Uu]n|[Uu]ne|"
                      rf"[Dd]u|[Cc]e|[Cc]ette)\s*(?P<head>{alt})\b", re.IGNORECASE)


# Groups that speak together: "ont annoncé les ministres", "les trois chefs de diplomatie ont indiqué".
_GROUP = re.compile(r"\b(?:[Ll]es|[Dd]es|[Ss]es|[Ll]eurs|[Cc]es)\s+(?:(?:deux|trois|quatre|cinq|six|"
                    r"plusieurs|nombreux)\s+)?(?:ministres|chefs|diplomates|responsables|experts|"
                    r"dirigeants|représentants|présidents|délégués|manifestants|habitants|témoins|"
                    r"observateurs|analystes|organisateurs|économistes|syndicats|autorités|"
                    r"délégations|participants|députés|élus|sources)\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _doc_regex(lex: ModuleType) -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(lex.DOC_HEADS, key=len, reverse=True))
    quals = "|".join(re.escape(q) for q in sorted(lex.DOC_QUALIFIERS, key=len, reverse=True))
    # "le communiqué conjoint", "son dernier rapport", "une nouvelle déclaration commune"
    return re.compile(rf"\b(?P<det>[Ll]e|[Ll]a|[Ll]['’]|[Uu]n|[Uu]ne|[Cc]e|[Cc]ette|[Dd]u|[Dd]e la|[Aa]u|"
                      rf"[Dd]['’]un|[Dd]['’]une|[Ss]on|[Ss]a|[Ll]eur)\s*(?:(?:dernier|dernière|nouveau|même|"
                      rf"nouvel|nouvelle|récent|récente|premier|première|long|longue)\s+)?"
                      rf"(?P<head>{heads})(?:\s+(?P<qual>{quals}))?\b")


def _content_stems(text: str) -> tuple[str, ...]:
    skip = {"le", "la", "les", "l", "de", "du", "des", "d", "et", "son", "sa", "leur", "un",
            "une", "ce", "cette", "notre", "a", "au", "aux", "en"}
    return tuple(stem(w) for w in re.findall(r"[\w-]+", text) if fold(w) not in skip)


def _gender_of_det(det: str, head: str, lex: ModuleType) -> str | None:
    if fold(head) in {fold(h) for h in lex.FEMININE_ROLE_HEADS} or fold(det) in {"la", "une", "cette", "sa"}:
        return "f" if fold(det) != "son" else None
    if fold(head) in _masculine_heads(lex):
        return "m"
    if fold(det) in {"le", "un", "ce", "du"}:
        # "le ministre Aïchatou Boulama": a noun with one form for both ("ministre", "juge",
        # "porte-parole") keeps "le" for women too in much of the press; it tells nothing
        return None if fold(head).split()[0].endswith("e") else "m"
    return None


@lru_cache(maxsize=8)
def _masculine_heads(lex: ModuleType) -> frozenset[str]:
    return frozenset(fold(h) for h in getattr(lex, "MASCULINE_ROLE_HEADS", ()))


@lru_cache(maxsize=8)
def _apposed_role(lex: ModuleType) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A role phrase right before a name ("la conseillère nationale X", "Son éditeur
    dakarois, X", "Interrogée, X") and right after it (", directrice de l'ONG")."""
    heads = sorted(lex.ROLE_HEADS, key=len, reverse=True)
    alt = "|".join(re.escape(h).replace("\\'", "['’]").replace("’", "['’]") for h in heads)
    hon = "|".join(re.escape(h) for h in sorted(lex.HONORIFICS_M | lex.HONORIFICS_F | lex.HONORIFICS_N, key=len, reverse=True))
    det = r"(?P<det>le|la|l['’]|un|une|son|sa|notre|cette|ce)"
    # words between the role and the name are its complement, then a comma ("le ministre de
    # l'Économie, X"); never a verb ("la ministre a reçu X")
    comp = r"(?:[ \u00a0]+(?!(?:a|ont|est|sont|était|avait|qui|que|à|avec|par|chez|contre|reçoit|reçu)\b)[\w’'-]+){1,6}?[ \u00a0]*,"
    left = re.compile(rf"(?:(?:\b{det}\s*)?\b(?P<head>{alt})\b(?:{comp})?[ \u00a0]*,?"
                      rf"|(?:^|[.!?\n])\s*(?P<part>[A-ZÀ-Ý][\w-]+ée)[ \u00a0]*,)[ \u00a0]*(?:(?:{hon})[ \u00a0]+)?$", re.IGNORECASE)
    right = re.compile(rf"^[ \u00a0]*,[ \u00a0]*(?:{det}\s*)?(?P<head>{alt})\b", re.IGNORECASE)
    return left, right


def find_mentions(text: str, masked: str, doc: Any, actors: Iterable[Any], lex: ModuleType) -> list[Mention]:
    """Candidate speaker mentions of one article, sorted by offset, without overlaps
    (persons win over roles and organisations, longer spans over shorter)."""
    found: list[Mention] = []
    for c in actors:
        s, e = c.evidence.start, c.evidence.end
        stop = re.search(r"[.;!?:](?:\s|$)", text[s:e])
        if stop:  # a mention never runs over the end of a sentence
            e = s + stop.start()
        lead = _LEAD_WORD.match(text, s, e)  # "D'après Issouf Barro": the name starts after
        if lead is not None:
            s = lead.end()
        if e <= s or "_" in masked[s:e]:
            continue
        kind = str(c.attrs.get("kind", "person"))
        noun = _DEMONYM_NOUN.match(masked[max(0, s - 4):e + 3], min(s, 4)) if kind == "state" else None
        if noun is not None and re.search(r"(?:\b[Ll][ea]\s+|\b[Ll]['’]\s*)$", masked[max(0, s - 4):s]):
            # "L'Erythréen s'est dit ...": a person of that country, named before as
            # "l'Erythréen Samuel Tesfay"; resolved like a role naming a country
            det = masked[max(0, s - 4):s].strip().lower()
            found.append(Mention(s, e, text[s:e], "role", gender="f" if det.startswith("la") else None,
                                 words=(stem(text[s:e]),)))
            continue
        found.append(Mention(s, e, text[s:e], "person" if kind == "person" else "org",
                             entity_id=c.value, name=c.attrs.get("name")))
    for ent in getattr(doc, "ents", ()):
        if ent.label_ == "PER" and "_" not in masked[ent.start_char:ent.end_char] \
                and not lone_word_not_person(ent):  # "à Ouallam", "Interrogé," (a surname comes back below)
            s = ent.start_char
            lead = _LEAD_WORD.match(text, s, ent.end_char)  # "D'après Issouf Barro": not the name
            if lead is not None:
                s = lead.end()
            if ent.end_char - s >= 2:
                found.append(Mention(s, ent.end_char, text[s:ent.end_char], "person"))
    honorifics = lex.HONORIFICS_M | lex.HONORIFICS_F | lex.HONORIFICS_N
    titles = lex.TITLE_WORDS
    nouns: set[int] | None = None  # where the tagger saw a common noun (read when needed)
    for m in _NAME_RUN.finditer(masked):
        toks = [(t.start(), t.end(), t.group()) for t in re.finditer(r"\S+", m.group())]
        gender = None
        # An honorific or a title before the run marks a person even with one name.
        before = masked[max(0, m.start() - 25):m.start()].split()
        prev = before[-1] if before else ""
        if prev in honorifics or fold(prev) in titles:
            gender = "f" if prev in lex.HONORIFICS_F else ("m" if prev in lex.HONORIFICS_M else None)
            lead = 0
        else:
            lead = 0
            while lead < len(toks) and (toks[lead][2] in CAP_STOP or toks[lead][2] in honorifics
                                        or _LEAD_WORD.fullmatch(toks[lead][2] + " ")):
                if toks[lead][2] in lex.HONORIFICS_F:
                    gender = "f"
                elif toks[lead][2] in lex.HONORIFICS_M:
                    gender = "m"
                lead += 1
        rest = toks[lead:]
        while rest and not rest[0][2][0].isupper():  # "(le Niger) de Ségou": a particle never starts a name
            rest = rest[1:]
        if any(t[2] in CAP_STOP for t in rest):
            continue
        has_title = prev in honorifics or fold(prev) in titles or lead > 0 and toks[lead - 1][2] in honorifics
        if len(rest) >= 2 and not has_title and any(t[2] in ("de", "du", "des") for t in rest):
            if nouns is None:
                nouns = {tok.idx for tok in tokens_with_pos(doc, ("NOUN",))}
            if m.start() + rest[0][0] in nouns:
                continue  # "Barrage de Kouyé", "Office du Niger": a common noun heads it
        if len(rest) >= 2 or (rest and has_title):
            s, e = m.start() + rest[0][0], m.start() + rest[-1][1]
            if _header_line(text, s, e) or any(fold(t[2]) in lex.MEDIA_WORDS for t in rest):
                continue  # "AGENCE NIGERIENNE DE PRESSE", "RADIO ADER FM - TAHOUA": a masthead
            if "\n" in text[s:e] and not wrapped(text, text.index("\n", s)):
                continue  # "Fatoumata DEMBÉLÉ\nPublié le ...": a byline, then another line
            found.append(Mention(s, e, text[s:e], "person", gender=gender))
    for m in _DISLOCATED.finditer(masked):  # "Salimata, elle, pense déjà à la suite"
        found.append(Mention(m.start(1), m.end(1), m.group(1), "person",
                             gender="f" if m.group(2).lower() == "elle" else "m"))
    for m in _WITH_AGE.finditer(masked):  # "Komlan, 12 ans, remplit des sacs"
        found.append(Mention(m.start(1), m.end(1), m.group(1), "person"))
    found = _widen(found, text)
    persons = _dedupe(found)
    # A surname seen in a full name is a person wherever it comes back alone ("le ministre Diop").
    surnames = {fold(p.text.split()[-1]) for p in persons if p.kind == "person" and len(p.text.split()) > 1}
    extra = []
    for m in re.finditer(NAME_TOKEN, masked):
        if fold(m.group()) in surnames and not any(p.start <= m.start() < p.end for p in persons):
            extra.append(Mention(m.start(), m.end(), m.group(), "person"))
    persons = _dedupe(persons + extra)
    out = list(persons)
    verb_starts = {tok.idx for tok in tokens_with_pos(doc, ("VERB", "AUX"))}
    verb_list = sorted(verb_starts)
    for m in _role_regex(lex).finditer(masked):
        head = m.group("head")
        tail_end = _role_tail(masked, m.end(), lex, verb_starts)
        s, e = m.start(), tail_end
        # "le chef de la délégation, le général Hamidou Sawadogo": the role is the name's
        # apposition, the person is the mention.
        follow = re.match(r"[\s,]*(?:(?:le|la|l['’])\s*)?(?:[\w.]+\s+)?", masked[e:e + 30])
        if follow and any(p.kind == "person" and e <= p.start <= e + follow.end() for p in persons):
            continue
        # "Un étudiant en relations internationales, Kwame Mensah, ...": the same, with the
        # role's complement (no verb in it) before the comma
        follow = re.match(r"[^,.;:!?«»“”\"_\n]{0,60}?(?P<comma>,)\s*(?:(?:le|la|l['’])\s*)?(?:[\w.]+\s+)?",
                          masked[e:e + 90])
        if follow and not _any_between(verb_list, e, e + follow.start("comma")) \
                and any(p.kind == "person" and e + follow.start("comma") < p.start <= e + follow.end() for p in persons):
            continue
        role = Mention(s, e, text[s:e], "role", gender=_gender_of_det(m.group("det"), head, lex),
                       words=_content_stems(text[m.start("head"):e]))
        if not any(_overlaps(role, p) for p in persons if p.kind == "person"):
            out.append(role)
    for m in _GROUP.finditer(masked):
        e = _role_tail(masked, m.end(), lex, verb_starts)
        group = Mention(m.start(), e, text[m.start():e], "role", plural=True, words=_content_stems(text[m.start():e]))
        if not any(_overlaps(group, p) for p in persons if p.kind == "person"):
            out.append(group)
    for m in _doc_regex(lex).finditer(masked):
        qual = m.group("qual")
        # "le communiqué conjoint" is a name; "un communiqué publié mardi" is just a communiqué
        named = qual and fold(qual) not in _DOC_PARTICIPLES
        name = f"{m.group('head')} {qual}" if named else m.group("head")
        out.append(Mention(m.start(), m.end(), text[m.start():m.end()], "doc", name=name,
                           words=(stem(m.group("head")),)))
    for m in _PRONOUN.finditer(masked):
        after = masked[m.end():m.end() + 14].lstrip()
        if m.group(1).lower() == "il" and after.startswith(lex.IMPERSONAL_AFTER_IL):
            continue
        if re.search(r"\b(?:à|a|pour|avec|sans|chez|contre|entre|sur|de|d['’])\s*$", masked[max(0, m.start() - 8):m.start()]):
            continue  # "a quant à elle rappelé", "sans elle": a stressed pronoun, not a subject
        low = m.group(1).lower()
        out.append(Mention(m.start(1), m.end(1), m.group(1), "pronoun",
                           gender="f" if low.startswith("elle") else "m", plural=low.endswith("s")))
    for m in _OBJ_PRONOUN.finditer(masked):
        low = m.group(1).lower()
        out.append(Mention(m.start(1), m.end(1), m.group(1), "pronoun",
                           gender="f" if low.startswith("elle") else "m", plural=low in {"eux", "elles"}))
    return _dedupe(out)


def institution_phrase(masked: str, pos: int, lex: ModuleType,
                       verb_starts: set[int] | frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The span of an institution named by its common noun at ``pos`` ("le ministère de
    l'Éducation nationale", "la police"), or None; it stops before a verb of ``verb_starts``."""
    head = _INSTITUTION_HEAD.match(masked, pos)
    if head is None or fold(head.group("noun")) not in institution_nouns(lex):
        return None
    return head.start(), _role_tail(masked, head.end(), lex, verb_starts)


def _role_tail(masked: str, pos: int, lex: ModuleType, verb_starts: set[int] | frozenset[int]) -> int:
    """End of a role phrase: up to ``ROLE_TAIL_WORDS`` more words, stopping at punctuation, a
    verb, a connector, or a capitalised word that does not follow "de"/"du"/"des"/"la"
    (that one is the person's name: "le ministre Diop"). Institution names stay inside:
    "le ministre des Affaires étrangères de la Coopération régionale et des Burkinabè"."""
    end = pos
    count = 0
    prev = ""
    stops = {fold(x) for x in lex.NP_STOPWORDS}
    for m in re.finditer(r"(?:[ \u00a0]|\n(?!\s*\n))*([\w’'-]+)", masked[pos:pos + 120]):
        if m.start() != end - pos:
            break
        w = m.group(1)
        low = fold(w)
        joins = low == "et" and re.match(r"\s+(?:de|des|du)\b", masked[pos + m.end():pos + m.end() + 5])
        if low in stops and not joins:
            break
        if w[0].isupper() and prev not in {"de", "des", "du", "la", "l", "d", "et"} and not low.startswith(("l'", "d'")):
            break
        if w in ("a", "ont", "est", "sont", "avait", "s", "se", "n", "ne", "y") or "_" in w \
                or re.match(r"[nsmtj]['’]", low):  # "Le syndicaliste n'a pas désarmé"
            break
        if pos + m.start(1) in verb_starts or w.lower() in lex.SPEECH_FORMS:
            break
        end = pos + m.end()
        prev = low
        count += 1
        if count >= ROLE_TAIL_WORDS:
            break
    return end


# A first name or surname taken up by a stressed pronoun: "Salimata, elle, pense ...".
_DISLOCATED = re.compile(r"(?:^|(?<=[.!?»”] ))([A-ZÀ-Þ][a-zà-ÿ-]{2,}),[ \u00a0]+(elle|lui)[ \u00a0]*,", re.MULTILINE)


# A name given with an age: "Komlan, 12 ans," (a person, even with one name).
_WITH_AGE = re.compile(r"(?<![\w’'-])([A-ZÀ-Þ][a-zà-ÿ-]{2,}),[ \u00a0\n]+\d{1,3}[ \u00a0\n]+ans\b")


def _any_between(sorted_offsets: list[int], lo: int, hi: int) -> bool:
    """True when some offset of the sorted list lies in ``[lo, hi)``."""
    i = bisect.bisect_left(sorted_offsets, lo)
    return i < len(sorted_offsets) and sorted_offsets[i] < hi


def _header_line(text: str, start: int, end: int) -> bool:
    """True when ``start:end`` lies on a line written all in capitals (a masthead or a
    rubric, never a byline "Fatoumata DEMBÉLÉ")."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo:hi if hi != -1 else len(text)]
    if len(line) > HEADER_MAX_CHARS or line != line.upper():
        return False
    return sum(c.isalpha() for c in line) >= 6


HEADER_MAX_CHARS = 120  # a masthead or rubric line is short


def _widen(found: list[Mention], text: str) -> list[Mention]:
    """An actor claim inside a longer name ("Ouattara" in "Salimata Ouattara") takes the full
    name's span, so the speaker text is the whole name and its first name can be checked."""
    out = []
    for m in found:
        if m.entity_id and m.kind == "person":
            wider = [o for o in found if not o.entity_id and o.kind == "person" and o.start <= m.start
                     and m.end <= o.end and (o.end - o.start) > (m.end - m.start)]
            if wider:
                w = max(wider, key=lambda o: o.end - o.start)
                full = pretty_name(text[w.start:w.end])
                name = m.name
                if name and len(name.split()) == 1 and set(fold(name).split()) < set(fold(full).split()):
                    name = full  # "Issaka" linked alone, "Colonel Issaka DJIBO" written (a full
                    # name stays: "Samuel Tesfay" in "l'Érythréen Samuel Tesfay")
                m = Mention(w.start, w.end, text[w.start:w.end], "person", m.gender or w.gender,
                            entity_id=m.entity_id, name=name)
        out.append(m)
    return out


def _rank(m: Mention) -> tuple[int, int]:
    order = {"person": 0, "doc": 1, "role": 2, "org": 3, "pronoun": 4}
    bonus = 0 if m.entity_id else 1
    return (order.get(m.kind, 5), bonus)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions overlapping a better one (kind first, then resolved, then longer)."""
    ordered = sorted(mentions, key=lambda m: (_rank(m), -(m.end - m.start), m.start))
    if any(m.end <= m.start for m in ordered):  # an empty span: the plain quadratic check
        kept: list[Mention] = []
        for m in ordered:
            if not any(_overlaps(m, k) for k in kept):
                kept.append(m)
        return sorted(kept, key=lambda m: m.start)
    # Kept spans never overlap, so sorted by start they are sorted by end too: only the last
    # one starting before ``m`` ends can overlap it.
    starts: list[int] = []
    ends: list[int] = []
    by_start: list[Mention] = []
    for m in ordered:
        i = bisect.bisect_left(starts, m.end)
        if i and ends[i - 1] > m.start:
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        by_start.insert(i, m)
    return sorted(by_start, key=lambda m: m.start)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@dataclass
class Speakers:
    """Resolves mentions to canonical speakers for one article (state lives per article).

    Persons: the actor claim's entity, else the gazetteer, else the longest form of the same
    surname in the article. Roles: the gazetteer, else the person whose surroundings share the
    role's words (a different demonym rules a person out), else the last person named.
    Documents: ``doc:<slug>``, anaphors ("le document") pointing to the last named document.
    Pronouns: the last compatible person named (plural ones: the last document or group speaker).
    """

    text: str
    masked: str
    mentions: list[Mention]
    sentences: list[tuple[int, int]]
    gazetteer: Any
    lex: ModuleType
    role_links: dict[str, set[str]] = field(default_factory=dict)  # person key -> role stems
    history: list[Speaker] = field(default_factory=list)  # speakers attributed so far, in order
    actors: list[Any] = field(default_factory=list)  # actor claims, when the actors extractor ran

    def __post_init__(self) -> None:
        # Per-article caches: every input above is fixed once built (``role_links`` and
        # ``history`` grow, and are never part of what is cached).
        self._keys: dict[str, str] = {}  # mention text -> person key
        self._near: dict[str, set[str]] = {}  # person key -> stems around its mentions
        self._apposed: dict[str, set[str]] = {}  # person key -> stems of its appositions
        self._full: dict[str, tuple[str | None, str]] = {}
        self._gender: dict[str, str | None] | None = None  # person key -> "m" / "f", built when asked
        self._places: dict[str, bool] = {}  # mention text -> the gazetteer knows it as a place
        self._starts = [s for s, _ in self.sentences]
        self._full_keys: set[str] | None = None
        self._by_text: dict[str, tuple[str | None, str]] = {}  # mention text -> gazetteer entity or name
        for m in self.mentions:
            if m.kind != "person":
                continue
            key = self.person_key(m)
            ident, name = self._entity(m)
            old = self._full.get(key)
            if old is None or (ident and not old[0]) or (bool(ident) == bool(old[0]) and len(name) > len(old[1])):
                self._full[key] = (ident, name)

    def _apposed_gender(self, m: Mention, left: re.Pattern[str], right: re.Pattern[str]) -> str | None:
        """The gender a role word or an agreed participle beside the name gives the person."""
        before = self.masked[max(0, m.start - 70):m.start]
        hon = before.split()[-1] if before.split() and before[-1:].isspace() else ""
        if hon in self.lex.HONORIFICS_F or hon in self.lex.HONORIFICS_M:  # "Mme Dicko", "M. Sidibé"
            return "f" if hon in self.lex.HONORIFICS_F else "m"
        found = left.search(before)
        if found and found.group("part"):
            return "f"
        if found is None:
            found = right.match(self.masked, m.end, min(len(self.masked), m.end + 60))
        if found is None or not found.group("head"):
            # ", la mécanicienne de Dassasgho": a feminine determiner in apposition, any noun
            fem = _FEMININE_APPOSITION.match(self.masked, m.end, min(len(self.masked), m.end + 30))
            return "f" if fem is not None else None
        return _gender_of_det(found.group("det") or "", found.group("head"), self.lex)

    def _lone_word(self, m: Mention) -> bool:
        """A one-word "person" the article never names in full nor with a title: more often
        a town the tagger took for a name ("les bibliothèques de Chinguetti, Ouadane et
        Tichitt") than a speaker to fall back on."""
        if len(m.text.split()) > 1 or m.gender is not None or _WITH_AGE.match(self.masked, m.start):
            return False
        if self._full_keys is None:  # person keys that some mention gives in full, built once
            self._full_keys = {self.person_key(x) for x in self.mentions
                               if x.kind == "person" and len(x.text.split()) > 1}
        if self.person_key(m) in self._full_keys:
            return False
        before = self.masked[max(0, m.start - 12):m.start].split()
        return not (before and (before[-1] in _honorifics(self.lex) or fold(before[-1]) in self.lex.TITLE_WORDS))

    def _is_place(self, m: Mention) -> bool:
        """True when the gazetteer knows the mention's words as a place or a state only."""
        if m.entity_id:
            return m.entity_id.startswith(("place:", "state:"))
        known = self._places.get(m.text)
        if known is None:
            resolve = getattr(self.gazetteer, "resolve", None)
            ent = resolve(_strip_honorifics(m.text, self.lex)) if resolve is not None else None
            known = self._places[m.text] = ent is not None and getattr(ent, "kind", "") in ("place", "state")
        return known

    def gender_of(self, m: Mention) -> str | None:
        if m.kind == "person":
            return m.gender or self._genders().get(self.person_key(m))
        return m.gender

    def _genders(self) -> dict[str, str | None]:
        """Person key -> gender from honorifics, role words and agreed participles beside
        any of its mentions (None when they disagree); built once, when a pronoun needs it."""
        if self._gender is None:
            self._gender = {}
            left, right = _apposed_role(self.lex)
            for m in self.mentions:
                if m.kind != "person":
                    continue
                key = self.person_key(m)
                g = m.gender or self._apposed_gender(m, left, right)
                if g is not None:
                    self._gender[key] = g if self._gender.get(key, g) == g else None
            # what the text does not say, a usual first name may: "Fatoumata", "Moussa"
            names = _first_name_genders(self.lex)
            for m in self.mentions:
                if m.kind == "person" and len(m.text.split()) > 1:
                    key = self.person_key(m)
                    g = names.get(fold(m.text.split()[0]))
                    if key not in self._gender and g is not None:
                        self._gender[key] = g
        return self._gender

    def _entity(self, m: Mention) -> tuple[str | None, str]:
        if m.entity_id and self._fits(m):
            return m.entity_id, m.name or pretty_name(m.text)
        found = self._by_text.get(m.text)
        if found is None:
            found = self._by_text[m.text] = self._resolve_text(m.text)
        return found

    def _resolve_text(self, text: str) -> tuple[str | None, str]:
        resolve = getattr(self.gazetteer, "resolve", None)
        if resolve is not None:
            ent = resolve(text)
            if ent is not None and getattr(ent, "kind", "person") in ("person", "org", "state"):
                return ent.id, ent.name
        return None, pretty_name(_strip_honorifics(text, self.lex))

    def _fits(self, m: Mention) -> bool:
        """False when a person's written first name contradicts the entity it was linked to
        ("Salimata Ouattara" is not "Alassane Ouattara"): we then keep the name as written."""
        toks = _strip_honorifics(m.text, self.lex).split()
        if m.kind != "person" or len(toks) < 2 or not m.entity_id or not m.entity_id.startswith("person:"):
            return True
        known = set(fold(m.name or "").split())
        get = getattr(self.gazetteer, "get", None)
        ent = get(m.entity_id) if get is not None else None
        for alias in getattr(ent, "aliases", ()) or ():
            known.update(fold(alias).split())
        # any given name may be the first word kept ("l'Érythréen Samuel Tesfay")
        return any(fold(t) in known for t in toks[:-1]) or fold(toks[-1]) not in known

    def person_key(self, m: Mention) -> str:
        """Cluster key of a person: the last word of the name; a lone word that is another
        word of exactly one full name ("Liu" in "LIU Wenbo") joins that name."""
        key = self._keys.get(m.text)
        if key is None:
            key = self._keys[m.text] = self._person_key(m.text)
        return key

    def _person_key(self, text: str) -> str:
        toks = [fold(w) for w in text.split()]
        if not toks:
            return fold(text)
        if len(toks) == 1:
            owners = {self.person_key(x) for x in self.mentions
                      if x.kind == "person" and len(x.text.split()) > 1 and toks[0] in [fold(w) for w in x.text.split()]}
            if len(owners) == 1:
                return owners.pop()
            return toks[-1]
        # "Issaka Ouédraogo", the father, is not "Salimata Ouédraogo", his daughter
        firsts = {fold(x.text.split()[-2]) for x in self.mentions if x.kind == "person"
                  and len(x.text.split()) > 1 and fold(x.text.split()[-1]) == toks[-1]
                  and fold(x.text.split()[-2]) not in self._title_words()}
        if len(firsts) > 1 and toks[-2] not in self._title_words():
            return toks[-2] + " " + toks[-1]
        return toks[-1]

    def _title_words(self) -> frozenset[str]:
        return _folded_titles(self.lex)

    def of_person(self, m: Mention) -> Speaker:
        known = self._full.get(self.person_key(m))
        ident, name = known if known is not None else self._entity(m)
        return Speaker(ident, name, m.text, m.start, m.end, "person")

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos

    def _appositions(self, key: str) -> set[str]:
        """Stems of the role phrases in apposition to a person: "X, chef de la diplomatie
        turque," / "homologue du Burkina Faso, SEM X" / "le ministre X"."""
        out = self._apposed.get(key)
        if out is None:
            out = self._apposed[key] = self._apposition_stems(key)
        return out | self.role_links.get(key, set())

    def _apposition_stems(self, key: str) -> set[str]:
        out: set[str] = set()
        heads = _role_heads(self.lex)
        for m in self.mentions:
            if m.kind != "person" or self.person_key(m) != key:
                continue
            segs = []
            right = re.match(r"\s*,\s*([^,.;:«»_]{3,90}?)\s*(?:[,.;:]|$)", self.masked[m.end:m.end + 100])
            # "X, et l'ambassadeur de Chine": after a name, a coordination is not X's title;
            # "X, le chef de village, Y": a role right before another name is that name's
            if right and not re.match(r"(?:et|ou|ni)\b", fold(right.group(1))) and not any(
                    x.kind == "person" and m.end + right.end() <= x.start <= m.end + right.end() + 4
                    for x in self.mentions):
                segs.append((m.end + right.start(1), m.end + right.end(1)))
            base = max(0, m.start - 100)
            left = re.search(r"(?:^|[,.;:«»(])\s*([^,.;:«»_]{3,90}?),?\s*(?:SEM|S\.E\.M\.?|M\.|Mme)?\s*$",
                             self.masked[base:m.start])
            if left:
                segs.append((base + left.start(1), base + left.end(1)))
            for s, e in segs:
                low = fold(self.masked[s:e])
                if heads.search(low):
                    out.update(_content_stems(self.masked[s:e]))
                    out.update(f"country:{c}" for c in self._countries_in(s, e))
            if _LAWYER_TITLE.search(self.masked, max(0, m.start - 8), m.start):
                out.add(stem("avocat"))  # "Me Khady Ba": Maître is a lawyer's title
        return out

    def _context(self, key: str) -> set[str]:
        ctx = self._near.get(key)
        if ctx is None:
            ctx = self._near[key] = self._context_stems(key)
        return ctx | self.role_links.get(key, set())

    def taken_up(self, phrase: str, pos: int) -> Speaker | None:
        """The person named before ``pos`` that a bare noun phrase takes up: a demonstrative
        ("ce commerçant", "cette mère de famille") is the last person of its gender; a
        definite singular ("la pédiatre") is the last person whose surroundings hold its
        noun, or a word sharing its first six letters ("pédiatrie"). None otherwise."""
        toks = [fold(w) for w in re.findall(r"[\w-]+", phrase.replace("’", "' ").replace("'", "' "))]
        toks = ["l'" if t == "l" else t for t in toks]
        if not toks or len(toks) > 6:
            return None
        det, rest = toks[0], toks[1:]
        if det in ("ce", "cet", "cette") and rest:
            return self.last_person(pos, "f" if det == "cette" else "m")
        if det in ("le", "la", "l'") and rest and rest[-1] in _HUMAN_NOUNS and len(rest) <= 2:
            # "glisse la jeune fille": the last person of that gender
            return self.last_person(pos, "f" if det == "la" else ("m" if det == "le" else None))
        while rest and rest[0] in _PRE_ADJECTIVES:  # "le nouveau champion"
            rest = rest[1:]
        if det not in ("le", "la", "l'", "l’") or not rest or rest[0] in _PLURAL_HEADS:
            return None
        head = rest[0]  # "la direction du festival" is an institution, never a person
        if (len(head) <= 3 and head not in _folded_role_heads(self.lex)) or head in institution_nouns(self.lex) \
                or stem(head) in _GENERIC_STEMS:
            return None
        stems = {stem(w) for w in rest if (len(w) > 3 or w == head) and w not in _LINK_WORDS} - _GENERIC_STEMS
        # "l'élu" takes up "le député X": the words of the same function count
        stems |= {w for group in _synonym_stems(self.lex) if group & stems for w in group}
        deeds = next((cues for heads, cues in getattr(self.lex, "ROLE_BY_DEED", ())
                      if head in {fold(h) for h in heads}), None)
        by_deed = self._by_deed(deeds, pos) if deeds is not None else None
        if by_deed is not None:  # "le vainqueur": the one the article says "a remporté"
            return by_deed
        near: dict[str, Mention] = {}  # person key -> its last mention, when its surroundings fit
        strong: set[str] = set()  # ... and the keys where a role in apposition fits
        for m in self.mentions:
            if m.kind != "person" or m.end > pos or self._is_place(m):
                continue
            key = self.person_key(m)
            if any(_shares(w, self._appositions(key)) for w in stems):
                strong.add(key)
            if key in strong or any(_shares(w, self._context(key)) for w in stems):
                near[key] = m
        # two people the words fit equally ("le nouveau champion" after a final between two
        # wrestlers): nobody, unless one of them is the one the last sentences are about
        # ("Me X, qui défend Y, a demandé la relaxe. Selon l'avocate, ...")
        pick = list(near) if len(near) == 1 else [k for k in near if k in strong]
        if len(pick) > 1:
            k = self._sentence_index(pos)
            lo = self.sentences[max(0, k - 1)][0]
            recent = [key for key in pick if lo <= near[key].start < pos]
            pick = recent if len(recent) == 1 else pick
        if len(pick) == 1:
            return self.of_person(near[pick[0]])
        if not near:
            # "l'ancienne députée" when one woman only has been named: she
            return self._only_one_of_gender(det, head, pos)
        return None

    def _only_one_of_gender(self, det: str, head: str, pos: int) -> Speaker | None:
        """The one person of the gender a role phrase shows (a feminine role head, or "la"
        before an epicene one), when nobody else of that gender is named before ``pos``."""
        gender = _gender_of_det(det, head, self.lex) if head in _folded_role_heads(self.lex) else None
        if gender is None:
            return None
        found: dict[str, Mention] = {}
        for m in self.mentions:
            if m.start >= pos:
                break
            if m.kind == "person" and not self._is_place(m) and not self._lone_word(m):
                g = self.gender_of(m)
                if g == gender:
                    found[self.person_key(m)] = m
                elif g is None and len(m.text.split()) > 1:
                    return None  # someone whose gender nothing says might be the one
        return self.of_person(next(iter(found.values()))) if len(found) == 1 else None

    def _context_stems(self, key: str) -> set[str]:
        ctx: set[str] = set()
        for m in self.mentions:
            if m.kind == "person" and self.person_key(m) == key:
                s, e = self.sentence_of(m.start)
                left = self.masked[max(s, m.start - 70):m.start]
                right = self.masked[m.end:min(e, m.end + 50)]
                ctx.update(_content_stems(left + " " + right + " " + m.text))  # "le Tillabérien X"
                if _NAMED_AS_END.search(left):
                    # "Sa trésorière tient les comptes. Elle s'appelle X": the sentence before
                    # says who X is
                    k = self._sentence_index(s)
                    if k > 0:
                        ps, pe = self.sentences[k - 1]
                        ctx.update(_content_stems(self.masked[ps:pe]))
                # states named beside the person ("l'ambassadeur de Chine, M. Liu")
                ctx.update(f"country:{c}" for c in self._countries_in(max(s, m.start - 70), min(e, m.end + 50)))
        return ctx

    def resolve(self, m: Mention) -> Speaker:
        """The canonical speaker behind mention ``m`` (the mention itself when unknown)."""
        if m.kind == "person":
            return self.of_person(m)
        if m.kind == "org":
            return Speaker(m.entity_id, m.name or m.text, m.text, m.start, m.end, "org")
        if m.kind == "doc":
            return self._doc(m)
        if m.kind == "role":
            return self._role(m)
        return self._pronoun(m)

    def _doc(self, m: Mention) -> Speaker:
        head = fold(m.name or m.text).split()[0]
        parts = {fold(p) for p in getattr(self.lex, "DOC_PARTS", ())}
        if head in parts:
            # "La loi ... Son article 12 dispose que": the document it is part of
            for prev in reversed([x for x in self.mentions if x.kind == "doc" and x.end <= m.start]):
                if prev.name and fold(prev.name).split()[0] not in parts:
                    return Speaker("doc:" + slug(prev.name), prev.name, m.text, m.start, m.end, "doc")
        if m.name and " " not in m.name:
            # "le document", "le texte", "la déclaration": the last document named before it.
            for prev in reversed([x for x in self.mentions if x.kind == "doc" and x.end <= m.start]):
                anaphors = {fold(a) for a in self.lex.DOC_ANAPHORS}
                prev_head = fold(prev.name or "").split()[0] if prev.name else ""
                if prev.name and ((head in anaphors and prev_head not in anaphors)
                                  or (" " in prev.name and prev_head == head)):
                    return Speaker("doc:" + slug(prev.name), prev.name, m.text, m.start, m.end, "doc")
        name = m.name or m.text
        return Speaker("doc:" + slug(name), name, m.text, m.start, m.end, "doc")

    def _role(self, m: Mention) -> Speaker:
        named = self._apposed_person(m)
        if named is not None:  # "Le président du jury, l'écrivain malien X, a salué"
            return Speaker(named.id, named.name, m.text, m.start, m.end, "person")
        resolve = getattr(self.gazetteer, "resolve", None)
        bare = re.sub(r"^\s*(?:(?:les|leurs|leur|des|ses|ces|le|la|son|sa|notre|une|un|du|cette|ce)\s+|l['’]\s*)",
                      "", m.text, flags=re.I)
        if m.plural:  # "les ministres": a group, never one person
            return Speaker(None, " ".join(bare.split()), m.text, m.start, m.end, "group")
        if re.match(r"\s*une?\s", m.text, re.I):  # "a confié un responsable": someone new, unnamed
            return Speaker(None, " ".join(bare.split()), m.text, m.start, m.end, "role")
        if resolve is not None:
            ent = resolve(bare)
            if ent is not None and getattr(ent, "kind", "") == "person":
                return Speaker(ent.id, ent.name, m.text, m.start, m.end, "person")
        demonyms = _demonym_stems(self.lex)
        role_dem = {w for w in m.words if w in demonyms}
        role_countries = self._countries_in(m.start, m.end)
        get = getattr(self.gazetteer, "get", None)
        generic = {stem(w) for w in ("chef", "ministre", "responsable", "président")}
        best: tuple[float, int, Mention] | None = None
        role_words = set(m.words) | {f"country:{c}" for c in role_countries}
        role_words |= {w for group in _synonym_stems(self.lex) if group & role_words for w in group}
        for p in self.mentions:
            if p.kind != "person" or p.start >= m.start or self._is_place(p) or self._lone_word(p):
                continue  # "(Synctamoto)", "à Ouallam": a word alone is nobody a role takes up
            key = self.person_key(p)
            ctx = self._context(key)
            strong = self._appositions(key)
            # Words of a role in apposition to the person count four times those merely nearby.
            bag = ctx | strong
            score = sum((2.0 if w in demonyms or w.startswith("country:") else (0.5 if w in generic else 1.0))
                        * (2.0 if _shares(w, strong) else 0.5) for w in role_words if _shares(w, bag))
            nation = {w for w in role_words if w in demonyms or w.startswith("country:")}
            theirs = ({w for w in strong if w in demonyms or w.startswith("country:")}
                      or {w for w in ctx if w in demonyms or w.startswith("country:")})
            if nation and theirs and not (theirs & nation):
                score -= 3.0  # "le ministre turc" is not the one presented as burkinabè
            if m.gender and p.gender and m.gender != p.gender:
                score -= 1.0
            ident = self.of_person(p).id
            ent = get(ident) if get is not None and ident else None
            if role_countries and ent is not None and ent.country and ent.country not in role_countries:
                score -= 3.0  # "le ministre burkinabè" is not the Malian minister
            cand = (score, p.start, p)
            if best is None or cand[:2] > best[:2]:
                best = cand
        # A role that names a country ("le ministre burkinabè") needs a person that shares
        # its words; a bare role ("le ministre") goes to the last person named.
        specific = bool(role_dem or role_countries)
        # ... unless that person is the only one named so far and nothing contradicts it
        # ("Mariam K. : « ... » / La romancière malienne publie ...").
        alone = best is not None and len({self.person_key(p) for p in self.mentions
                                          if p.kind == "person" and p.start < m.start}) == 1
        if alone and best is not None:
            key = self.person_key(best[2])
            theirs = {w for w in self._appositions(key) if w in demonyms or w.startswith("country:")}
            g = self.gender_of(best[2])
            ident = self.of_person(best[2]).id
            ent = get(ident) if get is not None and ident else None
            # nothing the text (or the gazetteer) says about that person contradicts the role
            alone = not (theirs and not theirs & role_words) and not (m.gender and g and m.gender != g) \
                and not (role_countries and ent is not None and ent.country and ent.country not in role_countries)
        # "sa trésorière": someone of the person named before, not that person, unless the
        # role's words say who ("son homologue burkinabè")
        possessive = _POSSESSIVE.match(m.text) is not None
        if possessive:
            alone, specific = False, True
        if not alone and (best is None or best[0] < 0 or (specific and best[0] <= 0)):
            named = self._named_next(m)
            if named is not None:  # "sa trésorière tient les comptes. Elle s'appelle X"
                return Speaker(named.id, named.name, m.text, m.start, m.end, "person")
            return Speaker(None, " ".join(bare.split()), m.text, m.start, m.end, "role")
        sp = self.of_person(best[2])
        self.role_links.setdefault(self.person_key(best[2]), set()).update(m.words)
        return Speaker(sp.id, sp.name, m.text, m.start, m.end, "person")

    def _apposed_person(self, m: Mention) -> Speaker | None:
        """The person named in apposition right after role ``m``: ", l'écrivain malien X,"."""
        if m.plural:
            return None
        for x in self.mentions:
            if x.start < m.end:
                continue
            if x.start > m.end + 60:
                break
            between = self.masked[m.end:x.start]
            if x.kind == "person" and _APPOSED_BEFORE_NAME.fullmatch(between) and not self._is_place(x):
                return self.of_person(x)
            if x.kind in ("person", "org", "state") and re.fullmatch(r"\s*(?:de|du|d['’])\s*(?:M\.|Mme|la|l['’])?\s*", between):
                continue  # "l'avocat de M. Sarr, Me X": the role's complement
            if x.kind in ("person", "role", "org", "doc"):
                return None
        return None

    def _named_next(self, m: Mention) -> Speaker | None:
        """The person the sentence after role ``m`` names by "Elle s'appelle X" (or "il se
        nomme X"), when that sentence opens so."""
        k = self._sentence_index(m.start) + 1
        if k >= len(self.sentences):
            return None
        s, e = self.sentences[k]
        named = _NAMED_AS.match(self.masked, s + len(self.masked[s:e]) - len(self.masked[s:e].lstrip()), e)
        if named is None:
            return None
        person = next((x for x in self.mentions if x.kind == "person" and named.end() <= x.start < named.end() + 4), None)
        return self.of_person(person) if person is not None else None

    def _countries_in(self, start: int, end: int) -> set[str]:
        """Countries of the state actors named inside ``start:end`` (demonyms in a role)."""
        out = set()
        for c in self.actors:
            if start <= c.evidence.start < end and str(c.value).startswith("state:"):
                out.add(str(c.value).split(":", 1)[1])
        return out

    def last_person(self, pos: int, gender: str | None = None) -> Speaker | None:
        """The last person (named, or a role resolved to a person) before ``pos``."""
        fallback: Speaker | None = None
        unsure: Speaker | None = None  # the nearest person whose gender is not known
        near = self._sentence_index(pos) - RECENT_SENTENCES
        for m in reversed([x for x in self.mentions if x.end <= pos and x.kind in ("person", "role")]):
            if m.kind == "person" and (self._is_place(m) or self._lone_word(m)):
                continue  # a place is never a speaker ("de Ségou à Gao"), nor a word alone
            sp = self.resolve(m)
            if sp.kind not in ("person", "role"):  # an unnamed role is still a person
                continue
            if sp.kind == "role" and _POSSESSIVE.match(m.text) and self.masked[self.sentence_of(m.start)[0]:m.start].strip():
                continue  # "aider sa mère": someone of another, as an object, is not who acts
            g = self.gender_of(m)
            if gender is None or (g is None and unsure is None and self._sentence_index(m.start) < near):
                return unsure or sp
            if g == gender:
                # a person known to fit, named in the last sentences of the same paragraph,
                # beats a nearer one whose gender nothing says ("La ministre X ... à Ouallam
                # ... Elle a ajouté")
                if unsure is None or (self._sentence_index(m.start) >= near
                                      and not _PARAGRAPH_BREAK.search(self.text, m.end, pos)):
                    return sp
                return unsure
            if g is None:
                unsure = unsure or sp
                continue
            fallback = fallback or sp
        return unsure or fallback

    def _sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self._starts, pos) - 1

    def _pronoun(self, m: Mention) -> Speaker:
        if m.plural:
            for sp in reversed(self.history):
                if sp.kind in ("doc", "org", "group"):
                    return Speaker(sp.id, sp.name, m.text, m.start, m.end, sp.kind)
            return Speaker(None, None, m.text, m.start, m.end, "pronoun")
        inst = self._institution_subject(m)
        if inst is not None:
            return inst
        sp = self._previous_subject(m) or self.last_person(m.start, m.gender)
        if sp is None:
            return Speaker(None, None, m.text, m.start, m.end, "pronoun")
        return sp

    def _previous_subject(self, m: Mention) -> Speaker | None:
        """The person the previous sentence is about, when a pronoun takes it up: its first
        person (or role) that no preposition governs and whose gender fits ("L'avocat,
        Me Diarra, proche du député Kanté, a dénoncé ... Il a ajouté" is Diarra's). Sentences
        that name nobody (a quote and its incise) are skipped, up to ``SUBJECT_LOOKBACK``. A
        pronoun there is resolved in turn; nothing that fits leaves the choice to the last
        person named."""
        k = self._sentence_index(m.start)
        if k <= 0:
            return None
        for j in range(k - 1, max(-1, k - 1 - SUBJECT_LOOKBACK), -1):
            s, e = self.sentences[j]
            if len(_PARAGRAPH_BREAK.findall(self.text, e, m.start)) > 1:
                return None
            found, sp = self._sentence_subject(m, s, e)
            if found:
                return sp
        return None

    def _sentence_subject(self, m: Mention, s: int, e: int) -> tuple[bool, Speaker | None]:
        """(whether sentence ``s:e`` names a candidate, the speaker it gives pronoun ``m``)."""
        last = self.history[-1] if self.history else None
        # "Une source au sein de la Croix-Rouge a indiqué que ... « ... », a-t-elle ajouté":
        # the unnamed speaker of the last statement, made in that sentence
        if last is not None and s <= last.start < e and last.kind in ("phrase", "role") and last.id is None \
                and last.name and not m.plural:
            det, *rest = last.text.split() or [""]
            if _gender_of_det(det, rest[0] if rest else "", self.lex) in (None, m.gender):
                return True, last
        for x in self.mentions:
            if x.start < s or x.kind not in ("person", "role", "pronoun", "doc"):
                continue
            if x.start >= e:
                break
            if self._governed(x, s) and not (x.kind == "person" and _LEAD_SOURCE.fullmatch(self.masked[s:x.start])):
                continue  # ... but "Pour X, ..." / "Selon X, ...": X speaks in that sentence
            if x.kind == "doc":
                # "Le rapport ... souligne que ... Il recommande": the document goes on
                if self.masked[s:x.start].strip():
                    continue  # "Présentant le texte, le ministre ...": an object, not the subject
                head = fold(x.name or x.text).split()[-1] if x.name else ""
                doc_gender = "f" if head in _FEMININE_DOCS else "m"
                return True, (self._doc(x) if m.gender in (None, doc_gender) and not m.plural else None)
            if x.kind == "pronoun" and _NAMED_AS.match(self.masked, x.start, min(e, x.end + 20)):
                continue  # "Elle s'appelle X": X is the one
            if x.kind == "pronoun":
                # "« ... », a-t-il témoigné. Selon lui, ...": the one that pronoun is
                if x.plural or m.plural or (m.gender and x.gender and m.gender != x.gender):
                    return True, None
                sp = self._pronoun(x)  # ... or the institution it took up ("Elle a indiqué ... Elle appelle")
                return True, (sp if sp.kind in ("person", "group") and sp.name else None)
            if x.kind == "person" and (self._is_place(x) or self._lone_word(x) or self._in_fronted_apposition(x, s)):
                continue
            g = self.gender_of(x)
            if x.plural or (m.gender and g and g != m.gender):
                return True, None
            sp = self.resolve(x)
            return True, (sp if sp.kind == "person" else None)
        return False, None

    def _in_fronted_apposition(self, x: Mention, sent_start: int) -> bool:
        """True when ``x`` sits inside a fronted apposition of the person named right after its
        comma ("Gérant de la station Baraka, Moussa Diarra ..."): not the subject."""
        lead = self.masked[sent_start:x.start]
        if not lead.strip() or "," in lead:
            return False
        nxt = next((y for y in self.mentions if y.start >= x.end), None)
        return nxt is not None and nxt.kind == "person" and \
            re.fullmatch(r"[^,.;:«»]*,[ \u00a0\n]*", self.masked[x.end:nxt.start]) is not None

    def _governed(self, x: Mention, sent_start: int) -> bool:
        return governed(self.masked, x, sent_start)

    def _by_deed(self, cues: tuple[str, ...], pos: int) -> Speaker | None:
        """The one person before ``pos`` whose surroundings hold a verb of the deed."""
        keys: dict[str, Mention] = {}
        for m in self.mentions:
            if m.kind == "person" and m.end <= pos and not self._is_place(m):
                # the deed's subject: its verb follows the name ("X a remporté", not "face à X")
                after = self.masked[m.end:min(self.sentence_of(m.start)[1], m.end + 50)]
                if any(fold(w).startswith(cues) for w in re.findall(r"[\w’'-]+", after)[:6]):
                    keys[self.person_key(m)] = m
        return self.of_person(next(iter(keys.values()))) if len(keys) == 1 else None

    def subject_near(self, pos: int, after: int = -1, back: int = 1) -> Speaker | None:
        """The person acting in the sentences before ``pos`` (its own, then up to ``back``
        before it, none ending before ``after``): the first person or subject pronoun that no
        preposition governs, resolved ("Elle désigne une affiche : « ... »")."""
        k = self._sentence_index(pos)
        for j in range(k, k - back - 1, -1):
            if j < 0 or j >= len(self.sentences) or self.sentences[j][1] <= after:
                continue
            s, e = self.sentences[j]
            for x in self.mentions:
                if x.start < s or x.kind not in ("person", "pronoun"):
                    continue
                if x.start >= min(e, pos):
                    break
                if self._governed(x, s):
                    continue
                if x.kind == "person" and self._lone_word(x):
                    continue
                if x.plural or (x.kind == "person" and self._is_place(x)):
                    return None
                sp = self.resolve(x)
                if sp.kind != "person" or not sp.name or len(_PARAGRAPH_BREAK.findall(self.text, min(sp.start, pos), pos)) > 3:
                    return None  # a pronoun for someone named far away tells little
                return sp
        return None

    def _institution_subject(self, m: Mention) -> Speaker | None:
        """The institution that is the subject of the previous sentence, when the pronoun has
        its gender and no person is named in between ("La délégation de l'UE a pris acte de la
        décision. Dans un communiqué, elle estime ...")."""
        nouns = institution_nouns(self.lex)
        k = self._sentence_index(m.start)
        if not nouns or k <= 0:
            return None
        s = self.sentences[k - 1][0]
        head = _INSTITUTION_HEAD.match(self.masked, s)
        if head is None or nouns.get(fold(head.group("noun"))) != m.gender:
            return None
        end = _role_tail(self.masked, head.end(), self.lex, set())
        if any(x.kind == "person" and end <= x.start < m.start and self.gender_of(x) in (None, m.gender)
               and not _AFTER_QUOTE_INCISE.search(self.text, max(0, x.start - 50), x.start) for x in self.mentions):
            return None  # ... unless that person only speaks for it ("», a ajouté le capitaine X")
        phrase = self.text[head.start("noun"):end]
        return Speaker(None, " ".join(phrase.split()), self.text[s:end], s, end, "group")


def governed(masked: str, x: Mention | None, sent_start: int) -> bool:
    """True when a preposition or a conjunction governs mention ``x`` ("face à X", "de
    X", "et X"): a complement of its sentence, not its subject. With ``x`` None, whether
    the end of ``masked`` governs what follows it."""
    end = len(masked) if x is None else x.start
    window = _TRAILING_HONORIFIC.sub("", masked[max(sent_start, end - 18):end])  # "de M. X"
    window = _TRAILING_DETERMINER.sub("", window)  # "au sein de la Croix-Rouge"
    before = re.findall(r"[\w’']+", window)
    return bool(before) and before[-1].lower().replace("’", "'") in _GOVERNING


def _shares(word: str, bag: set[str]) -> bool:
    """``word`` is in ``bag``, or shares its first six letters with a word of it
    ("syndicaliste" / "syndicat", "pédiatre" / "pédiatrie")."""
    if word in bag:
        return True
    if len(word) < 6 or word.startswith("country:"):
        return False
    head = word[:6]
    return any(len(n) >= 6 and n[:6] == head for n in bag)


# Words too common to tie a noun phrase to a person ("le responsable", "la directrice").
_GENERIC_STEMS = frozenset(stem(w) for w in ("chef", "cheffe", "ministre", "responsable", "président",
                                              "directeur", "directrice", "homme", "femme", "personne"))
_PLURAL_HEADS = frozenset({"deux", "trois", "quatre", "plusieurs"})
# Nouns that only say a person is a person: "la jeune fille", "le vieil homme".
_HUMAN_NOUNS = frozenset({"fille", "femme", "homme", "garcon", "adolescent", "adolescente", "jeune",
                          "enfant", "dame", "monsieur", "quinquagenaire", "sexagenaire", "septuagenaire",
                          "trentenaire", "quadragenaire", "octogenaire", "retraite", "retraitee"})
_PRE_ADJECTIVES = frozenset({"nouveau", "nouvel", "nouvelle", "jeune", "ancien", "ancienne", "vieux",
                             "vieil", "vieille", "premier", "premiere", "grand", "grande", "petit",
                             "petite", "futur", "future", "actuel", "actuelle", "meme", "seul", "seule"})
_LINK_WORDS = frozenset({"dans", "avec", "pour", "sans", "sous", "vers", "chez", "entre", "contre"})

# A pronoun prefers a person known to share its gender over a nearer one of unknown gender
# when the former is named at most this many sentences back.
RECENT_SENTENCES = 2
# How many sentences back a pronoun looks for the subject it takes up, over sentences that name
# nobody ("« ... », a-t-elle expliqué.").
SUBJECT_LOOKBACK = 3

# Document nouns of feminine gender ("la déclaration ... Elle"); the others are masculine.
_FEMININE_DOCS = frozenset({"declaration", "lettre", "note", "resolution", "motion", "communication",
                            "circulaire", "decision", "ordonnance", "loi", "charte", "convention",
                            "feuille", "plainte", "requete", "petition", "etude", "enquete", "analyse"})

# A capitalised demonym used as a noun, not followed by a name: "L'Erythréen s'est dit".
_DEMONYM_NOUN = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ-]+(?:ne|ens?|ais|aise|ain|aine|ois|oise|ien|ienne|éen|éenne|[èé])s?(?![\w-])(?!\s+[A-ZÀ-Þ])")

_FEMININE_APPOSITION = re.compile(r"[ \u00a0]*,[ \u00a0]*(?:la|une)[ \u00a0]+[a-zà-ÿ]")

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_DOC_PARTICIPLES = frozenset({"publie", "publiee", "signe", "signee"})
# Between a role and the name in apposition to it: ", " or ", l'écrivain malien "
_APPOSED_BEFORE_NAME = re.compile(r"[ \u00a0]*,[ \u00a0\n]*(?:(?:le|la|l['’]|M\.|Mme|Me|Dr)[ \u00a0]*[\w’'-]*(?:[ \u00a0]+[\w’'-]+){0,3}[ \u00a0\n]+)?",
                                  re.IGNORECASE)
# An incise up to the person, after a closing mark or a clause: "», a ajouté le capitaine "
_AFTER_QUOTE_INCISE = re.compile(r"(?:[»”\"][ \u00a0]*,[ \u00a0]*[^.;:«»“”\"\n]{2,60}|,[ \u00a0]*(?:a|ont|avait)[ \u00a0]+"
                                 r"[\w-]+[ \u00a0]+(?:(?:le|la|l['’])[ \u00a0]*)?[^,.;:«»“”\"\n]{0,30})$")
_LAWYER_TITLE = re.compile(r"\b(?:Me|Maître)[ \u00a0]+$")
_TRAILING_DETERMINER = re.compile(r"\b(?:la|le|les|l['’])[ \u00a0]*$", re.IGNORECASE)
_TRAILING_HONORIFIC = re.compile(r"\b(?:M|Mme|Mlle|Me|Dr|Pr)\.?[ \u00a0]*$")
_LEAD_SOURCE = re.compile(r"\s*(?:[Pp]our|[Ss]elon|[Dd]['’]après)\s+")
_POSSESSIVE = re.compile(r"\s*(?:son|sa|ses|leurs?|notre|nos)\s", re.IGNORECASE)
# "Elle s'appelle X", "il se prénomme X": the subject pronoun takes up the sentence before
_NAMED_AS = re.compile(r"(?:\b[Ee]lle|\b[Ii]l)\s+(?:s['’]appelle|se\s+(?:nomme|prénomme))\b")
_NAMED_AS_END = re.compile(_NAMED_AS.pattern + r"\s*$")

# Words after which a name is a complement, not the subject of its sentence.
_GOVERNING = frozenset({"de", "d'", "du", "des", "à", "au", "aux", "avec", "par", "pour", "contre",
                        "chez", "entre", "sans", "sur", "vers", "et", "ou", "que", "qu'", "dont",
                        "dans", "devant", "parmi", "sous", "malgré", "envers"})


@lru_cache(maxsize=8)
def _role_heads(lex: ModuleType) -> re.Pattern[str]:
    """One regex for "any role head as a whole word" of folded text."""
    heads = sorted(_folded_role_heads(lex), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")\b")


@lru_cache(maxsize=8)
def _folded_role_heads(lex: ModuleType) -> frozenset[str]:
    return frozenset(fold(h) for h in lex.ROLE_HEADS)


@lru_cache(maxsize=8)
def _first_name_genders(lex: ModuleType) -> dict[str, str]:
    out = {fold(n): "f" for n in getattr(lex, "FIRST_NAMES_F", ())}
    out.update({fold(n): "m" for n in getattr(lex, "FIRST_NAMES_M", ())})
    return out


@lru_cache(maxsize=8)
def institution_nouns(lex: ModuleType) -> dict[str, str]:
    """Folded institution nouns of the lexicon, with their gender."""
    return {fold(k): v for k, v in getattr(lex, "INSTITUTION_NOUNS", {}).items()}


@lru_cache(maxsize=8)
def _synonym_stems(lex: ModuleType) -> tuple[frozenset[str], ...]:
    """Stems of the role words that name the same function ("technicien" / "sélectionneur")."""
    return tuple(frozenset(s for w in group for s in _content_stems(w))
                 for group in getattr(lex, "ROLE_SYNONYMS", ()))


@lru_cache(maxsize=8)
def _demonym_stems(lex: ModuleType) -> frozenset[str]:
    return frozenset(stem(d) for d in lex.DEMONYMS)


@lru_cache(maxsize=8)
def _folded_titles(lex: ModuleType) -> frozenset[str]:
    """Honorifics and titles, folded: words that are never a given name."""
    return frozenset(fold(w) for w in (*_honorifics(lex), *lex.TITLE_WORDS))


@lru_cache(maxsize=8)
def _honorifics(lex: ModuleType) -> frozenset[str]:
    return frozenset(lex.HONORIFICS_M | lex.HONORIFICS_F | lex.HONORIFICS_N)


def _strip_honorifics(surface: str, lex: ModuleType) -> str:
    toks = surface.split()
    hon = _honorifics(lex)
    while toks and (toks[0] in hon or fold(toks[0]) in lex.TITLE_WORDS):
        toks = toks[1:]
    return " ".join(toks) or surface
