"""Settings parsed strictly from the environment.

Every variable cleanclaim reads is parsed here, once, into a frozen
:class:`Config`. A value that does not parse raises :class:`ConfigError` whose
message names the variable and says what was expected, so a bad deployment
fails at start with one clear line (the CLI prints it and exits 2).

The variables are listed, with defaults, in ``docs/configuration.md``.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

__all__ = [
    "Config",
    "ConfigError",
    "load",
    "parse_cms1500_offset",
    "parse_database_url",
    "parse_email_url",
    "private_dir",
    "private_file",
    "sqlite_options",
]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(ImproperlyConfigured):
    """A variable in the environment that cannot be used; the message names it."""


@dataclass(frozen=True)
class Config:
    debug: bool
    production: bool
    secret_key: str
    secret_key_source: str
    databases: dict[str, Any]
    allowed_hosts: list[str]
    csrf_trusted_origins: list[str]
    session_idle_minutes: int
    login_max_failures: int
    login_lock_minutes: int
    celery_broker_url: str | None
    celery_result_backend: str | None
    var_dir: Path
    log_level: str = "INFO"
    #: ``cleanclaim serve``: gunicorn worker processes and threads per worker.
    web_workers: int = 2
    web_threads: int = 4
    #: ``public`` or ``login``: who may read the OpenAPI schema at /api/openapi.json.
    api_docs: str = "public"

    #: Who must use a second factor (TOTP): "admins" (administrators and platform
    #: staff; the default) or "all".
    require_2fa: str = "admins"

    #: Django's email settings from ``CLEANCLAIM_EMAIL_URL`` (``EMAIL_BACKEND`` etc.);
    #: in production with no URL, a backend that refuses to send naming the variable.
    email: dict[str, Any] | None = None
    email_from: str = "cleanclaim@localhost"
    #: Days an invitation link stays valid.
    invitation_days: int = 7
    #: CMS-1500 alignment offset (dx, dy) in millimetres: positive dx moves the print
    #: right, positive dy down (``CLEANCLAIM_CMS1500_OFFSET_MM``, docs/paper.md).
    cms1500_offset_mm: tuple[float, float] = (0.0, 0.0)
    #: Days after sending with no acknowledgement before a claim is on the
    #: "no answer" work list (``CLEANCLAIM_NO_ANSWER_DAYS``, docs/claims.md).
    no_answer_days: int = 30
    #: The server's time zone (``CLEANCLAIM_TIME_ZONE``, an IANA name): Django's
    #: ``TIME_ZONE``, the zone of "today" and of the schedule's daily times.
    time_zone: str = "UTC"
    #: Scheduled work (docs/configuration.md, cleanclaim.web.schedule): minutes between
    #: polls of the clearinghouses, and the daily times (HH:MM, hour, minute) of the
    #: claim-status run and the night-before eligibility run.
    poll_minutes: int = 5
    claim_status_at: tuple[int, int] = (7, 0)
    eligibility_at: tuple[int, int] = (18, 0)


def env_bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}: expected one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(env: Mapping[str, str], name: str, default: int, *, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{name}: expected a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name}: expected a number from {low} to {high}, got {value}")
    return value


def env_list(env: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    raw = env.get(name)
    if raw is None:
        return list(default)
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items) or any(" " in item for item in items):
        raise ConfigError(f"{name}: expected a comma-separated list without blanks, got {raw!r}")
    return items


def parse_database_url(url: str, *, var_dir: Path, name: str = "DATABASE_URL") -> dict[str, Any]:
    """Turn ``sqlite:///relative.db``, ``sqlite:////abs.db`` or
    ``postgres://user:password@host:port/db?sslmode=require`` into a Django
    ``DATABASES["default"]`` entry (PostgreSQL through psycopg 3)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        if parts.netloc:
            raise ConfigError(f"{name}: sqlite URLs have no host, use sqlite:///path; got {url!r}")
        path = unquote(parts.path)[1:]  # "sqlite:///x" -> "x", "sqlite:////x" -> "/x"
        if not path:
            raise ConfigError(f"{name}: sqlite URL needs a file path, got {url!r}")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": {}}
    if scheme in {"postgres", "postgresql", "pgsql"}:
        db = unquote(parts.path.lstrip("/"))
        if not db or "/" in db:
            raise ConfigError(f"{name}: PostgreSQL URL needs a database name, got {url!r}")
        try:
            port = parts.port
        except ValueError:
            raise ConfigError(f"{name}: the port in {url!r} is not a number") from None
        options: dict[str, Any] = dict(parse_qsl(parts.query, keep_blank_values=False))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": db,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ConfigError(
        f"{name}: expected a sqlite:/// or postgres:// URL, got scheme {scheme or '(none)'!r}"
    )


