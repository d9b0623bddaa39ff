"""What a scrub could not check, said once per scrub (not on every claim).

The CLI prints these notices, ``POST /api/scrub`` and ``scrub --json`` carry them as
``notices`` and the upload page shows them: a table that is not loaded (``NCCI PTP not
loaded: pairs not checked``), one loaded only in part (an excerpt), and code sets of
which only the starter list is loaded (CPT, HCPCS procedures), whose codes are then
checked for their shape only.
"""

from __future__ import annotations

from cleanclaim.codes.importers.base import is_excerpt
from cleanclaim.edits.context import ScrubContext

__all__ = ["notices"]


def _ncci(ctx: ScrubContext) -> list[str]:
    t = ctx.ncci
    out = []
    ptp = [p for parts in (t.ptp.values() if t else ()) for p in parts]
    if not ptp:
        out.append("NCCI PTP not loaded: pairs not checked")
    elif any(is_excerpt(p.source_file) for p in ptp):
        files = ", ".join(sorted({p.source_file for p in ptp if is_excerpt(p.source_file)}))
        out.append(f"NCCI PTP loaded only in part ({files}): pairs not in it are not checked")
    mue = t.mue if t else []
    if not mue:
        out.append("NCCI MUE not loaded: units not checked")
    elif any(is_excerpt(m.source_file) for m in mue):
        files = ", ".join(sorted({m.source_file for m in mue if is_excerpt(m.source_file)}))
        out.append(f"NCCI MUE loaded only in part ({files}): codes not in it are not checked")
    if not (t and t.addon):
        out.append("NCCI add-on code edits not loaded: add-on codes not checked")
    return out


def notices(ctx: ScrubContext) -> list[str]:
    """The notices for a scrub with ``ctx``, each a line a biller can act on."""
    out: list[str] = []
    if ctx.codes is None:
        out.append("code sets not loaded: diagnosis, procedure and modifier codes not checked")
    else:
        for system, name, table in (
            ("cpt", "CPT", "the practice's licensed CPT file"),
            ("hcpcs", "HCPCS Level II", "the HCPCS file"),
        ):
            if not ctx.system_complete(system):
                out.append(
                    f"{name} procedure codes: no complete list loaded, codes checked for "
                    f"their shape only; import {table} (cleanclaim refdata import)"
                )
    return out + _ncci(ctx)
