"""Remittance actions: take an 835 in, show what would post, post it, match by hand.

* :func:`take_in_835` -- keep the file (once per checksum), read it, balance it; a file
  that does not balance is ``refused`` with each difference and nothing is posted.
  The clearinghouse intake calls this for polled 835s.
* :func:`dry_run` -- per claim payment, the claim and lines it matches and the
  postings it would make; stored on the file and returned; writes nothing else.
* :func:`post_file` -- posts claim payment by claim payment, **one transaction each**
  (ledger entries, line postings, claim event, the :class:`ClaimPayment` row under its
  unique key), then the PLB adjustments; a payment already posted is skipped, so a
  second run or a run after a crash posts nothing twice (decision 1001).
* :func:`match_by_hand` -- post an unmatched payment against a claim a person chose.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from cleanclaim import remittance as engine
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.claims import events
from cleanclaim.claims.models import Claim, ClaimEvent
from cleanclaim.ledger import actions as ledger
from cleanclaim.practices.models import Organisation, Practice
from cleanclaim.remits import one_statement
from cleanclaim.remits.models import (
    ClaimPayment,
    LinePosting,
    PostingRule,
    RemittanceFile,
    Underpayment,
    Unmatched,
)
from cleanclaim.x12 import X12Error, parse
from cleanclaim.x12.x221a1_835.view import ClaimPayment as CP
from cleanclaim.x12.x221a1_835.view import Remittance

__all__ = [
    "AlreadyMatched",
    "DoesNotFit",
    "NotPostable",
    "Unreadable",
    "claim_payment_of",
    "dry_run",
    "match_by_hand",
    "post_file",
    "procedure_text",
    "read",
    "take_in_835",
]


class Unreadable(ValueError):
    """Not an 835 the engine can read."""

    code = "unreadable"


class NotPostable(ValueError):
    """A refused file, or an unmatched payment already resolved."""

    code = "not_postable"


class AlreadyMatched(NotPostable):
    """The unmatched payment was matched (and posted) before."""

    code = "already_matched"


class DoesNotFit(NotPostable):
    """The amounts of the payment do not fit the claim chosen."""

    code = "does_not_fit"


@dataclass
class Summary:
    posted: int = 0
    skipped: int = 0
    unmatched: int = 0
    provider_adjustments: int = 0


def read(data: bytes) -> list[Remittance]:
    """The 835 transaction sets of ``data`` (typed view), or :class:`Unreadable`."""
    try:
        doc = parse(data)
    except X12Error as exc:
        raise Unreadable(str(exc)) from None
    out = [t.data.remittance for t in doc.transactions if t.guide.name == "835"]
    if not out:
        raise Unreadable("the file holds no 835 transaction set")
    return out


def _date(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


def take_in_835(
    actor: Actor, practice_or_org: Practice | Organisation, name: str, data: bytes
) -> RemittanceFile:
    """Keep ``data`` (an 835 file) for a practice or an organisation; balance it.

    The same bytes taken in twice return the first :class:`RemittanceFile`."""
    if isinstance(practice_or_org, Practice):
        practice: Practice | None = practice_or_org
        org = practice_or_org.organisation
    else:
        practice, org = None, practice_or_org
    digest = hashlib.sha256(data).hexdigest()
    existing = RemittanceFile.objects.filter(organisation=org, sha256=digest).first()
    if existing is not None:
        return existing
    remits = read(data)
    first = remits[0]
    differences = [d.as_dict() for r in remits for d in engine.balance(r)]
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    with transaction.atomic():
        rf = RemittanceFile.objects.create(
            organisation=org,
            practice=practice,
            name=name[:200],
            sha256=digest,
            raw=data,
            payer_key=engine.payer_key(first)[:80],
            payer_name=(first.payer.name if first.payer else "")[:60],
            trace=(first.trn.reference_identification if first.trn else "")[:50],
            total_payment=sum(
                (r.bpr.total_actual_provider_payment_amount for r in remits), Decimal(0)
            ),
            payment_method=first.bpr.payment_method_code[:3],
            payment_date=_date(first.bpr.check_issue_or_eft_effective_date),
            claim_count=sum(len(r.claims) for r in remits),
            status=RemittanceFile.Status.REFUSED if differences else RemittanceFile.Status.RECEIVED,
            differences=differences,
            received_by=user,
        )
        record(actor, "create", rf, context={"refused": bool(differences)})
    return rf


# --- matching against the database ------------------------------------------------


def _practices(rf: RemittanceFile) -> list[Practice]:
    if rf.practice_id:
        return [rf.practice]  # type: ignore[list-item]
    return list(Practice.objects.filter(organisation_id=rf.organisation_id).order_by("pk"))


def _home_practice(rf: RemittanceFile, remit: Remittance, practices: list[Practice]) -> Practice:
    """The practice of a payment no claim answered: the file's, else the payee's NPI."""
    if rf.practice_id:
        return rf.practice  # type: ignore[return-value]
    payee = remit.payee
    if payee is not None:
        for p in practices:
            if payee.identification_code in (p.npi, p.tin):
                return p
    return practices[0]


class _Lookup:
    """What one posting run reads once: the claims named by the file's CLP01s (with
    their lines, in chunks) and each practice's rules."""

    CHUNK = 500

    def __init__(self, practice_ids: list[int], remits: list[Remittance]) -> None:
        self.claims: dict[str, Claim] = {}
        self.rules: dict[int, Mapping[str, str]] = {}
        self.allowed: dict[tuple[Any, ...], Decimal | None] = {}
        numbers = sorted(
            {cp.clp.claim_submitters_identifier for r in remits for cp in r.claims} - {""}
        )
        #: Claims whose visit or patient has a secondary coverage (a secondary may follow).
        self.second: set[int] = set()
        #: Claims with an open or appealed denial (a later answer may pay it).
        self.denied: set[int] = set()
        for start in range(0, len(numbers), self.CHUNK):
            qs = _claims(practice_ids).filter(number__in=numbers[start : start + self.CHUNK])
            for claim in qs.prefetch_related("lines"):
                self.claims.setdefault(claim.number, claim)
            self.second.update(
                qs.filter(
                    Q(encounter__secondary_coverage__isnull=False)
                    | Q(patient__coverages__priority=2)
                ).values_list("pk", flat=True)
            )
            self.denied.update(
                qs.filter(denials__status__in=("open", "appealed")).values_list("pk", flat=True)
            )

    @classmethod
    def empty(cls) -> _Lookup:
        return cls([], [])

    def expected(self, claim: Claim, line: Any) -> Decimal | None:
        """The fee schedule's expected allowed amount of ``line`` (read once per
        practice, payer, code, modifiers and day)."""
        from cleanclaim.fees.service import expected_allowed

        k = (claim.practice_id, claim.payer_id, line.procedure, tuple(line.modifiers))
        k += (line.service_date,)
        if k not in self.allowed:
            self.allowed[k] = expected_allowed(
                claim.practice, claim.payer, line.procedure, line.modifiers, line.service_date
            )
        return self.allowed[k]

    def rules_for(self, practice: Practice) -> Mapping[str, str]:
        if practice.pk not in self.rules:
            self.rules[practice.pk] = rules_for(practice)
        return self.rules[practice.pk]