#: The largest alignment offset accepted, in millimetres (an inch: more is a wrong form
#: or a wrong tray, not a printer's drift).
CMS1500_OFFSET_MAX_MM = 25.4
_MILLIMETRES = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def parse_cms1500_offset(
    env: Mapping[str, str], name: str = "CLEANCLAIM_CMS1500_OFFSET_MM"
) -> tuple[float, float]:
    """``"dx,dy"`` in millimetres (``"1.5,-0.5"``), each within ±25.4; unset or empty:
    ``(0.0, 0.0)``. Anything else raises :class:`ConfigError` naming the variable."""
    raw = env.get(name, "").strip()
    if not raw:
        return (0.0, 0.0)
    parts = [p.strip() for p in raw.split(",")]
    expected = f"{name}: expected two numbers of millimetres 'dx,dy' such as '1.5,-0.5'"
    if len(parts) != 2:
        raise ConfigError(f"{expected}, got {raw!r}")
    values: list[float] = []
    for part in parts:
        if not _MILLIMETRES.fullmatch(part):
            raise ConfigError(f"{expected}, got {raw!r}")
        value = float(part)  # a length, not money: decimal notation only (checked above)
        if abs(value) > CMS1500_OFFSET_MAX_MM:
            raise ConfigError(
                f"{name}: {part} mm is more than {CMS1500_OFFSET_MAX_MM} mm; "
                f"check the form and the printer's tray"
            )
        values.append(value)
    return (values[0], values[1])


def sqlite_options(busy_timeout: int) -> dict[str, Any]:
    """Connection options that let concurrent writers wait instead of failing.

    WAL lets readers run beside the one writer; ``BEGIN IMMEDIATE`` takes the
    write lock when a transaction starts, so two read-then-write transactions
    queue on the busy timeout instead of one failing with "database is locked"
    when it upgrades its read lock. See docs/decisions/0505-optimistic-locking.md.
    """
    return {
        "timeout": busy_timeout,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA busy_timeout={busy_timeout * 1000}"
        ),
    }


#: The backend used in production when ``CLEANCLAIM_EMAIL_URL`` is not set.
UNCONFIGURED_EMAIL = "cleanclaim.web.mail.UnconfiguredBackend"
_SMTP_PORTS = {"smtp": 25, "smtp+tls": 587, "smtps": 465}


def parse_email_url(url: str, *, name: str = "CLEANCLAIM_EMAIL_URL") -> dict[str, Any]:
    """Turn ``smtp://user:password@host:port`` (plain, or ``smtp+tls://`` for STARTTLS,
    ``smtps://`` for TLS from the start), ``file:///absolute/folder`` or ``console:``
    into Django's email settings. Percent-encode special characters in the password."""
    raw = url.strip()
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme in _SMTP_PORTS:
        if not parts.hostname:
            raise ConfigError(f"{name}: an {scheme}:// URL needs a host, got {raw!r}")
        try:
            port = parts.port
        except ValueError:
            raise ConfigError(f"{name}: the port in {raw!r} is not a number") from None
        if parts.path not in ("", "/") or parts.query or parts.fragment:
            raise ConfigError(f"{name}: {scheme}:// takes no path or query, got {raw!r}")
        if (parts.username is None) != (parts.password is None):
            raise ConfigError(f"{name}: give both a user and a password, or neither")
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": port or _SMTP_PORTS[scheme],
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": scheme == "smtp+tls",
            "EMAIL_USE_SSL": scheme == "smtps",
            "EMAIL_TIMEOUT": 30,
        }
    if scheme == "file":
        path = unquote(parts.path)
        if parts.netloc or not path.startswith("/") or parts.query:
            raise ConfigError(f"{name}: expected file:///absolute/folder, got {raw!r}")
        return {"EMAIL_BACKEND": "cleanclaim.web.mail.PrivateFileBackend", "EMAIL_FILE_PATH": path}
    if scheme == "console" and not (parts.netloc or parts.path or parts.query):
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    raise ConfigError(
        f"{name}: expected smtp://, smtp+tls://, smtps://, file:///folder or console:, got {raw!r}"
    )


def _email(env: Mapping[str, str], production: bool, var_dir: Path) -> dict[str, Any]:
    raw = env.get("CLEANCLAIM_EMAIL_URL", "").strip()
    if raw:
        return parse_email_url(raw)
    if production:
        return {"EMAIL_BACKEND": UNCONFIGURED_EMAIL}
    return {
        "EMAIL_BACKEND": "cleanclaim.web.mail.PrivateFileBackend",
        "EMAIL_FILE_PATH": str(var_dir / "mail"),
    }


