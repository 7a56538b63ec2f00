"""Quotes and speakers in exchanges, role words and unnamed speakers: hand-made French
sentences, one reading rule per test (blank spaCy pipeline, no gazetteer)."""

from __future__ import annotations

import spacy

from recoupe.extract import quotes
from recoupe.extract.context import ArticleContext
from recoupe.extract.packs import load_pack
from recoupe.records import Article, article_id

_NLP = spacy.blank("fr")
_PACK = load_pack("fr")


def run(text: str):
    article = Article(id=article_id(text), path="t.txt", text=text, language="fr")
    ctx = ArticleContext(article=article, doc=_NLP(text), gazetteer=None, pack=_PACK)
    return quotes.extract(ctx)


def speakers(text: str) -> dict[str, str | None]:
    return {c.value: c.attrs["speaker_name"] for c in run(text)}


def test_quotes_dialogue_pronoun_goes_to_the_person_of_its_gender():
    text = ("La députée Fatou Diallo a interpellé le ministre des Transports, Paul Kaboré, sur "
            "l'état des routes. « Quand les travaux commenceront-ils enfin ? » a-t-elle demandé. "
            "« Avant la saison des pluies, sans faute », lui a répondu M. Kaboré.")
    got = speakers(text)
    assert got["Quand les travaux commenceront-ils enfin ?"] == "Fatou Diallo"
    assert got["Avant la saison des pluies, sans faute"] == "Paul Kaboré"


def test_quotes_honorific_gives_the_gender_of_a_name_seen_elsewhere():
    text = ("Awa Sanou et Issa Konaté ont débattu hier soir. Mme Sanou a ouvert le débat. "
            "« Les écoles rurales manquent de tout depuis trois ans », a-t-elle lancé.")
    assert speakers(text)["Les écoles rurales manquent de tout depuis trois ans"] == "Awa Sanou"


def test_quotes_compound_incise_inside_the_marks_cuts_the_quote_in_two():
    text = ("Le syndicaliste Ousmane Bah a longtemps hésité. « Nous ne reprendrons pas le travail, "
            "a-t-il fini par lâcher, tant que les salaires ne seront pas versés. »")
    claims = run(text)
    assert [c.value for c in claims] == ["Nous ne reprendrons pas le travail",
                                         "tant que les salaires ne seront pas versés."]
    assert {c.attrs["speaker_name"] for c in claims} == {"Ousmane Bah"}


def test_quotes_a_place_after_de_is_never_a_speaker():
    text = ("La chanteuse Awa Traoré a descendu le Niger de Tombouctou à Mopti pour son album. "
            "« Chaque village m'a donné une chanson nouvelle », raconte-t-elle.")
    assert speakers(text)["Chaque village m'a donné une chanson nouvelle"] == "Awa Traoré"


def test_quotes_a_role_word_synonym_finds_the_person_it_was_first_given_with():
    text = ("« Nous avons manqué de rigueur », a regretté l'entraîneur Karim Ouédraogo. "
            "Pour le capitaine Ali Sanou, l'équipe a surtout manqué de chance en fin de match. "
            "Le technicien a reconnu que la défense avait commis trop d'erreurs.")
    assert speakers(text)["la défense avait commis trop d'erreurs"] == "Karim Ouédraogo"


def test_quotes_role_subject_of_a_sentence_speaks_its_quote_without_speech_verb():
    text = ("Le ministre de la Santé, Paul Kaboré, a présenté la réforme. Pour la députée Awa "
            "Sanou, ce texte « oublie les hôpitaux de district ». "
            "Le ministre a défendu une réforme « nécessaire pour sauver nos hôpitaux publics ».")
    assert speakers(text)["nécessaire pour sauver nos hôpitaux publics"] == "Paul Kaboré"


def test_quotes_subject_after_a_fronted_complement_is_the_speaker():
    text = ("Dans un communiqué diffusé lundi, la Coordination des producteurs de coton « exige "
            "le paiement des arriérés de la dernière campagne ».")
    assert speakers(text)["exige le paiement des arriérés de la dernière campagne"] == \
        "Coordination des producteurs de coton"


def test_quotes_the_only_person_named_is_the_role_that_follows():
    text = ("Aïcha Camara : « Écrire, c'est tenir la mémoire debout »\n\n"
            "L'écrivaine guinéenne publie son troisième roman.\n\n"
            "Elle parle lentement. « Mon grand-père racontait les mêmes histoires chaque soir. »")
    assert speakers(text)["Mon grand-père racontait les mêmes histoires chaque soir."] == "Aïcha Camara"


def test_quotes_a_name_after_dite_is_not_a_quote():
    text = "Les villages de la zone dite « des trois rivières du grand nord » sont désertés."
    assert run(text) == []


def test_quotes_one_of_them_is_named_by_the_apposition_that_follows():
    text = ("Des pêcheurs de Mopti attendent la crue. « Le poisson ne remonte plus comme avant "
            "depuis des années », soupire l'un d'eux, un piroguier de 60 ans.")
    assert speakers(text)["Le poisson ne remonte plus comme avant depuis des années"] == \
        "piroguier de 60 ans"


def test_quotes_selon_name_and_role_apposition_leave_the_clause_alone():
    text = ("D'après Moussa Keïta, président du Syndicat des transporteurs, les routes du nord "
            "sont impraticables depuis la fin des pluies.")
    c = run(text)[0]
    assert c.value == "les routes du nord sont impraticables depuis la fin des pluies"
    assert c.attrs["speaker_name"] == "Moussa Keïta"


def test_quotes_plural_sources_after_the_clause_of_a_dispatch():
    text = ("BAMAKO, 2 mars 2026 (AFP) - Deux ponts ont été détruits dans la nuit près de Ségou, "
            "ont indiqué jeudi des sources locales.")
    c = run(text)[0]
    assert c.value == "Deux ponts ont été détruits dans la nuit près de Ségou"
    assert c.attrs["speaker_name"] == "sources locales"


