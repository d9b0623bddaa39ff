"""The world of the day-in-the-life browser test: the personas' home practice with a
patient covered by a commercial primary and a secondary, a sandbox clearinghouse on the
loopback that knows them, and helpers to sign in, screenshot and poll.

The sandbox is an outside party: it reads only the world JSON written here (the
primary's member with an office-visit copay, the practice's NPIs, the payer's fees and a
code it wants an authorization for), never our database."""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses import actions as ch_actions
from cleanclaim.clearinghouses.models import Connection, TransmissionFile
from cleanclaim.clearinghouses.secrets import encrypt
from cleanclaim.fees.models import Fee
from cleanclaim.patients.models import Coverage
from cleanclaim.payers.models import Payer
from cleanclaim.sandbox.service import SandboxService
from cleanclaim.testing.personas import World

#: Where the screenshots go (git-ignored): one PNG per step, numbered in order.
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "day-in-the-life"
PASSWORD = "day-in-the-life-pass-1"
SANDBOX_USER = "northside"
SANDBOX_PASSWORD = "sandbox day pass 1"

#: The office visit the sandbox pays (its fee) and the INJECTION it wants an authorization for.
VISIT, VISIT_FEE, VISIT_CHARGE = "99213", Decimal("92.00"), Decimal("120.00")
INJECTION, INJECTION_CHARGE = "20610", Decimal("180.00")
COPAY = Decimal("25.00")
#: the primary's coinsurance on the office visit: 20% of what is left of 92.00 after the copay
COINSURANCE = Decimal("13.40")
PRIMARY_PAID = VISIT_FEE - COPAY - COINSURANCE  # 53.60
#: the secondary: its fee for the visit, and what is left of its member's deductible,
#: which it applies to the patient's 38.40 left by the primary: it pays 3.40
SECONDARY_FEE, SECONDARY_DEDUCTIBLE_LEFT = Decimal("85.00"), Decimal("35.00")
SECONDARY_PAID = COPAY + COINSURANCE - SECONDARY_DEDUCTIBLE_LEFT  # 3.40
#: the patient's share once both payers answered, less the copay paid at the desk
DUE = SECONDARY_DEDUCTIBLE_LEFT - COPAY  # 10.00


@dataclass
class Day:
    world: World
    today: dt.date
    primary: Coverage
    secondary: Coverage
    connection: Connection


def set_up(world: World, today: dt.date) -> Day:
    """The home practice's payers routed through a sandbox connection, the patient's
    copay on the card, a secondary payer and coverage, and the practice's fees."""
    home = world.home
    primary = home.coverage
    primary.copay = COPAY
    primary.save()
    second = Payer.objects.create(
        organisation=home.organisation,
        name="Second Chance Insurance",
        payer_id="SEC01",
        kind=Payer.Kind.COMMERCIAL,
        timely_amount=365,
    )
    secondary = Coverage.objects.create(
        patient=home.patient,
        payer=second,
        priority=2,
        member_id="SECMEMBER1",
        effective_date=dt.date(2025, 1, 1),
    )
    assert home.fee_schedule is not None
    Fee.objects.create(schedule=home.fee_schedule, code=INJECTION, charge=INJECTION_CHARGE)
    connection = Connection.objects.create(
        organisation=home.organisation,
        name="Sandbox",
        plugin="sandbox",
        settings={"host": "127.0.0.1", "sftp_port": 1, "core_port": 1, "username": SANDBOX_USER},
        secrets=encrypt({"password": SANDBOX_PASSWORD}),
        usage_indicator="T",
        isa_sender_id="NORTHSIDE",
        isa_receiver_id="SANDBOXCH",
        gs_sender="NORTHSIDE",
        gs_receiver="SANDBOXCH",
        submitter_name="NORTHSIDE BILLING",
        submitter_id="NORTHSIDE",
        submitter_contact="BILLING OFFICE",
        submitter_phone="5555550100",
        receiver_name="SANDBOX CLEARINGHOUSE",
        receiver_id="SANDBOXCH",
    )
    Payer.objects.filter(organisation=home.organisation).update(
        clearinghouse_connection=connection.name
    )
    for user in home.users.values():
        user.set_password(PASSWORD)
        user.save()
    return Day(world, today, primary, secondary, connection)


