"""The shared X12 samples this area reads, and what each is known to carry."""

from __future__ import annotations

from pathlib import Path

KINDS = ("835", "270", "271", "276", "277", "278")

#: Not X12 at all: IG narrative text in front of the interchange (stupidedi cases).
NOT_X12 = {
    "stupidedi_X221_case_1.edi",
    "stupidedi_X221_case_2.edi",
    "stupidedi_X221_case_3a.edi",
    "stupidedi_X212_case_1.edi",
}
#: X12 4010 (004010X091A1): refused with the one-line version error.
X4010 = {"stupidedi_X091A1_case_1.edi"}

#: Known defects of the samples: (finding code, segment position, element) each,
#: checked exactly. Samples not listed here must have no finding at all.
KNOWN: dict[str, set[tuple[str, int, str]]] = {
    # lfh 835s: no PER*BL (required in 1000A); BPR16 missing; composites written
    # with ">" while ISA16 declares ":"; 2000 TS3 carries not-used TS309/TS311.
    "lfh_835_005010X221A1__cob-contractural-adjustment.835": {
        ("x12.element.required-missing", 4, "BPR16"),
        ("x12.segment.required-missing", 10, ""),
        ("x12.element.too-long", 21, "2110 SVC01-01"),
        ("x12.element.invalid-code", 21, "2110 SVC01-01"),
        ("x12.element.required-missing", 21, "2110 SVC01-02"),
    },
    "lfh_835_005010X221A1__managed-care.835": {
        ("x12.element.invalid-date", 4, "BPR16"),  # 20002316: month 23
        ("x12.segment.required-missing", 9, ""),
    },
    "lfh_835_005010X221A1__tertiary-payment.835": {
        ("x12.element.required-missing", 4, "BPR16"),
        ("x12.segment.required-missing", 10, ""),
        ("x12.element.required-missing", 20, "2110 SVC01-02"),
        ("x12.element.too-short", 20, "2110 SVC06-01"),
        ("x12.element.invalid-code", 20, "2110 SVC06-01"),
        ("x12.element.required-missing", 20, "2110 SVC06-02"),
        ("x12.835.line-out-of-balance", 20, "2110 SVC03"),
    },
}


def sample_files(root: Path) -> list[Path]:
    return sorted(p for kind in KINDS for p in (root / "x12" / kind).iterdir())


AMOUNT_KEYS = {"amount", "percent", "quantity", "charge", "paid", "units", "allowed"}


def decimals(obj):  # type: ignore[no-untyped-def]
    """JSON view data with amounts as Decimal, so ``"10.00"`` equals ``"10"``."""
    from decimal import Decimal

    if isinstance(obj, dict):
        return {
            k: Decimal(v) if k in AMOUNT_KEYS and isinstance(v, str) else decimals(v)
            for k, v in obj.items()
        }
    if isinstance(obj, list):
        return [decimals(v) for v in obj]
    return obj
