"""``cleanclaim claims print-cms1500`` prints the named claims, or the ready claims whose
payer wants paper, as one CMS-1500 PDF: a page per claim, each with its own 1a."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims import actions
from cleanclaim.claims.models import Claim
from cleanclaim.cli import main
from cleanclaim.payers.models import Payer
from cleanclaim.testing.pdf import placed_text
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit


def _two_claims(world: World, actor: Actor) -> list[Claim]:
    second, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    return [world.home.claim, second]


def _texts(pdf: bytes) -> list[set[str]]:
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return [{t for t, _, _ in placed_text(pdf, page)} for page in range(pages)]


def test_it_prints_two_named_claims_as_one_pdf(world: World, actor: Actor, tmp_path: Path) -> None:
    claims = _two_claims(world, actor)
    out = tmp_path / "batch.pdf"
    args = ["claims", "print-cms1500", "--out", str(out), *[c.number for c in claims]]
    assert main(args) == 0
    pages = _texts(out.read_bytes())
    assert len(pages) >= 2
    for claim, page in zip(claims, pages, strict=False):
        assert claim.coverage.member_id in page  # 1a
        assert claim.number in page  # 26, patient's account number
    for claim in claims:
        assert AuditEntry.objects.filter(
            model="claims.Claim", object_pk=str(claim.pk), action="read"
        ).exists()


def test_ready_paper_prints_only_the_ready_claims_of_paper_payers(
    world: World, actor: Actor, tmp_path: Path
) -> None:
    claims = _two_claims(world, actor)
    ready = [c for c in claims if Claim.objects.get(pk=c.pk).status == "ready"]
    assert ready
    Payer.objects.filter(pk=claims[0].payer_id).update(
        submission=Payer.Submission.PAPER, claims_address="PO BOX 1, SALEM OR 97301"
    )
    out = tmp_path / "paper.pdf"
    assert main(["claims", "print-cms1500", "--ready-paper", "--out", str(out)]) == 0
    pages = _texts(out.read_bytes())
    assert len(pages) == len(ready)
    Payer.objects.update(submission=Payer.Submission.ELECTRONIC)
    assert main(["claims", "print-cms1500", "--ready-paper", "--out", str(out)]) == 2


def test_it_names_an_unknown_claim_and_a_wrong_call(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    assert main(["claims", "print-cms1500", "--out", out, "CC99999999"]) == 2
    assert "no claim numbered CC99999999" in capsys.readouterr().err
    assert main(["claims", "print-cms1500", "--out", out]) == 2
    assert "--ready-paper" in capsys.readouterr().err
