"""proc-invalid against the real CMS HCPCS 2020 annual file (imported through the
codes engine): absent codes, codes terminated before the date of service, and a
stale code set (date of service after the file's year) only warning."""

from __future__ import annotations

import datetime as dt
import gc
import warnings
from pathlib import Path

import pytest

from cleanclaim.codes import importing
from cleanclaim.codes.store import open_store
from cleanclaim.edits import ScrubContext

IN_2020 = dt.date(2020, 6, 1)


@pytest.fixture(scope="module")
def hcpcs_store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hcpcs")
    importing.import_file(shared_data / "hcpcs" / "2020-Alpha-Numeric-HCPCS-File.zip", root)
    store = open_store(root)
    with warnings.catch_warnings():  # see conftest.code_store
        warnings.simplefilter("ignore", ResourceWarning)
        store.releases()
        gc.collect()
    return store


def _ctx(store, today: dt.date) -> ScrubContext:
    return ScrubContext(as_of=today, codes=store)


def test_it_flags_an_hcpcs_code_absent_from_the_release(mk, hcpcs_store) -> None:
    c = mk.claim(mk.line(1, "G9999", service_date=IN_2020))
    (f,) = mk.findings(c, _ctx(hcpcs_store, dt.date(2020, 6, 20)), "PROC-001")
    assert f.severity == "error" and "G9999" in f.message and "2020" in f.source


def test_it_flags_a_code_terminated_before_the_date_of_service(mk, hcpcs_store) -> None:
    c = mk.claim(mk.line(1, "A4466", service_date=IN_2020))  # ended 2016-12-31
    (f,) = mk.findings(c, _ctx(hcpcs_store, dt.date(2020, 6, 20)), "PROC-001")
    assert "A4466 is not a valid HCPCS code on 2020-06-01" in f.message


def test_it_accepts_a_code_in_force(mk, hcpcs_store) -> None:
    c = mk.claim(mk.line(1, "G0438", service_date=IN_2020))
    assert mk.findings(c, _ctx(hcpcs_store, dt.date(2020, 6, 20)), "PROC-001") == []


def test_it_only_warns_when_the_code_set_is_stale(mk, hcpcs_store) -> None:
    c = mk.claim(mk.line(1, "G9999"))  # DOS 2026-08-03, newest HCPCS loaded is 2020
    (f,) = mk.findings(c, _ctx(hcpcs_store, mk.TODAY), "PROC-001")
    assert f.severity == "warning" and "stale" in f.message
