"""French lexicon for quote and speaker extraction (``recoupe.extract.quotes``).

Plain immutable data: speech verbs (infinitives, expanded to their inflected forms by
:func:`recoupe.extract.quotes_lexicon_forms`), honorifics, role heads, document nouns,
demonyms and the cue words of scare quotes. General for news French, not for one corpus.
"""

from __future__ import annotations

from types import MappingProxyType

# Verbs that introduce reported speech (direct or indirect). Reflexive ones are listed
# without "se": "se réjouir", "se féliciter", "s'interroger" match on the verb alone.
SPEECH_VERBS: frozenset[str] = frozenset({
    "déclarer", "affirmer", "souligner", "indiquer", "ajouter", "préciser", "estimer",
    "réjouir", "fustiger", "assurer", "rappeler", "expliquer", "confier", "dire", "lancer",
    "marteler", "saluer", "reconnaître", "insister", "promettre", "annoncer", "dénoncer",
    "déplorer", "regretter", "plaider", "avertir", "prévenir", "répondre", "conclure", "noter",
    "observer", "constater", "relever", "juger", "considérer", "analyser", "résumer",
    "renchérir", "ironiser", "confirmer", "démentir", "raconter", "témoigner", "poursuivre",
    "réitérer", "rapporter", "révéler", "signaler", "stipuler", "renseigner", "mentionner",
    "admettre", "féliciter", "interroger", "demander", "exiger", "réclamer", "exclamer",
    "commenter", "répéter", "asséner", "trancher", "nuancer", "relativiser", "soutenir",
    "maintenir", "certifier", "garantir", "jurer", "exhorter", "indigner", "désoler",
    "protester", "inquiéter", "alerter", "écrire", "informer", "lâcher", "glisser",
    "souffler", "enchaîner", "reprendre", "répliquer", "rétorquer", "objecter", "concéder",
    "insinuer", "menacer", "accuser", "clamer", "proclamer", "scander", "tonner",
    "s'exprimer", "exprimer", "espérer", "souhaiter", "prôner", "réaffirmer", "appeler",
    "rassurer", "détailler", "évoquer", "soupirer",
    "réagir", "écrier", "avouer", "nier", "contester", "justifier", "suggérer", "recommander",
    "conseiller", "proposer", "remercier", "encourager", "interpeller", "insurger", "étonner",
    "fulminer", "tempêter", "murmurer", "crier", "emporter", "plaisanter", "argumenter",
    "compléter", "corriger", "confesser", "alarmer", "offusquer", "agacer", "tempérer",
    "temporiser", "tacler", "railler", "implorer", "supplier", "défendre", "prédire",
    "disposer",  # "son article 12 dispose que"
})

# Speech verbs that cannot introduce a *direct* quote on their own because their object is a
# name, not words ("ce qu'ils appellent la « saison sèche »"): used only with "à" / "que".
WEAK_DIRECT_VERBS: frozenset[str] = frozenset({"appeler", "évoquer", "exprimer", "souhaiter"})

# Irregular forms that the regular-conjugation generator cannot produce: form -> infinitive.
IRREGULAR_FORMS: dict[str, str] = {
    **{f: "dire" for f in ("dit", "dis", "disent", "dira", "dirait", "disait", "disaient",
                           "diront", "disant", "dite", "dits", "dites", "diraient")},
    **{f: "reconnaître" for f in ("reconnaît", "reconnait", "reconnaissent", "reconnu",
                                  "reconnue", "reconnaissait", "reconnaîtra", "reconnaissant",
                                  "reconnurent", "reconnut", "reconnaîtrait")},
    **{f: "promettre" for f in ("promet", "promettent", "promis", "promise", "promettait",
                                "promettra", "promettant", "promit")},
    **{f: "admettre" for f in ("admet", "admettent", "admis", "admise", "admettait",
                               "admettant", "admit")},
    **{f: "soutenir" for f in ("soutient", "soutiennent", "soutenu", "soutenait",
                               "soutiendra", "soutenant", "soutint")},
    **{f: "maintenir" for f in ("maintient", "maintiennent", "maintenu", "maintenait")},
    **{f: "prévenir" for f in ("prévient", "préviennent", "prévenu", "prévenait",
                               "préviendra", "prévenant", "prévint")},
    **{f: "écrire" for f in ("écrit", "écrivent", "écrivait", "écrira", "écrivant")},
    **{f: "répondre" for f in ("répond", "répondent", "répondu", "répondait", "répondra",
                               "répondant", "répondit")},
    **{f: "conclure" for f in ("conclut", "concluent", "conclu", "concluait", "conclura",
                               "concluant")},
    **{f: "poursuivre" for f in ("poursuit", "poursuivent", "poursuivi", "poursuivait",
                                 "poursuivant", "poursuivra")},
    **{f: "défendre" for f in ("défend", "défendent", "défendu", "défendue", "défendait",
                               "défendaient", "défendant", "défendra", "défendit")},
    **{f: "prédire" for f in ("prédit", "prédisent", "prédisait", "prédira", "prédisant")},
    **{f: "reprendre" for f in ("reprend", "reprennent", "repris", "reprenait", "reprenant",
                                "reprit")},
    **{f: "avertir" for f in ("avertit", "avertissent", "averti", "avertissait", "avertissant",
                              "avertira")},
    **{f: "réjouir" for f in ("réjouit", "réjouissent", "réjoui", "réjouie", "réjouis",
                              "réjouissait", "réjouissant")},
    **{f: "renchérir" for f in ("renchérit", "renchérissent", "renchéri", "renchérissait",
                                "renchérissant")},
    **{f: "garantir" for f in ("garantit", "garantissent", "garanti", "garantissait")},
    **{f: "certifier" for f in ("certifie", "certifient", "certifié")},
}

