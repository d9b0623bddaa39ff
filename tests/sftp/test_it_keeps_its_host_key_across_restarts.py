"""The sandbox makes its host key once (mode 0600) and shows the same key after a
restart, so a connection that pinned it keeps working."""

from __future__ import annotations

import stat
from pathlib import Path

from cleanclaim.clearinghouses.sftp.transport import SftpSettings, SftpTransport
from cleanclaim.sandbox.sftp_server import SftpServer


def test_it_reuses_the_host_key_file(tmp_path: Path) -> None:
    key_path = tmp_path / "state" / "sftp_host_key"
    with SftpServer(tmp_path / "root", host_key_path=key_path, users={"a": "pw"}) as first:
        shown = first.host_key
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600

    with SftpServer(tmp_path / "root", host_key_path=key_path, users={"a": "pw"}) as again:
        assert again.host_key == shown
        settings = SftpSettings(
            host="127.0.0.1", port=again.port, username="a", password="pw", pinned_host_key=shown
        )
        with SftpTransport(settings) as sftp:
            assert sftp.host_key == shown
