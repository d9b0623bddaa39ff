"""Generators for the scrubber benchmark (bench/scrub_bench.py).

* ``write_ncci(dir)``: full-size NCCI tables in the official layouts - practitioner
  PTP ``ccipra-v322r0-f1..f4.txt`` (about 1.5 million pairs, tab-delimited, CMS
  header row), MUE ``MCR_MUE_PractitionerServices_Eff_07-01-2026.csv`` (about
  15,000 codes, disclaimer line + header) and add-on ``AOC_V2026Q3-MCR.txt``.
  The codes are synthetic (5-digit CPT-shaped and HCPCS-shaped), the layout and
  the value distributions are CMS's.
* ``write_claims(path, n, tables, store, as_of)``: an 837P (005010X222A1) with
  ``n`` claims, about half clean and half carrying exactly one injected defect
  from a category of issue 5; returns the labels (claim id -> category or
  "clean"). Clean claims are clean by construction (their code pairs are checked
  against the generated tables, their diagnoses against the tabular); a third of
  them are hard negatives (an edit bypassed by an NCCI modifier, a deleted edit,
  an indicator-9 edit). Every injected defect is checked to be a real defect
  (e.g. an invalid diagnosis really is absent from the tabular) before use.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from cleanclaim.edits.finding import CATEGORIES as FINDING_CATEGORIES
from cleanclaim.npi import check_digit
from scrub_gen_tables import Tables, write_ncci, ymd

__all__ = ["CATEGORIES", "Tables", "write_claims", "write_ncci"]


CLEAN_DX = [
    "J06.9",
    "I10",
    "E11.9",
    "M54.50",
    "R05.9",
    "K21.9",
    "F41.1",
    "J02.9",
    "R51.9",
    "L30.9",
    "H10.9",
    "B34.9",
    "E78.5",
    "J30.9",
    "K59.00",
    "M25.561",
    "R10.9",
    "G43.909",
]
# Every scrubber category but auth (it needs prior authorizations on file). Coverage is
# judged against the coverage table written beside the claims (write_claims), as the app
# hands in the practice's coverage records.
CATEGORIES = [c for c in FINDING_CATEGORIES if c != "auth"]


def npi(rng: random.Random, *, valid: bool = True) -> str:
    first = f"1{rng.randrange(10**8):08d}"
    cd = check_digit(first)
    return first + str(cd if valid else (cd + 1) % 10)


@dataclass
class Line:
    code: str
    mods: list[str]
    charge: Decimal
    units: int
    ptrs: list[str]
    dos: str


@dataclass
class Claim:
    id: str
    dx: list[str]
    lines: list[Line]
    pos: str = "11"
    freq: str = "1"
    f8: str = ""
    g1: str = ""
    zip: str = "627011234"
    bp_npi: str = ""
    rend_npi: str = ""
    sub_id: str = ""
    dob: str = "19800402"
    sex: str = "F"
    payer: tuple[str, str, str] = ("ACME HEALTH", "ACME01", "CI")  # name, id, SBR09
    total_delta: Decimal = Decimal(0)
    # coverage on file with the claim's payer: effective, termination (None: open)
    coverage: tuple[dt.date, dt.date | None] = (dt.date(2024, 1, 1), None)


class ClaimFactory:
    def __init__(self, t: Tables, store: Any, as_of: dt.date, seed: int = 7) -> None:
        self.t, self.store, self.as_of = t, store, as_of
        self.rng = random.Random(seed)
        rng = self.rng
        self.safe = [
            c
            for c in t.codes
            if c not in t.addon and t.mue[c][0] >= 2 and not c.startswith(("7", "99"))
        ]
        self.em = ["99212", "99213", "99214", "99215"]
        self.dos_pool = [as_of - dt.timedelta(days=d) for d in range(6, 50)]
        dos_i = ymd(self.dos_pool[0])
        # hard negatives: edits in the table that must NOT fire
        self.bypassed: list[tuple[str, str]] = []
        self.inactive: list[tuple[str, str]] = []
        for c1, row in list(t.ptp.items())[:4000]:
            for c2, (eff, dele, mod) in row.items():
                if c1 in t.addon or c2 in t.addon or c1.startswith("7") or c2.startswith("7"):
                    continue
                if t.mue[c1][0] < 2 or t.mue[c2][0] < 2:
                    continue
                if mod == 1 and eff <= dos_i <= dele and not t.ptp.get(c2, {}).get(c1):
                    self.bypassed.append((c1, c2))
                elif (mod == 9 or dele < ymd(self.dos_pool[-1])) and not t.ptp.get(c2, {}).get(c1):
                    self.inactive.append((c1, c2))
        rng.shuffle(self.bypassed)
        rng.shuffle(self.inactive)
        self.excl_safe = self._safe_dx_pairs()
        self.n = 0

    def _safe_dx_pairs(self) -> set[frozenset[str]]:
        d = self.dos_pool[0]
        bad: set[frozenset[str]] = set()
        for a in CLEAN_DX:
            for n in self.store.icd_notes(a, d, inherited=True):
                if n.kind != "excludes1":
                    continue
                for b in CLEAN_DX:
                    if b != a and any(tr.matches(b) for tr in n.targets):
                        bad.add(frozenset((a, b)))
        return bad

    def clean(self) -> Claim:
        rng = self.rng
        self.n += 1
        dos = rng.choice(self.dos_pool)
        dos_s = dos.strftime("%Y%m%d")
        while True:
            dx = rng.sample(CLEAN_DX, rng.randint(1, 3))
            if not any(frozenset((a, b)) in self.excl_safe for a in dx for b in dx if a != b):
                break
        lines = [
            Line(
                rng.choice(self.em),
                [],
                Decimal(rng.choice(("95.00", "140.00", "210.50"))),
                1,
                ["1"],
                dos_s,
            )
        ]
        kind = self.n % 3
        if kind == 1 and self.bypassed:
            c1, c2 = self.bypassed[self.n % len(self.bypassed)]
            codes = [lines[0].code, c1, c2]
            if not self.t.clash([lines[0].code, c1], ymd(dos)) and not self.t.clash(
                [lines[0].code, c2], ymd(dos)
            ):
                lines.append(Line(c1, [], Decimal("250.00"), 1, ["1"], dos_s))
                lines.append(Line(c2, ["XU"], Decimal("80.00"), 1, [str(len(dx))], dos_s))
        elif kind == 2 and self.inactive:
            c1, c2 = self.inactive[self.n % len(self.inactive)]
            if not self.t.clash([lines[0].code, c1, c2], ymd(dos)):
                lines.append(Line(c1, [], Decimal("250.00"), 1, ["1"], dos_s))
                lines.append(Line(c2, [], Decimal("80.00"), 1, ["1"], dos_s))
        else:
            for _ in range(rng.randint(0, 2)):
                c = rng.choice(self.safe)
                codes = [ln.code for ln in lines] + [c]
                if c not in codes[:-1] and not self.t.clash(codes, ymd(dos)):
                    lines.append(
                        Line(c, [], Decimal("120.00"), 1, [str(rng.randint(1, len(dx)))], dos_s)
                    )
        sex = rng.choice("FM")
        return Claim(
            id=f"C{self.n:06d}",
            dx=dx,
            lines=lines,
            bp_npi=npi(rng),
            rend_npi=npi(rng),
            sub_id=f"MBR{rng.randrange(10**9):09d}",
            sex=sex,
            dob=f"{rng.randint(1950, 1995)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}",
            payer=rng.choice(
                [
                    ("ACME HEALTH", "ACME01", "CI"),
                    ("MEDICARE B", "00435", "MB"),
                    ("DEMO ONE", "DEMO01", "CI"),
                    ("DEMO TWO", "DEMO02", "CI"),
                ]
            ),
        )

    def _icd(self, code: str, d: dt.date) -> Any:
        return self.store.lookup("icd10cm", code, d)

    def defective(self, cat: str) -> Claim:
        rng, t = self.rng, self.t
        c = self.clean()
        # defects on a plain claim: drop hard-negative lines
        c.lines = c.lines[:1]
        ln = c.lines[0]
        dos = dt.date(int(ln.dos[:4]), int(ln.dos[4:6]), int(ln.dos[6:]))
        if cat == "syntax":
            ln.dos = ln.dos[:4] + "13" + ln.dos[6:]  # month 13
        elif cat == "missing-data":
            k = self.n % 3
            if k == 0:
                c.zip = "62701"
            elif k == 1:
                c.freq = "7"
            else:
                c.sub_id = ""
        elif cat == "npi":
            c.bp_npi = npi(rng, valid=False)
        elif cat == "dx-invalid":
            bad = rng.choice(["E11.99", "J06.7", "I10.9", "R05.0", "Z99.999", "K21.1"])
            assert self._icd(bad, dos).code is None, bad
            c.dx[0] = bad
        elif cat == "dx-not-billable":
            bad = rng.choice(["E11", "S93.401", "M54.5", "J45", "I50"])
            lk = self._icd(bad, dos)
            assert lk.code is not None and not lk.code.billable, bad
            c.dx[0] = bad
        elif cat == "dx-excludes1":
            a, b = rng.choice(
                [("E11.9", "E10.9"), ("N39.0", "N30.00"), ("J02.9", "J03.90"), ("R10.9", "N23")]
            )
            # a real defect: the tabular's Excludes1 notes (code or ancestors) name the other
            assert any(
                tr.matches(y)
                for x, y in ((a, b), (b, a))
                for n in self.store.icd_notes(x, dos, inherited=True)
                if n.kind == "excludes1"
                for tr in n.targets
            ), (a, b)
            c.dx = [a, b]
            ln.ptrs = ["1", "2"]
        elif cat == "dx-sex":
            if c.sex == "F":
                c.dx[0] = rng.choice(["N40.0", "C61"])
            else:
                c.dx[0] = rng.choice(["N81.2", "N95.1"])
        elif cat == "dx-age":
            c.dx[0], c.dob = rng.choice([("Z00.121", "19700101"), ("Z38.00", "19900101")])
        elif cat == "dx-pointer":
            ln.ptrs = [str(len(c.dx) + 1)]
        elif cat == "proc-invalid":
            ln.code = rng.choice(["9921", "W1234", "99AB3"])
        elif cat == "modifier-invalid":
            c.lines.append(Line(rng.choice(self.safe), ["25"], Decimal("60.00"), 1, ["1"], ln.dos))
        elif cat == "ncci-ptp":
            d = ymd(dos)
            while True:
                c1 = rng.choice(list(t.ptp))
                hits = [c2 for c2, (e, de, m) in t.ptp[c1].items() if m in (0, 1) and e <= d <= de]
                if hits:
                    break
            c.lines = [
                Line(c1, [], Decimal("300.00"), 1, ["1"], ln.dos),
                Line(rng.choice(hits), [], Decimal("90.00"), 1, ["1"], ln.dos),
            ]
        elif cat == "ncci-mue":
            code = rng.choice(self.safe)
            value, _mai = t.mue[code]
            c.lines.append(Line(code, [], Decimal("40.00"), value + 1, ["1"], ln.dos))
        elif cat == "ncci-addon":
            add = rng.choice(list(t.addon))
            c.lines.append(Line(add, [], Decimal("75.00"), 1, ["1"], ln.dos))
        elif cat == "duplicate":
            c.lines.append(Line(ln.code, list(ln.mods), ln.charge, 1, ["1"], ln.dos))
        elif cat == "date":
            ln.dos = (self.as_of + dt.timedelta(days=rng.randint(3, 30))).strftime("%Y%m%d")
        elif cat == "charge":
            c.total_delta = Decimal("10.00")
        elif cat == "timely-filing":
            c.payer = ("MEDICARE B", "00435", "MB")
            ln.dos = (self.as_of - dt.timedelta(days=rng.randint(380, 500))).strftime("%Y%m%d")
        elif cat == "coverage":
            c.coverage = (dt.date(2024, 1, 1), dos - dt.timedelta(days=rng.randint(1, 60)))
        elif cat == "payer-rule":
            if self.n % 2:
                c.payer, c.pos = ("DEMO ONE", "DEMO01", "CI"), "02"
            else:
                c.payer = ("DEMO TWO", "DEMO02", "CI")
                c.lines.append(
                    Line(
                        rng.choice([x for x in t.codes if x.startswith("7") and x not in t.addon]),
                        [],
                        Decimal("400.00"),
                        1,
                        ["1"],
                        ln.dos,
                    )
                )
        else:
            raise ValueError(cat)
        return c


def isa_header(n_segments_hint: int = 0) -> list[str]:
    return [
        "ISA*00*          *00*          *ZZ*CLEANCLAIM     *ZZ*CLEARINGHOUSE  "
        "*260820*1200*^*00501*000000001*0*T*:",
        "GS*HC*CLEANCLAIM*CLEARINGHOUSE*20260820*1200*1*X*005010X222A1",
    ]


def render(claims: list[Claim]) -> str:
    body = [
        "ST*837*0001*005010X222A1",
        "BHT*0019*00*BENCH0001*20260820*1200*CH",
        "NM1*41*2*CLEANCLAIM BENCH*****46*CC0001",
        "PER*IC*BILLING*TE*2175550100",
        "NM1*40*2*CLEARINGHOUSE*****46*CH0001",
    ]
    hl = 0
    for c in claims:
        hl += 1
        bp = hl
        body += [
            f"HL*{hl}**20*1",
            f"NM1*85*2*RIVERA FAMILY CLINIC*****XX*{c.bp_npi}",
            "N3*1 MAIN ST",
            f"N4*SPRINGFIELD*IL*{c.zip}",
            "REF*EI*371234567",
        ]
        hl += 1
        body += [
            f"HL*{hl}*{bp}*22*0",
            f"SBR*P*18*******{c.payer[2]}",
            f"NM1*IL*1*PATIENT*PAT****MI*{c.sub_id}",
            "N3*2 OAK ST",
            "N4*SPRINGFIELD*IL*627029876",
            f"DMG*D8*{c.dob}*{c.sex}",
            f"NM1*PR*2*{c.payer[0]}*****PI*{c.payer[1]}",
        ]
        total = sum((ln.charge for ln in c.lines), Decimal(0)) + c.total_delta
        body.append(f"CLM*{c.id}*{total}***{c.pos}:B:{c.freq}*Y*A*Y*Y")
        if c.f8:
            body.append(f"REF*F8*{c.f8}")
        if c.g1:
            body.append(f"REF*G1*{c.g1}")
        hi = [f"{'ABK' if i == 0 else 'ABF'}:{d.replace('.', '')}" for i, d in enumerate(c.dx)]
        body.append("HI*" + "*".join(hi))
        body.append(f"NM1*82*1*RIVERA*ANA****XX*{c.rend_npi}")
        for i, ln in enumerate(c.lines, start=1):
            proc = ":".join(["HC", ln.code, *ln.mods])
            body += [
                f"LX*{i}",
                f"SV1*{proc}*{ln.charge}*UN*{ln.units}***{':'.join(ln.ptrs)}",
                f"DTP*472*D8*{ln.dos}",
            ]
    body.append(f"SE*{len(body) + 1}*0001")
    segs = isa_header() + body + ["GE*1*1", "IEA*1*000000001"]
    return "~\n".join(segs) + "~\n"


def write_claims(
    path: Path,
    n_clean: int,
    per_category: int,
    t: Tables,
    store: Any,
    as_of: dt.date,
    seed: int = 7,
) -> dict[str, str]:
    f = ClaimFactory(t, store, as_of, seed)
    claims: list[Claim] = []
    labels: dict[str, str] = {}
    for i in range(n_clean):
        c = f.clean()
        if i % 5 == 0:  # hard negative: the date of service is the coverage's last day
            last = c.lines[0].dos
            c.coverage = (
                dt.date(2024, 1, 1),
                dt.date(int(last[:4]), int(last[4:6]), int(last[6:])),
            )
        claims.append(c)
        labels[c.id] = "clean"
    for cat in CATEGORIES:
        for _ in range(per_category):
            c = f.defective(cat)
            claims.append(c)
            labels[c.id] = cat
    f.rng.shuffle(claims)
    path.write_text(render(claims))
    coverage_path(path).write_text(
        json.dumps(
            [
                {
                    "member_id": c.sub_id,
                    "payer_id": c.payer[1],
                    "payer_name": c.payer[0],
                    "effective": c.coverage[0].isoformat(),
                    "termination": c.coverage[1].isoformat() if c.coverage[1] else None,
                }
                for c in claims
                if c.sub_id
            ]
        )
    )
    return labels


def coverage_path(claims_path: Path) -> Path:
    """Where write_claims puts the coverage on file of the claims it wrote."""
    return claims_path.with_name(claims_path.name + ".coverage.json")


def load_coverage(claims_path: Path) -> Any:
    """The coverage table written beside ``claims_path`` (a CoverageTable)."""
    from cleanclaim.edits.coverage import CoveragePeriod, CoverageTable

    rows = json.loads(coverage_path(claims_path).read_text())
    return CoverageTable(
        CoveragePeriod(
            r["member_id"],
            r["payer_id"],
            r["payer_name"],
            dt.date.fromisoformat(r["effective"]),
            dt.date.fromisoformat(r["termination"]) if r["termination"] else None,
        )
        for r in rows
    )
