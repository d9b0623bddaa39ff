"""Domain actions for fee schedules: each owns its transaction and writes the audit
entries in it. A fee row's edit is optimistic-locked (:mod:`cleanclaim.tenancy.concurrency`);
an import bumps its schedule's version, so of two imports planned from the same
version only the first is applied.

Importing (:func:`plan_import`, then :func:`apply_import`) replaces the rows of one
schedule with the file's: rows not in the file are removed, each change audited row by
row. Without a schedule name the target is the schedule in force on the effective date
(default today); a name not yet used makes a new schedule from the effective date, which
closes the practice's open-ended schedule that started before it the day before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, snapshot
from cleanclaim.fees.models import ExpectedAllowed, Fee, FeeSchedule
from cleanclaim.fees.service import schedule_on
from cleanclaim.fees.transfer import CodeChecker, FeeRow, FeeTable, check_codes
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import StaleEdit, check_version, save_versioned

__all__ = [
    "ImportPlan",
    "ImportRefused",
    "StaleEdit",
    "add_fee",
    "add_schedule",
    "apply_import",
    "plan_import",
    "update_fee",
]

Action = AuditEntry.Action
#: Longest schedule name (FeeSchedule.name).
NAME_MAX = 100


class ImportRefused(ValueError):
    """The import's target cannot be chosen (no schedule in force, dates overlap)."""


@transaction.atomic
def add_schedule(
    actor: Actor,
    practice: Practice,
    name: str,
    effective_from: dt.date,
    effective_to: dt.date | None = None,
) -> FeeSchedule:
    """A new schedule; the practice's open-ended schedule that started before
    ``effective_from`` is closed the day before (audited). ``ValidationError`` when it
    still overlaps another."""
    before = (
        FeeSchedule.objects.select_for_update()
        .filter(practice=practice, effective_to__isnull=True, effective_from__lt=effective_from)
        .first()
    )
    if before is not None:
        old = snapshot(before, FeeSchedule.audited_fields)
        before.effective_to = effective_from - dt.timedelta(days=1)
        save_versioned(before, before.version, ["effective_to"], noun="fee schedule")
        changes = diff(old, snapshot(before, FeeSchedule.audited_fields))
        record(actor, Action.UPDATE, before, changes=changes, context={"version": before.version})
    schedule = FeeSchedule(
        practice=practice, name=name, effective_from=effective_from, effective_to=effective_to
    )
    schedule.full_clean()
    schedule.save()
    record(actor, Action.CREATE, schedule, changes=snapshot(schedule, FeeSchedule.audited_fields))
    return schedule


def _set_allowed(
    actor: Actor, fee: Fee, wanted: Mapping[Payer, Decimal]
) -> dict[str, list[str | None]]:
    """Make ``fee``'s expected allowed amounts ``wanted``; each change audited."""
    current = {
        a.payer_id: a for a in ExpectedAllowed.objects.filter(fee=fee).select_related("payer")
    }
    by_id = {p.pk: (p, amount) for p, amount in wanted.items()}
    changed: dict[str, list[str | None]] = {}
    for payer_id, row in current.items():
        if payer_id not in by_id:
            changed[row.payer.payer_id] = [str(row.amount), None]
            record(actor, Action.DELETE, row, changes=snapshot(row, ExpectedAllowed.audited_fields))
            row.delete()
    for payer_id, (payer, amount) in by_id.items():
        row = current.get(payer_id)
        if row is None:
            row = ExpectedAllowed(fee=fee, payer=payer, amount=amount)
            row.full_clean(exclude=["fee"], validate_unique=False)
            row.save()
            changed[payer.payer_id] = [None, str(amount)]
            record(actor, Action.CREATE, row, changes=snapshot(row, ExpectedAllowed.audited_fields))
        elif row.amount != amount:
            changed[payer.payer_id] = [str(row.amount), str(amount)]
            old = snapshot(row, ExpectedAllowed.audited_fields)
            row.amount = amount
            row.full_clean(exclude=["fee"], validate_unique=False)
            row.save(update_fields=["amount"])
            record(
                actor,
                Action.UPDATE,
                row,
                changes=diff(old, snapshot(row, ExpectedAllowed.audited_fields)),
            )
    return changed


