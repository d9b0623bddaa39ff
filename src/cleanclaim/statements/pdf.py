"""A statement as PDF (reportlab): the practice's heading, the account, each visit's
figures, aging, amount due, the practice's message, how to pay, and a remittance stub
to tear off and mail back with the payment."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from cleanclaim.statements.models import Statement

__all__ = ["render"]

_COLUMNS = (
    ("Date", 40),
    ("Description", 100),
    ("Charges", 300),
    ("Ins. paid", 355),
    ("Adjust.", 410),
    ("Your share", 460),
    ("Paid", 515),
    ("Balance", 565),
)
#: the description column's width in points: it ends before the widest charge figure
DESCRIPTION_WIDTH = 150.0
_AGING = (("current", "Current"), ("31_60", "31-60"), ("61_90", "61-90"), ("over_90", "90+"))


def _fit(text: str, width: float, font: str = "Helvetica", size: float = 8) -> str:
    """``text`` cut (with an ellipsis) to ``width`` points, so it never runs into the
    figures beside it."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def render(statement: Statement, message: str, how_to_pay: str) -> bytes:
    data: dict[str, Any] = statement.data
    practice = statement.practice
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=LETTER, invariant=True)
    c.setTitle(f"Statement {statement.cycle} {data.get('account', '')}")
    width, height = LETTER
    y = height - 50
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, y, practice.legal_name or practice.name)
    c.setFont("Helvetica", 9)
    for text in (
        practice.address_line1,
        f"{practice.city}, {practice.state} {practice.zip_code}",
        f"Phone: {practice.phone}" if practice.phone else "",
    ):
        if text:
            y -= 12
            c.drawString(40, y, text)
    c.setFont("Helvetica-Bold", 12)
    c.drawRightString(width - 40, height - 50, "STATEMENT")
    c.setFont("Helvetica", 9)
    c.drawRightString(width - 40, height - 64, f"Statement date: {statement.statement_date}")
    c.drawRightString(width - 40, height - 76, f"Account: {data.get('account', '')}")
    to = data.get("to", {})
    y -= 28
    for text in (
        to.get("name", ""),
        to.get("address_line1", ""),
        to.get("address_line2", ""),
        f"{to.get('city', '')}, {to.get('state', '')} {to.get('zip_code', '')}",
    ):
        if text:
            c.drawString(40, y, text)
            y -= 12
    y -= 16
    c.setFont("Helvetica-Bold", 8)
    for title, x in _COLUMNS:
        if x < 300:
            c.drawString(x, y, title)
        else:
            c.drawRightString(x, y, title)
    c.setFont("Helvetica", 8)
    for visit in data.get("visits", []):
        y -= 13
        if y < 230:
            c.showPage()
            c.setFont("Helvetica", 8)
            y = height - 50
        c.drawString(40, y, visit["date"])
        c.drawString(100, y, _fit(visit["description"], DESCRIPTION_WIDTH))
        if visit.get("patient"):  # whose visit, under it (a guarantor's statement lists many)
            y -= 9
            c.setFont("Helvetica", 7)
            c.drawString(100, y, _fit(visit["patient"], DESCRIPTION_WIDTH))
            c.setFont("Helvetica", 8)
            y += 9
        for key, (_, x) in zip(
            ("charges", "insurance_paid", "adjustments", "patient_responsibility", "payments"),
            _COLUMNS[2:7],
            strict=True,
        ):
            c.drawRightString(x, y, visit[key])
        c.drawRightString(565, y, visit["balance"])
        if visit.get("patient"):
            y -= 9
    y -= 26
    c.setFont("Helvetica-Bold", 9)
    c.drawString(40, y, "Aging")
    aging = data.get("aging", {})
    for n, (key, title) in enumerate(_AGING):
        c.setFont("Helvetica", 8)
        c.drawString(100 + n * 90, y, f"{title}: {aging.get(key, '0.00')}")
    y -= 20
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, y, f"Amount due: ${statement.amount_due}")
    c.setFont("Helvetica", 9)
    for text in (message, f"How to pay: {how_to_pay}" if how_to_pay else ""):
        if text:
            y -= 16
            c.drawString(40, y, text[:110])
    _stub(c, statement, data)
    c.save()
    return buf.getvalue()


def _stub(c: Canvas, statement: Statement, data: dict[str, Any]) -> None:
    """The remittance stub at the foot of the page, below a cut line."""
    width, _ = LETTER
    c.setDash(3, 3)
    c.line(30, 150, width - 30, 150)
    c.setDash()
    c.setFont("Helvetica", 7)
    c.drawString(40, 154, "Please detach and return this part with your payment")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, 130, "Remittance")
    c.setFont("Helvetica", 9)
    c.drawString(40, 115, f"Account: {data.get('account', '')}")
    c.drawString(40, 102, f"Statement date: {statement.statement_date}")
    c.drawString(40, 89, f"Amount due: ${statement.amount_due}")
    c.drawString(40, 70, "Amount enclosed: $____________")
    practice = statement.practice
    c.drawString(330, 115, "Make payable to and mail to:")
    c.drawString(330, 102, practice.legal_name or practice.name)
    c.drawString(330, 89, practice.address_line1)
    c.drawString(330, 76, f"{practice.city}, {practice.state} {practice.zip_code}")