def _claims(practice_ids: list[int]) -> Any:
    return Claim.objects.filter(practice_id__in=practice_ids).select_related(
        "patient", "coverage", "practice", "payer"
    )


def _candidates(
    cp: CP, practice_ids: list[int], lookup: _Lookup | None = None
) -> tuple[list[Claim], bool]:
    """Claims that may answer ``cp``: by CLP01, else by CLP07 on an earlier payment
    (second value True), else the patient's (by NM1*QC name or member id)."""
    pcn = cp.clp.claim_submitters_identifier
    if lookup is not None and pcn in lookup.claims:  # the run's look-up: no query built
        return [lookup.claims[pcn]], False
    qs = _claims(practice_ids)
    found = list(qs.filter(number=pcn)) if pcn else []
    if found:
        return found, False
    pcn7 = cp.clp.payer_claim_control_number
    if pcn7:
        ids = ClaimPayment.objects.filter(
            practice_id__in=practice_ids, payer_claim_number=pcn7, claim__isnull=False
        ).values_list("claim_id", flat=True)
        found = list(qs.filter(pk__in=list(ids)))
        if found:
            return found, True
    p = cp.patient
    if p is None:
        return [], False
    who = Q(patient__last_name__iexact=p.name)
    if p.identification_code:
        who |= Q(coverage__member_id=p.identification_code)
    return list(qs.filter(who).order_by("-service_from")[:20]), False


