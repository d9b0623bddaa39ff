"""The scheduled work, listed once.

Each :class:`Job` names the Celery task it runs, when it runs, what it does and the
setting that moves it. The list is read by both runners (docs/architecture.md,
"Background work"; docs/decisions/1090-one-scheduler-beside-the-web-processes.md):

- with a broker (``CELERY_BROKER_URL``): :func:`beat_schedule` is
  ``CELERY_BEAT_SCHEDULE``, run by ``cleanclaim beat`` and done by ``cleanclaim worker``;
- without one (the default, ``make run``): ``cleanclaim scheduler`` runs the due jobs
  itself (:mod:`cleanclaim.web.scheduler`).

Either way each run goes through the task ``cleanclaim.web.run_scheduled``: it takes
the job's lock (two schedulers never run one job at once) and records the run
(:class:`cleanclaim.web.models.ScheduledRun`, shown on the "Scheduled work" page).

Daily times are on the clock of the server's time zone, ``CLEANCLAIM_TIME_ZONE``
(Django's ``TIME_ZONE``, default UTC), not a practice's: one server, one clock.

The clearinghouse alerts (no 999 an hour after upload, no 277CA a day after sending,
:mod:`cleanclaim.clearinghouses.alerts`) need no job: they are computed from the
batches whenever a page asks. They stay true only because ``poll`` keeps collecting
the answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from cleanclaim.web.config import Config

__all__ = ["RUN_TASK", "Job", "beat_schedule", "job", "jobs"]

#: The task every scheduled run goes through (lock, record, then the job's task).
RUN_TASK = "cleanclaim.web.run_scheduled"


@dataclass(frozen=True)
class Job:
    name: str
    #: The registered Celery task that does the work (called with no arguments).
    task: str
    what: str
    #: The environment variable that moves it (docs/configuration.md).
    setting: str
    #: Every this often ...
    every: dt.timedelta | None = None
    #: ... or daily at (hour, minute) on the server's clock.
    at: tuple[int, int] | None = None
    #: How long a run may hold its lock before another scheduler may take it over
    #: (SQLite's lock row; PostgreSQL's advisory lock ends with the holder's session).
    lease: dt.timedelta = dt.timedelta(hours=1)

    @property
    def when(self) -> str:
        if self.every is not None:
            minutes = int(self.every.total_seconds() // 60)
            return "every minute" if minutes == 1 else f"every {minutes} minutes"
        assert self.at is not None
        return f"daily at {self.at[0]:02d}:{self.at[1]:02d}"

    def due_since(self, now: dt.datetime, zone: str) -> dt.datetime:
        """The moment from which a run is owed: a run that started at or after it
        covers it. Every N minutes: ``now - N``; daily: the latest HH:MM not after
        ``now`` on the ``zone`` clock (a missed run is made up once, not per day)."""
        if self.every is not None:
            return now - self.every
        assert self.at is not None
        local = now.astimezone(ZoneInfo(zone))
        hour, minute = self.at
        occurrence = dt.datetime.combine(local.date(), dt.time(hour, minute), tzinfo=ZoneInfo(zone))
        if occurrence > local:
            occurrence = dt.datetime.combine(
                local.date() - dt.timedelta(days=1), dt.time(hour, minute), tzinfo=ZoneInfo(zone)
            )
        return occurrence

    def is_due(self, now: dt.datetime, last_started: dt.datetime | None, zone: str) -> bool:
        """True when no run started since :meth:`due_since` (an interval job: at least
        N minutes ago; a daily job: since today's time, or yesterday's before it)."""
        if last_started is None:
            return True
        since = self.due_since(now, zone)
        if self.every is not None:
            return last_started <= since
        return last_started < since


def jobs(config: Config) -> tuple[Job, ...]:
    """The scheduled work, timed by ``config`` (the settings)."""
    return (
        Job(
            name="poll",
            task="cleanclaim.clearinghouses.poll_all",
            what="Collect every active connection's answers (999, TA1, 277CA, 835); "
            "835s post by themselves.",
            setting="CLEANCLAIM_POLL_MINUTES",
            every=dt.timedelta(minutes=config.poll_minutes),
            lease=dt.timedelta(minutes=30),
        ),
        Job(
            name="claim_status",
            task="cleanclaim.clearinghouses.ask_due_claim_status",
            what="Ask payers (276) about sent claims with no answer after the payer's "
            "claim-status days.",
            setting="CLEANCLAIM_CLAIM_STATUS_AT",
            at=config.claim_status_at,
            lease=dt.timedelta(hours=2),
        ),
        Job(
            name="eligibility",
            task="cleanclaim.eligibility.night_before",
            what="The night-before eligibility batch (270/271) for every practice with "
            "visits tomorrow.",
            setting="CLEANCLAIM_ELIGIBILITY_AT",
            at=config.eligibility_at,
            lease=dt.timedelta(hours=4),
        ),
    )


def job(config: Config, name: str) -> Job:
    """The job called ``name``; an unknown name is a :class:`KeyError` naming the known ones."""
    for item in jobs(config):
        if item.name == name:
            return item
    known = ", ".join(j.name for j in jobs(config))
    raise KeyError(f"no scheduled job {name!r} (known: {known})")


def beat_schedule(config: Config) -> dict[str, dict[str, Any]]:
    """``CELERY_BEAT_SCHEDULE``: each job through :data:`RUN_TASK`, every N minutes
    (a ``timedelta``) or daily (a ``crontab`` on ``CELERY_TIMEZONE``, the server's zone)."""
    from celery.schedules import crontab

    out: dict[str, dict[str, Any]] = {}
    for item in jobs(config):
        when: Any
        if item.every is not None:
            when = item.every
        else:
            assert item.at is not None
            when = crontab(hour=str(item.at[0]), minute=str(item.at[1]))
        out[item.name] = {"task": RUN_TASK, "schedule": when, "args": (item.name,)}
    return out
