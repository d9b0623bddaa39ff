"""Taking in a received file (999, TA1, 277CA, 835): what it says goes onto the batches
and claims it names, each as an event on the claim's timeline.

:func:`take_in` is the one call (polled files and uploaded ones alike). The kind comes
from the content (:func:`cleanclaim.clearinghouses.acks.kind_of`); a file already
processed (``processed_at`` set) is a no-op answering its stored outcome.

Matching (docs/clearinghouses-intake.md):

- **999**: the batch by connection and AK102 = our GS06, its transaction set by AK202 =
  our ST02. Batch status: every set accepted (IK501 A/E) → ``accepted``, none →
  ``rejected``, else ``partly_accepted``. Each claim of the batch still ``submitted``
  gets an ``ack_999`` event: accepted, or rejected with each IK3/IK4 error in plain
  words (those naming the claim by CTX CLM01 first); a rejected claim goes to
  ``rejected`` and the rejection work list.
- **TA1**: the batch by connection and TA101 = our ISA13; TA104 ``R`` rejects the batch
  and its claims (``ack_999`` rejected, ``via`` TA1, the TA105 note in plain words).
- **277CA**: each claim by 2200D TRN02 = our CLM01 (``BatchClaim.patient_control_number``)
  among the connection's batches, the latest batch that holds it; an ``acknowledged``
  event, accepted (keeping REF*1K, the payer's claim control number) or rejected with
  each STC in plain words and the field to fix.
- **835**: handed to remittance posting (``cleanclaim.remits.actions.take_in_835``).
  Once taken in (after the file's own transaction commits) a balanced 835 is
  **auto-posted** (``post_file``, one transaction per claim payment) unless a practice it
  concerns holds remittances for a person: the posting rule ``AUTO-POST`` = ``hold``
  (decision 1050). Taking the same file in again resumes a posting that stopped halfway
  and posts nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.claims import events
from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses import acks
from cleanclaim.clearinghouses.models import Batch, BatchClaim, TransmissionFile
from cleanclaim.x12 import X12Error

__all__ = ["take_in"]

#: The posting rule key a practice sets to ``hold`` to look at each 835 before it posts.
AUTO_POST_RULE = "AUTO-POST"


def take_in(actor: Actor, file: TransmissionFile) -> str:
    """Process ``file`` once; answer its outcome in a few words (also stored on it)."""
    with transaction.atomic():
        locked = TransmissionFile.objects.select_for_update().get(pk=file.pk)
        done_before = locked.processed_at is not None
    if done_before:
        file.outcome = locked.outcome
        if locked.kind == "835":
            _post_835(actor, locked)  # resumes a posting that stopped halfway
        return locked.outcome
    with transaction.atomic():
        locked = TransmissionFile.objects.select_for_update().get(pk=file.pk)
        if locked.processed_at is not None:  # processed by a concurrent call meanwhile
            file.outcome = locked.outcome
            return locked.outcome
        data = bytes(locked.content)
        kind = acks.kind_of(data)
        if kind == "other":  # unreadable as X12: the kind it was kept as (by its name)
            kind = locked.kind or "other"
        try:
            outcome = _HANDLERS.get(kind, _kept)(actor, locked, data)
            if kind != "TA1" and acks.read_ta1(data):  # a TA1 beside the sets
                outcome = f"{_take_ta1(actor, locked, data)}; {outcome}"
        except X12Error as exc:
            outcome = f"{kind} not readable: {exc}"
        locked.kind = kind
        locked.processed_at = timezone.now()
        locked.outcome = outcome
        locked.save(update_fields=["kind", "processed_at", "outcome", "batch", "practice"])
        record(
            actor,
            "update",
            locked,
            changes={"outcome": ["", outcome]},
            context={"kind": kind, "sha256": locked.sha256},
        )
    for name in ("kind", "processed_at", "outcome", "batch_id", "practice_id"):
        setattr(file, name, getattr(locked, name))
    if kind == "835":
        posted = _post_835(actor, locked)
        if posted:
            outcome = f"{outcome}; {posted}"
            TransmissionFile.objects.filter(pk=locked.pk).update(outcome=outcome)
            file.outcome = outcome
    return outcome


def _kept(actor: Actor, file: TransmissionFile, data: bytes) -> str:
    return "kept; not an acknowledgment"


# -- helpers ---------------------------------------------------------------------------


def _link(file: TransmissionFile, batch: Batch) -> None:
    """The file's batch and practice, when it answers a single batch."""
    if file.batch_id is None:
        file.batch = batch
    if file.practice_id is None:
        file.practice_id = batch.practice_id


