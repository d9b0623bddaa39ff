"""Fixtures for the remittance tests: the shared 835 samples the engine reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.x12 import X12Error, parse


@pytest.fixture(scope="session")
def samples_835(shared_data: Path) -> list[Path]:
    """The 5010 835 samples (the 4010 and prose files among them are not 835s we read)."""
    found = []
    for f in sorted((shared_data / "x12" / "835").iterdir()):
        try:
            doc = parse(f.read_bytes())
        except X12Error:
            continue
        if any(t.guide.name == "835" for t in doc.transactions):
            found.append(f)
    if not found:
        pytest.skip("no readable 835 sample in ../shared/data/x12/835")
    return found
