"""Render CMS-1500 (02/12) claims as one PDF (reportlab).

Two modes:

* ``red-form``: only the data, at the boxes' coordinates (:mod:`.layout`), for the
  pre-printed red OCR forms; the alignment offset moves the data to meet the form.
* ``plain``: the form itself (box outlines, shaded service lines and labels, drawn
  here) with the data, for plain paper; the offset moves the whole page.

A claim with more than six service lines continues on further pages: every page
repeats the claim's other items, item 28 shows ``CONTINUED`` on all pages but the last,
which carries the total (the manual, item 28 and item 24: six lines per page).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .claim import DIAGNOSIS_LETTERS, Address, Cms1500Claim, Cms1500Line, check, total_charge
from .layout import (
    BASELINE_PT,
    COLUMN_PT,
    FIELDS,
    FIRST_SERVICE_LINE,
    FORM_BOXES,
    LINES_PER_PAGE,
    PAGE_HEIGHT_PT,
    PAGE_WIDTH_PT,
    SERVICE_COLUMNS,
    Field,
    line_field,
    x_pt,
    y_pt,
)

__all__ = ["Mode", "pages_of", "render"]

Mode = Literal["red-form", "plain"]
MODES: tuple[Mode, ...] = ("red-form", "plain")
FONT = "Courier"
#: Text starts this far right of its column's edge, clear of the box's outline.
TEXT_PAD_PT = 1.2


def pages_of(claim: Cms1500Claim) -> list[Sequence[Cms1500Line]]:
    """The claim's service lines, six per page."""
    lines = list(claim.lines)
    return [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]


def _mmddyyyy(d: dt.date) -> tuple[str, str, str]:
    """Items 3 and 11a: the 8-digit birth date, MM | DD | YYYY (the manual)."""
    return f"{d.month:02d}", f"{d.day:02d}", f"{d.year:04d}"


def _mmddyy(d: dt.date) -> tuple[str, str, str]:
    """Items 14 and 24A: the 6-digit date, MM | DD | YY (the manual allows 6 or 8
    digits; the 6-digit form fits the columns between the dotted lines)."""
    return f"{d.month:02d}", f"{d.day:02d}", f"{d.year % 100:02d}"


def _dollars_cents(amount: Decimal) -> tuple[str, str]:
    """Items 24F, 28, 29: dollars and cents in their own columns, no decimal point, no
    dollar sign, no commas; ``00`` cents for a whole amount (the manual)."""
    q = amount.quantize(Decimal("0.01"))
    whole, _, cents = format(q, "f").partition(".")
    return whole, cents


def _units(units: Decimal) -> str:
    """24G: whole units as a number; a fraction with its decimal point (the manual)."""
    if units == units.to_integral_value():
        return str(int(units))
    return format(units.normalize(), "f")


def _qty(q: Decimal) -> str:
    return format(q.normalize(), "f") if q != q.to_integral_value() else str(int(q))


def _city(a: Address) -> str:
    return " ".join(p for p in (a.city + ("," if a.city and a.state else ""), a.state, a.zip) if p)


