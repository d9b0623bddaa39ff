"""Validation of every shared 5010 837P sample: exactly the defects the samples carry.

The public samples are examples written by hand for guides and libraries; most
carry defects a clearinghouse would reject. Each defect is recorded here with
why it is one. A sample not listed anywhere below must validate with no error.
"""

from __future__ import annotations

from pathlib import Path

from cleanclaim.x12 import parse, validate

LFH = "lfh_837_005010X222A2__demo."
STU = "stupidedi_X222A1_pass_"

# 1. Made-up NPIs whose 10th digit is not the Luhn check digit over 80840 + the
#    first nine (45 CFR 162.406), e.g. 1234567890, 1999996666. Loop of each NM109.
BAD_NPI: dict[str, tuple[str, ...]] = {
    LFH + "ambulance.example5.837": ("2010AA",),
    LFH + "autoaccident.837": ("2010AA", "2310B", "2310C"),
    LFH + "cob.2ndary.example4.837": ("2010AA",),
    LFH + "cob.example3.A.837": ("2010AA", "2310B", "2310C"),
    LFH + "cob.example3.B.837": ("2010AA", "2310B", "2310C"),
    LFH + "cob.example3.C.837": ("2010AA", "2310B", "2310C"),
    LFH + "cob.example4.837": ("2010AA", "2310B"),
    LFH + "example11.837": ("2010AA", "2310A"),
    LFH + "example12.837": ("2310B",),
    LFH + "example2.837": ("2010AA", "2310C"),
    LFH + "example6.837": ("2010AA",),
    LFH + "example7.837": ("2010AA", "2420E"),
    LFH + "example8.837": ("2420E",),
    LFH + "example9.837": ("2010AA", "2310B", "2310C"),
    STU + "COB-claim-from-billing-provider-to-payer-a.edi": ("2010AA", "2310B", "2310C"),
    STU + "COB-claim-from-billing-provider-to-payer-b.edi": ("2010AA", "2310B", "2310C"),
    STU + "COB-claim-from-payer-a-to-payer-b-in-payer-to-payer.edi": ("2010AA", "2310B", "2310C"),
    STU + "ambulance.edi": ("2010AA",),
    STU + "anesthesia.edi": ("2010AA", "2310B", "2310C"),
    STU + "chiropractic.edi": ("2010AA",),
    STU + "commercial-health-insurance.edi": ("2010AA",),
    STU + "encounter.edi": ("2010AA", "2310C"),
    STU + "medicare-secondary-payer-COB.edi": ("2010AA", "2310B"),
    STU + "out-of-network-repriced-claim.edi": ("2310B",),
    STU + "oxygen.edi": ("2010AA", "2420E"),
    STU + "ppo-repriced-claim.edi": ("2010AA", "2310A"),
    STU + "wheelchair.edi": ("2420E",),
}

# 2. A 5-digit billing provider ZIP: 005010X222A1 2010AA N403 requires the full
#    nine-digit ZIP+4 for a US address.
ZIP5 = {
    LFH + name
    for name in (
        "autoaccident.837",
        "cob.2ndary.example4.837",
        "cob.example3.A.837",
        "cob.example3.B.837",
        "cob.example3.C.837",
        "cob.example4.837",
        "drug.example10.1.837",
        "drug.example10.2.837",
        "drug.example10.3.837",
        "example2.837",
        "example6.837",
        "example7.837",
        "example8.837",
        "example9.837",
    )
} | {
    STU + name
    for name in (
        "COB-claim-from-billing-provider-to-payer-a.edi",
        "COB-claim-from-billing-provider-to-payer-b.edi",
        "COB-claim-from-payer-a-to-payer-b-in-payer-to-payer.edi",
        "anesthesia.edi",
        "chiropractic.edi",
        "commercial-health-insurance.edi",
        "drug-administered-in-the-physician-office.edi",
        "encounter.edi",
        "home-infusion-therapy-pharmacy-(adjudicated-with-HCPCS-in-loop-2400-or-NDC-in-loop-2410).edi",
        "home-infusion-therapy-pharmacy-(adjudicated-with-NDC-in-loop-2410).edi",
        "medicare-secondary-payer-COB.edi",
        "oxygen.edi",
        "wheelchair.edi",
    )
}

