"""Who said it: the rules that tie a quotation (or a reported clause) to a speaker mention.

Each rule reads the *masked* text (quotations blanked out) of the sentence around a quote and
returns a :class:`Cue`: the mention that names the speaker (or a bare noun phrase when no
mention fits), the speech verb's lemma, and the rule's name. Speakers are resolved later, in
text order, by :class:`recoupe.extract.quotes_mentions.Speakers`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from types import ModuleType
from typing import Any

from recoupe.extract.quotes_mentions import _NAME_RUN, Mention, fold, governed
from recoupe.extract.tokens import tokens_with_pos
from recoupe.extract.quotes_spans import OPENERS, QuoteSpan, words

_W = r"[\w’'-]+"
_PRON = r"(?:il|elle|ils|elles|on)"
_AUX = r"(?:a|ont|avait|avaient|aurait|auraient|va|vont|eut)"
_ADVERBS = (r"(?:(?:également|encore|ensuite|alors|aussi|enfin|notamment|toutefois|d['’]ailleurs|"
            r"par ailleurs|pour sa part|de son côté|quant à lui|quant à elle|plus tard|immédiatement|"
            r"aussitôt|lui aussi|elle aussi|pour leur part)\s+)*")
# An indirect object pronoun before the verb of an incise: "», lui a répondu M. X".
_CLITIC = r"(?:(?:lui|leur|nous|vous|me|m['’]|y)\s+)?"
# After a closing quote: "a-t-il déclaré", "confie-t-elle", "s'est-il interrogé".
_INV_PRONOUN = re.compile(
    rf"^[\s,;–—-]*(?:{_CLITIC}{_AUX}-t?-?(?P<p1>{_PRON})\s+{_ADVERBS}(?P<v1>{_W})"
    rf"(?:\s+(?:(?:par|de)\s+|d['’]\s*)(?P<v1b>{_W}))?"  # "a-t-elle fini par répondre" (not "de|vant")
    rf"|(?:s['’]|se\s+)(?:est|sont)-(?:t-)?(?P<p3>{_PRON})\s+(?P<v3>{_W})"
    rf"|(?:s['’]|se\s+)?(?P<v2>[\w’']+)-(?:t-)?(?P<p2>{_PRON})\b)", re.IGNORECASE)
# After a closing quote: "a affirmé le chef de la diplomatie russe", "se réjouit SEM X".
_INV_NP = re.compile(rf"^[\s,;–—-]*{_CLITIC}(?:{_AUX}\s+)?{_ADVERBS}(?:s['’]|se\s+)?(?:(?:est|sont)\s+)?"
                     rf"{_ADVERBS}(?P<v>{_W})\b")
_SELON = re.compile(r"^[\s,;–—-]*(?:selon|d['’]après)\s+", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:mais|et|or|cependant|toutefois|ainsi)\s*,?\s+)?(?P<prep>selon|d['’]après|pour)\s+",
                   re.IGNORECASE)
_VOICE = re.compile(r"\bpar la voix d(?:e\s+|u\s+|es\s+|['’]\s*)", re.IGNORECASE)
_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "sa", "son", "ses",
                          "leur", "leurs", "cette", "ce", "ces", "notre", "votre"})
# one line break may be a wrapped line; the dot of an honorific or an initial ("M. Sidibé") is no stop
# "l'un d'eux", "l'une des habitantes", "certains d'entre eux": one of a group, named after.
_PARTITIVE = re.compile(r"\s*(?:l['’]une?|une?|certaine?s|plusieurs|l['’]autre)\s+(?:d['’]entre\s+)?"
                        r"(?:d['’]eux|d['’]elles|des\s+[\w’'-]+|de\s+[\w’'-]+)\s*(?=,)", re.IGNORECASE)
_HARD_STOP = re.compile(r"(?<!\b[A-Z])(?<!\bMme)(?<!\bMlle)(?<!\bDr)(?<!\bPr)(?<!\bMe)\.|[;!?«»“”\"_<>:]|\n\s*\n")


# A named antecedent ending a piece of sentence: "rejetée par la Coalition X (CET)"
_NAMED_ANTECEDENT = re.compile(r"(?:\b[Ll]a|\b[Ll]e|\b[Ll]es|\b[Ll]['’])[ \u00a0]*(?P<np>[A-ZÀ-Þ][^,;:«»“”\"_\n]{2,80}?)"
                               r"(?:[ \u00a0]*\([^()]{1,12}\))?[ \u00a0]*$")
# Between an incise's verb and the name: nothing, or a role and its comma ("son entraîneur, ")
_BEFORE_INCISE_NAME = re.compile(r"[ \u00a0]*(?:(?:son|sa|leur|le|la|l['’])[ \u00a0]*[\w’'-]+(?:[ \u00a0]+[\w’'-]+){0,3}"
                                 r"[ \u00a0]*,[ \u00a0]*)?(?:(?:M\.|Mme|Me|Dr)[ \u00a0]+)?")
# A past participle opening an apposition: ", intervenu par téléphone,"
_PARTICIPLE_APPOSITION = re.compile(r"[a-zà-ÿ]{3,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|int|inte|ait|aite|oint|ointe)")
_SELON_RELATIVE = re.compile(r"\bselon[ \u00a0]+(?:lequel|laquelle|lesquels|lesquelles)[ \u00a0]*$", re.IGNORECASE)
# Who the words were said to, between a verb and its inverted subject: "à l'AFP", "à la presse"
_TO_MEDIA = re.compile(r"[ \u00a0]*(?:à|a|au)[ \u00a0]+(?:l['’][ \u00a0]*[A-Z]{2,6}\b|la[ \u00a0]+presse|notre[ \u00a0]+"
                       r"(?:correspondant|correspondante|rédaction|journal|envoyé[ \u00a0]+spécial)|la[ \u00a0]+télévision"
                       r"(?:[ \u00a0]+(?:nationale|publique))?|la[ \u00a0]+radio(?:[ \u00a0]+(?:nationale|publique))?|"
                       r"micro[ \u00a0]+de[ \u00a0]+[\w’'-]+(?:[ \u00a0]+[A-Z][\w’'-]*)?)[ \u00a0]*,?[ \u00a0]*")
# ", qui dénonce": a relative clause whose verb is the one asked about
_RELATIVE_QUI = re.compile(r",[ \u00a0\n]*qui[ \u00a0\n]+(?:\w+[ \u00a0\n]+)?$")
# What may separate an antecedent from its ", qui": nothing, or its acronym in brackets
_ACRONYM_GAP = re.compile(r"[\s\u00a0]*(?:\([^()]{1,12}\)[\s\u00a0]*)?")
# A quote and a coordination after a subject: "la direction « regrette ... » et appelle"
_BEFORE_COORDINATED_QUOTE = re.compile(r"\s*(?:«|“|\"|<<)[\s_]*(?:»|”|\"|>>)\s*(?:et|puis|mais)\s*$")
# A complement before the subject: "Dans un communiqué publié dimanche, ", "Lors de la séance, ".
FRONTED = re.compile(r"\s*(?:Dans|Lors|En|À|A|Au|Aux|Après|Avant|Par|Sur|Depuis|Devant|Face|Côté|Du\s+côté)\b[^,«»“”\"_]{0,80},\s*")


def incise_groups(m: re.Match[str], verbs: "Verbs") -> tuple[str, str]:
    """The groups of an ``_INV_PRONOUN`` match that hold its pronoun and its speech verb
    ("a-t-elle fini par répondre": the verb is the infinitive)."""
    g = next(k for k in ("p1", "p2", "p3") if m.group(k))
    vk = {"p1": "v1", "p2": "v2", "p3": "v3"}[g]
    if vk == "v1" and m.group("v1b") and verbs.lemma(m.group("v1b")):
        vk = "v1b"
    return g, vk


@dataclass(frozen=True)
class Cue:
    """What a rule found: the speaker mention (or a bare phrase ``text`` at ``start:end``),
    the verb lemma (or ``selon`` / ``:``), the rule, and whether the speaker is inherited
    from the previous statement."""

    mention: Mention | None
    verb: str
    rule: str
    start: int = -1
    end: int = -1
    text: str = ""
    inherit: bool = False


class Verbs:
    """Speech-verb lookup for one article: our inflection table first, then spaCy's lemma for
    a token it tags as a verb (catches forms the table lacks)."""

    def __init__(self, doc: Any, lex: ModuleType) -> None:
        self.lex = lex
        self.forms = lex.SPEECH_FORMS
        self.spacy: dict[int, str] = {}
        self.any_verb: set[int] = set()  # where the tagger saw a verb, speech or not
        self.adjectival: set[int] = set()  # participles that modify a noun ("les volumes promis")
        for tok in tokens_with_pos(doc, ("VERB", "AUX")):
            self.any_verb.add(tok.idx)
            if tok.lemma_ in lex.SPEECH_VERBS:
                self.spacy[tok.idx] = tok.lemma_
                if tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm") and not tok.text.endswith("ant"):
                    self.adjectival.add(tok.idx)
        self._text: str | None = None  # the text last scanned, and its verbs
        self._index: list[tuple[int, int, str, bool]] = []
        self._starts: list[int] = []

    def lemma(self, word: str, start: int = -1) -> str | None:
        low = word.lower().replace("’", "'")
        return self.forms.get(low) or self.spacy.get(start)

    def find(self, masked: str, start: int, end: int, weak: bool = True) -> list[tuple[int, int, str]]:
        """Speech verbs in ``masked[start:end]`` as ``(start, end, lemma)``. The article's
        verbs are read once (every rule asks about one range or another of the same text)."""
        if self._text is not masked:
            self._text, self._index = masked, self._scan(masked)
            self._starts = [v[0] for v in self._index]
        out = []
        for k in range(bisect.bisect_left(self._starts, start), len(self._index)):
            s, e, lemma, weak_only = self._index[k]
            if s >= end:
                break
            if e > end:
                continue  # a word (or "fait état") cut by the end of the range
            if not weak and weak_only:
                continue
            out.append((s, e, lemma))
        return out

    def _scan(self, masked: str) -> list[tuple[int, int, str, bool]]:
        """Every speech verb of the text: (start, end, lemma, usable only for indirect speech)."""
        out = []
        for m in re.finditer(_W, masked):
            s = m.start()
            lemma = self.lemma(m.group(), s)
            if lemma is None and "_" not in m.group():
                phrase = _PHRASAL.match(masked, s)  # "a fait état de", "a fait savoir"
                if phrase is not None:
                    out.append((s, phrase.end(), "faire " + phrase.group("noun").lower(), False))
                continue
            if "_" in m.group() or s in self.adjectival:
                continue  # ... nor "les volumes promis « ... »": a participle of a noun
            before = re.findall(_W, masked[max(0, s - 12):s])
            if before and before[-1].lower() in _DETERMINERS:  # "une note", "le juge": nouns
                continue
            weak_only = lemma in self.lex.WEAK_DIRECT_VERBS and not re.match(
                r"\s+(?:\w+\s+){0,4}à\b", masked[m.end():m.end() + 50])  # "appelle par ailleurs les gens à"
            out.append((s, m.end(), lemma, weak_only))
        return out


@dataclass
class Finder:
    """The attribution rules over one article."""

    text: str
    masked: str
    mentions: list[Mention]
    verbs: Verbs
    lex: ModuleType

    def in_range(self, start: int, end: int, kinds: tuple[str, ...] = ("person", "role", "doc", "pronoun", "org")
                 ) -> list[Mention]:
        # A mention that starts in the range counts even when its span runs a little past it.
        return [m for m in self.mentions if start <= m.start < end and m.kind in kinds]

    def np_region(self, start: int, limit: int) -> int:
        """End of the noun phrase that starts at ``start``: the next hard stop, and at most one
        apposition comma (", Bakary Dembélé")."""
        stop = _HARD_STOP.search(self.masked, start, limit)
        end = stop.start() if stop else limit
        first = self.masked.find(",", start, end)
        if first != -1:
            second = self.masked.find(",", first + 1, end)
            names = self.in_range(first, second if second != -1 else end, ("person",))
            # ", Bakary Dembélé" or ", le colonel Julien Marchand": a name after at most a
            # determiner and a title is an apposition of the phrase.
            if names and len(words(self.masked[first:names[0].start])) <= 2:
                return second if second != -1 else end
            # "l'un d'eux, un commerçant de 52 ans": the apposition says who "one of them" is.
            if _PARTITIVE.match(self.masked, start, first + 1) and re.match(
                    r",\s*(?:un|une|le|la|l['’])\b", self.masked[first:first + 8], re.I):
                return second if second != -1 else end
            # "X, président de l'Association Y, CLAUSE": a role in apposition belongs to X.
            if second != -1 and self.in_range(start, first, ("person",)) and _role_heads_re(self.lex).match(
                    fold(self.masked[first + 1:second]).strip()):
                return second
            return first
        return end

    def phrase_cue(self, start: int, end: int, verb: str, rule: str) -> Cue | None:
        """The best speaker mention in a noun phrase, else the phrase itself."""
        media = _TO_MEDIA.match(self.masked, start, end)
        if media is not None:  # "a indiqué à l'AFP une source sécuritaire": not the speaker
            start = media.end()
        part = _PARTITIVE.match(self.masked, start, end)
        if part is not None:  # "l'un d'eux, un commerçant": the apposition is the speaker
            comma = self.masked.find(",", part.end(), end)
            if comma != -1:
                start = comma + 1
        stops = {fold(x) for x in self.lex.NP_STOPWORDS}
        for k, w in enumerate(re.finditer(_W, self.masked[start:end])):
            # "soupirait un agent alors qu'un membre ... de Courbis": the speaker phrase ends
            # at a connector after its first word; names past it are someone else.
            if k and fold(w.group()) in stops:
                end = start + w.start()
                break
        found = self.in_range(start, end)
        for kinds in (("person",), ("doc",), ("role", "pronoun"), ("org",)):
            pick = [m for m in found if m.kind in kinds]
            if pick:
                return Cue(pick[0], verb, rule)
        s, e = start, end
        phrase = self.text[s:e]
        cut = [fold(w) for w in phrase.split()]
        for k, w in enumerate(cut):
            if k and w in {fold(x) for x in self.lex.NP_STOPWORDS}:  # "ce commerçant" keeps its "ce"
                e = s + len(" ".join(phrase.split()[:k])) + (len(phrase) - len(phrase.lstrip()))
                break
        while s < e and not self.text[s].isalnum():
            s += 1
        while e > s and not self.text[e - 1].isalnum():
            e -= 1
        if e - s < 3 or len(words(self.text[s:e])) > 10:
            return None
        return Cue(None, verb, rule, s, e, self.text[s:e])

    # -- direct quotes ------------------------------------------------------------------
    def after_quote(self, q: QuoteSpan, sent_end: int) -> Cue | None:
        """Incise or ``selon`` right after the closing mark."""
        post = self.masked[q.close_end:sent_end]
        m = _INV_PRONOUN.match(post)
        if m:
            g, vk = incise_groups(m, self.verbs)
            p_start = q.close_end + m.start(g)
            pron = next((x for x in self.mentions if x.start == p_start), None) or Mention(
                p_start, q.close_end + m.end(g), m.group(g), "pronoun",
                gender="f" if m.group(g).lower().startswith("elle") else "m",
                plural=m.group(g).lower().endswith("s"))
            verb = m.group(vk)
            lemma = self.verbs.lemma(verb, q.close_end + m.start(vk)) or verb.lower()
            if m.group(g).lower() == "on":
                # "», confie-t-on dans l'entourage du ministre": the place named is the source;
                # with none, nobody is named (never the last person)
                where = _ON_SOURCE.match(self.masked, q.close_end + m.end(), sent_end)
                if where is not None:
                    s, e = where.end(), self.np_region(where.end(), sent_end)
                    while e > s and not self.text[e - 1].isalnum():
                        e -= 1
                    if 0 < len(words(self.text[s:e])) <= 8:  # "l'entourage du ministre"
                        return Cue(None, lemma, "incise-on", s, e, " ".join(self.text[s:e].split()))
                return Cue(None, lemma, "incise-on", q.close_end + m.start(g), q.close_end + m.end(g), "on")
            return Cue(pron, lemma, "incise-pronoun")
        m = _SELON.match(post)
        if m:
            s = q.close_end + m.end()
            return self.phrase_cue(s, self.np_region(s, sent_end), "selon", "selon-after")
        m = _INV_NP.match(post)
        if m and fold(m.group("v")).endswith("ant"):
            m = None  # "», promettant l'ouverture de ...": a participle goes on with the subject
        if m:
            lemma = self.verbs.lemma(m.group("v"), q.close_end + m.start("v"))
            if lemma is None and q.close_end + m.start("v") in self.verbs.any_verb:
                # "», sourit Hama Cissé": any verb, when a person follows it, is an incise
                s = q.close_end + m.end("v")
                person = [x for x in self.in_range(s, min(sent_end, s + 60)) if x.kind == "person"
                          and _BEFORE_INCISE_NAME.fullmatch(self.masked, s, x.start)]
                if person:  # "», a savouré son entraîneur, Mamadou Faye"
                    return Cue(person[0], m.group("v").lower(), "incise")
            phrase = None if lemma else _PHRASAL.match(self.masked, q.close_end + m.start("v"), sent_end)
            if phrase is not None:  # "», a fait savoir le ministre"
                lemma = "faire " + phrase.group("noun").lower()
                m = phrase
            if lemma:
                s = q.close_end + m.end("v") if phrase is None else phrase.end()
                return self.phrase_cue(s, self.np_region(s, sent_end), lemma, "incise")
        return None

    def subject_before(self, start: int, pos: int) -> Mention | None:
        """The last mention between ``start`` and ``pos`` (the subject of a verb at ``pos``)."""
        found = self.in_range(start, pos)
        relative = _RELATIVE_QUI.search(self.masked, start, pos)
        if relative is not None:
            # "rejetée par la Coalition X (CET), qui dénonce": the antecedent, governed or not
            before = [m for m in found if m.end <= relative.start()
                      and _ACRONYM_GAP.fullmatch(self.masked, m.end, relative.start())]
            if before:
                return before[-1]
        front = FRONTED.match(self.masked, start, pos)
        if front is not None:
            # "Dans une déclaration publiée vendredi, l'Union des conducteurs demande": the
            # document of a fronted complement is not the subject
            found = [m for m in found if m.start >= front.end()]
        # "l'Union des conducteurs routiers du Bénin demande": a complement is not the subject
        found = [m for m in found if not governed(self.masked, m, start)]
        # "Le Bureau de coordination ... (Ocha) a indiqué": an acronym in brackets only
        # repeats the name before it
        found = [m for m in found if not (self.masked[m.start - 1:m.start] == "(" and self.masked[m.end:m.end + 1] == ")")]
        persons = [m for m in found if m.kind != "org"]
        pick = persons or found
        if len(pick) >= 2 and self._in_apposition(pick[-1], start, pos):
            # "Me Diarra, proche du député Kanté, a dénoncé": the subject is before the apposition
            return pick[-2]
        return pick[-1] if pick else None

    def _in_apposition(self, m: Mention, start: int, pos: int) -> bool:
        """True when ``m`` sits inside a comma-delimited apposition that closes right before
        ``pos`` and opens with words of its own (", proche du député X," / ", qui a reçu X,"),
        not with the name itself (", le capitaine X," names the phrase before it)."""
        if not re.fullmatch(r"[\s\w’'-]*(?:[,–—)]\s*)+(?:\w+\s+){0,3}", self.masked[m.end:pos]):
            return False
        # ", proche de X," or "– et sans lien avec X –,": commas, dashes and brackets alike
        opening = max(self.masked.rfind(c, start, m.start) for c in ",–—(")
        if opening == -1:
            return False
        lead = words(self.masked[opening + 1:m.start])
        return len(lead) > 2 or any(fold(w) in _LINKS for w in lead)

    def before_quote(self, q: QuoteSpan, sent_start: int) -> Cue | None:
        """Speaker named before the opening mark in the same sentence."""
        pre_end = q.open_start
        pre = self.masked[sent_start:pre_end]
        m = _LEAD.match(pre)
        if m:
            s = sent_start + m.end()
            end = self.np_region(s, pre_end)
            cue = self.phrase_cue(s, end, "selon" if m.group("prep").lower() != "pour" else "pour", "selon")
            if cue and (m.group("prep").lower() != "pour" or cue.mention is not None):
                return cue
        rel = _SELON_RELATIVE.search(pre)
        if rel is not None:
            # "un communiqué du ministère, reçu pendant le direct, selon lequel « ... »"
            ante = [x for x in self.in_range(sent_start, sent_start + rel.start()) if x.kind in ("doc", "person", "role")]
            docs = [x for x in ante if x.kind == "doc"]
            if ante:
                return Cue(docs[-1] if docs else ante[-1], "selon", "selon-relative")
        for v in _VOICE.finditer(pre):
            s = sent_start + v.end()
            cue = self.phrase_cue(s, self.np_region(s, pre_end), "voix", "par-la-voix")
            if cue:
                return cue
        verbs = self.verbs.find(self.masked, sent_start, pre_end, weak=False)
        colon = pre.rstrip().endswith(":")
        if verbs:
            vs, ve, lemma = verbs[-1]
            subj = self.subject_before(sent_start, vs)
            if subj is None:
                after = [x for x in self.in_range(ve, pre_end) if x.kind != "org"]
                subj = after[0] if after else None
            if subj is not None:
                return Cue(subj, lemma, "verb-before")
            bare = self.bare_subject(sent_start, vs)
            if bare is not None:
                return Cue(None, lemma, "verb-before", *bare)
            return Cue(None, lemma, "verb-omitted-subject", inherit=True)
        if colon:
            found = [x for x in self.in_range(sent_start, pre_end) if x.kind != "org"] or self.in_range(sent_start, pre_end)
            if len(found) >= 2 and found[1].kind == "person" \
                    and re.fullmatch(r"[^,.;:«»]*,[ \u00a0\n]*", self.masked[found[0].end:found[1].start]) \
                    and not any(sent_start <= v < found[1].start for v in self.verbs.any_verb):
                # "Gérant de la station Baraka, Moussa Diarra ne cache pas ... :": the fronted
                # apposition names a place or a firm; the subject follows its comma
                found = found[1:]
            if found:
                return Cue(found[0], ":", "colon")
            return Cue(None, ":", "colon-omitted-subject", inherit=True)
        return None

    def bare_subject(self, sent_start: int, verb_start: int) -> tuple[int, int, str] | None:
        """The noun phrase subject when no mention is there: "les deux parties ont confié",
        "un membre de la HAAC, qui a requis l'anonymat, affirme" (relative clauses skipped)."""
        cuts = [sent_start] + [m.end() for m in re.finditer(",", self.masked[sent_start:verb_start])]
        cuts = [c if c == sent_start else sent_start + c for c in cuts]
        bounds = list(zip(cuts, cuts[1:] + [verb_start + 1]))
        for seg_start, seg_end in reversed(bounds):
            seg_end = min(seg_end - 1, verb_start) if seg_end <= verb_start else verb_start
            raw = self.masked[seg_start:seg_end]
            # "la direction du port « regrette ... » et appelle": the subject of both verbs
            raw = _BEFORE_COORDINATED_QUOTE.sub("", raw)
            # "le ministère de l'Intérieur a confirmé l'enlèvement et assuré": the subject ends
            # at its own verb
            first_verb = min((v for v in self.verbs.any_verb if seg_start < v < seg_start + len(raw)), default=None)
            if first_verb is not None and self.masked[seg_start:first_verb].strip() \
                    and re.search(r"\b(?:et|puis)\s*$", raw):
                raw = self.masked[seg_start:first_verb]
            seg = re.sub(rf"\s+(?:{_AUX}|s['’]est|se sont|ne|n['’]|{_ADVERBS})\s*$", "", raw, flags=re.I)
            seg = re.sub(rf"\s+{_AUX}\s*$", "", seg, flags=re.I)
            toks = seg.split()
            if toks and seg_start > sent_start and _PARTICIPLE_APPOSITION.fullmatch(toks[0]):
                continue  # ", intervenu par téléphone,": an apposition; the subject is before it
            if toks and toks[0].lower() == "qui" and seg_start > sent_start and seg_end >= verb_start:
                # "..., rejetée par la Coalition pour des élections transparentes (CET), qui
                # dénonce": the named antecedent that ends the piece before
                ante = _NAMED_ANTECEDENT.search(self.masked, sent_start, seg_start - 1)
                if ante is not None:
                    a_s, a_e = ante.start("np"), ante.end("np")
                    return a_s, a_e, self.text[a_s:a_e]
            if not toks or (toks[0].lower() in {"qui", "dont", "lequel", "laquelle", "lesquels"}):
                continue  # an empty piece or a relative clause: the subject is before it
            if len(toks) > 12 or "_" in seg or not re.match(
                    r"(?i)(les|la|le|l['’]|des|ces|ce|cet|cette|un|une|plusieurs|certains|certaines)\b", toks[0]):
                return None
            s = seg_start + (len(raw) - len(raw.lstrip()))
            e = s + len(seg.strip())
            return s, e, self.text[s:e]
        return None

    def trailing_cue(self, q: QuoteSpan, sent_end: int) -> Cue | None:
        """The attribution that ends the sentence of a fragment further on: "X aurait ouvert
        « plus de quarante comptes » entre 2019 et 2023, selon le procureur Y." or "... seront
        incinérés « dans les prochains jours » sous contrôle, a précisé M. Z."."""
        post = self.masked[q.close_end:sent_end]
        for comma in reversed(list(re.finditer(r",\s+", post))):
            cue = self.after_quote(replace(q, close_end=q.close_end + comma.start()), sent_end)
            if cue is None:
                continue
            # an inverted subject or "selon X" that ends the sentence, not an object ("...,
            # ont annoncé mercredi l'annulation du festival")
            end = cue.mention.end if cue.mention is not None else cue.end
            if cue.rule == "incise-pronoun":  # "..., a-t-il reconnu.": the incise ends the sentence
                end = sent_end if len(words(post[comma.end():])) <= 6 else end
            if self.masked[end:sent_end].strip(" \t\n.!?…") or (
                    cue.mention is None and cue.rule != "selon-after"
                    and not re.match(r"(?:les?|la|l['’]|une?|M\.|Mme|Me|Dr)\b", cue.text or "", re.I)):
                return None
            return cue
        return None

    def mid_incise(self, q: QuoteSpan) -> tuple[int, int, Cue] | None:
        """An incise inside the marks, « part one, a-t-il déclaré, part two »: the offsets where
        the incise starts (its first comma) and ends (after its second comma), and its cue."""
        inner = self.text[q.start:q.end]
        for m in re.finditer(r",\s+(?=\S)", inner):
            comma = q.start + m.start()
            seg_start = q.start + m.end()
            if len(words(self.text[q.start:comma])) < 2:
                continue
            # The incise ends at a comma, or at the end of its sentence when the quote goes on
            # with another one (« A, a-t-elle insisté. B »); an honorific's dot is no end.
            for end_mark in _INCISE_END.finditer(self.text, seg_start, min(q.end, seg_start + 90)):
                close = end_mark.start()
                seg = self.text[seg_start:close]
                if len(words(seg)) > 10 or len(words(self.text[close + 1:q.end])) < 2:
                    break
                cue = self._incise_in(seg, seg_start)
                if cue is not None:
                    if end_mark.group() == ",":
                        # "..., a déclaré le professeur X, président de l'ordre. Et ...": the
                        # speaker's title ends the incise, not the quote's words
                        title = _TITLE_TO_STOP.match(self.text, close + 1, q.end)
                        if title is not None and _role_heads_re(self.lex).match(fold(title.group("t"))):
                            return comma, title.end(), cue
                    return comma, close + 1, cue
                if end_mark.group() == ",":
                    break
        return None

    def _incise_in(self, seg: str, offset: int) -> Cue | None:
        m = _INV_PRONOUN.match(seg)
        # "a-t-il précisé devant la presse": a short complement may follow the verb
        if m and (m.end() >= len(seg.rstrip()) - 1 or _INCISE_TAIL.fullmatch(seg, m.end())):
            g, vk = incise_groups(m, self.verbs)
            verb = m.group(vk)
            lemma = self.verbs.lemma(verb, offset + m.start(vk))
            if lemma is None and vk == "v3":  # "s'est-il demandé" needs a speech verb
                return None
            pron = Mention(offset + m.start(g), offset + m.end(g), m.group(g), "pronoun",
                           gender="f" if m.group(g).lower().startswith("elle") else "m",
                           plural=m.group(g).lower().endswith("s"))
            return Cue(pron, lemma or verb.lower(), "incise-inside")
        m = _INV_NP.match(seg)
        if m:
            lemma = self.verbs.lemma(m.group("v"), offset + m.start("v"))
            if lemma:
                s = offset + m.end("v")
                e = offset + len(seg)
                found = [x for x in self.in_range(s, e) if x.kind in ("person", "role", "doc")]
                if found:
                    return Cue(found[0], lemma, "incise-inside")
                # Inside the marks the names are masked: read the incise's own words ("...,
                # a déclaré à l'AFP le professeur X, ...", "..., a prévenu le syndicaliste. B"),
                # up to the end of its sentence, skipping complements ("à l'AFP")
                stop = re.search(r"[.!?]\s", self.text[s:e])
                e = s + stop.start() if stop else e
                known = {fold(x.text.split()[-1]) for x in self.mentions if x.kind == "person" and x.text.split()}
                for n in _NAME_RUN.finditer(self.text, s, e):
                    # a full name, or a surname the article gives in full elsewhere ("Sawadogo")
                    if (len(n.group().split()) >= 2 or fold(n.group()) in known) \
                            and not governed(self.text[s:n.start()], None, 0):
                        return Cue(Mention(n.start(), n.end(), n.group(), "person"), lemma, "incise-inside")
                role = _role_heads_re(self.lex).match(fold(self.text[s:e]).strip())
                if role is not None and len(words(self.text[s:e])) <= 4:
                    np_s = s + len(self.text[s:e]) - len(self.text[s:e].lstrip())
                    return Cue(None, lemma, "incise-inside", np_s, e, self.text[np_s:e].strip())
        return None


