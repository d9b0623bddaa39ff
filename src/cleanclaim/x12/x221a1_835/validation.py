"""835 checks beyond syntax: the balancing rules of 005010X221A1.

The guide (section 1.10.2.1, "Balancing") requires, with exact Decimal sums:

* per service line (2110): SVC02 − SVC03 = Σ CAS amounts of the line;
* per claim (2100): CLP03 − CLP04 = Σ claim-level CAS + Σ line-level CAS;
* per transaction: BPR02 = Σ CLP04 − Σ PLB amounts (a positive PLB amount
  reduces the payment, a negative one increases it).

Balancing is a semantic rule, not X12 syntax, so a 999 can only point at the
element: findings carry IK304 ``8`` (segment has element errors) and IK403
``I12`` (implementation pattern match failure) -- see
``docs/decisions/0401-guides-as-data.md``.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from ...money import read_amount_or_zero
from .._errors import IK403, Finding, Severity
from .._perf import gc_paused
from .._segments import Delimiters
from ..guidekit.reading import check
from ..guidekit.spec import LoopSpec
from ..guidekit.tree import LoopNode, SegNode
from ..guidekit.validate import Context
from .parsing import Transaction835

ZERO = Decimal(0)


def _cas(elements: list[str]) -> Decimal:
    """Σ of the amounts of one CAS (CAS03, 06, 09, 12, 15, 18)."""
    total = ZERO
    for i in range(2, min(len(elements), 18), 3):
        if elements[i]:
            total += read_amount_or_zero(elements[i])
    return total


def _line_finding(
    ctx: Context, svc: SegNode, pcn: str, charge: Decimal, paid: Decimal, cas: Decimal
) -> None:
    diff = charge - paid
    code = svc.get(1).split(ctx.delimiters.component)
    proc = code[1] if len(code) > 1 else svc.get(1)
    ctx.add(
        svc,
        "2110",
        "x12.835.line-out-of-balance",
        f"service line {proc} of claim {pcn} does not balance: charge {charge} − paid "
        f"{paid} = {diff}, but its adjustments (CAS) add up to {cas}",
        ik403=IK403.PATTERN_MATCH_FAILURE,
        ref="SVC03",
        element_position=3,
        value=svc.get(3),
    )


def _claim(
    ctx: Context,
    claim: LoopNode,
    seen: dict[tuple[str, ...], Decimal],
    amounts: dict[str, Decimal],
) -> Decimal:
    """Check one claim and its service lines (2110); return its payment CLP04.

    Runs once per claim and line of a large remittance, so the lines are checked
    inline (one pass over each line: SVC first, then DTM, CAS, REF, AMT, LQ), each
    distinct CAS is summed once per transaction (``seen``) and each distinct amount
    text read once (``amounts``).
    """
    children = claim.children
    first = children[0] if children else None
    if first.__class__ is SegNode and first.segment.id == "CLP":
        clp: SegNode | None = first
    else:
        clp = claim.first("CLP")
    if clp is None:
        return ZERO
    pcn = clp.get(1)
    lines = ZERO
    claim_cas = ZERO
    for child in children:
        if child.__class__ is LoopNode:
            cas = ZERO
            svc: SegNode | None = None
            for node in child.children:
                if node.__class__ is SegNode:
                    seg = node.segment
                    sid = seg.id
                    if sid == "CAS":
                        els = seg.elements
                        key = tuple(els)
                        total = seen.get(key)
                        if total is None:
                            total = seen[key] = _cas(els)
                        cas += total
                    elif sid == "SVC" and svc is None:
                        svc = node
            if svc is not None:
                els = svc.segment.elements
                if len(els) > 2:
                    charge = amounts.get(els[1])
                    if charge is None:
                        charge = amounts[els[1]] = read_amount_or_zero(els[1])
                    paid = amounts.get(els[2])
                    if paid is None:
                        paid = amounts[els[2]] = read_amount_or_zero(els[2])
                else:
                    charge = read_amount_or_zero(els[1]) if len(els) > 1 else ZERO
                    paid = ZERO
                if charge - paid != cas:
                    _line_finding(ctx, svc, pcn, charge, paid, cas)
            lines += cas
        elif child.segment.id == "CAS":  # type: ignore[union-attr]
            els = child.segment.elements  # type: ignore[union-attr]
            key = tuple(els)
            total = seen.get(key)
            if total is None:
                total = seen[key] = _cas(els)
            claim_cas += total
    els = clp.segment.elements
    charge_text = els[2] if len(els) > 2 else ""
    paid_text = els[3] if len(els) > 3 else ""
    charge = amounts.get(charge_text)
    if charge is None:
        charge = amounts[charge_text] = read_amount_or_zero(charge_text)
    paid = amounts.get(paid_text)
    if paid is None:
        paid = amounts[paid_text] = read_amount_or_zero(paid_text)
    diff = charge - paid
    if diff != claim_cas + lines:
        ctx.add(
            clp,
            "2100",
            "x12.835.claim-out-of-balance",
            f"claim {pcn} does not balance: charge {charge} − paid {paid} = {diff}, but "
            f"claim adjustments ({claim_cas}) + line adjustments ({lines}) = "
            f"{claim_cas + lines}",
            ik403=IK403.PATTERN_MATCH_FAILURE,
            ref="CLP04",
            element_position=4,
            value=clp.get(4),
        )
    return paid


def _plb_total(node: SegNode) -> Decimal:
    """Σ PLB04, 06, 08, 10, 12, 14."""
    els = node.segment.elements
    return sum(
        (read_amount_or_zero(els[i]) for i in range(3, min(len(els), 14), 2) if els[i]), ZERO
    )


def _payment(ctx: Context, tree: LoopNode, paid: Decimal) -> None:
    """BPR02 against the claim payments ``paid`` minus the provider adjustments (PLB)."""
    plb = ZERO
    bpr: SegNode | None = None
    for child in tree.children:
        if isinstance(child, SegNode):
            if child.segment.id == "PLB":
                plb += _plb_total(child)
            elif child.segment.id == "BPR" and bpr is None:
                bpr = child
    total = read_amount_or_zero(bpr.get(2)) if bpr else ZERO
    expected = paid - plb
    if expected != total:
        ctx.add(
            bpr,
            "",
            "x12.835.payment-out-of-balance",
            f"total payment BPR02 {total} does not equal the claim payments ({paid}) "
            f"minus the provider adjustments PLB ({plb}) = {expected}",
            ik403=IK403.PATTERN_MATCH_FAILURE,
            ref="BPR02",
            element_position=2,
            value=bpr.get(2) if bpr else "",
            segment_id="BPR",
        )


def check_balancing(ctx: Context, tree: LoopNode) -> bool:
    """Add balancing findings to ``ctx``; return whether everything balances."""
    before = len(ctx.findings)
    paid = ZERO
    seen: dict[tuple[str, ...], Decimal] = {}
    amounts: dict[str, Decimal] = {}
    for child in tree.children:
        if child.__class__ is LoopNode and child.spec.id == "2000":
            for claim in child.children:
                if claim.__class__ is LoopNode:
                    paid += _claim(ctx, claim, seen, amounts)
    _payment(ctx, tree, paid)
    return not any(f.severity is Severity.ERROR for f in ctx.findings[before:])


@cache
def _claim_specs(root: LoopSpec) -> tuple[LoopSpec, ...] | None:
    """The loops :func:`check_balancing` reads as claims: those under a 2000 loop
    of the transaction set. ``None`` when the guide tree could also place them
    elsewhere (then :func:`validate` balances in a walk of its own)."""
    headers = [c for c in root.children if isinstance(c, LoopSpec) and c.id == "2000"]
    out = [c for loop in headers for c in loop.children if isinstance(c, LoopSpec)]
    parents: dict[int, int] = {}  # loop spec → how many loops list it
    for loop in root.walk_loops():
        for child in loop.children:
            if isinstance(child, LoopSpec):
                parents[id(child)] = parents.get(id(child), 0) + 1
    if any(parents.get(id(c)) != 1 for c in [*headers, *out]):
        return None
    return tuple(out)


def is_balanced(tx: Transaction835, delimiters: Delimiters) -> bool:
    """Whether the remittance balances (BPR, every claim, every line)."""
    return check_balancing(Context(delimiters, tx.placed.st.get(2), []), tx.placed.tree)


def validate(tx: Transaction835, delimiters: Delimiters) -> list[Finding]:
    """Every finding: guide structure and elements, then balancing.

    Each claim is balanced right after the structure walk checked it (the
    ``after`` hook of :func:`~cleanclaim.x12.guidekit.validate.check_loop`),
    while its segments are still in the processor's caches; its findings are
    kept apart and come after the structure findings, as from
    :func:`check_balancing` run after the walk.
    """
    placed = tx.placed
    tree = placed.tree
    with gc_paused():  # see cleanclaim.x12._perf
        claims = _claim_specs(tree.spec)
        if claims is None:
            ctx = check(placed, delimiters)
            check_balancing(ctx, tree)
            return ctx.findings
        balance = Context(delimiters, placed.st.get(2), [])
        seen: dict[tuple[str, ...], Decimal] = {}
        amounts: dict[str, Decimal] = {}
        paid = [ZERO]

        def claim(node: LoopNode) -> None:
            paid[0] += _claim(balance, node, seen, amounts)

        ctx = check(placed, delimiters, dict.fromkeys(claims, claim))
        _payment(balance, tree, paid[0])
        ctx.findings.extend(balance.findings)
    return ctx.findings
