"""recoupe.store"""