def _claims_of(batch: Batch) -> list[BatchClaim]:
    return list(batch.batch_claims.select_related("claim").order_by("position"))


def _append(actor: Actor, claim: Claim, kind: str, data: dict[str, Any]) -> bool:
    """Append when the claim's status allows it; False (nothing written) otherwise."""
    current = Claim.objects.values_list("status", flat=True).get(pk=claim.pk)
    try:
        events.allowed(current, kind)
    except events.NotAllowed:
        return False
    events.append(actor, claim, kind, data)
    return True


def _problems(items: Iterable[acks.Problem]) -> list[dict[str, str]]:
    return [p.as_dict() for p in items]


# -- 999 -------------------------------------------------------------------------------


def _take_999(actor: Actor, file: TransmissionFile, data: bytes) -> str:
    said: list[str] = []
    for group in acks.read_999(data):
        ack = group.acknowledgment
        gs06 = group.group_control_number
        batch = (
            Batch.objects.filter(connection=file.connection_id, gs06=int(gs06))
            .order_by("-id")
            .first()
            if gs06.isdigit()
            else None
        )
        if batch is None:
            said.append(f"999 for group {gs06}: no batch of this connection has that GS06")
            continue
        _link(file, batch)
        mine = [s for s in ack.sets if s.control_number.isdigit()]
        mine = [s for s in mine if int(s.control_number) == batch.st02]
        if not mine and ack.sets:
            said.append(
                f"999 for batch {batch.pk}: no AK2 names its transaction set ST02 {batch.st02}"
            )
            continue
        accepted = [s for s in mine if s.accepted]
        if mine:
            status = (
                Batch.Status.ACCEPTED
                if len(accepted) == len(mine)
                else Batch.Status.REJECTED
                if not accepted
                else Batch.Status.PARTLY_ACCEPTED
            )
        else:  # AK9 alone
            status = {"A": Batch.Status.ACCEPTED, "E": Batch.Status.ACCEPTED}.get(
                ack.code, Batch.Status.PARTLY_ACCEPTED if ack.code == "P" else Batch.Status.REJECTED
            )
        rejected_sets = [s for s in mine if not s.accepted]
        problems = [p for s in rejected_sets for p in acks.explain_set(s)]
        warned = [p for s in accepted for p in acks.explain_set(s)]
        claims = _claims_of(batch)
        rejected = status == Batch.Status.REJECTED
        changed = 0
        for bc in claims:
            named = [p for p in problems if f"(claim {bc.patient_control_number})" in p.text]
            others = [p for p in problems if p not in named]
            body: dict[str, Any] = {
                "accepted": not rejected,
                "batch": batch.pk,
                "file": file.name,
                "file_id": file.pk,
                "group": gs06,
                "code": ack.code,
            }
            if rejected:
                body["problems"] = _problems(named + others) or [
                    acks.Problem(
                        f"The clearinghouse rejected batch {batch.pk} (999 {ack.code})"
                    ).as_dict()
                ]
            elif warned:
                body["warnings"] = _problems(warned)
            changed += _append(actor, bc.claim, Kind.ACK_999, body)
        Batch.objects.filter(pk=batch.pk).update(
            status=status, error="; ".join(p.text for p in problems)[:2000]
        )
        verdict = Batch.Status(status).label.lower()
        said.append(f"999 for batch {batch.pk}: {verdict} ({changed} of {len(claims)} claims)")
    return "; ".join(said) or "999 with no group"


# -- TA1 -------------------------------------------------------------------------------


