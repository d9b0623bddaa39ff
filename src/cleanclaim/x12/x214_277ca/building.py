"""Build a 277CA claim acknowledgment from the convenient JSON fields.

For the sandbox clearinghouse (and tests): given who sends it, who receives
it and each claim's status, build the whole 005010X214 hierarchy::

    {"transaction_set": "277", "version": "005010X214",
     "reference": "ACK0001", "created": "2026-11-27",
     "received": "2026-11-27", "processed": "2026-11-27",        # DTP*050, DTP*009
     "information_source": {"name": "SANDBOX CLEARINGHOUSE", "id": "CH01"},
     "information_receiver": {"name": "RIVERSIDE BILLING", "id": "SUB01"},
     "claims": [{"provider": {"name": "RIVERSIDE CLINIC", "id": "1234567893"},
                 "patient": {"last_name": "DOE", "first_name": "JANE", "member_id": "M1"},
                 "patient_control_number": "PCN0001", "charge": "200.00",
                 "service_dates": [{"date": "2026-11-02"}],
                 "payer_claim_control_number": "PAY1", "clearinghouse_trace": "CH-1",
                 "statuses": [{"category": "A2", "status_code": "20", "entity": "PR",
                               "action": "WQ"}]}]}

The receiver (2200B) and each billing provider (2200C) get an acknowledgment
computed from their claims: STC ``A1:19`` (received) with the total charge,
``QTY*90``/``AMT*YU`` for the accepted claims and ``QTY*AA``/``AMT*YY``
(receiver) or ``QTY*QA``/``QTY*QC`` (provider) for the rejected ones. A claim
is accepted when its first status's action (STC03) is ``WQ`` (by default when
its category is A1 or A2) and rejected with ``U``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .._errors import X12Error
from .._segments import DEFAULT_DELIMITERS, Segment
from ..guidekit.values import date_x12, decimal_in, list_in, text_in, x12_number
from ..guidekit.values import object_in as obj_in
from ..guidekit.values import segment as seg
from ..x212_276_277.building import dates_in, name_of
from .parsing import VERSION

ZERO = Decimal(0)


def _stc(s: dict[str, Any], where: str, default_date: str, charge: Decimal) -> Segment:
    comp = DEFAULT_DELIMITERS.component
    category = text_in(s, "category", where, required=True)
    info = [category, text_in(s, "status_code", where, required=True), text_in(s, "entity", where)]
    while info and not info[-1]:
        info.pop()
    action = text_in(s, "action", where) or ("WQ" if category in ("A1", "A2") else "U")
    date = date_x12(s.get("date")) or default_date
    return seg("STC", comp.join(info), date, action, x12_number(charge))


def _party(obj: dict[str, Any], key: str, role: str) -> dict[str, Any]:
    """``obj[key]``, or the party of that role in a JSON view's ``parties``."""
    if obj.get(key) is not None:
        return obj_in(obj[key], f"277CA.{key}")
    for p in list_in(obj.get("parties"), "277CA.parties"):
        if isinstance(p, dict) and p.get("role") == role:
            return p
    raise X12Error(f"277CA.{key} is required")


def _summary(claims: list[tuple[bool, Decimal]], date: str, receiver: bool) -> list[Segment]:
    total = sum((c for _, c in claims), ZERO)
    accepted = [c for ok, c in claims if ok]
    rejected = [c for ok, c in claims if not ok]
    comp = DEFAULT_DELIMITERS.component
    # STC02 (date) is required at the receiver level (2200B) and not used at the
    # billing provider level (2200C) in 005010X214.
    out = [
        seg(
            "STC",
            comp.join(["A1", "19", "PR"] if receiver else ["A1", "19"]),
            date if receiver else "",
            "WQ",
            x12_number(total),
        )
    ]
    if accepted:
        out.append(seg("QTY", "90" if receiver else "QA", str(len(accepted))))
    if rejected:
        out.append(seg("QTY", "AA" if receiver else "QC", str(len(rejected))))
    if accepted:
        out.append(seg("AMT", "YU", x12_number(sum(accepted, ZERO))))
    if rejected:
        out.append(seg("AMT", "YY", x12_number(sum(rejected, ZERO))))
    return out


