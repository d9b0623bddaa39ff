"""Where loaded reference data lives on disk."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["refdata_dir", "user_cache_dir"]


def refdata_dir() -> Path:
    """``$CLEANCLAIM_REFDATA_DIR``, else ``var/refdata`` under the current directory."""
    env = os.environ.get("CLEANCLAIM_REFDATA_DIR")
    path = Path(env) if env else Path.cwd() / "var" / "refdata"
    return path


def user_cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/cleanclaim``, else ``~/.cache/cleanclaim`` (None without a home):
    caches of what the installed package itself ships, shared by every refdata folder."""
    env = os.environ.get("XDG_CACHE_HOME")
    try:
        base = Path(env) if env else Path.home() / ".cache"
    except RuntimeError:  # no home directory to be found
        return None
    return base / "cleanclaim"
