"""``/api/patients/{id}/policies``: a policy with a dependent subscriber and the card's
copay (a Decimal), listed in order; changed with its version; an outsider sees none."""

from __future__ import annotations

import json
from decimal import Decimal

from cleanclaim.audit.models import AuditEntry
from cleanclaim.patients.models import Coverage
from cleanclaim.testing.personas import World

from .helpers import front_desk


def test_it_creates_lists_and_updates_a_policy(world: World) -> None:
    client = front_desk(world)
    patient = world.home.patient
    body = {
        "payer_id": world.home.payer.pk,
        "priority": 2,
        "member_id": "SPOUSE7",
        "relationship": "53",
        "subscriber_last_name": "Partner",
        "subscriber_first_name": "Lee",
        "subscriber_date_of_birth": "1960-02-03",
        "subscriber_sex": "M",
        "subscriber_address_line1": "9 Elm Street",
        "subscriber_city": "Portland",
        "subscriber_state": "OR",
        "subscriber_zip_code": "97201",
        "effective_date": "2026-01-01",
        "copay": "35.00",
    }
    made = client.post(
        f"/api/patients/{patient.pk}/policies", json.dumps(body), content_type="application/json"
    )
    assert made.status_code == 201, made.content
    policy = Coverage.objects.get(pk=made.json()["id"])
    assert policy.copay == Decimal("35.00")
    assert AuditEntry.objects.filter(action="create", model="patients.Coverage").exists()

    listed = client.get(f"/api/patients/{patient.pk}/policies").json()
    assert [p["priority"] for p in listed] == [1, 2]

    changed = client.patch(
        f"/api/patients/policies/{policy.pk}",
        json.dumps({"version": policy.version, "copay": "40"}),
        content_type="application/json",
    )
    assert changed.status_code == 200
    policy.refresh_from_db()
    assert policy.copay == Decimal("40.00")

    outsider = front_desk(world, outsider=True)
    assert outsider.get(f"/api/patients/{patient.pk}/policies").status_code == 404


def test_it_refuses_a_copay_that_is_not_an_amount(world: World) -> None:
    response = front_desk(world).post(
        f"/api/patients/{world.home.patient.pk}/policies",
        json.dumps(
            {
                "payer_id": world.home.payer.pk,
                "priority": 3,
                "member_id": "T1",
                "effective_date": "2026-01-01",
                "copay": "twenty",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "copay" in response.json()["errors"]
