from django.apps import AppConfig


class PayersConfig(AppConfig):
    name = "cleanclaim.payers"
    label = "payers"
    verbose_name = "Payers"