# Forms that look like speech verbs but are far more often something else in news text.
FORM_BLOCKLIST: frozenset[str] = frozenset({
    "maintenant",  # adverb
    "relevé", "relevés",  # "un relevé"
})

# Honorifics before a name; they mark a person and, for some, a gender.
HONORIFICS_M: frozenset[str] = frozenset({"M.", "Monsieur", "SEM", "S.E.M.", "S.E.M", "SE", "S.E.", "Mr"})
HONORIFICS_F: frozenset[str] = frozenset({"Mme", "Mme.", "Madame", "Mlle", "Mademoiselle"})
HONORIFICS_N: frozenset[str] = frozenset({"Dr", "Dr.", "Pr", "Pr.", "Me", "Maître"})

# Usual first names of the region whose gender is not in doubt; they give a person's gender
# when nothing in the text does (honorific, role word, agreed participle come first).
FIRST_NAMES_F: frozenset[str] = frozenset({
    "Aïcha", "Aïssata", "Aïssatou", "Aminata", "Assétou", "Awa", "Adjoa", "Afi", "Akossiwa",
    "Alimatou", "Astou", "Bintou", "Coumba", "Djénéba", "Fanta", "Fatou", "Fatoumata", "Fatimata",
    "Hadiza", "Hawa", "Kadiatou", "Khady", "Korotoumou", "Mariam", "Mariama", "Maïmouna",
    "Marième", "Nafissatou", "Ndèye", "Oumou", "Rokia", "Rokiatou", "Ramatou", "Rasmata", "Safiatou",
    "Salimata", "Sali", "Sanata", "Sira", "Sokhna", "Zeinabou", "Zénabou", "Zalissa", "Yaye",
    "Adama-Fatou", "Christelle", "Delphine", "Henriette", "Marie", "Marcelline", "Mireille",
    "Clarisse", "Pélagie", "Prisca", "Sandrine", "Hortense", "Odile", "Nathalie", "Brigitte",
})
FIRST_NAMES_M: frozenset[str] = frozenset({
    "Abdoulaye", "Abdou", "Aboubacar", "Adama", "Alassane", "Alpha", "Amadou", "Amidou", "Assane",
    "Babacar", "Bakary", "Boubacar", "Cheikh", "Daouda", "Djibril", "Hamidou", "Harouna", "Ibrahim",
    "Ibrahima", "Idrissa", "Issa", "Issaka", "Issouf", "Kalilou", "Karim", "Komlan", "Kossi", "Koffi",
    "Lamine", "Lassana", "Mahamadou", "Mahamat", "Mamadou", "Mamadi", "Modibo", "Moussa", "Moustapha",
    "Oumar", "Ousmane", "Pape", "Salif", "Sékou", "Seydou", "Siaka", "Souleymane", "Thierno",
    "Tidiane", "Yacouba", "Yaya", "Yawo", "Kodjo", "Kwame", "Youssouf", "Zakaria", "Boukary",
    "Jean", "Jean-Claude", "Jean-Marc", "Jean-Marie", "Paul", "Pierre", "Serge", "Firmin",
    "Gildas", "Rodrigue", "Arnaud", "Joseph", "Emmanuel",
})

