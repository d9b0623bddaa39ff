"""Small platform tasks; capability apps keep their own ``tasks.py``."""

from __future__ import annotations

from celery import shared_task

from cleanclaim.npi import NPIError, validate_npi


@shared_task(name="cleanclaim.web.check_npi")
def check_npi(value: str) -> dict[str, object]:
    """Validate an NPI in the background (used by the broker round-trip test)."""
    try:
        return {"npi": validate_npi(value), "valid": True, "error": ""}
    except NPIError as exc:
        return {"npi": value, "valid": False, "error": str(exc)}
