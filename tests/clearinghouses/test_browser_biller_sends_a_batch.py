"""A biller sends the demo's queued claims from the Batches page in Chromium and
follows the batch to "Sent": its 837P with its checksum, and each claim submitted."""

from __future__ import annotations

from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses import actions
from cleanclaim.clearinghouses.models import Batch
from cleanclaim.web import demo

from .conftest import FakeTransport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_biller_sends_the_queued_claims_and_sees_them_sent(
    live_server: Any, page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = demo.build()
    organisation = ctx.organisation
    connection = actions.save_connection(
        Actor(user=None, label="system: test"),
        organisation,
        name="Sandbox",
        plugin="sandbox",
        settings={"host": "127.0.0.1", "sftp_port": 2222, "core_port": 8089, "username": "demo"},
        isa_sender_id="DEMOBILLING",
        isa_receiver_id="SANDBOXCH",
        gs_sender="DEMOBILLING",
        gs_receiver="SANDBOXCH",
        submitter_name="DEMO BILLING",
        submitter_id="DEMOBILLING",
        submitter_contact="BILLING OFFICE",
        submitter_phone="5555550100",
        receiver_name="SANDBOX CLEARINGHOUSE",
        receiver_id="SANDBOXCH",
    )
    organisation.payers.update(clearinghouse_connection="Sandbox")
    queued = list(Claim.objects.filter(status="queued").values_list("number", flat=True))
    assert queued, "the demo has a queued claim"
    remote = FakeTransport()
    monkeypatch.setattr("cleanclaim.clearinghouses.sandbox.batch_transport", lambda c: remote)

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("biller@demo.test")
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Batches").click()
    page.locator("button:enabled", has_text="Send queued claims").first.click()
    page.wait_for_load_state()

    batch = Batch.objects.get(connection=connection)
    assert page.url == f"{live_server.url}/clearinghouses/batches/{batch.pk}/"
    page.locator("[data-status=sent]").wait_for()
    body = page.inner_text("main")
    assert batch.files.get().sha256 in body
    sent = [bc.patient_control_number for bc in batch.batch_claims.all()]
    assert sent and set(sent) <= set(queued)  # the queued claims of electronic payers
    for number in sent:
        assert number in body
    assert page.locator("[data-claim-status=submitted]").count() == len(sent)
    # the upload's bar is full and says so; the count is worded for its number
    bar = page.locator("#batch-progress-bar")
    assert bar.get_attribute("value") == bar.get_attribute("max") != "1"
    assert "uploaded" in page.locator("#batch-progress-said").inner_text()
    width = page.evaluate("document.getElementById('batch-progress-bar').offsetWidth")
    assert width > 300, width  # not the browser's 10em default
    count = f"{len(sent)} claim{'' if len(sent) == 1 else 's'}, "
    assert count in body, body
    assert remote.uploads == 1
