from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "cleanclaim.claims"
    label = "claims"
    verbose_name = "Claims"
