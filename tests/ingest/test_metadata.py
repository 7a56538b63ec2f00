"""Metadata read from the text: title, byline, signature, dateline, credits."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from recoupe.ingest.metadata import normalise_name, parse_date, read_metadata

TITLE = "Niger : le gouvernement annonce un plan pour l'énergie"
BODY = (
    "Le conseil des ministres a adopté mercredi un plan de relance de la production "
    "d'électricité, selon le porte-parole du gouvernement."
)
BODY2 = "Le plan prévoit la construction de deux centrales solaires dans la région de Tillabéri."


def _read(*lines: str):
    return read_metadata(list(lines))


def test_metadata_title_is_the_first_line_and_stays_in_text():
    meta = _read(TITLE, BODY)
    assert meta.title == TITLE
    assert meta.kept[0] == TITLE


def test_metadata_byline_par_in_capitals_gives_capitalised_author():
    meta = _read(TITLE, BODY, "PAR SIKOU BAH")
    assert meta.author == "Sikou Bah"
    assert [(r.line, r.reason) for r in meta.removed] == [("PAR SIKOU BAH", "byline")]
    assert "PAR SIKOU BAH" not in meta.kept


def test_metadata_byline_ecrit_par_and_par_with_role():
    assert _read(TITLE, "Écrit par Mariam Ouédraogo", BODY).author == "Mariam Ouédraogo"
    assert _read(TITLE, "Par Jean Dupont, envoyé spécial à Moscou", BODY).author == "Jean Dupont"


def test_metadata_byline_does_not_fire_on_sentences_starting_with_par():
    sentence = "Par ailleurs, le ministre a annoncé une visite à Niamey la semaine prochaine."
    meta = _read(TITLE, BODY, sentence)
    assert meta.author is None and sentence in meta.kept


def test_metadata_signature_final_name_lines():
    for line, name in [("Amen K.", "Amen K."), ("Oumar DIAKITE", "Oumar Diakite"),
                       ("AMINA KABO DJARMAH", "Amina Kabo Djarmah")]:
        meta = _read(TITLE, BODY, BODY2, line)
        assert meta.author == name, line
        assert meta.removed[0].reason == "signature"


def test_metadata_signature_not_taken_from_a_heading_before_more_text():
    meta = _read(TITLE, BODY, "Les Dates Clés", "Lundi : arrivée des délégations")
    assert meta.author is None
    assert "Les Dates Clés" in meta.kept


def test_metadata_named_signature_beats_generic_desk_byline():
    meta = _read(TITLE, "Écrit par La Rédaction", BODY, "Fatouma Maïga")
    assert meta.author == "Fatouma Maïga"


def test_metadata_dateline_on_its_own_line():
    meta = _read(TITLE, "Moscou, le 03 avril 2025", BODY)
    assert (meta.dateline_place, meta.published) == ("Moscou", "2025-04-03")
    assert "Moscou, le 03 avril 2025" in meta.kept


def test_metadata_dateline_agency_prefix():
    meta = _read(TITLE, "BAMAKO (AFP) - " + BODY)
    assert meta.dateline_place == "Bamako"
    assert "AFP" in meta.credits
    assert meta.published is None


def test_metadata_dateline_with_date_and_dash():
    meta = _read(TITLE, "Niamey, 12 mars 2024 – " + BODY)
    assert (meta.dateline_place, meta.published) == ("Niamey", "2024-03-12")


def test_metadata_no_dateline_in_an_ordinary_first_sentence():
    meta = _read(TITLE, "Sergueï Lavrov, chef de la diplomatie russe, a reçu ses homologues du Sahel à Moscou.")
    assert meta.dateline_place is None


def test_metadata_source_credit_names_the_outlet():
    meta = _read(TITLE, BODY, "Source : Info Matin")
    assert meta.credits == ("Source : Info Matin",)
    assert meta.outlet == "Info Matin"
    assert meta.removed[0].reason == "credit"


def test_metadata_press_office_code_is_a_credit():
    meta = _read(TITLE, BODY, "DCRP/MAECR-BE")
    assert meta.credits == ("DCRP/MAECR-BE",)
    assert meta.author is None
    assert "DCRP/MAECR-BE" not in meta.kept


def test_metadata_publication_date_line():
    meta = _read(TITLE, "Publié le 1er avril 2025 à 10h30", BODY)
    assert meta.published == "2025-04-01"
    assert meta.removed[0].reason == "pubdate"


def test_parse_date_french_and_numeric():
    assert parse_date("jeudi 3 avril 2025") == "2025-04-03"
    assert parse_date("1er janv. 2024") == "2024-01-01"
    assert parse_date("03/04/2025") == "2025-04-03"
    assert parse_date("31 février 2025") is None


def test_normalise_name_capitals_and_particles():
    assert normalise_name("JEAN-PIERRE DE LA FONTAINE") == "Jean-Pierre de la Fontaine"
    assert normalise_name("Amen K.") == "Amen K."


@given(st.text(alphabet=st.sampled_from(list("ABCDÉabcdé-' .")), max_size=40))
def test_normalise_name_is_idempotent_and_keeps_letters(name):
    once = normalise_name(name)
    assert normalise_name(once) == once
    assert once.lower().split() == name.lower().split()


def test_metadata_signature_with_role_and_initials():
    meta = _read(TITLE, BODY, BODY2, "Fatoumata DEMBÉLÉ, envoyée spéciale à Ankara")
    assert meta.author == "Fatoumata Dembélé" and meta.removed[0].reason == "signature"
    meta = _read(TITLE, BODY, BODY2, "A.R.S.")
    assert meta.removed[0].reason == "signature" and meta.kept == (TITLE, BODY, BODY2)


def test_metadata_date_only_line_is_the_publication_date():
    meta = _read(TITLE, "14 mars 2025 - 07:15", BODY)
    assert meta.published == "2025-03-14" and meta.removed[0].reason == "pubdate"


def test_metadata_byline_of_an_outlet_with_a_partner_names_no_author():
    # "Par <Site> avec <Partner>": the signer is the outlet, the partner a credit; nobody is the author.
    meta = _read(TITLE, "Par SahelInfo360 avec Le Courrier de Gao", BODY)
    assert meta.author is None and meta.removed[0].reason == "byline"
    assert meta.outlet == "SahelInfo360" and meta.credits == ("Le Courrier de Gao",)


def test_metadata_person_byline_with_an_agency_partner():
    meta = _read(TITLE, "Par Moussa TRAORÉ avec AFP", BODY)
    assert meta.author == "Moussa Traoré" and meta.credits == ("AFP",) and meta.outlet is None


def test_metadata_outlet_byline_yields_to_a_person_signature():
    meta = _read(TITLE, "Par NigerMatin24", BODY, BODY2, "Aïssata BOUBACAR")
    assert meta.author == "Aïssata Boubacar" and meta.outlet == "NigerMatin24"


def test_metadata_long_source_line_and_wire_credit():
    meta = _read(TITLE, BODY, "Source : Cellule de communication du ministère des Affaires étrangères du Burkina Faso")
    assert meta.outlet == "Cellule de communication du ministère des Affaires étrangères du Burkina Faso"
    meta = _read(TITLE, BODY, "(Reporting by Grace Mensah; Editing by Tom Adeyemi)")
    assert meta.credits == ("Reporting by Grace Mensah; Editing by Tom Adeyemi",)


def test_metadata_office_code_only_read_at_the_end():
    meta = _read(TITLE, "AES", BODY)
    assert meta.credits == () and "AES" in meta.kept


EN_TITLE = "Mali signs power deal with Chinese builder"
EN_BODY = "Mali signed a deal on Tuesday with a Chinese company to build a solar plant near Kayes, the energy ministry said."


def test_parse_date_english_day_first_month_first_and_ordinals():
    assert parse_date("13 March 2025") == "2025-03-13"
    assert parse_date("Tuesday, June 3, 2025") == "2025-06-03"
    assert parse_date("Sept. 9, 2024") == "2024-09-09"
    assert parse_date("the 2nd of May 2025") == "2025-05-02"
    assert parse_date("31 February 2025") is None


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.sampled_from(["%d %B %Y", "%B %d, %Y", "%A, %d %B %Y", "%d/%m/%Y", "%b %d %Y"]))
def test_parse_date_reads_english_dates_in_every_common_layout(day, layout):
    # strftime's English names: the C locale, which is what every test run uses.
    assert parse_date(day.strftime(layout)) == day.isoformat()


def test_metadata_english_date_line_with_clock_time_is_the_publication_date():
    meta = _read(EN_TITLE, "4 June 2025, 09:05 GMT", EN_BODY)
    assert meta.published == "2025-06-04" and meta.removed[0].reason == "pubdate"
    meta = _read(EN_TITLE, "Published on June 4, 2025 at 9:05 am", EN_BODY)
    assert meta.published == "2025-06-04" and meta.removed[0].reason == "pubdate"


def test_metadata_wire_dateline_without_year_takes_the_publication_year():
    meta = _read(EN_TITLE, "4 June 2025, 09:05 GMT", "KAYES, June 3 (Reuters) - " + EN_BODY)
    assert (meta.dateline_place, meta.published) == ("Kayes", "2025-06-04")
    assert "Reuters" in meta.credits
    meta = _read(EN_TITLE, "KAYES, June 3 (Reuters) - " + EN_BODY)
    assert meta.dateline_place == "Kayes" and meta.published is None  # no year anywhere: no guess


def test_metadata_ap_and_afp_dateline_styles():
    meta = _read(EN_TITLE, "BAMAKO, Mali (AP) — " + EN_BODY)
    assert meta.dateline_place == "Bamako" and "AP" in meta.credits
    meta = _read(TITLE, "Bamako, 3 juin 2025 (AFP) - " + BODY)
    assert (meta.dateline_place, meta.published) == ("Bamako", "2025-06-03") and "AFP" in meta.credits


def test_metadata_english_byline_and_wire_credit_line():
    meta = _read(EN_TITLE, "By Kofi ASANTE", EN_BODY, "(Reporting by Kofi Asante; Editing by Jane Doe)")
    assert meta.author == "Kofi Asante"
    assert [r.reason for r in meta.removed] == ["byline", "credit"]
    assert meta.credits == ("Reporting by Kofi Asante; Editing by Jane Doe",)


def test_metadata_site_banner_and_copyright_name_the_outlet_over_a_source_credit():
    from recoupe.records import Removed

    banner = Removed("NigerMatin24 | L'info du Niger en continu", "banner")
    copyright_line = Removed("© Kayes Post 2024. Tous droits réservés.", "copyright")
    assert _read(TITLE, BODY, "Source : Le Courrier de Gao").outlet == "Le Courrier de Gao"
    assert read_metadata([TITLE, BODY, "Source : Le Courrier de Gao"], [banner]).outlet == "NigerMatin24"
    assert read_metadata([TITLE, BODY], [copyright_line]).outlet == "Kayes Post"
    assert read_metadata([TITLE, BODY], [Removed("© 2025 Sahel Matin - Tous droits réservés", "copyright")]).outlet == "Sahel Matin"
    assert read_metadata([TITLE, BODY], [Removed("© Tous droits réservés", "copyright")]).outlet is None


def test_metadata_byline_of_a_wire_or_outlet_named_like_a_person_names_no_author():
    # "Par Sahel Wire": two capitalised words, but a medium, not a person.
    meta = _read(TITLE, "Par Sahel Wire", BODY)
    assert meta.author is None and meta.outlet == "Sahel Wire"
    meta = _read(TITLE, "Par Burkina Info", BODY, BODY2, "Aïssata BOUBACAR")
    assert meta.author == "Aïssata Boubacar" and meta.outlet == "Burkina Info"


def test_metadata_signer_that_is_the_credited_outlet_is_not_the_author():
    meta = _read(TITLE, "Par Kayes MATIN", BODY, "Source : Kayes Matin")
    assert meta.author is None and meta.outlet == "Kayes Matin"
    assert _read(TITLE, "Par Moussa TRAORÉ", BODY, "Source : Kayes Matin").author == "Moussa Traoré"
