"""The plain-text junk rules and the whitespace normaliser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recoupe.ingest.clean import clean_text, is_body, normalise_whitespace, unwrap

BODY = (
    "Les ministres des Affaires étrangères du Mali, du Niger et du Burkina Faso ont rencontré "
    "leur homologue russe à Moscou, jeudi, pour parler de sécurité."
)
BODY2 = "La rencontre a duré près de deux heures, selon un communiqué publié à l'issue des échanges."
TITLE = "Sahel : les ministres de l'AES reçus à Moscou"


def _article(*junk: str, head: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*head, TITLE, BODY, *junk, BODY2])


def _reasons(text: str) -> dict[str, str]:
    return {r.line: r.reason for r in clean_text(text).removed}


def _kept(text: str) -> tuple[str, ...]:
    return clean_text(text).kept


def test_clean_removes_comment_prompts():
    lines = [
        "Laisser un commentaire",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        "Réagir",
        "12 commentaires",
        "Soyez le premier à commenter",
    ]
    reasons = _reasons(_article(*lines))
    assert all(reasons.get(line) == "comment-prompt" for line in lines), reasons
    assert BODY in _kept(_article(*lines))


def test_clean_removes_social_and_follow_lines():
    lines = [
        "Suivez-nous sur Facebook, Telegram, WhatsApp pour ne rien rater de l'actualité",
        "Partager sur Facebook",
        "Ecoutez les radios du Niger sur vos mobiles et tablettes",
        "Facebook Twitter WhatsApp Email",
        "Rejoignez-nous sur notre chaîne Telegram",
    ]
    reasons = _reasons(_article(*lines))
    assert all(reasons.get(line) == "social" for line in lines), reasons


def test_clean_removes_related_link_lines():
    lines = [
        "A lire aussi : Niger : l'armée se retire de la force mixte",
        "Lire aussi",
        "À lire également : Bamako accueille un sommet régional",
        "Sur le même sujet",
    ]
    reasons = _reasons(_article(*lines))
    assert all(reasons.get(line) == "related-link" for line in lines), reasons


def test_clean_removes_author_box_and_the_name_under_it():
    reasons = _reasons(_article("À propos de l'auteur", "Moussa Traoré"))
    assert reasons == {"À propos de l'auteur": "author-box", "Moussa Traoré": "author-box"}


def test_clean_removes_seo_link_list():
    spam = (
        "Radio Niamey en direct Immobilier Les meilleurs prix du Niger Acheter une voiture à Niamey "
        "Location Appartement Niamey Terrain à vendre Maradi Télé Sahel en direct"
    )
    assert _reasons(_article(spam)) == {spam: "link-list"}


def test_clean_removes_navigation_bar():
    nav = "Accueil | Politique | Économie | Société | Sport"
    assert _reasons(_article(nav)) == {nav: "navigation"}


def test_clean_keeps_table_rows_with_figures():
    row = "| Mali | 2023 | 12,5 | 4 |"
    assert row in _kept(_article(row))


def test_clean_removes_section_labels_above_the_title():
    text = _article(head=("Afrique de l'Ouest", "Politique"))
    reasons = _reasons(text)
    assert reasons == {"Afrique de l'Ouest": "section-label", "Politique": "section-label"}
    assert _kept(text)[0] == TITLE


def test_clean_keeps_short_subheading_inside_the_body():
    sub = "Un sommet stratégique"
    assert sub in _kept(_article(sub))


def test_clean_removes_copyright_and_advert_lines():
    reasons = _reasons(_article("© 2025 Sahel Hebdo. Tous droits réservés.", "PUBLICITÉ"))
    assert reasons == {"© 2025 Sahel Hebdo. Tous droits réservés.": "copyright", "PUBLICITÉ": "advert"}


def test_clean_never_removes_body_sentences_that_mention_junk_words():
    tricky = [
        "Les internautes ont été nombreux à réagir sur Facebook, selon le ministère de la Communication.",
        "Par ailleurs, le chef de la diplomatie malienne a indiqué que les travaux reprendront lundi.",
        "Lire aussi entre les lignes, disait le ministre, est un exercice auquel la presse est habituée.",
    ]
    text = "\n\n".join([TITLE, *tricky])
    assert _kept(text) == (TITLE, *tricky)


def test_clean_one_paragraph_a_line_in_output():
    cleaned = clean_text(f"{TITLE}\n{BODY}\n\n\n{BODY2}")
    assert cleaned.kept == (TITLE, BODY, BODY2)


def test_is_body_tells_paragraphs_from_labels():
    assert is_body(BODY)
    assert not is_body("AES Diplomatie")
    assert not is_body("ORTM en direct Finance Les plus bas prix du Mali Acheter à bas prix au Mali")


def test_normalise_whitespace_replaces_nbsp_and_collapses_blanks():
    raw = "Titre\u00a0 du\tjour\r\n\u00a0\n\n\n«\u202fBonjour\u202f»,  dit-il.\u200b\n   \n"
    assert normalise_whitespace(raw) == "Titre du jour\n\n« Bonjour », dit-il."


_TEXTS = st.lists(
    st.sampled_from(list("abcAB éà’«»,.:;!?-|") + ["\u00a0", "\u202f", "\t", "\n", "\r\n", "  ", "\u200b"]),
    max_size=120,
).map("".join)


@given(_TEXTS)
def test_normalise_whitespace_is_idempotent(text):
    once = normalise_whitespace(text)
    assert normalise_whitespace(once) == once


@given(_TEXTS)
def test_normalise_whitespace_keeps_the_words(text):
    assert normalise_whitespace(text).split() == text.replace("\u200b", "").split()


_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [TITLE, BODY, BODY2, "Laisser un commentaire", "A lire aussi : la suite", "AES Diplomatie",
             "Suivez-nous sur Facebook", "Accueil | Monde | Sport", "Moussa Traoré", "À propos de l'auteur"]
        ),
        st.text(alphabet=st.sampled_from(list("abcdeABCDE éà,.:|")), min_size=1, max_size=60),
    ),
    max_size=12,
)


@given(_LINES)
def test_clean_never_invents_text_and_covers_every_line(lines):
    text = "\n".join(lines)
    input_lines = unwrap(normalise_whitespace(text))
    cleaned = clean_text(text)
    assert all(line in input_lines for line in cleaned.kept)
    assert sorted([*cleaned.kept, *(r.line for r in cleaned.removed)]) == sorted(input_lines)


@given(st.lists(st.sampled_from([BODY, BODY2, "", "Laisser un commentaire", "la suite d'une phrase coupée en deux",
                                 "Une ligne de quarante caractères et plus sans point"]), max_size=20))
def test_unwrap_only_turns_line_breaks_into_spaces(lines):
    text = normalise_whitespace("\n".join(lines))
    paragraphs = unwrap(text)
    assert " ".join(paragraphs).split() == text.split()
    assert all(p in text.replace("\n", " ") for p in paragraphs)


def test_unwrap_joins_hard_wrapped_paragraphs_only():
    wrapped = (
        "Niger : un accord pour la centrale de Kollo\n\n"
        "Le Niger a franchi hier une étape décisive dans sa quête\n"
        "d'autonomie énergétique. Au Palais des congrès, le ministre\n"
        "nigérien de l'Énergie, le Colonel Issaka\n"
        "DJIBO, a signé l'accord.\n\n"
        "Les travaux commenceront en juin, selon le ministère, et\n"
        "dureront deux ans.\n"
    )
    assert unwrap(wrapped) == [
        "Niger : un accord pour la centrale de Kollo",
        "Le Niger a franchi hier une étape décisive dans sa quête d'autonomie énergétique. Au Palais des "
        "congrès, le ministre nigérien de l'Énergie, le Colonel Issaka DJIBO, a signé l'accord.",
        "Les travaux commenceront en juin, selon le ministère, et dureront deux ans.",
    ]
    site_layout = f"{TITLE}\nAES\nÉcrit par La Rédaction\n\n{BODY} {BODY2} {BODY}\n{BODY2}"
    assert unwrap(site_layout) == [TITLE, "AES", "Écrit par La Rédaction", f"{BODY} {BODY2} {BODY}", BODY2]


def test_clean_removes_tag_lines_and_follow_invitations_anywhere():
    tags = "Tags : AES, Türkiye, Ankara, Force unifiée"
    follow = "Rejoignez notre chaîne WhatsApp et suivez-nous sur Telegram pour recevoir nos alertes"
    assert _reasons(_article(tags, follow)) == {tags: "tags", follow: "social"}


def test_clean_author_box_takes_the_short_bio_under_the_heading():
    bio = "Moussa Traoré est journaliste au service Politique. Il suit la diplomatie sahélienne depuis 2019."
    assert _reasons(_article("À propos de l'auteur", bio)) == {"À propos de l'auteur": "author-box", bio: "author-box"}


def test_clean_section_label_after_a_punctuated_title():
    text = "\n".join(["Niger : les trois ministres de l'AES attendus à Ankara ce jeudi", "AES", "Écrit par La Rédaction", BODY])
    assert _reasons(text) == {"AES": "section-label"}


BYLINE = "Par Moussa TRAORÉ"


def test_clean_removes_a_site_banner_above_the_headline():
    for banner in ("NigerMatin24 | L'info du Niger en continu", "Le Courrier de Gao - Le journal du Nord"):
        assert _reasons(_article(head=(banner,))) == {banner: "banner"}
        assert _kept(_article(head=(banner,)))[0] == TITLE


def test_clean_banner_needs_a_headline_after_it_and_none_before():
    # A headline shaped like "<Name> - <words>" is the title when nothing headline-like follows it.
    headline = "Tombouctou - Les manuscrits reviennent à la bibliothèque"
    assert _reasons("\n\n".join([headline, BYLINE, BODY, BODY2])) == {}
    # Under the title, a "<Name> | <words>" line is not a banner either.
    line = "Kayes | Les commerçants ferment boutique"
    assert line in _kept("\n\n".join([TITLE, line, BODY, BODY2]))


def test_clean_banner_is_not_a_titled_line_with_a_colon_or_a_menu():
    title = "Mali - Russie : un accord de défense signé à Moscou"
    assert _kept("\n\n".join(["Gao Info | Toute l'actu du Nord", title, BODY]))[0] == title
    assert _reasons("\n\n".join([title, BODY])) == {}
