"""Plain-text cleaning: whitespace normalisation and the junk-line rules.

No library cleans text pasted from news sites, so this is our own. Each rule is a small
named predicate over one line (with the lines around it for context). A removed line is
never lost: it comes back as ``Removed(line, rule_name)`` so an analyst can restore it.

The rules are conservative by design: a body paragraph has sentence punctuation and
lower-case words, and no rule may fire on such a paragraph. Junk is recognised by its
*shape* (short prompt, keyword run without punctuation, label before the title), never by
a list of sites or sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from recoupe.ingest.lexicon import BYLINE_INTROS, NAME_PARTICLES, PUBDATE_VERBS
from recoupe.records import Removed

# Spaces that browsers render as a blank: nbsp, narrow nbsp (French typography before « »),
# en/em spaces, tab. Replaced by one plain space; words are never touched.
_SPACES = re.compile(r"[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters left by copy-paste (zero-width space, word joiner, BOM).
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")
_MULTI_SPACE = re.compile(r" {2,}")

# A body paragraph: at least this many words (a sentence, not a label) ...
BODY_MIN_WORDS = 8
BODY_SAMPLE_CHARS = 400  # the case of the words is judged on the head of a paragraph (speed)
# ... with sentence punctuation somewhere in it.
_SENTENCE_PUNCT = re.compile(r"[.!?;:«»\"“”…]")
_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")

# Junk lines are short: prompts, labels, link lines. A longer line is body until shown otherwise.
PROMPT_MAX_WORDS = 30  # "Votre adresse e-mail ne sera pas publiée. Les champs ..." is ~15 words
RELATED_MAX_WORDS = 40  # "A lire aussi : <headline>" carries a headline (up to ~25 words)
LABEL_MAX_WORDS = 3  # "AES Diplomatie", "Politique", "Afrique de l'Ouest"
LABEL_MAX_CHARS = 32
# SEO / ad link lists: runs of capitalised keywords, no sentence punctuation, long.
LINK_LIST_MIN_WORDS = 12
LINK_LIST_MIN_CAPITALISED = 0.3  # share of words starting with a capital letter
AUTHOR_BIO_MAX_WORDS = 60
# Hard-wrapped text: lines of at most WRAP_MAX_CHARS (a little over the usual 72-80 columns),
# allowing a few longer ones (a pasted link line), and several blocks of more than one line.
WRAP_MAX_CHARS = 100
WRAP_LONG_SHARE = 0.1
WRAP_MIN_BLOCKS = 2
WRAP_MIN_CHARS = 30  # a shorter line is a label or a name, not a wrapped line
_ENDS_SENTENCE = re.compile(r"[.!?…:;»\"”)]\s*$")
# A site banner above the headline: "<Site> | <slogan>" or "<Site> - <slogan>".
BANNER_MAX_WORDS = 12  # the whole line: a name of a few words and a short slogan
BANNER_SITE_MAX_WORDS = 3  # "AfriqueActu24", "Sahel Quotidien", "Le Veilleur du Niger" (particles aside)
BANNER_SLOGAN_MIN_WORDS = 2
HEADLINE_MIN_WORDS = 5  # a line that can be the headline under the banner
BANNER_REASON = "banner"
NAV_MIN_ITEMS = 3  # "Accueil | Politique | Économie" is a navigation bar
NAV_ITEM_MAX_WORDS = 4


def normalise_whitespace(text: str) -> str:
    """Unify line ends and spaces without changing any word.

    nbsp and other wide spaces become one space, runs of spaces collapse, lines are
    stripped, blank-ish lines (only spaces or invisible characters) become empty, and runs
    of empty lines collapse to one, so paragraphs stay separated by exactly one blank line.
    Idempotent.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    out: list[str] = []
    for raw in text.split("\n"):
        line = _MULTI_SPACE.sub(" ", raw).strip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def words(line: str) -> list[str]:
    """The alphabetic words of a line (apostrophes and hyphens stay inside a word)."""
    return _WORD.findall(line)


