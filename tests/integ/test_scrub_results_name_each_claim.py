"""Scrub results a biller can act on: each claim shows patient, member ID, payer, dates
of service, total charge and the source file; the summary counts clean, warnings-only
and error claims; what was not checked is said once (NCCI not loaded) — on the page,
in the API answer and in the CLI's text and JSON."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cleanclaim.cli import main
from cleanclaim.tenancy.permissions import Role

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

AS_OF = "2026-08-20"
KNOWN = FIXTURES / "known_defects.837"
NCCI_NOTICES = ("NCCI PTP not loaded: pairs not checked", "NCCI MUE not loaded: units not checked")


def _with_a_warning_only_claim(tmp_path: Path) -> Path:
    """known_defects.837 plus a third claim whose only finding is a warning (a modifier
    missing from the starter Level I list)."""
    text = KNOWN.read_text()
    extra = (
        "CLM*WARN-1*80***11:B:1*Y*A*Y*Y~HI*ABK:J069~"
        "NM1*82*1*RIVERA*MARIA****XX*1245319599~PRV*PE*PXC*207Q00000X~"
        "LX*1~SV1*HC:99213:33*80*UN*1***1~DTP*472*RD8*20260803-20260805~"
    )
    head, tail = text.split("SE*", 1)
    count = int(tail.split("*", 1)[0]) + extra.count("~")
    se_rest = tail.split("*", 1)[1]
    path = tmp_path / "three.837"
    path.write_text(head + extra + f"SE*{count}*" + se_rest)
    return path


def test_the_cli_names_each_claim_and_counts_three_ways(tmp_path: Path, capsys) -> None:
    f = _with_a_warning_only_claim(tmp_path)
    assert main(["scrub", str(f), "--as-of", AS_OF]) == 1
    out = capsys.readouterr().out
    assert (
        f"Claim WARN-1 — ADAMS, ALICE (member XJH123456789) · ACME HEALTH (ACME01) · "
        f"2026-08-03 to 2026-08-05 · $80 · {f} ST 0001: warnings only (1)" in out
    )
    assert "3 claim(s): 1 clean, 1 with warnings only, 1 with errors" in out
    for n in NCCI_NOTICES:
        assert out.count(f"Notice: {n}") == 1
    assert main(["scrub", str(f), "--json", "--as-of", AS_OF]) == 1
    doc = json.loads(capsys.readouterr().out)
    warn = next(c for c in doc["claims"] if c["claim_id"] == "WARN-1")
    assert warn["status"] == "warnings" and warn["total_charge"] == "80"
    assert (warn["patient"], warn["member_id"], warn["payer"]) == (
        "ADAMS, ALICE",
        "XJH123456789",
        "ACME HEALTH",
    )
    assert (warn["service_from"], warn["service_to"], warn["file"]) == (
        "2026-08-03",
        "2026-08-05",
        str(f),
    )
    s = doc["summary"]
    assert (s["clean"], s["warnings_only"], s["with_errors"]) == (1, 1, 1)
    assert set(NCCI_NOTICES) <= set(doc["notices"])


def test_the_api_answers_the_same_fields(client_as, tmp_path: Path) -> None:
    data = _with_a_warning_only_claim(tmp_path).read_bytes()
    r = client_as(Role.BILLER).post(
        reverse("api:scrub") + f"?as_of={AS_OF}", data, content_type="application/edi-x12"
    )
    assert r.status_code == 200, r.content
    doc = r.json()
    assert [c["status"] for c in doc["claims"]] == ["clean", "errors", "warnings"]
    assert doc["claims"][1]["total_charge"] == "150" and doc["claims"][1]["file"] == "request body"
    assert doc["summary"]["warnings_only"] == 1
    assert set(NCCI_NOTICES) <= set(doc["notices"])


def test_the_page_shows_each_claim_and_the_notices_once(client_as, tmp_path: Path) -> None:
    data = _with_a_warning_only_claim(tmp_path).read_bytes()
    f = SimpleUploadedFile("batch-07.837", data, content_type="application/octet-stream")
    r = client_as(Role.BILLER).post(reverse("scrubbing:upload"), {"file": f, "as_of": AS_OF})
    assert r.status_code == 200
    body = html.unescape(r.content.decode())
    summary = body.split('id="summary"', 1)[1].split("</ul>", 1)[0]
    assert "<strong>1</strong> clean" in summary
    assert "<strong>1</strong> with warnings only" in summary
    assert "<strong>1</strong> with errors" in summary
    for n in NCCI_NOTICES:
        assert body.count(n) == 1
    warn = body.split("Claim WARN-1", 1)[1].split("</article>", 1)[0]
    fields = ("ADAMS, ALICE", "XJH123456789", "ACME HEALTH (ACME01)", "2026-08-03 to 2026-08-05")
    for text in fields:
        assert text in warn, text
    assert "$80" in warn and "batch-07.837 ST 0001" in warn
    clean = body.split('id="clean-claims"', 1)[1].split("</table>", 1)[0]
    assert "CLEAN-1" in clean and "ADAMS, ALICE" in clean and "$100" in clean