@transaction.atomic
def update_fee(
    actor: Actor,
    fee: Fee,
    *,
    charge: Decimal,
    allowed: Mapping[Payer, Decimal],
    expected_version: int | None = None,
) -> Fee:
    """Set a row's charge and its expected allowed amounts (``{payer: amount}``; a payer
    left out has none); :class:`StaleEdit` when someone saved the row since
    ``expected_version``."""
    locked = Fee.objects.select_for_update().select_related("schedule__practice").get(pk=fee.pk)
    expected = check_version(locked, expected_version, {"charge": charge}, noun="fee")
    for payer in allowed:
        if payer.organisation_id != locked.schedule.practice.organisation_id:
            raise ValidationError(f"payer {payer.payer_id} is not one of this organisation's")
    before = snapshot(locked, Fee.audited_fields)
    locked.charge = charge
    locked.full_clean(exclude=["schedule"], validate_unique=False)
    changes = diff(before, snapshot(locked, Fee.audited_fields))
    allowed_changes = _set_allowed(actor, locked, allowed)
    if changes or allowed_changes:
        save_versioned(locked, expected, ["charge"], noun="fee")
        record(
            actor,
            Action.UPDATE,
            locked,
            changes=changes,
            context={"version": locked.version, "allowed": allowed_changes},
        )
    return locked


@transaction.atomic
def add_fee(
    actor: Actor,
    schedule: FeeSchedule,
    code: str,
    modifier: str,
    charge: Decimal,
    allowed: Mapping[Payer, Decimal] | None = None,
    *,
    context: dict[str, str] | None = None,
) -> Fee:
    """A new row of ``schedule`` (``ValidationError`` naming a bad code, modifier or
    charge), with its expected allowed amounts; audited."""
    fee = Fee(schedule=schedule, code=code, modifier=modifier, charge=charge)
    fee.full_clean(exclude=["schedule"])
    fee.save()
    record(actor, Action.CREATE, fee, changes=snapshot(fee, Fee.audited_fields), context=context)
    _set_allowed(actor, fee, allowed or {})
    return fee


@dataclass
class ImportPlan:
    """What importing a fee file would change (made without writing anything)."""

    practice: Practice
    table: FeeTable
    name: str
    effective_from: dt.date
    schedule: FeeSchedule | None  # None: a new schedule
    closes: FeeSchedule | None = None  # the open-ended schedule a new one closes
    added: list[FeeRow] = field(default_factory=list)
    changed: list[tuple[Fee, FeeRow]] = field(default_factory=list)
    removed: list[Fee] = field(default_factory=list)
    unchanged: int = 0
    payers: dict[str, Payer] = field(default_factory=dict)

    @property
    def has_changes(self) -> bool:
        return bool(self.schedule is None or self.added or self.changed or self.removed)

    def describe(self) -> list[str]:
        out = []
        if self.schedule is None:
            out.append(
                f"new fee schedule {self.name} for {self.practice.name}, from {self.effective_from}"
            )
            if self.closes is not None:
                last = self.effective_from - dt.timedelta(days=1)
                out.append(f"{self.closes.name} ends {last} (was open-ended)")
        else:
            out.append(f"fee schedule {self.name} of {self.practice.name} ({self.schedule.span()})")
        out.append(
            f"{len(self.added)} row(s) added, {len(self.changed)} changed, "
            f"{len(self.removed)} removed, {self.unchanged} unchanged"
        )
        return out

    def warning_lines(self) -> list[str]:
        return [w.text(self.table.source) for w in self.table.warnings]


def _allowed_of(fee: Fee) -> dict[str, Decimal]:
    return {a.payer.payer_id: a.amount for a in fee.allowed.all()}