# Where "on" speaks from: "confie-t-on dans l'entourage du ministre", "indique-t-on au ministère".
_ON_SOURCE = re.compile(r"\s+(?:dans|(?:au\s+sein|du\s+côté|auprès)\s+(?:du|de\s+la|de\s+l['’]|des)|au|à\s+la|"
                        r"à\s+l['’]|aux|chez)\s*(?=[\w])", re.IGNORECASE)

# A speech verb made of "faire" and a noun: "a fait état de", "fait savoir", "ont fait valoir".
_PHRASAL = re.compile(r"(?P<v>fait|font|faisait|faisaient|fera|feront|faire|faisant)\s+"
                      r"(?P<noun>état|savoir|valoir|part)\b", re.IGNORECASE)
# What may follow the verb of an incise inside the marks: a place, an audience, a moment, an
# adverb ("a-t-il précisé devant la presse", "a-t-elle lancé, souriante").
_INCISE_TAIL = re.compile(r"\s+(?:(?:devant|à|au|aux|en|lors|dans|sur|pour|face|depuis|avant|après|avec|"
                          r"sans|d['’]une?|d['’]un|[\w-]+ment)\b[^,.;:!?«»“”\"]{0,40})\s*")

# Words that make what follows a complement inside an apposition ("proche de", "qui a reçu").
_LINKS = frozenset({"de", "d'", "du", "des", "qui", "que", "qu'", "a", "au", "aux", "avec", "pour", "par"})
# After an incise's comma, a title up to the end of its sentence: ", président de l'ordre."
_TITLE_TO_STOP = re.compile(r"\s*(?P<t>[a-zà-ÿ][^.!?«»“”\n]{2,100}?)\.(?=\s+[A-ZÀ-Þ«“])")
_INCISE_END = re.compile(r",|(?<!\b[A-Z])(?<!\bMme)(?<!\bMlle)(?<!\bDr)(?<!\bPr)(?<!\bMe)[.!?](?=\s+\S)")
_NAMING_LINKS = frozenset({"de", "du", "des", "d'", "la", "le", "les", "l'", "un", "une", "intitule", "intitulee",
                           "baptise", "baptisee", "dit", "dite", "nomme", "nommee", "appele", "appelee"})
