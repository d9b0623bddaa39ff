from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "cleanclaim.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from cleanclaim.audit import signals

        signals.connect()
