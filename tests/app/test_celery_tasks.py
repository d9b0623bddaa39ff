"""Celery: in-process without a broker; through a real broker and worker when
CELERY_BROKER_URL is set (CI: redis://127.0.0.1:6379/15)."""

from __future__ import annotations

import os

import pytest
from django.conf import settings

from cleanclaim.web.celery import app
from cleanclaim.web.tasks import check_npi

BROKER = os.environ.get("CELERY_BROKER_URL", "").strip()


@pytest.mark.skipif(bool(BROKER), reason="CELERY_BROKER_URL is set: tasks go to the broker")
def test_it_runs_tasks_in_process_without_a_broker() -> None:
    assert settings.CELERY_TASK_ALWAYS_EAGER is True
    result = check_npi.delay("1234567893")
    assert result.successful()
    assert result.get() == {"npi": "1234567893", "valid": True, "error": ""}


@pytest.mark.skipif(
    not BROKER, reason="set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/15) to run"
)
# Celery 5.7's Redis result backend calls redis-py's deprecated ``setex`` (redis 8.x
# warns); not our code, and the call still works.
@pytest.mark.filterwarnings("ignore:Call to deprecated setex:DeprecationWarning")
def test_it_runs_a_task_through_a_real_broker_and_worker() -> None:
    from celery.contrib.testing.worker import start_worker

    assert app.conf.task_always_eager is False
    assert app.conf.broker_url == BROKER
    with start_worker(app, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30):
        result = check_npi.delay("1234567890")
        outcome = result.get(timeout=30)
    assert outcome == {
        "npi": "1234567890",
        "valid": False,
        "error": "NPI 1234567890 fails its check digit (expected 3)",
    }