def sandbox_world(day: Day) -> dict[str, Any]:
    """What the sandbox's payers know: the primary payer (its fee for the visit, the INJECTION
    needing an authorization) and its member, the patient, with a 25.00 office copay and
    20% coinsurance; the secondary payer and the same patient as its member, with 35.00
    of the year's deductible left."""
    home = day.world.home
    patient = home.patient
    return {
        "clearinghouse": {"id": "SANDBOXCH", "name": "SANDBOX CLEARINGHOUSE"},
        "provider_npis": [home.practice.npi, home.provider.npi],
        "payers": [
            {
                "payer_id": home.payer.payer_id,
                "name": home.payer.name.upper(),
                "kind": "commercial",
                "fees": {VISIT: str(VISIT_FEE), INJECTION: "110.00"},
                "default_allowed_ratio": "0.60",
                "needs_authorization": [INJECTION],
                "timely_filing_days": 180,
                "behaviour": "normal",
            },
            {
                "payer_id": day.secondary.payer.payer_id,
                "name": day.secondary.payer.name.upper(),
                "kind": "commercial",
                "fees": {VISIT: str(SECONDARY_FEE)},
                "default_allowed_ratio": "0.50",
                "timely_filing_days": 365,
                "behaviour": "normal",
            },
        ],
        "members": [
            {
                "payer_id": home.payer.payer_id,
                "member_id": day.primary.member_id,
                "last_name": patient.last_name.upper(),
                "first_name": patient.first_name.upper(),
                "birth_date": patient.date_of_birth.isoformat(),
                "sex": patient.sex,
                "group": "GRP100",
                "plan_name": "NORTH GOLD PPO",
                "active_from": "2025-01-01",
                "benefits": [
                    {"service_type": "30", "copay": "0", "coinsurance_percent": "20",
                     "deductible_total": "500.00", "deductible_met": "500.00",
                     "out_of_pocket_total": "3000.00", "out_of_pocket_met": "600.00"},
                    {"service_type": "98", "copay": str(COPAY), "coinsurance_percent": "20",
                     "deductible_total": "0", "deductible_met": "0",
                     "out_of_pocket_total": "3000.00", "out_of_pocket_met": "600.00"},
                ],
                "other_coverage": {
                    "payer_id": day.secondary.payer.payer_id,
                    "name": day.secondary.payer.name.upper(),
                },
            },
            {
                "payer_id": day.secondary.payer.payer_id,
                "member_id": day.secondary.member_id,
                "last_name": patient.last_name.upper(),
                "first_name": patient.first_name.upper(),
                "birth_date": patient.date_of_birth.isoformat(),
                "sex": patient.sex,
                "group": "SEC200",
                "plan_name": "SECOND CHANCE SILVER",
                "active_from": "2025-01-01",
                "benefits": [
                    {"service_type": "30", "copay": "0", "coinsurance_percent": "0",
                     "deductible_total": "500.00",
                     "deductible_met": str(Decimal("500.00") - SECONDARY_DEDUCTIBLE_LEFT),
                     "out_of_pocket_total": "2000.00", "out_of_pocket_met": "0"},
                ],
            },
        ],
    }  # fmt: skip


def start_sandbox(day: Day, root: Path) -> SandboxService:
    """The sandbox on the loopback (ports the system picks), the connection pointed at
    it."""
    root.mkdir(parents=True, exist_ok=True)
    world_file = root / "world.json"
    world_file.write_text(json.dumps(sandbox_world(day)), encoding="utf-8")
    service = SandboxService(
        root, world_file, users={SANDBOX_USER: SANDBOX_PASSWORD}, today=day.today, hold=3.0
    ).start()
    connection = day.connection
    connection.settings = {
        **connection.settings,
        "sftp_port": service.sftp.port,
        "core_port": service.core.port,
    }
    connection.save(update_fields=["settings"])
    return service


def poll_until(connection: Connection, kinds: set[str], *, seconds: float = 20.0) -> list[str]:
    """Poll the connection (what the scheduled task does; sending may have collected the
    answers already) until files of ``kinds`` have come in; answer the outcomes of every
    file taken in."""
    deadline = time.monotonic() + seconds
    received = TransmissionFile.objects.filter(connection=connection, direction="in")
    while time.monotonic() < deadline:
        ch_actions.poll(Actor(user=None, label="system: poll"), connection)
        if kinds <= set(received.values_list("kind", flat=True)):
            return list(received.order_by("pk").values_list("outcome", flat=True))
        time.sleep(0.2)
    said = list(received.values_list("kind", "outcome"))
    raise AssertionError(f"the sandbox did not answer {sorted(kinds)} in {seconds} s: {said}")


def poll_until_posted(connection: Connection, files: int, *, seconds: float = 30.0) -> None:
    """Poll the connection until ``files`` 835s have come in and each has posted."""
    from cleanclaim.remits.models import RemittanceFile

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ch_actions.poll(Actor(user=None, label="system: poll"), connection)
        statuses = list(RemittanceFile.objects.values_list("status", flat=True))
        if len(statuses) >= files and set(statuses) == {RemittanceFile.Status.POSTED}:
            return
        time.sleep(0.2)
    said = list(RemittanceFile.objects.values_list("name", "status"))
    raise AssertionError(f"{files} posted 835s expected in {seconds} s: {said}")


class Steps:
    """Signs in and out as each person and saves a numbered screenshot per step."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.n = 0
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        for old in ARTEFACTS.glob("*.png"):  # the last run's
            old.unlink()

    def shot(self, name: str) -> Path:
        self.n += 1
        path = ARTEFACTS / f"{self.n:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def artefact(self, name: str) -> Path:
        """The path of the next numbered artefact that is not a screenshot (``name`` with
        its suffix), e.g. the statement PDF and its page rendered."""
        self.n += 1
        return ARTEFACTS / f"{self.n:02d}-{name}"

    def sign_in(self, email: str) -> None:
        page = self.page
        page.goto(f"{self.base}/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()

    def sign_out(self) -> None:
        self.page.get_by_role("button", name="Sign out").click()
        self.page.wait_for_load_state()
