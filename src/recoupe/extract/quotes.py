"""Quotes and their speakers, for French news: one ``quote`` claim per statement.

Direct quotes are the words between « », “ ”, " " or << >> (nested marks belong to the outer
quote; an unclosed quote runs to the end of its line). Indirect speech ("X a indiqué que ...",
"Selon X, ...") gives claims with ``direct: False`` whose value is the reported clause.

Rules, in the order they are tried for a direct quote (first match wins):

1. an incise after the closing mark: "», a-t-il déclaré" (any verb: an inverted subject after a
   quote is always an attribution), "», a affirmé le ministre Diop", "», selon X";
2. an incise inside the marks, « ..., a-t-il précisé, ... »: the quote is cut in two claims
   with the same speaker (evidence never covers the incise);
3. before the opening mark, in the same sentence: "Selon X," / "Pour X," / "D'après X," at the
   start, "par la voix de X", the last speech verb and its subject ("X a déclaré que «",
   "précise le communiqué conjoint, «"), a colon ("X : «", "X a renchéri : «"), also at the end
   of the paragraph before ("Mais elle ne se plaint pas :" / « ... »);
4. otherwise someone else acting between the previous statement and this one ("En 2009, elle
   ouvre son atelier. « ... »"), else the speaker of the previous statement when it is in the
   same or the previous paragraph ("« ... », a souligné X. « ... »"), else a document named in
   the sentence or the one before ("Un communiqué a été publié. Les parties y « ... »"), else
   the last person named.

Which quotes are statements: quotes of fewer than three words are terms or scare quotes
(«historique», «deuxième indépendance») and are dropped; so is a quote right after a naming
word ("le film «...»", "sous le thème «...»", "ce qu'ils appellent la «...»"). A fragment of
three words or more is a direct *partial* quote when its sentence reports speech (rules 1-3:
"Pour Lavrov, ... de bâtir une «nouvelle architecture de sécurité régionale»" is Lavrov's);
without such a context only quotes of six words or more are kept.

Speakers: persons resolve through the actor claims, then the gazetteer, then the longest form
of the same full name in the article (two people may share a surname); roles ("le chef de la
diplomatie malienne") through the gazetteer, then the person whose surroundings share the
role's words; a noun phrase that takes someone up ("ce commerçant", "la pédiatre", "le
vainqueur") to the one person it fits; pronouns to the subject of an earlier sentence they take
up, else the last person of a compatible gender; documents ("précise le communiqué conjoint",
"renseigne le document", "son article 12") to ``doc:<slug>`` with their name. Media that relay a statement ("rapporte l'AFP") are not its
speaker when the sentence names one.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from recoupe.extract.context import ArticleContext
from recoupe.extract.quotes_attribution import FRONTED, Cue, Finder, Verbs, naming_cue_before
from recoupe.extract.quotes_indirect import Statement, indirect_statements
from recoupe.extract.quotes_mentions import (Mention, Speaker, Speakers, find_mentions, fold, institution_nouns,
                                            institution_phrase)
from recoupe.extract.quotes_spans import (QuoteSpan, find_quote_spans, mask_quotes,
                                          normalise_space, paragraph_of, paragraph_starts,
                                          split_sentences, words)
from recoupe.records import Claim

EXTRACTOR = "quotes.fr@4"  # @4: institutions, unnamed sources and documents taken up, incises inside unclosed quotes, first-name genders (2026-12-06)

MIN_QUOTE_WORDS = 3  # below this a quoted term is a scare quote or a name, not a statement
MIN_UNATTRIBUTED_WORDS = 6  # a quote with no speech context must be at least this long
INHERIT_PARAGRAPHS = 1  # a statement inherits the speaker of one at most this many paragraphs back


def _lexicon(pack: Any) -> ModuleType:
    code = getattr(pack, "code", "fr") or "fr"
    return importlib.import_module(f"recoupe.extract.packs.{code}.quotes_lexicon")


@dataclass(frozen=True)
class _Direct:
    span: QuoteSpan
    start: int
    end: int
    cue: Cue | None
    sentence: tuple[int, int]


def _sentence(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return pos, pos


def _direct_quotes(f: Finder, spans: list[QuoteSpan], sentences: list[tuple[int, int]],
                   lex: ModuleType) -> list[_Direct]:
    out: list[_Direct] = []
    for q in spans:
        n = len(words(f.text[q.start:q.end]))
        if n < MIN_QUOTE_WORDS or naming_cue_before(f.masked, q.open_start, lex):
            continue
        s, e = _sentence(sentences, q.open_start)
        if e <= s:
            s, e = q.open_start, q.close_end
        cue = f.after_quote(q, e)
        if cue is not None and cue.mention is not None and cue.mention.kind == "org" \
                and _is_media(cue.mention.text, lex) or cue is not None and cue.mention is None \
                and cue.text and _is_media(cue.text, lex):
            # "..., rapporte l'AFP": the medium relays; the sentence's own subject is the source.
            subject = f.subject_before(s, q.open_start)
            cue = f.before_quote(q, s) or (Cue(subject, cue.verb, "media-relay") if subject else cue)
        parts = [(q.start, q.end)]
        inside = f.mid_incise(q)
        if inside is not None:
            comma, after, inner_cue = inside
            parts = [(q.start, comma), (after, q.end)]
            cue = cue if cue is not None and cue.mention is not None else inner_cue
        if cue is None:
            cue = f.before_quote(q, s)
        if cue is None:
            cue = _colon_before(f, sentences, q)
        if cue is None:
            cue = f.trailing_cue(q, e)
        if cue is None and n < MIN_UNATTRIBUTED_WORDS:
            continue
        for a, b in parts:
            while a < b and f.text[a].isspace():
                a += 1
            while b > a and f.text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(_Direct(q, a, b, cue, (s, e)))
    return out


def _colon_before(f: Finder, sentences: list[tuple[int, int]], q: QuoteSpan) -> Cue | None:
    """The speaker of a sentence ending with a colon right before the quote, across a line or
    paragraph break ("Mais elle ne se plaint pas :\n\n« Un jour ... »")."""
    prev = [(s, e) for s, e in sentences if e <= q.open_start][-1:]
    if not prev:
        return None
    s, e = prev[0]
    if not f.masked[s:e].rstrip().endswith(":") or f.masked[e:q.open_start].strip():
        return None
    found = [x for x in f.in_range(s, e) if x.kind != "org"]
    return Cue(found[0], ":", "colon-before") if found else None


def _is_media(surface: str, lex: ModuleType) -> bool:
    return any(fold(w) in lex.MEDIA_WORDS for w in surface.replace("’", " ").replace("'", " ").split())


@dataclass
class _Resolver:
    """Turns cues into speakers in text order, remembering who spoke last."""

    speakers: Speakers
    text: str
    masked: str
    paragraphs: list[int]
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    verb_starts: frozenset[int] = frozenset()  # where the tagger saw a verb
    last: tuple[int, Speaker] | None = None  # paragraph index and speaker of the last statement
    last_pos: int = -1  # where the last statement ends

    def speaker(self, st_start: int, cue: Cue | None, sentence: tuple[int, int], direct: bool) -> tuple[Speaker | None, str, str]:
        para = paragraph_of(st_start, self.paragraphs)
        if cue is not None and cue.mention is not None:
            sp = self.speakers.resolve(cue.mention)
            if sp.name is None and cue.mention.kind == "pronoun":
                sp = self._inherit(para, st_start) or sp
            if sp.kind == "role" and sp.id is None:  # "a ajouté ce responsable": the one before
                back = self._same_head(cue.mention.text)
                if back is not None:
                    sp = Speaker(back.id, back.name, sp.text, sp.start, sp.end, back.kind)
            return sp, cue.verb, cue.rule
        if cue is not None and cue.text:
            name = _bare_name(cue.text)
            resolve = getattr(self.speakers.gazetteer, "resolve", None)
            ent = resolve(name) if resolve is not None else None
            if ent is not None:
                return Speaker(ent.id, ent.name, cue.text, cue.start, cue.end, ent.kind), cue.verb, cue.rule
            back = (self._ordinal(cue.text) or self._same_head(cue.text) or self._unnamed_again(cue.text, para)
                    or self.speakers.taken_up(cue.text, cue.start))
            if back is not None:  # "raconte ce commerçant", "la pédiatre réclame": someone named before
                return Speaker(back.id, back.name, cue.text, cue.start, cue.end, back.kind), cue.verb, cue.rule
            return Speaker(None, name, cue.text, cue.start, cue.end, "phrase"), cue.verb, cue.rule
        verb = cue.verb if cue is not None else ":"
        rule = cue.rule if cue is not None else "continuation"
        sp = None
        if cue is None:
            # « ... » with no speech verb: a document or person subject of the sentence speaks
            # ("La déclaration finale « exhorte ... »"), before any inherited speaker.
            sp = self._subject(sentence[0], st_start)
            if sp is not None:
                rule = "subject"
        if sp is None and cue is None and self.last is not None:
            # someone else acts between the last statement and this quote, which has no verb
            # of its own ("Elle désigne une affiche : « ... »", "En 2009, elle ouvre son
            # atelier. Les débuts sont rudes. « ... »"): that one speaks
            near = self.speakers.subject_near(st_start, after=self.last_pos, back=2)
            if near is not None and (near.id, near.name) != (self.last[1].id, self.last[1].name):
                sp, rule = near, "subject-near"
        sp = sp or self._inherit(para, st_start)
        if sp is None and cue is None:
            sp = self._document_near(sentence)
            rule = "document-near" if sp is not None else rule
        if sp is None:
            sp = self.speakers.last_person(st_start)
            rule = "last-person" if sp is not None else "unattributed"
        return sp, verb, rule

    def _subject(self, sent_start: int, pos: int) -> Speaker | None:
        """The speaker a sentence names before its quote when no speech verb does: a document
        or a person in it, or the role or institution that is the clause's subject ("Le
        ministre a défendu un choix « ... »", "la Fédération « renouvelle ... »"). A fronted
        complement ("Dans un communiqué publié dimanche, ...") is not the subject."""
        start = sent_start
        front = FRONTED.match(self.masked, sent_start, pos)
        if front is not None:
            start = front.end()
        own = [m for m in self.mentions if start <= m.start < pos and m.kind in ("doc", "person", "role", "org")]
        lead = self.masked[start:own[0].start].strip() if own else ""
        if re.fullmatch(r"(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’])", lead):
            lead = ""  # "l'Office national X attribue ... « ... »": the institution is the subject
        if own and (own[0].kind in ("doc", "person") or not lead):
            return self.speakers.resolve(own[0])
        np_start = start + len(self.masked[start:pos]) - len(self.masked[start:pos].lstrip())
        inst = institution_phrase(self.masked, np_start, self.speakers.lex, self.verb_starts) if front is not None else None
        if inst is not None and inst[1] < pos:
            # "Dans un communiqué publié lundi, l'Office national X attribue ... « ... »"
            s, e = inst
            return Speaker(None, _bare_name(self.text[s:e]), self.text[s:e], s, e, "phrase")
        np = _INSTITUTION_SUBJECT.match(self.masked, start, pos)
        if np is not None and not np.group("head")[:1].isupper() \
                and fold(np.group("head")) not in institution_nouns(self.speakers.lex):
            np = None  # "la direction ... « »" speaks; "la foule « »" does not
        if np is not None and not any(fold(w) in _NOT_IN_NAME for w in words(np.group("np"))):
            # "la Fédération burkinabè de football « renouvelle ... »"
            s, e = np.start("np"), np.end("np")
            return Speaker(None, _bare_name(self.text[s:e]), self.text[s:e], s, e, "phrase")
        return None

    def _ordinal(self, phrase: str) -> Speaker | None:
        """"le premier" / "le second" ("la première", "le dernier"): one of the last two people
        who spoke, in the order the text gave them ("« ... », rétorque X. « ... », répond Y.
        « ... », lance le premier")."""
        toks = [fold(w) for w in words(phrase)]
        if len(toks) != 2 or toks[0] not in ("le", "la") or toks[1] not in _ORDINALS:
            return None
        people: list[Speaker] = []
        for sp in reversed(self.speakers.history):
            said = [fold(w) for w in words(sp.text)]
            if len(said) == 2 and said[1] in _ORDINALS:
                continue  # the order is the one the names gave, not the ordinals' own
            if sp.kind == "person" and sp.name and all(sp.name != p.name for p in people):
                people.append(sp)
            if len(people) == 2:
                break
        if len(people) < 2:
            return None
        return people[1] if _ORDINALS[toks[1]] == 0 else people[0]

    def _unnamed_again(self, phrase: str, para: int) -> Speaker | None:
        """The unnamed speaker of the last statement, taken up by a demonstrative or by "notre
        source" in the same paragraph: "Une source militaire affirme que ... « ... », confie
        cet officier"."""
        toks = [fold(w) for w in words(phrase)]
        if len(toks) < 2 or not (toks[0] in ("ce", "cet", "cette") or toks[:2] in (["notre", "source"], ["nos", "sources"])):
            return None
        if self.last is None or self.last[0] != para:
            return None
        sp = self.last[1]
        return sp if sp.id is None and sp.kind in ("phrase", "role") and sp.name else None

    def _same_head(self, phrase: str) -> Speaker | None:
        """The unnamed speaker a definite or demonstrative phrase takes up by its noun: "Une
        source douanière a indiqué ... « ... », a ajouté cette source"."""
        toks = [fold(w) for w in words(phrase.replace("’", "' ").replace("'", "' "))]
        if len(toks) < 2 or toks[0] not in _TAKING_UP:
            return None
        head = toks[2] if toks[1] == "meme" and len(toks) > 2 else toks[1]
        for sp in reversed(self.speakers.history):
            if sp.kind in ("phrase", "role", "group") and sp.name and sp.id is None:
                theirs = [fold(w) for w in words(sp.name)]
                if theirs and theirs[0] == head:
                    return sp
        return None

    def _inherit(self, para: int, pos: int) -> Speaker | None:
        if self.last is not None and para - self.last[0] <= INHERIT_PARAGRAPHS:
            return self.last[1]
        return None

    def _document_near(self, sentence: tuple[int, int]) -> Speaker | None:
        prev = [s for s in self.sentences if s[1] <= sentence[0]][-1:]
        lo = prev[0][0] if prev else sentence[0]
        docs = [m for m in self.mentions if m.kind == "doc" and lo <= m.start < sentence[1]]
        return self.speakers.resolve(docs[-1]) if docs else None

    def remember(self, pos: int, sp: Speaker | None, end: int = -1) -> None:
        if sp is not None and sp.name is not None:
            self.last = (paragraph_of(pos, self.paragraphs), sp)
            self.last_pos = max(pos, end)
            self.speakers.history.append(sp)


# A named institution right before the quote that carries its verb: "la Fédération X « ... »".
# "la direction générale du Port\nautonome de Conakry (PAC) « regrette ... »": a line may
# wrap inside it and an acronym may close it; a lower-case head must be an institution noun.
_INSTITUTION_SUBJECT = re.compile(
    r"\s*(?P<np>(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’])\s*(?P<head>[\w’'-]+)(?:(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*)[\w’'-]+){0,8}?"
    r"(?:[ \u00a0]+\([A-ZÀ-Þ][\w.-]{1,12}\))?)[ \u00a0]*(?:«|“|\"|<<)")


# "le premier" / "le second" of two people: 0 the one named first, 1 the one named last.
_ORDINALS = {"premier": 0, "premiere": 0, "second": 1, "seconde": 1, "deuxieme": 1, "dernier": 1, "derniere": 1}
# Determiners of a noun phrase that takes up someone already there ("cette source").
_TAKING_UP = frozenset({"ce", "cet", "cette", "ces", "le", "la", "les", "l'"})
# Words that end a name: verbs and adverbs ("Les Parties sont ensuite convenues « ... »").
_NOT_IN_NAME = frozenset({"a", "ont", "est", "sont", "sera", "seront", "etait", "etaient", "avait",
                          "avaient", "se", "s'", "ne", "n'", "y", "qui", "que", "ensuite", "egalement",
                          "aussi", "deja", "encore", "alors", "en"})


def _bare_name(phrase: str) -> str:
    """A phrase used as a name: one line, no leading determiner ("les deux parties"), no
    acronym in brackets after it ("la direction du Port autonome (PAC)")."""
    words_ = re.sub(r"\s*\([^()]{1,12}\)\s*$", "", phrase).split()
    if words_ and fold(words_[0]) in {"le", "la", "les", "l'", "des", "du", "un", "une", "ces"}:
        words_ = words_[1:]
    elif words_ and fold(words_[0]).startswith(("l'", "d'")):
        words_[0] = words_[0][2:]
    return " ".join(words_)


def extract(ctx: ArticleContext) -> list[Claim]:
    """One ``quote`` claim per direct or indirect statement of the article, in text order."""
    lex = _lexicon(ctx.pack)
    text = ctx.article.text
    spans = find_quote_spans(text)
    masked = mask_quotes(text, spans)
    sentences = split_sentences(text, spans)
    actors = ctx.actors() if hasattr(ctx, "actors") else []
    mentions = find_mentions(text, masked, ctx.doc, actors, lex)
    speakers = Speakers(text, masked, mentions, sentences, ctx.gazetteer, lex, actors=list(actors))
    finder = Finder(text, masked, mentions, Verbs(ctx.doc, lex), lex)
    directs = _direct_quotes(finder, spans, sentences, lex)
    kept = [(d.span.open_start, d.span.close_end) for d in directs]
    indirect = indirect_statements(finder, sentences, kept)
    items: list[tuple[int, Any]] = [(d.start, d) for d in directs] + [(st.start, st) for st in indirect]
    items.sort(key=lambda x: x[0])
    resolver = _Resolver(speakers, text, masked, paragraph_starts(text), sentences, mentions,
                         verb_starts=frozenset(finder.verbs.any_verb))
    claims: list[Claim] = []
    for _, item in items:
        if isinstance(item, _Direct):
            start, end, cue, direct = item.start, item.end, item.cue, True
            sp, verb, rule = resolver.speaker(start, cue, item.sentence, True)
        else:
            st: Statement = item
            start, end, direct = st.start, st.end, False
            sp, verb, rule = resolver.speaker(start, st.cue, _sentence(sentences, start), False)
            if sp is None or sp.name is None:
                continue  # reported speech nobody is said to have uttered ("Faut-il rappeler que")
        resolver.remember(start, sp, end)
        claims.append(ctx.claim(
            "quote", normalise_space(text[start:end]), start, end, EXTRACTOR,
            speaker=sp.id if sp else None,
            speaker_name=sp.name if sp else None,
            speaker_text=sp.text if sp else None,
            speaker_start=sp.start if sp else None,
            speaker_end=sp.end if sp else None,
            direct=direct, verb=verb, rule=rule,
        ))
    return claims