def test_quotes_subject_incise_keeps_the_whole_clause_around_it():
    text = ("Le rapport de l'ONG a été publié lundi. Les familles, note le rapport, attendent "
            "encore les semences promises.")
    c = only_indirect(text)
    assert c.value == "Les familles, note le rapport, attendent encore les semences promises"


def test_quotes_pronoun_incise_in_reported_speech():
    text = ("Le maire de Kaya, Idrissa Ouédraogo, a reçu les déplacés. La ville, a-t-il assuré, "
            "peut encore accueillir deux mille familles.")
    c = only_indirect(text)
    assert c.value == "La ville, a-t-il assuré, peut encore accueillir deux mille familles"
    assert c.attrs["speaker_name"] == "Idrissa Ouédraogo"


def test_quotes_a_verb_with_an_object_after_a_comma_is_no_incise():
    text = ("Interrogé, le directeur de l'hôpital, Abdou Sow, a jugé le rapport « excessif et "
            "mal informé sur nos services ».")
    assert all(c.attrs["direct"] for c in run(text))


def test_quotes_an_absolute_participle_clause_ends_the_reported_clause():
    text = ("Le ministre Ali Traoré a indiqué que la réunion se tiendrait à Dakar en mai, les "
            "deux pays ayant convenu d'alterner les rencontres.")
    assert only_indirect(text).value == "la réunion se tiendrait à Dakar en mai"


def test_quotes_a_t_on_appris_aupres_names_the_source():
    text = ("La frontière avec le Mali restera fermée jusqu'à nouvel ordre, a-t-on appris "
            "auprès du ministère de l'Intérieur.")
    c = only_indirect(text)
    assert c.value == "La frontière avec le Mali restera fermée jusqu'à nouvel ordre"
    assert "ministère de l'Intérieur" in c.attrs["speaker_name"]


def only_indirect(text: str):
    got = [c for c in run(text) if not c.attrs["direct"]]
    assert len(got) == 1, [c.value for c in run(text)]
    return got[0]


def test_quotes_a_name_after_alors_que_is_not_the_speaker_nor_what_was_said():
    text = ("L'entraîneur Paul Sawadogo a changé trois joueurs. « On a perdu le match au milieu "
            "du terrain », soupirait un supporter alors qu'un dirigeant défendait les choix de "
            "Sawadogo.")
    claims = run(text)
    assert [c.value for c in claims] == ["On a perdu le match au milieu du terrain"]
    assert claims[0].attrs["speaker_name"] == "supporter"


def test_quotes_a_subject_with_its_verb_is_not_an_institution_name():
    text = ("Le communiqué final a été lu à la presse. Les Parties sont ensuite convenues « du "
            "renforcement des patrouilles communes le long de la frontière ».")
    c = only(text)
    assert c.attrs["speaker_name"] != "Parties sont ensuite convenues"


def only(text: str):
    got = run(text)
    assert len(got) == 1, [c.value for c in got]
    return got[0]


def test_quotes_a_place_the_gazetteer_knows_is_never_the_last_person():
    from recoupe.records import Entity

    from test_quotes_extract import FakeGazetteer, run as run_with

    gaz = FakeGazetteer({"Niéna Koura": Entity(id="place:niena-koura", kind="place", name="Niéna Koura")})
    text = ("La griotte Kandia Sissoko chante ce soir. Elle a grandi à Niéna Koura. "
            "« Chaque quartier a sa chanson et je les connais toutes par cœur », dit-elle.")
    c = [x for x in run_with(text, gaz) if x.attrs["direct"]][0]
    assert c.attrs["speaker_name"] == "Kandia Sissoko"


def test_quotes_a_pronoun_takes_up_the_institution_subject_of_the_sentence_before():
    text = ("Le ministre Abdou Ndiaye a annoncé la fermeture du port de pêche. "
            "La fédération des mareyeurs de Saint-Louis a aussitôt réagi. Dans un message, elle "
            "juge que cette mesure « condamne des milliers de familles au chômage ».")
    c = only(text)
    assert c.attrs["speaker_name"].startswith("fédération des mareyeurs")


def test_quotes_plural_verb_and_indefinite_plural_at_the_end_is_the_speaker():
    text = ("OUAGADOUGOU, 4 mai 2026 (AIB) - Le prix du riz a augmenté de 20 % en un mois, "
            "ont déploré vendredi des commerçants du grand marché.")
    c = only_indirect(text)
    assert c.value == "Le prix du riz a augmenté de 20 % en un mois"
    assert c.attrs["speaker_name"] == "commerçants du grand marché"


def test_quotes_a_singular_verb_before_a_plural_object_is_no_incise():
    text = "Le ministre a visité la mine d'or hier, a dénoncé des pratiques illégales."
    assert [c for c in run(text) if not c.attrs["direct"]] == []


def test_quotes_dialogue_an_incise_ending_its_sentence_cuts_the_quote_in_two():
    text = ("La directrice de la coopérative, Mme Awa Sanou, a fait le point. « Les magasins sont "
            "pleins jusqu'au toit, a-t-elle assuré. Aucune famille ne manquera de semences. »")
    claims = run(text)
    assert [c.value for c in claims] == ["Les magasins sont pleins jusqu'au toit",
                                         "Aucune famille ne manquera de semences."]
    assert {c.attrs["speaker_name"] for c in claims} == {"Awa Sanou"}


def test_quotes_dialogue_a_name_inside_an_apposition_is_not_the_subject():
    text = ("Le maire de Koudougou, Jean Ouédraogo, ancien adjoint de Paul Sawadogo, a défendu un "
            "budget « tenu au franc près malgré la crise ». Il a ajouté : « Aucune taxe ne sera "
            "relevée cette année. »")
    got = speakers(text)
    assert got["tenu au franc près malgré la crise"] == "Jean Ouédraogo"
    assert got["Aucune taxe ne sera relevée cette année."] == "Jean Ouédraogo"


