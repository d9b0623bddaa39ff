"""A patient or coverage row created, changed or deleted outside the app's actions
(``manage shell``, a script) is recorded with the actor ``system: <process>``; a
change made by an action is recorded once, by the action."""

from __future__ import annotations

import datetime as dt

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.patients import actions
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

FIELDS = {
    "last_name": "Shellman",
    "first_name": "Ivy",
    "date_of_birth": dt.date(1961, 2, 3),
    "sex": "F",
    "address_line1": "1 Script Road",
    "city": "Springfield",
    "state": "IL",
    "zip_code": "62701",
}


def _entries(pk: int) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(model="patients.Patient", object_pk=str(pk)).order_by("id")
    )


def test_it_records_a_row_created_in_a_shell(world: World, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        patient = Patient.objects.create(
            practice=world.home.practice, account_number="SH-1", **FIELDS
        )
    [entry] = _entries(patient.pk)
    assert entry.action == "create"
    assert entry.user is None and entry.via == "system"
    assert entry.user_label.startswith("system: ")
    assert entry.changes["last_name"] == "Shellman"
    assert entry.practice == world.home.practice
    assert entry.organisation == world.home.organisation


def test_it_records_a_change_and_a_delete_in_a_shell(
    world: World, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    patient = world.home.patient
    pk = patient.pk
    with django_capture_on_commit_callbacks(execute=True):
        patient.city = "Shelbyville"
        patient.save()
    # a coverage no claim uses (the home patient's is billed: its claim protects it)
    other = world.home.other_patient
    assert other is not None
    with django_capture_on_commit_callbacks(execute=True):
        Coverage.objects.create(
            patient=other,
            payer=world.home.payer,
            priority=1,
            member_id="SHELL-1",
            effective_date=world.home.coverage.effective_date,
        )
    with django_capture_on_commit_callbacks(execute=True):
        Patient.objects.get(pk=other.pk).coverages.all().delete()
    coverage_deletes = AuditEntry.objects.filter(model="patients.Coverage", action="delete")
    assert coverage_deletes.exists()
    assert all(e.user_label.startswith("system: ") for e in coverage_deletes)
    [update] = [e for e in _entries(pk) if e.action == "update"]
    assert update.changes["city"] == "Shelbyville"


def test_it_does_not_record_an_action_twice(world: World, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    desk = world.home.users[Role.FRONT_DESK]
    with django_capture_on_commit_callbacks(execute=True):
        patient = actions.register_patient(
            Actor(desk), world.home.practice, account_number="ACT-1", **FIELDS
        )
    with django_capture_on_commit_callbacks(execute=True):
        actions.update_patient(Actor(desk), patient, city="Ogden")
    assert [(e.action, e.user) for e in _entries(patient.pk)] == [
        ("create", desk),
        ("update", desk),
    ]


def test_it_names_the_process_that_made_the_change(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.argv", ["/srv/cc/cleanclaim/__main__.py", "manage", "shell"])
    assert Actor.process().label == "system: cleanclaim manage shell"
    monkeypatch.setattr("sys.argv", ["/usr/local/bin/fix_addresses.py", "--dry-run"])
    assert Actor.process().label == "system: fix_addresses.py"
