"""`cleanclaim demo` builds the demo organisation; running it again changes nothing,
not even after people have edited, renamed, re-numbered or revoked what it made."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.authorizations.models import Authorization, AuthorizationUse
from cleanclaim.clearinghouses.models import Batch
from cleanclaim.denials.models import Denial
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.npi import is_valid_npi
from cleanclaim.patients import actions as patient_actions
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.payers import actions as payer_actions
from cleanclaim.payers import demo as payers_demo
from cleanclaim.payers.models import Payer
from cleanclaim.practices import actions as practice_actions
from cleanclaim.practices.models import Practice, RenderingProvider, ServiceLocation, User
from cleanclaim.remits.models import ClaimPayment, RemittanceFile, Unmatched
from cleanclaim.statements.models import Statement, StatementRun
from cleanclaim.web import demo
from cleanclaim.web.models import DemoObject

pytestmark = pytest.mark.django_db


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every cleanclaim model (including the audit trail)."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for model in apps.get_models():
        if model.__module__.startswith("cleanclaim."):
            rows[model._meta.label] = sorted(
                tuple(str(v) for v in r) for r in model.objects.values_list()
            )
    return rows


def _money_side() -> dict[str, int]:
    """What the money side's pages list: authorizations, remittances, claim payments,
    unmatched payments, denials, statements and their runs, ledger entries, batches."""
    return {
        "authorizations": Authorization.objects.count(),
        "authorization uses": AuthorizationUse.objects.count(),
        "batches": Batch.objects.count(),
        "remittances": RemittanceFile.objects.count(),
        "claim payments": ClaimPayment.objects.count(),
        "unmatched": Unmatched.objects.count(),
        "denials": Denial.objects.count(),
        "statement runs": StatementRun.objects.count(),
        "statements": Statement.objects.count(),
        "ledger entries": LedgerEntry.objects.count(),
    }


def test_it_changes_nothing_the_second_time() -> None:
    first = demo.build()
    before = _snapshot()
    money = _money_side()
    second = demo.build()
    assert _snapshot() == before
    assert _money_side() == money
    assert sum(second.created.values()) == 0
    assert sum(first.created.values()) > 0
    assert money["remittances"] == 3 and money["denials"] == 1 and money["statements"] == 1
    assert money["unmatched"] == 1 and money["authorizations"] == 3


def test_it_builds_what_every_screen_needs() -> None:
    demo.build()
    assert Practice.objects.count() == 2
    assert Patient.objects.count() == 50
    assert sorted(Payer.objects.values_list("kind", flat=True)) == [
        "commercial",
        "commercial",
        "medicaid",
        "medicare_b",
    ]
    assert all(is_valid_npi(n) for n in Practice.objects.values_list("npi", flat=True))
    assert all(is_valid_npi(n) for n in RenderingProvider.objects.values_list("npi", flat=True))
    assert Coverage.objects.filter(priority=2).exists()
    assert Coverage.objects.exclude(relationship="18").exists()
    assert not Patient.objects.filter(coverages=None).exists()


def test_it_creates_one_login_per_role_with_the_printed_password() -> None:
    demo.build()
    for email, _role in demo.logins():
        user = User.objects.get(email=email)
        assert user.memberships.count() == 2
    assert User.objects.get(email="frontdesk@demo.test").check_password(demo.PASSWORD)
    assert demo.PASSWORD in demo.logins_text()


def _edit_like_an_office() -> None:
    """What people do in the first week: every change the demo must leave alone."""
    admin = Actor(User.objects.get(email="admin@demo.test"), via="web")
    desk = Actor(User.objects.get(email="frontdesk@demo.test"), via="web")
    manager = Actor(User.objects.get(email="manager@demo.test"), via="web")
    patient = Patient.objects.get(account_number="RF00001")
    patient_actions.update_patient(
        desk, patient, last_name="Renamed-Smith", account_number="RF90001"
    )
    coverage = Coverage.objects.filter(patient__account_number="HO00031").first()
    assert coverage is not None
    patient_actions.update_coverage(desk, coverage, member_id="CHANGED123", priority=2)
    payer = Payer.objects.get(payer_id="DEMO03")
    payer_actions.update_payer(manager, payer, name="Cascade Health (renamed)", payer_id="CASC9")
    coder = User.objects.get(email="coder@demo.test")
    riverside, hillcrest = Practice.objects.order_by("name").reverse()
    practice_actions.set_roles(admin, coder, {riverside: "", hillcrest: "coder"}, active=True)
    biller = User.objects.get(email="biller@demo.test")
    practice_actions.set_roles(
        admin, biller, {riverside: "biller", hillcrest: "biller"}, active=False
    )
    ServiceLocation.objects.filter(name="Riverside telehealth").update(name="Telehealth (video)")


def test_it_leaves_what_people_edited_alone() -> None:
    demo.build()
    _edit_like_an_office()
    before = _snapshot()
    audit_before = AuditEntry.objects.count()

    again = demo.build()

    assert _snapshot() == before
    assert sum(again.created.values()) == 0
    assert AuditEntry.objects.count() == audit_before
    assert (
        not User.objects.get(email="coder@demo.test")
        .memberships.filter(practice__name="Riverside Family Medicine")
        .exists()
    )
    assert not User.objects.get(email="biller@demo.test").is_active
    assert Patient.objects.filter(last_name="Renamed-Smith", account_number="RF90001").count() == 1


def test_it_adopts_a_demo_built_before_it_kept_keys() -> None:
    demo.build()
    DemoObject.objects.all().delete()  # as a database built by an earlier version
    coder = User.objects.get(email="coder@demo.test")
    coder.memberships.filter(practice__name="Riverside Family Medicine").delete()
    rows_before = {k: v for k, v in _snapshot().items() if k != "web.DemoObject"}

    money = _money_side()
    again = demo.build()

    assert {k: v for k, v in _snapshot().items() if k != "web.DemoObject"} == rows_before
    assert _money_side() == money
    assert sum(again.created.values()) == 0
    assert DemoObject.objects.filter(key="patient:RF00001").exists()
    assert coder.memberships.count() == 1  # the revoked role is not brought back


def test_it_creates_only_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    demo.build()
    _edit_like_an_office()
    audit_before = AuditEntry.objects.count()
    extra = {
        "key": "willamette",
        "name": "Willamette Valley Health",
        "payer_id": "DEMO05",
        "kind": Payer.Kind.HMO,
        "timely_amount": 120,
    }
    monkeypatch.setattr(payers_demo, "PAYERS", [*payers_demo.PAYERS, extra])

    again = demo.build()

    assert dict(again.created) == {"payers": 1}
    assert Payer.objects.filter(payer_id="DEMO05").count() == 1
    created = AuditEntry.objects.order_by("id")[audit_before:]
    assert [(e.action, e.model, e.changes["payer_id"]) for e in created] == [
        ("create", "payers.Payer", "DEMO05")
    ]
