"""Indirect speech: "X a indiqué que ...", "Selon X, ...", "..., selon X", "..., a assuré X".

Each rule returns the reported clause (offsets into the article text, trimmed of trailing
punctuation) and a :class:`Cue` for its speaker. A clause that holds a direct quotation is
left to the direct quote (the quoted words carry the statement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoupe.extract.quotes_attribution import (_INV_PRONOUN, _LEAD, _TO_MEDIA, FRONTED, Cue, Finder, incise_groups,
                                               opener_at)
from recoupe.extract.quotes_mentions import Mention, institution_phrase
from recoupe.extract.quotes_spans import words

# "que" after a speech verb, with up to four words between ("a confié à la presse qu'...").
_QUE = re.compile(r"(?:\s+[\w’'-]+){0,4}?\s+qu(?:e\b|['’])")
# "VERB une taxe que": the object noun, not governed by a preposition, takes a relative clause
# ("a déclaré à la presse que" stays a report).
_RELATIVE_QUE = re.compile(r"\s+(?:une?|la|le|les|l['’]|des|ce|cet|cette|ces|son|sa|ses|leur|leurs)\s*"
                           r"(?!(?:semaine|mois|année|an|jour|journée|matin|soir|week-end|veille|lendemain|fois|"
                           r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)[\w’'-]+"
                           r"(?:\s+[\w’'-]+)?\s+qu(?:e\b|['’])", re.IGNORECASE)
_TRAIL_SELON = re.compile(r",\s+(?:selon|d['’]après)\s+(?!(?:lequel|laquelle|lesquels|lesquelles)\b)", re.IGNORECASE)
# An absolute participial clause after a comma ("les deux parties ayant convenu ...").
# "..., les deux parties ayant convenu", "..., ce que le technicien n'a pu confirmer": the writer's gloss
_ABSOLUTE = re.compile(r",\s+(?:(?:[\w’'-]+\s+){1,4}?(?:ayant|étant)\s|ce\s+qu(?:e\b|i\b|['’]))")
# A dateline before the first sentence of a dispatch: "NIAMEY, 3 décembre 2026 (ASP) - ".
# A city in lower case needs a date in it: "Niamey, 30 novembre 2026 - ".
_DATELINE = re.compile(r"(?:[A-ZÀ-Þ][A-ZÀ-Þ'’ -]+(?:\s*\([^()\n]{1,30}\))?,|[A-ZÀ-Þ][\w'’ -]{1,30},(?=[^\n]{0,40}?\d))[^\n]{0,60}?\s[-–—]\s+")
# "..., a-t-on appris auprès du ministère": the source is the complement of "auprès de".
# A day or a moment between a verb and what follows it: "a annoncé mercredi soir ..."
_DAY = (r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui)"
        r"(?:\s+(?:soir|matin|midi|après-midi|dernier))?")
_APPRIS = re.compile(rf",\s+a(?:-t-on|\s+)?\s*appris\s+(?:(?:(?-i:[A-Z]{{2,6}})|l['’]AFP|notre\s+(?:journal|rédaction))\s+)?(?:{_DAY}\s+)?"
                     r"(?:auprès\s+(?:d['’]|de\s+(?:la\s+|l['’])?|du\s+|des\s+)"
                     r"|d['’](?=une\s+source\b)|de\s+(?=sources?\b))",
                     re.IGNORECASE)
_DETERMINER_START = re.compile(r"\s*(?:les?|la|l['’]|une?|des|ce|cet|cette|ces|son|sa|ses|leurs?)\b", re.IGNORECASE)
# Words that make "que" a conjunction ("alors que", "tandis que", "avant que").
_CONJUNCTION_QUE = re.compile(r"\b(?:alors|tandis|bien|parce|avant|après|pendant|dès|sans|afin|lors|"
                              r"ainsi|même|tant|sitôt|depuis|plutôt|pour)\s+qu(?:e\b|['’])\Z", re.IGNORECASE)
# An indefinite plural noun phrase that ends the sentence (after an optional time word).
_PLURAL_SUBJECT = re.compile(r"(?:[\w’'-]+\s+)?(?P<np>(?:des|plusieurs|de\s+nombreu(?:x|ses)|certain(?:e)?s)\s+"
                             r"[\w’'-]+(?:\s+[\w’'-]+){0,6})\Z", re.IGNORECASE)
_MIN_CLAUSE_WORDS = 3  # shorter "clauses" are fragments ("que non", "qu'il viendra")


@dataclass(frozen=True)
class Statement:
    """A statement found in the text: ``start:end`` is the value's evidence span."""

    start: int
    end: int
    direct: bool
    cue: Cue | None


