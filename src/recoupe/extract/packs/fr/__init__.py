"""The French pack. Lexicons live in data files beside this module and in the extractor
modules' ``fr`` tables; this object is what the stage passes around."""

from recoupe.extract.packs import LanguagePack

PACK = LanguagePack(code="fr", spacy_model="fr_core_news_md")
