"""Celery tasks: the night-before batch. Without a broker the settings make tasks
eager (``.delay()`` runs in the calling process), as :mod:`cleanclaim.web.celery`
says."""

from __future__ import annotations

from celery import shared_task
from django.contrib.auth import get_user_model

from cleanclaim.audit.actor import Actor


@shared_task(name="cleanclaim.eligibility.run_batch")
def run_batch(batch_id: int, user_id: int | None = None) -> dict[str, int]:
    """Check every visit of the batch's day."""
    from cleanclaim.eligibility import batch as batches
    from cleanclaim.eligibility.models import EligibilityBatch

    row = EligibilityBatch.objects.select_related("practice").get(pk=batch_id)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    actor = Actor.system(user, via="task") if user is not None else Actor.process()
    p = batches.run_batch(actor, row)
    return {"total": p.total, "done": p.done, "failed": p.failed}


@shared_task(name="cleanclaim.eligibility.night_before")
def night_before() -> dict[str, int]:
    """The scheduled night-before batch (``CLEANCLAIM_ELIGIBILITY_AT``): for every
    practice with visits tomorrow (there is no per-practice switch: a practice with
    nobody booked has nothing to check), a batch for tomorrow, run at once. A practice
    that already has a batch for tomorrow (a person started one, or an earlier run
    today) is left alone."""
    import datetime as dt

    from django.utils import timezone

    from cleanclaim.eligibility import batch as batches
    from cleanclaim.eligibility.models import EligibilityBatch
    from cleanclaim.eligibility.selection import visits_on
    from cleanclaim.practices.models import Practice

    day = timezone.localdate() + dt.timedelta(days=1)
    actor = Actor(user=None, via="task", label="system: night-before eligibility")
    out = {"practices": 0, "checked": 0, "failed": 0, "already": 0}
    for practice in Practice.objects.order_by("pk"):
        if EligibilityBatch.objects.filter(practice=practice, day=day).exists():
            out["already"] += 1
            continue
        if not visits_on(practice, day):
            continue
        row = batches.start_batch(actor, practice, day)
        p = batches.run_batch(actor, row)
        out["practices"] += 1
        out["checked"] += p.done
        out["failed"] += p.failed
    return out
