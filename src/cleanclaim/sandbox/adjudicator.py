"""The sandbox's clearinghouse and payers: answers built from the claim's own content.

:meth:`Adjudicator.receive` takes a file as the clearinghouse would and gives back
what a clearinghouse and its payers send, in order:

1. a **TA1** instead of anything else when the interchange envelope itself is bad
   (unreadable: TA105 ``024``; IEA01/IEA02 wrong: ``021``/``001``; IEA missing ``023``);
2. a **999** for the file (our validator's findings as IK3/IK4/IK5, X231A1);
3. a **277CA** per accepted 837P set (X214): each claim accepted ``A2:20:PR`` with a
   payer claim control number (REF*1K), or rejected at the front end:
   unknown payer ``A3:116:PR``, invalid or unknown NPI ``A7:562:85``/``A7:562:82``,
   subscriber not found ``A7:33:IL``, missing data (no diagnosis, no line, a line
   without date or charge) ``A3:21``, a replacement or void (CLM05-3 7/8) without
   REF*F8 ``A6:464`` or naming no claim it can correct ``A7:464`` (code source 508,
   464 "Payer Assigned Claim Control Number");
4. an **835** per payer and billing provider for the accepted claims (X221A1, see
   :mod:`._remit`; a replacement after the reversal of its original, CLP02 22, a void
   the reversal alone), BPR02 = Σ CLP04 − Σ PLB, never negative: a negative total is
   carried forward in a PLB ``FB`` (forwarding balance, X12 element 426) and taken back
   from the next 835 to that provider.

The same file and the same state give the same answers; only the control numbers
(ISA13/GS06, from ``state_dir``, never reused) differ. Real time:
:meth:`answer_270` (271), :meth:`answer_276` (277), :meth:`answer_278` (278 response).
See docs/sandbox.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from cleanclaim.npi import is_valid_npi
from cleanclaim.x12 import (
    Finding,
    ParsedDocument,
    ParsedTransaction,
    X12Error,
    parse,
    validate,
    write_document,
)
from cleanclaim.x12.x214_277ca.building import build_277ca
from cleanclaim.x12.x221a1_835.building import build_segments as build_835
from cleanclaim.x12.x222a1_837p.view import Claim, claims
from cleanclaim.x12.x231a1_999.building import build_ack_document

from . import _realtime
from ._envelope import ta1, wrap
from ._remit import (
    CORRECTIONS,
    VOID,
    ZERO,
    Outcome,
    Remitter,
    duplicate_key,
    payer_claim_number,
    text,
)
from ._state import ClaimRecord, State
from .world import Member, World

__all__ = ["Adjudicator", "OutFile"]

#: a subscriber member id starting with this gets its set rejected in the 999
SEED_999_REJECT = "REJ999"
NOON = dt.time(12, 0)
_TA1_NOTES = {"x12.envelope.iea-control": "001", "x12.envelope.iea-count": "021"}
_TA1_NOTES["x12.envelope.iea-missing"] = "023"


@dataclass(frozen=True, slots=True)
class OutFile:
    """A file the sandbox sends back: its name, bytes and kind (999, TA1, 277CA, 835)."""

    name: str
    data: bytes
    kind: str


@dataclass(slots=True)
class _Verdict:
    claim: Claim
    statuses: list[dict[str, str]]
    member: Member | None
    previous: ClaimRecord | None = None  # what a 276 heard before this claim came

    @property
    def accepted(self) -> bool:
        return self.statuses[0]["category"] in ("A1", "A2")


def _raw_isa(data: bytes) -> list[str]:
    """The ISA's elements read by position (it is fixed length), or [] when unreadable."""
    text_ = data.lstrip()[:106].decode("latin-1")
    if len(text_) < 106 or not text_.startswith("ISA"):
        return []
    return text_.split(text_[3])


