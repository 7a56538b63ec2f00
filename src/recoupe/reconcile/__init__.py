"""recoupe.reconcile"""