def _email_from(env: Mapping[str, str]) -> str:
    raw = env.get("CLEANCLAIM_EMAIL_FROM", "").strip()
    if not raw:
        return "cleanclaim@localhost"
    address = raw.rsplit("<", 1)[-1].rstrip(">").strip()
    local, at, domain = address.partition("@")
    if not (local and at and domain) or any(c.isspace() for c in address):
        raise ConfigError(
            f"CLEANCLAIM_EMAIL_FROM: expected an address such as "
            f"'cleanclaim <billing@example.com>', got {raw!r}"
        )
    return raw


_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def env_clock(env: Mapping[str, str], name: str, default: tuple[int, int]) -> tuple[int, int]:
    """``HH:MM`` on a 24-hour clock (``"07:00"``, ``"18:30"``) as (hour, minute)."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    match = _CLOCK.fullmatch(raw)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ConfigError(f"{name}: expected a time HH:MM on a 24-hour clock, got {raw!r}")
    return (int(match[1]), int(match[2]))


def _time_zone(env: Mapping[str, str], name: str = "CLEANCLAIM_TIME_ZONE") -> str:
    raw = env.get(name, "").strip()
    if not raw:
        return "UTC"
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"{name}: expected a time zone name such as America/New_York, got {raw!r}"
        ) from None
    return raw


def _broker_url(env: Mapping[str, str], name: str) -> str | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    scheme = urlsplit(raw).scheme.lower()
    if scheme not in {"redis", "rediss", "amqp", "amqps", "memory"}:
        raise ConfigError(f"{name}: expected a redis://, rediss:// or amqp:// URL, got {raw!r}")
    return raw


def _secret_key(env: Mapping[str, str], production: bool, var_dir: Path) -> tuple[str, str]:
    direct = env.get("CLEANCLAIM_SECRET_KEY", "")
    file_name = env.get("CLEANCLAIM_SECRET_KEY_FILE", "")
    if direct and file_name:
        raise ConfigError(
            "CLEANCLAIM_SECRET_KEY and CLEANCLAIM_SECRET_KEY_FILE are both set; set only one"
        )
    if file_name:
        try:
            key = Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(
                f"CLEANCLAIM_SECRET_KEY_FILE: cannot read {file_name!r} ({exc.strerror})"
            ) from None
        source = f"file {file_name}"
    elif direct:
        key, source = direct.strip(), "CLEANCLAIM_SECRET_KEY"
    elif production:
        raise ConfigError(
            "CLEANCLAIM_SECRET_KEY (or CLEANCLAIM_SECRET_KEY_FILE) is required "
            "when CLEANCLAIM_PRODUCTION is on"
        )
    else:
        return _dev_secret_key(var_dir), f"generated {var_dir / 'secret_key'}"
    name = "CLEANCLAIM_SECRET_KEY_FILE" if file_name else "CLEANCLAIM_SECRET_KEY"
    if len(key) < 32:
        raise ConfigError(f"{name}: the key must be at least 32 characters, got {len(key)}")
    return key, source


def private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) readable by its owner only: mode 0700
    whatever the umask, and an existing directory of ours with looser bits is tightened.
    A directory owned by someone else (a shared mount) is left alone."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    _tighten(path, 0o700)


def private_file(path: Path) -> None:
    """Make an existing file of ours mode 0600 (the SQLite database, the secret key);
    a missing file is created empty with 0600 so SQLite never makes it world-readable."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        os.close(fd)
    _tighten(path, 0o600)


def _tighten(path: Path, mode: int) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    if st.st_uid == os.getuid() and st.st_mode & 0o077:  # group or others have a bit
        try:
            path.chmod(mode)
        except OSError as exc:
            raise ConfigError(
                f"cannot make {path} private (mode {mode:o}): {exc.strerror}"
            ) from None


def _dev_secret_key(var_dir: Path) -> str:
    """A key kept in ``var/secret_key`` (mode 0600) so sessions survive restarts in development."""
    path = var_dir / "secret_key"
    try:
        key = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        pass
    else:
        _tighten(path, 0o600)
        return key
    private_dir(var_dir)
    key = secrets.token_urlsafe(50)
    # Written aside, then linked into place: two processes starting at once both
    # end up with the one key that won, never a half-written file or a traceback.
    draft = var_dir / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key + "\n")
    try:
        os.link(draft, path)
    except FileExistsError:
        key = path.read_text(encoding="utf-8").strip()
    finally:
        draft.unlink()
    return key


