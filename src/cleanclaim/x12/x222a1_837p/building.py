"""Build an 837P from the convenient JSON fields, for programs that do not know X12.

Input (one transaction; see docs/x12-json.md for every field)::

    {"transaction_set": "837",
     "submitter": {"name": "ACME BILLING", "id": "123456789", "contact_name": "JO",
                   "phone": "5555550100"},
     "receiver": {"name": "CLEARINGHOUSE", "id": "CH01"},
     "reference": "BATCH0001", "created": "2026-11-27T09:30",
     "claims": [{"claim_id": "A1", "place_of_service": "11", "frequency_code": "1",
                 "diagnoses": ["E11.9"], "billing_provider": {...}, "subscriber": {...},
                 "patient": {...}, "payer": {...}, "lines": [...]}]}

Claims are grouped into the hierarchy the guide wants: one 2000A per billing
provider, one 2000B per subscriber and payer, a 2000C when the patient is not
the subscriber; HL numbers, LX numbers and (when absent) CLM02 are computed.
Every missing required field is an :class:`X12Error` naming it
(``claims[0].billing_provider.npi is required``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from ...money import format_money
from ..errors import X12Error
from ..guidekit.values import amount_in
from .loops import (
    LOOPS_2310,
    Loop1000A,
    Loop1000B,
    Loop2000A,
    Loop2000B,
    Loop2000C,
    Loop2010AA,
    Loop2010BA,
    Loop2010BB,
    Loop2010CA,
    Loop2300,
    Loop2310,
    Loop2400,
    Transaction837P,
)
from .segments import (
    BHT,
    CLM,
    DMG,
    DTP,
    HI,
    HL,
    LX,
    N3,
    N4,
    NM1,
    PAT,
    PER,
    PRV,
    REF,
    SBR,
    SE,
    ST,
    SV1,
)

__all__ = ["build_837p"]

VERSION = "005010X222A1"
#: Loop 2300 repeats at most 100 times per subscriber or patient level (005010X222A1).
MAX_CLAIMS_PER_LEVEL = 100


def _get(obj: Any, key: str, where: str, *, required: bool = True) -> str:
    if not isinstance(obj, dict):
        raise X12Error(f"{where} must be an object")
    value = obj.get(key)
    if value is None or value == "":
        if required:
            raise X12Error(f"{where}.{key} is required")
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise X12Error(f"{where}.{key} must be a string")
    return str(value).strip()


def _d8(value: str, where: str) -> str:
    v = value.replace("-", "")
    if len(v) != 8 or not v.isdigit():
        raise X12Error(f"{where} {value!r} is not a date (YYYY-MM-DD)")
    return v


def _address(obj: Any, where: str, *, required: bool) -> tuple[N3 | None, N4 | None]:
    if obj is None:
        if required:
            raise X12Error(f"{where} is required")
        return None, None
    n3 = N3(_get(obj, "line1", where), _get(obj, "line2", where, required=False))
    n4 = N4(
        _get(obj, "city", where),
        _get(obj, "state", where),
        _get(obj, "zip", where).replace("-", ""),
        _get(obj, "country", where, required=False),
    )
    return n3, n4


def _person_nm1(entity: str, obj: Any, where: str, id_qual: str, id_key: str) -> NM1:
    last = _get(obj, "last_name", where, required=False)
    if last:
        return NM1(
            entity,
            "1",
            last,
            _get(obj, "first_name", where, required=False),
            _get(obj, "middle_name", where, required=False),
            "",
            "",
            id_qual if _get(obj, id_key, where, required=False) else "",
            _get(obj, id_key, where, required=False),
        )
    name = _get(obj, "name", where)
    if "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
        return NM1(
            entity, "1", last, first, "", "", "", id_qual, _get(obj, id_key, where, required=False)
        )
    raise X12Error(f"{where}: give last_name and first_name (or name as 'LAST, FIRST')")


def _provider_nm1(entity: str, obj: Any, where: str) -> NM1:
    npi = _get(obj, "npi", where)
    person = _get(obj, "entity_type", where, required=False) == "person" or bool(
        _get(obj, "last_name", where, required=False)
    )
    if person:
        nm1 = _person_nm1(entity, obj, where, "XX", "npi")
        nm1.identification_code_qualifier, nm1.identification_code = "XX", npi
        return nm1
    return NM1(entity, "2", _get(obj, "name", where), "", "", "", "", "XX", npi)


def _dmg(obj: Any, where: str) -> DMG:
    return DMG("D8", _d8(_get(obj, "dob", where), f"{where}.dob"), _get(obj, "sex", where))


def _billing_loop(claim: dict[str, Any], where: str, hl_id: int) -> Loop2000A:
    bp = claim.get("billing_provider")
    w = f"{where}.billing_provider"
    n3, n4 = _address(
        bp.get("address") if isinstance(bp, dict) else None, f"{w}.address", required=True
    )
    tax_id = _get(bp, "tax_id", w)
    loop = Loop2000A(hl=HL(str(hl_id), "", "20", "1"))
    taxonomy = _get(bp, "taxonomy", w, required=False)
    if taxonomy:
        loop.prv = PRV("BI", "PXC", taxonomy)
    loop.billing_provider = Loop2010AA(
        nm1=_provider_nm1("85", bp, w),
        n3=n3,
        n4=n4,
        ref=[REF("SY" if _get(bp, "tax_id_type", w, required=False) == "ssn" else "EI", tax_id)],
    )
    return loop


def _subscriber_loop(claim: dict[str, Any], where: str, hl_id: int, parent: int) -> Loop2000B:
    sub = claim.get("subscriber")
    w = f"{where}.subscriber"
    payer = claim.get("payer")
    pw = f"{where}.payer"
    self_pay = _is_self(claim)
    n3, n4 = _address(
        sub.get("address") if isinstance(sub, dict) else None, f"{w}.address", required=self_pay
    )
    loop = Loop2000B(
        hl=HL(str(hl_id), str(parent), "22", "0" if self_pay else "1"),
        sbr=SBR(
            _get(claim, "payer_responsibility", where, required=False) or "P",
            "18" if self_pay else "",
            _get(claim, "group_number", where, required=False),
            "",
            "",
            "",
            "",
            "",
            _get(claim, "filing_indicator", where, required=False) or "CI",
        ),
        subscriber=Loop2010BA(
            nm1=_person_nm1("IL", sub, w, "MI", "member_id"),
            n3=n3,
            n4=n4,
            dmg=_dmg(sub, w) if self_pay or (isinstance(sub, dict) and sub.get("dob")) else None,
        ),
        payer=Loop2010BB(
            nm1=NM1("PR", "2", _get(payer, "name", pw), "", "", "", "", "PI", _get(payer, "id", pw))
        ),
    )
    return loop


def _is_self(claim: dict[str, Any]) -> bool:
    """The patient is the subscriber: no patient given, relationship 18, or the same person."""
    patient = claim.get("patient")
    if not patient:
        return True
    if not isinstance(patient, dict):
        raise X12Error("patient must be an object")
    rel = str(patient.get("relationship", ""))
    return rel == "18" or (not rel and patient == claim.get("subscriber"))


def _patient_loop(claim: dict[str, Any], where: str, hl_id: int, parent: int) -> Loop2000C:
    pat = claim.get("patient")
    w = f"{where}.patient"
    rel = _get(pat, "relationship", w, required=False) or "19"
    n3, n4 = _address(
        pat.get("address") if isinstance(pat, dict) else None, f"{w}.address", required=True
    )
    return Loop2000C(
        hl=HL(str(hl_id), str(parent), "23", "0"),
        pat=PAT(rel),
        patient=Loop2010CA(
            nm1=_person_nm1("QC", pat, w, "", "_none"), n3=n3, n4=n4, dmg=_dmg(pat, w)
        ),
    )


def _claim_loop(claim: dict[str, Any], where: str) -> Loop2300:
    lines_in = claim.get("lines")
    if not isinstance(lines_in, list) or not lines_in:
        raise X12Error(f"{where}.lines must be a non-empty list")
    dx_in = claim.get("diagnoses")
    if not isinstance(dx_in, list) or not dx_in or not all(isinstance(d, str) for d in dx_in):
        raise X12Error(f"{where}.diagnoses must be a non-empty list of codes")
    if len(dx_in) > 12:
        raise X12Error(f"{where}.diagnoses: at most 12 on a professional claim")
    lines: list[Loop2400] = []
    total = Decimal(0)
    for n, line in enumerate(lines_in, start=1):
        lw = f"{where}.lines[{n - 1}]"
        charge = amount_in(line.get("charge") if isinstance(line, dict) else None, f"{lw}.charge")
        total += charge
        units = amount_in(line.get("units", "1"), f"{lw}.units")
        mods = line.get("modifiers") or []
        if not isinstance(mods, list) or len(mods) > 4:
            raise X12Error(f"{lw}.modifiers must be a list of at most 4 codes")
        ptrs = line.get("dx_pointers") or [1]
        if not isinstance(ptrs, list) or not 1 <= len(ptrs) <= 4:
            raise X12Error(f"{lw}.dx_pointers must list 1 to 4 diagnosis numbers")
        proc = ("HC", _get(line, "procedure", lw), *(str(m) for m in mods))
        sv1 = SV1(
            proc,
            format_money(charge),
            _get(line, "unit_code", lw, required=False) or "UN",
            format_money(units),
            _get(line, "place_of_service", lw, required=False),
            "",
            tuple(str(p) for p in ptrs),
        )
        start = _d8(_get(line, "service_date", lw), f"{lw}.service_date")
        end = line.get("service_date_end")
        dtp = (
            DTP("472", "RD8", f"{start}-{_d8(str(end), f'{lw}.service_date_end')}")
            if end
            else DTP("472", "D8", start)
        )
        lines.append(Loop2400(lx=LX(str(n)), sv1=sv1, dtp=[dtp]))
    given = claim.get("total_charge")
    total_charge = amount_in(given, f"{where}.total_charge") if given not in (None, "") else total
    freq = _get(claim, "frequency_code", where, required=False) or "1"
    clm = CLM(
        _get(claim, "claim_id", where),
        format_money(total_charge),
        "",
        "",
        (_get(claim, "place_of_service", where), "B", freq),
        "Y",
        _get(claim, "assignment", where, required=False) or "A",
        "Y",
        "Y",
    )
    refs: list[REF] = []
    if freq in ("7", "8"):
        refs.append(REF("F8", _get(claim, "payer_claim_control_number", where)))
    prior = _get(claim, "prior_authorization", where, required=False)
    if prior:
        refs.append(REF("G1", prior))
    composites = [
        ("ABK" if i == 0 else "ABF", d.replace(".", "").strip().upper())
        for i, d in enumerate(dx_in)
    ]
    loop = Loop2300(clm=clm, ref=refs, hi=[HI(*composites)], lines=lines)
    rendering = claim.get("rendering_provider")
    if rendering:
        rw = f"{where}.rendering_provider"
        prov = cast(Loop2310, LOOPS_2310["2310B"](nm1=_provider_nm1("82", rendering, rw)))
        taxonomy = _get(rendering, "taxonomy", rw, required=False)
        if taxonomy:
            prov.prv = PRV("PE", "PXC", taxonomy)
        loop.providers.append(prov)
    return loop


def build_837p(obj: dict[str, Any], *, now: datetime | None = None) -> Transaction837P:
    """The convenient JSON of one 837P transaction → a complete :class:`Transaction837P`."""
    claims = obj.get("claims")
    if not isinstance(claims, list) or not claims:
        raise X12Error("claims must be a non-empty list")
    now = now or datetime.now()
    created = obj.get("created")
    if created:
        try:
            now = datetime.fromisoformat(str(created))
        except ValueError as exc:
            raise X12Error(f"created {created!r} is not an ISO date-time") from exc
    sub = obj.get("submitter")
    rec = obj.get("receiver")
    ctl = _get(obj, "control_number", "transaction", required=False) or "0001"
    ctl = ctl.rjust(4, "0")
    submitter = Loop1000A(
        nm1=NM1(
            "41",
            "2",
            _get(sub, "name", "submitter"),
            "",
            "",
            "",
            "",
            "46",
            _get(sub, "id", "submitter"),
        ),
        per=[
            PER(
                "IC",
                _get(sub, "contact_name", "submitter"),
                "EM" if not _get(sub, "phone", "submitter", required=False) else "TE",
                _get(sub, "phone", "submitter", required=False) or _get(sub, "email", "submitter"),
            )
        ],
    )
    receiver = Loop1000B(
        nm1=NM1(
            "40",
            "2",
            _get(rec, "name", "receiver"),
            "",
            "",
            "",
            "",
            "46",
            _get(rec, "id", "receiver"),
        )
    )
    tx = Transaction837P(
        st=ST("837", ctl, VERSION),
        bht=BHT(
            "0019",
            "00",
            _get(obj, "reference", "transaction", required=False) or ctl,
            now.strftime("%Y%m%d"),
            now.strftime("%H%M"),
            "CH",
        ),
        submitter=submitter,
        receiver=receiver,
    )
    hl = 0
    providers: dict[str, Loop2000A] = {}
    subscribers: dict[tuple[str, str], Loop2000B] = {}
    patients: dict[tuple[str, str, str], Loop2000C] = {}
    # Group first (HL numbers must follow the written order), then number.
    for i, claim in enumerate(claims):
        where = f"claims[{i}]"
        if not isinstance(claim, dict):
            raise X12Error(f"{where} must be an object")
        bp_key = repr(claim.get("billing_provider"))
        bp = providers.get(bp_key)
        if bp is None:
            bp = _billing_loop(claim, where, 0)
            providers[bp_key] = bp
            tx.billing_providers.append(bp)
        sub_key = (
            bp_key,
            repr(
                (
                    claim.get("subscriber"),
                    claim.get("payer"),
                    claim.get("payer_responsibility"),
                    _is_self(claim),
                )
            ),
        )
        sl = subscribers.get(sub_key)
        if sl is None or len(sl.claims) >= MAX_CLAIMS_PER_LEVEL:
            # 2300 repeats at most 100 times under one 2000B/2000C: open another level.
            sl = _subscriber_loop(claim, where, 0, 0)
            subscribers[sub_key] = sl
            bp.subscribers.append(sl)
        loop = _claim_loop(claim, where)
        if _is_self(claim):
            sl.claims.append(loop)
        else:
            pkey = (*sub_key, repr(claim.get("patient")))
            pl = patients.get(pkey)
            if pl is None or len(pl.claims) >= MAX_CLAIMS_PER_LEVEL:
                pl = _patient_loop(claim, where, 0, 0)
                patients[pkey] = pl
                sl.patients.append(pl)
            pl.claims.append(loop)
    for bp in tx.billing_providers:
        hl += 1
        bp_id = hl
        assert bp.hl is not None
        bp.hl.hierarchical_id_number = str(bp_id)
        for sl in bp.subscribers:
            hl += 1
            sub_id = hl
            assert sl.hl is not None
            sl.hl.hierarchical_id_number, sl.hl.hierarchical_parent_id_number = (
                str(sub_id),
                str(bp_id),
            )
            sl.hl.hierarchical_child_code = "1" if sl.patients else "0"
            for pl in sl.patients:
                hl += 1
                assert pl.hl is not None
                pl.hl.hierarchical_id_number, pl.hl.hierarchical_parent_id_number = (
                    str(hl),
                    str(sub_id),
                )
    tx.se = SE("0", ctl)
    return tx
