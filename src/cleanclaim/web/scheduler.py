"""Running the scheduled work (:mod:`cleanclaim.web.schedule`) without a broker.

:class:`Scheduler` is the loop ``cleanclaim scheduler run`` keeps: every ``tick``
seconds it runs each job that is due, one after the other. Whether a job is due is
read from the database (the last :class:`~cleanclaim.web.models.ScheduledRun`), not
kept in memory, so a restarted scheduler, or a second one on another machine, picks
up where the last run left off.

:func:`run_job` is the one way a job runs, here and under Celery beat (the task
``cleanclaim.web.run_scheduled``): it takes the job's lock, records the run, calls the
job's task in this process and records how it ended. A job that raises is recorded
as failed and logged; it never stops the scheduler.

The lock (:func:`job_lock`): on PostgreSQL a session advisory lock
(``pg_try_advisory_lock``), which ends with the holder's connection if it dies; on
SQLite a :class:`~cleanclaim.web.models.ScheduledLock` row with a lease (the job's
``lease``), taken inside a write transaction. See
docs/decisions/1090-one-scheduler-beside-the-web-processes.md.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from cleanclaim.web.models import ScheduledLock, ScheduledRun
from cleanclaim.web.schedule import Job, jobs

__all__ = [
    "KEEP_RUNS",
    "RUNNER",
    "Scheduler",
    "is_late",
    "job_lock",
    "last_runs",
    "run_job",
    "summary",
]

log = logging.getLogger(__name__)

#: Who runs: this host and process (in the run records and the SQLite lock row).
RUNNER = f"{socket.gethostname()}:{os.getpid()}"
#: The first key of our advisory locks ("cc" + "sc"), so other users of
#: ``pg_advisory_lock`` on the database are not confused with ours.
_LOCK_CLASS = 0x63637363 - (1 << 32) if 0x63637363 >= (1 << 31) else 0x63637363

#: Runs older than this are deleted when the job runs again (the page shows the latest).
KEEP_RUNS = dt.timedelta(days=30)

Clock = Callable[[], dt.datetime]


def _lock_key(name: str) -> int:
    key = zlib.crc32(name.encode())
    return key - (1 << 32) if key >= (1 << 31) else key  # PostgreSQL's int4


@contextmanager
def job_lock(job: Job, *, now: Clock = timezone.now, holder: str = "") -> Iterator[bool]:
    """Hold ``job``'s lock for the ``with`` block: yields True when held, False when
    another runner holds it (the block should then do nothing)."""
    holder = holder or f"{RUNNER}:{threading.get_ident()}"
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_try_advisory_lock(%s, %s)", [_LOCK_CLASS, _lock_key(job.name)])
            held = bool(cur.fetchone()[0])
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cur:
                    cur.execute(
                        "SELECT pg_advisory_unlock(%s, %s)", [_LOCK_CLASS, _lock_key(job.name)]
                    )
        return
    with transaction.atomic():  # SQLite: BEGIN IMMEDIATE, one writer at a time
        row, _ = ScheduledLock.objects.get_or_create(job=job.name)
        at = now()
        held = not row.holder or row.expires_at is None or row.expires_at <= at
        if held:
            row.holder, row.expires_at = holder, at + job.lease
            row.save(update_fields=["holder", "expires_at"])
    try:
        yield held
    finally:
        if held:
            ScheduledLock.objects.filter(job=job.name, holder=holder).update(
                holder="", expires_at=None
            )


def summary(result: Any) -> str:
    """A run's result in a line with no names in it (the page is platform-wide):
    ``poll_all``'s connections as counts, a dict of numbers as ``key=value``."""
    if isinstance(result, dict) and result and all(isinstance(v, dict) for v in result.values()):
        failed = sum(1 for v in result.values() if "error" in v)
        taken = sum(int(v.get("taken", 0)) for v in result.values())
        return f"{len(result)} connections polled, {taken} files taken in, {failed} failed"
    if isinstance(result, dict):
        return ", ".join(
            f"{k}={v}" for k, v in result.items() if isinstance(v, int | str) and len(str(v)) < 40
        )[:500]
    return "" if result is None else str(result)[:500]


