from django.apps import AppConfig


class AuthorizationsConfig(AppConfig):
    name = "cleanclaim.authorizations"
    label = "authorizations"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Prior authorizations"
