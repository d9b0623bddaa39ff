"""999 checks: the X231A1 guide's structure and elements, then its relational rules.

Structure, usage, lengths, types and code values come from the guide as data
(:func:`cleanclaim.x12.guidekit.reading.check`). The rules between segments
(005010X231A1 §2, AK9 and IK5 notes), each IK403 ``I12`` (implementation pattern
match failure):

* AK903 (number of received transaction sets) is the number of AK2 loops and
  AK904 (number accepted) the number of IK5 that accept theirs (``A`` or ``E``),
  code ``999.ak9.count``;
* AK901 agrees with the IK5s: ``A``/``E`` when every set is accepted, ``P`` when
  some are, ``R`` when none is (``999.ak9.verdict``);
* IK501 ``A`` (accepted) has no segment in error under it: a set with IK3 loops
  is ``E`` (accepted with errors) or rejected (``999.ik5.accepts-errors``).
"""

from __future__ import annotations

from .._errors import IK403, Finding
from .._segments import Delimiters
from ..guidekit.reading import check
from ..guidekit.tree import SegNode
from ..guidekit.validate import Context
from .parsing import Transaction999
from .view import ACCEPTING

__all__ = ["validate"]


def _flag(ctx: Context, node: SegNode, loop: str, code: str, n: int, message: str) -> None:
    ctx.add(
        node,
        loop,
        code,
        message,
        ik403=IK403.PATTERN_MATCH_FAILURE,
        ref=f"{node.id}{n:02d}",
        element_position=n,
        value=node.get(n),
    )


def _check_ak9(ctx: Context, tx: Transaction999) -> None:
    tree = tx.placed.tree
    ak9 = tree.first("AK9")
    sets = list(tree.loops("2000"))
    if ak9 is None or not sets:
        return
    statuses = [ik5.get(1) if (ik5 := s.first("IK5")) else "" for s in sets]
    accepted = sum(1 for s in statuses if s in ACCEPTING)
    received, given = ak9.get(3), ak9.get(4)
    if received.isdigit() and int(received) != len(sets):
        _flag(
            ctx,
            ak9,
            "",
            "999.ak9.count",
            3,
            f"AK903 says {received} transaction sets were received but the 999 answers "
            f"{len(sets)} (AK2)",
        )
    if given.isdigit() and int(given) != accepted:
        _flag(
            ctx,
            ak9,
            "",
            "999.ak9.count",
            4,
            f"AK904 says {given} transaction sets were accepted but {accepted} IK5 "
            "segments accept theirs",
        )
    verdict = ak9.get(1)
    expected = ("A", "E") if accepted == len(sets) else ("R",) if accepted == 0 else ("P",)
    if verdict in ("A", "E", "P", "R") and verdict not in expected:
        _flag(
            ctx,
            ak9,
            "",
            "999.ak9.verdict",
            1,
            f"AK901 {verdict!r} contradicts the sets' IK5: {accepted} of {len(sets)} accepted "
            f"(expected {' or '.join(expected)})",
        )


def _check_ik5(ctx: Context, tx: Transaction999) -> None:
    for loop in tx.placed.tree.loops("2000"):
        ik5 = loop.first("IK5")
        if ik5 is not None and ik5.get(1) == "A" and any(loop.loops("2100")):
            _flag(
                ctx,
                ik5,
                "2000",
                "999.ik5.accepts-errors",
                1,
                "IK501 'A' (accepted) but segments in error (IK3) follow the AK2: "
                "use 'E' (accepted with errors) or reject the set",
            )


def validate(tx: Transaction999, delimiters: Delimiters) -> list[Finding]:
    """Every finding of one 999, in file order."""
    ctx = check(tx.placed, delimiters)
    _check_ak9(ctx, tx)
    _check_ik5(ctx, tx)
    return sorted(ctx.findings, key=lambda f: f.position)