def _task(job: Job) -> Any:
    from cleanclaim.web.celery import app

    if job.task not in app.tasks:
        app.loader.import_default_modules()  # the apps' tasks.py (autodiscover_tasks)
    try:
        return app.tasks[job.task]
    except KeyError:
        raise LookupError(f"scheduled job {job.name!r}: no task {job.task!r} registered") from None


def run_job(
    job: Job, *, now: Clock = timezone.now, only_if_due: bool = False
) -> ScheduledRun | None:
    """Run ``job`` here under its lock and record the run; None when another runner
    holds the lock or (``only_if_due``) a run since :meth:`Job.is_due` already covers it."""
    with job_lock(job, now=now) as held:
        if not held:
            log.info("scheduled %s: another runner has it, skipped", job.name)
            return None
        if only_if_due:
            last = (
                ScheduledRun.objects.filter(job=job.name)
                .order_by("-started_at")
                .values_list("started_at", flat=True)
                .first()
            )
            if not job.is_due(now(), last, settings.TIME_ZONE):
                return None
        run = ScheduledRun.objects.create(job=job.name, started_at=now(), runner=RUNNER)
        try:
            result = _task(job)()  # the task's body, in this process
        except Exception as exc:
            log.exception("scheduled %s failed", job.name)
            run.outcome = ScheduledRun.Outcome.FAILED
            run.detail = f"{type(exc).__name__}: {exc}"[:500]
        else:
            run.outcome = ScheduledRun.Outcome.OK
            run.detail = summary(result)
        run.finished_at = now()
        run.save(update_fields=["outcome", "detail", "finished_at"])
        ScheduledRun.objects.filter(
            job=job.name, started_at__lt=run.started_at - KEEP_RUNS
        ).delete()
        return run


def last_runs(per_job: int = 5) -> list[tuple[Job, list[ScheduledRun]]]:
    """Each job of the schedule with its latest runs, newest first."""
    return [
        (item, list(ScheduledRun.objects.filter(job=item.name).order_by("-started_at")[:per_job]))
        for item in jobs(settings.CONFIG)
    ]


def is_late(job: Job, last_started: dt.datetime | None, now: dt.datetime) -> bool:
    """True when a run is owed and overdue by more than a grace (another interval, or an
    hour for a daily job): nothing is running the schedule, or it is stuck. Never run
    counts as late."""
    grace = job.every if job.every is not None else dt.timedelta(hours=1)
    return last_started is None or job.is_due(now - grace, last_started, settings.TIME_ZONE)


class Scheduler:
    """Runs the due jobs every ``tick`` seconds until :meth:`stop`; ``now`` is the clock
    (tests pass their own)."""

    def __init__(
        self,
        schedule: tuple[Job, ...] | None = None,
        *,
        now: Clock = timezone.now,
        tick: float = 15.0,
    ) -> None:
        self.jobs = schedule if schedule is not None else jobs(settings.CONFIG)
        self.now = now
        self.tick = tick
        self._stop = threading.Event()

    def run_due(self) -> list[ScheduledRun]:
        """One pass: every due job run once, in the schedule's order; a job that fails
        is recorded and the next still runs."""
        done: list[ScheduledRun] = []
        for item in self.jobs:
            if not connection.in_atomic_block:  # a long-lived process: drop a dead connection
                close_old_connections()
            try:
                run = run_job(item, now=self.now, only_if_due=True)
            except Exception:  # the database itself failed: log it, try again next tick
                log.exception("scheduled %s could not start", item.name)
                continue
            if run is not None:
                done.append(run)
        return done

    def run_forever(self) -> None:
        log.info(
            "scheduler %s: %s",
            RUNNER,
            "; ".join(f"{j.name} {j.when}" for j in self.jobs),
        )
        while not self._stop.is_set():
            self.run_due()
            self._stop.wait(self.tick)

    def stop(self) -> None:
        self._stop.set()
