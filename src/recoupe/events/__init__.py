"""recoupe.events"""
