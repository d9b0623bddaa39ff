"""The CAQH CORE real-time plug-in: eligibility (270/271), claim status (276/277) and
authorizations (278) over HTTPS in the CORE connectivity envelope; no batches."""

from __future__ import annotations

from typing import Any

from cleanclaim.clearinghouses.core.forms import SettingsForm
from cleanclaim.clearinghouses.plugin_kit import core_client
from cleanclaim.clearinghouses.secrets import read_secrets

NAME = "core"
LABEL = "CAQH CORE real time (HTTPS)"
#: No batches: real-time requests only.
TAKES_BATCHES = False

__all__ = ["LABEL", "NAME", "SettingsForm", "batch_transport", "realtime"]


def batch_transport(connection: Any) -> None:
    return None


def realtime(connection: Any) -> Any:
    values = connection.settings
    return core_client(
        connection,
        str(values["core_url"]),
        str(values.get("core_username", "")),
        read_secrets(connection).get("core_password", ""),
    )
