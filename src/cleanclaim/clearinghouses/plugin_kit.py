"""What the plug-ins share: turning a connection's stored settings and secrets into
the SFTP transport's and the CORE client's arguments."""

from __future__ import annotations

from typing import Any

from django import forms

from cleanclaim.clearinghouses.models import Connection
from cleanclaim.clearinghouses.secrets import read_secrets

#: The CAQH CORE connectivity rule's response time limit: 20 seconds.
CORE_BUDGET = 20.0


class PluginForm(forms.Form):
    """Base of every plug-in's settings form: ``SECRET_FIELDS`` go to
    ``Connection.secrets`` (encrypted); a blank secret keeps the one stored."""

    SECRET_FIELDS: tuple[str, ...] = ()

    def split(self) -> tuple[dict[str, Any], dict[str, str]]:
        """``(settings, secrets)`` from the cleaned data; blank secrets left out."""
        data = dict(self.cleaned_data)
        secrets = {k: data.pop(k) for k in self.SECRET_FIELDS if k in data}
        return data, {k: v for k, v in secrets.items() if v}


def sftp_transport(connection: Connection, **overrides: Any) -> Any:
    """An :class:`~cleanclaim.clearinghouses.sftp.transport.SftpTransport` for
    ``connection`` with its settings, secrets and pinned host key."""
    from cleanclaim.clearinghouses.sftp.transport import SftpSettings, SftpTransport

    values: dict[str, Any] = {**connection.settings, **overrides}
    secrets = read_secrets(connection)
    patterns = values.get("collect_patterns")
    if isinstance(patterns, str):
        patterns = tuple(patterns.split())
    settings = SftpSettings(
        host=str(values["host"]),
        port=int(values.get("port") or 22),
        username=str(values.get("username", "")),
        password=secrets.get("password", ""),
        private_key=secrets.get("private_key", ""),
        pinned_host_key=connection.pinned_host_key,
        inbound_dir=str(values.get("inbound_dir") or "inbound"),
        outbound_dir=str(values.get("outbound_dir") or "outbound"),
        temp_suffix=str(values.get("temp_suffix") or ".part"),
        collect_patterns=tuple(patterns or ("*.999", "*.ta1", "*.277", "*.835", "*.x12")),
        after_collect=str(values.get("after_collect") or "archive"),
        archive_dir=str(values.get("archive_dir") or "archive"),
        timeout=float(values.get("timeout") or 30.0),
    )
    return SftpTransport(settings)


def core_client(connection: Connection, url: str, username: str, password: str) -> Any:
    """A :class:`~cleanclaim.caqhcore.client.CoreClient` for ``connection``: sender and
    receiver ids are the connection's ISA06 and ISA08 unless its settings name others."""
    from cleanclaim.caqhcore.client import CoreClient

    values = connection.settings
    return CoreClient(
        url,
        username,
        password,
        str(values.get("core_sender_id") or connection.isa_sender_id),
        str(values.get("core_receiver_id") or connection.isa_receiver_id),
        form=str(values.get("core_form") or "mime"),
        budget=float(values.get("core_budget") or CORE_BUDGET),
        name=connection.name,
    )
