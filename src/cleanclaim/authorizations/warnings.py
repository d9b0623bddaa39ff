"""What the front desk and the coder are warned of about a patient's authorizations
(Today's patients and check-in, the coding screen, the patient page):

* ``expiring`` — an approved authorization ends within :data:`EXPIRING_DAYS` days;
* ``units`` — its units nearly used (:data:`NEARLY_USED` of them, or at most
  :data:`FEW_LEFT` left);
* ``missing`` — a service scheduled or coded (``codes``) that the payer's rules say needs
  prior authorization (payer rule kind ``prior-auth``, docs/payer-rules.md) with no
  approved authorization on file covering it on the day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from cleanclaim.authorizations.models import Authorization
from cleanclaim.claims.scrubbing import context_for
from cleanclaim.edits.authorization import code_in, parse_services
from cleanclaim.edits.payer_rules_lang import PayerRule
from cleanclaim.patients.models import Coverage, Patient

__all__ = [
    "EXPIRING_DAYS",
    "FEW_LEFT",
    "NEARLY_USED",
    "Warning",
    "needs_authorization",
    "warnings_for",
]

EXPIRING_DAYS = 14
NEARLY_USED = Decimal("0.8")
FEW_LEFT = Decimal(2)


def _n(value: Decimal) -> str:
    """A count as written: 10, 2.5 (never 1E+1)."""
    return f"{value.normalize():f}"


@dataclass(frozen=True, slots=True)
class Warning:
    kind: str  # expiring, units, missing
    message: str
    authorization: int | None = None


def needs_authorization(
    rules: Sequence[PayerRule], coverage: Coverage, code: str, day: dt.date
) -> PayerRule | None:
    """The payer rule (kind ``prior-auth``) saying ``code`` needs an authorization from
    ``coverage``'s payer on ``day``; None when none does."""
    payer = coverage.payer
    return next(
        (
            r
            for r in rules
            if r.kind == "prior-auth"
            and r.applies_to_payer(payer.payer_id, getattr(payer, "profile", "") or "", payer.name)
            and r.in_force(day)
            and r.codes
            and r.matches_code(code)
        ),
        None,
    )


def warnings_for(
    patient: Patient,
    day: dt.date,
    codes: Iterable[str] = (),
    *,
    rules: Sequence[PayerRule] | None = None,
) -> list[Warning]:
    out: list[Warning] = []
    auths = list(Authorization.objects.filter(patient=patient).select_related("coverage__payer"))
    for a in auths:
        if a.status != Authorization.Status.APPROVED or a.end_date < day:
            continue
        if a.end_date <= day + dt.timedelta(days=EXPIRING_DAYS):
            out.append(
                Warning(
                    "expiring",
                    f"Authorization {a.number} ({a.services}) ends {a.end_date}: "
                    f"{(a.end_date - day).days} days left.",
                    a.pk,
                )
            )
        if a.units_authorized:
            left = a.units_left
            assert left is not None
            used = a.units_authorized - left
            if left <= FEW_LEFT or used >= a.units_authorized * NEARLY_USED:
                what = "visits" if a.counts_visits else "units"
                out.append(
                    Warning(
                        "units",
                        f"Authorization {a.number}: {_n(used)} of "
                        f"{_n(a.units_authorized)} {what} used, {_n(left)} left.",
                        a.pk,
                    )
                )
    wanted = sorted({c.strip().upper() for c in codes if c.strip()})
    if wanted:
        coverage = next(
            (
                c
                for c in sorted(patient.coverages.all(), key=lambda c: c.priority)
                if c.is_active_on(day)
            ),
            None,
        )
        if coverage is not None:
            if rules is None:
                rules = context_for(patient.practice, day).payer_rules
            for code in wanted:
                rule = needs_authorization(rules, coverage, code, day)
                if rule is None:
                    continue
                covered = any(
                    a.coverage_id == coverage.pk
                    and a.status == Authorization.Status.APPROVED
                    and a.start_date <= day <= a.end_date
                    and code_in(code, parse_services(a.services))
                    for a in auths
                )
                if not covered:
                    out.append(
                        Warning(
                            "missing",
                            f"{code} needs prior authorization from {coverage.payer.name} "
                            f"(payer rule {rule.id}) and none on file covers it on {day}.",
                        )
                    )
    return out
