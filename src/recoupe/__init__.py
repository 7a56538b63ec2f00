"""recoupe: cross-check the news. Ingest articles, extract facts with evidence, group
them into events and reconcile every fact across independent sources."""

__version__ = "0.1.0"