def _claim_candidate(c: Claim, payer_numbers: tuple[str, ...] = ()) -> engine.ClaimCandidate:
    return engine.ClaimCandidate(
        id=c.pk,
        number=c.number,
        patient_last_name=c.patient.last_name,
        patient_first_name=c.patient.first_name,
        member_id=c.coverage.member_id,
        service_from=c.service_from,
        service_to=c.service_to,
        total_charge=c.total_charge,
        payer_claim_numbers=payer_numbers,
    )


def _match(
    cp: CP, practice_ids: list[int], lookup: _Lookup | None = None
) -> tuple[Claim | None, str, list[dict[str, Any]]]:
    found, by_payer_number = _candidates(cp, practice_ids, lookup)
    claims = {c.pk: c for c in found}
    numbers = (cp.clp.payer_claim_control_number,) if by_payer_number else ()
    cands = [_claim_candidate(c, numbers) for c in found]
    m = engine.match_claim(cp, cands)
    shown = [
        {
            "id": c.id,
            "number": c.number,
            "patient": f"{c.patient_last_name}, {c.patient_first_name}",
            "service_from": c.service_from.isoformat(),
            "total_charge": str(c.total_charge),
        }
        for c in m.candidates
    ]
    return (claims[m.claim.id] if m.claim else None), m.how, shown


def _lines(cp: CP, claim: Claim) -> list[engine.LineMatch]:
    ours = [
        engine.LineCandidate(
            ln.number, ln.procedure, tuple(ln.modifiers), ln.service_date, ln.charge, ln.units
        )
        for ln in claim.lines.all()
    ]
    return engine.match_lines(cp.services, ours, claim.service_from)


def rules_for(practice: Practice) -> Mapping[str, str]:
    """:data:`cleanclaim.remittance.DEFAULT_RULES` with the practice's overrides."""
    rules: dict[str, str] = {k: str(v) for k, v in engine.DEFAULT_RULES.items()}
    rules.update(PostingRule.objects.filter(practice=practice).values_list("key", "action"))
    return rules


def _short(key: str) -> str:
    """Keys fit the columns: a long one keeps its start and a digest of the whole."""
    if len(key) <= 150:
        return key
    return key[:100] + "#" + hashlib.sha256(key.encode()).hexdigest()[:40]


def procedure_text(cp: CP, i: int) -> str:
    proc = cp.services[i].svc.composite_medical_procedure_identifier
    if proc is None:
        return ""
    return ":".join([proc.procedure_code, *proc.procedure_modifiers])[:48]


def _preview(cp: CP, claim: Claim | None, how: str, rules: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "patient_control_number": cp.clp.claim_submitters_identifier,
        "status_code": cp.clp.claim_status_code,
        "paid": str(cp.clp.claim_payment_amount),
        "claim": claim.number if claim else None,
        "how": how,
        "lines": [],
        "postings": [],
    }
    if claim is not None:
        matched = _lines(cp, claim)
        out["lines"] = [
            {
                "index": m.index,
                "line": m.line,
                "how": m.how,
                "procedure": procedure_text(cp, m.index),
            }
            for m in matched
        ]
        prior = claim.responsibility != Claim.Responsibility.PRIMARY
        out["postings"] = [
            p.as_dict() for p in engine.plan(cp, matched, rules, after_prior_payer=prior)
        ]
    return out


