"""Record what the 999 engine gives, for the old-versus-new comparison test.

``test_it_reads_and_builds_999s_as_before.py`` compares the 999 engine with the
expectations this script wrote into ``golden/999_engine.json`` before the 999 moved
from typed loops onto the guide model (issue 9). Regenerate (only on purpose, and
list every deliberate difference in that test) with::

    PYTHONPATH=src python tests/x12/record_999.py

Cases:

* ``read:...`` -- a 999 read and validated: the 999 samples, the 999s we build
  (``ack:...``), and mutations of both. Recorded: the findings (code, position,
  element, IK304/IK403, severity...), the JSON view, the guide's written-back
  segments and the bytes written from the JSON view's convenient fields only.
* ``ack:...`` -- the 999 we build for a received file (every sample under
  ``../shared/data/x12``, our golden 837P and mutations of it).

Whatever comes from ``../shared/data`` is recorded as a SHA-256 digest (the
repository keeps no copy of the shared files); the findings and whatever comes
from our own golden files are kept as they are, to be read.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
OUT = GOLDEN / "999_engine.json"
SHARED = HERE.parent.parent.parent / "shared" / "data" / "x12"
NOW = datetime(2026, 11, 27, 9, 0)
SAMPLE_999 = "999/stupidedi_X231A1_pass_response-to-functional-group-containing-3-837s.edi"

#: Mutations of the 999 sample: name → (old, new), each replacing the first occurrence.
MUTATIONS_999: dict[str, tuple[str, str]] = {
    "ak903-count": ("AK9*P*3*3*1~", "AK9*P*3*2*1~"),
    "ak904-count": ("AK9*P*3*3*1~", "AK9*P*3*3*2~"),
    "ak901-accepts-rejected-sets": ("AK9*P*3*3*1~", "AK9*A*3*3*1~"),
    "ak901-bad-code": ("AK9*P*3*3*1~", "AK9*Q*3*3*1~"),
    "ak9-missing": ("AK9*P*3*3*1~", ""),
    "ak9-extra-element": ("AK9*P*3*3*1~", "AK9*P*3*3*1*****9~"),
    "ak1-missing-version": ("AK1*HC*17456*005010X222A2~", "AK1*HC*17456~"),
    "ak1-missing": ("AK1*HC*17456*005010X222A2~", ""),
    "ak1-twice": ("AK1*HC*17456*005010X222A2~", "AK1*HC*17456*005010X222A2~AK1*HC*1*X~"),
    "ak101-bad-code": ("AK1*HC*", "AK1*ZZ*"),
    "ak102-not-a-number": ("AK1*HC*17456*", "AK1*HC*17X56*"),
    "ak2-short-control": ("AK2*837*0001~", "AK2*837*01~"),
    "ik5-missing": ("IK5*A~", ""),
    "ik5-bad-code": ("IK5*A~", "IK5*Q~"),
    "ik5-accepts-with-errors": ("IK5*R*5~", "IK5*A~"),
    "ik5-rejects-without-errors": ("IK5*A~", "IK5*R*5~"),
    "ik502-bad-code": ("IK5*R*5~", "IK5*R*99~"),
    "ik3-bad-ik304": ("IK3*CLM*22**8~", "IK3*CLM*22**Q~"),
    "ik3-missing-position": ("IK3*CLM*22**8~", "IK3*CLM***8~"),
    "ik302-not-a-number": ("IK3*CLM*22**8~", "IK3*CLM*2X**8~"),
    "ik303-too-long": ("IK3*CLM*22**8~", "IK3*CLM*22*23000*8~"),
    "ik4-missing-ik403": ("IK4*2*782*1~", "IK4*2*782~"),
    "ik4-bad-ik403": ("IK4*2*782*1~", "IK4*2*782*Q~"),
    "ik4-without-ik3": ("IK5*A~", "IK4*2*782*1~IK5*A~"),
    "ctx-bad-context-name": ("CTX*CLM01:123456789~", "CTX*XYZ01:123456789~"),
    "ctx-business-unit-twice": ("CTX*CLM01:123456789~", "CTX*CLM01:1~CTX*CLM01:2~"),
    "unknown-segment": ("AK2*837*0001~", "ZZZ*1~AK2*837*0001~"),
    "segment-out-of-order": ("AK2*837*0002~IK3*CLM*22**8~", "AK2*837*0002~IK5*R*5~IK3*CLM*22**8~"),
    "se-count": ("SE*16*", "SE*15*"),
    "st03-other-guide": ("ST*999*2870001*005010X231A1~", "ST*999*2870001*005010X231~"),
    "no-sets-answered": (
        "AK2*837*0001~IK5*A~AK2*837*0002~IK3*CLM*22**8~CTX*CLM01:123456789~IK4*2*782*1~"
        "IK5*R*5~AK2*837*0003~IK3*REF*57**3~CTX*SITUATIONAL TRIGGER*CLM*43**5:3~"
        "CTX*CLM01:987654321~IK5*R*5~",
        "",
    ),
}

#: Mutations of our golden 837P, acknowledged: name → (old, new).
MUTATIONS_837P: dict[str, tuple[str, str]] = {
    "clean": ("", ""),
    "zip4": ("N4*PORTLAND*OR*972011234", "N4*PORTLAND*OR*97201"),
    "frequency-code": ("CLM*RFM-1002*110***11:B:1", "CLM*RFM-1002*110***11:B:5"),
    "se-count": ("SE*53*0001", "SE*50*0001"),
    "st-control": ("SE*53*0001", "SE*53*0002"),
    "ge-count": ("GE*1*", "GE*7*"),
    "ge-missing": ("GE*1*101~", ""),
    "unknown-segment": ("CLM*RFM-1002", "ZZZ*1~CLM*RFM-1002"),
    "bad-tag": ("CLM*RFM-1002", "C!M*1~CLM*RFM-1002"),
    "value-with-separators": ("N4*PORTLAND*OR*972011234", "N4*PORTLAND*OR*97201:1^2"),
}


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    shared: bool  # derived from ../shared/data: keep digests only


def _digest(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("latin-1")


def _mutate(text: str, old: str, new: str, name: str) -> str:
    if not old:
        return text
    if old not in text:
        raise SystemExit(f"mutation {name}: {old!r} not in the file")
    return text.replace(old, new, 1)


def _finding(f: Any) -> dict[str, Any]:
    return {
        "code": f.code,
        "position": f.position,
        "segment_in_set": f.segment_in_set,
        "segment_id": f.segment_id,
        "loop_id": f.loop_id,
        "element": f.element,
        "ik304": str(f.ik304),
        "ik403": str(f.ik403),
        "element_position": f.element_position,
        "component_position": f.component_position,
        "value": f.value,
        "severity": str(f.severity),
    }


def _join(segs: list[Any]) -> str:
    return "".join("*".join(s.as_list()) + "~" for s in segs)


def record_read(case: Case, view_filter: Any = None) -> dict[str, Any]:
    """What the engine gives for one 999: findings, JSON view, written back.

    ``view_filter``: applied to the JSON view before it is recorded (the comparison
    test uses it to take out what later changes added on purpose).
    """
    from cleanclaim.x12 import X12Error, document_json, parse, validate, write_json

    try:
        parsed = validate(parse(case.text))
    except X12Error as exc:
        return {"error": str(exc)}
    view = document_json(parsed)
    if view_filter is not None:
        view = view_filter(view)
    written = [_join(t.guide.write(t.data, t.interchange.delimiters)) for t in parsed.transactions]
    fields = [
        {k: v for k, v in tx.items() if k not in ("segments", "envelope")}
        for tx in view["transactions"]
    ]
    try:
        from_fields = write_json({"transactions": fields}, now=NOW)
    except X12Error as exc:
        from_fields = f"X12Error: {exc}"
    out: dict[str, Any] = {
        "guides": [t.guide.name for t in parsed.transactions],
        "findings": [_finding(f) for f in parsed.findings()],
    }
    if case.shared:
        out["json"] = _digest(view)
        out["written"] = [_digest(w) for w in written]
        out["from_fields"] = _digest(from_fields)
    else:
        out["json"] = [tx.get("acknowledgment") for tx in view["transactions"]]
        out["written"] = written
        out["from_fields"] = from_fields
    return out


def build(text: str) -> str:
    """Our 999 for a received file (``X12Error: ...`` when unusable)."""
    from cleanclaim.x12 import X12Error, parse
    from cleanclaim.x12.x231a1_999 import build_ack

    try:
        return build_ack(parse(text), now=NOW)
    except X12Error as exc:
        return f"X12Error: {exc}"


def received_files() -> Iterator[Case]:
    """Every file we acknowledge: the shared samples, our golden 837P and its mutations."""
    if SHARED.is_dir():
        for path in sorted(p for p in SHARED.rglob("*") if p.is_file()):
            yield Case(f"{path.relative_to(SHARED)}", _read_text(path), True)
    golden = (GOLDEN / "claims.837").read_text()
    for name, (old, new) in MUTATIONS_837P.items():
        yield Case(f"golden claims.837 {name}", _mutate(golden, old, new, name), False)


def read_cases() -> Iterator[Case]:
    """Every 999 we read: the samples, mutations of the X231A1 sample, our acks."""
    if SHARED.is_dir():
        for folder in ("999", "999_997_TA1"):
            for path in sorted((SHARED / folder).iterdir()):
                yield Case(f"{folder}/{path.name}", _read_text(path), True)
        sample = _read_text(SHARED / SAMPLE_999)
        for name, (old, new) in MUTATIONS_999.items():
            yield Case(f"{SAMPLE_999} {name}", _mutate(sample, old, new, name), True)


def record() -> dict[str, Any]:
    cases: dict[str, Any] = {}
    for case in read_cases():
        cases[f"read:{case.name}"] = record_read(case)
    for case in received_files():
        ack = build(case.text)
        cases[f"ack:{case.name}"] = _digest(ack) if case.shared else ack
        if not ack.startswith("X12Error"):
            cases[f"read:ack of {case.name}"] = record_read(Case(case.name, ack, case.shared))
    return {
        "about": "what the 999 engine gave before it moved onto the guide model; "
        "see tests/x12/record_999.py",
        "cases": cases,
    }


def main() -> int:
    if not SHARED.is_dir():
        print(f"the shared samples are needed: {SHARED} not found", file=sys.stderr)
        return 2
    OUT.write_text(json.dumps(record(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
