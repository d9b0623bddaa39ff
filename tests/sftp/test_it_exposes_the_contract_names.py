"""The transport's public surface is the one the connection plug-ins build on."""

from __future__ import annotations

import dataclasses

from cleanclaim.clearinghouses.sftp import transport
from cleanclaim.sandbox import sftp_server


def test_it_exports_the_transport_names() -> None:
    assert set(transport.__all__) == {
        "AFTER_COLLECT",
        "AuthFailed",
        "HostKeyMismatch",
        "RemoteFile",
        "SftpError",
        "SftpSettings",
        "SftpTransport",
        "TransferCut",
        "Unreachable",
        "Uploaded",
        "fingerprint",
    }
    for name in ("AuthFailed", "HostKeyMismatch", "TransferCut", "Unreachable"):
        assert issubclass(getattr(transport, name), transport.SftpError)
    assert sftp_server.__all__ == ["SftpServer"]


def test_it_keeps_the_settings_defaults_of_the_contract() -> None:
    defaults = {
        f.name: f.default for f in dataclasses.fields(transport.SftpSettings) if f.name != "host"
    }
    assert defaults == {
        "port": 22,
        "username": "",
        "password": "",
        "private_key": "",
        "pinned_host_key": "",
        "inbound_dir": "inbound",
        "outbound_dir": "outbound",
        "temp_suffix": ".part",
        "collect_patterns": ("*.999", "*.ta1", "*.277", "*.835", "*.x12"),
        "after_collect": "archive",
        "archive_dir": "archive",
        "timeout": 30.0,
        "private_key_passphrase": "",
    }
