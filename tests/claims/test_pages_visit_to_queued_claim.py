"""On the pages: the patient's page offers a new visit, the form saves it (or puts each
error beside its field), the visit's claim is built and its page shows the findings and
a timeline; queueing from the page moves the claim on."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.test import Client

from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.home.users[role])
    return client


def _form(world: World, **overrides: str) -> dict[str, str]:
    data = {
        "rendering_provider": str(world.home.provider.pk),
        "location": str(world.home.location.pk),
        "service_from": "2026-11-20",
        "diagnoses": "I10, E11.9",
        "line1_procedure": "99213",
        "line1_units": "1",
        "line1_charge": "$125.00",
        "line1_pointers": "AB",
    }
    data.update(overrides)
    return data


@time_machine.travel(dt.datetime(2026, 12, 1, 15, tzinfo=dt.UTC), tick=False)
def test_a_coder_saves_a_visit_and_a_biller_queues_its_claim(world: World) -> None:
    coder, biller = _client(world, Role.CODER), _client(world, Role.BILLER)
    patient = world.home.patient
    page = coder.get(f"/patients/{patient.pk}/")
    assert f"/patients/{patient.pk}/visits/new/".encode() in page.content

    saved = coder.post(f"/patients/{patient.pk}/visits/new/", _form(world))
    assert saved.status_code == 302
    encounter = Encounter.objects.exclude(pk=world.home.encounter.pk).get(patient=patient)
    assert encounter.diagnoses == ["I10", "E11.9"]
    assert encounter.lines.get().charge == 125

    built = biller.post(f"/visits/{encounter.pk}/claim/")
    assert built.status_code == 302
    claim = Claim.objects.get(encounter=encounter)
    page = biller.get(f"/claims/{claim.pk}/")
    assert page.status_code == 200
    assert b"Timeline" in page.content and b"<strong>created</strong>" in page.content
    assert b"<strong>scrubbed</strong>" in page.content

    queued = biller.post(f"/claims/{claim.pk}/queue/")
    assert queued.status_code == 302, queued.content
    claim.refresh_from_db()
    assert claim.status == "queued"
    assert b"<strong>queued</strong>" in biller.get(f"/claims/{claim.pk}/").content


def test_the_form_puts_each_error_beside_its_field(world: World) -> None:
    coder = _client(world, Role.CODER)
    before = Encounter.objects.count()
    page = coder.post(
        f"/patients/{world.home.patient.pk}/visits/new/",
        _form(world, line1_pointers="AC", diagnoses="I10 E11.9"),
    )
    assert page.status_code == 200
    assert b"&#x27;C&#x27; points to no diagnosis" in page.content
    assert Encounter.objects.count() == before
