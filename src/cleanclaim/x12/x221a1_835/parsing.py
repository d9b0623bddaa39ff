"""Read 835 transaction sets: loop tree, typed remittance, findings, balance.

``read_file`` is the whole-file entry point (4010 and non-X12 input raise the
core's one-line :class:`~cleanclaim.x12.errors.X12Error`); ``read_transaction``
reads one ST..SE already split by the envelope layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..envelope import TransactionSet, read_document
from ..errors import Finding
from ..guidekit.reading import check_version, place
from ..guidekit.spec import LoopSpec, load_spec
from ..segments import Delimiters
from .loops import Remittance, remittance
from .validation import check_balancing

GUIDE = "005010X221A1"
#: GS08 values read as this guide: the A1 errata and the base 005010X221 it corrects.
ACCEPTED = (GUIDE, "005010X221")
SPEC_PATH = str(Path(__file__).with_name("spec.json"))


def spec() -> LoopSpec:
    """The 835 guide's loop tree (loaded once)."""
    return load_spec(SPEC_PATH)


@dataclass(slots=True)
class Read835:
    """One 835 transaction set as read: typed remittance, findings, balance."""

    remittance: Remittance
    findings: list[Finding]
    balanced: bool
    delimiters: Delimiters
    guide: str = GUIDE


def read_transaction(ts: TransactionSet, delimiters: Delimiters) -> Read835:
    """Read and validate one 835 transaction set."""
    placed = place(ts.segments, delimiters, spec(), "835", GUIDE)
    remit = remittance(placed.tree, placed.st.get(2), delimiters)
    balanced = check_balancing(placed.ctx, remit)
    return Read835(remit, placed.ctx.findings, balanced, delimiters)


def read_file(data: bytes | str) -> list[Read835]:
    """Every 835 transaction set of an X12 file."""
    doc = read_document(data)
    out: list[Read835] = []
    for ic, group, ts in doc.transactions():
        check_version(group.version, ACCEPTED, "835")
        out.append(read_transaction(ts, ic.delimiters))
    return out
