"""A guarantor answering for two patients gets one statement, mailed to them, summing
both patients' visits; the ledger page and API show the guarantor's view."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine
from django.urls import reverse

from cleanclaim.patients.models import Patient
from cleanclaim.statements import actions
from cleanclaim.tenancy.permissions import Role

from .helpers import ACTOR, answered_visit, paid_visit

PARENT = {
    "guarantor_relationship": "19",
    "guarantor_last_name": "Rivera",
    "guarantor_first_name": "Ana",
    "guarantor_address_line1": "12 Elm Street",
    "guarantor_city": "Springfield",
    "guarantor_state": "IL",
    "guarantor_zip_code": "62701",
}


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_states_both_children_to_the_parent(world, client) -> None:
    home = world.home
    sibling = Patient.objects.get(pk=home.patient.pk)
    sibling.pk, sibling.account_number, sibling.first_name = None, "NO003", "Nora"
    sibling.save()
    Patient.objects.filter(pk__in=[home.patient.pk, sibling.pk]).update(**PARENT)
    answered_visit(world)  # 25.00
    paid_visit(world, sibling, dt.date(2026, 2, 3), "10.00")

    result = actions.run_statements(ACTOR, home.practice, dt.date(2026, 3, 1))
    assert len(result.made) == 1
    statement = result.made[0]
    assert statement.amount_due == Decimal("35.00")
    assert statement.data["to"]["name"] == "Ana Rivera"
    assert statement.data["to"]["address_line1"] == "12 Elm Street"
    assert {v["patient"] for v in statement.data["visits"]} == {
        f"{home.patient.first_name} {home.patient.last_name}",
        f"{sibling.first_name} {sibling.last_name}",
    }
    assert statement.data["aging"] == {
        "current": "10.00",
        "31_60": "25.00",
        "61_90": "0.00",
        "over_90": "0.00",
    }

    client.force_login(home.users[Role.BILLER])
    book = client.get(f"/api/statements/ledger/{sibling.pk}").json()
    assert sorted(book["patients"]) == sorted([home.patient.pk, sibling.pk])
    assert book["balance"]["patient"] == "35.00"
    page = client.get(reverse("statements:ledger", args=[sibling.pk])).content
    assert b"Guarantor&#x27;s view" in page or b"Guarantor's view" in page
