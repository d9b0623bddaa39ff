from django.apps import AppConfig


class FeesConfig(AppConfig):
    name = "cleanclaim.fees"
    label = "fees"
    verbose_name = "Fee schedules"
