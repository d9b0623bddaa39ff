"""Real-time answers: a 271 to each 270, a 277 to each 276, a 278 response to a 278.

Each request is read through the guide's JSON view (so whatever our reader accepts
is answered) and each answer built with the guide package's builder, enveloped back
to the sender. A file the X12 engine cannot read raises
:class:`~cleanclaim.x12.X12Error` (the CORE server answers it as an error envelope).

271 (005010X279A1), from the world's member:

* found and active on the date asked (DTP*291, else today): ``EB*1`` active coverage
  (EB04 insurance type from the payer's kind, EB05 plan name) with the plan dates
  (DTP*346/347), then per service type of the member's benefits: copay ``EB*B``
  (time period 27, per visit), coinsurance ``EB*A`` (EB08 a fraction), deductible
  ``EB*C`` and out of pocket ``EB*G`` each for the calendar year (EB06 ``23``) and
  what remains (``29``, from what the sandbox has applied so far), EB12 ``Y``/``N``
  in or out of network; codes needing authorization: ``EB*1`` with EB11 ``Y`` and a
  MSG naming them; another coverage: ``EB*R`` with a MSG naming the other payer;
* found but not active: ``EB*6`` inactive, with the plan dates;
* AAA rejections (2100C, follow-up ``C`` correct and resubmit): ``72`` invalid or
  missing member id, ``75`` subscriber not found, ``58`` invalid birth date, ``71``
  birth date does not match (the member's names and birth date returned, corrected);
  an unknown payer: ``AAA*N**79*C`` at the information source (2100A).

278 response (005010X217): per service line and for the event, ``HCR*A3**0T`` when the
payer denies a code, ``HCR*A4**0U`` when it pends one (or the UMO is not a payer it
knows), else ``HCR*A1`` with an authorization number made from the request's content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cleanclaim.x12 import ParsedDocument, Segment, X12Error, document_json, parse, validate
from cleanclaim.x12.x212_276_277.building import build_277
from cleanclaim.x12.x217_278.building import build_278
from cleanclaim.x12.x279a1_270_271.building import build_271

from ._envelope import wrap
from ._remit import text
from .world import Member, Payer

if TYPE_CHECKING:
    from .adjudicator import Adjudicator

__all__ = ["answer_270", "answer_276", "answer_278"]

MEMBER_ID = re.compile(r"^[A-Za-z0-9-]{2,30}$")
INSURANCE_TYPE = {"medicare": "MB", "medicaid": "MC", "hmo": "HM", "ppo": "PR"}


def _requests(
    adj: Adjudicator, x12: bytes, set_id: str
) -> tuple[ParsedDocument, list[dict[str, Any]]]:
    parsed = parse(x12)
    validate(parsed)
    sets = [t for t in document_json(parsed)["transactions"] if t.get("transaction_set") == set_id]
    if not sets:
        raise X12Error(f"the file holds no {set_id}")
    return parsed, sets


def _send(
    adj: Adjudicator,
    parsed: ParsedDocument,
    sets: list[list[Segment]],
    functional_id: str,
    version: str,
) -> bytes:
    isa = parsed.document.interchanges[0].isa
    return wrap(
        sets,
        functional_id=functional_id,
        version=version,
        sender=(isa.get(7) or "ZZ", isa.get(8).strip() or adj.world.clearinghouse_id),
        receiver=(isa.get(5) or "ZZ", isa.get(6).strip() or "SUBMITTER"),
        number=adj.state.next_number(),
        usage=isa.get(15),
        now=adj.now,
    )


# ------------------------------------------------------------------------ 270 → 271
def _as_of(adj: Adjudicator, member: dict[str, Any]) -> dt.date:
    for d in member.get("plan_dates") or []:
        if isinstance(d, dict) and d.get("qualifier") == "291" and d.get("date"):
            try:
                return dt.date.fromisoformat(str(d["date"]))
            except ValueError:
                break
    return adj.today


def _plan_dates(m: Member) -> list[dict[str, str]]:
    out = []
    if m.active_from:
        out.append({"qualifier": "346", "date": m.active_from.isoformat()})
    if m.active_to:
        out.append({"qualifier": "347", "date": m.active_to.isoformat()})
    return out


def _benefits(adj: Adjudicator, payer: Payer, m: Member, day: dt.date) -> list[dict[str, Any]]:
    kind = INSURANCE_TYPE.get(payer.kind, "C1")
    if not m.active_on(day):
        return [{"eligibility_code": "6", "coverage_level": "IND", "service_types": ["30"]}]
    out: list[dict[str, Any]] = [
        {
            "eligibility_code": "1",
            "coverage_level": "IND",
            "service_types": ["30"],
            "insurance_type": kind,
            "plan_description": m.plan_name,
        }
    ]
    for b in m.benefits:
        key = f"{payer.payer_id}|{m.member_id}|{day.year}|{b.service_type}"
        common = {
            "coverage_level": "IND",
            "service_types": [b.service_type],
            "in_network": b.in_network,
        }
        if b.copay:
            out.append(dict(common, eligibility_code="B", time_period="27", amount=text(b.copay)))
        if b.coinsurance_percent:
            percent = (b.coinsurance_percent / 100).normalize()
            out.append(dict(common, eligibility_code="A", time_period="27", percent=str(percent)))
        for code, what, total, start in (
            ("C", "deductible", b.deductible_total, b.deductible_met),
            ("G", "out_of_pocket", b.out_of_pocket_total, b.out_of_pocket_met),
        ):
            if total:
                met = adj.state.met_so_far(key, what, start)
                left = max(Decimal(0), total - met)
                out.append(
                    dict(common, eligibility_code=code, time_period="23", amount=text(total))
                )
                out.append(dict(common, eligibility_code=code, time_period="29", amount=text(left)))
    if payer.needs_authorization:
        codes = " ".join(sorted(payer.needs_authorization))
        out.append(
            {
                "eligibility_code": "1",
                "service_types": ["30"],
                "authorization_required": "Y",
                "messages": [f"AUTHORIZATION REQUIRED FOR {codes}"[:264]],
            }
        )
    if m.other_coverage is not None:
        other = m.other_coverage
        out.append(
            {
                "eligibility_code": "R",
                "service_types": ["30"],
                "messages": [f"OTHER PAYER {other.name} {other.payer_id}".strip()[:264]],
            }
        )
    return out


def _reject(asked: dict[str, Any], reason: str) -> dict[str, Any]:
    out = {
        k: asked.get(k)
        for k in ("last_name", "first_name", "member_id", "dob", "sex")
        if asked.get(k)
    }
    out["rejections"] = [{"reason": reason, "follow_up_action": "C"}]
    return out


def _member_answer(adj: Adjudicator, payer: Payer, asked: dict[str, Any]) -> dict[str, Any]:
    member_id = str(asked.get("member_id") or "")
    if not MEMBER_ID.match(member_id):
        return _reject(asked, "72")
    m = adj.world.member(payer.payer_id, member_id)
    if m is None:
        return _reject(asked, "75")
    answer: dict[str, Any] = {
        "last_name": m.last_name,
        "first_name": m.first_name,
        "member_id": m.member_id,
        "dob": m.dob.isoformat(),
        "sex": m.sex,
    }
    dob = asked.get("dob")
    if dob:
        try:
            asked_dob = dt.date.fromisoformat(str(dob))
        except ValueError:
            return dict(answer, rejections=[{"reason": "58", "follow_up_action": "C"}])
        if asked_dob != m.dob:
            # the corrected name and birth date go back with the rejection
            return dict(answer, rejections=[{"reason": "71", "follow_up_action": "C"}])
    day = _as_of(adj, asked)
    answer["plan_dates"] = _plan_dates(m)
    answer["benefits"] = _benefits(adj, payer, m, day)
    return answer


def answer_270(adj: Adjudicator, x12: bytes) -> bytes:
    parsed, requests = _requests(adj, x12, "270")
    sets = []
    for n, req in enumerate(requests, start=1):
        source = req.get("information_source") or {}
        payer = adj.world.payers.get(str(source.get("id") or ""))
        members: list[dict[str, Any]] = []
        rejections: list[dict[str, Any]] = []
        if payer is None:
            rejections.append({"reason": "79", "follow_up_action": "C"})
        else:
            asked = (req.get("members") or [{}])[0]
            members.append(_member_answer(adj, payer, asked))
        sets.append(
            build_271(
                {
                    "control_number": str(n).rjust(4, "0"),
                    "reference": req.get("reference") or "1",
                    "created": adj.today.isoformat(),
                    "information_source": {
                        "name": payer.name if payer else (source.get("name") or "UNKNOWN PAYER"),
                        "id": source.get("id") or "UNKNOWN",
                    },
                    "information_receiver": req.get("information_receiver") or {},
                    "members": members,
                    "rejections": rejections,
                }
            )
        )
    return _send(adj, parsed, sets, "HB", "005010X279A1")


# ------------------------------------------------------------------------ 276 → 277
def answer_276(adj: Adjudicator, x12: bytes) -> bytes:
    """Per claim asked (TRN02 = patient control number): what the sandbox said last.

    Front end ``A2:20`` accepted / ``A7``/``A3`` rejected (as in its 277CA), then
    ``F1:65`` paid or ``F2:0`` denied once its 835 is out; a claim it never received:
    ``A4:35`` (not found).
    """
    parsed, requests = _requests(adj, x12, "276")
    sets = []
    for n, req in enumerate(requests, start=1):
        parties = {p.get("role"): p for p in req.get("parties") or [] if isinstance(p, dict)}
        claims = []
        for c in req.get("claims") or []:
            record = adj.state.claims.get(str(c.get("patient_control_number") or ""))
            status: dict[str, str | None]
            if record is None:
                status = {"category": "A4", "status_code": "35"}
            else:
                status = {
                    "category": record.category,
                    "status_code": record.status_code,
                    "date": record.adjudicated_on or adj.today.isoformat(),
                    "charge": record.charge,
                    "paid": record.paid if record.category.startswith("F") else None,
                }
            answer = dict(c, statuses=[status])
            if record is not None and record.payer_claim_control_number:
                answer["payer_claim_control_number"] = record.payer_claim_control_number
            claims.append(answer)
        sets.append(
            build_277(
                {
                    "control_number": str(n).rjust(4, "0"),
                    "reference": req.get("reference") or "1",
                    "created": adj.today.isoformat(),
                    "information_source": parties.get("information_source") or {},
                    "information_receiver": parties.get("information_receiver") or {},
                    "claims": claims,
                }
            )
        )
    return _send(adj, parsed, sets, "HN", "005010X212")


# ------------------------------------------------------------------------ 278
def _decision(adj: Adjudicator, payer: Payer | None, codes: list[str], key: str) -> dict[str, str]:
    """HCR: A3 not certified (a code the payer denies), A4 pended (one it pends), else
    A1 certified with an authorization number made from the request's content."""
    if payer is not None and any(c in payer.denies for c in codes):
        return {"action": "A3", "reason": "0T"}
    if payer is None or any(c in payer.pends for c in codes):
        return {"action": "A4", "reason": "0U"}
    number = "SBA" + hashlib.sha256(key.encode()).hexdigest()[:10].upper()
    return {"action": "A1", "certification_number": number}


