"""Quote variants across sources: grouping, verdicts, the direct-only-in-derived flag."""

from __future__ import annotations

from reconcile_scenes import DIOP, ENTITIES, LAVROV, article, claim, meeting

from recoupe.records import Derivation, Event
from recoupe.reconcile import build_dossier
from recoupe.reconcile.quotes import FLAG_DIRECT_ONLY_IN_DERIVED, is_verbatim, same_statement


def quote(a, words, speaker=LAVROV, direct=True, phrase=None):
    return claim(a, "quote", words, phrase or words, speaker=speaker.id if speaker else None,
                 speaker_name=speaker.name if speaker else None, direct=direct)


def test_quotes_rewrite_turning_indirect_speech_into_a_quote_is_flagged():
    s = meeting()
    d = build_dossier(s.event, s.articles, s.claims, s.derivations, ENTITIES)
    flagged = [q for q in d.quotes if q.flags]
    assert len(flagged) == 1
    q = flagged[0]
    assert q.flags == (FLAG_DIRECT_ONLY_IN_DERIVED,)
    assert q.speaker == LAVROV.id and q.speaker_name == "Sergei Lavrov"
    assert q.verdicts[s.id("communique")] == "indirect"
    assert q.verdicts[s.id("rewrite")] == "paraphrased"
    assert q.verdicts[s.id("daily")] == "missing"


def test_quotes_same_statement_in_two_reports_is_verbatim_in_both():
    s = meeting()
    d = build_dossier(s.event, s.articles, s.claims, s.derivations, ENTITIES)
    diop = next(q for q in d.quotes if q.speaker == DIOP.id)
    assert diop.verdicts[s.id("communique")] == "verbatim"
    assert diop.verdicts[s.id("daily")] == "verbatim"
    assert diop.flags == ()


def test_quotes_no_flag_when_the_source_quotes_directly_too():
    src = article("« Nous soutiendrons la force unifiée de l'alliance sans condition », a dit le ministre.")
    der = article("Le ministre l'a promis : « Nous soutiendrons la force unifiée de l'alliance sans condition ».")
    claims = {src.id: (quote(src, "Nous soutiendrons la force unifiée de l'alliance sans condition"),),
              der.id: (quote(der, "Nous soutiendrons la force unifiée de l'alliance sans condition"),)}
    d = build_dossier(Event("ev", "t", (src.id, der.id)), [src, der], claims,
                      [Derivation(der.id, src.id, "rewrite", 0.8)])
    assert len(d.quotes) == 1 and d.quotes[0].flags == ()
    assert set(d.quotes[0].verdicts.values()) == {"verbatim"}


def test_quotes_different_speakers_never_merge():
    a = article("« La coopération militaire sera renforcée dès cette année », dit Lavrov. "
                "« La coopération militaire sera renforcée dès cette année », répète Diop.")
    one = quote(a, "La coopération militaire sera renforcée dès cette année")
    two = claim(a, "quote", one.value, one.value, nth=1, speaker=DIOP.id, direct=True)
    assert not same_statement(one, two)
    d = build_dossier(Event("ev", "t", (a.id,)), [a], [one, two], [])
    assert len(d.quotes) == 2


def test_quotes_unrelated_statements_of_one_speaker_stay_apart():
    a = article("« Nous tiendrons des rencontres périodiques à Moscou ou au Sahel », dit-il. "
                "« Le volume de nos échanges commerciaux a été multiplié par dix », ajoute-t-il.")
    q1 = quote(a, "Nous tiendrons des rencontres périodiques à Moscou ou au Sahel")
    q2 = quote(a, "Le volume de nos échanges commerciaux a été multiplié par dix")
    assert not same_statement(q1, q2)


def test_quotes_typography_does_not_break_verbatim():
    assert is_verbatim("L’AES est une réalité géostratégique", "l'AES est une realite geostrategique")
    assert not is_verbatim("La Russie a été le premier pays à reconnaître l’AES",
                           "La Russie est un allié sincère qui a été le premier à reconnaître l’AES")