def test_quotes_dialogue_a_pronoun_takes_up_the_subject_of_the_sentence_before():
    text = ("Le ministre Moussa Keïta a reçu M. Issa Traoré au ministère. Il a déclaré que les "
            "deux hommes s'étaient entendus sur le calendrier des travaux.")
    assert speakers(text) == {"les deux hommes s'étaient entendus sur le calendrier des travaux": "Moussa Keïta"}


def test_quotes_dialogue_a_pronoun_prefers_a_person_known_to_share_its_gender():
    text = ("La ministre Awa Sanou est arrivée lundi au chantier. Le préfet a présenté les plans à "
            "Issa Traoré et à la délégation. Elle a salué « un travail remarquable des équipes ».")
    assert speakers(text)["un travail remarquable des équipes"] == "Awa Sanou"


def test_quotes_dialogue_pour_before_a_clause_with_its_own_subject_reports_nothing(resources):
    text = ("La société Sahel Agro a gagné son procès. Pour la société Sahel Agro, le directeur "
            "général Amadou Sissoko s'est dit soulagé après le verdict du tribunal.")
    assert _full(resources, text) == {}


def test_quotes_dialogue_an_indefinite_role_is_someone_new():
    text = ("Le conseiller municipal Paul Kaboré a présenté le projet. « Rien n'est encore "
            "décidé sur le tracé », a confié un conseiller sous couvert d'anonymat.")
    assert speakers(text)["Rien n'est encore décidé sur le tracé"] != "Paul Kaboré"


def test_quotes_dialogue_an_institution_after_the_verb_reports_the_clause_before():
    text = ("Dosso, 2 décembre 2026 - Les forages de trois villages seront réparés avant la saison "
            "sèche, a annoncé le ministère de l'Hydraulique.")
    claims = run(text)
    assert [(c.value, c.attrs["speaker_name"], c.attrs["direct"]) for c in claims] == [
        ("Les forages de trois villages seront réparés avant la saison sèche",
         "ministère de l'Hydraulique", False)]


def test_quotes_dialogue_a_demonstrative_after_the_verb_is_the_person_just_named():
    text = ("Pour Ali Garba Maïga, vendeur de pagnes au grand marché, les clients ont disparu. "
            "« Je n'ai rien vendu depuis lundi », raconte ce commerçant.")
    got = speakers(text)
    assert got["les clients ont disparu"] == "Ali Garba Maïga"
    assert got["Je n'ai rien vendu depuis lundi"] == "Ali Garba Maïga"


def test_quotes_dialogue_a_definite_noun_finds_the_person_presented_with_its_word():
    text = ("A l'hôpital, la responsable du service de cardiologie, Mme Kadi Sanou, a reçu la "
            "délégation. Le préfet Issa Traoré a promis des travaux. La cardiologue réclame "
            "« un deuxième appareil d'échographie au plus vite ».")
    assert speakers(text)["un deuxième appareil d'échographie au plus vite"] == "Kadi Sanou"


def test_quotes_dialogue_a_role_word_sharing_a_stem_finds_its_person():
    text = ("Le secrétaire général du syndicat des enseignants, M. Issa Sawadogo, a rencontré le "
            "ministre Paul Kaboré. Le syndicaliste n'a pas cédé : « Pas de rentrée sans les primes "
            "promises. »")
    assert speakers(text)["Pas de rentrée sans les primes promises."] == "Issa Sawadogo"


def test_quotes_dialogue_a_role_with_its_complement_before_a_name_gives_the_name():
    text = ("Un étudiant en droit public, Kofi Mensah Annan, s'est montré sceptique : « On nous "
            "promet des bourses depuis trois ans. »")
    assert speakers(text)["On nous promet des bourses depuis trois ans."] == "Kofi Mensah Annan"


def test_quotes_dialogue_reacting_is_reporting_speech():
    text = ("Le maire Issa Traoré a été hué. « Nous prenons acte, mais nous resterons vigilants », "
            "a réagi à la sortie M. Boubacar Diallo, élu de l'opposition.")
    assert speakers(text)["Nous prenons acte, mais nous resterons vigilants"] == "Boubacar Diallo"


def test_quotes_dialogue_le_ministre_says_nothing_of_a_womans_gender():
    text = ("Le ministre de la Culture, Aminata Traoré, a reçu le conservateur Paul Kaboré au musée. "
            "« Le patrimoine appartient à tous », a-t-elle assuré.")
    assert speakers(text)["Le patrimoine appartient à tous"] == "Aminata Traoré"


def _full(resources, text: str):
    from recoupe.extract import actors

    article = Article(id=article_id(text), path="t.txt", text=text, language="fr")
    ctx = ArticleContext(article=article, doc=resources.nlps["fr"](text), gazetteer=resources.gazetteer,
                         pack=resources.packs["fr"])
    ctx.claims.extend(actors.extract(ctx))
    return {c.value: c.attrs["speaker_name"] for c in quotes.extract(ctx)}


def test_quotes_dialogue_faire_etat_de_reports_speech():
    # a fragment of three words is a statement only in a sentence that reports speech
    text = "Un responsable local a fait état de « dégâts très importants »."
    assert speakers(text) == {"dégâts très importants": "responsable local"}


def test_quotes_dialogue_an_incise_with_a_complement_still_cuts_the_quote():
    text = ("Le ministre Paul Kaboré s'est rendu à Fada. « Une aide de 200 millions arrive, a-t-il "
            "précisé devant la presse. D'autres suivront si nécessaire. »")
    assert speakers(text) == {"Une aide de 200 millions arrive": "Paul Kaboré",
                              "D'autres suivront si nécessaire.": "Paul Kaboré"}


def test_quotes_dialogue_a_pronoun_after_a_document_subject_is_the_document():
    text = ("La députée Awa Sanou a présenté le rapport. Le rapport de la commission, distribué "
            "avant la séance, souligne que les routes sont en mauvais état. Il recommande en outre "
            "que les travaux commencent avant la saison des pluies.")
    got = speakers(text)
    assert got["les travaux commencent avant la saison des pluies"].startswith("rapport")


