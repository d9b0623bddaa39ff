"""Where each box of the CMS-1500 (02/12) is: the form's coordinates as data.

Source and method. The 1500 form is laid out on a typewriter grid: 10 characters per
inch across and 6 lines per inch down (pica), 66 lines on the 8.5" x 11" sheet; the
NUCC manual's item instructions speak in that grid (characters per field, "right
justified in the dollar area", the vertical dotted lines of dates). No machine-readable
table of coordinates is published, so each box below is its line (1 = the top line of
the sheet) and column (1 = the first character position, 0.25" from the left edge) on
that grid, read off the 02/12 form's printed boxes, the same grid billing programs print
pre-printed red forms on. A printer that feeds the form a little off is corrected with
the alignment offset (``CLEANCLAIM_CMS1500_OFFSET_MM``), not by editing this table.

Points: 72 per inch; a column is 7.2 pt, a line 12 pt; a field's text baseline sits
3 pt above the bottom of its line.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "COLUMN_PT",
    "FIELDS",
    "FORM_BOXES",
    "LINES_PER_PAGE",
    "LINE_FIELDS",
    "LINE_PT",
    "PAGE_HEIGHT_PT",
    "PAGE_WIDTH_PT",
    "Field",
    "FormBox",
    "field_rect",
    "line_field",
]

PAGE_WIDTH_PT = 612.0  # 8.5 in
PAGE_HEIGHT_PT = 792.0  # 11 in
COLUMN_PT = 7.2  # 10 characters per inch
LINE_PT = 12.0  # 6 lines per inch
LEFT_PT = 18.0  # column 1 starts 0.25 in from the left edge
BASELINE_PT = 3.0  # text baseline above the bottom of its line

#: Service lines per page (item 24 has six).
LINES_PER_PAGE = 6
#: Item 24: line k (0-5) has its shaded supplemental line at 43 + 2k, its line at 44 + 2k.
FIRST_SERVICE_LINE = 43


@dataclass(frozen=True, slots=True)
class Field:
    """A printed value: its box, grid line and column, width in characters, font size
    and alignment (``right`` for the dollar columns and units, as the manual asks)."""

    box: str
    line: int
    col: int
    width: int
    size: float = 10.0
    align: str = "left"


def _f(box: str, line: int, col: int, width: int, align: str = "left") -> Field:
    return Field(box, line, col, width, 10.0, align)


#: Every field outside item 24, by name. Check boxes are one character wide ("X").
FIELDS: dict[str, Field] = {
    # carrier block (the payer's name and address, top right)
    "payer_name": _f("carrier", 2, 41, 38),
    "payer_street": _f("carrier", 3, 41, 38),
    "payer_city": _f("carrier", 4, 41, 38),
    # 1 insurance type: one box per type, left to right
    "1.medicare": _f("1", 8, 2, 1),
    "1.medicaid": _f("1", 8, 9, 1),
    "1.tricare": _f("1", 8, 16, 1),
    "1.champva": _f("1", 8, 25, 1),
    "1.group": _f("1", 8, 32, 1),
    "1.feca": _f("1", 8, 40, 1),
    "1.other": _f("1", 8, 46, 1),
    "1a": _f("1a", 8, 50, 29),
    "2": _f("2", 10, 1, 28),
    "3.mm": _f("3", 10, 31, 2),
    "3.dd": _f("3", 10, 34, 2),
    "3.yyyy": _f("3", 10, 37, 4),
    "3.m": _f("3", 10, 43, 1),
    "3.f": _f("3", 10, 47, 1),
    "4": _f("4", 10, 50, 29),
    "5.street": _f("5", 12, 1, 28),
    "5.city": _f("5", 14, 1, 23),
    "5.state": _f("5", 14, 25, 3),
    "5.zip": _f("5", 16, 1, 12),
    "5.area": _f("5", 16, 15, 3),
    "5.phone": _f("5", 16, 19, 10),
    "6.self": _f("6", 12, 33, 1),
    "6.spouse": _f("6", 12, 38, 1),
    "6.child": _f("6", 12, 42, 1),
    "6.other": _f("6", 12, 47, 1),
    "7.street": _f("7", 12, 50, 29),
    "7.city": _f("7", 14, 50, 23),
    "7.state": _f("7", 14, 74, 3),
    "7.zip": _f("7", 16, 50, 12),
    "7.area": _f("7", 16, 65, 3),
    "7.phone": _f("7", 16, 69, 10),
    "9": _f("9", 18, 1, 28),
    "9a": _f("9a", 20, 1, 28),
    "9d": _f("9d", 26, 1, 28),
    "10a.yes": _f("10a", 20, 35, 1),
    "10a.no": _f("10a", 20, 41, 1),
    "10b.yes": _f("10b", 22, 35, 1),
    "10b.no": _f("10b", 22, 41, 1),
    "10b.state": _f("10b", 22, 45, 2),
    "10c.yes": _f("10c", 24, 35, 1),
    "10c.no": _f("10c", 24, 41, 1),
    "11": _f("11", 18, 50, 29),
    "11a.mm": _f("11a", 20, 53, 2),
    "11a.dd": _f("11a", 20, 56, 2),
    "11a.yyyy": _f("11a", 20, 59, 4),
    "11a.m": _f("11a", 20, 68, 1),
    "11a.f": _f("11a", 20, 75, 1),
    "11c": _f("11c", 24, 50, 29),
    "11d.yes": _f("11d", 26, 52, 1),
    "11d.no": _f("11d", 26, 57, 1),
    "12": _f("12", 29, 7, 22),
    "13": _f("13", 29, 55, 24),
    "14.mm": _f("14", 32, 2, 2),
    "14.dd": _f("14", 32, 5, 2),
    "14.yy": _f("14", 32, 8, 2),
    "14.qual": _f("14", 32, 16, 3),
    "17.qual": _f("17", 34, 1, 2),
    "17": _f("17", 34, 4, 25),
    "17b": _f("17b", 34, 33, 15),
    "19": _f("19", 36, 1, 47),
    "21.ind": _f("21", 37, 46, 1),
    **{
        f"21.{letter}": _f("21", 38 + i // 4, 3 + 13 * (i % 4), 7)
        for i, letter in enumerate("ABCDEFGHIJKL")
    },
    "22.code": _f("22", 38, 50, 11),
    "22.ref": _f("22", 38, 62, 18),
    "23": _f("23", 40, 50, 29),
    "25": _f("25", 56, 1, 15),
    "25.ssn": _f("25", 56, 17, 1),
    "25.ein": _f("25", 56, 19, 1),
    "26": _f("26", 56, 23, 14),
    "27.yes": _f("27", 56, 38, 1),
    "27.no": _f("27", 56, 43, 1),
    "28.dollars": _f("28", 56, 50, 7, "right"),
    "28.cents": _f("28", 56, 58, 2),
    "28.continued": _f("28", 56, 50, 10),
    "29.dollars": _f("29", 56, 61, 6, "right"),
    "29.cents": _f("29", 56, 68, 2),
    "31": _f("31", 60, 1, 21),
    "31.date": _f("31", 62, 13, 8),
    "32.name": _f("32", 59, 23, 26),
    "32.street": _f("32", 60, 23, 26),
    "32.city": _f("32", 61, 23, 26),
    "32a": _f("32a", 62, 24, 10),
    "33.area": _f("33", 57, 66, 3),
    "33.phone": _f("33", 57, 70, 10),
    "33.name": _f("33", 59, 50, 29),
    "33.street": _f("33", 60, 50, 29),
    "33.city": _f("33", 61, 50, 29),
    "33a": _f("33a", 62, 51, 10),
}

#: Item 24's fields for one service line; ``line`` is 0 for the shaded supplemental
#: line and 1 for the service line itself (add 43 + 2k for line k).
LINE_FIELDS: dict[str, Field] = {
    "24.supplemental": _f("24A", 0, 1, 47),
    "24A.from.mm": _f("24A", 1, 1, 2),
    "24A.from.dd": _f("24A", 1, 4, 2),
    "24A.from.yy": _f("24A", 1, 7, 2),
    "24A.to.mm": _f("24A", 1, 10, 2),
    "24A.to.dd": _f("24A", 1, 13, 2),
    "24A.to.yy": _f("24A", 1, 16, 2),
    "24B": _f("24B", 1, 19, 2),
    "24C": _f("24C", 1, 22, 2),
    "24D": _f("24D", 1, 25, 6),
    "24D.mod1": _f("24D", 1, 32, 2),
    "24D.mod2": _f("24D", 1, 35, 2),
    "24D.mod3": _f("24D", 1, 38, 2),
    "24D.mod4": _f("24D", 1, 41, 2),
    "24E": _f("24E", 1, 45, 4),
    "24F.dollars": _f("24F", 1, 49, 6, "right"),
    "24F.cents": _f("24F", 1, 56, 2),
    "24G": _f("24G", 1, 59, 3, "right"),
    "24J": _f("24J", 1, 68, 11),
}


def line_field(name: str, k: int) -> Field:
    """``LINE_FIELDS[name]`` placed on service line ``k`` (0-5) of a page."""
    f = LINE_FIELDS[name]
    return Field(f.box, FIRST_SERVICE_LINE + 2 * k + f.line, f.col, f.width, f.size, f.align)


def x_pt(col: float) -> float:
    """The left edge of column ``col`` in points from the left of the sheet."""
    return LEFT_PT + (col - 1) * COLUMN_PT


def y_pt(line: float) -> float:
    """The bottom of grid line ``line`` in points from the bottom of the sheet."""
    return PAGE_HEIGHT_PT - line * LINE_PT


def field_rect(f: Field) -> tuple[float, float, float, float]:
    """The field's rectangle (x0, y0, x1, y1) in points, origin bottom left."""
    x0 = x_pt(f.col)
    y0 = y_pt(f.line)
    return (x0, y0, x0 + f.width * COLUMN_PT, y0 + LINE_PT)