# Heads of role phrases ("le ministre", "la porte-parole", "le chef de la diplomatie ...").
# Lower-case, without the determiner; multiword heads match as phrases.
ROLE_HEADS: tuple[str, ...] = (
    "chef de la diplomatie", "chef de l'état", "chef de l’état", "chef du gouvernement",
    "chef de la délégation", "chef de file", "chef d'état-major", "chef d’état-major",
    "premier ministre", "secrétaire général", "secrétaire générale", "secrétaire d'état",
    "secrétaire d’état", "porte-parole", "vice-ministre", "vice-président", "vice-présidente",
    "ministre", "président", "présidente", "directeur", "directrice", "responsable",
    "ambassadeur", "ambassadrice", "diplomate", "représentant", "représentante",
    "coordonnateur", "coordonnatrice", "coordinateur", "coordinatrice", "délégué",
    "déléguée", "général", "colonel", "capitaine", "commandant", "lieutenant", "maire",
    "gouverneur", "préfet", "député", "députée", "sénateur", "expert", "experte",
    "analyste", "chercheur", "chercheuse", "professeur", "docteur", "patron", "patronne",
    "commissaire", "émissaire", "envoyé spécial", "envoyée spéciale", "leader", "dirigeant",
    "dirigeante", "homologue", "haut représentant", "conseiller", "conseillère", "procureur",
    "avocat", "avocate", "juge", "imam", "archevêque", "roi", "reine", "émir", "prince",
    "sultan", "officier", "porte-drapeau", "éditeur", "éditrice", "technicien", "technicienne",
    "entraîneur", "entraîneuse", "sélectionneur", "sélectionneuse", "romancier", "romancière",
    "écrivain", "écrivaine", "rapporteur", "rapporteuse", "conseiller national",
    "conseillère nationale", "chef",
    # justice, schools, health, local government, civil society, business
    "magistrat", "magistrate", "procureure", "greffier", "greffière", "recteur", "rectrice",
    "doyen", "doyenne", "proviseur", "médecin", "infirmier", "infirmière", "pharmacien",
    "pharmacienne", "préfète", "gouverneure", "élu", "élue", "édile", "économiste", "juriste",
    "sociologue", "historien", "historienne", "politologue", "syndicaliste", "militant",
    "militante", "fondateur", "fondatrice", "gérant", "gérante", "ingénieur", "ingénieure",
    "policier", "policière", "directeur général", "directrice générale", "pdg",
    "cheffe", "pédiatre", "chirurgien", "chirurgienne", "sage-femme", "enseignant", "enseignante",
    "instituteur", "institutrice", "chanteur", "chanteuse", "musicien", "musicienne", "artiste",
    "cinéaste", "réalisateur", "réalisatrice", "comédien", "comédienne", "poète", "producteur",
    "productrice", "joueur", "joueuse", "athlète", "coureur", "coureuse", "commerçant",
    "commerçante", "agriculteur", "agricultrice", "éleveur", "éleveuse", "pêcheur", "étudiant",
    "étudiante", "journaliste", "entrepreneur", "entrepreneure",
    "père", "mère", "frère", "sœur", "fils", "épouse", "mari", "oncle", "tante", "grand-père",
    "grand-mère",
    # associations, trades, services, science
    "trésorier", "trésorière", "vendeur", "vendeuse", "douanier", "douanière", "inspecteur",
    "inspectrice", "animateur", "animatrice", "présentateur", "présentatrice", "consultant",
    "consultante", "opposant", "opposante", "vétérinaire", "agronome", "épidémiologiste",
    "entomologiste", "biologiste", "comptable", "auditeur", "auditrice", "architecte",
    "transporteur", "transporteuse", "chauffeur", "pasteur", "activiste", "agent", "agente",
    "rappeur", "rappeuse", "humoriste", "slameur", "slameuse", "danseur", "danseuse", "styliste",
    "footballeur", "footballeuse", "lutteur", "lutteuse", "blogueur", "blogueuse", "influenceur",
    "influenceuse", "photographe", "cultivateur", "cultivatrice", "orpailleur", "orpailleuse",
)

