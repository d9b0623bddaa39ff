"""The public surface of cleanclaim.codes is what ``__all__`` says, and it imports no Django."""

from __future__ import annotations

import subprocess
import sys

import cleanclaim.codes as codes


def test_it_exports_exactly_its_public_names() -> None:
    for name in codes.__all__:
        assert hasattr(codes, name), name
    assert {"open_store", "Store", "CodeSource", "Lookup", "SearchHit", "import_paths"} <= set(
        codes.__all__
    )


def test_it_imports_without_django() -> None:
    code = "import sys, cleanclaim.codes.store, cleanclaim.codes.search; "
    code += "print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_store_implements_every_code_source_method(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import inspect

    from cleanclaim.codes.model import CodeSource
    from cleanclaim.codes.store import Store

    store = Store(tmp_path)
    for name, member in inspect.getmembers(CodeSource, inspect.isfunction):
        if name.startswith("_"):
            continue
        ours = inspect.signature(getattr(store, name))
        theirs = inspect.signature(member)
        assert list(ours.parameters) == [p for p in theirs.parameters if p != "self"], name
