"""Tenancy: organisations, practices (billing providers), rendering providers,
service locations, users and their role per practice."""