def _trim_clause(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return start, end


def _holds(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _clause_cut(f: Finder, clause_start: int, sent_end: int,
                verbs: list[tuple[int, int, str]]) -> int:
    """Where a reported clause stops: before the next speech verb that opens its own clause
    ("et a rappelé que", ", soulignant que") or at a semicolon."""
    end = sent_end
    semi = f.masked.find(";", clause_start, sent_end)
    if semi != -1:
        end = semi
    absolute = _ABSOLUTE.search(f.masked, clause_start, end)
    if absolute is not None:  # "..., les deux parties ayant convenu de ...": the writer's gloss
        end = absolute.start()
    for vs, ve, _ in verbs:
        if vs <= clause_start or vs >= end:
            continue
        word = f.masked[vs:ve]
        coordinated = re.search(r"\b(?:et|mais)\s+(?:(?:a|ont|il a|elle a)\s+)?(?:\w+\s+)?$",
                                f.masked[max(clause_start, vs - 20):vs])
        if coordinated:  # "... et a salué la tenue ...", "..., mais a nié ...": a new statement starts
            return max(clause_start, vs - 20) + coordinated.start()
        if _QUE.match(f.masked, ve) or (word.endswith("ant") and f.masked[max(0, vs - 3):vs].strip() == ","):
            before = f.masked[clause_start:vs]
            cut = max(before.rfind(","), before.rfind(" et "))
            if cut != -1:
                return clause_start + cut
            return vs
    return end


def que_clauses(f: Finder, s: int, e: int, direct: list[tuple[int, int]]) -> list[Statement]:
    """``VERB (...) que CLAUSE`` with a speech verb."""
    out = []
    verbs = f.verbs.find(f.masked, s, e)
    for vs, ve, lemma in verbs:
        m = _QUE.match(f.masked, ve)
        if not m or "," in f.masked[ve:m.end()] or _CONJUNCTION_QUE.search(f.masked, ve, m.end()):
            continue  # "soupirait-il alors que ...": a conjunction, not what was said
        if _RELATIVE_QUE.match(f.masked, ve, m.end()):
            continue  # "a défendu une taxe que ses détracteurs ...": a relative clause
        cs = m.end()
        while cs < e and f.text[cs].isspace():
            cs += 1
        if opener_at(f.text, cs):
            continue
        ce = _clause_cut(f, cs, e, verbs)
        cs, ce = _trim_clause(f.text, cs, ce)
        if len(words(f.text[cs:ce])) < _MIN_CLAUSE_WORDS or _holds(direct, cs, ce):
            continue
        subj = f.subject_before(s, vs)
        if subj is not None and subj.end > vs:
            subj = None
        front = FRONTED.match(f.masked, s, vs)
        if front is not None and (subj is None or subj.start < front.end()):
            # "Dans un communiqué rendu public jeudi, le ministère X a annoncé que": the
            # document is where it was said; the subject after the comma said it
            inst = institution_phrase(f.masked, front.end(), f.lex)
            after = f.subject_before(front.end(), vs)
            if after is not None:
                subj = after
            elif inst is not None and inst[1] <= vs:
                out_cue = Cue(None, lemma, "indirect-que", inst[0], inst[1],
                              " ".join(f.text[inst[0]:inst[1]].split()))
                out.append(Statement(cs, ce, False, out_cue))
                continue
        if subj is None:
            after = [x for x in f.in_range(ve, m.start() + (m.end() - m.start())) if x.kind != "org"]
            subj = after[0] if after else None
        if subj is not None:
            cue = Cue(subj, lemma, "indirect-que")
        else:
            bare = f.bare_subject(s, vs)
            cue = Cue(None, lemma, "indirect-que", *bare) if bare else Cue(None, lemma, "indirect-que", inherit=True)
        out.append(Statement(cs, ce, False, cue))
    return out


def lead_selon(f: Finder, s: int, e: int, direct: list[tuple[int, int]]) -> list[Statement]:
    """``Selon X, CLAUSE`` / ``D'après X, CLAUSE`` / ``Pour X, CLAUSE`` (X a person or a document)."""
    m = _LEAD.match(f.masked[s:e])
    if not m:
        return []
    np_start = s + m.end()
    np_end = f.np_region(np_start, e)
    if np_end >= e or f.masked[np_end] != ",":
        return []
    is_pour = m.group("prep").lower() == "pour"
    cue = f.phrase_cue(np_start, np_end, "pour" if is_pour else "selon", "indirect-selon")
    if cue is None or (is_pour and cue.mention is None):
        return []
    past = _past_apposition(f, cue, np_end, e)
    cited = [x for x in f.in_range(np_end, past) if x.kind == "doc"]
    if cited and re.match(r"\s*,?\s*qui\s+(?:cite|citait|rapporte|relaie|reprend)\b", f.masked[np_end:past]):
        cue = Cue(cited[0], cue.verb, cue.rule)  # "Selon l'agence X, qui cite un communiqué du ministère, ..."
    np_end = past
    cs, ce = _trim_clause(f.text, np_end + 1, e)
    if opener_at(f.text, cs) or _holds(direct, cs, ce) or len(words(f.text[cs:ce])) < _MIN_CLAUSE_WORDS:
        return []
    if is_pour and any(len(words(f.masked[cs:x.start])) <= 3 for x in f.in_range(cs, ce, ("person", "role"))):
        # "Pour la société X, le directeur Y s'est dit soulagé": "pour" sets the side, and the
        # clause names its own subject; nobody's words are reported.
        return []
    return [Statement(cs, ce, False, cue)]



# Words a clause may start with; a bare lower-case noun after a person's name and its comma
# is an apposition instead ("Pour Moussa Hamani, père d'un enfant hospitalisé, l'attente ...").
_CLAUSE_STARTS = frozenset("""
le la les l' l’ un une des du de d' d’ ce cet cette ces c' c’ ça son sa ses leur leurs mon ma mes
notre nos votre vos il elle ils elles on nous vous je j' j’ tu y en qui que qu' qu’ quoi dont où
rien personne tout tous toute toutes chaque plusieurs certains certaines aucun aucune nul beaucoup
peu trop très plus moins si mais et ou donc car or aussi même seul seuls seule seules près environ
quelque quelques presque déjà encore toujours jamais désormais aujourd'hui hier demain ici là
maintenant ainsi alors cependant pourtant toutefois néanmoins enfin surtout notamment n' n’ ne
cela ceci celui celle ceux celles lorsque quand comme puisque parce après avant depuis pendant
dans sur sous avec sans pour par entre contre vers chez selon à au aux nombre la plupart
deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente quarante
cinquante cent mille
""".split())


def _past_apposition(f: Finder, cue: Cue, np_end: int, e: int) -> int:
    """After "Selon X," / "Pour X,": the end of an apposition that describes X, when one
    follows (a lower-case noun or participle, then a comma within ten words: "Selon le
    procès-verbal, lu à l'audience, CLAUSE"), else ``np_end``. A relative clause too: "Selon
    un médecin, qui a souhaité garder l'anonymat, CLAUSE"."""
    if re.match(r"\s*qui\b", f.masked[np_end + 1:e]):
        comma = f.masked.find(",", np_end + 1, e)
        if comma != -1 and len(words(f.masked[np_end + 1:comma])) <= 16:
            return comma
    if cue.mention is None or cue.mention.kind not in ("person", "doc") or np_end >= e \
            or "," in f.masked[cue.mention.end:np_end]:  # none, or already read by np_region
        return np_end
    first = re.match(r"\s*([a-zà-ÿ][\w’'-]*)", f.masked[np_end + 1:e])
    if first is None or first.group(1).lower() in _CLAUSE_STARTS:
        return np_end
    comma = f.masked.find(",", np_end + 1, e)
    if comma == -1 or len(words(f.masked[np_end + 1:comma])) > 10:
        return np_end
    return comma


def trailing_selon(f: Finder, s: int, e: int, direct: list[tuple[int, int]]) -> list[Statement]:
    """``CLAUSE, selon X.``"""
    m = _TRAIL_SELON.search(f.masked, s, e)
    if not m:
        return []
    np_end = f.np_region(m.end(), e)
    if re.match(r"\s*,\s*[a-zà-ÿ]", f.masked[np_end:e]) and (
            re.match(r"\s*(?:lui|elle|eux|elles)\s*,", f.masked[m.end():e])
            or re.search(r"\b(?:a|ont|est|sont|avait|avaient|aurait|auraient|qui|que)\s*$", f.masked[s:m.start()])):
        return []  # "un partenaire qui a, selon lui, saisi ...": a parenthesis inside the clause
    cue = f.phrase_cue(m.end(), np_end, "selon", "indirect-selon-after")
    cs, ce = _trim_clause(f.text, s, m.start())
    if cue is None or _holds(direct, cs, ce) or len(words(f.text[cs:ce])) < _MIN_CLAUSE_WORDS:
        return []
    return [Statement(cs, ce, False, cue)]


# A determiner and a title or rank before a name: "le lieutenant ", "la commissaire principale "
_TITLED = re.compile(r"\s*(?:le|la|l['’])\s*(?:lieutenant|capitaine|commandant|colonel|général|commissaire|"
                     r"professeur|docteur|juge|procureur|procureure|ministre|président|présidente|maire|"
                     r"préfet|gouverneur|sergent|adjudant|inspecteur|inspectrice)(?:\s+(?:principal|principale|"
                     r"divisionnaire|adjoint|adjointe))?\s+", re.IGNORECASE)
# The verb of an incise without marks, and what may sit between it and its inverted subject:
# "..., a annoncé mercredi soir à l'AFP le ministère de la Santé"
_INCISE_VERB = re.compile(rf"(?:(?P<aux>a|ont|avait|avaient)\s+)?(?:s['’]|se\s+)?([\w’'-]+)\s+(?:{_DAY}\s+)?"
                          rf"(?:{_TO_MEDIA.pattern})?")


def incise_clauses(f: Finder, s: int, e: int, direct: list[tuple[int, int]]) -> list[Statement]:
    """A reported clause with an incise: ``En outre, précise le texte, CLAUSE`` or
    ``CLAUSE, a assuré X.`` (no quote marks, so the clause is indirect)."""
    out = []
    for comma in re.finditer(r",\s+", f.masked[s:e]):
        pos = s + comma.end()
        pron = _pronoun_incise(f, pos, e)
        if pron is not None:
            cue, inc_end = pron
            lead_start = s + comma.start()
            if "_" in f.masked[s:e]:
                break  # a quotation in the sentence: the incise is the direct quote's
            if inc_end < e and _DETERMINER_START.match(f.masked, s) and len(words(f.masked[s:lead_start])) <= 6:
                cs, ce = _trim_clause(f.text, s, e)  # "Le Tchad, a-t-il rappelé, accueille ..."
            elif inc_end < e:
                cs, ce = _trim_clause(f.text, inc_end, e)
            else:
                cs, ce = _trim_clause(f.text, s, lead_start)  # "CLAUSE, a-t-il précisé."
            if len(words(f.text[cs:ce])) >= _MIN_CLAUSE_WORDS and not _holds(direct, cs, ce):
                out.append(Statement(cs, ce, False, cue))
            break
        m = _INCISE_VERB.match(f.masked, pos, e)
        if not m:
            continue
        lemma = f.verbs.lemma(m.group(2), m.start(2))
        if lemma is None:
            continue
        np_start = m.end()
        if re.match(r"qu(?:e\b|['’])", f.masked[np_start:np_start + 4]):
            continue
        np_end = f.np_region(np_start, e)
        found = [x for x in f.in_range(np_start, np_end) if x.kind in ("person", "doc", "role")]
        institution = None if found else institution_phrase(f.masked, np_start, f.lex)
        if not found and institution is None:  # "..., a annoncé mercredi l'Unicef"
            found = [x for x in f.in_range(np_start, np_end) if x.kind == "org"][:1]
        if institution is not None:
            # "..., a annoncé le ministère de l'Éducation nationale.": an institution speaks
            ps, np_end = institution
            cue = Cue(None, lemma, "indirect-incise", ps, np_end, " ".join(f.text[ps:np_end].split()))
        elif not found or (len(words(f.masked[np_start:found[0].start])) > 1
                           and not _TITLED.fullmatch(f.masked, np_start, found[0].start)):
            # the speaker comes right after the verb ("renseigne le document", "a assuré SEM X"),
            # not as a complement ("a détaillé le projet devant les députés")
            plural = _PLURAL_SUBJECT.match(f.masked[np_start:e].rstrip(" \t\n.!?…"))
            # "..., ont déploré vendredi des commerçants du marché.": a plural verb and an
            # indefinite plural at the end of the sentence is its inverted subject.
            if plural is None or (m.group("aux") or "") not in ("ont", "avaient") and not m.group(2).endswith("ent"):
                continue
            ps, pe = np_start + plural.start("np"), np_start + plural.end("np")
            cue = Cue(None, lemma, "indirect-incise", ps, pe, f.text[ps:pe])
            np_end = e
        else:
            cue = Cue(found[0], lemma, "indirect-incise")
        lead_start = s + comma.start()
        if "_" in f.masked[s:lead_start]:
            continue  # « ... », a souligné X: the direct quote has it
        if f.masked[np_end:e].strip(" \t\n.!?…") and f.masked[np_end] != ",":
            continue  # "..., a jugé le rapport « alarmiste »": an object, not an inverted subject
        if np_end < e and f.masked[np_end] == "," and len(words(f.masked[s:lead_start])) <= 6:
            if _DETERMINER_START.match(f.masked, s):  # "Les déplacés, note le document, vivent ..."
                cs, ce = _trim_clause(f.text, s, e)
            else:
                cs, ce = _trim_clause(f.text, np_end + 1, e)  # "A ce titre, renseigne le document, CLAUSE"
        else:
            cs, ce = _trim_clause(f.text, s, lead_start)  # "CLAUSE, a assuré X"
        if opener_at(f.text, cs) or _holds(direct, cs, ce) or "_" in f.masked[cs:ce]:
            continue
        if len(words(f.text[cs:ce])) >= _MIN_CLAUSE_WORDS:
            out.append(Statement(cs, ce, False, cue))
            break
    return out


def _pronoun_incise(f: Finder, pos: int, e: int) -> tuple[Cue, int] | None:
    """``a-t-il rappelé`` at ``pos``, closed by a comma or the end of the sentence: its cue
    and where the incise ends (after its comma, or ``e``)."""
    m = _INV_PRONOUN.match(f.masked[pos:min(e, pos + 60)])
    if m is None or not m.group("p1") and not m.group("p2") and not m.group("p3"):
        return None
    g, vk = incise_groups(m, f.verbs)
    if m.group(g).lower() == "on":
        return None
    lemma = f.verbs.lemma(m.group(vk), pos + m.start(vk))
    if lemma is None:
        return None
    rest = f.masked[pos + m.end():e]
    tail = re.match(r"\s*,\s*", rest)
    if tail is not None:
        inc_end = pos + m.end() + tail.end()
    elif not rest.strip(" \t\n.!?…"):
        inc_end = e
    else:
        return None
    p_start = pos + m.start(g)
    low = m.group(g).lower()
    pron = next((x for x in f.mentions if x.start == p_start), None) or Mention(
        p_start, pos + m.end(g), m.group(g), "pronoun", gender="f" if low.startswith("elle") else "m",
        plural=low.endswith("s"))
    return Cue(pron, lemma, "indirect-incise"), inc_end


def appris_aupres(f: Finder, s: int, e: int, direct: list[tuple[int, int]]) -> list[Statement]:
    """``CLAUSE, a-t-on appris auprès du ministère.``: the ministry is the source."""
    m = _APPRIS.search(f.masked, s, e)
    if not m:
        return []
    cue = f.phrase_cue(m.end(), f.np_region(m.end(), e), "apprendre", "indirect-appris")
    cs, ce = _trim_clause(f.text, s, m.start())
    if cue is None or _holds(direct, cs, ce) or len(words(f.text[cs:ce])) < _MIN_CLAUSE_WORDS:
        return []
    return [Statement(cs, ce, False, cue)]


def indirect_statements(f: Finder, sentences: list[tuple[int, int]],
                        direct: list[tuple[int, int]]) -> list[Statement]:
    """Every indirect statement, in text order, without overlaps (earlier rules win)."""
    out: list[Statement] = []
    for s, e in sentences:
        dateline = _DATELINE.match(f.masked, s, e)
        if dateline is not None:  # "NIAMEY, 3 décembre (ASP) - CLAUSE": the clause starts after
            s = dateline.end()
        found: list[Statement] = []
        for rule in (que_clauses, lead_selon, trailing_selon, appris_aupres, incise_clauses):
            for st in rule(f, s, e, direct):
                if not any(st.start < o.end and o.start < st.end for o in found):
                    found.append(st)
        out.extend(sorted(found, key=lambda st: st.start))
    return out
