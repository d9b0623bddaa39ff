"""Money is parsed by ``cleanclaim/money.py`` only: no other module of the product
catches ``decimal.InvalidOperation``, the mark of a second amount parser (text that
is not a number raises it; a parser that does not catch it lets a traceback out)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "cleanclaim"

#: Modules allowed their own parser, each with the reason.
ALLOWED = {
    "money.py": "the one parser",
}


def _parser_lines(code: str) -> list[int]:
    lines = [
        node.lineno
        for node in ast.walk(ast.parse(code))
        if (isinstance(node, ast.Name) and node.id == "InvalidOperation")
        or (isinstance(node, ast.Attribute) and node.attr == "InvalidOperation")
    ]
    return sorted(lines)


def test_it_finds_no_second_amount_parser() -> None:
    found = [
        f"{rel}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        if (rel := path.relative_to(SRC).as_posix()) not in ALLOWED
        for line in _parser_lines(path.read_text())
    ]
    assert found == [], "parse amounts with cleanclaim.money (read_amount, parse_money)"


def test_it_notices_a_parser() -> None:
    code = (
        "import decimal\n"
        "from decimal import Decimal, InvalidOperation\n"
        "try:\n    Decimal(t)\nexcept InvalidOperation:\n    pass\n"
        "try:\n    Decimal(t)\nexcept decimal.InvalidOperation:\n    pass\n"
    )
    assert _parser_lines(code) == [5, 9]