# Honorific-like titles that sit right before a name ("le général Hamidou Sawadogo").
TITLE_WORDS: frozenset[str] = frozenset({
    "général", "colonel", "capitaine", "commandant", "lieutenant", "docteur", "professeur",
    "ministre", "président", "présidente", "maître", "imam", "abbé", "père", "sœur", "cheikh",
    "el-hadj", "elhadj", "el", "hadj",
})

FEMININE_ROLE_HEADS: frozenset[str] = frozenset({
    "présidente", "directrice", "ambassadrice", "représentante", "coordonnatrice",
    "coordinatrice", "déléguée", "députée", "experte", "chercheuse", "patronne", "avocate",
    "dirigeante", "conseillère", "reine", "secrétaire générale", "vice-présidente",
    "envoyée spéciale", "éditrice", "technicienne", "entraîneuse", "sélectionneuse",
    "romancière", "écrivaine", "rapporteuse", "conseillère nationale", "magistrate",
    "procureure", "greffière", "rectrice", "doyenne", "infirmière", "pharmacienne", "préfète",
    "gouverneure", "élue", "historienne", "militante", "fondatrice", "gérante", "ingénieure",
    "policière", "directrice générale", "cheffe", "chirurgienne", "sage-femme", "enseignante",
    "institutrice", "chanteuse", "musicienne", "réalisatrice", "comédienne", "productrice",
    "joueuse", "coureuse", "commerçante", "agricultrice", "éleveuse", "étudiante", "entrepreneure",
    "mère", "sœur", "épouse", "tante", "grand-mère",
    "trésorière", "vendeuse", "douanière", "inspectrice", "animatrice", "présentatrice",
    "consultante", "opposante", "auditrice", "transporteuse", "agente", "rappeuse", "slameuse",
    "danseuse", "footballeuse", "lutteuse", "blogueuse", "influenceuse", "cultivatrice", "orpailleuse",
})

# Role heads whose feminine is another word ("le directeur" / "la directrice"): a person
# presented with one of them is a man, whatever the determiner ("son éditeur dakarois").
MASCULINE_ROLE_HEADS: frozenset[str] = frozenset({
    "président", "vice-président", "directeur", "ambassadeur", "représentant", "coordonnateur",
    "coordinateur", "délégué", "député", "sénateur", "expert", "chercheur", "patron",
    "dirigeant", "conseiller", "avocat", "roi", "prince", "émir", "sultan", "envoyé spécial",
    "éditeur", "technicien", "entraîneur", "sélectionneur", "romancier", "écrivain",
    "rapporteur", "conseiller national", "procureur", "gouverneur", "préfet", "magistrat",
    "greffier", "recteur", "doyen", "infirmier", "pharmacien", "élu", "historien", "militant",
    "fondateur", "gérant", "policier", "directeur général", "chirurgien", "enseignant",
    "instituteur", "chanteur", "musicien", "réalisateur", "comédien", "producteur", "joueur",
    "coureur", "commerçant", "agriculteur", "éleveur", "pêcheur", "étudiant", "entrepreneur",
    "père", "frère", "fils", "mari", "oncle", "grand-père",
    "trésorier", "vendeur", "douanier", "inspecteur", "animateur", "présentateur", "consultant",
    "opposant", "auditeur", "transporteur", "rappeur", "slameur", "danseur", "footballeur",
    "lutteur", "blogueur", "influenceur", "cultivateur", "orpailleur",
})

# Role words that name the same function: a later "le technicien" is the person first
# presented as "le sélectionneur X". Each group is a set of interchangeable heads.
ROLE_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"technicien", "entraîneur", "sélectionneur", "coach"}),
    frozenset({"écrivain", "romancier", "auteur", "romancière", "écrivaine", "autrice"}),
    frozenset({"juge", "magistrat", "magistrate"}),
    frozenset({"procureur", "procureure", "magistrat", "magistrate"}),
    frozenset({"recteur", "rectrice", "universitaire"}),
    frozenset({"maire", "édile", "élu", "élue"}),
    frozenset({"médecin", "docteur"}),
    frozenset({"avocat", "avocate", "défenseur"}),
    frozenset({"pdg", "patron", "patronne", "dirigeant", "dirigeante"}),
    frozenset({"policier", "policière", "commissaire"}),
    frozenset({"artiste", "chanteur", "chanteuse", "rappeur", "rappeuse", "musicien", "musicienne",
               "slameur", "slameuse"}),
    frozenset({"député", "députée", "élu", "élue", "parlementaire"}),
)