def load(env: Mapping[str, str] | None = None, *, cwd: Path | None = None) -> Config:
    """Read the whole configuration from ``env`` (default ``os.environ``)."""
    env = os.environ if env is None else env
    base = cwd or Path.cwd()
    var_raw = env.get("CLEANCLAIM_VAR_DIR", "").strip()
    var_dir = Path(var_raw) if var_raw else base / "var"
    production = env_bool(env, "CLEANCLAIM_PRODUCTION", False)
    debug = env_bool(env, "CLEANCLAIM_DEBUG", False)
    if production and debug:
        raise ConfigError("CLEANCLAIM_DEBUG: must be off when CLEANCLAIM_PRODUCTION is on")
    db_url = env.get("DATABASE_URL", "").strip()
    if db_url:
        database = parse_database_url(db_url, var_dir=var_dir)
    else:
        database = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(var_dir / "cleanclaim.sqlite3"),
            "OPTIONS": {},
        }
    private_dir(var_dir)
    if database["ENGINE"].endswith("sqlite3") and database["NAME"] != ":memory:":
        db_file = Path(database["NAME"])
        db_file.parent.mkdir(parents=True, exist_ok=True)
        private_file(db_file)
        busy = env_int(env, "CLEANCLAIM_SQLITE_BUSY_TIMEOUT", 20, low=1, high=600)
        database["OPTIONS"] = {**sqlite_options(busy), **database["OPTIONS"]}
        for suffix in ("-wal", "-shm", "-journal"):  # SQLite's side files, when present
            _tighten(db_file.with_name(db_file.name + suffix), 0o600)
    default_hosts = [] if production else ["127.0.0.1", "localhost", "[::1]"]
    allowed_hosts = env_list(env, "CLEANCLAIM_ALLOWED_HOSTS", default_hosts)
    if production and not allowed_hosts:
        raise ConfigError("CLEANCLAIM_ALLOWED_HOSTS is required when CLEANCLAIM_PRODUCTION is on")
    origins = env_list(env, "CLEANCLAIM_CSRF_TRUSTED_ORIGINS", [])
    for origin in origins:
        if urlsplit(origin).scheme not in {"http", "https"}:
            raise ConfigError(
                f"CLEANCLAIM_CSRF_TRUSTED_ORIGINS: {origin!r} must start with https:// or http://"
            )
    secret_key, secret_source = _secret_key(env, production, var_dir)
    broker = _broker_url(env, "CELERY_BROKER_URL")
    backend = _broker_url(env, "CELERY_RESULT_BACKEND") or broker
    level = env.get("CLEANCLAIM_LOG_LEVEL", "INFO").strip().upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise ConfigError(
            f"CLEANCLAIM_LOG_LEVEL: expected DEBUG, INFO, WARNING, ERROR or CRITICAL, got {level!r}"
        )
    cores = os.cpu_count() or 1
    api_docs = env.get("CLEANCLAIM_API_DOCS", "").strip().lower() or (
        "login" if production else "public"
    )
    if api_docs not in {"public", "login"}:
        raise ConfigError(f"CLEANCLAIM_API_DOCS: expected public or login, got {api_docs!r}")

    require_2fa = env.get("CLEANCLAIM_REQUIRE_2FA", "admins").strip().lower() or "admins"
    if require_2fa not in {"admins", "all"}:
        raise ConfigError(
            f"CLEANCLAIM_REQUIRE_2FA: expected admins or all, got {env['CLEANCLAIM_REQUIRE_2FA']!r}"
        )
    return Config(
        debug=debug,
        production=production,
        secret_key=secret_key,
        secret_key_source=secret_source,
        databases={"default": database},
        allowed_hosts=allowed_hosts,
        csrf_trusted_origins=origins,
        session_idle_minutes=env_int(env, "CLEANCLAIM_SESSION_IDLE_MINUTES", 15, low=1, high=1440),
        login_max_failures=env_int(env, "CLEANCLAIM_LOGIN_MAX_FAILURES", 5, low=1, high=100),
        login_lock_minutes=env_int(env, "CLEANCLAIM_LOGIN_LOCK_MINUTES", 15, low=1, high=1440),
        celery_broker_url=broker,
        celery_result_backend=backend,
        var_dir=var_dir,
        log_level=level,
        web_workers=env_int(env, "CLEANCLAIM_WEB_WORKERS", min(2 * cores + 1, 9), low=1, high=64),
        web_threads=env_int(env, "CLEANCLAIM_WEB_THREADS", 4, low=1, high=64),
        api_docs=api_docs,
        require_2fa=require_2fa,
        email=_email(env, production, var_dir),
        email_from=_email_from(env),
        invitation_days=env_int(env, "CLEANCLAIM_INVITATION_DAYS", 7, low=1, high=90),
        cms1500_offset_mm=parse_cms1500_offset(env),
        no_answer_days=env_int(env, "CLEANCLAIM_NO_ANSWER_DAYS", 30, low=1, high=365),
        time_zone=_time_zone(env),
        poll_minutes=env_int(env, "CLEANCLAIM_POLL_MINUTES", 5, low=1, high=1440),
        claim_status_at=env_clock(env, "CLEANCLAIM_CLAIM_STATUS_AT", (7, 0)),
        eligibility_at=env_clock(env, "CLEANCLAIM_ELIGIBILITY_AT", (18, 0)),
    )
