"""Fuzz: every importer kind, fed its small official-layout file cut off or mutated,
either imports it or raises its own error (``RefdataFileError``, ``NcciFormatError``)
with a message naming the file; never any other exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.codes.importers import RefdataFileError
from cleanclaim.codes.importing import import_file
from cleanclaim.codes.ncci import NcciFormatError

FIXTURES = Path(__file__).parent / "fixtures"
EDITS = Path(__file__).parents[1] / "edits" / "fixtures"

#: Small files in the published layouts of the kinds with no fixture file of their own.
INLINE = {
    "ccipra-v322r0-f1.txt": (
        "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\t"
        "Deletion Date (*=no data)\tModifier (0=not allowed,1=allowed,9=not applicable)\t"
        "PTP Edit Rationale\n"
        "11042\t97597\t\t20131001\t*\t1\tMutually exclusive procedures\n"
        "99213\t36415\t*\t20020101\t20231231\t0\tStandards of medical practice\n"
    ),
    "modifiers.csv": "code,level,description\n25,I,Significant E/M\nLT,II,Left side\n",
    "taxonomy.csv": (
        "Code,Grouping,Classification,Specialization,Definition,Version\n"
        "207Q00000X,Allopathic,Family Medicine,,Family physician,v24.0 2024\n"
    ),
    "x12_elements.csv": (
        "element_id,element_name,code,description\n"
        "1033,Claim Adjustment Group Code,CO,Contractual Obligations\n"
        "1033,Claim Adjustment Group Code,PR,Patient Responsibility\n"
    ),
    "pyx12_values.csv": (
        "codeset_id,codeset_name,data_ele,code\n"
        "claim_status_cat,Claim Status Category,1271,A1\n"
        "claim_status,Claim Status,1271,20\n"
    ),
}

FILES = {
    **{n: (FIXTURES / n).read_bytes() for n in sorted(p.name for p in FIXTURES.iterdir())},
    **{n: (EDITS / n).read_bytes() for n in sorted(p.name for p in EDITS.iterdir())},
    **{n: text.encode() for n, text in INLINE.items()},
}

BYTES = b',"\t\n\r<>/&;*x0 9\xff'


def _kind_of(name: str) -> str:
    from cleanclaim.codes.importers import detect

    kind = detect(Path(name), FILES[name])
    assert kind is not None, name
    return kind


KINDS = {name: _kind_of(name) for name in FILES}


def test_it_fuzzes_every_importer_kind() -> None:
    kinds = set(KINDS.values())
    assert {"carc", "rarc", "pos", "modifiers", "taxonomy", "x12-elements"} <= kinds
    assert {"pyx12-values", "cpt", "hcpcs-anweb", "icd10cm-tabular"} <= kinds
    assert {"ncci-ptp", "ncci-mue", "ncci-addon"} <= kinds


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(FILES)))
    raw = bytearray(FILES[name])
    if draw(st.booleans()):
        del raw[draw(st.integers(0, len(raw) - 1)) :]
    for _ in range(draw(st.integers(0, 4))):
        if not raw:
            break
        i = draw(st.integers(0, len(raw) - 1))
        op = draw(st.sampled_from(["set", "del", "ins", "dup"]))
        ch = draw(st.sampled_from(list(BYTES)))
        if op == "set":
            raw[i] = ch
        elif op == "del":
            del raw[i]
        elif op == "ins":
            raw.insert(i, ch)
        else:
            raw[i:i] = raw[i : i + draw(st.integers(1, 40))]
    return name, bytes(raw)


@pytest.mark.slow
@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(damaged())
def test_it_imports_or_names_the_file(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(data)
        try:
            results = import_file(path, Path(d) / "refdata", kind=KINDS[name])
        except (RefdataFileError, NcciFormatError) as exc:
            message = str(exc)
            assert name in message and "\n" not in message.strip(), message
            return
    assert results and all(r.rows > 0 for r in results)
