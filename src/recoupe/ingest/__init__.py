"""recoupe.ingest"""
