from django.apps import AppConfig


class PatientsConfig(AppConfig):
    name = "cleanclaim.patients"
    label = "patients"
    verbose_name = "Patients"
