"""What the 837P engine gives on every 837P we have: the comparison golden.

``python tests/x12/record_837p.py`` (from the repository, with ``src`` on the
path) rewrites ``tests/x12/golden/837p_engine.json``; the test
``test_it_reproduces_the_recorded_837p_results.py`` compares the engine with it.
It was recorded with the typed-loop 837P engine before the 837P moved onto the
guide model (guides as data), so that the old and the new engine are compared
file by file ("old versus new, compared in a test before the old one is deleted").

The files:

* every 5010 837P sample in ``../shared/data/x12/837P`` (``sample:<name>``);
* the golden ``tests/x12/golden/claims.837`` (``golden``);
* the golden with each defect of ``test_it_applies_the_837p_guide_rules.CASES``
  (``case:<what>``);
* a 40-claim file built from ``tests/x12/golden/claims.json`` whose dates,
  NPIs, amounts, diagnoses, line numbers and pointers are varied, some of them
  invalid (``varied``).

Per file: every finding (code, segment in set, element, IK304, IK403, severity,
message), the 999 (``x12 ack`` at a fixed time) and what it decides (its AK2, IK5
and AK9), the guide's own write-back of
each transaction set, and the JSON view's convenient fields (the guide's
``to_json``; the lossless ``segments`` list is the tokenizer's and left out).
Texts derived from the shared samples are kept as SHA-256 digests (the samples
are not copied into the repository); texts of our own golden files in full.
"""

from __future__ import annotations

import copy
import hashlib
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
RECORD = GOLDEN / "837p_engine.json"
SAMPLES = HERE.parent.parent.parent / "shared" / "data" / "x12" / "837P"
NOW = datetime(2026, 11, 2, 9, 30)


def sample_paths() -> list[Path]:
    """The 5010 837P samples (the 4010 ones and the prose-prefixed one are refused)."""
    if not SAMPLES.is_dir():
        return []
    return sorted(
        p
        for p in SAMPLES.iterdir()
        if "004010" not in p.name and p.name != "stupidedi_X222_case_1.edi"
    )


def _cases() -> list[tuple[str, str, str]]:
    sys.path.insert(0, str(HERE))
    try:
        from test_it_applies_the_837p_guide_rules import CASES
    finally:
        sys.path.remove(str(HERE))
    return [(what, old, new) for what, old, new, _ in CASES]


def vary(segs: list[str]) -> list[str]:
    """Make dates, NPIs, amounts, diagnoses, line numbers and pointers differ, some invalid."""
    out = []
    for k, seg in enumerate(segs):
        els = seg.split("*")
        if els[0] == "DTP" and len(els) > 3 and els[2] == "D8":
            els[3] = (
                "20261345" if k % 37 == 0 else f"{2020 + k % 7}{1 + k % 12:02d}{1 + k % 28:02d}"
            )
            if els[1] == "472" and k % 23 == 0:
                els[1] = "471"  # a line without its date of service
        elif els[0] == "DMG" and len(els) > 2:
            els[2] = (
                "19610230" if k % 41 == 0 else f"{1900 + k % 99}{1 + k % 12:02d}{1 + k % 28:02d}"
            )
        elif els[0] == "N4" and len(els) > 2:
            els[1] += str(k)
            els[2] = "ZZ" if k % 29 == 0 else els[2]
        elif els[0] == "NM1" and len(els) > 9 and els[8] == "XX":
            els[9] = str(1000000000 + k * 7919)
        elif els[0] == "CLM" and len(els) > 2 and k % 11 == 0:
            els[2] = "1.00"  # does not balance
        elif els[0] == "HI" and len(els) > 1 and k % 13 == 0:
            els[1] = els[1].replace("ABK", "ABF") + "." if k % 2 else "ABK:E11.9"
        elif els[0] == "LX" and len(els) > 1 and k % 17 == 0:
            els[1] = "9"
        elif els[0] == "SV1" and len(els) > 7 and k % 19 == 0:
            els[7] = "7:01"
        out.append("*".join(els))
    return out


