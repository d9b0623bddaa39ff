"""The scheduled work is one list: each job's task is registered, its timing comes from
its setting, and Celery beat's schedule is built from the same list."""

from __future__ import annotations

import datetime as dt

import pytest
from celery.schedules import crontab
from django.conf import settings

from cleanclaim.web import config, schedule
from cleanclaim.web.celery import app


def test_it_runs_registered_tasks_under_unique_names() -> None:
    app.loader.import_default_modules()  # what a worker and the scheduler load
    jobs = schedule.jobs(settings.CONFIG)
    assert [j.name for j in jobs] == ["poll", "claim_status", "eligibility"]
    for job in jobs:
        assert job.task in app.tasks, job.task
        assert job.what and job.setting.startswith("CLEANCLAIM_")
    assert schedule.RUN_TASK in app.tasks


def test_it_times_the_jobs_by_default(tmp_path) -> None:
    jobs = {j.name: j for j in schedule.jobs(config.load({}, cwd=tmp_path))}
    assert jobs["poll"].every == dt.timedelta(minutes=5)
    assert jobs["claim_status"].at == (7, 0)
    assert jobs["eligibility"].at == (18, 0)
    assert [j.when for j in jobs.values()] == [
        "every 5 minutes",
        "daily at 07:00",
        "daily at 18:00",
    ]


def test_it_takes_the_timing_from_the_settings(tmp_path) -> None:
    env = {
        "CLEANCLAIM_POLL_MINUTES": "2",
        "CLEANCLAIM_CLAIM_STATUS_AT": "06:45",
        "CLEANCLAIM_ELIGIBILITY_AT": "19:05",
        "CLEANCLAIM_TIME_ZONE": "America/Chicago",
    }
    loaded = config.load(env, cwd=tmp_path)
    jobs = {j.name: j for j in schedule.jobs(loaded)}
    assert loaded.time_zone == "America/Chicago"
    assert jobs["poll"].every == dt.timedelta(minutes=2)
    assert jobs["claim_status"].at == (6, 45)
    assert jobs["eligibility"].at == (19, 5)


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("CLEANCLAIM_POLL_MINUTES", "0", "CLEANCLAIM_POLL_MINUTES: expected a number from 1"),
        ("CLEANCLAIM_CLAIM_STATUS_AT", "7am", "CLEANCLAIM_CLAIM_STATUS_AT: expected a time HH:MM"),
        ("CLEANCLAIM_ELIGIBILITY_AT", "24:00", "CLEANCLAIM_ELIGIBILITY_AT: expected a time"),
        ("CLEANCLAIM_TIME_ZONE", "Mars/Olympus", "CLEANCLAIM_TIME_ZONE: expected a time zone"),
    ],
)
def test_it_refuses_a_bad_timing_naming_the_setting(tmp_path, name, value, says) -> None:
    with pytest.raises(config.ConfigError, match=says):
        config.load({name: value}, cwd=tmp_path)


def test_it_builds_the_beat_schedule_from_the_same_list(tmp_path) -> None:
    loaded = config.load({"CLEANCLAIM_ELIGIBILITY_AT": "17:30"}, cwd=tmp_path)
    beat = schedule.beat_schedule(loaded)
    assert set(beat) == {j.name for j in schedule.jobs(loaded)}
    for name, entry in beat.items():
        assert entry["task"] == schedule.RUN_TASK
        assert entry["args"] == (name,)
    assert beat["poll"]["schedule"] == dt.timedelta(minutes=5)
    assert beat["eligibility"]["schedule"] == crontab(hour="17", minute="30")
    assert beat["claim_status"]["schedule"] == crontab(hour="7", minute="0")


def test_it_says_which_daily_run_is_owed_on_the_servers_clock() -> None:
    job = schedule.Job("x", "t", "w", "S", at=(18, 0))
    zone = "America/New_York"  # 18:00 there is 23:00 UTC in winter
    before = dt.datetime(2027, 1, 10, 22, 59, tzinfo=dt.UTC)
    after = dt.datetime(2027, 1, 10, 23, 0, tzinfo=dt.UTC)
    yesterday_run = dt.datetime(2027, 1, 9, 23, 0, 5, tzinfo=dt.UTC)
    assert job.is_due(before, yesterday_run, zone) is False
    assert job.is_due(after, yesterday_run, zone) is True
    assert job.is_due(after, after + dt.timedelta(seconds=1), zone) is False
    assert job.is_due(before, None, zone) is True  # never run: made up at once
