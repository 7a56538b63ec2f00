"""Quotes and speakers on hand-made French sentences, one rule per test.

These run on a blank French spaCy pipeline (no model, no entities): the speaker finder must
work from its own patterns; a tiny fake gazetteer stands in for the real one where a role
phrase must resolve.
"""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.extract import quotes
from recoupe.extract.context import ArticleContext
from recoupe.extract.packs import load_pack
from recoupe.extract.quotes_spans import find_quote_spans
from recoupe.records import Article, Entity, article_id

_NLP = spacy.blank("fr")
_PACK = load_pack("fr")


class FakeGazetteer:
    """Resolves a few surfaces, like the real ``Gazetteer.resolve``."""

    def __init__(self, table: dict[str, Entity]):
        self.table = {k.lower(): v for k, v in table.items()}

    def resolve(self, surface: str) -> Entity | None:
        return self.table.get(surface.lower().strip())

    def get(self, entity_id: str) -> Entity | None:
        return next((e for e in self.table.values() if e.id == entity_id), None)


def run(text: str, gazetteer=None):
    article = Article(id=article_id(text), path="t.txt", text=text, language="fr")
    ctx = ArticleContext(article=article, doc=_NLP(text), gazetteer=gazetteer, pack=_PACK)
    return quotes.extract(ctx)


def only(claims, direct=None):
    got = [c for c in claims if direct is None or c.attrs["direct"] is direct]
    assert len(got) == 1, [c.value for c in claims]
    return got[0]


def test_quotes_incise_pronoun_points_to_the_person_named_before():
    text = ("Sergueï Lavrov, chef de la diplomatie russe, a salué la rencontre. "
            "« La Russie est prête à soutenir la force unifiée », a-t-il déclaré.")
    c = only(run(text))
    assert c.value == "La Russie est prête à soutenir la force unifiée"
    assert c.attrs["speaker_name"] == "Sergueï Lavrov"
    assert c.attrs["direct"] is True and c.attrs["verb"] == "déclarer"
    assert c.evidence.text == text[c.evidence.start:c.evidence.end] == c.value


def test_quotes_every_quote_mark_style_is_read():
    body = "Nous irons jusqu’au bout de ce combat"
    for left, right in (("« ", " »"), ("«\u00a0", "\u00a0»"), ("«\u202f", "\u202f»"), ("“", "”"),
                        ('"', '"'), ("<< ", " >>"), ("<<", ">>")):
        text = f"Abdoulaye Diop a parlé. {left}{body}{right}, a affirmé Abdoulaye Diop."
        c = only(run(text))
        assert c.value == body, (left, c.value)
        assert c.attrs["speaker_name"] == "Abdoulaye Diop"


def test_quotes_incise_after_quote_names_the_speaker_with_a_role():
    text = ("« Nos relations n’ont jamais été aussi bonnes », se réjouit SEM Abdoulaye DIOP, "
            "porte-parole de la délégation.")
    c = only(run(text))
    assert c.attrs["speaker_name"] == "Abdoulaye Diop"
    assert c.attrs["verb"] == "réjouir"
    assert text[c.attrs["speaker_start"]:c.attrs["speaker_end"]] == c.attrs["speaker_text"]


def test_quotes_incise_inside_the_marks_gives_two_claims_with_one_speaker():
    text = ("Le vice-ministre Pavel Sokolov était présent. « Nos ingénieurs seront sur place dès "
            "l’année prochaine, a-t-il précisé, et les étudiants partiront en septembre. »")
    claims = run(text)
    assert [c.value for c in claims] == ["Nos ingénieurs seront sur place dès l’année prochaine",
                                         "et les étudiants partiront en septembre."]
    assert {c.attrs["speaker_name"] for c in claims} == {"Pavel Sokolov"}
    assert all("précisé" not in c.evidence.text for c in claims)