# Nouns that name a person by what the article tells they did, with the stems of the verbs
# that tell it: "le vainqueur" is the one who "a remporté" / "s'est imposé".
ROLE_BY_DEED: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = (
    (frozenset({"vainqueur", "vainqueure", "champion", "championne", "lauréat", "lauréate",
                "gagnant", "gagnante"}), ("remport", "gagn", "impos", "sacr", "triomph")),
)

# Institutions named by a common noun, with their gender: "La délégation de l'UE a pris acte
# de la décision. Dans un communiqué, elle estime ..." (the pronoun takes up the subject).
INSTITUTION_NOUNS: MappingProxyType[str, str] = MappingProxyType({
    **{n: "f" for n in ("délégation", "fédération", "commission", "ambassade", "mission",
                        "organisation", "agence", "union", "coalition", "association", "direction",
                        "présidence", "primature", "junte", "armée", "police", "gendarmerie",
                        "société", "compagnie", "entreprise", "banque", "mairie", "préfecture",
                        "opposition", "ong", "plateforme", "confédération", "communauté", "garde",
                        "autorité", "caisse", "brigade", "douane", "cour", "chambre", "assemblée",
                        "municipalité", "commune", "régie", "fondation")},
    **{n: "m" for n in ("ministère", "gouvernement", "conseil", "comité", "parti", "syndicat",
                        "mouvement", "collectif", "bureau", "parquet", "tribunal", "groupe",
                        "front", "secrétariat", "cabinet", "état-major", "patronat", "régime",
                        "office", "institut", "centre", "service", "ordre", "observatoire",
                        "haut-commissariat")},
})

# Nouns of documents that "speak": "précise le communiqué conjoint", "selon le rapport".
DOC_HEADS: frozenset[str] = frozenset({
    "communiqué", "déclaration", "document", "texte", "rapport", "résolution", "note",
    "procès-verbal", "mémorandum", "motion", "circulaire", "arrêté", "décret", "lettre ouverte",
    "feuille de route", "compte rendu", "loi", "ordonnance", "charte",
    "constitution", "article", "bulletin", "étude", "plan de riposte", "plan d'action",
    "contrat", "convention", "protocole", "traité", "préavis",
    "plan d’action",
})
# Parts of a document: "son article 12 dispose que" is the document's own word.
DOC_PARTS: frozenset[str] = frozenset({"article", "alinéa", "chapitre", "préambule", "annexe"})
# Qualifiers that name a document ("communiqué conjoint", "déclaration finale").
DOC_QUALIFIERS: frozenset[str] = frozenset({
    "conjoint", "final", "finale", "commun", "commune", "officiel", "officielle", "signé",
    "signée", "publié", "publiée", "annuel", "annuelle", "confidentiel", "confidentielle",
    "conjointe", "présidentiel", "présidentielle", "gouvernemental",
})
# Nouns that only refer back to a document named earlier ("le document", "le texte").
DOC_ANAPHORS: frozenset[str] = frozenset({"document", "texte"})

# Media that *report* a statement: "..., rapporte l'Agence malienne de presse" names the
# source of the report, not the speaker, when the sentence has its own speaker.
MEDIA_WORDS: frozenset[str] = frozenset({
    "agence", "afp", "reuters", "ap", "presse", "journal", "quotidien", "hebdomadaire",
    "radio", "télévision", "site", "média", "médias", "chaîne", "rfi", "ortm", "rts", "anp",
    "amap", "aib", "bbc", "tass", "ria", "novosti", "xinhua",
})

# Demonyms, masculine singular, accent-insensitive matching on a crude stem; a role phrase
# and a person sharing one are likely the same person, naming different ones rules it out.
DEMONYMS: frozenset[str] = frozenset({
    "malien", "nigérien", "burkinabè", "burkinabé", "tchadien", "sénégalais", "guinéen",
    "ivoirien", "mauritanien", "béninois", "togolais", "ghanéen", "nigérian", "camerounais",
    "gabonais", "congolais", "centrafricain", "soudanais", "libyen", "algérien", "marocain",
    "tunisien", "égyptien", "éthiopien", "kényan", "sud-africain", "rwandais", "gambien",
    "libérien", "sierra-léonais", "cap-verdien", "bissau-guinéen", "russe", "français",
    "américain", "chinois", "turc", "ukrainien", "britannique", "allemand", "italien",
    "espagnol", "belge", "suisse", "canadien", "japonais", "indien", "iranien", "israélien",
    "palestinien", "saoudien", "qatari", "émirati", "européen", "africain", "onusien",
    "sahélien", "ouest-africain", "confédéral",
})

