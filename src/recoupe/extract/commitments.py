"""Commitments: who commits to what.

"la Russie s'est engagée à former et équiper la force conjointe de l'AES" -> a
``commitment`` claim whose value is the action ("former et équiper la force conjointe de
l'AES"), whose evidence runs from the actor to the end of the action, and whose attrs name
the actor (entity id), its words, the trigger and the rule.

Two kinds of rules:

* lexical triggers from ``packs/<code>/commitments.yaml`` ("s'engage à", "est prête à",
  "a exprimé sa disponibilité à", "sont convenues de", "a réitéré son soutien",
  "a décidé de", "promet de" ...), matched on the text;
* a verb in the future tense whose subject is a named actor ("la Russie formera et
  équipera ..."), from the spaCy parse; its verbs are put back in the infinitive so that the
  value compares equal to "s'engage à former et équiper ...".

The actor is the grammatical subject of the trigger, resolved in this order: every party
("les Parties" -> ``parties``), a demonym after "la partie" ("la partie russe" -> the
state), an actor claim inside the subject, the gazetteer, a pronoun ("elles" -> the last
plural actor, "elle" -> the last actor), "son pays" -> the country of the last person.

Every commitment is about the future: ``attrs["planned"]`` is True. ``Claim.planned`` is True
only when the commitment itself is only expected ("devrait s'engager à").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

import yaml

from recoupe.extract.packs import PACKS_DIR
from recoupe.extract.tokens import Prescreen, lowered, tokens_with_pos
from recoupe.records import Claim

if TYPE_CHECKING:  # pragma: no cover
    from recoupe.extract.context import ArticleContext
    from recoupe.extract.packs import LanguagePack

EXTRACTOR = "commitments.fr@1"
PARTIES = "parties"  # actor id meaning every party of the meeting

_CACHE_KEY = "commitments.lexicon"
# Longest action kept (words): past this the clause cutter has failed and we stop.
MAX_ACTION_WORDS = 24
# How far before a trigger (characters) its subject may start when the parse has none.
SUBJECT_WINDOW = 120
_SUBJECT_DEPS = ("nsubj", "nsubj:pass")
_ACTOR_KINDS = ("state", "org", "person")


def _fragment(pattern: str, adverbs: str) -> str:
    """A lexicon pattern as a regex: any apostrophe, optional or required white space,
    ``{ADV}`` a run of adverbs."""
    adv = "(?:(?:" + adverbs.replace(" ", r"\s+") + r")\s+)*"
    out = pattern.replace("'", "['’]").replace(" ?", r"\s*").replace(" ", r"\s+")
    return out.replace("{ADV}", adv)


@dataclass(frozen=True)
class CommitmentLexicon:
    """Compiled rules of one language."""

    rules: tuple[tuple[str, re.Pattern[str]], ...]
    expected_before: re.Pattern[str]
    action_end: re.Pattern[str]
    all_parties: re.Pattern[str]
    party_of: re.Pattern[str]
    own_country: re.Pattern[str]
    plural_pronouns: frozenset[str]
    singular_pronouns: frozenset[str]
    # Per rule, a cheap test that it cannot match in a sentence (see tokens.Prescreen).
    screens: tuple[Prescreen, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "screens", tuple(Prescreen(pattern) for _, pattern in self.rules))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "CommitmentLexicon":
        adv = data["adverbs"]

        def rx(p: str, whole: bool = False) -> re.Pattern[str]:
            body = _fragment(p, adv)
            return re.compile(rf"^(?:{body})$" if whole else rf"(?<!\w){body}", re.I)

        rules = tuple((name, rx(p)) for name, p in data["rules"].items())
        for name, pattern in rules:
            if "action" not in pattern.groupindex:
                raise ValueError(f"commitment rule {name!r} lacks the (?P<action>) group")
        return cls(rules, re.compile(_fragment(data["expected_before"], adv), re.I),
                   re.compile(data["action_end"], re.I), rx(data["all_parties"], whole=True),
                   rx(data["party_of"], whole=True), rx(data["own_country"], whole=True),
                   frozenset(data["plural_pronouns"]), frozenset(data["singular_pronouns"]))

    @classmethod
    def load(cls, code: str) -> "CommitmentLexicon":
        with (PACKS_DIR / code / "commitments.yaml").open(encoding="utf-8") as fh:
            return cls.from_mapping(yaml.safe_load(fh))


def lexicon(pack: "LanguagePack") -> CommitmentLexicon:
    """The compiled rules of ``pack``, built once and kept on the pack's data."""
    return pack.compiled(_CACHE_KEY, lambda: CommitmentLexicon.load(pack.code))


