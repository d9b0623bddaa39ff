from django.apps import AppConfig


class CodingConfig(AppConfig):
    name = "cleanclaim.coding"
    label = "coding"
    verbose_name = "Coding"