def test_quotes_dialogue_after_a_document_a_person_acting_before_a_bare_quote_speaks():
    text = ("Selon un rapport publié en mai, les registres ne sont pas numérisés.\n\n"
            "Mme Awa Sanou nous raccompagne. Elle montre une affiche au mur : un bébé et un carnet "
            "vert. « Ce carnet, c'est le premier droit de l'enfant. »")
    assert speakers(text)["Ce carnet, c'est le premier droit de l'enfant."] == "Awa Sanou"


def test_quotes_dialogue_selon_a_document_skips_its_apposition():
    text = ("Selon le procès-verbal de la gendarmerie, lu à l'audience, trois témoins ont vu le "
            "camion quitter le dépôt avant l'aube.")
    got = speakers(text)
    assert list(got) == ["trois témoins ont vu le camion quitter le dépôt avant l'aube"]
    assert got["trois témoins ont vu le camion quitter le dépôt avant l'aube"].startswith("procès-verbal")


def test_quotes_dialogue_in_a_communique_the_institution_after_the_comma_speaks():
    text = ("Dans un communiqué publié jeudi, le ministère de la Santé a annoncé que deux cents "
            "infirmiers seraient recrutés en janvier.")
    assert speakers(text) == {"deux cents infirmiers seraient recrutés en janvier": "ministère de la Santé"}


def test_quotes_dialogue_a_demonym_used_as_a_noun_is_the_person_it_was_given_to(resources):
    text = ("Le Burkinabè Hamado Kaboré a remporté l'étape devant l'Érythréen Samuel Tesfay. "
            "L'Érythréen s'est dit « pas inquiet du tout pour la suite ».")
    assert _full(resources, text)["pas inquiet du tout pour la suite"] == "Samuel Tesfay"


def test_quotes_dialogue_the_winner_is_the_one_who_won():
    text = ("Issa Moussa Diallo a remporté dimanche la finale face à Ali Garba Maïga. « J'ai pensé "
            "à ma mère pendant tout le combat », a déclaré le vainqueur.")
    assert speakers(text)["J'ai pensé à ma mère pendant tout le combat"] == "Issa Moussa Diallo"


def test_quotes_dialogue_people_sharing_a_surname_stay_apart():
    text = ("A 38 ans, Salimata Ouédraogo répare des motos depuis vingt ans. Le père, Issaka "
            "Ouédraogo, aujourd'hui retraité, sourit. « Elle démontait mes carburateurs la nuit », "
            "raconte-t-il.")
    assert speakers(text)["Elle démontait mes carburateurs la nuit"] == "Issaka Ouédraogo"


def test_quotes_dialogue_a_pronoun_skips_back_over_a_quote_to_the_subject():
    text = ("La coordinatrice de l'ONG, Mme Afi Mawuena Agbeko, fondée par le pasteur Pierre "
            "Amegan, a ajouté que les enfants quittaient l'école. « Les familles ont besoin "
            "d'argent », a-t-elle expliqué.\n\n« Nous ne demandons pas la fermeture, a-t-elle "
            "insisté. Nous demandons qu'aucun enfant n'y entre. »")
    got = speakers(text)
    assert got["Nous ne demandons pas la fermeture"] == "Afi Mawuena Agbeko"


def test_quotes_dialogue_quant_a_elle_is_not_the_subject():
    text = ("Le ministre Pavel Sokolov a salué un accord. La ministre burkinabè de l'Énergie, Awa "
            "Ouédraogo, a quant à elle rappelé que le pays ne produisait que la moitié de son "
            "électricité.")
    assert speakers(text)["le pays ne produisait que la moitié de son électricité"] == "Awa Ouédraogo"


def test_quotes_dialogue_a_generic_person_noun_is_the_last_person_of_its_gender():
    text = ("Parmi les apprenties, Aminata Zongo, 19 ans, a quitté l'école l'an dernier. « Ici, "
            "personne ne me dit que je suis trop faible », glisse la jeune fille.")
    assert speakers(text)["Ici, personne ne me dit que je suis trop faible"] == "Aminata Zongo"


def test_quotes_dialogue_a_wrapped_line_may_open_the_quote():
    text = ("Un exploitant rencontré sur place, qui a requis l'anonymat, assure que\n"
            "« personne n'oblige les enfants à venir travailler ici ».")
    assert speakers(text) == {"personne n'oblige les enfants à venir travailler ici": "exploitant rencontré sur place"}


def test_quotes_dialogue_a_writers_gloss_ends_the_reported_clause():
    text = ("Un auditeur a affirmé que des essaims avaient été vus dimanche près du barrage, ce "
            "que le technicien n'a pas pu confirmer.")
    assert list(speakers(text)) == ["des essaims avaient été vus dimanche près du barrage"]


def test_quotes_dialogue_a_programme_title_after_l_emission_is_no_statement():
    text = "Résumé de l'émission \"Le Grenier du paysan\" du samedi 28 novembre."
    assert speakers(text) == {}


def test_quotes_dialogue_a_colon_ending_the_paragraph_before_gives_the_speaker():
    text = ("La directrice Clarisse Kaboré a visité l'atelier. Salimata Ouédraogo, elle, pense "
            "déjà à la suite. Mais elle ne se plaint pas :\n\n« Un jour, j'ouvrirai une école "
            "avec des diplômes reconnus. »")
    assert speakers(text)["Un jour, j'ouvrirai une école avec des diplômes reconnus."] == "Salimata Ouédraogo"


def test_quotes_dialogue_someone_acting_after_the_last_statement_speaks_the_bare_quote():
    text = ("Le père, Issaka Ouédraogo, sourit. « Elle démontait mes carburateurs la nuit », "
            "raconte-t-il.\n\nEn 2009, Mme Salimata Ouédraogo ouvre son propre atelier. Les débuts "
            "sont rudes. « Les hommes venaient regarder, mais ils ne me laissaient pas toucher "
            "leur moto. »")
    got = speakers(text)
    assert got["Les hommes venaient regarder, mais ils ne me laissaient pas toucher leur moto."] == "Salimata Ouédraogo"