@dataclass(frozen=True, slots=True)
class FormBox:
    """A box outline of the plain-paper form: label, columns [col0, col1) and lines
    [line0, line1] on the grid (the label sits on line0, the data below it)."""

    label: str
    col0: int
    col1: int
    line0: int
    line1: int
    shade: bool = False


def _grid(rows: list[tuple[int, int, list[tuple[str, int, int]]]]) -> tuple[FormBox, ...]:
    return tuple(
        FormBox(label, c0, c1, l0, l1) for l0, l1, boxes in rows for label, c0, c1 in boxes
    )


#: The boxes drawn for plain paper (labels shortened from the printed form's).
FORM_BOXES: tuple[FormBox, ...] = _grid(
    [
        (
            7,
            8,
            [
                ("1. MEDICARE  MEDICAID  TRICARE  CHAMPVA  GROUP HEALTH PLAN  FECA  OTHER", 1, 49),
                ("1a. INSURED'S I.D. NUMBER", 49, 81),
            ],
        ),
        (
            9,
            10,
            [
                ("2. PATIENT'S NAME (Last, First, MI)", 1, 30),
                ("3. BIRTH DATE MM DD YYYY   SEX M  F", 30, 49),
                ("4. INSURED'S NAME (Last, First, MI)", 49, 81),
            ],
        ),
        (
            11,
            12,
            [
                ("5. PATIENT'S ADDRESS (No., Street)", 1, 30),
                ("6. RELATIONSHIP Self Spouse Child Other", 30, 49),
                ("7. INSURED'S ADDRESS (No., Street)", 49, 81),
            ],
        ),
        (
            13,
            14,
            [
                ("CITY   STATE", 1, 30),
                ("8. RESERVED FOR NUCC USE", 30, 49),
                ("CITY   STATE", 49, 81),
            ],
        ),
        (15, 16, [("ZIP CODE  TELEPHONE", 1, 30), ("", 30, 49), ("ZIP CODE  TELEPHONE", 49, 81)]),
        (
            17,
            18,
            [
                ("9. OTHER INSURED'S NAME", 1, 30),
                ("10. IS PATIENT'S CONDITION RELATED TO:", 30, 49),
                ("11. INSURED'S POLICY GROUP OR FECA NUMBER", 49, 81),
            ],
        ),
        (
            19,
            20,
            [
                ("a. OTHER INSURED'S POLICY OR GROUP NUMBER", 1, 30),
                ("a. EMPLOYMENT?  YES  NO", 30, 49),
                ("a. INSURED'S DATE OF BIRTH   SEX M  F", 49, 81),
            ],
        ),
        (
            21,
            22,
            [
                ("b. RESERVED FOR NUCC USE", 1, 30),
                ("b. AUTO ACCIDENT? YES NO PLACE", 30, 49),
                ("b. OTHER CLAIM ID", 49, 81),
            ],
        ),
        (
            23,
            24,
            [
                ("c. RESERVED FOR NUCC USE", 1, 30),
                ("c. OTHER ACCIDENT?  YES  NO", 30, 49),
                ("c. INSURANCE PLAN NAME OR PROGRAM NAME", 49, 81),
            ],
        ),
        (
            25,
            26,
            [
                ("d. INSURANCE PLAN NAME OR PROGRAM NAME", 1, 30),
                ("10d. CLAIM CODES", 30, 49),
                ("d. IS THERE ANOTHER HEALTH BENEFIT PLAN? YES NO", 49, 81),
            ],
        ),
        (
            27,
            29,
            [
                ("12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE", 1, 49),
                ("13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE", 49, 81),
            ],
        ),
        (
            31,
            32,
            [
                ("14. DATE OF CURRENT ILLNESS   QUAL.", 1, 30),
                ("15. OTHER DATE", 30, 49),
                ("16. DATES UNABLE TO WORK", 49, 81),
            ],
        ),
        (
            33,
            34,
            [
                ("17. NAME OF REFERRING PROVIDER", 1, 30),
                ("17a.  17b. NPI", 30, 49),
                ("18. HOSPITALIZATION DATES", 49, 81),
            ],
        ),
        (
            35,
            36,
            [("19. ADDITIONAL CLAIM INFORMATION", 1, 49), ("20. OUTSIDE LAB?  $ CHARGES", 49, 81)],
        ),
        (
            37,
            40,
            [("21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY  Relate A-L to 24E  ICD Ind.", 1, 49)],
        ),
        (37, 38, [("22. RESUBMISSION CODE   ORIGINAL REF. NO.", 49, 81)]),
        (39, 40, [("23. PRIOR AUTHORIZATION NUMBER", 49, 81)]),
        (
            41,
            42,
            [
                ("24. A. DATE(S) OF SERVICE From To", 1, 19),
                ("B. POS", 19, 22),
                ("C.", 22, 24),
                ("D. CPT/HCPCS  MODIFIER", 24, 44),
                ("E. PTR", 44, 49),
                ("F. $ CHARGES", 49, 58),
                ("G. UNITS", 58, 62),
                ("H.", 62, 64),
                ("I. QUAL", 64, 67),
                ("J. RENDERING PROVIDER ID #", 67, 81),
            ],
        ),
        (
            55,
            56,
            [
                ("25. FEDERAL TAX I.D. NUMBER  SSN EIN", 1, 22),
                ("26. PATIENT'S ACCOUNT NO.", 22, 36),
                ("27. ACCEPT ASSIGNMENT? YES NO", 36, 49),
                ("28. TOTAL CHARGE", 49, 60),
                ("29. AMOUNT PAID", 60, 69),
                ("30. Rsvd for NUCC Use", 69, 81),
            ],
        ),
        (
            57,
            62,
            [
                ("31. SIGNATURE OF PHYSICIAN OR SUPPLIER", 1, 22),
                ("32. SERVICE FACILITY LOCATION INFORMATION", 22, 49),
                ("33. BILLING PROVIDER INFO & PH #", 49, 81),
            ],
        ),
    ]
) + tuple(
    # item 24's six service lines: the shaded supplemental line above each line
    box
    for k in range(LINES_PER_PAGE)
    for box in (
        FormBox("", 1, 81, FIRST_SERVICE_LINE + 2 * k, FIRST_SERVICE_LINE + 2 * k, shade=True),
        FormBox("", 1, 81, FIRST_SERVICE_LINE + 2 * k + 1, FIRST_SERVICE_LINE + 2 * k + 1),
    )
)

#: Item 24's column dividers (the columns where a vertical line is drawn, lines 41-54).
SERVICE_COLUMNS = (10, 19, 22, 24, 32, 44, 49, 58, 62, 64, 67)
