"""The check-in page corrects the address and phone in place, through the same
validation (the field named) and the same optimistic locking as the patient's edit form."""

from __future__ import annotations

from django.urls import reverse

from cleanclaim.testing.personas import World

from .helpers import appointment, front_desk


def _form(version: int, **fields: str) -> dict[str, object]:
    values = {
        "demographics-address_line1": "12 New Road",
        "demographics-city": "Portland",
        "demographics-state": "OR",
        "demographics-zip_code": "97202",
        "demographics-phone": "503-555-0142",
        "demographics-version": version,
    }
    values.update({f"demographics-{k}": v for k, v in fields.items()})
    return values


def test_it_saves_refuses_by_field_and_refuses_a_stale_edit(world: World) -> None:
    patient = world.home.patient
    visit = appointment(world)
    url = reverse("appointments:check_in", args=[visit.pk])
    client = front_desk(world)

    bad = client.post(url, _form(patient.version, state="ZZ"))
    assert bad.status_code == 200
    assert "ZZ" in bad.context["demographics"].errors["state"][0]

    assert client.post(url, _form(patient.version)).status_code == 302
    patient.refresh_from_db()
    assert (patient.address_line1, patient.phone) == ("12 New Road", "503-555-0142")

    stale = client.post(url, _form(patient.version - 1, city="Salem"))
    assert stale.status_code == 200
    assert stale.context["demographics"].non_field_errors()
    patient.refresh_from_db()
    assert patient.city == "Portland"
