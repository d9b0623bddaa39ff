"""Units consumed as claims are built, given back when a claim is voided or replaced.

Called by :mod:`cleanclaim.claims.building` (:func:`numbers_for`, :func:`consume`) and
:mod:`cleanclaim.claims.actions` (:func:`give_back`), inside their transactions.

Which authorization a line uses: the one the claim names (REF*G1) when it covers the
line's code (and modifier), else the first approved one of the claim's coverage valid on
the line's date that covers it. A line uses its units; an authorization counting visits
is used once per claim. The claim's REF*G1, when empty, is filled with the number of the
authorization covering most of its lines.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from cleanclaim.authorizations.models import Authorization, AuthorizationUse
from cleanclaim.claims.models import Claim, ClaimLine
from cleanclaim.edits.authorization import parse_services

__all__ = ["approved_by_coverage", "consume", "give_back", "number_for"]


def approved_by_coverage(coverage_ids: Iterable[int]) -> dict[int, list[Authorization]]:
    """The approved authorizations of these coverages (one query), by coverage id."""
    out: dict[int, list[Authorization]] = defaultdict(list)
    rows = Authorization.objects.filter(
        coverage_id__in=set(coverage_ids), status=Authorization.Status.APPROVED
    ).order_by("end_date", "pk")
    for a in rows:
        out[a.coverage_id].append(a)
    return out


def _covers(a: Authorization, line: ClaimLine) -> bool:
    from cleanclaim.edits.authorization import code_in

    if not code_in(line.procedure, parse_services(a.services)):
        return False
    return not a.modifiers or bool(set(a.modifiers).intersection(line.modifiers))


def _for_line(
    claim: Claim, line: ClaimLine, auths: Sequence[Authorization]
) -> Authorization | None:
    number = claim.prior_authorization.strip().upper()
    valid = [a for a in auths if a.start_date <= line.service_date <= a.end_date]
    named = [a for a in valid if number and a.number.upper() == number and _covers(a, line)]
    if named:
        return named[0]
    return next((a for a in valid if _covers(a, line)), None)


def number_for(claim: Claim, lines: Sequence[ClaimLine], auths: Sequence[Authorization]) -> str:
    """The authorization number for REF*G1: the one covering most lines ("" when none)."""
    counts = Counter(
        a.number for a in (_for_line(claim, ln, auths) for ln in lines) if a is not None
    )
    return counts.most_common(1)[0][0] if counts else ""


def consume(
    built: Sequence[tuple[Claim, Sequence[ClaimLine]]],
    auths_by_coverage: dict[int, list[Authorization]],
) -> list[AuthorizationUse]:
    """Append the uses of freshly built claims (one insert)."""
    rows: list[AuthorizationUse] = []
    for claim, lines in built:
        auths = auths_by_coverage.get(claim.coverage_id, [])
        if not auths:
            continue
        visits: set[int] = set()
        for ln in lines:
            a = _for_line(claim, ln, auths)
            if a is None:
                continue
            if a.counts_visits:
                if a.pk in visits:
                    continue
                visits.add(a.pk)
                units = Decimal(1)
            else:
                units = ln.units
            rows.append(
                AuthorizationUse(authorization=a, claim=claim, line_number=ln.number, units=units)
            )
    return AuthorizationUse.objects.bulk_create(rows)


def give_back(original: Claim, by: Claim) -> list[AuthorizationUse]:
    """Give back what ``original`` still holds (its uses net of earlier give-backs), as
    negative rows released by ``by`` (the void or the replacement)."""
    held: dict[tuple[int, int | None], Decimal] = defaultdict(Decimal)
    for u in AuthorizationUse.objects.filter(claim=original):
        held[(u.authorization_id, u.line_number)] += u.units
    rows = [
        AuthorizationUse(
            authorization_id=auth_id,
            claim=original,
            line_number=line,
            units=-units,
            released_by=by,
        )
        for (auth_id, line), units in held.items()
        if units
    ]
    return AuthorizationUse.objects.bulk_create(rows)
