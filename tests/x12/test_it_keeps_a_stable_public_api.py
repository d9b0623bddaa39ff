"""The engine's public surface: what ``__all__`` promises exists, and no Django sneaks in."""

from __future__ import annotations

import importlib
import subprocess
import sys

import cleanclaim.x12 as x12

MODULES = [
    "cleanclaim.x12",
    "cleanclaim.x12._registry",
    "cleanclaim.x12.x222a1_837p",
    "cleanclaim.x12.x231a1_999",
]


def test_it_exports_what_it_promises() -> None:
    for name in MODULES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            assert hasattr(module, attr), f"{name}.{attr}"
    assert {"parse", "validate", "X12Error", "Finding", "Guide", "write_json"} <= set(x12.__all__)


def test_it_registers_the_837p_and_999_guides() -> None:
    names = {(g.name, v) for g in x12.all_guides() for v in g.versions}
    assert {("837P", "005010X222A1"), ("837P", "005010X222A2"), ("999", "005010X231A1")} <= names


def test_it_imports_no_django() -> None:
    code = (
        "import sys, cleanclaim.x12.x222a1_837p, cleanclaim.x12.x231a1_999; "
        "print('django' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
