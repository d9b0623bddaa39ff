"""Two people open the same form; the first save wins, the second is refused
with what changed and by whom, keeping their input (optimistic locking, 0505).

Alice and Bob both work the front desk at Northside Family Practice; Mona
and Max are both managers (payer set-up).
"""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Membership, User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _colleague(world: World, role: Role, email: str) -> Client:
    user = User.objects.create_user(email, None, organisation=world.home.organisation)
    Membership.objects.create(user=user, practice=world.home.practice, role=role)
    client = Client()
    client.force_login(user)
    return client


def _signed_in(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.home.users[role])
    return client


def _opened(client: Client, url: str) -> dict[str, Any]:
    """The form as the browser would post it back unchanged (with its hidden version)."""
    form = client.get(url).context["form"]
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value
        if hasattr(field, "queryset") and hasattr(value, "pk"):
            data[name] = value.pk
    return data


def _updates(model: type, pk: int) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(model=model._meta.label, object_pk=str(pk), action="update")
    )


def test_it_refuses_the_second_of_two_stale_patient_forms(world: World) -> None:
    patient = world.home.patient
    url = reverse("patients:edit", args=[patient.pk])
    alice = _signed_in(world, Role.FRONT_DESK)
    bob = _colleague(world, Role.FRONT_DESK, "bob@northside.test")
    alices, bobs = _opened(alice, url), _opened(bob, url)
    assert alices["version"] == bobs["version"] == 1

    assert alice.post(url, {**alices, "phone": "5035550111"}).status_code == 302
    response = bob.post(url, {**bobs, "address_line1": "77 Pine Court"})

    assert response.status_code == 200
    form = response.context["form"]
    summary = " ".join(form.non_field_errors())
    assert "nothing was saved" in summary
    assert "front_desk@northside.test" in summary  # who saved first, from the audit trail
    assert "phone is now '5035550111'" in summary
    assert form.errors["phone"] == ["changed after you opened this form: now '5035550111'"]
    html = response.content.decode()
    assert 'value="77 Pine Court"' in html  # Bob's input is kept
    assert 'name="version" value="2"' in html  # saving again keeps Bob's values deliberately
    patient.refresh_from_db()
    assert (patient.phone, patient.address_line1, patient.version) == (
        "5035550111",
        "9 Elm Street",
        2,
    )
    assert len(_updates(Patient, patient.pk)) == 1


def test_it_saves_the_refused_form_when_sent_again(world: World) -> None:
    patient = world.home.patient
    url = reverse("patients:edit", args=[patient.pk])
    alice = _signed_in(world, Role.FRONT_DESK)
    bob = _colleague(world, Role.FRONT_DESK, "bob@northside.test")
    alices, bobs = _opened(alice, url), _opened(bob, url)
    alice.post(url, {**alices, "phone": "5035550111"})
    bob.post(url, {**bobs, "address_line1": "77 Pine Court"})

    again = bob.post(url, {**bobs, "address_line1": "77 Pine Court", "version": "2"})

    assert again.status_code == 302
    patient.refresh_from_db()
    assert (patient.address_line1, patient.version) == ("77 Pine Court", 3)
    # Bob's form still held the old phone, so his deliberate save restores it: on record.
    entries = _updates(Patient, patient.pk)
    assert [e.context["version"] for e in entries] == [3, 2]
    assert entries[0].changes["phone"] == ["5035550111", ""]


def test_it_refuses_the_second_of_two_stale_coverage_forms(world: World) -> None:
    coverage = world.home.coverage
    url = reverse("patients:coverage_edit", args=[coverage.pk])
    alice = _signed_in(world, Role.FRONT_DESK)
    bob = _colleague(world, Role.FRONT_DESK, "bob@northside.test")
    alices, bobs = _opened(alice, url), _opened(bob, url)

    assert alice.post(url, {**alices, "group_number": "G4411"}).status_code == 302
    response = bob.post(url, {**bobs, "member_id": "NEWMEMBER9"})

    assert response.status_code == 200
    assert response.context["form"].errors["group_number"] == [
        "changed after you opened this form: now 'G4411'"
    ]
    coverage.refresh_from_db()
    assert (coverage.group_number, coverage.member_id, coverage.version) == (
        "G4411",
        "NORTHSIDEMEMBER1",
        2,
    )
    assert len(_updates(Coverage, coverage.pk)) == 1


def test_it_refuses_the_second_of_two_stale_payer_forms(world: World) -> None:
    payer = world.home.payer
    url = reverse("payers:edit", args=[payer.pk])
    mona = _signed_in(world, Role.MANAGER)
    max_ = _colleague(world, Role.MANAGER, "max@northside.test")
    monas, maxs = _opened(mona, url), _opened(max_, url)

    assert mona.post(url, {**monas, "name": "Northside Mutual Health"}).status_code == 302
    response = max_.post(url, {**maxs, "timely_amount": "90"})

    assert response.status_code == 200
    summary = " ".join(response.context["form"].non_field_errors())
    assert "name is now 'Northside Mutual Health'" in summary
    assert "manager@northside.test" in summary
    payer.refresh_from_db()
    assert (payer.name, payer.timely_amount, payer.version) == (
        "Northside Mutual Health",
        180,
        2,
    )
    assert len(_updates(Payer, payer.pk)) == 1


def test_it_does_not_bump_the_version_for_a_save_that_changes_nothing(world: World) -> None:
    patient = world.home.patient
    url = reverse("patients:edit", args=[patient.pk])
    alice = _signed_in(world, Role.FRONT_DESK)
    assert alice.post(url, _opened(alice, url)).status_code == 302
    patient.refresh_from_db()
    assert patient.version == 1
    assert _updates(Patient, patient.pk) == []


def test_it_refuses_the_second_of_two_stale_practice_forms(world: World) -> None:
    practice = world.home.practice
    url = reverse("manage:practice_edit", args=[practice.pk])
    ada = _signed_in(world, Role.ADMIN)
    ann = _colleague(world, Role.ADMIN, "ann@northside.test")
    adas, anns = _opened(ada, url), _opened(ann, url)

    assert ada.post(url, {**adas, "phone": "5035550199"}).status_code == 302
    response = ann.post(url, {**anns, "legal_name": "NORTHSIDE FAMILY PRACTICE PC"})

    assert response.status_code == 200
    summary = " ".join(response.context["form"].non_field_errors())
    assert "nothing was saved" in summary
    assert "phone is now '5035550199'" in summary
    practice.refresh_from_db()
    assert (practice.phone, practice.legal_name, practice.version) == (
        "5035550199",
        "NORTHSIDE FAMILY PRACTICE",
        2,
    )


def test_it_says_so_when_the_hidden_version_is_damaged(world: World) -> None:
    patient = world.home.patient
    url = reverse("patients:edit", args=[patient.pk])
    alice = _signed_in(world, Role.FRONT_DESK)
    response = alice.post(url, {**_opened(alice, url), "phone": "5035550111", "version": "x"})
    assert response.status_code == 200
    assert "the form&#x27;s version is damaged" in response.content.decode()
    patient.refresh_from_db()
    assert (patient.phone, patient.version) == ("", 1)