def dry_run(actor: Actor, rf: RemittanceFile) -> list[dict[str, Any]]:
    """What would post: per claim payment, the match, lines and postings. Stored on
    the file (status ``dry_run`` unless it was posted); nothing else is written."""
    if rf.status == RemittanceFile.Status.REFUSED:
        raise NotPostable("the file does not balance: nothing can post")
    practices = _practices(rf)
    ids = [p.pk for p in practices]
    rules_cache: dict[int, Mapping[str, str]] = {}
    shown: list[dict[str, Any]] = []
    for remit in read(bytes(rf.raw)):
        for cp in remit.claims:
            claim, how, _ = _match(cp, ids)
            practice = claim.practice if claim else _home_practice(rf, remit, practices)
            rules = rules_cache.setdefault(practice.pk, rules_for(practice))
            shown.append(_preview(cp, claim, how, rules))
        shown += [
            {"provider_adjustment": p.as_dict()} for p in engine.plan_provider_adjustments(remit)
        ]
    with transaction.atomic():
        rf.dry_run = shown
        if rf.status == RemittanceFile.Status.RECEIVED:
            rf.status = RemittanceFile.Status.DRY_RUN
        RemittanceFile.objects.filter(pk=rf.pk).update(dry_run=shown, status=rf.status)
        record(actor, "read", rf, context={"dry_run": len(shown)})
    return shown


# --- posting -----------------------------------------------------------------------


def _ledger_lines(
    rf: RemittanceFile, cpay: ClaimPayment, claim: Claim, postings: list[engine.Posting]
) -> list[ledger.Line]:
    out = []
    when = rf.payment_date or timezone.localdate()
    for n, p in enumerate(postings):
        if p.action == engine.Action.HOLD:
            continue
        out.append(
            ledger.Line(
                bucket=p.bucket,
                kind=p.kind,
                amount=p.amount,
                key=f"835:{cpay.key}:{n}",
                patient_id=claim.patient_id,
                claim_id=claim.pk,
                line_number=p.line,
                reason=p.reason[:20],
                source=f"remit:{rf.pk}",
                effective_date=when,
            )
        )
    return out


def _event_data(
    rf: RemittanceFile,
    cpay: ClaimPayment,
    matched: list[engine.LineMatch],
    postings: list[engine.Posting],
) -> dict[str, Any]:
    return {
        "remittance": rf.pk,
        "claim_payment": cpay.pk,
        "trace": rf.trace,
        "status_code": cpay.status_code,
        "paid": str(cpay.paid),
        "payer_claim_number": cpay.payer_claim_number,
        "lines": [{"index": m.index, "line": m.line, "how": m.how} for m in matched],
        "adjustments": [
            {
                "line": p.line,
                "reason": p.reason,
                "amount": str(-p.amount),
                "action": str(p.action),
                "remarks": list(p.remarks),
            }
            for p in postings
            if p.action != "payment" and p.bucket == "insurance"
        ],
    }


def _append(actor: Actor, claim: Claim, kind: str, data: dict[str, Any], known: bool) -> str:
    try:
        if known:
            events.append_known(actor, claim, kind, data)
        else:
            events.append(actor, claim, kind, data)
    except events.NotAllowed as exc:
        return str(exc)[:200]
    return ""


def _underpayments(
    cpay: ClaimPayment,
    claim: Claim,
    cp: CP,
    matched: list[engine.LineMatch],
    lookup: _Lookup | None = None,
) -> None:
    found = _underpaid(cpay, claim, cp, matched, lookup)
    if found:
        Underpayment.objects.bulk_create(found)


def _underpaid(
    cpay: ClaimPayment | None,
    claim: Claim,
    cp: CP,
    matched: list[engine.LineMatch],
    lookup: _Lookup | None = None,
) -> list[Underpayment]:
    lines = {ln.number: ln for ln in claim.lines.all()}
    found = []
    for m in matched:
        if m.line is None:
            continue
        svc = cp.services[m.index]
        allowed = dict(svc.amounts).get("B6")
        if allowed is None:
            continue
        ln = lines[m.line]
        expected = (lookup or _Lookup.empty()).expected(claim, ln)
        if expected is not None and allowed < expected:
            found.append(
                Underpayment(
                    claim_payment=cpay,
                    practice=claim.practice,
                    line_number=ln.number,
                    procedure=ln.procedure,
                    allowed=allowed,
                    expected=expected,
                )
            )
    return found