# Words before a quote that make it a name or a title, not words someone said.
NAMING_CUES: frozenset[str] = frozenset({
    "thème", "film", "intitulé", "intitulée", "opération", "baptisé", "baptisée", "appelé",
    "appelée", "appellent", "appelle", "surnommé", "surnommée", "dénommé", "dénommée",
    "slogan", "livre", "ouvrage", "roman", "album", "chanson", "émission", "programme",
    "projet", "initiative", "plan", "hashtag", "titre", "titré", "titrée", "mot", "terme",
    "expression", "label", "documentaire", "série", "pièce", "campagne", "journal",
    "magazine", "qualifié", "qualifiée", "qualifiés", "qualifiées", "rebaptisé", "nom",
    "dite", "dites", "dits", "baptisés", "baptisées", "surnommés", "surnommées", "appelés",
    "appelées", "nommé", "nommée", "festival", "concours", "exposition", "spectacle",
    "recueil", "collection", "réseau", "groupe", "mouvement", "collectif", "association",
})
# Of the naming cues, the ones that are also speech verbs when a subject or an auxiliary
# comes right before them ("vous dites « ... »", "l'ont appelé « ... »" stays a name).
NAMING_CUES_AFTER_SUBJECT: frozenset[str] = frozenset({"dites", "dits"})

# Verbs of a subject pronoun that are impersonal, not a person ("il faut", "il y a").
IMPERSONAL_AFTER_IL: tuple[str, ...] = (
    "y ", "faut", "reste", "s'agit", "s’agit", "semble", "paraît", "importe", "convient",
    "suffit", "existe", "s'agira", "s’agira", "est question", "fallait", "faudra", "pleut",
)

# Connectors that end a speaker noun phrase after an incise verb.
NP_STOPWORDS: frozenset[str] = frozenset({
    "lors", "avant", "après", "en", "devant", "à", "au", "aux", "sur", "dans", "pour", "par",
    "sans", "et", "qui", "que", "qu", "lorsque", "alors", "depuis", "pendant", "selon",
    "vendredi", "samedi", "dimanche", "lundi", "mardi", "mercredi", "jeudi", "hier", "mais",
    "car", "ce", "cette", "ainsi", "également", "encore", "avec", "face", "dont", "où",
})


def _regular_forms(infinitive: str) -> set[str]:
    """Inflected forms of a regular -er or -ir verb (third person, participles, gerund), with
    the usual stem changes (préciser/précise, rappeler/rappelle, marteler/martèle,
    lancer/lança, fustiger/fustigea)."""
    verb = infinitive.split()[0].removeprefix("s'").removeprefix("s’")
    forms: set[str] = set()
    if verb.endswith("er"):
        stem = verb[:-2]
        stems = {stem}
        if "é" in stem[-3:]:
            k = stem.rfind("é")
            stems.add(stem[:k] + "è" + stem[k + 1:])
        if stem.endswith(("el", "et")):
            stems.add(stem + stem[-1])
            stems.add(stem[:-2] + "è" + stem[-1])
        for s in stems:
            forms.update({s + "e", s + "es", s + "ent", s + "era", s + "eront", s + "erait",
                          s + "eraient"})
        soft = stem[:-1] + "ç" if stem.endswith("c") else (stem + "e" if stem.endswith("g") else stem)
        forms.update({stem + "é", stem + "ée", stem + "és", stem + "ées", stem + "èrent",
                      soft + "a", soft + "ait", soft + "aient", soft + "ant", stem + "er"})
    elif verb.endswith("ir"):
        stem = verb[:-2]
        forms.update({stem + "it", stem + "is", stem + "issent", stem + "i", stem + "ie",
                      stem + "issait", stem + "ira", stem + "issant", verb})
    else:
        forms.add(verb)
    return forms


def _build_forms() -> dict[str, str]:
    table: dict[str, str] = {}
    for inf in SPEECH_VERBS:
        lemma = inf.removeprefix("s'")
        for f in _regular_forms(lemma):
            table.setdefault(f, lemma)
    table.update(IRREGULAR_FORMS)
    for f in FORM_BLOCKLIST:
        table.pop(f, None)
    return table


# Inflected form (lower case) -> infinitive, computed once from the lists above; read-only.
SPEECH_FORMS: MappingProxyType[str, str] = MappingProxyType(_build_forms())
