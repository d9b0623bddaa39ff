"""Old versus new: the 999 engine gives what it gave before it moved onto the guide model.

``golden/999_engine.json`` was recorded by ``record_999.py`` with the typed-loop 999
engine, before it was replaced (issue 9): for every 999 sample, mutation of the
X231A1 sample and 999 we build (the ack of every shared sample and of our golden
837P), the findings, the JSON view and the written-back bytes. Each case must give
the same again, except the differences listed in :data:`CHANGED`, each with its reason.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("record_999", HERE / "record_999.py")
assert _spec is not None and _spec.loader is not None
record_999 = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("record_999", record_999)  # its dataclass looks itself up there
_spec.loader.exec_module(record_999)

EXPECTED: dict[str, Any] = json.loads(
    (HERE / "golden" / "999_engine.json").read_text(encoding="utf-8")
)["cases"]

#: Differences in every finding, on purpose: the 999 is now checked by the guide model
#: that checks the 835, 270/271, 276/277 and 277CA, and reports as they do. Applied to
#: the old findings before comparing.
#:
#: * the transaction set's own level has no loop id (was ``HEADER``): its findings name
#:   the element alone (``AK903``, was ``HEADER AK903``);
#: * the structure and element codes are the guide model's finer ones
#:   (``x12.segment.required-missing``, ``x12.element.too-short``...; the typed loops
#:   said ``x12.structure.*`` and ``x12.element.syntax`` whatever the element problem).
RENAMED = {
    ("x12.structure.required-missing", ""): "x12.segment.required-missing",
    ("x12.structure.unexpected-segment", ""): "x12.segment.unexpected",
    ("x12.element.syntax", "4"): "x12.element.too-short",
    ("x12.element.syntax", "5"): "x12.element.too-long",
    ("x12.element.syntax", "6"): "x12.element.not-an-integer",  # N0 elements only in a 999
}

MUTATED = f"read:{record_999.SAMPLE_999} "
GUIDE_CODES = (
    "the guide's code list is checked now (pyx12's X231A1 map); the typed loops checked "
    "the code values of ST01, IK501 and AK901 only"
)


@dataclass(frozen=True)
class Change:
    """A case that gives something else now, on purpose."""

    reason: str
    #: the findings now: (code, segment id, element, IK304, IK403) each
    findings: tuple[tuple[str, str, str, str, str], ...]
    #: other recorded parts that changed with them (``json``, ``from_fields``...)
    also: tuple[str, ...] = ()


SE_COUNT = ("x12.envelope.se-count", "SE", "SE01", "", "")

#: case → what it gives now and why.
CHANGED: dict[str, Change] = {
    MUTATED + "ak1-missing": Change(
        "a missing required segment is reported where the placer notices it (the next "
        "segment of the transaction set level, AK9), as for every guide-model set; the "
        "typed loops reported it at ST",
        (("x12.segment.required-missing", "AK1", "", "3", ""), SE_COUNT),
    ),
    MUTATED + "ak9-missing": Change(
        "a missing required segment is reported at a segment of the level it belongs to "
        "(here AK1, the transaction set level's first), as for every guide-model set; the "
        "typed loops reported it at ST",
        (("x12.segment.required-missing", "AK9", "", "3", ""), SE_COUNT),
    ),
    MUTATED + "ak1-twice": Change(
        "a second AK1 is AK1 over its maximum use of 1 (IK304 5), more precise than "
        "'unexpected segment' (IK304 2)",
        (("x12.segment.over-maximum", "AK1", "", "5", ""), SE_COUNT),
    ),
    MUTATED + "ak101-bad-code": Change(
        GUIDE_CODES, (("x12.element.invalid-code", "AK1", "AK101", "8", "7"),)
    ),
    MUTATED + "ak9-extra-element": Change(
        GUIDE_CODES + " (AK909 '9' is no functional group syntax error code)",
        (("x12.element.invalid-code", "AK9", "AK909", "8", "7"),),
    ),
    MUTATED + "ik3-bad-ik304": Change(
        GUIDE_CODES, (("x12.element.invalid-code", "IK3", "2100 IK304", "8", "7"),)
    ),
    MUTATED + "ik4-bad-ik403": Change(
        GUIDE_CODES, (("x12.element.invalid-code", "IK4", "2110 IK403", "8", "7"),)
    ),
    MUTATED + "ik502-bad-code": Change(
        GUIDE_CODES, (("x12.element.invalid-code", "IK5", "2000 IK502", "8", "7"),)
    ),
    MUTATED + "ctx-bad-context-name": Change(
        "CTX01-1 names the context (patches_5010.json): a name the guide does not list "
        "is reported, and the CTX is read as a segment context, whose CTX02/CTX03 are "
        "required and CTX01-2 not used; the typed loops took any CTX as it came",
        (
            ("x12.element.invalid-code", "CTX", "2100 CTX01-01", "8", "7"),
            ("x12.element.not-used", "CTX", "2100 CTX01-02", "8", "I10"),
            ("x12.element.required-missing", "CTX", "2100 CTX02", "8", "1"),
            ("x12.element.required-missing", "CTX", "2100 CTX03", "8", "1"),
        ),
    ),
    MUTATED + "ctx-business-unit-twice": Change(
        "the business unit CTX is used at most once per IK3 (X231A1 2100); the typed "
        "loops allowed ten CTX of any kind",
        (("x12.segment.over-maximum", "CTX", "", "5", ""), SE_COUNT),
    ),
    MUTATED + "ak901-accepts-rejected-sets": Change(
        "new rule: AK901 must agree with the IK5s (A/E all accepted, P some, R none)",
        (("999.ak9.verdict", "AK9", "AK901", "8", "I12"),),
    ),
    MUTATED + "ik5-bad-code": Change(
        "new rule: AK901 'P' with no set accepted (the bad IK501 accepts nothing)",
        (
            ("x12.element.invalid-code", "IK5", "2000 IK501", "8", "7"),
            ("999.ak9.count", "AK9", "AK904", "8", "I12"),
            ("999.ak9.verdict", "AK9", "AK901", "8", "I12"),
        ),
    ),
    MUTATED + "ik5-missing": Change(
        "new rule: AK901 'P' with no set accepted (the set without IK5 accepts nothing)",
        (
            ("x12.segment.required-missing", "IK5", "", "3", ""),
            ("999.ak9.count", "AK9", "AK904", "8", "I12"),
            ("999.ak9.verdict", "AK9", "AK901", "8", "I12"),
            SE_COUNT,
        ),
    ),
    MUTATED + "ik5-rejects-without-errors": Change(
        "new rule: AK901 'P' with every set rejected",
        (
            ("999.ak9.count", "AK9", "AK904", "8", "I12"),
            ("999.ak9.verdict", "AK9", "AK901", "8", "I12"),
        ),
    ),
    MUTATED + "ik5-accepts-with-errors": Change(
        "new rule: IK501 'A' with segments in error under it (should be E or R)",
        (
            ("999.ik5.accepts-errors", "IK5", "2000 IK501", "8", "I12"),
            ("999.ak9.count", "AK9", "AK904", "8", "I12"),
        ),
    ),
    MUTATED + "segment-out-of-order": Change(
        "one placer for every guide: after IK5 closed the set's 2000 loop an IK3 cannot "
        "reopen it, so IK3, CTX and IK4 are kept where they are as unexpected segments "
        "(and leave the JSON view's segment_errors) and the second IK5 is over its "
        "maximum; the typed loops went back and read the IK3 loop into the set",
        (
            ("x12.segment.unexpected", "IK3", "", "2", ""),
            ("x12.segment.unexpected", "CTX", "", "2", ""),
            ("x12.segment.unexpected", "IK4", "", "2", ""),
            ("x12.segment.over-maximum", "IK5", "", "5", ""),
            SE_COUNT,
        ),
        also=("json", "from_fields"),
    ),
    MUTATED + "unknown-segment": Change(
        "a tag no guide segment has is IK304 1 (unrecognized segment id), as for every "
        "guide-model set; the typed loops said 6 (not in the defined transaction set)",
        (("x12.segment.unrecognized", "ZZZ", "", "1", ""), SE_COUNT),
    ),
    f"read:ack of {record_999.SAMPLE_999}": Change(
        "our 999 answering a 999: X231A1 lists neither FA (AK101) nor 999 (AK201), "
        "acknowledgments are not acknowledged, and the guide's code lists are checked now "
        "(the builder still answers, the reader says so)",
        (
            ("x12.element.invalid-code", "AK1", "AK101", "8", "7"),
            ("x12.element.invalid-code", "AK2", "2000 AK201", "8", "7"),
        ),
    ),
}


def _renamed(f: dict[str, Any]) -> dict[str, Any]:
    f = dict(f)
    if f["loop_id"] == "HEADER":
        f["loop_id"] = ""
        f["element"] = f["element"].removeprefix("HEADER ")
    f["code"] = RENAMED.get(
        (f["code"], f["ik403"] if f["code"] == "x12.element.syntax" else ""), f["code"]
    )
    return f


def _short(f: dict[str, Any]) -> tuple[str, str, str, str, str]:
    return (f["code"], f["segment_id"], f["element"], f["ik304"], f["ik403"])


#: Changes made on purpose after the recording, by the "files as real senders write
#: them" part of issue 9, taken out before comparing:
#:
#: * the JSON view's envelope names its interchange and group (``interchange_index``,
#:   ``group_index``) so that ``x12 write`` restores GS/GE boundaries;
#: * a file we cannot read is refused with the segment named and the unsupported kind
#:   spelled out (``segment 3 (ST): transaction set 837 version 005010X223A2: 837I
#:   (institutional) is not supported``), so the text of a refusal changed: a case
#:   refused before (no ``read:ack of`` case recorded) and refused now is the same.
ENVELOPE_INDEXES = ("interchange_index", "group_index")

#: Cases refused before and read now, on purpose (issue 9, base releases).
NOW_READ: dict[str, str] = {
    MUTATED + "st03-other-guide": (
        "005010X231, the base release before the errata, is read with the X231A1 guide "
        "and a warning (x12.version.base-release) instead of being refused"
    ),
}


#: Files refused before and acknowledged now, on purpose: issue 9 added the 278 guide
#: (005010X217), so a 278 gets a 999 instead of "not supported".
NOW_ACKNOWLEDGED_FOLDERS = ("278/",)


def _now_acknowledged(name: str) -> bool:
    return name.startswith(tuple(f"ack:{f}" for f in NOW_ACKNOWLEDGED_FOLDERS)) or name.startswith(
        tuple(f"read:ack of {f}" for f in NOW_ACKNOWLEDGED_FOLDERS)
    )


#: Acks whose segment and element errors (IK3/IK4) changed because the 837P moved onto
#: the guide model (issue 9): its structure and element findings now carry the guide
#: model's codes and positions. Each of these 837Ps is listed with its reason in
#: ``test_it_reproduces_the_recorded_837p_results.py``, which also checks that what each
#: 999 decides (AK2, IK5, AK9) is the same as before.
ACKS_OF_CHANGED_837P = frozenset(
    {
        "837P/lfh_837_005010X222A2__demo.cob.2ndary.example4.837",
        "837P/lfh_837_005010X222A2__demo.cob.example3.A.837",
        "837P/lfh_837_005010X222A2__demo.example11.837",
        "837P/lfh_837_005010X222A2__demo.example12.837",
        "837P/lfh_837_005010X222A2__demo.example6.837",
        "837P/lfh_837_005010X222A2__demo.example9.837",
        "golden claims.837 unknown-segment",
        "golden claims.837 value-with-separators",
    }
)


def _ack_of_changed_837p(name: str) -> bool:
    return name.removeprefix("ack:").removeprefix("read:ack of ") in ACKS_OF_CHANGED_837P


def _without_envelope_indexes(view: dict[str, Any]) -> dict[str, Any]:
    for tx in view.get("transactions", []):
        envelope = tx.get("envelope")
        if isinstance(envelope, dict):
            for key in ENVELOPE_INDEXES:
                envelope.pop(key, None)
    return view


def _now() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for case in record_999.read_cases():
        out[f"read:{case.name}"] = record_999.record_read(case, _without_envelope_indexes)
    for case in record_999.received_files():
        ack = record_999.build(case.text)
        if ack.startswith("X12Error") and f"read:ack of {case.name}" not in EXPECTED:
            out[f"ack:{case.name}"] = EXPECTED.get(f"ack:{case.name}")  # refused then and now
            continue
        out[f"ack:{case.name}"] = record_999._digest(ack) if case.shared else ack
        if not ack.startswith("X12Error"):
            out[f"read:ack of {case.name}"] = record_999.record_read(
                record_999.Case(case.name, ack, case.shared), _without_envelope_indexes
            )
    return out


@pytest.fixture(scope="module")
def now(shared_data: Path) -> dict[str, Any]:
    return _now()


@pytest.mark.shared_data
def test_it_records_the_same_cases(now: dict[str, Any]) -> None:
    assert sorted(
        k for k in now if not k.startswith("read:ack of ") or not _now_acknowledged(k)
    ) == sorted(EXPECTED)


@pytest.mark.shared_data
def test_it_acknowledges_the_files_it_reads_now(now: dict[str, Any]) -> None:
    """The 278s were refused then (no ack read back recorded) and are acknowledged now."""
    acked = [k for k in now if k.startswith("read:ack of ") and _now_acknowledged(k)]
    assert len(acked) >= 11
    for key in acked:
        assert key not in EXPECTED, key
        assert now[key]["guides"] == ["999"], key
        assert not [f for f in now[key]["findings"] if f["severity"] == "error"], key


@pytest.mark.shared_data
def test_it_gives_what_the_old_engine_gave_except_where_listed(now: dict[str, Any]) -> None:
    differ = {}
    for name, old in EXPECTED.items():
        new = now.get(name)
        if isinstance(old, dict) and "findings" in old:
            old = {**old, "findings": [_renamed(f) for f in old["findings"]]}
        if isinstance(old, dict) and isinstance(new, dict) and set(old) == set(new) == {"error"}:
            continue  # refused then and now; the refusal's wording changed (see above)
        if _ack_of_changed_837p(name):
            assert new != old, f"{name} is listed but did not change"
            continue
        if _now_acknowledged(name):
            assert isinstance(new, str) and new != old, name  # a 999's digest, not the refusal
            continue
        if name in NOW_READ:
            assert "error" in old and "error" not in new, name
            assert "x12.version.base-release" in {f["code"] for f in new["findings"]}, name
            continue
        change = CHANGED.get(name)
        if change is not None:
            assert isinstance(new, dict), name
            assert [_short(f) for f in new["findings"]] == list(change.findings), name
            assert new["findings"] != old["findings"], f"{name} is listed but did not change"
            for part in change.also:
                assert new[part] != old[part], f"{name}: {part} is listed but did not change"
            keep = {"findings", *change.also}
            new = {k: v for k, v in new.items() if k not in keep}
            old = {k: v for k, v in old.items() if k not in keep}
        if new != old:
            differ[name] = {"old": old, "new": new}
    assert differ == {}


def test_it_lists_a_reason_for_every_difference() -> None:
    for name, change in CHANGED.items():
        assert name in EXPECTED, name
        assert len(change.reason) > 20, name
    for name, reason in NOW_READ.items():
        assert name in EXPECTED, name
        assert len(reason) > 20, name
