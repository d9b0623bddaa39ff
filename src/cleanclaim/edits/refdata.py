"""Build a :class:`ScrubContext` from what ``cleanclaim refdata`` has loaded."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from cleanclaim.codes.model import CodeSource
from cleanclaim.codes.ncci import NcciTables, load_tables
from cleanclaim.codes.paths import refdata_dir
from cleanclaim.edits.context import ScrubContext, load_payer_rules

__all__ = ["context_from_refdata", "load_code_source", "warm"]


def load_code_source(root: Path) -> CodeSource | None:
    """The codes engine's store (ICD-10-CM always, plus whatever was imported), or
    None when the codes engine does not provide one."""
    try:
        store_mod = importlib.import_module("cleanclaim.codes.store")
    except ImportError:
        return None
    for name in ("open_store", "default_store", "load_store"):
        factory = getattr(store_mod, name, None)
        if callable(factory):
            try:
                src = factory(root)
            except TypeError:
                src = factory()
            return src  # type: ignore[no-any-return]
    return None


def context_from_refdata(
    as_of: dt.date | None = None,
    *,
    root: Path | None = None,
    payer_rules: Path | None = None,
    codes: CodeSource | None = None,
    ncci: NcciTables | None = None,
) -> ScrubContext:
    root = root or refdata_dir()
    if ncci is None:
        ncci = load_tables(root)
    if codes is None:
        codes = load_code_source(root)
    ctx = ScrubContext(
        as_of=as_of or dt.date.today(),
        codes=codes,
        ncci=None if ncci.empty() else ncci,
    )
    if payer_rules is not None:
        ctx.payer_rules = load_payer_rules(payer_rules)
    return ctx


def warm(ctx: ScrubContext) -> None:
    """Load the lazily-read reference data now and move it out of the cyclic garbage
    collector's way (``gc.freeze``): the code store holds hundreds of thousands of
    long-lived objects that every full collection would otherwise walk while
    claims are being scrubbed."""
    import gc

    if ctx.codes is not None:
        ctx.codes.lookup("icd10cm", "A00.0", ctx.as_of)
        ctx.codes.releases()
    gc.collect()
    gc.freeze()
