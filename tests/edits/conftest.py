"""Fixtures for the scrubber tests: a claim factory (persona: Alice Adams, a
commercial-plan patient seen by Dr. Rivera at a clinic with a full ZIP+4) and
NCCI tables imported from the official excerpts in ../shared/data."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cleanclaim.codes import ncci
from cleanclaim.edits import (
    Address,
    Patient,
    Payer,
    Provider,
    ScrubClaim,
    ScrubContext,
    ServiceLine,
    scrub_claim,
)

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 8, 20)  # frozen "today" for every test
DOS = dt.date(2026, 8, 3)

VALID_NPI = "1234567893"  # the CMS example NPI, correct check digit
VALID_NPI_2 = "1245319599"


def line(number: int = 1, procedure: str = "99213", **kw: Any) -> ServiceLine:
    base: dict[str, Any] = {
        "modifiers": (),
        "charge": Decimal("100.00"),
        "units": Decimal(1),
        "dx_pointers": (1,),
        "service_date": DOS,
    }
    base.update(kw)
    return ServiceLine(number=number, procedure=procedure, **base)


def claim(*lines: ServiceLine, **kw: Any) -> ScrubClaim:
    lines = lines or (line(),)
    base: dict[str, Any] = {
        "claim_id": "ALICE-1",
        "total_charge": sum((ln.charge for ln in lines), Decimal(0)),
        "lines": tuple(lines),
        "diagnoses": ("J06.9",),
        "frequency_code": "1",
        "place_of_service": "11",
        "billing_provider": Provider(
            VALID_NPI,
            "Rivera Family Clinic",
            Address("1 Main St", "", "Springfield", "IL", "627011234"),
        ),
        "rendering_npi": VALID_NPI_2,
        "subscriber_id": "XJH123456789",
        "patient": Patient("ADAMS ALICE", dt.date(1980, 4, 2), "F", "XJH123456789"),
        "payer": Payer("ACME HEALTH", "ACME01", "commercial"),
        "filing_indicator": "CI",
    }
    base.update(kw)
    return ScrubClaim(**base)


def rules_of(c: ScrubClaim, ctx: ScrubContext) -> list[str]:
    return [f.rule for f in scrub_claim(c, ctx).findings]


@pytest.fixture
def ctx() -> ScrubContext:
    return ScrubContext(as_of=TODAY)


@pytest.fixture(scope="session")
def ncci_dir(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("refdata")
    for f in sorted((shared_data / "ncci").iterdir()):
        ncci.import_file(f, root)
    ncci.import_file(FIXTURES / "AOC_V2026Q3-MCR.txt", root)
    return root


@pytest.fixture(scope="session")
def code_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The codes engine's store: full ICD-10-CM FY2026 from the package, starter sets."""
    from cleanclaim.codes.store import open_store

    store = open_store(tmp_path_factory.mktemp("codes"))
    return store


@pytest.fixture
def icd_ctx(code_store: Any) -> ScrubContext:
    return ScrubContext(as_of=TODAY, codes=code_store)


@pytest.fixture
def ncci_ctx(ncci_dir: Path) -> ScrubContext:
    return ScrubContext(as_of=TODAY, ncci=ncci.load_tables(ncci_dir))


class Factory:
    """What tests build claims with: ``mk.claim(mk.line(...), ...)``."""

    TODAY = TODAY
    DOS = DOS
    VALID_NPI = VALID_NPI
    line = staticmethod(line)
    claim = staticmethod(claim)
    rules_of = staticmethod(rules_of)
    replace = staticmethod(replace)

    @staticmethod
    def findings(c: ScrubClaim, ctx: ScrubContext, rule: str) -> list[Any]:
        return [f for f in scrub_claim(c, ctx).findings if f.rule == rule]


@pytest.fixture
def mk() -> Factory:
    return Factory()


@pytest.fixture
def cli_refdata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code_store: Any) -> None:
    """For CLI runs: an empty refdata dir (no NCCI) and the session's codes store (full
    ICD-10-CM), so each run does not re-read the tabular."""
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(tmp_path / "refdata"))
    monkeypatch.setattr("cleanclaim.edits.refdata.load_code_source", lambda root: code_store)