def is_body(line: str) -> bool:
    """A line that reads as a body paragraph: long enough, punctuated, mostly lower-case words."""
    # Cheap tests first: this runs on every line of every article.
    if len(line.split()) < BODY_MIN_WORDS or not _SENTENCE_PUNCT.search(line):
        return False
    ws = words(line[:BODY_SAMPLE_CHARS])
    if len(ws) < BODY_MIN_WORDS:
        return False
    lower = sum(1 for w in ws if w[0].islower())
    return lower >= len(ws) / 2


def _short(line: str, max_words: int) -> bool:
    return len(line.split()) <= max_words  # whitespace tokens: cheap, and junk is far from the limits


@dataclass(frozen=True)
class CleanContext:
    """The non-blank lines of one text, and where the body starts (index of the first body line)."""

    lines: tuple[str, ...]
    first_body: int

    @classmethod
    def of(cls, lines: Sequence[str]) -> "CleanContext":
        # A title can read like a sentence ("Niger : les ministres attendus à Ankara"), but it
        # does not end like one: the body starts at the first paragraph that does.
        first = next((i for i, line in enumerate(lines) if is_body(line) and _ENDS_SENTENCE.search(line)), len(lines))
        return cls(tuple(lines), first)


RulePredicate = Callable[[CleanContext, int], bool]


@dataclass(frozen=True)
class Rule:
    """One junk rule: its name (the reason shown to the analyst) and its predicate."""

    name: str
    applies: RulePredicate


def _anchored(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")", re.IGNORECASE)


