"""The sandbox plug-in: the clearinghouse ``cleanclaim sandbox serve`` runs on loopback
(SFTP for batches, CAQH CORE over HTTP for real time), for demos, training and tests.
"""

from __future__ import annotations

from typing import Any

from cleanclaim.clearinghouses.plugin_kit import core_client, sftp_transport
from cleanclaim.clearinghouses.sandbox.forms import SettingsForm
from cleanclaim.clearinghouses.secrets import read_secrets

NAME = "sandbox"
LABEL = "Sandbox clearinghouse (loopback, for demos and tests)"
#: The sandbox answers a batch while it is uploaded: the sending task collects the 999
#: and 277CAs at once, asking again for up to this many seconds (tasks.collect_answers).
ANSWERS_WITHIN = 5.0

__all__ = ["LABEL", "NAME", "SettingsForm", "batch_transport", "realtime"]


def batch_transport(connection: Any) -> Any:
    values = connection.settings
    return sftp_transport(
        connection,
        host=values.get("host") or "127.0.0.1",
        port=int(values.get("sftp_port") or 2222),
        timeout=float(values.get("timeout") or 10.0),
    )


def realtime(connection: Any) -> Any:
    values = connection.settings
    host = values.get("host") or "127.0.0.1"
    url = f"http://{host}:{int(values.get('core_port') or 8089)}/core"
    return core_client(
        connection,
        url,
        str(values.get("username", "")),
        read_secrets(connection).get("password", ""),
    )
