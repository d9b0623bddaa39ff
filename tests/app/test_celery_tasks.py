"""Celery: in-process without a broker; through a real broker and worker when
CELERY_BROKER_URL is set (CI: redis://127.0.0.1:6379/15)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleanclaim.web.celery import app
from cleanclaim.web.tasks import check_npi

SRC = Path(__file__).resolve().parents[2] / "src"
BROKER = os.environ.get("CELERY_BROKER_URL", "").strip()

pytestmark = pytest.mark.celery_broker


def test_it_runs_tasks_in_process_without_a_broker(tmp_path) -> None:
    # A fresh process with no broker configured, whatever this one has (CI sets one).
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.update(CLEANCLAIM_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="cleanclaim.web.settings")
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    script = (
        "import json, django; django.setup()\n"
        "from django.conf import settings\n"
        "from cleanclaim.web.tasks import check_npi\n"
        "r = check_npi.delay('1234567893')\n"
        "print(json.dumps([settings.CELERY_TASK_ALWAYS_EAGER, r.successful(), r.get()]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    eager, ok, value = json.loads(out.stdout.strip().splitlines()[-1])
    assert eager is True
    assert ok is True
    assert value == {"npi": "1234567893", "valid": True, "error": ""}


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


@pytest.mark.skipif(
    not BROKER, reason="set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/15) to run"
)
@pytest.mark.filterwarnings("ignore:Call to deprecated setex:DeprecationWarning")
@pytest.mark.django_db(transaction=True)
def test_it_runs_a_scheduled_job_through_the_broker_as_beat_sends_it() -> None:
    from celery.contrib.testing.worker import start_worker
    from django.conf import settings

    from cleanclaim.web.models import ScheduledRun

    entry = settings.CELERY_BEAT_SCHEDULE["poll"]  # what beat sends, as it sends it
    with start_worker(app, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30):
        outcome = app.send_task(entry["task"], args=entry["args"]).get(timeout=30)
    assert outcome["job"] == "poll" and outcome["outcome"] == "ok"
    run = ScheduledRun.objects.get(job="poll")
    assert run.outcome == "ok" and run.finished_at is not None