def _take_ta1(actor: Actor, file: TransmissionFile, data: bytes) -> str:
    said: list[str] = []
    for ta1 in acks.read_ta1(data):
        number = ta1.control_number
        batch = (
            Batch.objects.filter(connection=file.connection_id, isa13=int(number))
            .order_by("-id")
            .first()
            if number.isdigit()
            else None
        )
        if batch is None:
            said.append(f"TA1 for interchange {number}: no batch of this connection")
            continue
        _link(file, batch)
        problem = ta1.problem()
        if not ta1.rejected:
            said.append(f"TA1 for batch {batch.pk}: interchange accepted ({problem.text})")
            continue
        claims = _claims_of(batch)
        body = {
            "accepted": False,
            "via": "TA1",
            "batch": batch.pk,
            "file": file.name,
            "file_id": file.pk,
            "problems": _problems([problem]),
        }
        changed = sum(_append(actor, bc.claim, Kind.ACK_999, body) for bc in claims)
        Batch.objects.filter(pk=batch.pk).update(
            status=Batch.Status.REJECTED, error=f"TA1: {problem.text}"
        )
        said.append(f"TA1 for batch {batch.pk}: rejected, {problem.text} ({changed} claims)")
    return "; ".join(said) or "TA1 with no acknowledgment"


# -- 277CA -----------------------------------------------------------------------------


def _take_277ca(actor: Actor, file: TransmissionFile, data: bytes) -> str:
    accepted = rejected = unmatched = skipped = 0
    batches: set[int] = set()
    practices: set[int] = set()
    for ack in acks.read_277ca(data):
        held = (
            BatchClaim.objects.filter(
                batch__connection=file.connection_id,
                patient_control_number=ack.patient_control_number,
            )
            .select_related("claim", "batch")
            .order_by("-batch_id")
            .first()
        )
        if held is None:
            unmatched += 1
            continue
        batches.add(held.batch_id)
        practices.add(held.batch.practice_id)
        body: dict[str, Any] = {
            "accepted": ack.accepted,
            "batch": held.batch_id,
            "file": file.name,
            "file_id": file.pk,
            "codes": list(ack.codes),
            "problems" if not ack.accepted else "statuses": _problems(ack.problems),
        }
        if ack.payer_claim_number:
            body["payer_claim_number"] = ack.payer_claim_number
        if ack.trace:
            body["clearinghouse_trace"] = ack.trace
        if _append(actor, held.claim, Kind.ACKNOWLEDGED, body):
            accepted += ack.accepted
            rejected += not ack.accepted
        else:
            skipped += 1
    if len(batches) == 1:
        _link(file, Batch.objects.get(pk=next(iter(batches))))
    elif len(practices) == 1:
        file.practice_id = next(iter(practices))
    out = f"277CA: {accepted} accepted, {rejected} rejected"
    if unmatched:
        out += f", {unmatched} not matched to a claim sent through this connection"
    if skipped:
        out += f", {skipped} already answered"
    return out


# -- 835 -------------------------------------------------------------------------------


def _take_835(actor: Actor, file: TransmissionFile, data: bytes) -> str:
    from cleanclaim.remits.actions import take_in_835  # remits builds on this app

    owner = file.practice or file.connection.organisation
    result = take_in_835(actor, owner, file.name, data)
    return f"835: {result}" if result else "835 handed to posting"


def _post_835(actor: Actor, file: TransmissionFile) -> str:
    """Auto-post the 835 ``file`` was taken in as (outside the intake's transaction).

    Answers what posted in a few words, or ``""`` when nothing was to post: the file
    refused (does not balance) or posted already, or a practice it concerns holding
    remittances for a person (``AUTO-POST`` = ``hold``)."""
    from cleanclaim.remits.actions import post_file  # remits builds on this app
    from cleanclaim.remits.models import PostingRule, RemittanceFile

    organisation = file.practice.organisation if file.practice else file.connection.organisation
    rf = RemittanceFile.objects.filter(organisation=organisation, sha256=file.sha256).first()
    status = RemittanceFile.Status
    if rf is None or rf.status in (status.REFUSED, status.POSTED):
        return ""
    practices = [rf.practice] if rf.practice_id else list(organisation.practices.all())
    held = PostingRule.objects.filter(
        practice__in=practices, key=AUTO_POST_RULE, action=PostingRule.Action.HOLD
    ).exists()
    if held:
        return "held for review before posting"
    summary = post_file(actor, rf)
    return f"auto-posted {summary.posted}, {summary.unmatched} unmatched"


_HANDLERS = {
    "999": _take_999,
    "TA1": _take_ta1,
    "277CA": _take_277ca,
    "835": _take_835,
}
