"""The gazetteer: surfaces to canonical entities, French exonyms, demonyms, roles, user YAML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.errors import GazetteerError
from recoupe.extract.gazetteer import Gazetteer, norm_key, strip_accents


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.load(None)


@pytest.mark.parametrize("surface", ["Sergueï Lavrov", "LAVROV", "SEM Sergueï LAVROV", "Serguei Lavrov",
                                     "Sergey Lavrov", "M. Lavrov", "Sergeï Lavrof"])
def test_gazetteer_lavrov_spellings_are_one_person(gz, surface):
    entity = gz.resolve(surface)
    assert entity is not None and entity.id == "person:sergei-lavrov"


@pytest.mark.parametrize("surface", ["AES", "Alliance des États du Sahel", "Alliance des Etats du Sahel",
                                     "Confédération des États du Sahel", "la Confédération AES", "l’AES"])
def test_gazetteer_aes_variants_are_one_organisation(gz, surface):
    assert gz.resolve(surface).id == "org:aes"


@pytest.mark.parametrize("surface,expected", [
    ("Capitaine Ibrahim TRAORE", "person:ibrahim-traore"),
    ("Général d’Armée Assimi GOITA", "person:assimi-goita"),
    ("Leurs Excellences Vladimir POUTINE", "person:vladimir-putin"),
    ("TRAORE Ibrahim", "person:ibrahim-traore"),
    ("Fédération de Russie", "state:RU"),
    ("Côte d’Ivoire", "state:CI"),
    ("CEDEAO", "org:ecowas"),
    ("le Kremlin", "state:RU"),
])
def test_gazetteer_titles_and_orders_resolve(gz, surface, expected):
    assert gz.resolve(surface).id == expected


def test_gazetteer_french_exonym_gives_english_name_and_coordinates(gz):
    moscow = gz.resolve("Moscou")
    assert moscow.id == "place:524901" and moscow.name == "Moscow" and moscow.country == "RU"
    assert 55 < moscow.lat < 56 and 37 < moscow.lon < 38
    assert gz.resolve("Tombouctou").name == "Timbuktu"
    assert not gz.missing_exonyms  # every curated exonym found its GeoNames city


def test_gazetteer_near_but_different_names_do_not_match(gz):
    assert gz.resolve("Niger").id == "state:NE"
    assert gz.resolve("Nigeria").id == "state:NG"
    assert gz.resolve("Sergueï Lavrovitch Petrov") is None


def test_gazetteer_kinds_restrict_the_answer(gz):
    assert gz.resolve("Moscou", kinds=("person",)) is None
    assert gz.resolve("Mali", kinds=("state",)).id == "state:ML"


@pytest.mark.parametrize("word,state", [("russe", "RU"), ("malienne", "ML"), ("burkinabè", "BF"),
                                         ("Burkinabé", "BF"), ("nigérienne", "NE"), ("Maliens", "ML"),
                                         ("tchadiens", "TD"), ("ivoirienne", "CI")])
def test_gazetteer_demonyms_point_to_states(gz, word, state):
    assert gz.demonym(word).id == f"state:{state}"


def test_gazetteer_regional_adjective_is_not_a_state(gz):
    assert gz.demonym("sahélien") is None and gz.demonym("africaine") is None


@pytest.mark.parametrize("phrase,person", [
    ("le chef de la diplomatie russe", "person:sergei-lavrov"),
    ("ministre des Affaires étrangères du Mali", "person:abdoulaye-diop"),
    ("le ministre russe des Affaires étrangères", "person:sergei-lavrov"),
    ("le président burkinabè", "person:ibrahim-traore"),
])
def test_gazetteer_role_phrases_name_office_holders(gz, phrase, person):
    assert person in [p.id for p in gz.by_role(phrase)]


def test_gazetteer_role_without_country_names_nobody(gz):
    assert gz.by_role("le président") == () and gz.by_role("la diplomatie") == ()


def test_gazetteer_platforms_and_media_are_ignored(gz):
    for name in ("Facebook", "Telegram", "WhatsApp", "ORTM", "Info Matin"):
        assert gz.is_ignored(name)
    assert not gz.is_ignored("Sergueï Lavrov")


def _known_aliases() -> list[str]:
    g = Gazetteer.load(None)
    ids = ("person:sergei-lavrov", "person:abdoulaye-diop", "org:aes", "org:ecowas", "state:BF",
           "person:assimi-goita", "person:abdourahamane-tiani", "org:oif")
    return [a for i in ids for a in g.get(i).aliases]


_ALIASES = _known_aliases()


def _recase(text: str, flips: list[bool]) -> str:
    return "".join(c.upper() if f else c.lower() for c, f in zip(text, flips + [False] * len(text)))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_ALIASES), st.lists(st.booleans(), max_size=60), st.booleans())
def test_gazetteer_resolve_ignores_case_and_accents_of_known_aliases(gz, alias, flips, drop_accents):
    expected = gz.resolve(alias)
    surface = _recase(strip_accents(alias) if drop_accents else alias, flips)
    assert expected is not None
    assert gz.resolve(surface).id == expected.id


@given(st.text(max_size=40))
def test_gazetteer_norm_key_is_idempotent(text):
    assert norm_key(norm_key(text)) == norm_key(text)


def test_gazetteer_user_yaml_adds_and_extends(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "persons:\n"
        "  - id: person:fatoumata-kone\n"
        "    name: Fatoumata Koné\n"
        "    aliases: [F. Koné]\n"
        "    country: ML\n"
        "    offices: [[spokesperson, ML]]\n"
        "  - id: person:sergei-lavrov\n"
        "    aliases: [Sergueï Viktorovitch]\n"
        "organisations:\n"
        "  - {id: org:fama, name: Forces armées maliennes, aliases: [FAMa]}\n"
        "ignored: [Sahel Intelligence]\n", encoding="utf-8")
    g = Gazetteer.load(str(user))
    assert g.resolve("FATOUMATA KONE").id == "person:fatoumata-kone"
    assert g.resolve("les Forces armées maliennes").id == "org:fama"
    assert g.resolve("Sergueï Viktorovitch").id == "person:sergei-lavrov"
    assert g.resolve("Lavrov").id == "person:sergei-lavrov"  # shipped aliases kept
    assert [p.id for p in g.by_role("la porte-parole malienne")] == []  # no such role phrase
    assert g.by_office("spokesperson", "ML")[0].id == "person:fatoumata-kone"
    assert g.is_ignored("Sahel Intelligence")


@pytest.mark.parametrize("content,problem", [
    ("persons: [unclosed", "invalid YAML"),
    ("- just a list", "top level"),
    ("people:\n  - {id: person:x, name: X}", "unknown section 'people'"),
    ("persons:\n  - {name: No Id}", "needs an 'id'"),
    ("persons:\n  - {id: org:x, name: X}", "must start with"),
    ("persons:\n  - {id: person:x}", "needs a 'name'"),
    ("persons:\n  - {id: person:x, name: X, aliases: Y}", "'aliases'"),
    ("places:\n  - {id: place:1, name: X, lat: north}", "'lat'/'lon'"),
])
def test_gazetteer_malformed_user_yaml_names_file_and_problem(tmp_path, content, problem):
    user = tmp_path / "broken.yaml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        Gazetteer.load(str(user))
    assert "broken.yaml" in str(err.value) and problem in str(err.value)


def test_gazetteer_missing_user_file_is_an_error(tmp_path):
    with pytest.raises(GazetteerError, match="nope.yaml"):
        Gazetteer.load(str(tmp_path / "nope.yaml"))


def test_gazetteer_is_immutable(gz):
    with pytest.raises(TypeError):
        gz.entities["person:x"] = None  # type: ignore[index]
