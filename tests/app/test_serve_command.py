"""``cleanclaim serve``: gunicorn with the workers asked for, static files collected
first, an access log format without query strings; the demo password printed
outside production only; Django's development server only with ``--dev``."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings

from cleanclaim.cli import main
from cleanclaim.cli import serve as serve_module
from cleanclaim.web import demo
from cleanclaim.web.request_id import NoQueryString


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What serve would have started: gunicorn's options, or the commands it called."""
    seen: dict[str, Any] = {"commands": []}

    class FakeGunicorn:
        def __init__(self, options: dict[str, Any]) -> None:
            seen["options"] = options

        def run(self) -> None:
            seen["ran"] = True

    monkeypatch.setattr(serve_module, "_Gunicorn", FakeGunicorn)
    monkeypatch.setattr(
        "django.core.management.call_command",
        lambda name, *args, **kwargs: seen["commands"].append(name),
    )
    monkeypatch.setattr(demo, "exists", lambda: True)
    return seen


def _production(on: bool) -> Any:
    return override_settings(CONFIG=dataclasses.replace(settings.CONFIG, production=on))


def test_it_runs_gunicorn_with_the_workers_asked_for(
    started: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    with _production(False):
        assert main(["serve", "--addr", "127.0.0.1:8123", "--workers", "3", "--threads", "2"]) == 0
    options = started["options"]
    assert started["ran"] and started["commands"] == ["collectstatic"]
    assert options["bind"] == "127.0.0.1:8123"
    assert (options["workers"], options["threads"], options["worker_class"]) == (3, 2, "gthread")
    fmt = options["access_log_format"]
    assert "%(U)s" in fmt and "{x-request-id}o" in fmt
    assert "%(r)s" not in fmt and "%(q)s" not in fmt  # both carry the query string
    assert demo.PASSWORD in capsys.readouterr().out  # a laptop: the demo logins are shown


def test_it_takes_the_worker_count_from_the_settings(started: dict[str, Any]) -> None:
    config = dataclasses.replace(settings.CONFIG, web_workers=7, web_threads=5)
    with override_settings(CONFIG=config):
        main(["serve"])
    assert (started["options"]["workers"], started["options"]["threads"]) == (7, 5)


def test_it_never_prints_the_demo_password_in_production(
    started: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    with _production(True):
        assert main(["serve"]) == 0
    out = capsys.readouterr().out
    assert started["ran"] and demo.PASSWORD not in out and "Demo logins" not in out


def test_it_runs_the_development_server_only_when_asked(started: dict[str, Any]) -> None:
    with _production(False):
        assert main(["serve", "--dev"]) == 0
    assert started["commands"] == ["runserver"] and "options" not in started
    server_log = logging.getLogger("django.server")
    added = [f for f in server_log.filters if isinstance(f, NoQueryString)]
    for f in added:
        server_log.removeFilter(f)
    assert added  # the development server's lines carry query strings otherwise


@pytest.mark.parametrize("flag", ["--workers", "--threads"])
@pytest.mark.parametrize("value", ["0", "many", "65"])
def test_it_refuses_a_bad_count(
    flag: str, value: str, started: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", flag, value])
    assert exit_.value.code == 2
    assert f"{flag}: expected a number from 1 to 64" in capsys.readouterr().err
    assert "options" not in started
