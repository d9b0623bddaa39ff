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

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from ...money import MoneyError, format_money, parse_money
from .._errors import X12Error
from .._segments import Delimiters, Segment
from .parsing import Transaction837P, parse

__all__ = ["build_837p"]

VERSION = "005010X222A1"
#: Loop 2300 repeats at most 100 times per subscriber or patient level (005010X222A1).
MAX_CLAIMS_PER_LEVEL = 100

Element = str | tuple[str, ...]


def _seg(tag: str, *elements: Element) -> Segment:
    """A segment from its element texts (a composite as a tuple of components, joined
    with ``:`` here and re-joined by :func:`_join` for another separator); trailing
    empty components and elements are left out, as X12 writes them."""
    out: list[str] = []
    for e in elements:
        if isinstance(e, tuple):
            parts = list(e)
            while parts and not parts[-1]:
                parts.pop()
            out.append(_COMPONENT.join(parts))
        else:
            out.append(e)
    while out and not out[-1]:
        out.pop()
    return Segment(tag, out)


_COMPONENT = "\x00"  # joins components until the interchange's separator is known


@dataclass(slots=True)
class _Level:
    """One hierarchical level being built (2000A, 2000B or 2000C): its HL, the
    segments after it (its own and its name loops'), its claims and sub-levels."""

    hl: Segment
    head: list[Segment]
    claims: list[list[Segment]] = field(default_factory=list)
    children: list[_Level] = field(default_factory=list)

    def segments(self) -> list[Segment]:
        out = [self.hl, *self.head]
        for claim in self.claims:
            out.extend(claim)
        for child in self.children:
            out.extend(child.segments())
        return out


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


def _money(value: Any, where: str) -> Decimal:
    try:
        return parse_money(value, what=where)
    except MoneyError as exc:
        raise X12Error(str(exc)) from exc


def _address(obj: Any, where: str, *, required: bool) -> list[Segment]:
    """N3 and N4 of an address object (none when absent and not required)."""
    if obj is None:
        if required:
            raise X12Error(f"{where} is required")
        return []
    return [
        _seg("N3", _get(obj, "line1", where), _get(obj, "line2", where, required=False)),
        _seg(
            "N4",
            _get(obj, "city", where),
            _get(obj, "state", where),
            _get(obj, "zip", where).replace("-", ""),
            _get(obj, "country", where, required=False),
        ),
    ]


def _person_nm1(
    entity: str, obj: Any, where: str, id_qual: str, id_key: str, ident: str | None = None
) -> Segment:
    """NM1 of a person: NM103 last, NM104 first, NM105 middle, NM108/NM109 the id
    (``ident`` when given, else ``obj[id_key]``)."""
    ident = _get(obj, id_key, where, required=False) if ident is None else ident
    last = _get(obj, "last_name", where, required=False)
    if last:
        return _seg(
            "NM1",
            entity,
            "1",
            last,
            _get(obj, "first_name", where, required=False),
            _get(obj, "middle_name", where, required=False),
            "",
            "",
            id_qual if ident else "",
            ident,
        )
    name = _get(obj, "name", where)
    if "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
        return _seg("NM1", entity, "1", last, first, "", "", "", id_qual, ident)
    raise X12Error(f"{where}: give last_name and first_name (or name as 'LAST, FIRST')")


def _provider_nm1(entity: str, obj: Any, where: str) -> Segment:
    npi = _get(obj, "npi", where)
    person = _get(obj, "entity_type", where, required=False) == "person" or bool(
        _get(obj, "last_name", where, required=False)
    )
    if person:
        return _person_nm1(entity, obj, where, "XX", "npi", npi)
    return _seg("NM1", entity, "2", _get(obj, "name", where), "", "", "", "", "XX", npi)


def _dmg(obj: Any, where: str) -> Segment:
    return _seg("DMG", "D8", _d8(_get(obj, "dob", where), f"{where}.dob"), _get(obj, "sex", where))


def _billing_level(claim: dict[str, Any], where: str) -> _Level:
    """2000A (HL*20, PRV*BI) and 2010AA (NM1*85, N3, N4, REF*EI or REF*SY)."""
    bp = claim.get("billing_provider")
    w = f"{where}.billing_provider"
    address = _address(
        bp.get("address") if isinstance(bp, dict) else None, f"{w}.address", required=True
    )
    tax_id = _get(bp, "tax_id", w)
    head: list[Segment] = []
    taxonomy = _get(bp, "taxonomy", w, required=False)
    if taxonomy:
        head.append(_seg("PRV", "BI", "PXC", taxonomy))
    ssn = _get(bp, "tax_id_type", w, required=False) == "ssn"
    head += [_provider_nm1("85", bp, w), *address, _seg("REF", "SY" if ssn else "EI", tax_id)]
    return _Level(_seg("HL", "0", "", "20", "1"), head)