def test_quotes_dialogue_a_masthead_in_capitals_is_nobody():
    text = ("AGENCE NIGERIENNE DE PRESSE\n\nLe chauffeur a été placé en garde à vue. Il a reconnu "
            "les faits. « J'ai été payé pour le transport, je ne savais rien du reste. »")
    assert speakers(text).get("J'ai été payé pour le transport, je ne savais rien du reste.") != "Agence Nigerienne De Presse"


def test_quotes_dialogue_a_first_name_with_an_age_is_a_person():
    text = ("Sur le site, Komlan, 12 ans, remplit des sacs de gravier. « Je donne l'argent à ma "
            "mère », confie-t-il. Le représentant de l'Unicef, M. Jean-Baptiste Ouédraogo, a salué "
            "le rapport.")
    assert speakers(text)["Je donne l'argent à ma mère"] == "Komlan"


def test_quotes_dialogue_an_article_of_a_law_speaks_for_the_law():
    text = ("La loi sur les baux d'habitation limite la hausse des loyers. Son article 12 dispose "
            "que « tout bail est conclu par écrit et enregistré à la mairie ».")
    assert speakers(text)["tout bail est conclu par écrit et enregistré à la mairie"].startswith("loi")


def test_quotes_dialogue_a_nickname_given_by_critics_is_no_statement():
    text = ("La ministre Aya Kouassi a défendu une taxe que ses détracteurs ont rebaptisée la "
            "« taxe des pauvres ».")
    assert speakers(text) == {}


def test_quotes_dialogue_a_role_before_the_next_name_in_a_list_is_that_name_s():
    text = ("L'animateur recevait le chef du service de la protection des végétaux, Ibrahim "
            "Boukari, le chef de village de Tamaské, Elhadji Garba Oumarou, et la présidente "
            "Hadiza Souley. Le chef de village de Tamaské, lui, n'a pas caché son inquiétude. "
            "« Ils n'ont laissé que les tiges », a-t-il témoigné.")
    assert speakers(text)["Ils n'ont laissé que les tiges"] == "Elhadji Garba Oumarou"


def test_quotes_dialogue_a_time_phrase_before_que_keeps_the_report():
    text = "Le ministre Paul Kaboré a indiqué ce mardi que les travaux reprendraient en janvier."
    assert speakers(text) == {"les travaux reprendraient en janvier": "Paul Kaboré"}


def test_quotes_dialogue_selon_lui_inside_a_clause_reports_no_fragment():
    text = ("M. Paul Kaboré a salué un partenaire qui a, selon lui, saisi dès le départ que "
            "l'alliance répondait à la volonté des peuples.")
    assert not any(v.endswith("qui a") for v in speakers(text))


def test_quotes_dialogue_on_speaks_from_the_place_named_never_the_last_person(resources):
    text = ("Le ministre Paul Kaboré a visité le chantier. « Les entreprises sont revenues sur le "
            "site », confie-t-on dans l'entourage du ministre. « Rien n'est encore signé pour la "
            "deuxième phase », dit-on.")
    got = _full(resources, text)
    assert got["Les entreprises sont revenues sur le site"] == "entourage du ministre"
    assert got["Rien n'est encore signé pour la deuxième phase"] != "Paul Kaboré"


def test_quotes_dialogue_any_verb_before_a_name_after_the_quote_is_an_incise(resources):
    text = ("Le technicien Wang Lei tempère : « Le calendrier dépend du ciment. » « On nous en parle "
            "depuis 1960 », sourit Hama Cissé, un pêcheur de Bourem.")
    assert _full(resources, text)["On nous en parle depuis 1960"] == "Hama Cissé"


def test_quotes_dialogue_subject_before_an_apposition_between_dashes(resources):
    # "– et sans lien avec le directeur –," is an apposition like ", proche du directeur,"
    text = ("Le directeur de l'école, Moussa Keïta, a ouvert la réunion. Awa Keïta, enseignante de "
            "CM2 – et sans lien de parenté avec le directeur –, affirme que les classes comptent "
            "désormais quatre-vingts élèves.")
    got = _full(resources, text)
    assert got["les classes comptent désormais quatre-vingts élèves"] == "Awa Keïta"


def test_quotes_dialogue_possessive_role_is_someone_else_named_in_the_next_sentence(resources):
    # "son adjointe" is not the person named before; "Elle s'appelle X" says who she is
    text = ("Mariam Traoré dirige le dispensaire depuis 2015. À côté d'elle, son adjointe range les "
            "vaccins. Elle s'appelle Fanta Coulibaly. L'adjointe explique que les doses arrivent "
            "désormais chaque semaine. « Avant, on attendait un mois entier », ajoute-t-elle.")
    got = _full(resources, text)
    assert got["les doses arrivent désormais chaque semaine"] == "Fanta Coulibaly"
    assert got["Avant, on attendait un mois entier"] == "Fanta Coulibaly"


def test_quotes_dialogue_fronted_document_is_not_the_subject(resources):
    # "Dans une déclaration publiée lundi, l'Association X demande « ... »": the association
    # speaks, not "déclaration publiée"
    text = ("Dans une déclaration publiée lundi, l'Association des parents d'élèves du Niger demande "
            "« un report des examens d'au moins deux semaines » et refuse toute sanction.")
    got = _full(resources, text)
    assert got["un report des examens d'au moins deux semaines"] == "Association des parents d'élèves du Niger"


