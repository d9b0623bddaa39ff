"""The benefits engine is plain Python: importing it loads no Django."""

from __future__ import annotations

import subprocess
import sys


def test_it_imports_no_django() -> None:
    code = "import sys, cleanclaim.benefits; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
