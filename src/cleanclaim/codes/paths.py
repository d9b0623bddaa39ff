"""Where loaded reference data lives on disk."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["refdata_dir"]


def refdata_dir() -> Path:
    """``$CLEANCLAIM_REFDATA_DIR``, else ``var/refdata`` under the current directory."""
    env = os.environ.get("CLEANCLAIM_REFDATA_DIR")
    path = Path(env) if env else Path.cwd() / "var" / "refdata"
    return path
