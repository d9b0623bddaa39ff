"""The sandbox service on loopback: an 837P uploaded over SFTP with the product's own
transport is answered in outbound (999, 277CA, 835); a 270 over the CORE envelope gets a
271 within the budget; a payer that times out gives "did not answer" within the budget,
one that is down gives "payer down"."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sandbox_helpers import EXAMPLE_WORLD, TODAY, golden_claim, make_270, make_837

from cleanclaim.caqhcore.client import CoreClient
from cleanclaim.caqhcore.envelope import X12_270_REQUEST, X12_271_RESPONSE
from cleanclaim.caqhcore.errors import ClearinghouseDidNotAnswer, PayerDown
from cleanclaim.clearinghouses.sftp.transport import SftpSettings, SftpTransport
from cleanclaim.sandbox.service import SandboxService

USERS = {"demo": "sandbox-password"}
JANE = {"last_name": "SMITH", "first_name": "JANE", "member_id": "W123456789"}


@pytest.fixture
def service(tmp_path: Path):
    with SandboxService(tmp_path, EXAMPLE_WORLD, users=USERS, today=TODAY, hold=3.0) as svc:
        yield svc


def _client(service: SandboxService, budget: float = 2.0) -> CoreClient:
    return CoreClient(
        service.core.url,
        "demo",
        "sandbox-password",
        "CLEANCLAIMDEMO",
        "SANDBOXCH",
        budget=budget,
        attempts=1,
        name="sandbox",
    )


def test_it_answers_an_uploaded_837p_in_outbound(service: SandboxService) -> None:
    settings = SftpSettings(
        host="127.0.0.1",
        port=service.sftp.port,
        username="demo",
        password="sandbox-password",
        pinned_host_key=service.sftp.host_key,
        timeout=10.0,
    )
    with SftpTransport(settings) as sftp:
        uploaded = sftp.upload("batch-1.837", make_837([golden_claim(0)]))
        assert not uploaded.already_there
        deadline = time.monotonic() + 10
        names: list[str] = []
        while time.monotonic() < deadline and len(names) < 3:
            names = sorted(f.name for f in sftp.list_outbound())
            time.sleep(0.05)
        assert names == ["batch-1-0001.277", "batch-1-60054-1245319599.835", "batch-1.999"]
        assert b"IK5*A~" in sftp.fetch("batch-1.999")


def test_it_answers_a_270_over_core_within_the_budget(service: SandboxService) -> None:
    result = _client(service).exchange(X12_270_REQUEST, make_270(JANE))
    assert result.envelope.payload_type == X12_271_RESPONSE
    assert b"EB*1*IND*30*C1*ACME GOLD PPO~" in result.envelope.payload
    assert result.elapsed < 2.0


def test_a_payer_that_times_out_gives_did_not_answer_within_the_budget(service) -> None:
    started = time.monotonic()
    with pytest.raises(ClearinghouseDidNotAnswer):
        _client(service, budget=1.0).exchange(X12_270_REQUEST, make_270(JANE, payer_id="SLOW1"))
    assert time.monotonic() - started < 1.5


def test_a_payer_that_is_down_is_named(service: SandboxService) -> None:
    with pytest.raises(PayerDown):
        _client(service).exchange(X12_270_REQUEST, make_270(JANE, payer_id="DOWN1"))
