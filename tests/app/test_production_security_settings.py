"""Production mode turns on secure cookies, HSTS and SSL redirect; passwords use Argon2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

SRC = Path(__file__).resolve().parents[2] / "src"
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({k: getattr(s, k, None) for k in ["
    "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT', "
    "'SECURE_HSTS_SECONDS', 'ALLOWED_HOSTS']}))"
)


def _settings(tmp_path: Path, **env: str) -> dict[str, object]:
    full = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("CLEANCLAIM_", "DATABASE_"))},
        "PYTHONPATH": str(SRC),
        "DJANGO_SETTINGS_MODULE": "cleanclaim.web.settings",
        "CLEANCLAIM_VAR_DIR": str(tmp_path),
        **env,
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=full, check=True
    )
    return json.loads(out.stdout)


def test_it_secures_cookies_and_transport_in_production(tmp_path: Path) -> None:
    prod = _settings(
        tmp_path,
        CLEANCLAIM_PRODUCTION="yes",
        CLEANCLAIM_SECRET_KEY="s" * 50,
        CLEANCLAIM_ALLOWED_HOSTS="billing.example",
    )
    assert prod == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "ALLOWED_HOSTS": ["billing.example"],
    }


def test_it_leaves_transport_alone_in_development(tmp_path: Path) -> None:
    dev = _settings(tmp_path)
    assert dev["SESSION_COOKIE_SECURE"] is False
    assert dev["SECURE_SSL_REDIRECT"] is False
    assert dev["SECURE_HSTS_SECONDS"] == 0


def test_it_hashes_passwords_with_argon2_and_checks_csrf() -> None:
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
