"""837P files of the shapes an attacker (or a broken billing system) sends, made in
memory for the scrubber's tests and for ``bench/scrub_hostile.py``.

* :func:`repeated_sets`: many small transaction sets in one group, all with the same
  ST02 and a wrong SE01 (a set-level problem repeated in every set), and a GE01 that
  does not count them (a group-level problem).
* :func:`many_claims`: one transaction set of ``size`` bytes or more, one subscriber
  with every claim under its own patient loop, a defect at each patient (an
  impossible birth date), at each claim (an unknown place of service) and on each
  line (an invalid diagnosis pointer).
* :func:`empty_sets`: transaction sets that hold nothing but BHT, until ``size``
  bytes.
* :func:`huge_claim`: one claim of ``size`` bytes or more: thousands of diagnoses
  and of service lines, alternating the two codes of an NCCI PTP edit (0001U,
  0030U), each line dated 20261340 (not a date).
"""

from __future__ import annotations

__all__ = ["empty_sets", "huge_claim", "many_claims", "repeated_sets"]

ISA = (
    "ISA*00*          *00*          *ZZ*HOSTILE        *ZZ*CLEARINGHOUSE  "
    "*261102*0930*^*00501*000000101*0*T*:~\n"
)
GS = "GS*HC*HOSTILE*CLEARINGHOUSE*20261102*0930*101*X*005010X222A1~\n"
HEADER = (
    "BHT*0019*00*BATCH0001*20261102*0930*CH~\n"
    "NM1*41*2*RIVERSIDE FAMILY MEDICINE*****46*RFM0001~\n"
    "PER*IC*ALICE BILLER*TE*5035550100~\n"
    "NM1*40*2*DEMO CLEARINGHOUSE*****46*CH0001~\n"
)
BILLING = (
    "HL*1**20*1~\n"
    "NM1*85*2*RIVERSIDE FAMILY MEDICINE*****XX*1245319599~\n"
    "N3*100 RIVER RD~\n"
    "N4*PORTLAND*OR*972011234~\n"
    "REF*EI*931234567~\n"
)


def _subscriber(hl: int, member: str, dob: str, patients: bool = False) -> str:
    return (
        f"HL*{hl}*1*22*{int(patients)}~\n"
        f"SBR*P*{'' if patients else '18'}*******CI~\n"
        f"NM1*IL*1*SMITH*JANE****MI*{member}~\n"
        "N3*12 OAK ST~\n"
        "N4*PORTLAND*OR*97202~\n"
        f"DMG*D8*{dob}*F~\n"
        "NM1*PR*2*ACME HEALTH PLAN*****PI*60054~\n"
    )


def _claim(claim_id: str, pos: str = "11", pointer: str = "1") -> str:
    return (
        f"CLM*{claim_id}*110***{pos}:B:1*Y*A*Y*Y~\n"
        "HI*ABK:J069~\n"
        "LX*1~\n"
        f"SV1*HC:99213*110*UN*1***{pointer}~\n"
        "DTP*472*D8*20261021~\n"
    )


def _set(control: str, body: str, se_count: int | None = None) -> str:
    n = body.count("~") + 2 if se_count is None else se_count
    return f"ST*837*{control}*005010X222A1~\n{body}SE*{n}*{control}~\n"


def _wrap(sets: list[str], ge_count: int | None = None) -> bytes:
    n = len(sets) if ge_count is None else ge_count
    return (ISA + GS + "".join(sets) + f"GE*{n}*101~\nIEA*1*000000101~\n").encode()


def repeated_sets(n_sets: int = 100) -> bytes:
    """``n_sets`` sets of one claim each, every one ST02 ``0001`` with SE01 off by
    one, in a group whose GE01 says one set."""
    sets = []
    for i in range(n_sets):
        body = HEADER + BILLING + _subscriber(2, f"M{i:08d}", "19610412") + _claim(f"C{i}")
        sets.append(_set("0001", body, se_count=body.count("~") + 3))
    return _wrap(sets, ge_count=1)


def many_claims(size: int) -> bytes:
    """One set of at least ``size`` bytes: one subscriber and, under it, one patient loop
    (2000C) per claim (ids ``C0``, ``C1``, ...), each patient born on 19801340 (not a
    date), each claim with place of service ``ZZ`` and a line pointing at a fourth
    diagnosis the claim does not have."""
    parts = [HEADER, BILLING, _subscriber(2, "M00000001", "19610412", patients=True)]
    total = len(ISA) + len(GS) + sum(len(p) for p in parts)
    i = 0
    while total < size:
        chunk = (
            f"HL*{i + 3}*2*23*0~\nPAT*19~\nNM1*QC*1*SMITH*KIM~\nN3*12 OAK ST~\n"
            "N4*PORTLAND*OR*97202~\nDMG*D8*19801340*F~\n" + _claim(f"C{i}", "ZZ", "4")
        )
        parts.append(chunk)
        total += len(chunk)
        i += 1
    return _wrap([_set("0001", "".join(parts))])


def empty_sets(size: int) -> bytes:
    """Sets holding only a BHT (no submitter, no claim), numbered 1, 2, ... until
    the file is at least ``size`` bytes."""
    sets = []
    total = len(ISA) + len(GS)
    i = 0
    while total < size:
        i += 1
        s = _set(f"{i:04d}", "BHT*0019*00*BATCH0001*20261102*0930*CH~\n")
        sets.append(s)
        total += len(s)
    return _wrap(sets)


def huge_claim(size: int) -> bytes:
    """One claim, ``C0``: 2,000 HI segments of 12 diagnoses each, then lines until the
    file is at least ``size`` bytes."""
    hi = "".join(
        "HI*"
        + "*".join(
            f"{'ABK' if i == j == 0 else 'ABF'}:Z{(i * 12 + j) % 1000:03d}" for j in range(12)
        )
        + "~\n"
        for i in range(2000)
    )
    parts = [
        HEADER,
        BILLING,
        _subscriber(2, "M00000001", "19610412"),
        "CLM*C0*0***11:B:1*Y*A*Y*Y~\n",
        hi,
    ]
    total = len(ISA) + len(GS) + sum(len(p) for p in parts)
    i = 0
    while total < size:
        i += 1
        line = (
            f"LX*{i}~\nSV1*HC:{'0030U' if i % 2 else '0001U'}*0*UN*1***1~\nDTP*472*D8*20261340~\n"
        )
        parts.append(line)
        total += len(line)
    return _wrap([_set("0001", "".join(parts))])
