from django.apps import AppConfig


class RemitsConfig(AppConfig):
    name = "cleanclaim.remits"
    label = "remits"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Remittances"