_COMMENT = _anchored(
    r"(?:laisser|laissez|poster|postez|ajouter|ajoutez|écrire|écrivez|publier|rédiger) un commentaire",
    r"votre adresse (?:e-?mail|électronique|de messagerie|mail) ne sera pas publiée",
    r"les champs obligatoires sont (?:indiqués|marqués)",
    r"vous devez (?:être connecté|vous connecter) pour (?:publier|poster|laisser) un commentaire",
    r"enregistrer mon nom, mon (?:e-?mail|adresse)",
    r"soyez le premier à (?:commenter|réagir)",
    r"(?:annuler la )?réponse$",
    r"réagir(?: à cet article)?\W*$",
    r"(?:\d+|aucun|un) (?:commentaires?|réactions?)\W*$",
    r"commentaires?\W*(?:\(\d+\))?\W*$",
    r"(?:leave a (?:comment|reply)|your email address will not be published)",
)
# An invitation to follow, join or subscribe, anywhere in a short line that names a network.
_FOLLOW = re.compile(r"\b(?:suivez[- ]nous|rejoignez[- ]nous|rejoignez (?:notre|nos)|abonnez[- ]vous|follow us)\b", re.IGNORECASE)
_NETWORK = re.compile(r"\b(?:facebook|twitter|x|whatsapp|telegram|youtube|tiktok|instagram|linkedin|newsletter)\b", re.IGNORECASE)
_SOCIAL = _anchored(
    r"suivez[- ](?:nous|-nous|l'actualité|toute l'actualité)",
    r"rejoignez[- ]nous",
    r"rejoignez (?:notre|nos) (?:chaîne|page|groupe|communauté)",
    r"abonnez[- ]vous (?:à|a) (?:notre|nos)",
    r"retrouvez[- ]nous sur",
    r"partager? (?:sur|via|cet article|l'article)",
    r"partagez(?: cet article| sur|\W*$)",
    r"écoutez (?:les radios|la radio|nos)",
    r"ecoutez (?:les radios|la radio|nos)",
    r"téléchargez (?:notre|l'application|l’application)",
    r"(?:follow us|share (?:on|this))",
)
# A line made only of sharing buttons: "Facebook Twitter WhatsApp Email Imprimer".
_SHARE_WORDS = frozenset(
    "facebook twitter x whatsapp telegram linkedin email e-mail mail imprimer print partager "
    "tweet tweeter messenger pinterest instagram youtube tiktok copier lien le copy link".split()
)
# What follows a related-link phrase: nothing, a separator, or a headline (capital, quote,
# figure). "Lire aussi entre les lignes, ..." continues in lower case: a sentence, kept.
_HEADLINE_NEXT = r"(?-i:(?=\s*$|\s*[:\-–—>»|•]|\s+[A-ZÀ-Ý«\"“\d]))"
_RELATED = re.compile(
    r"^(?:"
    + "|".join(
        [
            r"[àa] lire (?:aussi|également|egalement|absolument)",
            r"lire (?:aussi|également|egalement|la suite|plus)",
            r"(?:voir|consulter|consultez|voyez) aussi",
            r"sur le même sujet",
            r"dans la même rubrique",
            r"(?:articles?|contenus?) (?:similaires|liés|connexes|recommandés)",
            r"(?:also read|read more|related(?: articles)?)",
        ]
    )
    + r")"
    + _HEADLINE_NEXT,
    re.IGNORECASE,
)
_AUTHOR_BOX = _anchored(
    r"[àa] propos de l['’]auteur\W*$",
    r"(?:l['’]auteur|biographie de l['’]auteur)\W*$",
    r"(?:voir|afficher) tous les articles de\b",
    r"plus d['’]articles de\b",
    r"about the author\W*$",
)
_COPYRIGHT = _anchored(r"©", r"\(c\) ?\d{4}", r"copyright\b", r"tous droits réservés", r"all rights reserved")
_TAGS = _anchored(r"(?:tags|mots[- ]clés|mots clefs|étiquettes)\s*:")
_AD = _anchored(r"(?:publicité|advertisement|annonce|sponsorisé|contenu sponsorisé)\W*$")
_BANNER_SPLIT = re.compile(r"\s+[|\-–—•]\s+")
_BYLINE_START = re.compile(
    r"(?:" + "|".join(re.escape(w) for w in sorted((*BYLINE_INTROS, *PUBDATE_VERBS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_NAV_SPLIT = re.compile(r"\s*[|•·►▶»]\s*")


def _comment_prompt(ctx: CleanContext, i: int) -> bool:
    line = ctx.lines[i]
    return bool(_COMMENT.match(line)) and _short(line, PROMPT_MAX_WORDS)


def _social(ctx: CleanContext, i: int) -> bool:
    line = ctx.lines[i]
    if not _short(line, PROMPT_MAX_WORDS):
        return False
    if _SOCIAL.match(line) or (_FOLLOW.search(line) and _NETWORK.search(line)):
        return True
    tokens = [t.lower().strip(",.:;!") for t in line.split()]
    return len(tokens) >= 2 and all(t in _SHARE_WORDS for t in tokens if t)


def _related_link(ctx: CleanContext, i: int) -> bool:
    line = ctx.lines[i]
    return bool(_RELATED.match(line)) and _short(line, RELATED_MAX_WORDS)


def _name_like(line: str) -> bool:
    """A short line that could be a person's or a desk's name: capitalised words, no sentence."""
    ws = line.split()
    if not 1 <= len(ws) <= 5 or re.search(r"[\d!?;:«»]", line) or line.endswith(("..", ",")):
        return False
    particles = {"de", "du", "des", "la", "le", "el", "ben", "ould", "da", "van", "von", "d'", "bin"}
    return all(w[0].isupper() or w.lower() in particles for w in ws)


def _author_box(ctx: CleanContext, i: int) -> bool:
    line = ctx.lines[i]
    if _AUTHOR_BOX.match(line):
        return True
    # The line printed right under an "À propos de l'auteur" heading (the author's name or a
    # short bio) belongs to the box; what follows it is left to the other rules.
    return i > 0 and bool(_AUTHOR_BOX.match(ctx.lines[i - 1])) and (
        _name_like(line) or _short(line, AUTHOR_BIO_MAX_WORDS)
    )


def _link_list(ctx: CleanContext, i: int) -> bool:
    """A long run of capitalised keywords with no sentence punctuation: an SEO or ad link list."""
    line = ctx.lines[i]
    if _SENTENCE_PUNCT.search(line):
        return False
    ws = words(line)
    if len(ws) < LINK_LIST_MIN_WORDS:
        return False
    if i == 0 and len(ctx.lines) > 1:
        return False  # the first line is the title; a long unpunctuated title is not spam
    capitalised = sum(1 for w in ws if w[0].isupper())
    return capitalised / len(ws) >= LINK_LIST_MIN_CAPITALISED


def _navigation(ctx: CleanContext, i: int) -> bool:
    """A bar of short items separated by | or bullets: "Accueil | Politique | Sport".

    A line that starts with "|" is a table row (trafilatura writes tables that way), and items
    with figures are table cells or scores, not menu entries: both are kept.
    """
    line = ctx.lines[i]
    if line.startswith("|"):
        return False
    items = [x for x in _NAV_SPLIT.split(line) if x]
    if len(items) < NAV_MIN_ITEMS:
        return False
    return all(len(x.split()) <= NAV_ITEM_MAX_WORDS and not re.search(r"[\d.!?;:«»]", x) for x in items)


def _headline_candidate(line: str) -> bool:
    """A head line that can be the headline: several words, not a byline or a date line.

    Only asked of lines before the first body paragraph (see ``CleanContext``).
    """
    return len(words(line)) >= HEADLINE_MIN_WORDS and not _BYLINE_START.match(line)


def banner_parts(line: str) -> tuple[str, str] | None:
    """(site, slogan) of a "<Site> | <slogan>" line; None when it does not split in two."""
    parts = _BANNER_SPLIT.split(line)
    return (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else None


def _banner(ctx: CleanContext, i: int) -> bool:
    """The site's banner above the headline: "<Site> | <slogan>", "<Site> - <slogan>".

    Shape only: two parts (a bar of three or more is navigation), a site name of a few
    capitalised words, a short slogan without sentence punctuation, and a headline still to
    come before the body, with no headline before it (so the title itself is never taken).
    """
    line = ctx.lines[i]
    if i >= ctx.first_body or len(line.split()) > BANNER_MAX_WORDS:
        return False
    parts = banner_parts(line)
    if parts is None or re.search(r"[.!?;:«»\"“”…]", line):
        return False
    site, slogan = (p.split() for p in parts)
    named = [w for w in site if w.lower() not in NAME_PARTICLES]
    if not 1 <= len(named) <= BANNER_SITE_MAX_WORDS or not all(w[0].isupper() or w[0].isdigit() for w in named):
        return False
    if len(slogan) < BANNER_SLOGAN_MIN_WORDS:
        return False
    head = ctx.lines[: ctx.first_body]
    return not any(_headline_candidate(x) for x in head[:i]) and any(_headline_candidate(x) for x in head[i + 1 :])


def _is_label(line: str) -> bool:
    ws = line.split()
    if not 1 <= len(ws) <= LABEL_MAX_WORDS or len(line) > LABEL_MAX_CHARS:
        return False
    if re.search(r"[\d.,!?;:«»()]", line):
        return False  # dates, datelines, sentences are not category labels
    if re.match(r"(?:par|by|de|écrit|ecrit|publié)\b", line, re.IGNORECASE):
        return False  # a byline, read by the metadata stage
    # "Afrique de l'Ouest": an elided article before a capitalised word is part of a label.
    heads = [re.sub(r"^[ldLD]['’](?=\w)", "", w) for w in ws]
    return all(w[0].isupper() or w.lower() in {"de", "du", "des", "et", "la"} for w in heads)


def _section_label(ctx: CleanContext, i: int) -> bool:
    """A short category label in the head ("AES Diplomatie", "Politique"), above the body.

    Only in the head (before the first body paragraph) and only when a longer line (the
    title or the body) still follows, so a one-line text is never emptied.
    """
    if i >= ctx.first_body or not _is_label(ctx.lines[i]):
        return False
    return any(len(words(line)) > LABEL_MAX_WORDS for line in ctx.lines[i + 1 :])


def _copyright(ctx: CleanContext, i: int) -> bool:
    line = ctx.lines[i]
    return bool(_COPYRIGHT.match(line)) and _short(line, PROMPT_MAX_WORDS) and not is_body(line)


def _tags(ctx: CleanContext, i: int) -> bool:
    line = ctx.lines[i]
    return bool(_TAGS.match(line)) and not _SENTENCE_PUNCT.search(line.split(":", 1)[1].rstrip(". "))


def _advert(ctx: CleanContext, i: int) -> bool:
    return bool(_AD.match(ctx.lines[i]))


# Rules recognising a junk line by its wording: safe on any text, also on trafilatura's output.
PHRASE_RULES: tuple[Rule, ...] = (
    Rule("comment-prompt", _comment_prompt),
    Rule("social", _social),
    Rule("related-link", _related_link),
    Rule("author-box", _author_box),
    Rule("copyright", _copyright),
    Rule("advert", _advert),
    Rule("tags", _tags),
)
# Rules recognising junk by its shape. Plain text has lost its page structure, so shape is all
# we have; on HTML, trafilatura has already judged the page structure (link density, menus),
# and a title-case heading or a wrapped line there must not be mistaken for a link list.
SHAPE_RULES: tuple[Rule, ...] = (
    Rule(BANNER_REASON, _banner),
    Rule("link-list", _link_list),
    Rule("navigation", _navigation),
    Rule("section-label", _section_label),
)
# Applied in this order; the first rule that fires names the reason.
RULES: tuple[Rule, ...] = PHRASE_RULES + SHAPE_RULES


@dataclass(frozen=True)
class Cleaned:
    """The lines kept (in order) and the lines removed, each with the rule that removed it."""

    kept: tuple[str, ...]
    removed: tuple[Removed, ...]


def clean_lines(lines: Sequence[str], rules: Sequence[Rule] = RULES) -> Cleaned:
    """Apply the junk rules to non-blank, normalised lines."""
    ctx = CleanContext.of(lines)
    kept: list[str] = []
    removed: list[Removed] = []
    for i, line in enumerate(ctx.lines):
        reason = next((rule.name for rule in rules if rule.applies(ctx, i)), None)
        if reason is None:
            kept.append(line)
        else:
            removed.append(Removed(line, reason))
    return Cleaned(tuple(kept), tuple(removed))


def unwrap(text: str) -> list[str]:
    """The paragraphs of normalised text, one a line, with hard-wrapped lines joined.

    Text pasted from a mail or a terminal is often wrapped at ~72 characters. Such a text
    is recognised as a whole (its lines are short and its blocks span several lines); only
    then are the lines of a block joined, and only after a line that does not end a
    sentence. Elsewhere each line is its own paragraph, as sites lay them out. Only the line
    breaks change into spaces; the words are untouched.
    """
    blocks = [[line for line in block.split("\n") if line] for block in text.split("\n\n")]
    lines = [line for block in blocks for line in block]
    if not lines:
        return []
    long_lines = sum(1 for line in lines if len(line) > WRAP_MAX_CHARS)
    multi_line = sum(1 for block in blocks if len(block) > 1)
    if long_lines > WRAP_LONG_SHARE * len(lines) or multi_line < WRAP_MIN_BLOCKS:
        return lines
    out: list[str] = []
    for block in blocks:
        for k, line in enumerate(block):
            prev = block[k - 1] if k else ""
            if k and len(prev) >= WRAP_MIN_CHARS and not _ENDS_SENTENCE.search(prev):
                out[-1] = f"{out[-1]} {line}"
            else:
                out.append(line)
    return out


def clean_text(text: str, rules: Sequence[Rule] = RULES) -> Cleaned:
    """Normalise whitespace, split into paragraphs (one a line, unwrapped) and apply the junk rules."""
    return clean_lines(unwrap(normalise_whitespace(text)), rules)
