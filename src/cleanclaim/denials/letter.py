"""The appeal letter: a one-page PDF (reportlab) drafted from the claim's facts --
patient, dates, codes, billed, the denial reason, the payer's claim number -- for a
biller to sign and send to the payer's appeals address."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

__all__ = ["Facts", "draft"]


@dataclass(frozen=True)
class Facts:
    practice: str
    payer: str
    appeals_address: str
    patient: str
    date_of_birth: dt.date
    member_id: str
    claim_number: str
    payer_claim_number: str
    service_from: dt.date
    service_to: dt.date
    lines: Sequence[tuple[int, str, str, Decimal]]  # number, procedure+modifiers, date, charge
    billed: Decimal
    reason: str  # GROUP-CARC and its plain language
    remarks: Sequence[str]
    argument: str
    today: dt.date


def _paragraphs(text: str, width: int = 95) -> list[str]:
    out: list[str] = []
    for para in text.splitlines() or [""]:
        words, line = para.split(), ""
        for w in words:
            if line and len(line) + 1 + len(w) > width:
                out.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        out.append(line)
    return out


def draft(f: Facts) -> bytes:
    """The letter as PDF bytes."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=letter, invariant=True)
    c.setTitle(f"Appeal of claim {f.claim_number}")
    y = 10.3 * inch

    def line(text: str, *, bold: bool = False, gap: float = 14) -> None:
        nonlocal y
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
        c.drawString(0.9 * inch, y, text)
        y -= gap

    line(f.practice, bold=True)
    line(f.today.strftime("%B %d, %Y"), gap=22)
    line(f.payer)
    for text in f.appeals_address.splitlines():
        line(text)
    y -= 8
    line(f"Re: Request for reconsideration of claim {f.claim_number}", bold=True)
    line(f"Payer claim number: {f.payer_claim_number or '(none given)'}")
    line(f"Patient: {f.patient}   Date of birth: {f.date_of_birth:%m/%d/%Y}")
    line(f"Member id: {f.member_id}")
    line(f"Dates of service: {f.service_from:%m/%d/%Y} to {f.service_to:%m/%d/%Y}")
    line(f"Billed: ${f.billed}", gap=20)
    line("Services:", bold=True)
    for number, code, day, charge in f.lines:
        line(f"  line {number}: {code}  on {day}  ${charge}")
    y -= 6
    line(f"Denial reason: {f.reason}", bold=True)
    for r in f.remarks:
        line(f"  Remark: {r}")
    y -= 6
    body = (
        "We ask you to reconsider the denial of the services above. "
        + (f.argument.strip() or "The enclosed documentation supports the services as billed.")
        + " Please reprocess the claim and send the corrected remittance."
    )
    for text in _paragraphs(body):
        line(text)
    y -= 20
    line("Sincerely,")
    line(f"Billing office, {f.practice}")
    c.showPage()
    c.save()
    return buf.getvalue()
