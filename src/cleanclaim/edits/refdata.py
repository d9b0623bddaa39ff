"""Build a :class:`ScrubContext` from what ``cleanclaim refdata`` has loaded."""

from __future__ import annotations

import datetime as dt
import importlib
import threading
from pathlib import Path

from cleanclaim.codes.model import CodeSource
from cleanclaim.codes.ncci import NcciTables, load_tables, stamp
from cleanclaim.codes.paths import refdata_dir
from cleanclaim.edits.context import ScrubContext, load_payer_rules

__all__ = ["context_from_refdata", "load_code_source", "ncci_tables", "warm"]


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


_TABLES: dict[Path, tuple[tuple[int, int, int] | None, NcciTables]] = {}
_TABLES_LOCK = threading.Lock()


def ncci_tables(root: Path) -> NcciTables:
    """The NCCI tables of ``root``, loaded once per process and reused by every context
    (each upload of the app) until ``refdata import`` changes what is loaded there: the
    manifest's stamp is checked on every call (one ``stat``)."""
    key = root.resolve()
    now = stamp(key)  # taken before loading: an import racing the load reloads next time
    with _TABLES_LOCK:
        hit = _TABLES.get(key)
        if hit is not None and hit[0] == now:
            return hit[1]
        tables = load_tables(key)
        _TABLES[key] = (now, tables)
        return tables


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
        ncci = ncci_tables(root)
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
    """Open the lazily-read reference data now (the code store's releases and its
    ICD-10-CM tabular, mapped from its start-up cache) and move what is loaded out of the
    cyclic garbage collector's way (``gc.freeze``): full collections while claims are
    scrubbed then do not walk it."""
    import gc

    if ctx.codes is not None:
        ctx.codes.lookup("icd10cm", "A00.0", ctx.as_of)
        ctx.codes.releases()
    gc.collect()
    gc.freeze()