# 3. Composites written with '>' while ISA16 declares ':' (e.g. CLM05 "11>B>1",
#    HI "BK>7215", SV1 "HC>98940"): each composite reads as one component, so
#    CLM05-1 is too long and CLM05-2/-3 are missing, the diagnosis qualifier is
#    too long and not a code, the claim has no diagnosis, SV101-1 is too long and
#    not a qualifier, SV101-2 (the procedure) is missing, and SV107 points at no
#    diagnosis.
WRONG_COMPONENT_SEPARATOR = {
    ("x12.element.too-long", "2300 CLM05-1"),
    ("x12.element.too-long", "2300 HI01-1"),
    ("x12.element.too-long", "2400 SV101-1"),
    ("x12.element.required-missing", "2300 CLM05-2"),
    ("x12.element.required-missing", "2300 CLM05-3"),
    ("x12.element.invalid-code", "2300 HI01-1"),
    ("x12.element.required-missing", "2300 HI01-2"),
    ("837p.claim.diagnosis", "2300 HI"),
    ("x12.element.invalid-code", "2400 SV101-1"),
    ("x12.element.required-missing", "2400 SV101-2"),
    ("837p.line.pointer", "2400 SV107-1"),
}
COMPOSITE_GT = {
    LFH + "cob.2ndary.example4.837": WRONG_COMPONENT_SEPARATOR,
    LFH + "example6.837": WRONG_COMPONENT_SEPARATOR,
    # SV107 "1>2": too long and not an integer
    LFH + "example9.837": WRONG_COMPONENT_SEPARATOR
    | {("x12.element.too-long", "2400 SV107-1"), ("x12.element.not-an-integer", "2400 SV107-1")},
    LFH + "example12.837": WRONG_COMPONENT_SEPARATOR,
    # example11 also has a second diagnosis "BF>25000" in HI02 and SV107 "1>2".
    LFH + "example11.837": WRONG_COMPONENT_SEPARATOR
    | {
        ("x12.element.invalid-code", "2300 HI02-1"),
        ("x12.element.too-long", "2300 HI02-1"),
        ("x12.element.required-missing", "2300 HI02-2"),
        ("x12.element.too-long", "2400 SV107-1"),
        ("x12.element.not-an-integer", "2400 SV107-1"),
    },
}

# 4. One-off defects.
OTHER = {
    # CLM*051068*766.50***41::1: the facility code qualifier CLM05-2 ("B") is empty.
    LFH + "ambulance.example5.837": {("x12.element.required-missing", "2300 CLM05-2")},
    # 2320 (SBR*S) has 2330A (NM1*IL) but no 2330B other payer name (NM1*PR), required.
    LFH + "cob.example3.A.837": {("x12.loop.required-missing", "2330B NM1")},
    # AMT*F2 in 2320: 2320 allows AMT01 D (payer paid), A8 (non-covered), EAF (remaining
    # patient liability) only.
    LFH + "cob.example4.837": {("x12.element.invalid-code", "2320 AMT01")},
    # PWK*CT*AD: 005010X222A1 PWK02 allows AA, BM, EL, EM, FT, FX ("AD" was dropped).
    STU + "oxygen.edi": {("x12.element.invalid-code", "2400 PWK02")},
    STU + "wheelchair.edi": {("x12.element.invalid-code", "2400 PWK02")},
}


def expected(name: str) -> set[tuple[str, str]]:
    out = {("837p.provider.npi", f"{loop} NM109") for loop in BAD_NPI.get(name, ())}
    if name in ZIP5:
        out.add(("837p.billing.zip9", "2010AA N403"))
    out |= COMPOSITE_GT.get(name, set())
    out |= OTHER.get(name, set())
    return out


def test_it_flags_exactly_the_known_defects(samples_837p: list[Path]) -> None:
    clean = []
    for path in samples_837p:
        findings = validate(parse(path.read_bytes())).findings()
        got = {(f.code, f.element or f"{f.loop_id} {f.segment_id}") for f in findings if f.is_error}
        assert got == expected(path.name), path.name
        if not got:
            clean.append(path.name)
    assert clean == [LFH + "example1.837", "lfh_demo-file__demo.837"]


def test_it_gives_every_finding_a_position_a_message_and_a_999_code(
    samples_837p: list[Path],
) -> None:
    for path in samples_837p:
        parsed = validate(parse(path.read_bytes()))
        for f in parsed.findings():
            assert f.position > 0 and f.segment_id and f.loop_id and f.message, f
            assert f.ik304 in {"1", "2", "3", "4", "5", "6", "7", "8", "I4", "I6", "I7", "I8", "I9"}
            if f.element:
                assert f.ik304 == "8" and f.ik403, f
            assert f.segment_in_set > 0, f
