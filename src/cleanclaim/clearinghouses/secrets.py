"""Connection credentials, encrypted at rest with Fernet (AES-128-CBC + HMAC-SHA256).

The key comes from ``CLEANCLAIM_CREDENTIALS_KEY`` or ``CLEANCLAIM_CREDENTIALS_KEY_FILE``
(a urlsafe-base64 Fernet key, as ``cryptography.fernet.Fernet.generate_key()``
writes); one of them is required when ``CLEANCLAIM_PRODUCTION`` is on. In development
with neither, a key is generated into ``var/credentials_key`` (mode 0600), as the
secret key is. ``Connection.secrets`` holds the Fernet token of a JSON object; nothing
here logs a value, and audit entries show ``(changed)`` only.
"""

from __future__ import annotations

import json
import os
import secrets as _random
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from cleanclaim.web.config import ConfigError, env_bool, private_dir

_KEY = "CLEANCLAIM_CREDENTIALS_KEY"
_KEY_FILE = "CLEANCLAIM_CREDENTIALS_KEY_FILE"


class SecretsUnreadable(Exception):
    """Stored credentials that this key cannot decrypt (the key changed)."""


def credentials_key(env: Mapping[str, str], *, var_dir: Path) -> bytes:
    """The Fernet key from the environment, strictly: both variables set, an
    unreadable file or a malformed key is a :class:`ConfigError` naming the variable."""
    direct = env.get(_KEY, "").strip()
    file_name = env.get(_KEY_FILE, "").strip()
    if direct and file_name:
        raise ConfigError(f"{_KEY} and {_KEY_FILE} are both set; set only one")
    if file_name:
        try:
            key = Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"{_KEY_FILE}: cannot read {file_name!r} ({exc.strerror})") from None
        name = _KEY_FILE
    elif direct:
        key, name = direct, _KEY
    elif env_bool(env, "CLEANCLAIM_PRODUCTION", False):
        raise ConfigError(f"{_KEY} (or {_KEY_FILE}) is required when CLEANCLAIM_PRODUCTION is on")
    else:
        return _dev_key(var_dir)
    try:
        Fernet(key.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise ConfigError(
            f"{name}: expected a Fernet key (32 bytes in urlsafe base64, 44 characters)"
        ) from None
    return key.encode("ascii")


def _dev_key(var_dir: Path) -> bytes:
    """A key kept in ``var/credentials_key`` (mode 0600), generated on first use."""
    path = var_dir / "credentials_key"
    try:
        return path.read_text(encoding="ascii").strip().encode("ascii")
    except FileNotFoundError:
        pass
    private_dir(var_dir)
    key = Fernet.generate_key()
    draft = var_dir / f".credentials_key.{os.getpid()}.{_random.token_hex(4)}"
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key + b"\n")
    try:
        os.link(draft, path)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip().encode("ascii")
    finally:
        draft.unlink()
    return key


@cache
def _fernet() -> Fernet:
    from django.conf import settings

    return Fernet(credentials_key(os.environ, var_dir=Path(settings.VAR_DIR)))


def encrypt(values: Mapping[str, str]) -> str:
    """The Fernet token (text) of ``values``; ``""`` when there is nothing to keep."""
    if not values:
        return ""
    return _fernet().encrypt(json.dumps(dict(values), sort_keys=True).encode()).decode("ascii")


def decrypt(token: str) -> dict[str, str]:
    if not token:
        return {}
    try:
        data: Any = json.loads(_fernet().decrypt(token.encode("ascii")))
    except InvalidToken:
        raise SecretsUnreadable(
            "stored credentials cannot be read with the current credentials key "
            f"({_KEY}); enter them again"
        ) from None
    return {str(k): str(v) for k, v in data.items()}


def read_secrets(connection: Any) -> dict[str, str]:
    """The decrypted secrets of a connection (never log the result)."""
    return decrypt(connection.secrets)