def test_quotes_dialogue_institution_subject_of_a_quote_across_a_wrapped_line(resources):
    text = ("Dans un communiqué publié mardi, la direction générale de la Société des eaux\n"
            "de Kayes (SEK) « déplore des coupures prolongées dans plusieurs quartiers » et\nappelle les usagers à "
            "« limiter leur consommation pendant dix jours ». Selon le même texte, deux pompes\n"
            "sont tombées en panne samedi.")
    got = _full(resources, text)
    for quote in ("déplore des coupures prolongées dans plusieurs quartiers", "limiter leur consommation pendant dix jours"):
        assert got[quote] == "direction générale de la Société des eaux de Kayes"
    assert got["deux pompes sont tombées en panne samedi"] == "communiqué"


def test_quotes_dialogue_demonstrative_takes_up_an_unnamed_source(resources):
    text = ("Un responsable syndical a indiqué que la grève serait reconduite jusqu'à vendredi. "
            "« Personne ne nous a reçus depuis trois semaines », a ajouté ce responsable.")
    got = _full(resources, text)
    first = got["la grève serait reconduite jusqu'à vendredi"]
    assert first is not None and first.startswith("responsable")
    assert got["Personne ne nous a reçus depuis trois semaines"] == first


def test_quotes_dialogue_named_incise_inside_an_unclosed_quote(resources):
    # the writer never closes the first quote; the name inside it is still the speaker, and
    # the title after it belongs to the incise, not to the quote
    text = ("« Les stocks de semences sont épuisés, a déclaré à l'AFP le docteur Issa Maïga, "
            "directeur de l'institut agronomique. Et la saison commence dans un mois.\n\n"
            "« Nous demandons une aide d'urgence. »\n")
    got = _full(resources, text)
    assert got["Les stocks de semences sont épuisés"] == "Issa Maïga"
    assert got["Et la saison commence dans un mois."] == "Issa Maïga"


def test_quotes_dialogue_role_incise_ending_a_sentence_inside_the_marks(resources):
    text = ("Le syndicaliste Ali Soumana conduit la marche. « Les salaires ne suivent plus les prix, "
            "a dénoncé le syndicaliste. Il faut rouvrir les négociations, et vite. »")
    got = _full(resources, text)
    assert got["Les salaires ne suivent plus les prix"] == "Ali Soumana"
    assert got["Il faut rouvrir les négociations, et vite."] == "Ali Soumana"


def test_quotes_dialogue_trailing_incise_with_a_day_before_the_institution(resources):
    text = ("NIAMEY, 3 mars (AFP) - Trois écoles ont été fermées dans la région de Tahoua, a "
            "annoncé mercredi le ministère de l'Éducation.")
    got = _full(resources, text)
    assert got["Trois écoles ont été fermées dans la région de Tahoua"] == "ministère de l'Éducation"


def test_quotes_dialogue_role_with_a_name_in_apposition_is_that_person(resources):
    text = ("La romancière Aïssata Bâ a reçu le prix. Le président du jury, l'historien sénégalais "
            "Cheikh Ndiaye, a salué un texte dense. Selon lui, le jury a voté à l'unanimité dès le "
            "premier tour.")
    got = _full(resources, text)
    assert got["le jury a voté à l'unanimité dès le premier tour"] == "Cheikh Ndiaye"


def test_quotes_dialogue_cette_derniere_is_the_last_woman_named(resources):
    text = ("Le jury a distingué Moussa Diakité, devant la poétesse Rokia Sidibé. Présente dans la "
            "salle, cette dernière a dit sa « fierté sans regret » : « Perdre contre un tel livre "
            "n'a rien de honteux. »")
    got = _full(resources, text)
    assert got["Perdre contre un tel livre n'a rien de honteux."] == "Rokia Sidibé"


def test_quotes_dialogue_a_title_word_before_a_verb_names_nothing(resources):
    # "son livre serait « ... »" reports what she said; "le livre « ... »" would be a title
    text = ("Interrogée à la sortie, Rokia Sidibé a répondu que son prochain livre serait « sans "
            "doute écrit en bambara d'abord ».")
    got = _full(resources, text)
    assert got["sans doute écrit en bambara d'abord"] == "Rokia Sidibé"


def test_quotes_dialogue_pronoun_takes_up_the_source_of_pour_x(resources):
    text = ("Le ministre Paul Kaboré a présenté le fonds. Pour Koffi Yao, investisseur et membre "
            "du réseau Lagune Capital, le problème est ailleurs. « On finance des idées, pas des "
            "entreprises », tranche-t-il.")
    got = _full(resources, text)
    assert got["On finance des idées, pas des entreprises"] == "Koffi Yao"


def test_quotes_dialogue_role_complement_with_an_honorific_is_not_the_subject(resources):
    text = ("Ibrahima Sarr a été inculpé lundi. Joint par téléphone, l'avocat de M. Sarr, Me Aliou "
            "Faye, a dénoncé une procédure bâclée. « Mon client n'a rien signé seul », a-t-il "
            "affirmé.")
    got = _full(resources, text)
    assert got["Mon client n'a rien signé seul"] == "Aliou Faye"


def test_quotes_dialogue_fragment_attributed_at_the_end_of_its_sentence(resources):
    text = ("Le comptable est soupçonné d'avoir ouvert « plus de trente comptes fictifs » entre "
            "2020 et 2023, selon le procureur Cheikh Mbengue. Les lots saisis seront détruits "
            "« dans les tout prochains jours » sous contrôle d'huissier, a précisé M. Mbengue.")
    got = _full(resources, text)
    assert got["plus de trente comptes fictifs"] == "Cheikh Mbengue"
    assert got["dans les tout prochains jours"] == "Cheikh Mbengue"
    # the clause around the fragment is not a second, indirect statement
    assert not any(v.startswith("Le comptable est soupçonné") for v in got)


def test_quotes_dialogue_learned_from_sources_names_the_sources(resources):
    text = ("LOMÉ, 21 janvier (AFP) - Deux bergers ont été blessés dimanche près de Mango, a-t-on "
            "appris lundi de sources concordantes.")
    got = _full(resources, text)
    assert got["Deux bergers ont été blessés dimanche près de Mango"] == "sources concordantes"


