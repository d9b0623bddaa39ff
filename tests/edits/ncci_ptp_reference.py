"""The plain reading of the packed PTP columns, in the tests (it was ``PtpEdit``,
``PtpPart.edits`` and ``NcciTables.ptp_edits`` in the engine, which nothing in the
product called): every row of a column 1 / column 2 pair as a :class:`PtpEdit`,
with the date semantics of decision 0501 (:meth:`PtpEdit.applies_on`). Tests
referee the product's fast lookup (``PtpPart.has_pair``) and its storage with it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from cleanclaim.codes.ncci import NcciTables
from cleanclaim.codes.ncci_common import pack_code, ymd, ymd_to_date
from cleanclaim.codes.ncci_ptp import PtpPart

__all__ = ["PtpEdit", "edits", "product_applies", "ptp_edits"]


@dataclass(frozen=True, slots=True)
class PtpEdit:
    column1: str
    column2: str
    effective: dt.date
    deletion: dt.date | None
    modifier_indicator: int  # 0 not allowed, 1 allowed, 9 not applicable
    rationale: str
    pre_1996: bool

    def applies_on(self, dos: dt.date) -> bool:
        if self.modifier_indicator == 9:
            return False
        return self.effective <= dos and (self.deletion is None or dos <= self.deletion)


def _key(col1: str, col2: str) -> int | None:
    try:
        return pack_code(col1) << 32 | pack_code(col2)
    except (KeyError, ValueError):
        return None


def edits(part: PtpPart, col1: str, col2: str) -> list[PtpEdit]:
    """Every row of ``part`` for the pair (usually one; several when an edit was re-added)."""
    key = _key(col1, col2)
    if key is None:
        return []
    keys = part.keys
    out: list[PtpEdit] = []
    i = bisect.bisect_left(keys, key)
    while i < len(keys) and keys[i] == key:
        eff = ymd_to_date(part.eff[i])
        assert eff is not None
        out.append(
            PtpEdit(
                column1=col1,
                column2=col2,
                effective=eff,
                deletion=ymd_to_date(part.dele[i]),
                modifier_indicator=part.mod[i],
                rationale=part.rationales[part.rat[i]],
                pre_1996=bool(part.pre96[i]),
            )
        )
        i += 1
    return out


def ptp_edits(tables: NcciTables, col1: str, col2: str, dos: dt.date) -> list[PtpEdit]:
    """Every row for the pair in the release in force on ``dos``."""
    return [e for part in tables.ptp_release(dos) for e in edits(part, col1, col2)]


def product_applies(tables: NcciTables, col1: str, col2: str, dos: dt.date) -> bool:
    """What the PTP rule decides for the pair on ``dos``: ``has_pair``, then indicator 9."""
    key = _key(col1, col2)
    if key is None:
        return False
    for part in tables.ptp_release(dos):
        i = part.has_pair(key, ymd(dos))
        if i >= 0:
            return part.mod[i] != 9
    return False
