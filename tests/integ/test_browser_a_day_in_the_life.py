"""Issue 16's day in the life, in Chromium, against the sandbox clearinghouse on the
loopback (SFTP for the batch and its answers, CAQH CORE over HTTP for eligibility):

1. the front desk checks the patient's eligibility (the benefits summary shows the
   office copay), collects the copay and checks the patient in;
2. the coder codes the visit (an office visit and a knee injection);
3. the biller builds the claim and sees the scrubber's finding; the coder applies its fix
   in one click; the biller queues the claim and sends the batch;
4. the sandbox answers with a 999, a 277CA and an 835 (polled), and the 835 posts by
   itself: the visit paid, the injection denied for want of an authorization (CO-197);
5. the primary paid and left the patient a share: the secondary claim, built from the
   posting with the primary's adjudication, is queued and its 837P passes pyx12;
6. the biller finds the denial on the Denials work list and corrects the claim: a
   replacement (frequency 7) with the payer's claim number in REF*F8;
7. the patient's ledger shows their share, and the month's statement run leaves the
   visit alone: the secondary (and the replacement) still wait for a payer;
8. the biller sends the secondary and the replacement; the sandbox's primary payer
   reverses the original and pays the replacement, its secondary payer pays after the
   primary (coordination of benefits: its deductible takes most of the patient's share),
   both 835s post by themselves;
9. the month's statement run now states the visit: the statement PDF, read back, shows
   the patient's share and what is due after the copay paid at the desk.

Each step saves a screenshot under ``test-artifacts/day-in-the-life/`` (docs/day-in-the-life.md).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from django.utils import timezone

from cleanclaim.appointments.models import Appointment
from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.claims.x837p import write_837p
from cleanclaim.clearinghouses.models import Batch
from cleanclaim.denials.models import Denial
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits.models import ClaimPayment, RemittanceFile
from cleanclaim.sandbox.service import SandboxService
from cleanclaim.statements.models import Statement
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.pdf import placed_text
from cleanclaim.testing.personas import build_world

from .day_in_the_life import (
    COINSURANCE,
    COPAY,
    DUE,
    INJECTION,
    INJECTION_CHARGE,
    PRIMARY_PAID,
    SECONDARY_DEDUCTIBLE_LEFT,
    SECONDARY_PAID,
    VISIT,
    Day,
    Steps,
    poll_until,
    poll_until_posted,
    set_up,
    start_sandbox,
)

_spec = importlib.util.spec_from_file_location(
    "_day_x12_conftest", Path(__file__).parents[1] / "x12" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_x12 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_x12)
pyx12_validate = _x12.pyx12_validate  # pyx12 as the outside referee (a fixture)
Referee = Callable[[str], tuple[bool, list[dict[str, Any]]]]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def day(db: None) -> Day:
    return set_up(build_world(), timezone.localdate())


@pytest.fixture
def sandbox(day: Day, tmp_path: Path) -> Iterator[SandboxService]:
    service = start_sandbox(day, tmp_path / "sandbox")
    yield service
    service.stop()


def _pick(page: Any, field: str, typed: str, code: str) -> None:
    """Type into a type-ahead field, then pick ``code`` with the arrow keys and Enter."""
    box = page.locator(f"#{field}")
    box.fill(typed)
    page.locator(f'#{field}-list [role="option"][data-code="{code}"]').wait_for()
    options = page.locator(f'#{field}-list [role="option"]:not([aria-disabled="true"])')
    for i in range(options.count()):
        box.press("ArrowDown")
        if options.nth(i).get_attribute("data-code") == code:
            break
    box.press("Enter")


def _front_desk(steps: Steps, day: Day) -> Encounter:
    page, world = steps.page, day.world
    patient = world.home.patient
    appointment = Appointment.objects.create(
        practice=world.home.practice,
        patient=patient,
        provider=world.home.provider,
        location=world.home.location,
        coverage=day.primary,
        start=timezone.now(),
        reason="knee pain",
    )
    steps.sign_in(world.home.users[Role.FRONT_DESK].email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Today's patients").click()
    row = page.locator("#schedule").get_by_role("row").filter(has_text=patient.last_name)
    steps.shot("todays-patients")
    row.get_by_role("link", name="Check in").click()
    page.wait_for_load_state()
    check_in_url = page.url

    page.get_by_role("link", name="Check eligibility").click()
    page.wait_for_load_state()
    page.get_by_label("Date of service").fill(day.today.isoformat())
    page.get_by_label("98 Professional (Physician) Visit - Office").check()
    page.get_by_role("button", name="Check eligibility").click()
    page.wait_for_load_state()
    summary = page.get_by_role("region", name="Benefits summary")
    assert summary.get_by_text("Active").is_visible()
    assert "$25" in summary.get_by_role("row").filter(has_text="Office").inner_text()
    steps.shot("eligibility-benefits")

    page.goto(check_in_url)
    assert page.get_by_label("Copay collected").input_value() == str(COPAY)
    page.get_by_label("Method").select_option("card")
    page.get_by_role("button", name="Collect and check in").click()
    page.wait_for_load_state()
    assert f"Receipt: copay {COPAY} paid by card" in page.locator("#receipt").inner_text()
    steps.shot("checked-in")
    steps.sign_out()

    appointment.refresh_from_db()
    assert appointment.encounter is not None
    assert LedgerEntry.objects.filter(key=f"checkin:{appointment.pk}").count() == 1
    return appointment.encounter


def _coder(steps: Steps, day: Day, visit: Encounter) -> None:
    page = steps.page
    steps.sign_in(day.world.home.users[Role.CODER].email)
    page.goto(f"{steps.base}/visits/{visit.pk}/code/")
    _pick(page, "new-dx", "pain in right knee", "M25.561")
    page.get_by_label("Diagnosis A").and_(page.locator('[value="M25.561"]')).wait_for()
    page.get_by_role("button", name="Add a line").click()
    page.locator("#proc-1").wait_for()
    _pick(page, "proc-1", VISIT, VISIT)
    page.get_by_label("Line 1 pointers").fill("A")
    page.get_by_role("button", name="Add a line").click()
    page.locator("#proc-2").wait_for()
    _pick(page, "proc-2", INJECTION, INJECTION)
    _pick(page, "mod-2-1", "25", "25")
    page.get_by_label("Line 2 pointers").fill("A")
    page.locator('#find-mod-2 [data-finding="MOD-002"]').wait_for()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved.").wait_for()
    steps.shot("coded")
    steps.sign_out()
    visit.refresh_from_db()
    assert [line.procedure for line in visit.lines.order_by("pk")] == [VISIT, INJECTION]


def _biller_sends(steps: Steps, day: Day, visit: Encounter) -> Claim:
    page = steps.page
    steps.sign_in(day.world.home.users[Role.BILLER].email)
    page.goto(f"{steps.base}/patients/{visit.patient_id}/")
    page.get_by_role("button", name="Build claim").click()
    page.wait_for_load_state()
    claim = Claim.objects.get(encounter=visit)
    assert page.get_by_role("heading", name=f"Claim {claim.number}: Has errors").is_visible()
    assert "MOD-002" in page.inner_text("main")
    steps.shot("claim-has-errors")
    steps.sign_out()

    # the fix is the coder's to apply, in one click on the coding screen
    steps.sign_in(day.world.home.users[Role.CODER].email)
    page.goto(f"{steps.base}/visits/{visit.pk}/code/")
    page.locator("#find-mod-2").get_by_role("button", name="Apply: Remove modifier 25").click()
    page.get_by_text("Fix applied for MOD-002; saved.").wait_for()
    steps.shot("fix-applied")
    steps.sign_out()

    steps.sign_in(day.world.home.users[Role.BILLER].email)
    page.goto(f"{steps.base}/claims/{claim.pk}/")
    assert page.get_by_role("heading", name=f"Claim {claim.number}: Ready to submit").is_visible()
    for box in page.get_by_role("checkbox").all():  # acknowledge any warning by name
        box.check()
    page.get_by_role("button", name="Queue for submission").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=f"Claim {claim.number}: Queued").is_visible()

    page.get_by_role("link", name="Batches").click()
    page.locator("button:enabled", has_text="Send queued claims").first.click()
    page.wait_for_load_state()
    # sent; accepted when the sending already collected the sandbox's 999
    page.locator("[data-status=sent], [data-status=accepted]").first.wait_for()
    batch = Batch.objects.get(connection=day.connection)
    assert claim.number in page.inner_text("main")
    steps.shot("batch-sent")
    assert [bc.claim_id for bc in batch.batch_claims.all()] == [claim.pk]
    return claim


def _answers_post(steps: Steps, day: Day, claim: Claim) -> None:
    outcomes = poll_until(day.connection, {"999", "277CA", "835"})
    assert any("auto-posted 1, 0 unmatched" in o for o in outcomes), outcomes
    remittance = RemittanceFile.objects.get()
    assert remittance.status == RemittanceFile.Status.POSTED
    payment = ClaimPayment.objects.get(claim=claim)
    assert payment.how == "patient_control_number"

    page = steps.page
    page.goto(f"{steps.base}/claims/{claim.pk}/")
    timeline = page.locator("ol.timeline").inner_text()
    assert "acknowledged" in timeline and " paid " in timeline
    steps.shot("claim-paid-and-denied")
    page.goto(f"{steps.base}/remittances/{remittance.pk}/")
    assert claim.number in page.inner_text("main")
    steps.shot("remittance-posted")
    # the visit: allowed 92.00 less the 25.00 copay and 20% coinsurance; the injection:
    # nothing (CO-197)
    paid = LedgerEntry.objects.filter(practice=claim.practice, kind="insurance_payment")
    assert abs(sum((e.amount for e in paid), Decimal(0))) == PRIMARY_PAID
    assert "CO-197" in json.dumps(payment.postings)


def _secondary_queued(steps: Steps, day: Day, claim: Claim, referee: Referee) -> Claim:
    """The primary paid and left the patient a share: the secondary claim was built from
    the posting with the primary's adjudication, scrubbed and queued; its 837P passes
    pyx12."""
    secondary = Claim.objects.get(primary_claim=claim)
    assert secondary.payer == day.secondary.payer
    assert secondary.responsibility == Claim.Responsibility.SECONDARY
    page = steps.page
    page.goto(f"{steps.base}/claims/{secondary.pk}/")
    if secondary.status == "ready":  # scrubbed with warnings: the biller acknowledges them
        assert page.get_by_role("heading", name=f"Claim {secondary.number}: Ready to submit")
        steps.shot("secondary-built")
        for box in page.get_by_role("checkbox").all():
            box.check()
        page.get_by_role("button", name="Queue for submission").click()
        page.wait_for_load_state()
    heading = f"Claim {secondary.number}: Queued"
    assert page.get_by_role("heading", name=heading).is_visible()
    steps.shot("secondary-queued")
    secondary.refresh_from_db()
    assert secondary.status == "queued"
    text = write_837p([secondary], now=timezone.now())
    assert "SBR*S*" in text and "SBR*P*" in text  # the secondary and the primary (2320)
    segments = [seg.split("*") for seg in text.split("~")]
    # what the primary paid: 92.00 allowed less the copay and the coinsurance
    assert any(seg[:2] == ["AMT", "D"] and Decimal(seg[2]) == PRIMARY_PAID for seg in segments)
    # 2430: the visit's copay and coinsurance (CAS triples: reason, amount, quantity)
    shares = {
        (seg[i], Decimal(seg[i + 1]))
        for seg in segments
        if seg[:2] == ["CAS", "PR"]
        for i in range(2, len(seg) - 1, 3)
        if seg[i]
    }
    assert any(seg[0] == "SVD" for seg in segments)
    assert {("3", COPAY), ("2", COINSURANCE)} <= shares, shares
    valid, errors = referee(text)
    assert valid, errors
    return secondary


def _denial_corrected(steps: Steps, day: Day, claim: Claim) -> Claim:
    """The injection's CO-197 on the Denials work list, corrected and resubmitted as a
    replacement (frequency 7, REF*F8 the payer's claim number from the 835)."""
    denial = Denial.objects.get(claim=claim)
    assert denial.category == "authorization"
    payer_number = ClaimPayment.objects.get(claim=claim).payer_claim_number
    assert payer_number
    page = steps.page
    page.get_by_role("link", name="Denials").first.click()
    page.locator("#denials").wait_for()
    assert "CO-197" in page.locator("#denials").inner_text()
    steps.shot("denials-work-list")
    page.get_by_role("link", name=claim.number).click()
    page.locator("#denial").wait_for()
    facts = page.locator("#denial").inner_text()
    assert "Authorization" in facts and payer_number in facts and INJECTION in facts
    page.get_by_role("button", name="Correct and resubmit (frequency 7)").click()
    page.wait_for_load_state()
    replacement = Claim.objects.get(replaces=claim)
    assert f"Replacement claim {replacement.number} (frequency 7) built." in page.inner_text("main")
    steps.shot("denial-corrected")
    assert replacement.frequency == "7"
    assert replacement.payer_claim_control_number == payer_number
    text = write_837p([replacement], now=timezone.now())
    assert f"REF*F8*{payer_number}~" in text and ":B:7*" in text
    denial.refresh_from_db()
    assert denial.status == "resubmitted"
    return replacement


def _run_statements(steps: Steps, day: Day) -> str:
    """The biller runs the month's statements for the practice; what the page says."""
    page = steps.page
    page.get_by_role("link", name="Statements").first.click()
    page.wait_for_load_state()
    page.get_by_label("Practice").select_option(str(day.world.home.practice.pk))
    page.get_by_role("button", name="Run statements").click()
    page.wait_for_load_state()
    return str(page.locator("body").inner_text())


def _statement_waits(steps: Steps, day: Day) -> None:
    """The patient's ledger shows their share; the month's statement run states nothing
    for the visit yet: its secondary (and the replacement) still wait for a payer."""
    page, patient = steps.page, day.world.home.patient
    page.goto(f"{steps.base}/statements/patients/{patient.pk}/ledger/")
    totals = page.locator("#ledger-totals").inner_text()
    # PR-3 25.00 (paid at the desk) and PR-2 13.40
    assert re.search(rf"Patient owes\s+{COINSURANCE}", totals), totals
    assert "PR-3" in page.locator("#ledger-patient").inner_text()
    steps.shot("patient-ledger")
    said = _run_statements(steps, day)
    assert re.search(r"0 statements made.* ([1-9][0-9]*) visits still with a payer", said), said
    steps.shot("statements-wait-for-the-secondary")
    assert not Statement.objects.filter(patient=patient).exists()


def _second_round(
    steps: Steps, day: Day, claim: Claim, secondary: Claim, replacement: Claim
) -> None:
    """The biller sends the secondary and the replacement; the sandbox answers both and
    their 835s post by themselves: the primary payer reverses the original claim's payment
    and pays the replacement, the secondary payer pays what is left after its deductible."""
    page = steps.page
    replacement.refresh_from_db()
    if replacement.status != "queued":  # the biller reviews the replacement and queues it
        page.goto(f"{steps.base}/claims/{replacement.pk}/")
        ready = f"Claim {replacement.number}: Ready to submit"
        assert page.get_by_role("heading", name=ready).is_visible(), replacement.status
        for box in page.get_by_role("checkbox").all():
            box.check()
        page.get_by_role("button", name="Queue for submission").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", name=f"Claim {replacement.number}: Queued").is_visible()
    page.get_by_role("link", name="Batches").first.click()
    page.locator("button:enabled", has_text="Send queued claims").first.click()
    page.wait_for_load_state()
    page.locator("[data-status=sent], [data-status=accepted]").first.wait_for()
    sent = {
        bc.claim_id
        for batch in Batch.objects.filter(connection=day.connection)
        for bc in batch.batch_claims.all()
    }
    assert {secondary.pk, replacement.pk} <= sent, sent
    steps.shot("secondary-and-replacement-sent")
    poll_until_posted(day.connection, 3)  # the first 835, then one per payer

    claim.refresh_from_db()
    assert claim.status == "replaced"
    assert claim.events.filter(kind="reversed").exists()
    reversal = ClaimPayment.objects.get(claim=claim, status_code="22")
    assert reversal.paid == -PRIMARY_PAID
    replacement.refresh_from_db()
    assert replacement.status == "paid"
    assert ClaimPayment.objects.get(claim=replacement).paid == PRIMARY_PAID
    secondary.refresh_from_db()
    assert secondary.status == "paid"
    paid_by_secondary = ClaimPayment.objects.get(claim=secondary)
    assert (paid_by_secondary.status_code, paid_by_secondary.paid) == ("2", SECONDARY_PAID)
    # the replacement's answer does not bill the secondary again
    assert Claim.objects.filter(encounter=claim.encounter, responsibility="S").count() == 1
    money = LedgerEntry.objects.filter(
        practice=claim.practice, kind__in=["insurance_payment", "reversal"]
    )
    assert -sum((e.amount for e in money), Decimal(0)) == PRIMARY_PAID + SECONDARY_PAID
    page.goto(f"{steps.base}/claims/{secondary.pk}/")
    assert " paid " in page.locator("ol.timeline").inner_text()
    steps.shot("secondary-paid")


def _statement_made(steps: Steps, day: Day, claim: Claim) -> None:
    """Every payer has answered: the month's statement run states the visit; the PDF,
    read back, shows the patient's share and what is due after the copay."""
    page, patient = steps.page, day.world.home.patient
    page.goto(f"{steps.base}/statements/patients/{patient.pk}/ledger/")
    totals = page.locator("#ledger-totals").inner_text()
    assert re.search(rf"Patient owes\s+{DUE}", totals), totals
    # the insurance side: the 300.00 charged, less what both payers paid and adjusted and
    # the patient's share; the injection's 180.00 is still held CO-197 (its denial to work)
    assert re.search(rf"Insurance owes\s+{INJECTION_CHARGE}", totals), totals
    steps.shot("patient-ledger-answered")
    said = _run_statements(steps, day)
    assert re.search(r"1 statements made.* 0 visits still with a payer", said), said
    statement = Statement.objects.get(patient=patient)
    assert statement.amount_due == DUE
    assert str(DUE) in page.locator("#statements").inner_text()
    steps.shot("statement-made")

    link = page.locator("#statements").get_by_role("link", name="PDF")
    response = page.request.get(f"{steps.base}{link.get_attribute('href')}")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    body = response.body()
    steps.artefact("statement.pdf").write_bytes(body)
    texts = [t for t, _, _ in placed_text(body)]
    assert f"Amount due: ${DUE}" in texts, texts
    # one row: the copay paid at the desk stands on its visit
    assert not any(t.startswith("Payments and credits not applied") for t in texts), texts
    visit = next(t for t in texts if t.startswith(f"Visit {claim.number}"))
    assert VISIT in visit and INJECTION in visit
    # the visit's line: the patient's share is the secondary's deductible; paid at the
    # desk, the copay
    assert str(SECONDARY_DEDUCTIBLE_LEFT) in texts and str(COPAY) in texts, texts
    document = pdfium.PdfDocument(body)
    document[0].render(scale=1.5).to_pil().save(steps.artefact("statement-page-1.png"))


def test_a_day_in_the_life(
    live_server: Any, page: Any, day: Day, sandbox: SandboxService, pyx12_validate: Referee
) -> None:
    steps = Steps(page, live_server.url)
    visit = _front_desk(steps, day)
    _coder(steps, day, visit)
    claim = _biller_sends(steps, day, visit)
    _answers_post(steps, day, claim)
    secondary = _secondary_queued(steps, day, claim, pyx12_validate)
    replacement = _denial_corrected(steps, day, claim)
    _statement_waits(steps, day)
    _second_round(steps, day, claim, secondary, replacement)
    _statement_made(steps, day, claim)
