"""The clearinghouse plug-ins: one folder each under ``clearinghouses/<name>/``.

The registry is an explicit tuple of module names, the code base's one idiom for
plug-ins (as the X12 engine's guide packages and the scrubber's rule families,
:data:`cleanclaim.edits.registry.FAMILIES`). Each plug-in package exposes the same
names:

``NAME``
    the registry name stored in ``Connection.plugin``;
``LABEL``
    what a person reads;
``SettingsForm``
    a Django form for its settings; fields listed in its ``SECRET_FIELDS`` are kept
    in ``Connection.secrets`` (encrypted), the others in ``Connection.settings``;
``batch_transport(connection)``
    an object with the SFTP transport's methods (``upload``, ``list_outbound``,
    ``fetch``, ``done``, ``host_key``; a context manager), or ``None``;
``realtime(connection)``
    a :class:`cleanclaim.caqhcore.client.CoreClient`, or ``None``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: Plug-in package names, in the order the connection form offers them.
PLUGINS: tuple[str, ...] = ("sftp", "sandbox", "core")


class UnknownPlugin(LookupError):
    pass


def plugin(name: str) -> ModuleType:
    """The plug-in package called ``name``."""
    if name not in PLUGINS:
        raise UnknownPlugin(
            f"no clearinghouse plug-in called {name!r} (known: {', '.join(PLUGINS)})"
        )
    return importlib.import_module(f"{__package__}.{name}")


def choices() -> list[tuple[str, str]]:
    """``(NAME, LABEL)`` of every plug-in, for a form."""
    return [(name, plugin(name).LABEL) for name in PLUGINS]
