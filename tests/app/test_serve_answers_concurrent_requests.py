"""``cleanclaim serve`` (gunicorn) started as a process on a loopback port answers
200 concurrent requests (sign-in page, a static file, the API with a token)
without an error, and its access log has a request id on every line and never a
query string (search terms are PHI).

The server runs on its own database: a SQLite file in a temporary ``var/``, or,
when the suite runs on PostgreSQL, a database of its own created and dropped here.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[2] / "src"
PHI = "Zebediah-1987-02-03"  # a search term that must not reach any log
RID = re.compile(r"rid=([0-9a-f]{32})\s*$")
SETUP = (
    "import django; django.setup()\n"
    "from cleanclaim.api.models import ApiToken\n"
    "from cleanclaim.tenancy.permissions import Role\n"
    "from cleanclaim.testing.personas import build_world\n"
    "world = build_world()\n"
    "print(ApiToken.issue(world.home.users[Role.FRONT_DESK], 'serve test')[1])\n"
)


@dataclass
class Server:
    port: int
    token: str
    access_log: Path
    process: subprocess.Popen[str]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _postgres_url() -> Iterator[str | None]:
    """None on SQLite; on PostgreSQL a fresh database for the server, dropped after."""
    db = settings.DATABASES["default"]
    if not db["ENGINE"].endswith("postgresql"):
        yield None
        return
    import psycopg

    name = f"{db['NAME']}_serve"
    params = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"]}
    if db["PASSWORD"]:
        params["password"] = db["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    try:
        yield f"postgres://{auth}@{db['HOST']}:{params['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    for database_url in _postgres_url():
        env = {
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith(("CLEANCLAIM_", "DATABASE_", "DJANGO_"))
            },
            "PYTHONPATH": str(SRC),
            "DJANGO_SETTINGS_MODULE": "cleanclaim.web.settings",
            "CLEANCLAIM_VAR_DIR": str(tmp_path / "var"),
            "CLEANCLAIM_LOG_LEVEL": "WARNING",
        }
        if database_url:
            env["DATABASE_URL"] = database_url
        cli = [sys.executable, "-m", "cleanclaim"]
        subprocess.run(
            [*cli, "manage", "migrate", "--noinput"],
            env=env,
            check=True,
            timeout=300,
            capture_output=True,
        )
        setup = subprocess.run(
            [sys.executable, "-c", SETUP],
            env=env,
            check=True,
            timeout=120,
            capture_output=True,
            text=True,
        )
        token = setup.stdout.strip().splitlines()[-1]
        port = _free_port()
        access_log = tmp_path / "access.log"
        process = subprocess.Popen(
            [
                *cli,
                "serve",
                "--addr",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--access-log",
                str(access_log),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            _wait_until_up(port, process)
            yield Server(port, token, access_log, process)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_until_up(port: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out = process.stdout.read() if process.stdout else ""
            pytest.fail(f"serve exited with {process.returncode}:\n{out}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail("serve did not open its port within two minutes")


def _get(server: Server, path: str, token: bool = False) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        headers = {"Authorization": f"Bearer {server.token}"} if token else {}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheader("X-Request-ID") or "", response.read()
    finally:
        conn.close()


def test_it_answers_200_concurrent_requests_and_logs_no_query_string(server: Server) -> None:
    requests = [
        (f"/login/?next=/patients/&q={PHI}", False),
        (f"/static/cleanclaim/app.css?v={PHI}", False),
        (f"/api/me?q={PHI}", True),
        (f"/api/patients?q={PHI}", True),
    ] * 50
    with ThreadPoolExecutor(max_workers=24) as pool:
        results = list(pool.map(lambda r: _get(server, *r), requests))
    failures = [(path, status) for (path, _), (status, _, _) in zip(requests, results, strict=True)]
    failures = [f for f in failures if f[1] != 200]
    assert not failures, failures[:10]
    assert b"cleanclaim" in results[0][2] and b"{" in results[2][2]
    ids = [rid for _, rid, _ in results]
    assert all(re.fullmatch(r"[0-9a-f]{32}", rid) for rid in ids) and len(set(ids)) == 200

    server.process.send_signal(signal.SIGINT)  # Ctrl-C stops it cleanly
    output, _ = server.process.communicate(timeout=60)
    assert server.process.returncode == 0, output
    lines = server.access_log.read_text().splitlines()
    logged = {m.group(1) for line in lines if (m := RID.search(line))}
    assert set(ids) <= logged
    assert len(lines) >= 200
    assert all(RID.search(line) for line in lines)
    assert not [line for line in lines if "?" in line or PHI in line]
    assert PHI not in output and "Traceback" not in output
    var = Path(server.access_log.parent / "var")
    assert var.stat().st_mode & 0o777 == 0o700
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # the server's too
        db = var / "cleanclaim.sqlite3"
        assert db.stat().st_size and db.stat().st_mode & 0o777 == 0o600