def _plan(
    cp: CP, claim: Claim, lookup: _Lookup | None
) -> tuple[list[engine.LineMatch], list[engine.Posting]]:
    """The line matches and postings of ``cp`` against ``claim``: Python only."""
    matched = _lines(cp, claim)
    rules = lookup.rules_for(claim.practice) if lookup else rules_for(claim.practice)
    prior = claim.responsibility != Claim.Responsibility.PRIMARY
    return matched, engine.plan(cp, matched, rules, after_prior_payer=prior)


def _apply(
    actor: Actor,
    rf: RemittanceFile,
    cpay: ClaimPayment,
    cp: CP,
    claim: Claim,
    lookup: _Lookup | None = None,
    planned: tuple[list[engine.LineMatch], list[engine.Posting]] | None = None,
) -> None:
    """Post ``cp`` against ``claim`` (inside the caller's transaction).

    With ``planned`` the caller has just inserted ``cpay`` with its postings and
    ``posted_at`` (:func:`_post_one`): only inserts follow -- line postings, ledger
    entries (their keys derive from ``cpay.key``, so none can exist), the claim's event
    by :func:`events.append_known` -- and an update of ``cpay`` only when the event was
    refused (its note). Without it (:func:`match_by_hand`), ``cpay`` is updated."""
    fresh = planned is not None
    matched, postings = planned if planned is not None else _plan(cp, claim, lookup)
    LinePosting.objects.bulk_create(
        LinePosting(
            claim_payment=cpay,
            index=m.index,
            line_number=m.line,
            how=m.how,
            procedure=procedure_text(cp, m.index),
            charge=cp.services[m.index].svc.line_item_charge_amount,
            paid=cp.services[m.index].svc.line_item_provider_payment_amount,
        )
        for m in matched
    )
    ledger.post(actor, claim.practice, _ledger_lines(rf, cpay, claim, postings), new_keys=fresh)
    data = _event_data(rf, cpay, matched, postings)
    if engine.is_reversal(cp):
        note = _append(actor, claim, events.Kind.REVERSED, data, fresh)
    else:
        held = any(p.action == engine.Action.HOLD for p in postings)
        denied = cp.clp.claim_status_code == "4" or (held and not cp.clp.claim_payment_amount)
        kind = events.Kind.DENIED if denied else events.Kind.PAID
        note = _append(actor, claim, kind, data, fresh)
        if engine.is_forwarded(cp) and not note:
            note = _append(actor, claim, events.Kind.FORWARDED, data, fresh)
    _underpayments(cpay, claim, cp, matched, lookup)
    if not (fresh and not note):
        cpay.postings = [p.as_dict() for p in postings]
        cpay.note = note
        cpay.posted_at = cpay.posted_at or timezone.now()
        ClaimPayment.objects.filter(pk=cpay.pk).update(
            postings=cpay.postings, note=note, posted_at=cpay.posted_at
        )
    from cleanclaim.denials.actions import close_paid, from_posting

    if lookup is None or claim.number not in lookup.claims or claim.pk in lookup.denied:
        close_paid(actor, cpay)  # a denied line paid by this later answer
    from_posting(actor, cpay)  # the denied lines to work (same transaction)
    if not note:
        _secondary(actor, rf, cpay, cp, claim, lookup)


def _secondary_due(cp: CP, claim: Claim, lookup: _Lookup | None) -> bool:
    """Whether posting ``cp`` may build ``claim``'s secondary (no query when the run's
    lookup knows the claim has no secondary coverage)."""
    if claim.responsibility != Claim.Responsibility.PRIMARY:
        return False
    if lookup is not None and claim.number in lookup.claims and claim.pk not in lookup.second:
        return False
    if cp.clp.claim_status_code not in ("1", "2", "3"):  # processed; not 4, 19-22
        return False
    return bool(cp.clp.patient_responsibility_amount)


