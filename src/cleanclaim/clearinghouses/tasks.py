"""Celery tasks of the clearinghouse app (run in-process, eagerly, without a broker:
:mod:`cleanclaim.web.celery`)."""

from __future__ import annotations

import logging
import time
from typing import Any

from celery import shared_task
from django.contrib.auth import get_user_model

from cleanclaim.audit.actor import Actor

log = logging.getLogger(__name__)


def _actor(user_id: int | None, via: str) -> Actor:
    if user_id is None:
        return Actor(user=None, via=via, label=f"system: {via}")
    return Actor.system(get_user_model().objects.get(pk=user_id), via=via)


@shared_task(name="cleanclaim.clearinghouses.send_batch")
def send_batch(batch_id: int, user_id: int | None = None) -> dict[str, Any]:
    """Send one batch (again, after a failure: the same bytes, sent once)."""
    from cleanclaim.clearinghouses import actions
    from cleanclaim.clearinghouses.models import Batch

    batch = Batch.objects.get(pk=batch_id)

    def progress(done: int, total: int) -> None:
        Batch.objects.filter(pk=batch_id).update(progress_done=done, progress_total=total)

    actor = _actor(user_id, "task")
    sent = actions.send_batch(actor, batch, progress=progress)
    if sent.status == Batch.Status.SENT:
        collect_answers(actor, sent.pk)
    return {"batch": sent.pk, "status": sent.status}


def collect_answers(actor: Actor, batch_id: int) -> int:
    """Poll the batch's connection once its upload is confirmed, and again every half
    second while the batch has no 999 or TA1, for the plug-in's ``ANSWERS_WITHIN``
    seconds (a clearinghouse that answers at once, as the sandbox; other plug-ins leave
    it to the scheduled :func:`poll_all`). A poll that fails is logged, never raised:
    the batch is sent either way. Answers the number of files taken in."""
    from cleanclaim.clearinghouses import actions, registry
    from cleanclaim.clearinghouses.models import Batch, Connection

    batch = Batch.objects.get(pk=batch_id)
    connection = Connection.objects.get(pk=batch.connection_id)
    window = float(getattr(registry.plugin(connection.plugin), "ANSWERS_WITHIN", 0) or 0)
    deadline = time.monotonic() + window
    taken = 0
    while window > 0:
        try:
            taken += len(actions.poll(actor, Connection.objects.get(pk=connection.pk)).taken)
        except Exception as exc:  # the transport's errors carry a plain ``message``
            log.warning(
                "batch %s: answers not collected: %s", batch_id, getattr(exc, "message", exc)
            )
            break
        batch.refresh_from_db(fields=["status"])
        if batch.status != Batch.Status.SENT or time.monotonic() >= deadline:
            break
        time.sleep(0.5)
    return taken


@shared_task(name="cleanclaim.clearinghouses.poll_all")
def poll_all() -> dict[str, Any]:
    """Collect every active batch connection's answers; one connection failing does
    not stop the others (its message is in the result and the log)."""
    from cleanclaim.clearinghouses import actions

    done: dict[str, Any] = {}
    for connection in actions.connections_to_poll():
        key = f"{connection.organisation_id}:{connection.name}"
        try:
            result = actions.poll(_actor(None, "task"), connection)
        except Exception as exc:
            message = getattr(exc, "message", "") or str(exc)
            log.warning("poll of %s failed: %s", key, message)
            done[key] = {"error": message}
        else:
            done[key] = {"taken": len(result.taken), "skipped": len(result.skipped)}
    return done


@shared_task(name="cleanclaim.clearinghouses.ask_due_claim_status")
def ask_due_claim_status() -> dict[str, Any]:
    """Ask the payer (276) about every sent claim with no answer after its payer's
    ``claim_status_after_days``; each answer or failure is recorded on the claim."""
    from django.utils import timezone

    from cleanclaim.claims import status_inquiry

    return status_inquiry.ask_due(_actor(None, "task"), timezone.now())
