"""``syntax``: envelope or segment structure broken. These findings come from the
reader (the X12 engine's validation), not from a check over the neutral claim;
the ids are declared here so the catalogue lists them."""

from __future__ import annotations

from cleanclaim.edits.finding import RuleInfo
from cleanclaim.edits.registry import declare

SYNTAX = RuleInfo(
    id="SYN-001",
    category="syntax",
    severity="error",
    meaning="The 837P breaks the X12 5010 envelope or segment structure (ISA/GS/ST, loops, "
    "element types or lengths); the clearinghouse rejects it in a 999 before any payer sees it.",
    fix="Correct the segment named in the message, or regenerate the file.",
    source="ASC X12 005010X222A1 implementation guide (837P)",
    carc=None,
)
SYNTAX_WARNING = RuleInfo(
    id="SYN-002",
    category="syntax",
    severity="warning",
    meaning="A situational segment or element is used in a way the guide discourages.",
    fix="Check the segment named in the message against the implementation guide.",
    source="ASC X12 005010X222A1 implementation guide (837P)",
    carc=None,
)
declare(SYNTAX, SYNTAX_WARNING)
