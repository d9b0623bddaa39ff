"""Patients are not registered in Django's admin: PHI is read and changed only
through the app, where every read and change is scoped and audited."""
