"""Run pyx12 (the outside referee) on X12 text: does it find errors, and which?"""

from __future__ import annotations

import io
import logging
import re
import tempfile
import warnings
from pathlib import Path


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def pyx12_run(text: str) -> tuple[bool, list[str]]:
    """(no error?, pyx12's error messages) for ``text``."""
    import pyx12.params
    import pyx12.x12n_document

    handler = _Collect()
    root = logging.getLogger("pyx12")  # other suites may have silenced it: restore after
    saved = root.level
    root.addHandler(handler)
    root.setLevel(logging.ERROR)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.x12"
            src.write_text(text)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ok = pyx12.x12n_document.x12n_document(
                    pyx12.params.params(), str(src), io.StringIO(), None, None
                )
    finally:
        root.removeHandler(handler)
        root.setLevel(saved)
    errors = [m for m in handler.messages if not m.startswith(("Failed to create", "Cannot"))]
    return bool(ok), errors


def pyx12_ok(text: str) -> bool:
    """True when pyx12's validator reports no error for ``text``."""
    return pyx12_run(text)[0]


def pyx12_refs(text: str) -> set[str]:
    """The element or segment references pyx12 complains about (``TS309``, ``PER``)."""
    refs: set[str] = set()
    for message in pyx12_run(text)[1]:
        found = re.findall(r"\(([A-Z][A-Z0-9]{1,2}(?:\d\d(?:-\d\d)?)?)\)", message)
        refs.update(found)
    return refs
