from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "cleanclaim.web"
    label = "web"
    verbose_name = "Web"
