"""The engine's public surface is what ``__all__`` says, and it imports no Django."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import cleanclaim.paper as paper


def test_it_exports_exactly_its_public_names() -> None:
    for name in paper.__all__:
        assert hasattr(paper, name), name
    assert {"Cms1500Claim", "Cms1500Line", "Cms1500Error", "render", "from_837p"} <= set(
        paper.__all__
    )


def test_it_imports_without_django() -> None:
    code = "import sys, cleanclaim.paper; print('django' in sys.modules)"
    src = str(Path(paper.__file__).resolve().parents[2])  # this checkout's src/
    env = {**os.environ, "PYTHONPATH": src}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"