class _Page:
    """One page being written: places text in fields (cut to their width)."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas

    def put(self, f: Field, text: str) -> None:
        text = "".join(ch if ch.isprintable() else " " for ch in text).upper()[: f.width].rstrip()
        if not text.strip():
            return
        col = f.col + (f.width - len(text) if f.align == "right" else 0)
        self.c.setFont(FONT, f.size)
        # Courier is 0.6 em wide: spacing brings any size to the 10-per-inch grid.
        self.c.drawString(
            x_pt(col) + TEXT_PAD_PT,
            y_pt(f.line) + BASELINE_PT,
            text,
            charSpace=COLUMN_PT - 0.6 * f.size,
        )

    def field(self, name: str, text: str) -> None:
        self.put(FIELDS[name], text)

    def check(self, name: str, on: bool = True) -> None:
        if on:
            self.field(name, "X")


def _address(p: _Page, box: str, a: Address) -> None:
    p.field(f"{box}.street", a.street)
    p.field(f"{box}.city", a.city)
    p.field(f"{box}.state", a.state)
    p.field(f"{box}.zip", a.zip)
    phone = "".join(ch for ch in a.phone if ch.isdigit())
    if len(phone) == 10:
        p.field(f"{box}.area", phone[:3])
        p.field(f"{box}.phone", f"{phone[3:6]} {phone[6:]}")


def _yes_no(p: _Page, box: str, value: bool | None) -> None:
    if value is not None:
        p.check(f"{box}.yes" if value else f"{box}.no")


def _claim_items(p: _Page, claim: Cms1500Claim) -> None:
    """Every item but 24 and 28, the same on each page of the claim."""
    p.field("payer_name", claim.payer_name)
    p.field("payer_street", claim.payer_address.street)
    p.field("payer_city", _city(claim.payer_address))
    p.check(f"1.{claim.insurance_type}")
    p.field("1a", claim.insured_id)
    p.field("2", claim.patient_name)
    if claim.patient_birth_date is not None:
        for part, text in zip(
            ("mm", "dd", "yyyy"), _mmddyyyy(claim.patient_birth_date), strict=True
        ):
            p.field(f"3.{part}", text)
    if claim.patient_sex:
        p.check(f"3.{claim.patient_sex.lower()}")
    p.field("4", claim.insured_name)
    _address(p, "5", claim.patient_address)
    p.check(f"6.{claim.relationship}")
    _address(p, "7", claim.insured_address)
    p.field("9", claim.other_insured_name)
    p.field("9a", claim.other_insured_policy)
    p.field("9d", claim.other_insured_plan)
    _yes_no(p, "10a", claim.employment_related)
    _yes_no(p, "10b", claim.auto_accident)
    p.field("10b.state", claim.auto_accident_state)
    _yes_no(p, "10c", claim.other_accident)
    p.field("11", claim.insured_group)
    if claim.insured_birth_date is not None:
        for part, text in zip(
            ("mm", "dd", "yyyy"), _mmddyyyy(claim.insured_birth_date), strict=True
        ):
            p.field(f"11a.{part}", text)
    if claim.insured_sex:
        p.check(f"11a.{claim.insured_sex.lower()}")
    p.field("11c", claim.insured_plan)
    _yes_no(p, "11d", claim.another_plan)
    # 12, 13: "Signature on File" / "SOF" when the signature is kept (the manual)
    if claim.patient_signature_on_file:
        p.field("12", "SIGNATURE ON FILE")
    if claim.insured_signature_on_file:
        p.field("13", "SIGNATURE ON FILE")
    if claim.illness_date is not None:
        for part, text in zip(("mm", "dd", "yy"), _mmddyy(claim.illness_date), strict=True):
            p.field(f"14.{part}", text)
        p.field("14.qual", claim.illness_qualifier)
    p.field("17.qual", claim.referring_qualifier)
    p.field("17", claim.referring_name)
    p.field("17b", claim.referring_npi)
    p.field("19", claim.additional_info)
    p.field("21.ind", claim.icd_indicator)
    for letter, code in zip(DIAGNOSIS_LETTERS, claim.diagnoses, strict=False):
        p.field(f"21.{letter}", code.replace(".", ""))  # no period (IOM 100-04 ch. 26)
    p.field("22.code", claim.resubmission_code)
    p.field("22.ref", claim.original_reference)
    p.field("23", claim.prior_authorization)
    p.field("25", claim.tax_id)
    if claim.tax_id:
        p.check("25.ssn" if claim.tax_id_is_ssn else "25.ein")
    p.field("26", claim.patient_account)
    _yes_no(p, "27", claim.accept_assignment)
    if claim.amount_paid is not None:
        dollars, cents = _dollars_cents(claim.amount_paid)
        p.field("29.dollars", dollars)
        p.field("29.cents", cents)
    p.field("31", claim.physician_signature)
    if claim.signature_date is not None:
        p.field("31.date", " ".join(_mmddyy(claim.signature_date)))
    p.field("32.name", claim.facility_name)
    p.field("32.street", claim.facility_address.street)
    p.field("32.city", _city(claim.facility_address))
    p.field("32a", claim.facility_npi)
    phone = "".join(ch for ch in claim.billing_address.phone if ch.isdigit())
    if len(phone) == 10:
        p.field("33.area", phone[:3])
        p.field("33.phone", f"{phone[3:6]} {phone[6:]}")
    p.field("33.name", claim.billing_name)
    p.field("33.street", claim.billing_address.street)
    p.field("33.city", _city(claim.billing_address))
    p.field("33a", claim.billing_npi)


def _service_line(p: _Page, k: int, line: Cms1500Line) -> None:
    """Item 24, line ``k`` of the page: the shaded supplemental line (NDC: qualifier N4
    and the 11-digit code with no space between, three spaces, then the unit qualifier
    and quantity; the manual, item 24 supplemental information) and the service line."""
    if line.ndc:
        qty = _qty(line.ndc_quantity) if line.ndc_quantity is not None else ""
        p.put(line_field("24.supplemental", k), f"N4{line.ndc}   {line.ndc_unit}{qty}".rstrip())
    start = line.date_from
    end = line.date_to or line.date_from  # the manual: re-enter "From" for one date
    for which, d in (("from", start), ("to", end)):
        for part, text in zip(("mm", "dd", "yy"), _mmddyy(d), strict=True):
            p.put(line_field(f"24A.{which}.{part}", k), text)
    p.put(line_field("24B", k), line.place_of_service)
    p.put(line_field("24C", k), "Y" if line.emergency else "")
    p.put(line_field("24D", k), line.procedure)
    for i, modifier in enumerate(line.modifiers[:4], start=1):
        p.put(line_field(f"24D.mod{i}", k), modifier)
    p.put(line_field("24E", k), line.pointers)
    dollars, cents = _dollars_cents(line.charge)
    p.put(line_field("24F.dollars", k), dollars)
    p.put(line_field("24F.cents", k), cents)
    p.put(line_field("24G", k), _units(line.units))
    p.put(line_field("24J", k), line.rendering_npi)


def _draw_form(c: Canvas) -> None:
    """The plain-paper form: outlines, shaded supplemental lines and labels."""
    c.saveState()
    c.setLineWidth(0.6)
    c.setStrokeColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(x_pt(1), y_pt(5) + BASELINE_PT, "HEALTH INSURANCE CLAIM FORM")
    c.setFont("Helvetica", 6)
    c.drawString(
        x_pt(1), y_pt(6) + BASELINE_PT, "APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12"
    )
    c.drawString(x_pt(41), y_pt(1) + BASELINE_PT, "CARRIER")
    for box in FORM_BOXES:
        x0, x1 = x_pt(box.col0), x_pt(box.col1)
        y0, y1 = y_pt(box.line1), y_pt(box.line0 - 1)
        if box.shade:
            c.setFillColorRGB(0.9, 0.9, 0.9)
            c.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        c.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
        if box.label:
            c.setFont("Helvetica", 5)
            c.drawString(x0 + 1.5, y1 - 5.5, box.label)
    top, bottom = y_pt(FIRST_SERVICE_LINE - 2), y_pt(FIRST_SERVICE_LINE + 2 * LINES_PER_PAGE - 1)
    for col in SERVICE_COLUMNS:
        c.line(x_pt(col), bottom, x_pt(col), top)
    # the dotted lines between dollars and cents (24F, 28, 29)
    c.setDash(1, 2)
    for col, line0, line1 in ((55, 41, 54), (57, 55, 56), (67, 55, 56)):
        c.line(x_pt(col) + COLUMN_PT / 2, y_pt(line1), x_pt(col) + COLUMN_PT / 2, y_pt(line0 - 1))
    c.restoreState()


def render(
    claims: Sequence[Cms1500Claim],
    *,
    mode: Mode = "red-form",
    offset: tuple[float, float] = (0.0, 0.0),
) -> bytes:
    """Every claim as pages of one PDF. ``offset`` is (dx, dy) in millimetres: positive
    dx moves the print right, positive dy moves it down. Each claim is checked first
    (:func:`~.claim.check`): a problem raises :class:`~.claim.Cms1500Error` naming
    the box, and nothing is rendered."""
    if mode not in MODES:
        raise ValueError(f"mode {mode!r} is not one of {', '.join(MODES)}")
    dx, dy = offset
    if not claims:
        raise ValueError("no claims to render")
    for claim in claims:
        check(claim)
    out = io.BytesIO()
    c = Canvas(out, pagesize=(PAGE_WIDTH_PT, PAGE_HEIGHT_PT), invariant=1, pageCompression=0)
    c.setTitle("CMS-1500 (02/12) claims")
    c.setCreator("cleanclaim")
    for claim in claims:
        pages = pages_of(claim)
        for n, lines in enumerate(pages, start=1):
            c.saveState()
            c.translate(dx * mm, -dy * mm)
            if mode == "plain":
                _draw_form(c)
            c.setFillColorRGB(0, 0, 0)
            p = _Page(c)
            _claim_items(p, claim)
            for k, line in enumerate(lines):
                _service_line(p, k, line)
            if n < len(pages):
                p.field("28.continued", "CONTINUED")
            else:
                dollars, cents = _dollars_cents(total_charge(claim))
                p.field("28.dollars", dollars)
                p.field("28.cents", cents)
            c.restoreState()
            c.showPage()
    c.save()
    return out.getvalue()
