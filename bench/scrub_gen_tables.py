"""Full-size NCCI tables in the official layouts for the scrubber benchmark
(see bench/scrub_gen.py for the whole generator)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

RATIONALES = (
    "Misuse of Column Two code with Column One code",
    "CPT Manual or CMS manual coding instruction",
    "Mutually exclusive procedures",
    "Standards of medical/surgical practice",
    "More extensive procedure",
    "HCPCS/CPT procedure code definition",
)
PTP_HEADER = (
    "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\t"
    "Deletion Date (*=no data)\tModifier (0=not allowed,1=allowed,9=not applicable)\t"
    "PTP Edit Rationale"
)
RELEASE_EFF = 20260701


def ymd(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def quarter_starts() -> list[int]:
    return [
        y * 10000 + m * 100 + 1
        for y in range(1996, 2027)
        for m in (1, 4, 7, 10)
        if y * 10000 + m * 100 + 1 <= RELEASE_EFF
    ]


def quarter_end_before(q: int) -> int:
    d = dt.date(q // 10000, q // 100 % 100, 1) - dt.timedelta(days=1)
    return ymd(d)


@dataclass
class Tables:
    """What the generator knows about the tables it wrote (for clean claims and defects)."""

    codes: list[str]
    ptp: dict[str, dict[str, tuple[int, int, int]]] = field(
        default_factory=dict
    )  # c1->c2->(eff,del,mod)
    mue: dict[str, tuple[int, int]] = field(default_factory=dict)  # code -> (value, mai)
    addon: dict[str, list[str]] = field(default_factory=dict)  # type-1 add-on -> primaries
    rows: int = 0

    def active(self, a: str, b: str, dos: int) -> tuple[int, int, int] | None:
        row = self.ptp.get(a, {}).get(b)
        if row and row[2] != 9 and row[0] <= dos <= row[1]:
            return row
        return None

    def clash(self, codes: list[str], dos: int) -> bool:
        return any(self.active(a, b, dos) for a in codes for b in codes if a != b)


def universe(rng: random.Random) -> list[str]:
    cpt = rng.sample(range(10021, 99500), 12000)
    hcpcs = [f"{ch}{n:04d}" for ch in "AEGJKL" for n in rng.sample(range(1, 10000), 500)]
    return sorted({f"{c:05d}" for c in cpt} | set(hcpcs))


def write_ncci(d: Path, *, pairs: int = 1_500_000, seed: int = 5) -> Tables:
    rng = random.Random(seed)
    codes = universe(rng)
    t = Tables(codes)
    qs = quarter_starts()
    n_col1 = 8000
    col1s = sorted(rng.sample(codes, n_col1))
    per = pairs // n_col1
    parts = [col1s[i * n_col1 // 4 : (i + 1) * n_col1 // 4] for i in range(4)]
    for pi, part in enumerate(parts, start=1):
        out = [PTP_HEADER]
        for c1 in part:
            row: dict[str, tuple[int, int, int]] = {}
            for c2 in sorted(rng.sample(codes, per + 1)):
                if c2 == c1 or len(row) >= per:
                    continue
                eff = rng.choice(qs)
                r = rng.random()
                if r < 0.03:
                    mod, dele = 9, eff
                else:
                    mod = 0 if r < 0.15 else 1
                    dele = 99991231
                    if rng.random() < 0.12:
                        later = [q for q in qs if q > eff]
                        if later:
                            dele = quarter_end_before(rng.choice(later))
                row[c2] = (eff, dele, mod)
                out.append(
                    f"{c1}\t{c2}\t{'*' if eff == 19960101 and rng.random() < 0.5 else ''}\t{eff}\t"
                    f"{'*' if dele == 99991231 else dele}\t{mod}\t{rng.choice(RATIONALES)}"
                )
            t.ptp[c1] = row
            t.rows += len(row)
        (d / f"ccipra-v322r0-f{pi}.txt").write_text("\n".join(out) + "\n", encoding="latin-1")
    # MUE: every code of the universe (~15,000)
    lines = [
        '"Generated for the cleanclaim benchmark in the layout of the CMS practitioner MUE '
        'file (synthetic values)."',
        '"HCPCS/CPT Code",Practitioner Services MUE Values,'
        "MUE Adjudication Indicator,MUE Rationale",
    ]
    mai_text = {
        1: "1 Line Edit",
        2: "2 Date of Service Edit: Policy",
        3: "3 Date of Service Edit: Clinical",
    }
    for c in codes:
        mai = rng.choices((1, 2, 3), (0.25, 0.35, 0.40))[0]
        value = rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 10, 30))
        t.mue[c] = (value, mai)
        lines.append(f"{c},{value},{mai_text[mai]},Clinical: Data")
    (d / "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv").write_text("\n".join(lines) + "\n")
    # add-on codes: 600 type-1 add-ons with 1-4 primaries each
    aoc = [
        "Add-On Code\tAOC Del Dt\tPrimary Code\tPrimary Code Del Dt\tAOC Edit Type\t"
        "AOC Edit Eff Dt\tAOC Edit Del Dt\tSpecial Instruction Notes"
    ]
    for a in rng.sample(codes, 600):
        prims = rng.sample(codes, rng.randint(1, 4))
        prims = [p for p in prims if p != a]
        t.addon[a] = prims
        for p in prims:
            aoc.append(f"{a}\t*\t{p}\t*\t1\t2010001\t*\t")
    (d / "AOC_V2026Q3-MCR.txt").write_text("\n".join(aoc) + "\n")
    return t
