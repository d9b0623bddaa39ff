from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "cleanclaim.eligibility"
    label = "eligibility"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Eligibility"