def test_quotes_colon_after_the_speaker():
    text = "Fatou Ndiaye a pris la parole : « Nous ne laisserons personne voler la voix du peuple. »"
    c = only(run(text))
    assert c.attrs["speaker_name"] == "Fatou Ndiaye"
    assert c.attrs["rule"] == "colon" and c.attrs["verb"] == ":"


def test_quotes_quote_over_several_sentences_is_one_claim():
    text = ("« Le sac de riz a pris trois mille francs. Les clients achètent au détail. "
            "Moi, je ne gagne plus rien », confie Aminata Traoré, vendeuse.")
    c = only(run(text))
    assert c.value.startswith("Le sac de riz") and c.value.endswith("je ne gagne plus rien")
    assert c.attrs["speaker_name"] == "Aminata Traoré"


def test_quotes_selon_gives_an_indirect_statement():
    text = "Selon Mariam Coulibaly, les experts remettront leurs conclusions avant la fin de l’année."
    c = only(run(text))
    assert c.attrs["direct"] is False
    assert c.value == "les experts remettront leurs conclusions avant la fin de l’année"
    assert c.attrs["speaker_name"] == "Mariam Coulibaly" and c.attrs["verb"] == "selon"


def test_quotes_indirect_speech_after_que():
    text = "Boubacar Sanda a indiqué que la Confédération ouvrira une représentation à Moscou."
    c = only(run(text))
    assert c.attrs["direct"] is False
    assert c.value == "la Confédération ouvrira une représentation à Moscou"
    assert c.attrs["speaker_name"] == "Boubacar Sanda" and c.attrs["verb"] == "indiquer"


def test_quotes_document_speaks_for_a_communique():
    text = ("Un communiqué conjoint a été publié jeudi. Dans cette perspective, précise le communiqué "
            "conjoint, « la Partie russe a réitéré son soutien à la force unifiée ». "
            "A ce titre, renseigne le document, la partie russe a exprimé sa disponibilité à aider.")
    claims = run(text)
    direct = only(claims, direct=True)
    indirect = only(claims, direct=False)
    assert direct.attrs["speaker"] == indirect.attrs["speaker"] == "doc:communique-conjoint"
    assert direct.attrs["speaker_name"] == "communiqué conjoint"
    assert indirect.value == "la partie russe a exprimé sa disponibilité à aider"


def test_quotes_scare_quotes_and_titles_are_not_statements():
    text = ("Les observateurs parlent déjà d’un « tournant ». Le festival s’ouvre avec le film "
            "« Le Dernier Griot » sous le thème « Cinémas d’Afrique et identités culturelles ».")
    assert run(text) == []


def test_quotes_fragment_in_a_reporting_sentence_is_a_partial_quote():
    text = ("Pour Sergueï Lavrov, la création de l’AES exprime la volonté de bâtir une "
            "« nouvelle architecture de sécurité régionale ».")
    c = only(run(text))
    assert c.value == "nouvelle architecture de sécurité régionale"
    assert c.attrs["direct"] is True and c.attrs["speaker_name"] == "Sergueï Lavrov"


def test_quotes_role_phrase_resolves_through_the_gazetteer():
    lavrov = Entity(id="person:sergei-lavrov", kind="person", name="Sergei Lavrov",
                    roles=("chef de la diplomatie russe",))
    gz = FakeGazetteer({"chef de la diplomatie russe": lavrov})
    text = "« Ce format va se renforcer », a affirmé le chef de la diplomatie russe."
    c = only(run(text, gz))
    assert c.attrs["speaker"] == "person:sergei-lavrov"
    assert c.attrs["speaker_name"] == "Sergei Lavrov"


def test_quotes_role_phrase_goes_to_the_person_sharing_its_words():
    text = ("Le porte-parole du gouvernement tchadien, Abakar Mahamat, s’est félicité du départ. "
            "À Paris, le colonel Julien Marchand a répondu que rien n’était rompu. "
            "Le porte-parole tchadien a réagi dans la soirée. « Elle change surtout de partenaire », "
            "a-t-il ironisé.")
    c = only(run(text), direct=True)
    assert c.attrs["speaker_name"] == "Abakar Mahamat"