class Adjudicator:
    """Plays a clearinghouse and the world's payers, from ``world`` as of ``today``."""

    def __init__(self, world: World, *, today: dt.date, state_dir: Path) -> None:
        self.world = world
        self.today = today
        self.state = State.open(state_dir)

    @property
    def now(self) -> dt.datetime:
        """The time written in the answers' envelopes: noon of ``today`` (deterministic)."""
        return dt.datetime.combine(self.today, NOON)

    # ----------------------------------------------------------------- batch files
    def receive(self, name: str, data: bytes) -> list[OutFile]:
        """The answers to a received file, in the order they are sent."""
        stem = Path(name).name.split(".")[0] or "file"
        isa = _raw_isa(data)
        try:
            parsed = parse(data)
        except X12Error:
            return [self._ta1(stem, isa, "024")]
        validate(parsed)
        for f in parsed.envelope_findings:
            if f.code in _TA1_NOTES:
                return [self._ta1(stem, isa, _TA1_NOTES[f.code])]
        out: list[OutFile] = []
        sets = [t for t in parsed.transactions if t.guide.name == "837P"]
        for t in sets:
            self._seed_999(t)
        number = self.state.next_number()
        ack = write_document(build_ack_document(parsed, control_number=number, now=self.now))
        out.append(OutFile(f"{stem}.999", ack.encode("ascii", errors="replace"), "999"))
        accepted = [t for t in sets if not any(f.is_error for f in t.findings)]
        verdicts: list[_Verdict] = []
        for t in accepted:
            set_verdicts = [self._front_end(c) for c in claims(t.data)]
            if not set_verdicts:
                continue
            verdicts += set_verdicts
            out.append(self._277ca(stem, parsed, t, set_verdicts))
        out += self._835s(stem, parsed, [v for v in verdicts if v.accepted])
        self.state.save()
        return out

    def _parties(self, parsed: ParsedDocument) -> tuple[tuple[str, str], tuple[str, str], str]:
        isa = parsed.document.interchanges[0].isa
        me = (isa.get(7) or "ZZ", isa.get(8).strip() or self.world.clearinghouse_id)
        them = (isa.get(5) or "ZZ", isa.get(6).strip() or "SUBMITTER")
        return me, them, isa.get(15)

    def _ta1(self, stem: str, isa: list[str], note: str) -> OutFile:
        ok = len(isa) >= 17
        data = ta1(
            received_isa13=isa[13] if ok else "0",
            received_date=isa[9] if ok else self.now.strftime("%y%m%d"),
            received_time=isa[10] if ok else self.now.strftime("%H%M"),
            note=note,
            sender=(isa[7], isa[8].strip()) if ok else ("ZZ", self.world.clearinghouse_id),
            receiver=(isa[5], isa[6].strip()) if ok else ("ZZ", "UNKNOWN"),
            number=self.state.next_number(),
            usage=isa[15] if ok else "P",
            now=self.now,
        )
        return OutFile(f"{stem}.ta1", data, "TA1")

    def _seed_999(self, t: ParsedTransaction) -> None:
        """Seeded: a subscriber NM1*IL with a member id starting REJ999 rejects its set."""
        for n, seg in enumerate(t.ts.segments, start=1):
            if (
                seg.id == "NM1"
                and seg.get(1) == "IL"
                and seg.get(9).upper().startswith(SEED_999_REJECT)
            ):
                t.findings.append(
                    Finding(
                        "sandbox.seed.999-reject",
                        "seeded rejection: the subscriber's member id is refused",
                        position=seg.position,
                        segment_id="NM1",
                        loop_id="2010BA",
                        ik304="8",
                        ik403="7",
                        element_position=9,
                        value=seg.get(9),
                        st_control=t.ts.st.get(2),
                        segment_in_set=n,
                    )
                )

    # ----------------------------------------------------------------- 277CA
    def _front_end(self, claim: Claim) -> _Verdict:
        payer = self.world.payers.get(claim.payer.id)
        member = self.world.member(claim.payer.id, claim.subscriber.member_id)

        def reject(category: str, code: str, entity: str = "") -> _Verdict:
            return _Verdict(
                claim, [{"category": category, "status_code": code, "entity": entity}], member
            )

        if payer is None:
            return reject("A3", "116", "PR")
        npi = claim.billing_provider.npi
        if not is_valid_npi(npi) or npi not in self.world.provider_npis:
            return reject("A7", "562", "85")
        rendering = claim.rendering_provider.npi if claim.rendering_provider else ""
        if rendering and (not is_valid_npi(rendering) or rendering not in self.world.provider_npis):
            return reject("A7", "562", "82")
        if member is None:
            return reject("A7", "33", "IL")
        if (
            not claim.diagnoses
            or not claim.lines
            or any(ln.service_date is None or ln.charge is None for ln in claim.lines)
        ):
            return reject("A3", "21")
        if claim.frequency_code in CORRECTIONS:
            found = self._original(claim)
            if found is not None:
                return found
        return _Verdict(claim, [{"category": "A2", "status_code": "20", "entity": "PR"}], member)

    def _original(self, claim: Claim) -> _Verdict | None:
        """A replacement or void that names no original it can correct: rejected with
        claim status code 464 (payer assigned claim control number; code source 508),
        ``A6`` when REF*F8 is missing, ``A7`` when it names no claim of this payer's or
        one already replaced or voided (unless it repeats the replacement exactly: an
        ``OA-18`` duplicate in the 835)."""
        member = self.world.member(claim.payer.id, claim.subscriber.member_id)
        number = claim.payer_claim_control_number.strip()
        if not number:
            return _Verdict(claim, [{"category": "A6", "status_code": "464"}], member)
        found = self.state.standing(claim.payer.id, number)
        if found is None:
            return _Verdict(claim, [{"category": "A7", "status_code": "464"}], member)
        _, record = found
        if not record.loops and (
            claim.frequency_code == VOID or duplicate_key(claim) not in self.state.paid
        ):
            return _Verdict(claim, [{"category": "A7", "status_code": "464"}], member)
        return None

    def _277ca(
        self, stem: str, parsed: ParsedDocument, t: ParsedTransaction, verdicts: list[_Verdict]
    ) -> OutFile:
        me, them, usage = self._parties(parsed)
        submitter = next((s for s in t.ts.segments if s.id == "NM1" and s.get(1) == "41"), None)
        sub_name = submitter.get(3) if submitter else them[1]
        sub_id = submitter.get(9) if submitter else them[1]
        reference = f"{stem}-{t.ts.st.get(2)}"[:30]
        items: list[dict[str, Any]] = []
        for v in verdicts:
            c = v.claim
            dates = [ln.service_date for ln in c.lines if ln.service_date]
            service: dict[str, str] = {"date": self.today.isoformat()}
            if dates:
                service = (
                    {"start": min(dates), "end": max(dates)}
                    if min(dates) != max(dates)
                    else {"date": dates[0]}
                )
            bp = c.billing_provider
            item: dict[str, Any] = {
                "provider": {
                    "name": bp.name or bp.last_name or "PROVIDER",
                    "id": bp.npi or "UNKNOWN",
                },
                "patient": {
                    "last_name": (c.patient.last_name or c.subscriber.last_name) or "UNKNOWN",
                    "first_name": c.patient.first_name or c.subscriber.first_name,
                    "member_id": c.subscriber.member_id or "UNKNOWN",
                },
                "patient_control_number": c.claim_id,
                "charge": text(c.total_charge or ZERO),
                "service_dates": [service],
                "clearinghouse_trace": f"{reference}-{c.position}"[:50],
                "statuses": v.statuses,
            }
            record = ClaimRecord(
                c.payer.id,
                c.subscriber.member_id,
                v.statuses[0]["category"],
                v.statuses[0]["status_code"],
                text(c.total_charge or ZERO),
                service_date=dates[0] if dates else "",
            )
            if v.accepted:
                item["payer_claim_control_number"] = payer_claim_number(c)
                record.payer_claim_control_number = item["payer_claim_control_number"]
            known = self.state.claims.get(c.claim_id)
            v.previous = known
            if v.accepted or c.frequency_code not in CORRECTIONS or known is None:
                self.state.claims[c.claim_id] = record
            items.append(item)
        segs = build_277ca(
            {
                "reference": reference,
                "created": self.today.isoformat(),
                "information_source": {"name": self.world.clearinghouse_name, "id": me[1]},
                "information_receiver": {"name": sub_name, "id": sub_id},
                "claims": items,
            }
        )
        number = self.state.next_number()
        data = wrap(
            [segs],
            functional_id="HN",
            version="005010X214",
            sender=me,
            receiver=them,
            number=number,
            usage=usage,
            now=self.now,
        )
        return OutFile(f"{stem}-{t.ts.st.get(2)}.277", data, "277CA")

    # ----------------------------------------------------------------- 835
    def _835s(self, stem: str, parsed: ParsedDocument, verdicts: list[_Verdict]) -> list[OutFile]:
        me, them, usage = self._parties(parsed)
        groups: dict[tuple[str, str], list[_Verdict]] = {}
        for v in verdicts:
            groups.setdefault((v.claim.payer.id, v.claim.billing_provider.npi), []).append(v)
        out = []
        for (payer_id, npi), items in groups.items():
            payer = self.world.payers[payer_id]
            remitter = Remitter(payer, self.state, self.today)
            outcomes: list[tuple[_Verdict, Outcome]] = []
            for v in items:
                outcome = self._adjudicate(remitter, v)
                outcomes.append((v, outcome))
            number = self.state.next_number()
            plb = [
                {
                    "provider_id": npi,
                    "fiscal_period_date": f"{self.today.year}-12-31",
                    "reason": "L6",
                    "reference": v.claim.claim_id,
                    "amount": text(-o.interest),
                }
                for v, o in outcomes
                if o.interest
            ]
            paid = sum((Decimal(loop["paid"]) for _, o in outcomes for loop in o.loops), ZERO)
            total = paid + sum((o.interest for _, o in outcomes), ZERO)
            forward, total = self._forward(f"{payer_id}|{npi}", total, f"SB{number:010d}")
            plb += [dict(a, provider_id=npi) for a in forward]
            bp = items[0].claim.billing_provider
            obj: dict[str, Any] = {
                "handling_code": "I" if total > 0 else "H",
                "total_payment": text(total),
                "credit_debit": "C",
                "payment_method": "CHK" if total > 0 else "NON",
                "payment_date": self.today.isoformat(),
                "trace_number": f"SB{number:010d}",
                "payer_identifier": "1" + payer_id.rjust(9, "0")[-9:],
                "production_date": self.today.isoformat(),
                "payer": {
                    "name": payer.name,
                    "id_qualifier": "XV",
                    "id": payer_id,
                    "address": {
                        "lines": ["PO BOX 1000"],
                        "city": "SANDBOX",
                        "state": "OR",
                        "postal_code": "97201",
                    },
                    "contacts": [
                        {
                            "function": "BL",
                            "name": "SANDBOX EDI",
                            "qualifier": "TE",
                            "number": "5035550199",
                        }
                    ],
                },
                "payee": {
                    "name": bp.name or bp.last_name or "PROVIDER",
                    "id_qualifier": "XX",
                    "id": npi,
                },
                "claims": [loop for _, o in outcomes for loop in o.loops],
                "provider_adjustments": plb,
            }
            segs = build_835(obj)
            data = wrap(
                [segs],
                functional_id="HP",
                version="005010X221A1",
                sender=me,
                receiver=them,
                number=number,
                usage=usage,
                now=self.now,
            )
            out.append(OutFile(f"{stem}-{payer_id}-{npi}.835", data, "835"))
        return out

    def _adjudicate(self, remitter: Remitter, v: _Verdict) -> Outcome:
        """One accepted claim's 835 loops; a replacement's (CLM05-3 7) after the
        reversal of its original, a void's (8) the reversal alone. Updates what a 276
        is told about the claim (and about a replaced original of another CLM01); an
        exact duplicate (OA-18) leaves it as the claim it repeats left it."""
        claim, member = v.claim, v.member
        assert member is not None
        record = self.state.claims[claim.claim_id]
        reversals: list[dict[str, Any]] = []
        original = None
        if claim.frequency_code in CORRECTIONS:
            found = self.state.standing(claim.payer.id, claim.payer_claim_control_number)
            assert found is not None  # the 277CA rejected it otherwise
            key, original = found
            if original.loops:
                mine = payer_claim_number(claim)
                by = "void" if claim.frequency_code == VOID else mine
                first = original.loops[0]["patient"]["member_id"]
                reversals = remitter.reverse(key, by, self.world.member(claim.payer.id, first))
        reversed_paid = sum((Decimal(loop["paid"]) for loop in reversals), ZERO)
        if claim.frequency_code == VOID:
            outcome = Outcome(reversals, reversed_paid, False)
            outcome.payer_claim_control_number = claim.payer_claim_control_number
            record.category, record.status_code = "F3", "1"
            record.paid = text(ZERO)
        else:
            outcome = remitter.adjudicate(claim, member)
            outcome.loops = reversals + outcome.loops
            record.category, record.status_code = ("F2", "0") if outcome.denied else ("F1", "65")
            record.paid = text(outcome.paid)
            if outcome.duplicate and v.previous is not None and v.previous.category[:1] == "F":
                self.state.claims[claim.claim_id] = v.previous
                return outcome
        record.adjudicated_on = self.today.isoformat()
        if original is not None and original.claim_id != claim.claim_id:
            replaced = self.state.claims.get(original.claim_id)
            if replaced is not None and reversals:
                replaced.category, replaced.status_code = "F3", "1"
                replaced.paid = text(ZERO)
                replaced.adjudicated_on = self.today.isoformat()
        return outcome

    def _forward(
        self, key: str, total: Decimal, trace: str
    ) -> tuple[list[dict[str, Any]], Decimal]:
        """PLB ``FB`` (forward balance) lines for one payer and provider: what an earlier
        835 carried forward is taken back from this payment (a positive amount, as far
        as the payment goes); a payment a reversal makes negative is carried forward
        (a negative amount, leaving BPR02 at 0). The new total payment."""
        plb: list[dict[str, Any]] = []
        fiscal = f"{self.today.year}-12-31"
        carried = self.state.forward.pop(key, None)
        owed = Decimal(carried["amount"]) if carried else ZERO
        if owed > 0 and total > 0:
            taken = min(owed, total)
            plb.append(
                {
                    "fiscal_period_date": fiscal,
                    "reason": "FB",
                    "reference": carried["reference"] if carried else trace,
                    "amount": text(taken),
                }
            )
            owed -= taken
            total -= taken
        if total < 0:
            plb.append(
                {
                    "fiscal_period_date": fiscal,
                    "reason": "FB",
                    "reference": trace,
                    "amount": text(total),
                }
            )
            owed -= total
            carried = {"amount": "0", "reference": trace}
            total = ZERO
        if owed > 0 and carried is not None:
            self.state.forward[key] = {"amount": text(owed), "reference": carried["reference"]}
        return plb, total

    # ----------------------------------------------------------------- real time
    def answer_270(self, x12: bytes) -> bytes:
        """A 271 for each 270 in the file (see :mod:`._realtime`)."""
        return _realtime.answer_270(self, x12)

    def answer_276(self, x12: bytes) -> bytes:
        """A 277 for each 276: the claim's status as the sandbox knows it."""
        return _realtime.answer_276(self, x12)

    def answer_278(self, x12: bytes) -> bytes:
        """A 278 response: approved, pended or denied by the codes in the world."""
        return _realtime.answer_278(self, x12)
