"""The French temporal tagger: one test per family of expressions, on hand-made sentences."""

from __future__ import annotations

from datetime import date

import pytest

from recoupe.extract.timex import Timex, about_event, article_anchor, tag

ANCHOR = date(2025, 4, 3)  # a Thursday


def one(text: str, anchor: date | None = ANCHOR, **kw) -> Timex:
    found = tag(text, anchor, **kw)
    assert len(found) == 1, found
    return found[0]


def values(text: str, anchor: date | None = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, anchor)]


# ---------------------------------------------------------------- absolute dates

@pytest.mark.parametrize("text,span,value", [
    ("La réunion a eu lieu le 3 avril 2025 à Moscou.", "le 3 avril 2025", "2025-04-03"),
    ("Signé le 1er mars 2024 à Bamako.", "le 1er mars 2024", "2024-03-01"),
    ("Les pourparlers de jeudi 3 avril 2025 ont duré.", "jeudi 3 avril 2025", "2025-04-03"),
    ("Communiqué du 03/04/2025.", "03/04/2025", "2025-04-03"),
    ("Mis à jour 2025-04-03 à Niamey.", "2025-04-03", "2025-04-03"),
    ("Moscou, le 03 avril 2025", "le 03 avril 2025", "2025-04-03"),
])
def test_timex_absolute_dates_are_normalised_with_their_determiner(text, span, value):
    t = one(text, None)
    assert (t.text, t.value, t.type) == (span, value, "DATE")


def test_timex_weekday_that_disagrees_with_the_date_is_flagged_not_guessed():
    t = one("Le sommet de mercredi 3 avril 2025 a été reporté.", None)
    assert t.value == "2025-04-03"
    assert t.attrs.get("weekday_mismatch") is True
    assert "weekday_mismatch" not in one("Le sommet de jeudi 3 avril 2025.", None).attrs


# ---------------------------------------------------------------- partial dates

def test_timex_partial_date_takes_the_year_closest_to_the_anchor():
    assert one("Les ministres se sont réunis ce 3 avril.").value == "2025-04-03"
    assert one("Les accords du 28 décembre.", date(2025, 1, 5)).value == "2024-12-28"
    assert one("Le vote du 8 mars dernier.", date(2025, 12, 20)).value == "2025-03-08"
    assert one("Le vote du 8 mars prochain.", date(2025, 3, 20)).value == "2026-03-08"


def test_timex_partial_date_without_anchor_uses_its_weekday_or_stays_unknown():
    assert one("Les pourparlers de ce jeudi 3 avril.", None, today=date(2026, 11, 23)).value == "2025-04-03"
    assert one("Les pourparlers de ce 3 avril.", None).value == "XXXX-04-03"


# ---------------------------------------------------------------- relative dates

@pytest.mark.parametrize("text,value", [
    ("hier", "2025-04-02"), ("aujourd'hui", "2025-04-03"), ("demain", "2025-04-04"),
    ("avant-hier", "2025-04-01"), ("ce jeudi", "2025-04-03"), ("jeudi dernier", "2025-03-27"),
    ("jeudi prochain", "2025-04-10"), ("ce lundi", "2025-03-31"), ("ce samedi", "2025-04-05"),
    ("la semaine prochaine", "2025-W15"), ("cette semaine", "2025-W14"),
    ("le mois dernier", "2025-03"), ("l'an dernier", "2024"), ("l'année prochaine", "2026"),
    ("il y a trois jours", "2025-03-31"), ("dans deux semaines", "2025-04-17"),
    ("hier soir", "2025-04-02TEV"),
])
def test_timex_relative_dates_are_anchored(text, value):
    t = one(f"Le ministre l'a dit {text} à la presse.")
    assert (t.text, t.value) == (text, value)


def test_timex_bare_weekday_follows_the_tense_of_its_clause():
    assert one("Les ministres se réuniront mardi à Niamey.", date(2025, 4, 3)).value == "2025-04-08"
    assert one("Les ministres se sont réunis mardi à Niamey.", date(2025, 4, 3)).value == "2025-04-01"


# ---------------------------------------------------------------- intervals

def test_timex_intervals_give_both_ends_and_their_parts():
    t = one("Une visite officielle les 3 et 4 avril 2025.", None)
    assert (t.text, t.value) == ("les 3 et 4 avril 2025", "2025-04-03/2025-04-04")
    assert [(p.text, p.value) for p in t.parts] == [("les 3", "2025-04-03"), ("4 avril 2025", "2025-04-04")]
    assert one("Le forum se tiendra du 11 au 12 mars.").value == "2025-03-11/2025-03-12"
    assert one("Le scrutin aura lieu entre le 3 et le 5 mai.").value == "2025-05-03/2025-05-05"
    assert one("La session du 30 mars au 2 avril 2025.", None).value == "2025-03-30/2025-04-02"


def test_timex_interval_variants_lists_weekdays_and_hyphens():
    t = one("Des journées ont eu lieu les 12, 13 et 14 mars 2025 à Niamey.", None)
    assert t.value == "2025-03-12/2025-03-14"
    assert [p.value for p in t.parts] == ["2025-03-12", "2025-03-13", "2025-03-14"]
    assert one("Du lundi 3 au mercredi 5 mars 2025 à Niamey.", None).value == "2025-03-03/2025-03-05"
    assert one("Les assises des 3-4 avril 2025.", None).value == "2025-04-03/2025-04-04"


# ---------------------------------------------------------------- months and years