def _secondary(
    actor: Actor,
    rf: RemittanceFile,
    cpay: ClaimPayment,
    cp: CP,
    claim: Claim,
    lookup: _Lookup | None = None,
) -> None:
    """A primary's payment (CLP02 1-3: processed, not a crossover) leaving the patient a
    share: the secondary claim is built, scrubbed and queued when the visit has a
    secondary coverage (``claims.secondary.after_primary_posted``, with this payment's
    adjudication). A claim the run's lookup knows has no secondary coverage costs no
    query. A secondary the claims app refuses is noted on the payment; the payment
    stays posted."""
    if not _secondary_due(cp, claim, lookup):
        return
    from cleanclaim.claims import secondary

    answer = secondary.adjudication_from_835(
        cp,
        sorted(claim.lines.all(), key=lambda line: line.number),  # prefetched by the lookup
        paid_on=rf.payment_date or timezone.localdate(),
        payer_id=claim.payer.payer_id,
    )
    try:
        with transaction.atomic():
            secondary.after_primary_posted(actor, claim, adjudication=answer)
    except (secondary.SecondaryRefused, X12Error) as exc:
        cpay.note = f"secondary not built: {exc}"[:200]
        ClaimPayment.objects.filter(pk=cpay.pk).update(note=cpay.note)


def _post_one(
    actor: Actor,
    rf: RemittanceFile,
    remit: Remittance,
    seq: int,
    key: str,
    cp: CP,
    practices: list[Practice],
    lookup: _Lookup | None = None,
) -> str:
    """One claim payment in one transaction: ``posted``, ``unmatched`` or ``skipped``.

    Matching and planning run first, in Python, against what ``lookup`` read for the
    whole file; the transaction then holds the inserts and the claim's status update."""
    claim, how, candidates = _match(cp, [p.pk for p in practices], lookup)
    practice = claim.practice if claim else _home_practice(rf, remit, practices)
    planned = _plan(cp, claim, lookup) if claim is not None else None
    if claim is not None and planned is not None:
        fast = _post_one_statement(actor, rf, seq, key, cp, claim, how, practices, lookup, planned)
        if fast:
            return fast
    try:
        with transaction.atomic():
            cpay = ClaimPayment.objects.create(
                remittance=rf,
                practice=practice,
                key=key,
                sequence=seq,
                patient_control_number=cp.clp.claim_submitters_identifier[:38],
                status_code=cp.clp.claim_status_code[:2],
                charge=cp.clp.total_claim_charge_amount,
                paid=cp.clp.claim_payment_amount,
                patient_responsibility=cp.clp.patient_responsibility_amount,
                payer_claim_number=cp.clp.payer_claim_control_number[:50],
                claim=claim,
                how=how,
                forwarded=engine.is_forwarded(cp),
                postings=[p.as_dict() for p in planned[1]] if planned else [],
                posted_at=timezone.now() if planned else None,
            )
            if claim is None:
                Unmatched.objects.create(
                    claim_payment=cpay, practice=practice, candidates=candidates
                )
                return "unmatched"
            _apply(actor, rf, cpay, cp, claim, lookup, planned)
            return "posted"
    except IntegrityError:
        if claim is not None:
            claim.refresh_from_db(fields=["status"])
        if ClaimPayment.objects.filter(key=key, practice__in=practices).exists():
            return "skipped"  # posted by a concurrent run
        raise


