"""999 guide rules (005010X231A1): structure, codes, and the AK9 counts."""

from __future__ import annotations

from collections import defaultdict

from ..errors import IK403, Finding
from ..segments import Delimiters
from ..structure import ElementRule, check_tree, element_finding
from .codes import FunctionalGroupAcknowledge, TransactionSetAcknowledgment
from .loops import Transaction999

__all__ = ["ELEMENT_RULES", "validate_999"]

ELEMENT_RULES: tuple[ElementRule, ...] = (
    ElementRule("HEADER", "ST", 1, required=True, codes=frozenset({"999"})),
    ElementRule("HEADER", "AK1", 1, required=True),
    ElementRule("HEADER", "AK1", 2, required=True),
    ElementRule("HEADER", "AK1", 3, required=True),
    ElementRule("2000", "AK2", 1, required=True),
    ElementRule("2000", "AK2", 2, required=True),
    ElementRule("2100", "IK3", 1, required=True),
    ElementRule("2100", "IK3", 2, required=True),
    ElementRule("2100", "IK3", 4, required=True),
    ElementRule("2110", "IK4", 1, 1, required=True),
    ElementRule("2110", "IK4", 3, required=True),
    ElementRule(
        "2000",
        "IK5",
        1,
        required=True,
        codes=frozenset(m.value for m in TransactionSetAcknowledgment),
    ),
    ElementRule(
        "HEADER",
        "AK9",
        1,
        required=True,
        codes=frozenset(m.value for m in FunctionalGroupAcknowledge),
    ),
    ElementRule("HEADER", "AK9", 2, required=True),
    ElementRule("HEADER", "AK9", 3, required=True),
    ElementRule("HEADER", "AK9", 4, required=True),
)
_BY: dict[tuple[str, str], list[ElementRule]] = defaultdict(list)
for _r in ELEMENT_RULES:
    _BY[(_r.loop, _r.seg)].append(_r)

KNOWN_TAGS = frozenset({"ST", "AK1", "AK2", "IK3", "CTX", "IK4", "IK5", "AK9", "SE"})


def validate_999(tx: Transaction999, delimiters: Delimiters) -> list[Finding]:
    out = check_tree(tx, KNOWN_TAGS, _BY)
    ak9 = tx.ak9
    if ak9 is not None:
        received = ak9.number_of_received_transaction_sets
        if received.isdigit() and int(received) != len(tx.responses) and tx.responses:
            out.append(
                element_finding(
                    "HEADER",
                    ak9,
                    3,
                    0,
                    IK403.PATTERN_MATCH_FAILURE,
                    f"AK903 says {received} transaction sets were received but the 999 answers "
                    f"{len(tx.responses)} (AK2)",
                    code="999.ak9.count",
                    value=received,
                )
            )
        accepted = sum(
            1
            for r in tx.responses
            if r.ik5 is not None and r.ik5.transaction_set_acknowledgment_code in ("A", "E")
        )
        given = ak9.number_of_accepted_transaction_sets
        if given.isdigit() and tx.responses and int(given) != accepted:
            out.append(
                element_finding(
                    "HEADER",
                    ak9,
                    4,
                    0,
                    IK403.PATTERN_MATCH_FAILURE,
                    f"AK904 says {given} transaction sets were accepted but {accepted} IK5 "
                    "segments accept theirs",
                    code="999.ak9.count",
                    value=given,
                )
            )
    out.sort(key=lambda f: f.position)
    return out