_QUOTE_MARKS = str.maketrans({"«": " ", "»": " ", "“": " ", "”": " ", '"': " "})


def normalise(text: str) -> str:
    """One canonical spelling of an action: no quotation marks (one outlet quotes the
    communiqué, another does not), single spaces, straight apostrophes."""
    return " ".join(text.replace("’", "'").translate(_QUOTE_MARKS).split())


def action_end(text: str, start: int, limit: int, lex: CommitmentLexicon) -> int:
    """Where the action starting at ``start`` stops: the clause end, a circumstance
    ("dans le cadre de", "afin de"), the sentence end ``limit``, or MAX_ACTION_WORDS."""
    m = lex.action_end.search(text, start, limit)
    end = m.start() if m else limit
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > MAX_ACTION_WORDS:
        end = start + words[MAX_ACTION_WORDS - 1].end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",«“\""):
        end -= 1
    return end


@dataclass(frozen=True)
class Actor:
    """Who commits: entity id (or :data:`PARTIES`, or None) and the words naming them."""

    id: str | None
    text: str
    start: int
    plural: bool = False


class ActorResolver:
    """Resolves the subject of a commitment to an entity, remembering the last actors of
    the article for pronouns."""

    def __init__(self, ctx: "ArticleContext", lex: CommitmentLexicon) -> None:
        self.ctx = ctx
        self.lex = lex
        self.actor_claims = ctx.actors()
        self.last_plural: Actor | None = None

    def _entity_id(self, found: Any) -> str | None:
        if found is None:
            return None
        return found if isinstance(found, str) else getattr(found, "id", None)

    def _gazetteer(self, name: str, *args: Any) -> Any:
        method = getattr(self.ctx.gazetteer, name, None)
        return method(*args) if method is not None else None

    def _last_actor(self, before: int, kind: str | None = None) -> str | None:
        """Id of the last actor named before ``before`` (of ``kind`` if given): from the
        actor claims, else from the spaCy entities resolved through the gazetteer."""
        found = None
        for claim in self.actor_claims:
            if claim.evidence.start >= before:
                break
            if kind is None or claim.value.startswith(kind + ":"):
                found = claim.value
        if found or self.actor_claims:
            return found
        for ent in self._ents(0, before):
            ent_id = self._entity_id(self._gazetteer("resolve", ent.text, (kind,) if kind else _ACTOR_KINDS))
            found = ent_id or found
        return found

    def resolve(self, text: str, start: int) -> Actor:
        """The actor named by the subject ``text`` found at ``start``."""
        words = normalise(text)
        end = start + len(text)
        low = words.lower()
        if self.lex.all_parties.match(words):
            return self._remember(Actor(PARTIES, words, start, plural=True))
        party = self.lex.party_of.match(words)
        if party:
            state = self._entity_id(self._gazetteer("demonym", party.group("demonym")))
            if state:
                return Actor(state, words, start)
        inside = [c for c in self.actor_claims if c.evidence.start >= start and c.evidence.end <= end]
        if inside:
            return self._remember(Actor(inside[0].value, words, start, plural=len({c.value for c in inside}) > 1))
        found = self._entity_id(self._gazetteer("resolve", words, _ACTOR_KINDS))
        if found:
            return Actor(found, words, start)
        if low in self.lex.plural_pronouns:
            if self.last_plural is not None:
                return Actor(self.last_plural.id, words, start, plural=True)
            return Actor(None, words, start, plural=True)
        if low in self.lex.singular_pronouns:
            return Actor(self._last_actor(start), words, start)
        if self.lex.own_country.match(words):
            person = self._last_actor(start, "person")
            entity = self._gazetteer("get", person) if person else None
            country = getattr(entity, "country", None)
            return Actor(f"state:{country}" if country else None, words, start)
        for ent in self._ents(start, end):
            ent_id = self._entity_id(self._gazetteer("resolve", ent.text, _ACTOR_KINDS))
            return Actor(ent_id, words, start)
        return Actor(None, words, start)

    def _ents(self, start: int, end: int) -> list[Any]:
        doc = self.ctx.doc
        if doc is None or not doc.has_annotation("ENT_IOB"):
            return []
        ents = self.ctx.shared("ents", lambda: doc.ents) if hasattr(self.ctx, "shared") else doc.ents
        return [e for e in ents if e.start_char >= start and e.end_char <= end
                and e.label_ in ("LOC", "ORG", "PER", "MISC")]

    def _remember(self, actor: Actor) -> Actor:
        if actor.plural:
            self.last_plural = actor
        return actor