_NAMING_STEMS = ("rebaptis", "baptis", "surnomm", "intitul", "denomm", "qualifi")
_SUBJECTS = frozenset({"vous", "nous", "ils", "elles", "on", "qui", "a", "ont", "avait", "avaient", "je", "j'", "tu"})


@lru_cache(maxsize=8)
def _role_heads_re(lex: ModuleType) -> re.Pattern[str]:
    """A role head at the start of folded text, after an optional determiner."""
    heads = sorted({fold(h) for h in lex.ROLE_HEADS}, key=len, reverse=True)
    return re.compile(r"(?:(?:le|la|l'|un|une)\s*)?(?:" + "|".join(re.escape(h) for h in heads) + r")\b")


def naming_cue_before(masked: str, pos: int, lex: ModuleType) -> bool:
    """True when a word like "thème", "film", "opération" sits just before a quote."""
    window = re.split(r"[.!?;:\n]", masked[max(0, pos - 40):pos])[-1]  # this sentence only
    before = [re.sub(r"^[ldLD]['’]", "", w) for w in re.findall(r"[\w’'-]+", window)[-2:]]  # "le film «", "l'émission «"
    cues = {fold(c) for c in lex.NAMING_CUES}
    for k, w in enumerate(before):
        # "appelle à « ... »" calls for something (speech); "appelle la « ... »" names it.
        # any agreement of a naming participle: "rebaptisée la « ... »", "qualifiées de « ... »"
        if (fold(w) in cues or fold(w).startswith(_NAMING_STEMS)) and not (fold(w).startswith("appel") and k + 1 < len(before)
                                    and fold(before[k + 1]) in {"a", "au", "aux"}):
            # "la zone dite « ... »" names it; "vous dites « ... »" speaks.
            if w.lower() in lex.NAMING_CUES_AFTER_SUBJECT and k > 0 and fold(before[k - 1]) in _SUBJECTS:
                continue
            # "le livre de « ... »" names it; "son livre serait « ... »" speaks of it
            if k + 1 < len(before) and not fold(w).startswith(_NAMING_STEMS) \
                    and fold(before[k + 1]) not in _NAMING_LINKS:
                continue
            return True
    return False



def opener_at(text: str, pos: int) -> bool:
    return any(text.startswith(o, pos) for o in OPENERS)