@pytest.mark.parametrize("text,span,value,mod", [
    ("L'Alliance, créée en septembre 2023, s'élargit.", "septembre 2023", "2023-09", None),
    ("Les élections ont eu lieu en 2024.", "2024", "2024", None),
    ("Le retrait sera effectif fin 2024.", "fin 2024", "2024", "END"),
    ("Le sommet est prévu début avril.", "début avril", "2025-04", "START"),
    ("Elle a changé dans les années 60.", "les années 60", "196X", None),
    ("Un bilan attendu pour juin prochain.", "juin prochain", "2025-06", None),
])
def test_timex_months_and_years(text, span, value, mod):
    t = one(text)
    assert (t.text, t.value, t.mod) == (span, value, mod)


def test_timex_past_clause_puts_a_partial_date_before_the_anchor_unless_a_deadline():
    assert one("Le sommet du 6 juillet a consacré la Confédération.").value == "2024-07-06"
    assert one("Il a donné jusqu'au 6 juillet aux putschistes.").value == "2025-07-06"


def test_timex_end_of_month_keeps_its_boundary():
    t = one("Le texte sera voté d'ici la fin du mois.")
    assert (t.text, t.value, t.mod) == ("la fin du mois", "2025-04", "END")


def test_timex_counts_and_planets_are_not_dates():
    assert tag("Plus de 2000 personnes ont fui, 1500 soldats sont déployés.", ANCHOR) == []
    assert tag("La sonde a atteint Mars et ses lunes.", ANCHOR) == []
    assert tag("Il a rencontré sa mère et son père.", ANCHOR) == []  # "sa" is no Saturday


# ---------------------------------------------------------------- durations

@pytest.mark.parametrize("text,span,value,approx,minutes", [
    ("Pendant près de deux heures d'échanges.", "près de deux heures", "PT2H", "about", 120),
    ("Après environ 1h30 d'échanges.", "environ 1h30", "PT90M", "about", 90),
    ("À l'issue de plusieurs heures de réunion.", "plusieurs heures", "PXH", "vague", None),
    ("Ils ont discuté plus de trois heures.", "plus de trois heures", "PT3H", "at_least", 180),
    ("Ils ont parlé pendant 45 minutes.", "45 minutes", "PT45M", "exact", 45),
    ("Deux jours de visite à Ouagadougou.", "Deux jours", "P2D", "exact", 2880),
    ("Une semaine plus tard.", "Une semaine", "P1W", "exact", 10080),
    ("Une trêve de moins de deux mois.", "moins de deux mois", "P2M", "at_most", None),
    ("Il a attendu une demi-heure.", "une demi-heure", "PT30M", "exact", 30),
])
def test_timex_durations_with_their_approximation(text, span, value, approx, minutes):
    t = one(text)
    assert (t.text, t.type, t.value, t.approx) == (span, "DURATION", value, approx)
    if minutes is not None:
        assert t.attrs["minutes"] == pytest.approx(minutes)


def test_timex_deux_heures_is_a_clock_time_only_after_a():
    assert one("Ils se retrouvent à deux heures.").type == "TIME"
    assert one("Ils ont parlé deux heures.").type == "DURATION"


def test_timex_round_the_clock_is_not_a_time():
    assert tag("Un service assuré 24h/24 et 7j/7.", ANCHOR) == []


def test_timex_ages_are_not_durations():
    assert tag("Jean Dupont, 87 ans, a été blessé.", ANCHOR) == []
    assert tag("Une fillette de 6 ans s'est noyée.", ANCHOR) == []
    assert one("Il a écopé d'une peine de 2 ans.").value == "P2Y"


# ---------------------------------------------------------------- times of day

def test_timex_clock_times_take_the_day_being_talked_about():
    assert [(t.text, t.type, t.value) for t in tag("La séance a débuté hier à 10 heures.", ANCHOR)] == [
        ("hier", "DATE", "2025-04-02"), ("10 heures", "TIME", "2025-04-02T10:00")]
    t = one("Les délégations sont arrivées à 10h30.")
    assert (t.type, t.value) == ("TIME", "2025-04-03T10:30")


# ---------------------------------------------------------------- modality

def test_timex_future_and_conditional_clauses_are_planned():
    assert one("Les ministres effectueront une visite les 3 et 4 avril 2025.", date(2025, 4, 1)).planned
    assert one("La rencontre devrait avoir lieu le 10 mai 2025.", date(2025, 5, 20)).planned
    assert not one("La rencontre a eu lieu le 10 mai 2025.", date(2025, 5, 20)).planned


def test_timex_dates_after_the_anchor_are_planned():
    assert one("Le sommet du 10 mai 2025.", date(2025, 4, 1)).planned
    assert not one("Le sommet du 10 mai 2025.", date(2025, 6, 1)).planned


# ---------------------------------------------------------------- article helpers

def test_timex_anchor_is_the_publication_date_else_the_first_full_date():
    assert article_anchor("Texte.", "2025-04-05") == date(2025, 4, 5)
    assert article_anchor("Moscou, le 03 avril 2025\n\nTexte ce jeudi.", None) == date(2025, 4, 3)
    assert article_anchor("Ils se sont vus ce jeudi.", None) is None


def test_timex_about_event_separates_the_meeting_from_background():
    text = ("Cette réunion vise à renforcer l'Alliance des États du Sahel, créée en septembre 2023 et "
            "devenue une confédération. Les ministres ont tenu une séance de travail ce 3 avril.")
    assert not about_event(text, text.index("septembre 2023"))
    assert about_event(text, text.index("ce 3 avril"))
