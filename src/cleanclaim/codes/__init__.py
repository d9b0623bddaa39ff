"""Reference data engine: code systems as of a date (no Django import).

The plain dataclasses and the :class:`CodeSource` protocol are in
:mod:`cleanclaim.codes.model`. :class:`~cleanclaim.codes.store.Store` implements it;
open the process-wide one with::

    from cleanclaim.codes import open_store
    store = open_store()

Import official files with :func:`import_paths` (what ``cleanclaim refdata import`` runs).
"""

from typing import TYPE_CHECKING

from .model import (
    SYSTEMS,
    Code,
    CodeRange,
    CodeSource,
    Coverage,
    ImportResult,
    Lookup,
    Note,
    Release,
    SearchHit,
    normalize_icd10cm,
)

if TYPE_CHECKING:
    from .importing import import_paths
    from .store import Store, open_store

# The store and the importers are imported on first use: ``from cleanclaim.codes.model
# import ...`` (the CLI's parser, the X12 engine's callers) then costs only the model.
_LAZY = {"import_paths": "importing", "Store": "store", "open_store": "store"}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "SYSTEMS",
    "Code",
    "CodeRange",
    "CodeSource",
    "Coverage",
    "ImportResult",
    "Lookup",
    "Note",
    "Release",
    "SearchHit",
    "Store",
    "import_paths",
    "normalize_icd10cm",
    "open_store",
]
