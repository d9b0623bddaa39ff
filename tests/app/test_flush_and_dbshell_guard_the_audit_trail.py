"""``manage flush`` is refused while the trail holds entries (a person must say they
understand it destroys the trail, and that is logged outside the app); ``manage
dbshell`` warns and is logged outside the app."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.management.commands.flush import CONSENT, sqlite_triggers
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record
from cleanclaim.patients.models import Patient
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


@pytest.fixture
def as_a_person(world: World, settings, tmp_path):  # type: ignore[no-untyped-def]
    """Outside the test runner's permission to flush; the outside log in tmp_path."""
    settings.AUDIT_FLUSH_ALLOWED = False
    settings.VAR_DIR = tmp_path
    record(Actor(world.home.users[Role.FRONT_DESK]), "read", world.home.patient)
    return tmp_path


def test_it_refuses_flush_while_the_trail_holds_entries(as_a_person) -> None:
    count = AuditEntry.objects.count()
    with pytest.raises(CommandError, match=f"audit trail holds {count} entries"):
        call_command("flush", interactive=False)
    with pytest.raises(CommandError, match=CONSENT):  # the options as typed on the CLI
        call_command("flush", "--no-input")
    assert AuditEntry.objects.count() == count
    assert Patient.objects.exists()
    assert not (as_a_person / "audit-outside.log").exists()


@pytest.mark.django_db(transaction=True)  # PostgreSQL cannot TRUNCATE inside the test's transaction
def test_it_flushes_with_consent_and_logs_it_outside_the_app(as_a_person) -> None:
    count = AuditEntry.objects.count()
    triggers = sqlite_triggers("default") if connection.vendor == "sqlite" else []
    call_command("flush", CONSENT, interactive=False, verbosity=0)
    assert not AuditEntry.objects.exists()
    line = json.loads((as_a_person / "audit-outside.log").read_text().splitlines()[-1])
    assert line["event"] == "flush" and line["audit_entries"] == count
    assert line["os_user"] and line["at"]
    if connection.vendor == "sqlite":
        assert sqlite_triggers("default") == triggers  # put back after the flush


def test_it_warns_and_logs_a_dbshell(as_a_person, monkeypatch, capsys) -> None:
    opened = []
    monkeypatch.setattr(connection.client, "runshell", lambda params: opened.append(params))
    call_command("dbshell")
    assert opened == [[]]
    assert "bypass cleanclaim's audit trail" in capsys.readouterr().err
    line = json.loads((as_a_person / "audit-outside.log").read_text().splitlines()[-1])
    assert line["event"] == "dbshell" and line["database"] == "default"
