"""The "ready" work list prints the selected claims, or the filtered ones whose payer takes
paper, as one CMS-1500 PDF (POST), each claim's print audited as a read."""

from __future__ import annotations

import io

from django.test import Client
from pypdf import PdfReader

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims import actions
from cleanclaim.claims.models import Claim
from cleanclaim.payers.models import Payer
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.pdf import placed_text
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit

URL = "/claims/lists/ready/cms1500.pdf"


def _biller(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    return client


def _ready(world: World, actor: Actor) -> list[Claim]:
    for _ in range(2):
        actions.build_claim(actor, visit(world, actor), today=TODAY)
    return list(Claim.objects.filter(practice=world.home.practice, status="ready").order_by("pk"))


def test_the_selected_claims_print_as_one_pdf(world: World, actor: Actor) -> None:
    claims = _ready(world, actor)
    assert len(claims) >= 2
    page = _biller(world).get("/claims/lists/ready/").content.decode()
    assert "Print the paper claims (CMS-1500)" in page
    answer = _biller(world).post(URL, {"claim": [c.pk for c in claims[:2]], "mode": "plain"})
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    pdf = answer.content
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    for i, claim in enumerate(claims[:2]):
        texts = {t for t, _, _ in placed_text(pdf, i)}
        assert claim.coverage.member_id in texts and claim.number in texts
        assert AuditEntry.objects.filter(
            model="claims.Claim", object_pk=str(claim.pk), action="read"
        ).exists()


def test_with_none_selected_the_paper_payers_claims_print(world: World, actor: Actor) -> None:
    claims = _ready(world, actor)
    Payer.objects.filter(pk=claims[0].payer_id).update(
        submission=Payer.Submission.PAPER, claims_address="PO BOX 1, SALEM OR 97301"
    )
    paper = [c for c in claims if c.payer_id == claims[0].payer_id]
    answer = _biller(world).post(URL, {"mode": "red-form"})
    assert answer.status_code == 200
    assert len(PdfReader(io.BytesIO(answer.content)).pages) == len(paper)


def test_bad_input_is_named_and_not_ready_claims_are_refused(world: World, actor: Actor) -> None:
    claims = _ready(world, actor)
    bad = _biller(world).post(URL, {"claim": ["x"], "mode": "glossy"})
    assert bad.status_code == 422
    assert "claim:" in bad.content.decode() and "mode:" in bad.content.decode()
    actions.queue_claim(actor, claims[0], today=TODAY)
    gone = _biller(world).post(URL, {"claim": [claims[0].pk]})
    assert gone.status_code == 422 and "not on the ready list" in gone.content.decode()
    assert _biller(world).get(URL).status_code == 405
