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


@shared_task(name="cleanclaim.web.run_scheduled")
def run_scheduled(name: str) -> dict[str, object]:
    """Celery beat's entry for every scheduled job (:mod:`cleanclaim.web.schedule`):
    the job under its lock, its run recorded (:func:`cleanclaim.web.scheduler.run_job`)."""
    from django.conf import settings

    from cleanclaim.web import schedule, scheduler

    run = scheduler.run_job(schedule.job(settings.CONFIG, name))
    if run is None:
        return {"job": name, "outcome": "skipped: another runner has it"}
    return {"job": name, "outcome": run.outcome, "detail": run.detail}
