"""The in-process scheduler (``cleanclaim scheduler``): a due job runs once; two
schedulers never run one job at once (one lock); a failing job is recorded and the
next job still runs. The clock is the test's."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.db import connection, connections

from cleanclaim.web.celery import app
from cleanclaim.web.models import ScheduledLock, ScheduledRun
from cleanclaim.web.schedule import Job
from cleanclaim.web.scheduler import Scheduler, run_job

CALLS: list[str] = []
GATE = threading.Event()
INSIDE = threading.Event()


@app.task(name="tests.scheduled.ok")
def _ok() -> dict[str, int]:
    CALLS.append("ok")
    return {"checked": 3, "failed": 0}


@app.task(name="tests.scheduled.boom")
def _boom() -> None:
    CALLS.append("boom")
    raise RuntimeError("the clearinghouse is down")


@app.task(name="tests.scheduled.slow")
def _slow() -> dict[str, int]:
    CALLS.append("slow")
    INSIDE.set()
    assert GATE.wait(5), "the test never let the job finish"
    return {"done": 1}


OK = Job("ok", "tests.scheduled.ok", "counts", "CLEANCLAIM_X", every=dt.timedelta(minutes=5))
BOOM = Job("boom", "tests.scheduled.boom", "fails", "CLEANCLAIM_Y", every=dt.timedelta(minutes=5))
SLOW = Job("slow", "tests.scheduled.slow", "waits", "CLEANCLAIM_Z", every=dt.timedelta(minutes=5))
T0 = dt.datetime(2027, 3, 1, 12, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture(autouse=True)
def _fresh() -> Any:
    CALLS.clear()
    GATE.clear()
    INSIDE.clear()
    yield
    GATE.set()


@pytest.mark.django_db
def test_it_runs_a_due_job_once_per_interval() -> None:
    clock = Clock(T0)
    scheduler = Scheduler((OK,), now=clock)
    [run] = scheduler.run_due()
    assert (run.job, run.outcome, run.detail) == ("ok", "ok", "checked=3, failed=0")
    assert run.started_at == T0 and run.finished_at == T0
    clock.at = T0 + dt.timedelta(minutes=4, seconds=59)
    assert scheduler.run_due() == []
    clock.at = T0 + dt.timedelta(minutes=5)
    assert len(scheduler.run_due()) == 1
    assert CALLS == ["ok", "ok"]
    assert ScheduledRun.objects.filter(job="ok").count() == 2


@pytest.mark.django_db
def test_it_keeps_a_month_of_runs() -> None:
    old = ScheduledRun.objects.create(job="ok", started_at=T0 - dt.timedelta(days=31))
    kept = ScheduledRun.objects.create(job="ok", started_at=T0 - dt.timedelta(days=29))
    other = ScheduledRun.objects.create(job="boom", started_at=T0 - dt.timedelta(days=90))
    run_job(OK, now=Clock(T0))
    left = set(ScheduledRun.objects.values_list("pk", flat=True))
    assert old.pk not in left and {kept.pk, other.pk} <= left


@pytest.mark.django_db
def test_it_records_a_failing_job_and_still_runs_the_next() -> None:
    boom, ok = Scheduler((BOOM, OK), now=Clock(T0)).run_due()
    assert boom.outcome == "failed"
    assert boom.detail == "RuntimeError: the clearinghouse is down"
    assert boom.finished_at == T0
    assert ok.outcome == "ok"
    assert CALLS == ["boom", "ok"]


@pytest.mark.django_db
def test_it_lets_go_of_the_lock_after_a_failure() -> None:
    run_job(BOOM, now=Clock(T0))
    again = run_job(BOOM, now=Clock(T0))
    assert again is not None and again.outcome == "failed"
    if connection.vendor == "sqlite":
        assert ScheduledLock.objects.get(job="boom").holder == ""


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_never_run_one_job_at_once() -> None:
    clock = Clock(T0)
    first, second = Scheduler((SLOW,), now=clock), Scheduler((SLOW,), now=clock)
    done: list[Any] = []

    def run_first() -> None:
        try:
            done.extend(first.run_due())
        finally:
            connections.close_all()

    thread = threading.Thread(target=run_first)
    thread.start()
    assert INSIDE.wait(5)
    assert second.run_due() == []  # the first holds the job's lock
    GATE.set()
    thread.join(5)
    assert [r.outcome for r in done] == ["ok"]
    assert second.run_due() == []  # the first's run covers this interval
    assert CALLS == ["slow"]
    assert ScheduledRun.objects.filter(job="slow").count() == 1


@pytest.mark.django_db
def test_it_takes_over_a_lock_whose_holder_died() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's advisory lock ends with the dead holder's session")
    ScheduledLock.objects.create(
        job="ok", holder="gone:1:1", expires_at=T0 + dt.timedelta(minutes=1)
    )
    assert run_job(OK, now=Clock(T0)) is None  # the lease still runs
    later = run_job(OK, now=Clock(T0 + dt.timedelta(minutes=1)))
    assert later is not None and later.outcome == "ok"
