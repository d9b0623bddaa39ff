"""What a claim puts on the ledger when it leaves: the visit's charges, or, for a
secondary, the patient's remaining share handed to the next payer.

:func:`on_sent` is called by whatever marks claims sent (a batch uploaded to the
clearinghouse, the demo). Per claim, by its kind:

* **a primary original** (frequency 1): each line's charge into ``insurance`` (kind
  ``charge``). A claim sent again after a rejection (decision 0840) is trued up: only
  the difference between the line's charge now and what the ledger holds for it is
  posted, and a line gone from the claim is taken back.
* **a replacement** (frequency 7): the replaced claim's charges are taken off (entries
  of kind ``charge`` with the amount negated) and the replacement's own are posted.
  The payer reverses the replaced claim's payment itself (835 CLP02 ``22``).
* **a void** (frequency 8): the voided claim's charges are taken off.
* **a secondary or tertiary** (responsibility ``S``/``T``): no charge (the visit's is
  on the primary); per line the patient's remaining liability after the prior payers
  (Σ of the line's 2430 ``PR`` adjustments) moves from ``patient`` to ``insurance``
  (kind ``transfer_to_insurance``, the "balance transferred to secondary" of a
  practice ledger). The next payer's 835 then pays part of it and moves the rest
  back to the patient (its PR adjustments); its ``OA-23`` (the prior payers' impact)
  posts nothing (:func:`cleanclaim.remittance.planning.plan`).

Every entry is keyed: calling :func:`on_sent` again for the same claims writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum

from cleanclaim.audit.actor import Actor
from cleanclaim.ledger import actions as ledger
from cleanclaim.ledger.models import Bucket, EntryKind, LedgerEntry

__all__ = ["on_sent", "remaining_patient_share"]

ZERO = Decimal("0.00")


def remaining_patient_share(adjudications: list[dict[str, Any]]) -> Decimal:
    """Σ of the PR adjustments in a claim line's 2430 loops (its ``adjudications`` JSON)."""
    total = ZERO
    for adjudication in adjudications or []:
        for adj in adjudication.get("adjustments", []) or []:
            if str(adj.get("group", "")).upper() == "PR":
                total += Decimal(str(adj.get("amount", "0")))
    return total


def _charges_held(claim_ids: set[int]) -> dict[tuple[int, int | None], tuple[Decimal, int]]:
    """(claim, line) → (the charge the ledger holds, how many charge entries)."""
    rows = (
        LedgerEntry.objects.filter(claim_id__in=claim_ids, kind=EntryKind.CHARGE)
        .values("claim_id", "line_number")
        .annotate(total=Sum("amount"), entries=Count("id"))
        .order_by()
    )
    return {
        (row["claim_id"], row["line_number"]): (Decimal(row["total"]), row["entries"])
        for row in rows
    }


def _true_up(
    claim: Any,
    wanted: dict[int, Decimal],
    held: dict[tuple[int, int | None], tuple[Decimal, int]],
    memo: str,
) -> list[ledger.Line]:
    """Lines bringing ``claim``'s charges on the ledger to ``wanted`` (line → amount)."""
    out: list[ledger.Line] = []
    numbers = set(wanted) | {line for (cid, line) in held if cid == claim.pk and line is not None}
    for number in sorted(numbers):
        have, count = held.get((claim.pk, number), (ZERO, 0))
        diff = wanted.get(number, ZERO) - have
        if not diff:
            continue
        out.append(
            ledger.Line(
                bucket=Bucket.INSURANCE,
                kind=EntryKind.CHARGE,
                amount=diff,
                key=f"charge:{claim.pk}:{number}:{count + 1}",
                patient_id=claim.patient_id,
                claim_id=claim.pk,
                line_number=number,
                source=f"claim:{claim.number}",
                memo=memo,
                effective_date=claim.service_from,
            )
        )
    return out


def _transfer(claim: Any) -> list[ledger.Line]:
    out: list[ledger.Line] = []
    for line in claim.lines.all():
        share = remaining_patient_share(line.adjudications)
        if not share:
            continue
        for bucket, amount in ((Bucket.PATIENT, -share), (Bucket.INSURANCE, share)):
            out.append(
                ledger.Line(
                    bucket=bucket,
                    kind=EntryKind.TRANSFER_TO_INSURANCE,
                    amount=amount,
                    key=f"cob:{claim.pk}:{line.number}:{bucket}",
                    patient_id=claim.patient_id,
                    claim_id=claim.pk,
                    line_number=line.number,
                    reason="COB",
                    source=f"claim:{claim.number}",
                    memo=f"billed to {claim.payer.name} ({claim.get_responsibility_display()})",
                    effective_date=claim.service_from,
                )
            )
    return out


def on_sent(actor: Actor, claims: Iterable[Any]) -> list[LedgerEntry]:
    """Post what ``claims`` (just sent) put on the ledger; see the module. In the
    caller's transaction; returns the entries written."""
    claims = list(claims)
    if not claims:
        return []
    originals = [c for c in claims if c.responsibility == "P"]
    affected = {c.pk for c in originals} | {c.replaces_id for c in originals if c.replaces_id}
    held = _charges_held(affected)
    by_practice: dict[int, tuple[Any, list[ledger.Line]]] = {}
    for claim in claims:
        lines: list[ledger.Line] = []
        if claim.responsibility != "P":
            lines = _transfer(claim)
        else:
            if claim.frequency in ("7", "8") and claim.replaces_id:
                what = "replaced" if claim.frequency == "7" else "voided"
                lines += _true_up(
                    claim.replaces, {}, held, f"charges {what} by claim {claim.number}"
                )
            if claim.frequency != "8":
                wanted = {ln.number: ln.charge for ln in claim.lines.all()}
                lines += _true_up(claim, wanted, held, "")
        if lines:
            by_practice.setdefault(claim.practice_id, (claim.practice, []))[1].extend(lines)
    written: list[LedgerEntry] = []
    for practice, lines in by_practice.values():
        written += ledger.post(actor, practice, lines)
    return written
