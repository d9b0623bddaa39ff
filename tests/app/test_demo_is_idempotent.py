"""`cleanclaim demo` builds the demo organisation; running it again changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps

from cleanclaim.npi import is_valid_npi
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice, RenderingProvider, User
from cleanclaim.web import demo

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


def test_it_changes_nothing_the_second_time() -> None:
    first = demo.build()
    before = _snapshot()
    second = demo.build()
    assert _snapshot() == before
    assert sum(second.created.values()) == 0
    assert sum(first.created.values()) > 0


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
