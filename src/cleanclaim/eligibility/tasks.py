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