def _post_one_statement(
    actor: Actor,
    rf: RemittanceFile,
    seq: int,
    key: str,
    cp: CP,
    claim: Claim,
    how: str,
    practices: list[Practice],
    lookup: _Lookup | None,
    planned: tuple[list[engine.LineMatch], list[engine.Posting]],
) -> str:
    """PostgreSQL: ``cp`` posted in one statement (:mod:`.one_statement`, decision
    1060): ``posted``, ``skipped`` (its key is posted already), or ``""`` when the
    normal path must post it (nothing was written)."""
    if not one_statement.usable():
        return ""
    matched, postings = planned
    if engine.is_forwarded(cp) or any(p.action == engine.Action.HOLD for p in postings):
        return ""  # a second event, or the denials hook: the normal path
    if _secondary_due(cp, claim, lookup):
        return ""  # the secondary claim to build: the normal path
    if lookup is None or claim.number not in lookup.claims or claim.pk in lookup.denied:
        return ""  # denials this answer may close: the normal path
    if engine.is_reversal(cp):
        kind = events.Kind.REVERSED
    else:
        kind = events.Kind.DENIED if cp.clp.claim_status_code == "4" else events.Kind.PAID
    status = one_statement.step(claim, kind)
    if status is None or _underpaid(None, claim, cp, matched, lookup):
        return ""
    cpay = ClaimPayment(
        remittance=rf,
        practice=claim.practice,
        key=key,
        sequence=seq,
        patient_control_number=cp.clp.claim_submitters_identifier[:38],
        status_code=cp.clp.claim_status_code[:2],
        charge=cp.clp.total_claim_charge_amount,
        paid=cp.clp.claim_payment_amount,
        patient_responsibility=cp.clp.patient_responsibility_amount,
        payer_claim_number=cp.clp.payer_claim_control_number[:50],
        claim=claim,
        how=how,
        forwarded=False,
        postings=[p.as_dict() for p in postings],
        posted_at=timezone.now(),
    )
    lines = [
        LinePosting(
            index=m.index,
            line_number=m.line,
            how=m.how,
            procedure=procedure_text(cp, m.index),
            charge=cp.services[m.index].svc.line_item_charge_amount,
            paid=cp.services[m.index].svc.line_item_provider_payment_amount,
        )
        for m in matched
    ]
    ledger_lines = _ledger_lines(rf, cpay, claim, postings)
    ledger.check(ledger_lines)
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    event = ClaimEvent(
        kind=kind,
        user=user,
        user_label=getattr(user, "email", "") or actor.label or f"({actor.via})",
        data=_event_data(rf, cpay, matched, postings),
    )
    held = claim.status
    try:
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            one_statement.post(
                cpay,
                lines,
                ledger.entries(actor, claim.practice, ledger_lines),
                claim,
                event,
                status,
            )
    except IntegrityError as exc:
        claim.status = held
        if ClaimPayment.objects.filter(key=key, practice__in=practices).exists():
            return "skipped"
        if one_statement.STALE in str(exc):
            claim.refresh_from_db(fields=["status"])
            return ""  # the status moved since it was read: the normal path decides
        raise
    return "posted"


@contextmanager
def _commits_not_waiting_for_disk() -> Iterator[None]:
    """PostgreSQL: ``synchronous_commit = off`` for this session while a file posts
    (decision 1040). Each claim payment's commit then returns before its WAL record is
    on disk; a *server* crash may lose the last few committed claim payments -- each
    whole, and only ever the latest, since the WAL is replayed in order -- and the next
    run posts them (their keys are absent). Never half, never twice, as before. Inside
    an outer transaction (tests) there are no commits to speed up: nothing is set."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
        except DatabaseError:  # pragma: no cover - a broken connection is closed anyway
            pass


def post_file(
    actor: Actor,
    rf: RemittanceFile,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Post every claim payment of ``rf`` not yet posted, then its PLB adjustments."""
    if rf.status == RemittanceFile.Status.REFUSED:
        raise NotPostable("the file does not balance: nothing was posted")
    RemittanceFile.objects.filter(pk=rf.pk).update(status=RemittanceFile.Status.POSTING)
    practices = _practices(rf)
    summary = Summary()
    remits = read(bytes(rf.raw))
    keyed = [[_short(k) for k in engine.claim_payment_keys(r)] for r in remits]
    everything = [k for keys in keyed for k in keys]
    done: set[str] = set()
    for start in range(0, len(everything), _Lookup.CHUNK):
        done.update(
            ClaimPayment.objects.filter(
                practice__in=practices, key__in=everything[start : start + _Lookup.CHUNK]
            ).values_list("key", flat=True)
        )
    lookup = _Lookup([p.pk for p in practices], remits)
    with _commits_not_waiting_for_disk():
        _post_all(actor, rf, remits, keyed, done, practices, lookup, summary, progress)
    with transaction.atomic():
        rf.status = RemittanceFile.Status.POSTED
        rf.posted_at = timezone.now()
        RemittanceFile.objects.filter(pk=rf.pk).update(status=rf.status, posted_at=rf.posted_at)
        record(
            actor, "update", rf, context={"posted": summary.posted, "unmatched": summary.unmatched}
        )
    return summary


