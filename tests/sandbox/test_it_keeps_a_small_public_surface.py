"""The sandbox engine's public surface is what its __all__ names, and it imports no Django."""

from __future__ import annotations

import subprocess
import sys

import cleanclaim.sandbox as sandbox


def test_it_exports_the_adjudicator_and_the_world() -> None:
    assert sorted(sandbox.__all__) == ["Adjudicator", "OutFile", "World", "WorldError"]
    for name in sandbox.__all__:
        assert getattr(sandbox, name).__module__.startswith("cleanclaim.sandbox.")


def test_it_does_not_import_django() -> None:
    code = "import sys, cleanclaim.sandbox; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
