"""Settings are parsed strictly: bad values fail naming the variable."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cleanclaim.web.config import ConfigError, load, parse_database_url

KEY = "k" * 40


def _load(tmp_path: Path, **env: str):  # type: ignore[no-untyped-def]
    return load({"CLEANCLAIM_VAR_DIR": str(tmp_path), **env})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CLEANCLAIM_DEBUG", "maybe"),
        ("CLEANCLAIM_PRODUCTION", "2"),
        ("CLEANCLAIM_SESSION_IDLE_MINUTES", "fifteen"),
        ("CLEANCLAIM_SESSION_IDLE_MINUTES", "0"),
        ("CLEANCLAIM_LOGIN_MAX_FAILURES", "-1"),
        ("CLEANCLAIM_ALLOWED_HOSTS", "a.example, ,b.example"),
        ("DATABASE_URL", "mysql://u@h/db"),
        ("DATABASE_URL", "postgres://u@h:notaport/db"),
        ("DATABASE_URL", "postgres://u@h:5432/"),
        ("CELERY_BROKER_URL", "http://127.0.0.1:6379/0"),
        ("CLEANCLAIM_SECRET_KEY", "short"),
        ("CLEANCLAIM_LOG_LEVEL", "LOUD"),
        ("CLEANCLAIM_CSRF_TRUSTED_ORIGINS", "example.com"),
    ],
)
def test_it_names_the_variable_with_a_bad_value(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, **{name: value})
    assert str(err.value).startswith(name)


def test_it_keeps_debug_off_unless_asked(tmp_path: Path) -> None:
    assert _load(tmp_path).debug is False
    assert _load(tmp_path, CLEANCLAIM_DEBUG="true").debug is True


def test_it_generates_a_development_key_once_and_reuses_it(tmp_path: Path) -> None:
    first = _load(tmp_path)
    second = _load(tmp_path)
    assert first.secret_key == second.secret_key
    assert len(first.secret_key) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_it_gives_processes_starting_together_one_secret_key(tmp_path: Path) -> None:
    start = threading.Barrier(12, timeout=30)

    def first_start() -> str:
        start.wait()
        return _load(tmp_path).secret_key

    with ThreadPoolExecutor(12) as pool:
        keys = set(pool.map(lambda _: first_start(), range(12)))
    assert keys == {(tmp_path / "secret_key").read_text().strip()}
    assert [p.name for p in tmp_path.iterdir() if "secret" in p.name] == ["secret_key"]


def test_it_requires_a_secret_key_in_production(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="CLEANCLAIM_SECRET_KEY"):
        _load(tmp_path, CLEANCLAIM_PRODUCTION="1", CLEANCLAIM_ALLOWED_HOSTS="billing.example")
    assert not (tmp_path / "secret_key").exists()


def test_it_reads_the_secret_key_from_a_file(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text(KEY + "\n")
    config = _load(tmp_path, CLEANCLAIM_SECRET_KEY_FILE=str(key_file))
    assert config.secret_key == KEY
    with pytest.raises(ConfigError, match=r"^CLEANCLAIM_SECRET_KEY_FILE: cannot read"):
        _load(tmp_path, CLEANCLAIM_SECRET_KEY_FILE=str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match="set only one"):
        _load(tmp_path, CLEANCLAIM_SECRET_KEY_FILE=str(key_file), CLEANCLAIM_SECRET_KEY=KEY)


def test_it_refuses_debug_in_production(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^CLEANCLAIM_DEBUG"):
        _load(
            tmp_path,
            CLEANCLAIM_PRODUCTION="1",
            CLEANCLAIM_DEBUG="1",
            CLEANCLAIM_SECRET_KEY=KEY,
            CLEANCLAIM_ALLOWED_HOSTS="billing.example",
        )


def test_it_requires_allowed_hosts_in_production(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^CLEANCLAIM_ALLOWED_HOSTS"):
        _load(tmp_path, CLEANCLAIM_PRODUCTION="1", CLEANCLAIM_SECRET_KEY=KEY)


def test_it_defaults_to_sqlite_under_var(tmp_path: Path) -> None:
    db = _load(tmp_path).databases["default"]
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == str(tmp_path / "cleanclaim.sqlite3")


def test_it_makes_sqlite_writers_wait_in_wal_mode(tmp_path: Path) -> None:
    options = _load(tmp_path).databases["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20
    assert "PRAGMA journal_mode=WAL" in options["init_command"]
    assert "PRAGMA busy_timeout=20000" in options["init_command"]
    slower = _load(tmp_path, CLEANCLAIM_SQLITE_BUSY_TIMEOUT="45").databases["default"]
    assert slower["OPTIONS"]["timeout"] == 45
    with pytest.raises(ConfigError, match=r"^CLEANCLAIM_SQLITE_BUSY_TIMEOUT"):
        _load(tmp_path, CLEANCLAIM_SQLITE_BUSY_TIMEOUT="forever")


def test_it_leaves_postgres_options_alone(tmp_path: Path) -> None:
    db = _load(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:5432/test").databases
    assert db["default"]["OPTIONS"] == {}


def test_it_parses_postgres_urls(tmp_path: Path) -> None:
    db = parse_database_url(
        "postgres://billing:s%40cret@db.internal:6543/cleanclaim?sslmode=require", var_dir=tmp_path
    )
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "billing",
        "s@cret",
        "db.internal",
        "6543",
        "cleanclaim",
    )
    assert db["OPTIONS"] == {"sslmode": "require"}
    trust = parse_database_url("postgres://postgres@127.0.0.1:5432/test", var_dir=tmp_path)
    assert (trust["USER"], trust["PASSWORD"], trust["NAME"]) == ("postgres", "", "test")


def test_it_parses_sqlite_urls(tmp_path: Path) -> None:
    assert parse_database_url("sqlite:////srv/cc.db", var_dir=tmp_path)["NAME"] == "/srv/cc.db"
    assert parse_database_url("sqlite:///var/cc.db", var_dir=tmp_path)["NAME"] == "var/cc.db"


def test_it_runs_celery_tasks_in_process_without_a_broker(tmp_path: Path) -> None:
    config = _load(tmp_path)
    assert config.celery_broker_url is None
    with_broker = _load(tmp_path, CELERY_BROKER_URL="redis://127.0.0.1:6379/15")
    assert with_broker.celery_result_backend == "redis://127.0.0.1:6379/15"
