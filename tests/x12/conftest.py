"""Fixtures for the X12 engine tests: the shared 837P samples and pyx12 as a referee."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="session")
def samples_837p(shared_data: Path) -> list[Path]:
    """Every 5010 837P sample (4010 ones and the prose-prefixed one are tested apart)."""
    return sorted(
        p
        for p in (shared_data / "x12" / "837P").iterdir()
        if "004010" not in p.name and p.name != "stupidedi_X222_case_1.edi"
    )


def _errors(node: Any, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        out.extend(node.get("errors") or [])
        for key, value in node.items():
            if key != "errors":
                _errors(value, out)
    elif isinstance(node, list):
        for value in node:
            _errors(value, out)
    return out


@pytest.fixture(scope="session")
def pyx12_validate() -> Callable[[str], tuple[bool, list[dict[str, Any]]]]:
    """``text -> (valid, errors)`` by pyx12's validator (the outside referee).

    pyx12 4.0 ships no map for 005010X222A2; A2 is an errata of the same guide
    with the same structure for these samples, so A2 files are checked against
    the A1 map (the version string is swapped on a copy, never in the file).
    """
    pyx12_params = pytest.importorskip("pyx12.params")
    pyx12_doc = pytest.importorskip("pyx12.x12n_document")
    logging.getLogger("pyx12").setLevel(logging.CRITICAL)

    def run(text: str) -> tuple[bool, list[dict[str, Any]]]:
        out = io.StringIO()
        ok = pyx12_doc.x12n_document(
            pyx12_params.params(),
            io.StringIO(text.replace("005010X222A2", "005010X222A1")),
            None,
            None,
            fd_json=out,
        )
        return bool(ok), _errors(json.loads(out.getvalue()), [])

    return run
