from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "cleanclaim.practices"
    label = "practices"
    verbose_name = "Practices"
