"""The SFTP connection plug-in: batches uploaded to an inbound folder, answers collected
from an outbound folder (the transport itself: :mod:`.transport`). A clearinghouse
that also answers CAQH CORE real-time requests gets its URL and credentials here too.
"""

from __future__ import annotations

from typing import Any

from cleanclaim.clearinghouses.plugin_kit import core_client, sftp_transport
from cleanclaim.clearinghouses.secrets import read_secrets
from cleanclaim.clearinghouses.sftp.forms import SettingsForm

NAME = "sftp"
LABEL = "SFTP batch (with optional CAQH CORE real time)"

__all__ = ["LABEL", "NAME", "SettingsForm", "batch_transport", "realtime"]


def batch_transport(connection: Any) -> Any:
    return sftp_transport(connection)


def realtime(connection: Any) -> Any:
    url = connection.settings.get("core_url", "")
    if not url:
        return None
    secrets = read_secrets(connection)
    return core_client(
        connection,
        url,
        str(connection.settings.get("core_username", "")),
        secrets.get("core_password", ""),
    )
