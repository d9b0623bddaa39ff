"""The demo practice shows prior authorizations in every state: one with units partly
used, one nearly used up, one expired, and a service the payer wants one for with
none on file; the claims of their visits carry the scrubber's AUTH findings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cleanclaim.authorizations.models import Authorization
from cleanclaim.authorizations.warnings import warnings_for
from cleanclaim.claims.models import Claim
from cleanclaim.patients.models import Patient
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def _rules_found(account: str) -> set[str]:
    claim = Claim.objects.get(patient__account_number=account)
    scrubbed = claim.events.filter(kind="scrubbed").order_by("pk").last()
    assert scrubbed is not None
    return {f["id"] for f in scrubbed.data["findings"]}


def test_it_records_authorizations_used_up_expired_and_missing() -> None:
    demo.build()
    today = dt.date.today()
    by_account = {a.patient.account_number: a for a in Authorization.objects.all()}
    assert sorted(by_account) == ["RF00015", "RF00021", "RF00022"]

    partly = by_account["RF00015"]
    assert (partly.units_authorized, partly.units_used) == (Decimal("12"), Decimal("4"))
    assert partly.uses.count() == 2  # two claim lines used them, none typed

    nearly = by_account["RF00021"]
    assert nearly.units_left == Decimal("2")
    kinds = {w.kind for w in warnings_for(nearly.patient, today)}
    assert "units" in kinds

    expired = by_account["RF00022"]
    assert expired.end_date < today
    assert "AUTH-002" in _rules_found("RF00022")

    assert not Authorization.objects.filter(patient__account_number="RF00029").exists()
    assert "AUTH-001" in _rules_found("RF00029")
    missing = warnings_for(Patient.objects.get(account_number="RF00029"), today, ["20610"])
    assert [w.kind for w in missing] == ["missing"]

    assert not {"AUTH-001", "AUTH-002", "AUTH-003"} & _rules_found("RF00015")
    assert Claim.objects.get(patient__account_number="RF00015").status == "ready"
