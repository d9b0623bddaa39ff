from django.apps import AppConfig


class ScrubbingConfig(AppConfig):
    name = "cleanclaim.scrubbing"
    label = "scrubbing"
    verbose_name = "Scrubbing"
