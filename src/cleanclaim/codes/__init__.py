"""Reference data engine: code systems as of a date (no Django import).

The plain dataclasses and the :class:`CodeSource` protocol are in
:mod:`cleanclaim.codes.model`. :class:`~cleanclaim.codes.store.Store` implements it;
open the process-wide one with::

    from cleanclaim.codes import open_store
    store = open_store()

Import official files with :func:`import_paths` (what ``cleanclaim refdata import`` runs).
"""

from .importing import import_paths
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
from .store import Store, open_store

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
