"""A connection's password is stored encrypted (Fernet), never in the settings, the
logs or the audit trail (which says "(changed)"); the key comes from the environment,
strictly, or in development from var/credentials_key (mode 0600)."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.test import Client

from cleanclaim.audit.models import AuditEntry
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.clearinghouses.secrets import credentials_key, read_secrets
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World
from cleanclaim.web.config import ConfigError

PASSWORD = "s3cret-Horse-Battery-77"
FORM = {
    "name": "Sandbox",
    "practice": "",
    "usage_indicator": "T",
    "isa_sender_qualifier": "ZZ",
    "isa_sender_id": "NORTHSIDE",
    "isa_receiver_qualifier": "ZZ",
    "isa_receiver_id": "SANDBOXCH",
    "gs_sender": "NORTHSIDE",
    "gs_receiver": "SANDBOXCH",
    "submitter_name": "NORTHSIDE BILLING",
    "submitter_id": "NORTHSIDE",
    "submitter_contact": "BILLING OFFICE",
    "submitter_phone": "5555550100",
    "receiver_name": "SANDBOX CLEARINGHOUSE",
    "receiver_id": "SANDBOXCH",
    "active": "on",
    "s-host": "127.0.0.1",
    "s-sftp_port": "2222",
    "s-core_port": "8089",
    "s-username": "northside",
}


@pytest.mark.django_db
def test_it_stores_the_password_encrypted_and_logs_it_nowhere(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    url = "/clearinghouses/connections/new/?plugin=sandbox"
    response = client.post(url, {**FORM, "s-password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    connection = Connection.objects.get(name="Sandbox")
    assert read_secrets(connection) == {"password": PASSWORD}
    assert PASSWORD not in connection.secrets and PASSWORD not in str(connection.settings)
    assert connection.settings["username"] == "northside"

    # changing another field with the password left blank keeps it
    edit = f"/clearinghouses/connections/{connection.pk}/"
    response = client.post(edit, {**FORM, "s-username": "north2", "version": connection.version})
    assert response.status_code == 302
    connection.refresh_from_db()
    assert read_secrets(connection) == {"password": PASSWORD}
    response = client.post(
        edit, {**FORM, "s-password": "another-pass-99", "version": connection.version}
    )
    assert response.status_code == 302
    connection.refresh_from_db()
    assert read_secrets(connection)["password"] == "another-pass-99"
    page = client.get(edit).content.decode()
    assert PASSWORD not in page and "another-pass-99" not in page

    entries = AuditEntry.objects.filter(model="clearinghouses.Connection").order_by("id")
    assert [e.action for e in entries] == ["create", "update", "update"]
    assert entries[0].changes["secrets"] == "(changed)"
    assert "secrets" not in entries[1].changes
    assert entries[2].changes["secrets"] == "(changed)"
    everything = " ".join(str(e.changes) + str(e.context) for e in AuditEntry.objects.all())
    assert PASSWORD not in everything and "another-pass-99" not in everything
    assert PASSWORD not in caplog.text and "another-pass-99" not in caplog.text


def test_it_reads_the_key_strictly(tmp_path: Path) -> None:
    key = Fernet.generate_key().decode()
    assert credentials_key({"CLEANCLAIM_CREDENTIALS_KEY": key}, var_dir=tmp_path) == key.encode()
    key_file = tmp_path / "key"
    key_file.write_text(key + "\n")
    env = {"CLEANCLAIM_CREDENTIALS_KEY_FILE": str(key_file)}
    assert credentials_key(env, var_dir=tmp_path) == key.encode()
    with pytest.raises(ConfigError, match="both set"):
        credentials_key({**env, "CLEANCLAIM_CREDENTIALS_KEY": key}, var_dir=tmp_path)
    with pytest.raises(ConfigError, match="CLEANCLAIM_CREDENTIALS_KEY: expected a Fernet key"):
        credentials_key({"CLEANCLAIM_CREDENTIALS_KEY": "short"}, var_dir=tmp_path)
    with pytest.raises(ConfigError, match="cannot read"):
        credentials_key(
            {"CLEANCLAIM_CREDENTIALS_KEY_FILE": str(tmp_path / "nope")}, var_dir=tmp_path
        )
    with pytest.raises(ConfigError, match="required when CLEANCLAIM_PRODUCTION"):
        credentials_key({"CLEANCLAIM_PRODUCTION": "1"}, var_dir=tmp_path)


def test_it_generates_a_private_key_in_development(tmp_path: Path) -> None:
    var = tmp_path / "var"
    first = credentials_key({}, var_dir=var)
    assert credentials_key({}, var_dir=var) == first
    Fernet(first)  # a usable key
    mode = stat.S_IMODE((var / "credentials_key").stat().st_mode)
    assert mode == 0o600
