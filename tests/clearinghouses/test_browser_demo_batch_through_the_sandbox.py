"""Issue 14, done when: in the demo, a biller sends a batch from the browser; the
sandbox clearinghouse (a real SFTP server on loopback, its world written from the demo)
receives it, and its 999 and 277CAs come back and appear on each claim's timeline.
One claim is rejected (its member id was mistyped at entry: the payer does not know
it), the front desk corrects the policy, and the biller queues the claim and sends it
again: a new batch, frequency 1, accepted, its first rejection still on its timeline.

Screenshots go to ``test-artifacts/`` (git-ignored)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions as claim_actions
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses.models import Batch
from cleanclaim.patients.models import Coverage
from cleanclaim.testing.sandbox import demo_sandbox
from cleanclaim.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "issue14"


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _sign_in(page: Any, base: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def _send_queued(page: Any, base: str, practice: Any) -> Batch:
    before = set(Batch.objects.values_list("pk", flat=True))
    page.goto(f"{base}/clearinghouses/batches/")
    row = page.locator("tr", has_text=practice.name).filter(has_text="sandbox")
    row.get_by_role("button", name="Send queued claims").click()
    page.wait_for_load_state()
    (batch,) = Batch.objects.exclude(pk__in=before)
    assert page.url == f"{base}/clearinghouses/batches/{batch.pk}/"
    return batch


def _queue(claim: Claim) -> None:
    actor = Actor(user=None, label="biller")
    try:
        claim_actions.queue_claim(actor, claim)
    except claim_actions.QueueRefused as refused:
        if not refused.errors:  # warnings read and accepted
            claim_actions.queue_claim(actor, claim, acknowledge=refused.unacknowledged)


def _mistype(member_id: str) -> str:
    """The member id with its last digit changed (same format, another member)."""
    last = member_id[-1]
    return member_id[:-1] + (str((int(last) + 1) % 10) if last.isdigit() else "9")


def test_a_demo_batch_goes_through_the_sandbox_and_a_rejection_is_fixed(
    live_server: Any, page: Any, tmp_path: Path
) -> None:
    ctx = demo.build()
    practice = ctx.practices[0]
    routed = Claim.objects.filter(practice=practice, payer__clearinghouse_connection="sandbox")
    for ready in routed.filter(status="ready"):  # queued by the biller earlier in the day
        _queue(ready)
    queued = list(routed.filter(status="queued").order_by("pk"))
    assert len(queued) >= 2, "the demo has queued claims for payers routed to the sandbox"
    base = live_server.url
    with demo_sandbox(tmp_path / "sandbox", ctx.organisation) as sandbox:
        wrong = queued[0]
        right_id = wrong.coverage.member_id
        Coverage.objects.filter(pk=wrong.coverage_id).update(member_id=_mistype(right_id))

        _sign_in(page, base, "biller@demo.test")
        batch = _send_queued(page, base, practice)
        # The sandbox received the file over SFTP, under the name we kept.
        kept = batch.files.get(direction="out")
        assert (sandbox.root / "sftp" / "demo" / "inbound" / kept.name).read_bytes() == bytes(
            kept.content
        )
        # Answers were collected by the sending task: the 999 and a 277CA.
        batch.refresh_from_db()
        assert batch.status == "accepted", batch.status
        assert set(batch.batch_claims.values_list("claim_id", flat=True)) == {c.pk for c in queued}
        kinds = sorted(batch.connection.files.filter(direction="in").values_list("kind", flat=True))
        assert "999" in kinds and "277CA" in kinds
        page.reload()
        _shot(page, "1-batch-answered")

        for claim in queued:
            claim.refresh_from_db()
            page.goto(base + reverse("claims:claim_detail", args=[claim.pk]))
            timeline = page.locator("ol.timeline").inner_text()
            assert re.search(r"ack_999 by [^:]+: accepted", timeline)
            if claim.pk == wrong.pk:
                assert claim.status == "rejected"
                assert re.search(r"acknowledged by [^:]+: rejected", timeline)
                assert "coverage" in timeline  # where to fix it
                _shot(page, "2-claim-rejected")
            else:
                # accepted; paid or denied when the 835 came with the answers (auto-posted)
                assert claim.status in {"accepted", "paid", "denied"}, claim.status
                assert re.search(r"acknowledged by [^:]+: accepted", timeline)

        page.goto(base + reverse("claims:worklist", args=["rejected"]))
        assert wrong.number in page.locator("main").inner_text()
        _shot(page, "3-rejection-work-list")

        # The front desk corrects the policy's member id.
        _sign_in(page, base, "frontdesk@demo.test")
        page.goto(base + reverse("patients:coverage_edit", args=[wrong.coverage_id]))
        page.get_by_label("Member id").fill(right_id)
        page.get_by_role("button", name="Save").click()
        page.wait_for_load_state()
        assert Coverage.objects.get(pk=wrong.coverage_id).member_id == right_id

        # The biller queues the claim again and sends it: a new batch, frequency 1.
        _sign_in(page, base, "biller@demo.test")
        page.goto(base + reverse("claims:claim_detail", args=[wrong.pk]))
        for box in page.locator("input[name=acknowledge]").all():
            box.check()
        page.get_by_role("button", name="Queue for submission").click()
        page.wait_for_load_state()
        wrong.refresh_from_db()
        assert wrong.status == "queued"
        again = _send_queued(page, base, practice)
        assert again.pk != batch.pk
        assert list(again.batch_claims.values_list("claim_id", flat=True)) == [wrong.pk]
        text = bytes(again.files.get(direction="out").content).decode()
        clm = next(s for s in text.split("~") if s.strip().startswith(f"CLM*{wrong.number}*"))
        assert clm.split("*")[5].split(":")[2] == "1"  # CLM05-3: an original
        wrong.refresh_from_db()
        assert wrong.status in {"accepted", "paid", "denied"}, wrong.status  # 835 auto-posted
        page.goto(base + reverse("claims:claim_detail", args=[wrong.pk]))
        timeline = page.locator("ol.timeline").inner_text()
        assert re.search(r"acknowledged by [^:]+: rejected", timeline)
        assert re.search(r"acknowledged by [^:]+: accepted", timeline)
        _shot(page, "4-claim-accepted-after-fix")