def answer_278(adj: Adjudicator, x12: bytes) -> bytes:
    """A 278 response per request: each service line and the event decided (HCR) by
    the codes the payer pends or denies (the UMO's NM109 names the payer)."""
    parsed, requests = _requests(adj, x12, "278")
    sets = []
    for n, req in enumerate(requests, start=1):
        umo = dict(req.get("umo") or {})
        payer = adj.world.payers.get(str(umo.get("id") or ""))
        event = dict(req.get("event") or {})
        subscriber = req.get("subscriber") or {}
        services = []
        all_codes = []
        for i, s in enumerate(event.get("services") or []):
            code = str((s.get("procedure") or {}).get("code") or "")
            all_codes.append(code)
            key = f"{umo.get('id')}|{subscriber.get('id')}|{req.get('reference')}|{i}|{code}"
            services.append(dict(s, decision=_decision(adj, payer, [code], key)))
        key = f"{umo.get('id')}|{subscriber.get('id')}|{req.get('reference')}"
        event.update(
            services=services,
            decision=_decision(adj, payer, all_codes, key),
            traces=[dict(t, type="2") for t in event.get("traces") or []] or None,
        )
        if event["traces"] is None:
            del event["traces"]
        umo.setdefault("phone", "5035550199")
        answer = {
            k: v
            for k, v in req.items()
            if k not in ("segments", "envelope", "control_number", "rejections")
        }
        answer.update(
            kind="response",
            control_number=str(n).rjust(4, "0"),
            created=adj.today.isoformat(),
            umo=umo,
            event=event,
        )
        sets.append(build_278(answer))
    return _send(adj, parsed, sets, "HI", "005010X217")
