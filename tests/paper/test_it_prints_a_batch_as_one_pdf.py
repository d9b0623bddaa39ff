"""A batch of claims is one PDF: a page per claim (more for a long claim), in order."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable

from pypdf import PdfReader

from cleanclaim.paper import Cms1500Claim, Cms1500Line, render

from .conftest import Placed


def test_it_prints_a_batch_of_claims_in_one_pdf(
    claim: Cms1500Claim, line: Callable[..., Cms1500Line], read_back: Callable[..., Placed]
) -> None:
    second = dataclasses.replace(claim, insured_id="ABC0002", patient_account="ACCT1002")
    long = dataclasses.replace(claim, insured_id="ABC0003", lines=[line()] * 7)
    pdf = render([claim, second, long], mode="plain")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 4
    ids = [
        next(t for t, _, _ in read_back(pdf, n) if t.startswith(("XYZ", "ABC"))) for n in range(4)
    ]
    assert ids == ["XYZ123456789", "ABC0002", "ABC0003", "ABC0003"]
