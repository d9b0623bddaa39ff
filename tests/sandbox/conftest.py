"""Fixtures for the sandbox adjudicator: the example world, a fresh adjudicator as of a
fixed day, and pyx12 as the outside referee."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sandbox_helpers import EXAMPLE_WORLD, TODAY

from cleanclaim.sandbox.adjudicator import Adjudicator
from cleanclaim.sandbox.world import World


@pytest.fixture
def world() -> World:
    return World.load(EXAMPLE_WORLD)


@pytest.fixture
def make_adjudicator(world: World, tmp_path: Path) -> Callable[..., Adjudicator]:
    def make(today: dt.date = TODAY, state: str = "state", w: World | None = None) -> Adjudicator:
        return Adjudicator(w or world, today=today, state_dir=tmp_path / state)

    return make


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
def pyx12_validate() -> Callable[[bytes], tuple[bool, list[dict[str, Any]]]]:
    """``data -> (valid, errors)`` by pyx12's validator (the outside referee)."""
    pyx12_params = pytest.importorskip("pyx12.params")
    pyx12_doc = pytest.importorskip("pyx12.x12n_document")
    logging.getLogger("pyx12").setLevel(logging.CRITICAL)

    def run(data: bytes) -> tuple[bool, list[dict[str, Any]]]:
        out = io.StringIO()
        ok = pyx12_doc.x12n_document(
            pyx12_params.params(), io.StringIO(data.decode()), None, None, fd_json=out
        )
        return bool(ok), _errors(json.loads(out.getvalue()), [])

    return run
