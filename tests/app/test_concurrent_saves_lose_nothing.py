"""Many people (and scripts) saving one patient at once: each save is either
kept, with its own version and audit entry, or refused as stale; none fails
with "database is locked" and none silently overwrites another.

The SQLite test database is a file (tests/conftest.py), so the live server's
threads and the worker processes below share it as a deployment does.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test import Client
from django.test.testcases import LiveServerThread

from cleanclaim.api.models import ApiToken
from cleanclaim.audit.models import AuditEntry
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SAVES = 100
#: Saves in flight at once. PostgreSQL's default allows 100 connections for the
#: whole server (shared with other test runs), so it gets fewer at a time.
IN_FLIGHT = SAVES if connection.vendor == "sqlite" else 20


class _Server(ThreadedWSGIServer):
    #: Django's development server listens with a backlog of 10; a hundred clients
    #: connecting at once would be reset by the kernel before reaching the app.
    #: Production servers listen with far more (gunicorn: 2048).
    request_queue_size = 256


class _ServerThread(LiveServerThread):
    server_class = _Server


@pytest.fixture
def server() -> Iterator[str]:
    """The app on a loopback port, a thread per request, each with its own connection."""
    thread = _ServerThread("127.0.0.1", static_handler=lambda app: app)  # no static files
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    thread.join()


_NO_REDIRECT = urllib.request.build_opener(
    type("NoRedirect", (urllib.request.HTTPRedirectHandler,), {"redirect_request": lambda *a: None})
)


def _http(method: str, url: str, *, body: bytes | None = None, **headers: str) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with _NO_REDIRECT.open(request, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _api_save(base: str, pk: int, token: str) -> Callable[[int], tuple[str, int, str, str]]:
    auth = {"Authorization": f"Bearer {token}"}

    def save(n: int) -> tuple[str, int, str, str]:
        _, detail = _http("GET", f"{base}/api/patients/{pk}", **auth)
        version = json.loads(detail)["version"]
        value = f"api save {n}"
        status, body = _http(
            "PATCH",
            f"{base}/api/patients/{pk}",
            body=json.dumps({"version": version, "address_line2": value}).encode(),
            **auth,
            **{"Content-Type": "application/json"},
        )
        return "api", status, value, body

    return save


def _form_save(base: str, pk: int, session: str) -> Callable[[int], tuple[str, int, str, str]]:
    url = f"{base}/patients/{pk}/edit/"

    def save(n: int) -> tuple[str, int, str, str]:
        _, page = _http("GET", url, Cookie=f"sessionid={session}")
        fields = dict(re.findall(r'<input type="[a-z]+" name="([a-z_0-9]+)" value="([^"]*)"', page))
        fields.update(re.findall(r'<select name="([a-z_]+)"[^>]*>.*?selected>', page))
        token = fields.pop("csrfmiddlewaretoken")
        value = f"form save {n}"
        fields.update(
            {"address_line2": value, "sex": "F", "state": "OR", "csrfmiddlewaretoken": token}
        )
        status, body = _http(
            "POST",
            url,
            body=urllib.parse.urlencode(fields).encode(),
            Cookie=f"sessionid={session}; csrftoken={token}",
            **{"Content-Type": "application/x-www-form-urlencoded"},
        )
        return "form", status, value, body

    return save


def test_it_keeps_or_refuses_each_of_100_concurrent_saves(server: str, world: World) -> None:
    patient = world.home.patient
    desk = world.home.users[Role.FRONT_DESK]
    _, token = ApiToken.issue(desk, "load test")
    browser = Client()
    browser.force_login(desk)
    session = browser.cookies["sessionid"].value
    api_save = _api_save(server, patient.pk, token)
    form_save = _form_save(server, patient.pk, session)
    start = threading.Barrier(IN_FLIGHT, timeout=120)

    def one(n: int) -> tuple[str, int, str, str]:
        if n < IN_FLIGHT:
            start.wait()  # the first wave leaves together
        return (api_save if n % 2 else form_save)(n)

    with ThreadPoolExecutor(IN_FLIGHT) as pool:
        results = list(pool.map(one, range(SAVES)))

    accepted = {
        v for kind, status, v, _ in results if (kind, status) in {("api", 200), ("form", 302)}
    }
    for kind, status, _value, body in results:
        assert "locked" not in body
        if kind == "api":
            assert status in {200, 409}, (status, body[:300])
            if status == 409:
                assert json.loads(body)["code"] == "stale_edit"
        else:
            assert status in {302, 200}, (status, body[:300])
            if status == 200:
                assert "nothing was saved" in body
    assert accepted
    entries = list(
        AuditEntry.objects.filter(
            model="patients.Patient", object_pk=str(patient.pk), action="update"
        )
    )
    saved = [e.changes["address_line2"][1] for e in entries]
    assert sorted(saved) == sorted(accepted)  # each accepted save recorded exactly once
    versions = sorted(e.context["version"] for e in entries)
    assert versions == list(range(2, 2 + len(accepted)))
    patient.refresh_from_db()
    assert patient.version == 1 + len(accepted)
    assert (
        patient.address_line2
        == max(entries, key=lambda e: e.context["version"]).changes["address_line2"][1]
    )


WORKER = """
from cleanclaim.audit.actor import Actor
from cleanclaim.patients import actions

refused = 0
for _ in range({updates}):
    while True:
        patient = Patient.objects.get(pk={pk})
        count = int(patient.address_line2 or 0)
        try:
            actions.update_patient(
                Actor(user=None, via="cli"),
                patient,
                expected_version=patient.version,
                address_line2=str(count + 1),
            )
            break
        except actions.StaleEdit:
            refused += 1
print("refused", refused)
"""


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def test_two_processes_lose_none_of_100_read_modify_write_updates(
    world: World, tmp_path: Path
) -> None:
    patient = world.home.patient
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CLEANCLAIM_VAR_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT / "src"),
    }
    code = WORKER.format(updates=SAVES // 2, pk=patient.pk)
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "cleanclaim", "manage", "shell", "-c", code],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [w.communicate(timeout=240) for w in workers]

    for worker, (_out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err[-2000:]
        assert "locked" not in err
    patient.refresh_from_db()
    assert patient.address_line2 == str(SAVES)
    assert patient.version == 1 + SAVES
    assert (
        AuditEntry.objects.filter(
            model="patients.Patient", object_pk=str(patient.pk), action="update"
        ).count()
        == SAVES
    )