def test_quotes_unknown_speaker_joins_only_on_close_wording():
    a = article("« Nous allons former et équiper la force conjointe de l'alliance », a-t-on appris. "
                "Lavrov : « nous allons former et équiper la force conjointe de l'alliance ».")
    anon = quote(a, "Nous allons former et équiper la force conjointe de l'alliance", speaker=None)
    known = claim(a, "quote", "nous allons former et équiper la force conjointe de l'alliance",
                  "nous allons former et équiper la force conjointe de l'alliance", speaker=LAVROV.id, direct=True)
    assert same_statement(anon, known)
    d = build_dossier(Event("ev", "t", (a.id,)), [a], [anon, known], [], ENTITIES)
    assert len(d.quotes) == 1 and d.quotes[0].speaker == LAVROV.id


def _span(text: str, start_words: str, end_words: str) -> str:
    start = text.index(start_words)
    return text[start:text.index(end_words, start) + len(end_words)]


def test_quotes_shared_corpus_rewrite_has_a_direct_quote_its_source_reports_indirectly(shared_corpus):
    """On the real corpus (claims written by hand): 000 rewrites 001 and turns Lavrov's
    indirect speech into a direct quote; Diop's statement appears in 000, 001 and 003."""
    files = {p.name[:3]: p.read_text(encoding="utf-8") for p in shared_corpus.glob("*.txt")}
    a000 = article(files["000"], kind="report")
    a001 = article(files["001"], kind="report", dateline_place="Moscou")
    a003 = article(files["003"], kind="report")
    lav_direct = _span(a000.text, "La Russie est prête à soutenir", "intérêt commun")
    lav_indirect = _span(a001.text, "son pays adhère", "les autres domaines")
    diop_000 = _span(a000.text, "La Russie a été le premier partenaire", "dès sa création")
    diop_001 = _span(a001.text, "La Russie est un allié sincère", "de sa création")
    diop_003 = _span(a003.text, "la Russie a été le premier pays", "reconnaître l’AES")
    lav_003 = _span(a003.text, "Ce format va se renforcer", "pays de l’AES")
    vision_001 = _span(a001.text, "la Russie et l’AES ont une vision commune", "aux pays de l’AES")
    vision_003 = _span(a003.text, "l’AES partage une vision commune", "lutte contre le terrorisme")
    claims = [quote(a000, lav_direct), quote(a001, lav_indirect, direct=False), quote(a003, lav_003),
              quote(a000, diop_000, speaker=DIOP), quote(a001, diop_001, speaker=DIOP),
              quote(a003, diop_003, speaker=DIOP), quote(a001, vision_001, speaker=DIOP, direct=False),
              quote(a003, vision_003, speaker=DIOP, direct=False)]
    ids = (a000.id, a001.id, a003.id)
    d = build_dossier(Event("ev", "AES-Russia", ids), [a000, a001, a003], claims,
                      [Derivation(a000.id, a001.id, "rewrite", 0.7)], ENTITIES)
    by_text = {q.claims[0].value: q for q in d.quotes}
    assert len(d.quotes) == 4  # Lavrov x2, Diop's "first to recognise", Diop's "shared vision"
    lavrov = next(q for q in d.quotes if any(c.value == lav_direct for c in q.claims))
    assert lavrov.flags == (FLAG_DIRECT_ONLY_IN_DERIVED,)
    assert lavrov.verdicts == {a000.id: "paraphrased", a001.id: "indirect", a003.id: "missing"}
    diop = next(q for q in d.quotes if any(c.value == diop_001 for c in q.claims))
    assert {c.value for c in diop.claims} == {diop_000, diop_001, diop_003}
    assert diop.flags == () and all(v != "missing" for v in diop.verdicts.values())
    vision = next(q for q in d.quotes if any(c.value == vision_001 for c in q.claims))
    assert vision.verdicts == {a000.id: "missing", a001.id: "indirect", a003.id: "indirect"}
    assert by_text[lav_003].verdicts[a003.id] == "verbatim"