def test_quotes_dialogue_festival_name_is_not_a_statement(resources):
    text = ("Les organisateurs du festival « Nuits du fleuve Niger », prévu en mars à Ségou, ont "
            "annoncé mercredi son report à l'automne.")
    got = _full(resources, text)
    assert "Nuits du fleuve Niger" not in got


def test_quotes_dialogue_cote_x_is_a_fronted_complement_not_the_speaker(resources):
    text = ("Côté malien, à Kayes, un agent des douanes qui a requis l'anonymat a reconnu que le "
            "camion était passé « sans le moindre contrôle », faute de scanner.")
    got = _full(resources, text)
    assert got["sans le moindre contrôle"] not in ("Mali", "malien", None)
    assert got["sans le moindre contrôle"].startswith("agent")


def test_quotes_dialogue_pronoun_takes_up_an_unnamed_source_of_its_gender(resources):
    text = ("Le préfet Mamadou Bah a visité le site. Une source au sein de la Croix-Rouge, qui a "
            "requis l'anonymat, a indiqué que le bilan pourrait s'alourdir. « Plusieurs familles "
            "cherchent encore des proches disparus », a-t-elle ajouté.")
    got = _full(resources, text)
    assert got["Plusieurs familles cherchent encore des proches disparus"].startswith("source")


def test_quotes_dialogue_participle_after_a_quote_is_not_an_incise(resources):
    text = ("Le préfet Mamadou Bah a appelé les habitants à « quitter immédiatement les zones "
            "inondées », promettant l'ouverture de « trois sites d'accueil provisoires » d'ici "
            "vendredi.")
    got = _full(resources, text)
    assert got["quitter immédiatement les zones inondées"] == "Mamadou Bah"


def test_quotes_dialogue_institution_taken_up_past_its_spokesman(resources):
    # the spokesman speaks for the Garde nationale; "elle" is the institution, not him
    text = ("La Garde nationale « regrette profondément cet incident », a ajouté son porte-parole, "
            "le capitaine Moussa Garba. Dans la soirée, elle a indiqué que cinq évadés avaient été "
            "repris près de la ville.")
    got = _full(resources, text)
    assert got["cinq évadés avaient été repris près de la ville"] == "Garde nationale"


def test_quotes_dialogue_maitre_is_a_lawyer_and_the_last_one_speaks(resources):
    text = ("Me Awa Diop, avocate des parties civiles, a réclamé des dommages. Me Khady Ba, qui "
            "défend le second prévenu, a demandé la relaxe. Selon l'avocate, « rien dans le "
            "dossier ne prouve que mon client savait ».")
    got = _full(resources, text)
    assert got["rien dans le dossier ne prouve que mon client savait"] == "Khady Ba"


def test_quotes_dialogue_reported_clause_stops_at_mais_and_a_new_verb(resources):
    text = "À la barre, Ousmane Fall a reconnu qu'il avait envoyé une partie des messages, mais a nié être le chef du réseau."
    got = _full(resources, text)
    assert got["il avait envoyé une partie des messages"] == "Ousmane Fall"


def test_quotes_dialogue_relative_qui_speaks_for_its_named_antecedent(resources):
    text = ("La commission a publié la liste provisoire, aussitôt rejetée par la Coalition pour des "
            "élections libres (CEL), qui dénonce « une radiation massive et ciblée d'électeurs ».")
    got = _full(resources, text)
    assert got["une radiation massive et ciblée d'électeurs"] == "Coalition pour des élections libres"


def test_quotes_dialogue_dateline_with_a_country_in_brackets_is_not_reported(resources):
    text = ("SIGUIRI (Guinée), 9 novembre (AFP) - Au moins quatorze orpailleurs ont été tués dans "
            "l'effondrement d'une galerie, a annoncé dimanche la Garde nationale guinéenne.")
    got = _full(resources, text)
    clause = next(v for v in got if "quatorze orpailleurs" in v)
    assert clause.startswith("Au moins quatorze")
    assert got[clause] == "Garde nationale guinéenne"


def test_quotes_dialogue_fragment_before_a_pronoun_incise_ending_the_sentence(resources):
    text = ("Un responsable d'une ONG partenaire, qui a requis l'anonymat, a indiqué que des doses "
            "étaient attendues. La chaîne du froid reste « le point faible » dans les villages, "
            "a-t-il reconnu.")
    got = _full(resources, text)
    assert got["le point faible"].startswith("responsable")


def test_quotes_dialogue_le_premier_le_second_follow_the_order_of_names(resources):
    text = ("« Le conseil des notables a été acheté », rétorque Komlan Adzoka. « C'est une insulte "
            "aux anciens », répond Yawo Amévor. « Qu'ils montrent les procès-verbaux ! », lance le "
            "premier. « Ils existent, ils sont chez le préfet », assure le second.")
    got = _full(resources, text)
    assert got["Qu'ils montrent les procès-verbaux !"] == "Komlan Adzoka"
    assert got["Ils existent, ils sont chez le préfet"] == "Yawo Amévor"


def test_quotes_dialogue_capitalised_common_noun_with_de_is_no_person(resources):
    # a headline "Barrage de Kouyé : ..." names a dam; the village elder speaks
    text = ("Barrage de Kouyé : dans les villages noyés, l'attente\n\n"
            "« Nos pères sont enterrés là-dessous », murmure le doyen du village.")
    got = _full(resources, text)
    assert got["Nos pères sont enterrés là-dessous"] == "doyen du village"


def test_quotes_dialogue_quote_ending_with_a_full_stop_ends_its_sentence(resources):
    # « ... . » Selon lui, ...: "selon lui" opens the next sentence, it is no incise
    text = ("Gérant de la station Baraka de Lafiabougou, Moussa Diarra ne cache pas son "
            "impuissance : « Nous recevons un camion tous les trois jours. » Selon lui, les convois "
            "restent bloqués plusieurs jours aux frontières.")
    got = _full(resources, text)
    assert got["Nous recevons un camion tous les trois jours."] == "Moussa Diarra"
    assert got["les convois restent bloqués plusieurs jours aux frontières"] == "Moussa Diarra"