def _post_all(
    actor: Actor,
    rf: RemittanceFile,
    remits: list[Remittance],
    keyed: list[list[str]],
    done: set[str],
    practices: list[Practice],
    lookup: _Lookup,
    summary: Summary,
    progress: Callable[[int, int], None] | None,
) -> None:
    total = sum(len(keys) for keys in keyed)
    seq = 0
    for remit, keys in zip(remits, keyed, strict=True):
        for key, cp in zip(keys, remit.claims, strict=True):
            if key in done:
                summary.skipped += 1
            else:
                outcome = _post_one(actor, rf, remit, seq, key, cp, practices, lookup)
                if outcome == "posted":
                    summary.posted += 1
                elif outcome == "unmatched":
                    summary.unmatched += 1
                else:
                    summary.skipped += 1
            seq += 1
            if progress is not None:
                progress(seq, total)
        summary.provider_adjustments += _post_plb(actor, rf, remit, practices)


def _post_plb(
    actor: Actor, rf: RemittanceFile, remit: Remittance, practices: list[Practice]
) -> int:
    plan = engine.plan_provider_adjustments(remit)
    if not plan:
        return 0
    practice = _home_practice(rf, remit, practices)
    trace = remit.trn.reference_identification if remit.trn else ""
    base = _short(f"{engine.payer_key(remit)}:{trace}:PLB")
    lines = [
        ledger.Line(
            bucket=p.bucket,
            kind=p.kind,
            amount=p.amount,
            key=f"835:{base}:{n}",
            reason=p.reason[:20],
            source=f"remit:{rf.pk}",
            memo=p.reference[:200],
            effective_date=rf.payment_date or timezone.localdate(),
        )
        for n, p in enumerate(plan)
    ]
    with transaction.atomic():
        return len(ledger.post(actor, practice, lines))


def claim_payment_of(cpay: ClaimPayment) -> CP:
    """The 2100 claim payment of ``cpay`` as its 835 says it (read again from the file)."""
    flat = [cp for r in read(bytes(cpay.remittance.raw)) for cp in r.claims]
    return flat[cpay.sequence]


def match_by_hand(
    actor: Actor, unmatched: Unmatched, claim: Claim, *, charge_differs_ok: bool = False
) -> ClaimPayment:
    """Post an unmatched claim payment against ``claim`` (same practice), and take it
    off the work list. :class:`AlreadyMatched` when it was matched before (nothing
    changes); :class:`DoesNotFit` when the payment's charge (CLP03) is not the claim's
    total charge, unless ``charge_differs_ok`` (the person looked and chose it)."""
    with transaction.atomic():
        um = Unmatched.objects.select_for_update().get(pk=unmatched.pk)
        if um.resolved_at is not None:
            raise AlreadyMatched("this payment was matched already")
        if claim.practice_id != um.practice_id:
            raise NotPostable(f"claim {claim.number} belongs to another practice")
        cpay = um.claim_payment
        if abs(cpay.charge) != claim.total_charge and not charge_differs_ok:
            raise DoesNotFit(
                f"the payment's charge {abs(cpay.charge)} is not claim {claim.number}'s "
                f"total charge {claim.total_charge}: check the claim, or confirm to post anyway"
            )
        rf = cpay.remittance
        cp = claim_payment_of(cpay)
        ClaimPayment.objects.filter(pk=cpay.pk).update(claim=claim, how="by_hand")
        cpay.claim, cpay.how = claim, "by_hand"
        _apply(actor, rf, cpay, cp, claim)
        user = actor.user if getattr(actor.user, "is_authenticated", False) else None
        Unmatched.objects.filter(pk=um.pk).update(resolved_at=timezone.now(), resolved_by=user)
        record(actor, "update", cpay, context={"matched_by_hand": claim.number})
    return cpay