def _subscriber_level(claim: dict[str, Any], where: str) -> _Level:
    """2000B (HL*22, SBR), 2010BA (NM1*IL, N3, N4, DMG) and 2010BB (NM1*PR)."""
    sub = claim.get("subscriber")
    w = f"{where}.subscriber"
    payer = claim.get("payer")
    pw = f"{where}.payer"
    self_pay = _is_self(claim)
    address = _address(
        sub.get("address") if isinstance(sub, dict) else None, f"{w}.address", required=self_pay
    )
    sbr = _seg(
        "SBR",
        _get(claim, "payer_responsibility", where, required=False) or "P",
        "18" if self_pay else "",
        _get(claim, "group_number", where, required=False),
        "",
        "",
        "",
        "",
        "",
        _get(claim, "filing_indicator", where, required=False) or "CI",
    )
    head = [sbr, _person_nm1("IL", sub, w, "MI", "member_id"), *address]
    if self_pay or (isinstance(sub, dict) and sub.get("dob")):
        head.append(_dmg(sub, w))
    head.append(
        _seg("NM1", "PR", "2", _get(payer, "name", pw), "", "", "", "", "PI", _get(payer, "id", pw))
    )
    return _Level(_seg("HL", "0", "0", "22", "0" if self_pay else "1"), head)


def _is_self(claim: dict[str, Any]) -> bool:
    """The patient is the subscriber: no patient given, relationship 18, or the same person."""
    patient = claim.get("patient")
    if not patient:
        return True
    if not isinstance(patient, dict):
        raise X12Error("patient must be an object")
    rel = str(patient.get("relationship", ""))
    return rel == "18" or (not rel and patient == claim.get("subscriber"))


def _patient_level(claim: dict[str, Any], where: str) -> _Level:
    """2000C (HL*23, PAT) and 2010CA (NM1*QC, N3, N4, DMG)."""
    pat = claim.get("patient")
    w = f"{where}.patient"
    rel = _get(pat, "relationship", w, required=False) or "19"
    address = _address(
        pat.get("address") if isinstance(pat, dict) else None, f"{w}.address", required=True
    )
    head = [_seg("PAT", rel), _person_nm1("QC", pat, w, "", "_none"), *address, _dmg(pat, w)]
    return _Level(_seg("HL", "0", "0", "23", "0"), head)