def build_277ca(obj: dict[str, Any]) -> list[Segment]:
    """ST..SE of a 277CA from the convenient fields."""
    where = "277CA"
    created = date_x12(obj.get("created"))
    if not created:
        raise X12Error(f"{where}.created is required")
    received = date_x12(obj.get("received")) or created
    processed = date_x12(obj.get("processed")) or created
    reference = text_in(obj, "reference", where) or "1"
    control = text_in(obj, "control_number", where) or "0001"
    source = _party(obj, "information_source", "information_source")
    receiver = _party(obj, "information_receiver", "information_receiver")
    src_name, _, src_id = name_of(source, f"{where}.information_source")
    rcv_name, _, rcv_id = name_of(receiver, f"{where}.information_receiver")
    claims = list_in(obj.get("claims"), f"{where}.claims")
    if not claims:
        raise X12Error(f"{where}.claims must list at least one claim")

    # group by billing provider; decide acceptance and charge per claim
    providers: dict[str, tuple[dict[str, Any], list[tuple[dict[str, Any], str, bool, Decimal]]]]
    providers = {}
    for i, raw in enumerate(claims):
        w = f"{where}.claims[{i}]"
        c = obj_in(raw, w)
        statuses = [
            obj_in(s, f"{w}.statuses[{n}]")
            for n, s in enumerate(list_in(c.get("statuses"), f"{w}.statuses"))
        ]
        if not statuses:
            raise X12Error(f"{w}.statuses must give at least one status (STC)")
        first = statuses[0]
        category = text_in(first, "category", f"{w}.statuses[0]", required=True)
        action = text_in(first, "action", w) or ("WQ" if category in ("A1", "A2") else "U")
        # the claim's charge, or (a JSON view read back) its first status's STC04
        charge = decimal_in(c.get("charge") or first.get("charge"), f"{w}.charge")
        if charge is None:
            raise X12Error(f"{w}.charge (the claim's total charge, STC04) is required")
        provider = obj_in(c.get("provider"), f"{w}.provider")
        pid = name_of(provider, f"{w}.provider")[2]
        providers.setdefault(pid, (provider, []))[1].append((c, w, action == "WQ", charge))

    all_claims = [(ok, ch) for _, items in providers.values() for _, _, ok, ch in items]
    out = [
        Segment("ST", ["277", control, VERSION]),
        seg("BHT", "0085", "08", reference, created, "1200", "TH"),
        seg("HL", "1", "", "20", "1"),
        seg(
            "NM1",
            text_in(source, "entity", where) or "AY",
            "2",
            src_name,
            "",
            "",
            "",
            "",
            text_in(source, "id_qualifier", where) or "46",
            src_id,
        ),
        seg("TRN", "1", reference),
        seg("DTP", "050", "D8", received),
        seg("DTP", "009", "D8", processed),
        seg("HL", "2", "1", "21", "1"),
        seg("NM1", "41", "2", rcv_name, "", "", "", "", "46", rcv_id),
        seg("TRN", "2", reference),
    ]
    out += _summary(all_claims, processed, receiver=True)
    hl = 2
    for provider, items in providers.values():
        hl += 1
        provider_hl = hl
        p_name, p_first, p_id = name_of(provider, f"{where}.provider")
        out += [
            seg("HL", str(hl), "2", "19", "1"),
            seg(
                "NM1",
                "85",
                "1" if p_first else "2",
                p_name,
                p_first,
                "",
                "",
                "",
                text_in(provider, "id_qualifier", where) or "XX",
                p_id,
            ),
            seg("TRN", "1", f"{reference}-{p_id}"),
        ]
        out += _summary([(ok, ch) for _, _, ok, ch in items], processed, receiver=False)
        for c, w, _, charge in items:
            hl += 1
            patient = obj_in(c.get("patient"), f"{w}.patient")
            last, first_name, member = name_of(patient, f"{w}.patient")
            if not member:
                raise X12Error(f"{w}.patient.member_id is required")
            out += [
                seg("HL", str(hl), str(provider_hl), "PT"),
                seg(
                    "NM1",
                    "QC",
                    "1",
                    last,
                    first_name,
                    "",
                    "",
                    "",
                    text_in(patient, "id_qualifier", w) or "MI",
                    member,
                ),
                seg("TRN", "2", text_in(c, "patient_control_number", w, required=True)),
            ]
            for n, s in enumerate(list_in(c.get("statuses"), f"{w}.statuses")):
                out.append(
                    _stc(obj_in(s, f"{w}.statuses[{n}]"), f"{w}.statuses[{n}]", processed, charge)
                )
            for key, qual in (
                ("payer_claim_control_number", "1K"),
                ("clearinghouse_trace", "D9"),
                ("bill_type", "BLT"),
            ):
                if c.get(key):
                    out.append(seg("REF", qual, text_in(c, key, w)))
            dates = dates_in(c.get("service_dates"), "472", f"{w}.service_dates")
            if not dates:
                raise X12Error(f"{w}.service_dates (DTP*472) is required")
            out += dates[:1]
    out.append(Segment("SE", [str(len(out) + 1), control]))
    return out
