from django.apps import AppConfig


class ClearinghousesConfig(AppConfig):
    name = "cleanclaim.clearinghouses"
    label = "clearinghouses"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Clearinghouses"