def _claim_loop(claim: dict[str, Any], where: str) -> list[Segment]:
    """2300 (CLM, REF*F8, REF*G1, HI), 2310B (NM1*82, PRV*PE) and the 2400 lines
    (LX, SV1, DTP*472)."""
    lines_in = claim.get("lines")
    if not isinstance(lines_in, list) or not lines_in:
        raise X12Error(f"{where}.lines must be a non-empty list")
    dx_in = claim.get("diagnoses")
    if not isinstance(dx_in, list) or not dx_in or not all(isinstance(d, str) for d in dx_in):
        raise X12Error(f"{where}.diagnoses must be a non-empty list of codes")
    if len(dx_in) > 12:
        raise X12Error(f"{where}.diagnoses: at most 12 on a professional claim")
    lines: list[Segment] = []
    total = Decimal(0)
    for n, line in enumerate(lines_in, start=1):
        lw = f"{where}.lines[{n - 1}]"
        charge = _money(line.get("charge") if isinstance(line, dict) else None, f"{lw}.charge")
        total += charge
        units = _money(line.get("units", "1"), f"{lw}.units")
        mods = line.get("modifiers") or []
        if not isinstance(mods, list) or len(mods) > 4:
            raise X12Error(f"{lw}.modifiers must be a list of at most 4 codes")
        ptrs = line.get("dx_pointers") or [1]
        if not isinstance(ptrs, list) or not 1 <= len(ptrs) <= 4:
            raise X12Error(f"{lw}.dx_pointers must list 1 to 4 diagnosis numbers")
        sv1 = _seg(
            "SV1",
            ("HC", _get(line, "procedure", lw), *(str(m) for m in mods)),
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
            _seg("DTP", "472", "RD8", f"{start}-{_d8(str(end), f'{lw}.service_date_end')}")
            if end
            else _seg("DTP", "472", "D8", start)
        )
        lines += [_seg("LX", str(n)), sv1, dtp]
    given = claim.get("total_charge")
    total_charge = _money(given, f"{where}.total_charge") if given not in (None, "") else total
    freq = _get(claim, "frequency_code", where, required=False) or "1"
    out = [
        _seg(
            "CLM",
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
    ]
    if freq in ("7", "8"):
        out.append(_seg("REF", "F8", _get(claim, "payer_claim_control_number", where)))
    prior = _get(claim, "prior_authorization", where, required=False)
    if prior:
        out.append(_seg("REF", "G1", prior))
    composites = [
        ("ABK" if i == 0 else "ABF", d.replace(".", "").strip().upper())
        for i, d in enumerate(dx_in)
    ]
    out.append(_seg("HI", *composites))
    rendering = claim.get("rendering_provider")
    if rendering:
        rw = f"{where}.rendering_provider"
        out.append(_provider_nm1("82", rendering, rw))
        taxonomy = _get(rendering, "taxonomy", rw, required=False)
        if taxonomy:
            out.append(_seg("PRV", "PE", "PXC", taxonomy))
    return out + lines


def _join(segments: list[Segment], component: str) -> list[Segment]:
    """Composites joined with the interchange's component separator."""
    for seg in segments:
        seg.elements = [e.replace(_COMPONENT, component) for e in seg.elements]
    return segments


def _component_separator(obj: dict[str, Any]) -> str:
    env = obj.get("envelope")
    delims = env.get("delimiters") if isinstance(env, dict) else None
    comp = delims.get("component") if isinstance(delims, dict) else None
    return comp if isinstance(comp, str) and comp else Delimiters().component


def build_837p(obj: dict[str, Any], *, now: datetime | None = None) -> Transaction837P:
    """The convenient JSON of one 837P transaction → a complete, placed 837P."""
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
    header = [
        _seg("ST", "837", ctl, VERSION),
        _seg(
            "BHT",
            "0019",
            "00",
            _get(obj, "reference", "transaction", required=False) or ctl,
            now.strftime("%Y%m%d"),
            now.strftime("%H%M"),
            "CH",
        ),
        _seg(
            "NM1",
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
        _seg(
            "PER",
            "IC",
            _get(sub, "contact_name", "submitter"),
            "EM" if not _get(sub, "phone", "submitter", required=False) else "TE",
            _get(sub, "phone", "submitter", required=False) or _get(sub, "email", "submitter"),
        ),
        _seg(
            "NM1",
            "40",
            "2",
            _get(rec, "name", "receiver"),
            "",
            "",
            "",
            "",
            "46",
            _get(rec, "id", "receiver"),
        ),
    ]
    billing: list[_Level] = []
    providers: dict[str, _Level] = {}
    subscribers: dict[tuple[str, str], _Level] = {}
    patients: dict[tuple[str, str, str], _Level] = {}
    # Group first (HL numbers must follow the written order), then number.
    for i, claim in enumerate(claims):
        where = f"claims[{i}]"
        if not isinstance(claim, dict):
            raise X12Error(f"{where} must be an object")
        bp_key = repr(claim.get("billing_provider"))
        bp = providers.get(bp_key)
        if bp is None:
            bp = providers[bp_key] = _billing_level(claim, where)
            billing.append(bp)
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
            sl = subscribers[sub_key] = _subscriber_level(claim, where)
            bp.children.append(sl)
        loop = _claim_loop(claim, where)
        if _is_self(claim):
            sl.claims.append(loop)
        else:
            pkey = (*sub_key, repr(claim.get("patient")))
            pl = patients.get(pkey)
            if pl is None or len(pl.claims) >= MAX_CLAIMS_PER_LEVEL:
                pl = patients[pkey] = _patient_level(claim, where)
                sl.children.append(pl)
            pl.claims.append(loop)
    hl = 0
    body: list[Segment] = []
    for bp in billing:
        hl += 1
        bp_id = hl
        bp.hl.elements[0] = str(bp_id)
        for sl in bp.children:
            hl += 1
            sub_id = hl
            sl.hl.elements[:2] = [str(sub_id), str(bp_id)]
            sl.hl.elements[3] = "1" if sl.children else "0"
            for pl in sl.children:
                hl += 1
                pl.hl.elements[:2] = [str(hl), str(sub_id)]
        body.extend(bp.segments())
    comp = _component_separator(obj)
    segments = _join([*header, *body, _seg("SE", "0", ctl)], comp)
    return parse(segments, Delimiters(component=comp))
