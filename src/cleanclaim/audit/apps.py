from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "cleanclaim.audit"
    label = "audit"
    verbose_name = "Audit trail"