def plan_import(
    practice: Practice,
    table: FeeTable,
    *,
    name: str = "",
    effective: dt.date | None = None,
    today: dt.date | None = None,
    codes: CodeChecker | None = None,
) -> ImportPlan:
    """The plan for importing ``table`` into the practice's schedule named ``name`` (or
    the one in force on ``effective``, default ``today``). Raises :class:`ImportRefused`
    when no target can be chosen, :class:`~cleanclaim.fees.transfer.FeeFileError` when a
    code is not valid as of the schedule's start (``codes``: the code store, default the
    configured one)."""
    name = name.strip()
    schedule: FeeSchedule | None
    if name:
        schedule = FeeSchedule.objects.filter(practice=practice, name=name).first()
        if schedule is None and effective is None:
            raise ImportRefused(
                f"{practice.name} has no fee schedule named {name!r}: give the date a new "
                "one takes effect (--effective YYYY-MM-DD)"
            )
        if schedule is not None and effective is not None and effective != schedule.effective_from:
            raise ImportRefused(
                f"fee schedule {name} of {practice.name} takes effect {schedule.effective_from}, "
                f"not {effective}: leave the date out to replace its rows, or name a new schedule"
            )
    else:
        on = effective or today or dt.date.today()
        schedule = schedule_on(practice, on)
        if schedule is None:
            raise ImportRefused(
                f"{practice.name} has no fee schedule in force on {on}: name a new one "
                "(--schedule NAME --effective YYYY-MM-DD)"
            )
        name = schedule.name
    start = schedule.effective_from if schedule is not None else effective
    assert start is not None
    plan = ImportPlan(practice, table, name, start, schedule)
    if schedule is None:
        trial = FeeSchedule(practice=practice, name=name, effective_from=start)
        closes = [
            s
            for s in trial.overlapping()
            if not (s.effective_to is None and s.effective_from < start)
        ]
        if closes:
            other = closes[0]
            raise ImportRefused(
                f"a new schedule {name} from {start} would overlap {other.name} "
                f"({other.span()}): one schedule is in force per date"
            )
        plan.closes = FeeSchedule.objects.filter(
            practice=practice, effective_to__isnull=True, effective_from__lt=start
        ).first()
        if len(name) > NAME_MAX:
            raise ImportRefused(f"schedule name {name[:40]!r}... is longer than 100 characters")
    payers = {
        p.payer_id: p
        for p in Payer.objects.filter(
            organisation_id=practice.organisation_id, payer_id__in=table.payers
        )
    }
    unknown = sorted(set(table.payers) - set(payers))
    if unknown:
        raise ImportRefused(
            f"no payer with id {', '.join(unknown)} in {practice.organisation.name}"
        )
    plan.payers = payers
    if codes is None:
        from cleanclaim.coding.service import store

        codes = store()
    check_codes(table, start, codes)
    existing: dict[tuple[str, str], Fee] = {}
    if schedule is not None:
        existing = {
            (f.code, f.modifier): f
            for f in Fee.objects.filter(schedule=schedule).prefetch_related("allowed__payer")
        }
    for row in table.rows:
        fee = existing.pop(row.key, None)
        if fee is None:
            plan.added.append(row)
        elif fee.charge != row.charge or _allowed_of(fee) != row.allowed:
            plan.changed.append((fee, row))
        else:
            plan.unchanged += 1
    plan.removed = list(existing.values())
    return plan


def _allowed_for(plan: ImportPlan, row: FeeRow) -> dict[Payer, Decimal]:
    return {plan.payers[pid]: amount for pid, amount in row.allowed.items()}


@transaction.atomic
def apply_import(actor: Actor, plan: ImportPlan) -> FeeSchedule:
    """Write ``plan`` in one transaction; :class:`StaleEdit` when its schedule was
    changed (another import) since the plan was made, :class:`ImportRefused` when one
    of its rows was edited or the new schedule was made by someone else meanwhile."""
    source = plan.table.source
    if plan.schedule is None:
        try:
            schedule = add_schedule(actor, plan.practice, plan.name, plan.effective_from)
        except ValidationError as exc:  # made meanwhile: a name taken, an overlap
            raise ImportRefused(
                f"fee schedule {plan.name} could not be made: {'; '.join(exc.messages)}"
            ) from None
    else:
        schedule = FeeSchedule.objects.select_for_update().get(pk=plan.schedule.pk)
        expected = plan.schedule.version
        check_version(schedule, expected, {}, noun="fee schedule")
        stale = Fee.objects.filter(
            pk__in=[f.pk for f, _ in plan.changed] + [f.pk for f in plan.removed]
        ).values_list("pk", "version")
        planned = {f.pk: f.version for f, _ in plan.changed} | {
            f.pk: f.version for f in plan.removed
        }
        moved = [pk for pk, version in stale if planned.get(pk) != version]
        if moved or len(stale) != len(planned):
            raise ImportRefused(
                f"fee schedule {schedule.name} was changed after the preview: "
                "preview the file again"
            )
        save_versioned(schedule, expected, [], noun="fee schedule")
    for fee in plan.removed:
        _set_allowed(actor, fee, {})
        record(
            actor,
            Action.DELETE,
            fee,
            changes=snapshot(fee, Fee.audited_fields),
            context={"file": source},
        )
        fee.delete()
    for fee, row in plan.changed:
        update_fee(actor, fee, charge=row.charge, allowed=_allowed_for(plan, row))
    for row in plan.added:
        add_fee(
            actor,
            schedule,
            row.code,
            row.modifier,
            row.charge,
            _allowed_for(plan, row),
            context={"file": source},
        )
    record(
        actor,
        Action.UPDATE,
        schedule,
        context={
            "imported": source,
            "added": len(plan.added),
            "changed": len(plan.changed),
            "removed": len(plan.removed),
            "version": schedule.version,
        },
    )
    return schedule


def payers_of(practice: Practice) -> QuerySet[Payer]:
    """The payers of the practice's organisation (for the allowed columns and fields)."""
    return Payer.objects.filter(organisation_id=practice.organisation_id).order_by("payer_id")
