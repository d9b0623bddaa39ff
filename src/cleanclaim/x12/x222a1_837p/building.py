"""Build an 837P from view :class:`~.view.Claim` objects, for programs that do not know X12.

:func:`build_837p` takes the claims (the shape :func:`~.view.claims` reads from an
837P and :func:`~.json.claim_from_json` reads from the JSON claim form), who submits
them (1000A) and who receives them (1000B), and writes one transaction::

    build_837p(
        [Claim(claim_id="A1", place_of_service="11", ...)],
        submitter=Submitter("ACME BILLING", "123456789", "JO", phone="5555550100"),
        receiver=Receiver("CLEARINGHOUSE", "CH01"),
        reference="BATCH0001", created=datetime(2026, 11, 27, 9, 30),
    )

The claims JSON (``{"transaction_set": "837", "submitter": ..., "claims": [...]}``,
see docs/x12-json.md) reaches it through :func:`~.json.from_json`: each claim is
read by ``claim_from_json``, the one reader of the JSON claim form.

Claims are grouped into the hierarchy the guide wants: one 2000A per billing
provider, one 2000B per subscriber, payer and SBR, a 2000C when the patient is
not the subscriber; HL numbers, LX numbers and (when absent) CLM02 are computed.
Every missing required field is an :class:`X12Error` naming it as the JSON form
does (``claims[0].billing_provider.npi is required``).

A line with an NDC gets its 2410 drug loop (``LIN**N4*<11 digits>``,
``CTP****<quantity>*<unit>``). A claim with ``other_payers`` gets its 2320/2330A/2330B
loops and a line with ``adjudications`` its 2430 loops (:mod:`.other_payers`); such a
claim must balance (CLM02 = AMT*D + CAS per prior payer; SV102 = SVD02 + CAS) or it is
refused with an ``X12Error`` naming the claim or line and the difference. What a
:class:`Claim` carries that is not written: a line's rendering NPI (2420A), a claim's
notes, position and loop; a provider's address other than the billing provider's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from ...money import MoneyError, format_money, parse_money
from .._errors import X12Error
from .._segments import Delimiters, Segment
from .other_payers import adjudication_segments, check_balance, other_payer_segments
from .parsing import Transaction837P, parse
from .view import Address, Claim, Party, Person, ServiceLine

__all__ = ["Receiver", "Submitter", "build_837p"]

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


@dataclass(frozen=True, slots=True)
class Submitter:
    """1000A: who sends the claims (NM1*41 NM103 name, NM109 ID; PER*IC contact with
    a phone, PER04 ``TE``, or else an email, ``EM``)."""

    name: str
    id: str
    contact_name: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class Receiver:
    """1000B: who receives them (NM1*40 NM103 name, NM109 ID)."""

    name: str
    id: str


def _req(value: str | None, where: str) -> str:
    """A required value, stripped; ``X12Error("<where> is required")`` when empty."""
    text = (value or "").strip()
    if not text:
        raise X12Error(f"{where} is required")
    return text


def _d8(value: str | None, where: str) -> str:
    """A date (``YYYY-MM-DD`` or ``YYYYMMDD``) as DTP/DMG ``D8`` text (CCYYMMDD)."""
    v = _req(value, where).replace("-", "")
    if len(v) != 8 or not v.isdigit():
        raise X12Error(f"{where} {value!r} is not a date (YYYY-MM-DD)")
    return v


def _address(a: Address | None, where: str, *, required: bool) -> list[Segment]:
    """N3 (address lines) and N4 (city, state, ZIP without its dash, country) of an
    address; none when absent and not required."""
    if a is None:
        if required:
            raise X12Error(f"{where} is required")
        return []
    return [
        _seg("N3", _req(a.line1, f"{where}.line1"), a.line2.strip()),
        _seg(
            "N4",
            _req(a.city, f"{where}.city"),
            _req(a.state, f"{where}.state"),
            _req(a.zip, f"{where}.zip").replace("-", ""),
            a.country.strip(),
        ),
    ]


def _person_nm1(
    entity: str, last: str, first: str, middle: str, name: str, where: str, id_qual: str, ident: str
) -> Segment:
    """NM1 of a person (NM102 ``1``): NM103 last, NM104 first, NM105 middle, NM108/NM109
    the ID when there is one; the last and first names from ``name`` as ``LAST, FIRST``
    when not given apart."""
    if last.strip():
        return _seg(
            "NM1",
            entity,
            "1",
            last.strip(),
            first.strip(),
            middle.strip(),
            "",
            "",
            id_qual if ident else "",
            ident,
        )
    if "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
        return _seg("NM1", entity, "1", last, first, "", "", "", id_qual if ident else "", ident)
    if not name.strip():
        raise X12Error(f"{where}.name is required")
    raise X12Error(f"{where}: give last_name and first_name (or name as 'LAST, FIRST')")


def _provider_nm1(entity: str, p: Party, where: str) -> Segment:
    """NM1 of a provider, its NPI in NM109 (NM108 ``XX``): a person when ``entity_type``
    says so or a last name is given, else an organisation (NM102 ``2``, NM103 name)."""
    npi = _req(p.npi, f"{where}.npi")
    if p.entity_type == "person" or p.last_name.strip():
        return _person_nm1(entity, p.last_name, p.first_name, "", p.name, where, "XX", npi)
    return _seg("NM1", entity, "2", _req(p.name, f"{where}.name"), "", "", "", "", "XX", npi)


def _subject_nm1(entity: str, p: Person, where: str, id_qual: str, ident: str) -> Segment:
    return _person_nm1(
        entity, p.last_name, p.first_name, p.middle_name, p.name, where, id_qual, ident
    )


def _dmg(p: Person, where: str) -> Segment:
    """DMG: DMG02 date of birth (DMG01 ``D8``), DMG03 sex."""
    return _seg("DMG", "D8", _d8(p.dob, f"{where}.dob"), _req(p.sex, f"{where}.sex"))


def _billing_level(c: Claim, where: str) -> _Level:
    """2000A (HL*20, PRV*BI) and 2010AA (NM1*85, N3, N4, REF*EI or REF*SY)."""
    bp = c.billing_provider
    w = f"{where}.billing_provider"
    address = _address(bp.address, f"{w}.address", required=True)
    tax_id = _req(bp.tax_id, f"{w}.tax_id")
    head: list[Segment] = []
    if bp.taxonomy.strip():
        head.append(_seg("PRV", "BI", "PXC", bp.taxonomy.strip()))
    ref01 = "SY" if bp.tax_id_type == "ssn" else "EI"
    head += [_provider_nm1("85", bp, w), *address, _seg("REF", ref01, tax_id)]
    return _Level(_seg("HL", "0", "", "20", "1"), head)


def _is_self(c: Claim) -> bool:
    """The patient is the subscriber: no patient given, relationship 18, or the same person."""
    pat = c.patient
    if pat == Person():
        return True
    return pat.relationship == "18" or (not pat.relationship and pat == c.subscriber)


def _sbr(c: Claim, self_pay: bool) -> Segment:
    """SBR: SBR01 payer responsibility (default ``P``), SBR02 ``18`` when the patient is
    the subscriber, SBR03 group number, SBR09 claim filing indicator (default ``CI``)."""
    return _seg(
        "SBR",
        c.payer_responsibility.strip() or "P",
        "18" if self_pay else "",
        c.group_number.strip(),
        "",
        "",
        "",
        "",
        "",
        c.filing_indicator.strip() or "CI",
    )


def _subscriber_level(c: Claim, where: str) -> _Level:
    """2000B (HL*22, SBR), 2010BA (NM1*IL, N3, N4, DMG) and 2010BB (NM1*PR)."""
    sub = c.subscriber
    w = f"{where}.subscriber"
    pw = f"{where}.payer"
    self_pay = _is_self(c)
    address = _address(sub.address, f"{w}.address", required=self_pay)
    head = [_sbr(c, self_pay), _subject_nm1("IL", sub, w, "MI", sub.member_id.strip()), *address]
    if self_pay or sub.dob:
        head.append(_dmg(sub, w))
    head.append(
        _seg(
            "NM1",
            "PR",
            "2",
            _req(c.payer.name, f"{pw}.name"),
            "",
            "",
            "",
            "",
            "PI",
            _req(c.payer.id, f"{pw}.id"),
        )
    )
    return _Level(_seg("HL", "0", "0", "22", "0" if self_pay else "1"), head)


def _patient_level(c: Claim, where: str) -> _Level:
    """2000C (HL*23, PAT01 relationship, default ``19``) and 2010CA (NM1*QC, N3, N4, DMG)."""
    pat = c.patient
    w = f"{where}.patient"
    address = _address(pat.address, f"{w}.address", required=True)
    head = [
        _seg("PAT", pat.relationship.strip() or "19"),
        _subject_nm1("QC", pat, w, "", ""),
        *address,
        _dmg(pat, w),
    ]
    return _Level(_seg("HL", "0", "0", "23", "0"), head)


def _money(value: Decimal | None, where: str) -> Decimal:
    try:
        return parse_money(value, what=where)
    except MoneyError as exc:
        raise X12Error(str(exc)) from exc


#: CTP05-1 units of measure of a drug (005010X222A1 loop 2410)
NDC_UNITS = ("F2", "GR", "ME", "ML", "UN")


def _drug(line: ServiceLine, lw: str) -> list[Segment]:
    """Loop 2410 of a line with an NDC: LIN (LIN02 ``N4``, LIN03 the NDC in 5-4-2 form,
    11 digits without hyphens) and CTP (CTP04 quantity, CTP05-1 unit, default ``UN``)."""
    ndc = line.ndc.strip().replace("-", "")
    if not ndc:
        return []
    if len(ndc) != 11 or not ndc.isdigit():
        raise X12Error(f"{lw}.ndc {line.ndc!r} is not an 11-digit NDC (5-4-2)")
    if line.ndc_quantity is None:
        raise X12Error(f"{lw}.ndc_quantity is required with an NDC")
    qty = _money(line.ndc_quantity, f"{lw}.ndc_quantity")
    if qty <= 0:
        raise X12Error(f"{lw}.ndc_quantity must be more than 0")
    if qty != qty.quantize(Decimal("0.001")):
        raise X12Error(f"{lw}.ndc_quantity {line.ndc_quantity} has more than 3 decimals")
    unit = line.ndc_unit.strip().upper() or "UN"
    if unit not in NDC_UNITS:
        raise X12Error(f"{lw}.ndc_unit {line.ndc_unit!r} is not one of {', '.join(NDC_UNITS)}")
    return [
        _seg("LIN", "", "N4", ndc),
        _seg("CTP", "", "", "", format(qty.normalize(), "f"), (unit,)),
    ]


def _service_line(line: ServiceLine, n: int, pos: str, lw: str) -> tuple[Decimal, list[Segment]]:
    """One 2400 loop: LX (LX01 numbered from 1), SV1 (SV101 qualifier, default ``HC``,
    procedure, modifiers and description; SV102 charge; SV103 unit, default ``UN``;
    SV104 units, default 1; SV105 place of service only when it differs from CLM05-1,
    as the guide asks; SV107 diagnosis pointers, default 1), DTP*472 (D8 or RD8) and,
    for a drug line, loop 2410 (:func:`_drug`)."""
    charge = _money(line.charge, f"{lw}.charge")
    units = _money(line.units if line.units is not None else Decimal(1), f"{lw}.units")
    if len(line.modifiers) > 4:
        raise X12Error(f"{lw}.modifiers must be a list of at most 4 codes")
    if line.raw_pointers:
        raise X12Error(f"{lw}.dx_pointers must list 1 to 4 diagnosis numbers")
    ptrs = line.dx_pointers or [1]
    if not 1 <= len(ptrs) <= 4:
        raise X12Error(f"{lw}.dx_pointers must list 1 to 4 diagnosis numbers")
    mods = [m.strip() for m in line.modifiers]
    sv101: tuple[str, ...] = (
        line.qualifier.strip() or "HC",
        _req(line.procedure, f"{lw}.procedure"),
        *mods,
    )
    if line.description.strip():
        sv101 = (*sv101, *[""] * (4 - len(mods)), line.description.strip())
    line_pos = line.place_of_service.strip()
    sv1 = _seg(
        "SV1",
        sv101,
        format_money(charge),
        line.unit_code.strip() or "UN",
        format_money(units),
        line_pos if line_pos != pos else "",
        "",
        tuple(str(p) for p in ptrs),
    )
    start = _d8(line.service_date, f"{lw}.service_date")
    dtp = (
        _seg("DTP", "472", "RD8", f"{start}-{_d8(line.service_date_end, f'{lw}.service_date_end')}")
        if line.service_date_end
        else _seg("DTP", "472", "D8", start)
    )
    adjudicated = [
        s
        for j, a in enumerate(line.adjudications)
        for s in adjudication_segments(_seg, a, f"{lw}.adjudications[{j}]")
    ]
    return charge, [_seg("LX", str(n)), sv1, dtp, *_drug(line, lw), *adjudicated]


def _claim_loop(c: Claim, where: str) -> list[Segment]:
    """2300 (CLM, REF*F8, REF*G1, HI), 2310A (NM1*DN), 2310B (NM1*82, PRV*PE) and the
    2400 lines.

    CLM: CLM01 claim ID, CLM02 total (the lines' sum when not given), CLM05 place of
    service, ``B``, frequency (CLM05-3, default ``1``), CLM06 ``Y``, CLM07 assignment
    (default ``A``), CLM08 ``Y``, CLM09 ``Y``; REF*F8 the payer's claim control number
    (required for frequency 7 and 8); HI the diagnoses without dots (HI01-1 ``ABK``, then
    ``ABF``, or the claim's own qualifiers)."""
    if not c.lines:
        raise X12Error(f"{where}.lines must be a non-empty list")
    if not c.diagnoses or not all(d.strip() for d in c.diagnoses):
        raise X12Error(f"{where}.diagnoses must be a non-empty list of codes")
    if len(c.diagnoses) > 12:
        raise X12Error(f"{where}.diagnoses: at most 12 on a professional claim")
    pos = _req(c.place_of_service, f"{where}.place_of_service")
    lines: list[Segment] = []
    total = Decimal(0)
    for n, line in enumerate(c.lines, start=1):
        charge, segs = _service_line(line, n, pos, f"{where}.lines[{n - 1}]")
        total += charge
        lines += segs
    given = c.total_charge
    total_charge = total if given is None else _money(given, f"{where}.total_charge")
    if c.other_payers or any(line.adjudications for line in c.lines):
        charges = [(_money(ln.charge, where), ln.adjudications) for ln in c.lines]
        check_balance(total_charge, c.other_payers, charges, where)
    freq = c.frequency_code.strip() or "1"
    out = [
        _seg(
            "CLM",
            _req(c.claim_id, f"{where}.claim_id"),
            format_money(total_charge),
            "",
            "",
            (pos, "B", freq),
            "Y",
            c.assignment.strip() or "A",
            "Y",
            "Y",
        )
    ]
    if freq in ("7", "8"):
        control = _req(c.payer_claim_control_number, f"{where}.payer_claim_control_number")
        out.append(_seg("REF", "F8", control))
    if c.prior_authorization.strip():
        out.append(_seg("REF", "G1", c.prior_authorization.strip()))
    quals = c.diagnosis_qualifiers
    out.append(
        _seg(
            "HI",
            *(
                (
                    quals[i] if i < len(quals) and quals[i] else ("ABK" if i == 0 else "ABF"),
                    d.replace(".", "").strip().upper(),
                )
                for i, d in enumerate(c.diagnoses)
            ),
        )
    )
    referring = c.referring_provider
    if referring is not None and referring != Party():
        rf = f"{where}.referring_provider"
        npi = referring.npi.strip()
        nm1 = _person_nm1(
            "DN", referring.last_name, referring.first_name, "", referring.name, rf, "XX", npi
        )
        out.append(nm1)
    rendering = c.rendering_provider
    if rendering is not None and rendering != Party():
        rw = f"{where}.rendering_provider"
        out.append(_provider_nm1("82", rendering, rw))
        if rendering.taxonomy.strip():
            out.append(_seg("PRV", "PE", "PXC", rendering.taxonomy.strip()))
    for k, other in enumerate(c.other_payers):
        out += other_payer_segments(_seg, other, f"{where}.other_payers[{k}]")
    return out + lines


def _join(segments: list[Segment], component: str) -> list[Segment]:
    """Composites joined with the interchange's component separator."""
    for seg in segments:
        seg.elements = [e.replace(_COMPONENT, component) for e in seg.elements]
    return segments


def _header(
    submitter: Submitter, receiver: Receiver, ctl: str, reference: str, now: datetime
) -> list[Segment]:
    """ST (ST03 the guide's version), BHT (BHT01 ``0019``, BHT02 ``00`` original, BHT03
    reference, BHT04/05 creation date and time, BHT06 ``CH`` chargeable), 1000A and 1000B."""
    phone = submitter.phone.strip()
    return [
        _seg("ST", "837", ctl, VERSION),
        _seg(
            "BHT",
            "0019",
            "00",
            reference or ctl,
            now.strftime("%Y%m%d"),
            now.strftime("%H%M"),
            "CH",
        ),
        _seg(
            "NM1",
            "41",
            "2",
            _req(submitter.name, "submitter.name"),
            "",
            "",
            "",
            "",
            "46",
            _req(submitter.id, "submitter.id"),
        ),
        _seg(
            "PER",
            "IC",
            _req(submitter.contact_name, "submitter.contact_name"),
            "TE" if phone else "EM",
            phone or _req(submitter.email, "submitter.email"),
        ),
        _seg(
            "NM1",
            "40",
            "2",
            _req(receiver.name, "receiver.name"),
            "",
            "",
            "",
            "",
            "46",
            _req(receiver.id, "receiver.id"),
        ),
    ]


def build_837p(
    claims: Sequence[Claim],
    *,
    submitter: Submitter,
    receiver: Receiver,
    control_number: str = "0001",
    reference: str = "",
    created: datetime | None = None,
    component: str = "",
) -> Transaction837P:
    """The claims as one complete, placed 837P transaction (ST02 ``control_number``
    padded to 4 digits, BHT03 ``reference`` or the control number, BHT04/05
    ``created`` or now); composites joined with ``component`` (default ``:``)."""
    if not claims:
        raise X12Error("claims must be a non-empty list")
    now = created or datetime.now()
    ctl = (control_number.strip() or "0001").rjust(4, "0")
    header = _header(submitter, receiver, ctl, reference.strip(), now)
    billing: list[_Level] = []
    providers: dict[str, _Level] = {}
    subscribers: dict[tuple[str, str], _Level] = {}
    patients: dict[tuple[str, str, str], _Level] = {}
    # Group first (HL numbers must follow the written order), then number.
    for i, claim in enumerate(claims):
        where = f"claims[{i}]"
        bp_key = repr(claim.billing_provider)
        bp = providers.get(bp_key)
        if bp is None:
            bp = providers[bp_key] = _billing_level(claim, where)
            billing.append(bp)
        self_pay = _is_self(claim)
        sub_key = (
            bp_key,
            repr((claim.subscriber, claim.payer, _sbr(claim, self_pay).elements)),
        )
        sl = subscribers.get(sub_key)
        if sl is None or len(sl.claims) >= MAX_CLAIMS_PER_LEVEL:
            # 2300 repeats at most 100 times under one 2000B/2000C: open another level.
            sl = subscribers[sub_key] = _subscriber_level(claim, where)
            bp.children.append(sl)
        loop = _claim_loop(claim, where)
        if self_pay:
            sl.claims.append(loop)
        else:
            pkey = (*sub_key, repr(claim.patient))
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
    comp = component or Delimiters().component
    segments = _join([*header, *body, _seg("SE", "0", ctl)], comp)
    return parse(segments, Delimiters(component=comp))
