"""Payer rules proposed from repeated denials.

When the same reason repeats for one payer and one code -- ``DENIALS_REPEAT_COUNT``
denials (default 3) within ``DENIALS_REPEAT_DAYS`` days (default 30) of the latest --
and the reason says what rule would have prevented it, a :class:`Proposal` holds that
rule in the payer rule language (``cleanclaim.edits.payer_rules_lang``) with the denials
as its citation. A manager accepts it (a new version of the payer's rule set, which the
scrubber then applies) or dismisses it. One proposal per payer, code and reason.
"""

from __future__ import annotations

import datetime as dt
import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.denials.models import Denial, Proposal
from cleanclaim.payerrules import actions as rules_actions
from cleanclaim.payerrules.models import RuleSet

__all__ = ["NotOpen", "accept", "consider", "dismiss", "rule_kind", "rule_text"]

#: The payer rule a category or CARC calls for (None: no rule would have prevented it).
_KIND_BY_CATEGORY = {"authorization": "prior-auth"}
_KIND_BY_CARC = {"96": "not-covered", "204": "not-covered"}
_FIX = {
    "prior-auth": "Ask the payer for the authorization before the visit and enter it (REF*G1).",
    "not-covered": "The payer does not cover this code: have the patient sign a waiver first.",
}


class NotOpen(ValueError):
    code = "not_open"


def rule_kind(denial: Denial) -> str | None:
    return _KIND_BY_CARC.get(denial.carc) or _KIND_BY_CATEGORY.get(denial.category)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text)


def rule_text(kind: str, denials: list[Denial]) -> str:
    """The proposed rule (one item of a ``rules:`` list) citing ``denials``."""
    first = denials[0]
    payer_id = first.payer.payer_id
    rid = f"DENIALS-{payer_id}-{first.procedure}-{first.carc}"[:64]
    citation = f"{first.reason} denials " + ", ".join(
        f"#{d.pk} (claim {d.claim.number}, {d.determined_on})" for d in denials
    )
    effective = min(d.claim.service_from for d in denials)
    return (
        f"  - id: {_q(rid)}\n"
        f"    payer: {_q(payer_id)}\n"
        f"    kind: {kind}\n"
        f"    codes: [{_q(first.procedure)}]\n"
        f"    effective: {effective.isoformat()}\n"
        f"    carc: {_q(first.carc)}\n"
        f"    citation: {_q(citation[:280])}\n"
        f"    fix: {_q(_FIX[kind])}\n"
    )


def consider(actor: Actor, denial: Denial) -> Proposal | None:
    """A proposal when ``denial`` repeats its reason often enough (in the caller's
    transaction); None otherwise or when one exists for that payer, code and reason."""
    kind = rule_kind(denial)
    if kind is None or not denial.procedure:
        return None
    count = int(getattr(settings, "DENIALS_REPEAT_COUNT", 3))
    days = int(getattr(settings, "DENIALS_REPEAT_DAYS", 30))
    org_id = denial.practice.organisation_id
    if Proposal.objects.filter(
        organisation_id=org_id,
        payer=denial.payer,
        procedure=denial.procedure,
        reason=denial.reason,
        status__in=[Proposal.Status.OPEN, Proposal.Status.ACCEPTED],
    ).exists():
        return None
    since = denial.determined_on - dt.timedelta(days=days)
    same = list(
        Denial.objects.filter(
            practice__organisation_id=org_id,
            payer=denial.payer,
            procedure=denial.procedure,
            group=denial.group,
            carc=denial.carc,
            determined_on__gte=since,
            determined_on__lte=denial.determined_on,
        )
        .select_related("payer", "claim")
        .order_by("determined_on", "id")
    )
    if len(same) < count:
        return None
    proposal = Proposal.objects.create(
        organisation_id=org_id,
        payer=denial.payer,
        procedure=denial.procedure,
        reason=denial.reason,
        kind=kind,
        text=rule_text(kind, same),
    )
    proposal.denials.set(same)
    record(actor, "create", proposal, context={"denials": [d.pk for d in same]})
    return proposal


def _decide(actor: Actor, proposal: Proposal, status: str, why: str) -> Proposal:
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != Proposal.Status.OPEN:
        raise NotOpen(f"this proposal is {locked.get_status_display().lower()} already")
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    locked.status, locked.why = status, why[:300]
    locked.decided_at, locked.decided_by = timezone.now(), user
    return locked


@transaction.atomic
def accept(actor: Actor, proposal: Proposal, why: str = "") -> Proposal:
    """Add the proposed rule to the payer's rule set (a new version); the scrubber
    applies it from then on."""
    locked = _decide(actor, proposal, Proposal.Status.ACCEPTED, why)
    rs = RuleSet.objects.filter(payer=locked.payer).first()
    current = rs.current() if rs else None
    base = current.text if current is not None else ""
    if current is None or not rules_actions.check(locked.payer, base):
        base = "rules:\n"
    text = base.rstrip("\n") + "\n" + locked.text
    version = rules_actions.save_version(
        actor,
        locked.payer,
        text,
        (why.strip() or f"accepted the rule proposed from repeated {locked.reason} denials")[:300],
    )
    locked.rule_version = version
    locked.save(update_fields=["status", "why", "decided_at", "decided_by", "rule_version"])
    record(actor, "update", locked, context={"accepted": version.number})
    return locked


@transaction.atomic
def dismiss(actor: Actor, proposal: Proposal, why: str = "") -> Proposal:
    locked = _decide(actor, proposal, Proposal.Status.DISMISSED, why)
    locked.save(update_fields=["status", "why", "decided_at", "decided_by"])
    record(actor, "update", locked, context={"dismissed": locked.why})
    return locked