def test_quotes_dialogue_institution_after_a_fronted_communique_speaks(resources):
    text = ("Dans un communiqué publié lundi soir, l'Office national des produits pétroliers attribue "
            "les retards à « des tensions sur le marché international et des lenteurs logistiques ».")
    got = _full(resources, text)
    assert got["des tensions sur le marché international et des lenteurs logistiques"] == \
        "Office national des produits pétroliers"


def test_quotes_dialogue_any_verb_then_a_role_and_a_name_is_an_incise(resources):
    text = ("La meneuse Awa Sarr a marqué 21 points. « On était menées de neuf points à la pause et "
            "personne n'a baissé la tête », a savouré son entraîneur, Mamadou Lamine Faye.")
    got = _full(resources, text)
    assert got["On était menées de neuf points à la pause et personne n'a baissé la tête"] == "Mamadou Lamine Faye"


def test_quotes_dialogue_selon_lequel_gives_the_document(resources):
    text = ("En fin d'émission, l'animateur a lu un communiqué du ministère, reçu pendant le direct, "
            "selon lequel « les contrats irréguliers seront résiliés sans délai ».")
    got = _full(resources, text)
    assert got["les contrats irréguliers seront résiliés sans délai"] == "communiqué"
    assert not any(v.startswith("En fin d") for v in got)


def test_quotes_dialogue_participle_apposition_after_an_unnamed_subject(resources):
    text = ("Un auditeur de Moundou, intervenu par téléphone, a estimé que « tout le monde savait, "
            "mais personne ne parlait ».")
    got = _full(resources, text)
    assert got["tout le monde savait, mais personne ne parlait"] == "auditeur de Moundou"


def test_quotes_dialogue_person_cited_in_a_document_speaks_himself(resources):
    text = ("Côté burkinabè, le commissaire principal Issouf Ouédraogo, cité dans le communiqué, "
            "indique que les enfants interceptés ont été confiés à l'Action sociale.")
    got = _full(resources, text)
    assert got["les enfants interceptés ont été confiés à l'Action sociale"] == "Issouf Ouédraogo"


def test_quotes_dialogue_media_between_verb_and_speaker_is_skipped(resources):
    text = ("Les trois humanitaires regagnaient Ouallam lorsque leur véhicule a été intercepté par "
            "« une dizaine d'individus armés à moto », a indiqué à l'AFP une source sécuritaire.")
    got = _full(resources, text)
    assert got["une dizaine d'individus armés à moto"] == "source sécuritaire"


def test_quotes_dialogue_acronym_in_brackets_leaves_the_full_name(resources):
    text = ("Le Bureau de coordination des affaires humanitaires des Nations unies (Ocha) a indiqué "
            "que le pays comptait plus de 500.000 déplacés internes.")
    got = _full(resources, text)
    assert got["le pays comptait plus de 500.000 déplacés internes"] == \
        "Bureau de coordination des affaires humanitaires des Nations unies"


def test_quotes_dialogue_participle_of_a_noun_is_no_speech_verb(resources):
    # "les volumes promis « ... »": "promis" modifies the noun; "reconnaît" is the verb
    text = ("Une source au ministère, qui a requis l'anonymat, reconnaît que les volumes promis "
            "« seront difficiles à tenir si la saison des pluies est mauvaise ».")
    got = _full(resources, text)
    assert got["seront difficiles à tenir si la saison des pluies est mauvaise"] == "source au ministère"


def test_quotes_dialogue_first_names_give_the_gender_for_a_role(resources):
    # Thierno is a man's name, Fatoumata a woman's: "l'ancienne députée" is Fatoumata
    text = ("Le coordinateur Thierno Amadou Diallo a promis une victoire nette. La porte-parole de "
            "l'opposition, Fatoumata Binta Diallo, dénonce une campagne déséquilibrée. « Ce n'est "
            "pas un référendum, c'est un plébiscite », affirme l'ancienne députée.")
    got = _full(resources, text)
    assert got["Ce n'est pas un référendum, c'est un plébiscite"] == "Fatoumata Binta Diallo"


def test_quotes_dialogue_demonstrative_after_an_unnamed_source_is_that_source(resources):
    text = ("Le ministre Abakar Djibrine a présenté ses condoléances. Une source militaire, qui a "
            "requis l'anonymat, affirme que plusieurs véhicules n'avaient pas été révisés. « On a "
            "sorti des camions du garage la veille pour faire nombre », confie cet officier.")
    got = _full(resources, text)
    assert got["On a sorti des camions du garage la veille pour faire nombre"] == "source militaire"


def test_quotes_dialogue_elu_takes_up_the_deputy(resources):
    text = ("Le député Mamadou Sinayoko a appelé à la prudence. « Si on supprime la subvention, ce "
            "sont les petits producteurs qui paieront », a insisté l'élu.")
    got = _full(resources, text)
    assert got["Si on supprime la subvention, ce sont les petits producteurs qui paieront"] == "Mamadou Sinayoko"


def test_quotes_dialogue_agency_citing_a_communique_gives_the_communique(resources):
    text = ("Selon l'Agence togolaise de presse (ATOP), qui cite un communiqué du ministère de la "
            "Sécurité et de la Protection civile, la bousculade s'est produite vers 14 heures.")
    got = _full(resources, text)
    assert got["la bousculade s'est produite vers 14 heures"] == "communiqué"


def test_quotes_dialogue_rank_before_the_name_of_an_inverted_subject(resources):
    text = ("Le feu s'est déclaré vers 2 heures du matin dans le secteur des tissus, a indiqué à l'AFP "
            "le lieutenant Pape Moussa Faye, de la Brigade des sapeurs-pompiers.")
    got = _full(resources, text)
    assert got["Le feu s'est déclaré vers 2 heures du matin dans le secteur des tissus"] == "Pape Moussa Faye"