def _varied() -> str:
    from cleanclaim.x12 import write_json

    obj = json.loads((GOLDEN / "claims.json").read_text())
    tx = obj["transactions"][0]
    base = tx["claims"]
    tx["claims"] = [
        {**copy.deepcopy(base[i % len(base)]), "claim_id": f"C{i % 7}"} for i in range(40)
    ]
    text = write_json(obj, now=NOW)
    return "~".join(vary(text.replace("~\n", "~").split("~")))


def files() -> list[tuple[str, bytes | str, bool]]:
    """``(name, content, ours)``: every file of the golden, in order."""
    golden = (GOLDEN / "claims.837").read_text()
    out: list[tuple[str, bytes | str, bool]] = [
        (f"sample:{p.name}", p.read_bytes(), False) for p in sample_paths()
    ]
    out.append(("golden", golden, True))
    for what, old, new in _cases():
        out.append((f"case:{what}", golden.replace(old, new, 1), True))
    out.append(("varied", _varied(), True))
    return out


def _text(value: str, ours: bool) -> str:
    return value if ours else "sha256:" + hashlib.sha256(value.encode()).hexdigest()


def _view(value: Any, ours: bool) -> Any:
    if ours:
        return value
    return _text(json.dumps(value, sort_keys=True, ensure_ascii=False), False)


def result(data: bytes | str, ours: bool) -> dict[str, Any]:
    """What the engine gives for one file (see the module docstring)."""
    from cleanclaim.x12 import X12Error, parse, validate
    from cleanclaim.x12._envelope import write_transaction
    from cleanclaim.x12.x231a1_999 import build_ack

    try:
        parsed = validate(parse(data))
    except X12Error as exc:
        return {"error": str(exc)}
    findings = [
        [f.code, f.segment_in_set, f.element, f.ik304, f.ik403, f.severity.value, f.message]
        for f in parsed.findings()
    ]
    views: list[Any] = []
    writes: list[str] = []
    for t in parsed.transactions:
        d = t.interchange.delimiters
        view = json.loads(json.dumps(t.guide.to_json(t.data, d)))
        for claim in view.get("claims", []) if isinstance(view, dict) else []:
            # added to the JSON view after the recording (2310A, issue 12); the
            # builder round trip (test_it_builds_back_the_claims_it_reads) covers it
            claim.pop("referring_provider", None)
            # a drug line's 2410 CTP04 quantity and CTP05-1 unit, added to the JSON
            # view after the recording (issue 13); the builder round trip and
            # test_it_writes_a_drug_lines_ndc_in_loop_2410 cover them
            # the other payers (2320/2330A/2330B) and line adjudications (2430), added
            # after the recording (issue 16); test_it_builds_and_reads_a_secondary_837p
            # covers them
            claim.pop("other_payers", None)
            # SBR03, written by claim_json since issue 16 (the JSON claim form read it but
            # the view did not write it, so files written from the app lacked SBR03)
            claim.pop("group_number", None)
            for line in claim.get("lines", []):
                line.pop("ndc_quantity", None)
                line.pop("ndc_unit", None)
                line.pop("adjudications", None)
        views.append({k: _view(v, ours) for k, v in view.items()})
        writes.append(_text(write_transaction(t.guide.write(t.data, d), d, recount=False), ours))
    ack = build_ack(parsed, now=NOW)
    return {
        "findings": findings,
        "view": views,
        "write": writes,
        "ack": _text(ack, ours),
        "outcome": outcome(ack),
    }


def outcome(ack: str) -> list[str]:
    """What a 999 decides (AK2, IK5, AK9), without the IK3/IK4/CTX details."""
    segs = ack.replace("\n", "").split("~")
    return [s for s in segs if s.split("*")[0] in ("AK2", "IK5", "AK9")]


def record() -> dict[str, Any]:
    return {name: result(data, ours) for name, data, ours in files()}


def main() -> None:
    if not sample_paths():
        raise SystemExit(f"the shared 837P samples are not at {SAMPLES}")
    text = json.dumps(record(), indent=1, ensure_ascii=False, sort_keys=True)
    RECORD.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {RECORD}")


if __name__ == "__main__":
    main()
