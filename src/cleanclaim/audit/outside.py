"""The log of what happens to the database outside the app: ``manage flush`` with
the audit trail's consent flag and ``manage dbshell``.

Such actions can remove or bypass the audit trail, so they are not recorded in it but
appended as JSON lines to ``<CLEANCLAIM_VAR_DIR>/audit-outside.log`` (mode 0600): who
(the operating-system user), when (UTC), which process, which database. Ship that file
to your log collector with the rest of the host's logs.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from django.conf import settings

FILENAME = "audit-outside.log"


def log_path() -> Path:
    return Path(settings.VAR_DIR) / FILENAME


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER
        return f"uid {os.getuid()}"


def append(event: str, **details: Any) -> Path:
    """Append one line about ``event`` and return the log's path."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "event": event,
        "os_user": _os_user(),
        "pid": os.getpid(),
        "argv": sys.argv[:6],
        **details,
    }
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as f:
        f.write(json.dumps(line, sort_keys=True) + "\n")
    return path