def test_quotes_unattributed_quote_continues_the_previous_speaker():
    text = ("« La Russie a été le premier partenaire à reconnaître l’AES », a souligné Abdoulaye Diop. "
            "« Nous partageons une vision commune de la lutte contre le terrorisme. »")
    claims = run(text)
    assert [c.attrs["speaker_name"] for c in claims] == ["Abdoulaye Diop", "Abdoulaye Diop"]


def test_quotes_nested_marks_stay_inside_one_quote():
    text = ("« On nous a répété “les travaux commencent l’année prochaine”. Nous avons attendu "
            "assez longtemps », a déclaré Ousmane Abarchi.")
    c = only(run(text))
    assert "“les travaux commencent l’année prochaine”" in c.value


def test_quotes_unclosed_quote_runs_to_the_end_of_its_line():
    text = ("Le ministre Issouf Kaboré dira <<qu’il s’agira de consolider la structuration de l’AES.\n\n"
            "La suite est attendue.")
    c = only(run(text))
    assert c.value == "qu’il s’agira de consolider la structuration de l’AES."
    assert c.attrs["speaker_name"] == "Issouf Kaboré"


def test_quotes_spans_pair_straight_quotes_in_order():
    text = 'Il a dit "trois mots ici" puis "encore deux autres mots".'
    spans = find_quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["trois mots ici", "encore deux autres mots"]


_WORD = st.text(alphabet="abcdeéèfghilmnoprstuvzàç’'", min_size=1, max_size=9)
_PIECE = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_PIECE, _PIECE, st.sampled_from(["« ", "«", "“", "<<", '"'])), min_size=1, max_size=4),
       st.sampled_from([", a-t-il déclaré. ", ", a affirmé Abdoulaye Diop. ", ". ", " : ", " selon Diop. "]))
def test_quotes_evidence_is_always_the_exact_text(parts, tail):
    closing = {"« ": " »", "«": "»", "“": "”", "<<": ">>", '"': '"'}
    text = "".join(f"{a} {mark}{b}{closing[mark]}{tail}" for a, b, mark in parts)
    for c in run(text):
        ev = c.evidence
        assert ev.text == text[ev.start:ev.end]
        assert c.value == " ".join(ev.text.split())
        if c.attrs["speaker_start"] is not None:
            assert text[c.attrs["speaker_start"]:c.attrs["speaker_end"]] == c.attrs["speaker_text"]


def test_quotes_role_with_a_demonym_skips_a_person_of_another_country():
    text = ("Autour de la table, SEM Mehmet Selim AKSOY, chef de la diplomatie turque, et ses "
            "homologues du Burkina Faso, SEM Salif Désiré OUÉDRAOGO, ministre burkinabè. "
            "Le ministre turc a ajouté que son pays ouvrira un centre de formation à Ouagadougou.")
    c = only(run(text))
    assert c.attrs["direct"] is False and c.attrs["speaker_name"] == "Mehmet Selim Aksoy"


def test_quotes_hard_wrapped_lines_keep_sentences_and_names_whole():
    text = ("Au Palais des congrès de Niamey, le ministre nigérien de l'Énergie, le\n"
            "Colonel Issaka DJIBO, a signé l'accord qui doit financer la centrale solaire.\n\n"
            "« Avec cette centrale, le Niger cesse de subir les coupures »,\n"
            "s'est félicité le ministre de l'Énergie, le Colonel Issaka\n"
            "DJIBO, devant la presse.")
    c = only(run(text))
    assert c.attrs["speaker_name"] == "Issaka Djibo"


def test_quotes_document_named_with_a_possessive_speaks_through_its_anaphor():
    text = ("Le HCR publie son dernier rapport sur le Tchad. Le document recommande "
            "d’« ouvrir de nouveaux sites d’accueil loin de la frontière ».")
    c = only(run(text))
    assert c.attrs["speaker_name"] == "rapport" and c.attrs["speaker"] == "doc:rapport"
