from django.apps import AppConfig


class DenialsConfig(AppConfig):
    name = "cleanclaim.denials"
    label = "denials"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Denials"
