from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cleanclaim.api"
    label = "api"
    verbose_name = "API"
