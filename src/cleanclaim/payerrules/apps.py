from django.apps import AppConfig


class PayerRulesConfig(AppConfig):
    name = "cleanclaim.payerrules"
    label = "payerrules"
    verbose_name = "Payer rules"