def _clip_subject(tokens: list[Any]) -> list[Any]:
    """The subject's noun phrase without appositions or relative clauses after a comma."""
    out = []
    for tok in tokens:
        if tok.is_punct or tok.lower_ in ("qui", "que", "dont", "lequel", "laquelle"):
            break
        out.append(tok)
    return out


def subject_span(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """Character span of the grammatical subject of the verb inside ``start:end``."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    heads = list(span) + [t.head for t in span]
    for tok in heads:
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS and child.idx < start:
                tokens = _clip_subject([t for t in child.subtree if t.idx < start])
                if tokens:
                    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        # A conjoined predicate ("adhère ... et est prêt à") shares its subject.
        if tok.dep_ == "conj" and tok.head.i < tok.i:
            for child in tok.head.children:
                if child.dep_ in _SUBJECT_DEPS:
                    tokens = _clip_subject(list(child.subtree))
                    if tokens:
                        return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return None


# Auxiliaries and adverbs between a subject and its trigger ("la partie russe a exprimé").
_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:a|ont|est|sont|était|étaient|avait|avaient|aura|auront|sera|seront|va|vont|devrait|devraient"
    r"|pourrait|pourraient|ne|n['’]|y|en|ainsi|également|aussi|ensuite|donc|déjà|désormais|enfin))+\s*$",
    re.I)


def _fallback_subject(text: str, sent_start: int, trigger_start: int) -> tuple[int, int] | None:
    """Without a parse: the words right before the trigger, back to a comma or the
    sentence start (e.g. "La Russie" in "La Russie s'engage à")."""
    lo = max(sent_start, trigger_start - SUBJECT_WINDOW)
    chunk = text[lo:trigger_start]
    cut = max(chunk.rfind(","), chunk.rfind("«"), chunk.rfind(":"), chunk.rfind(" que "), chunk.rfind(" qu'"))
    s = lo + cut + 1 if cut >= 0 else lo
    while s < trigger_start and not text[s].isalnum():
        s += 1
    tail = _SUBJECT_TAIL.search(text, s, trigger_start)
    e = tail.start() if tail else trigger_start
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def _sentences(ctx: "ArticleContext") -> list[tuple[int, int]]:
    doc = ctx.doc
    if doc is not None and doc.has_annotation("DEP"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    spans, start = [], 0
    for m in re.finditer(r"[.!?]+(?=\s)|\n+", ctx.article.text):
        spans.append((start, m.end()))
        start = m.end()
    return spans + [(start, len(ctx.article.text))]


def _future_actions(doc: Any, s: int, e: int, verbs: list[Any] | None = None) -> list[tuple[Any, int]]:
    """Verbs in the future tense with a nominal subject in ``s:e``: (verb, subject start).
    ``verbs``: the doc's VERB tokens (:func:`_verbs`), when the caller has them already."""
    if doc is None or not doc.has_annotation("MORPH") or not doc.has_annotation("DEP"):
        return []
    out = []
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return []
    if verbs is None:
        verbs = _verbs(doc)
    lo = bisect.bisect_left(verbs, span.start, key=lambda t: t.i)
    for tok in verbs[lo:]:
        if tok.i >= span.end:
            break
        if "Fut" not in tok.morph.get("Tense") or tok.dep_ == "conj":
            continue
        # A named subject only ("la Russie formera"): "les ministres effectueront une
        # visite" is a schedule, not a commitment.
        subj = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        if subj:
            out.append((tok, subj[0].left_edge.idx))
    return out


def _verbs(doc: Any) -> list[Any]:
    """The doc's VERB tokens in order."""
    return tokens_with_pos(doc, ("VERB",))


def _infinitive(doc: Any, start: int, end: int) -> str:
    """The action with its future-tense verbs put back in the infinitive."""
    span = doc.char_span(start, end, alignment_mode="expand")
    parts = []
    for tok in span:
        word = tok.lemma_ if tok.pos_ == "VERB" and "Fut" in tok.morph.get("Tense") else tok.text
        parts.append(word + tok.whitespace_)
    return normalise("".join(parts))


def _claim(ctx: "ArticleContext", value: str, start: int, end: int, expected: bool, actor: Actor,
           trigger: str, rule: str) -> Claim:
    # Built here rather than with ctx.claim: the attrs carry a key named "planned" too.
    attrs = {"actor": actor.id, "actor_text": actor.text or None, "trigger": trigger, "rule": rule,
             "planned": True}
    return Claim("commitment", value, ctx.evidence(start, end, EXTRACTOR), expected, attrs)


def extract(ctx: "ArticleContext") -> list[Claim]:
    """One ``commitment`` claim per commitment found in the article."""
    text = ctx.article.text
    lex = lexicon(ctx.pack)
    resolver = ActorResolver(ctx, lex)
    claims: list[Claim] = []
    verbs = _verbs(ctx.doc) if ctx.doc is not None else []
    low = lowered(text)
    for s_start, s_end in _sentences(ctx):
        found: list[tuple[int, int, int, str, re.Match[str]]] = []  # trigger start, action span, rule, match
        for (name, pattern), screen in zip(lex.rules, lex.screens):
            if not screen.may_match(low, s_start, s_end):
                continue
            for m in pattern.finditer(text, s_start, s_end):
                a_start = m.start("action")
                a_end = action_end(text, a_start, s_end, lex)
                if a_end <= a_start or any(f[0] <= m.start() < f[2] for f in found):
                    continue  # empty, or inside a commitment already found
                found.append((m.start(), a_start, a_end, name, m))
        taken = [(f[0], f[2]) for f in found]
        for t_start, a_start, a_end, rule, m in sorted(found, key=lambda f: f[0]):
            owner = m.groupdict().get("owner")
            if owner:  # "la volonté de la Russie d'aider": the will's owner commits
                bare = re.sub(r"^(?:du\s+|des\s+|de\s+|d['’]\s*)", "", owner)  # "de la Russie" -> "la Russie"
                actor = resolver.resolve(bare, m.end("owner") - len(bare))
            else:
                subj = subject_span(ctx.doc, t_start, m.end()) or _fallback_subject(text, s_start, t_start)
                actor = resolver.resolve(text[subj[0]:subj[1]], subj[0]) if subj else Actor(None, "", t_start)
            ev_start = min(actor.start, t_start) if actor.text and actor.start >= s_start else t_start
            expected = lex.expected_before.search(text, max(s_start, t_start - 40), t_start) is not None
            claims.append(_claim(ctx, normalise(text[a_start:a_end]), ev_start, a_end, expected,
                                 actor, normalise(m.group()), rule))
        for verb, subj_start in _future_actions(ctx.doc, s_start, s_end, verbs):
            if any(lo <= verb.idx < hi for lo, hi in taken):
                continue
            a_end = action_end(text, verb.idx, s_end, lex)
            subj_end = verb.idx
            while subj_end > subj_start and text[subj_end - 1].isspace():
                subj_end -= 1
            actor = resolver.resolve(text[subj_start:subj_end], subj_start)
            if actor.id is None:
                continue  # "le format se renforcera": a future, not a commitment by an actor
            claims.append(_claim(ctx, _infinitive(ctx.doc, verb.idx, a_end), subj_start, a_end, False,
                                 actor, verb.text, "future"))
    return claims
