from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "cleanclaim.statements"
    label = "statements"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Statements"
