from django.apps import AppConfig


class PayerCallsConfig(AppConfig):
    name = "cleanclaim.payercalls"
    label = "payercalls"
    verbose_name = "Payer contacts and calls"
