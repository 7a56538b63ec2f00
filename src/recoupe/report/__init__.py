"""recoupe.report"""
