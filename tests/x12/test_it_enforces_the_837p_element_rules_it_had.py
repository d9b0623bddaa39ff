"""Every element rule the 837P had before it moved onto the guide model still holds.

The typed-loop engine kept its 837P element rules in a table (per loop and segment:
which elements are required, which code values are allowed). The guide model takes
them from pyx12's map and ``patches_5010.json``. Each rule of that table that the
golden claims file exercises is broken here in an otherwise clean file (the first such
segment of the loop: the element emptied, or set to a code no list has), and the engine
must report an error on that element.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.x12 import DEFAULT_DELIMITERS, parse, validate
from cleanclaim.x12.guidekit.tree import LoopNode, SegNode

GOLDEN = (Path(__file__).parent / "golden" / "claims.837").read_text()

#: ``loop element kind``: the typed-loop engine's rules (``HEADER``: before 1000A).
RULES = [
    "HEADER ST03 required",
    "HEADER BHT01 code",
    "HEADER BHT01 required",
    "HEADER BHT02 code",
    "HEADER BHT02 required",
    "HEADER BHT03 required",
    "HEADER BHT04 required",
    "HEADER BHT05 required",
    "HEADER BHT06 code",
    "HEADER BHT06 required",
    "1000A NM102 code",
    "1000A NM102 required",
    "1000A NM103 required",
    "1000A NM108 code",
    "1000A NM108 required",
    "1000A NM109 required",
    "1000A PER01 code",
    "1000A PER01 required",
    "1000A PER03 code",
    "1000A PER03 required",
    "1000A PER04 required",
    "1000B NM102 code",
    "1000B NM102 required",
    "1000B NM103 required",
    "1000B NM108 code",
    "1000B NM108 required",
    "1000B NM109 required",
    "2000A HL01 required",
    "2000A HL03 code",
    "2000A HL03 required",
    "2000A HL04 code",
    "2000A HL04 required",
    "2000A PRV01 code",
    "2000A PRV01 required",
    "2000A PRV02 code",
    "2000A PRV02 required",
    "2010AA NM102 code",
    "2010AA NM102 required",
    "2010AA NM103 required",
    "2010AA NM108 code",
    "2010AA NM108 required",
    "2010AA NM109 required",
    "2010AA N301 required",
    "2010AA N401 required",
    "2010AA REF01 code",
    "2010AA REF01 required",
    "2000B HL02 required",
    "2000B HL03 code",
    "2000B HL03 required",
    "2000B HL04 code",
    "2000B HL04 required",
    "2000B SBR01 code",
    "2000B SBR01 required",
    "2000B SBR02 code",
    "2000B SBR09 code",
    "2000B SBR09 required",
    "2010BA NM102 code",
    "2010BA NM102 required",
    "2010BA NM103 required",
    "2010BA NM108 code",
    "2010BA DMG01 code",
    "2010BA DMG01 required",
    "2010BA DMG02 required",
    "2010BA DMG03 code",
    "2010BA DMG03 required",
    "2010BB NM102 code",
    "2010BB NM102 required",
    "2010BB NM103 required",
    "2010BB NM108 code",
    "2010BB NM108 required",
    "2010BB NM109 required",
    "2000C HL02 required",
    "2000C HL03 code",
    "2000C HL03 required",
    "2000C HL04 code",
    "2000C HL04 required",
    "2000C PAT01 code",
    "2000C PAT01 required",
    "2010CA NM102 code",
    "2010CA NM102 required",
    "2010CA NM103 required",
    "2010CA DMG01 code",
    "2010CA DMG01 required",
    "2010CA DMG02 required",
    "2010CA DMG03 code",
    "2010CA DMG03 required",
    "2300 CLM01 required",
    "2300 CLM02 required",
    "2300 CLM05-1 required",
    "2300 CLM05-2 code",
    "2300 CLM05-2 required",
    "2300 CLM05-3 code",
    "2300 CLM05-3 required",
    "2300 CLM06 code",
    "2300 CLM06 required",
    "2300 CLM07 code",
    "2300 CLM07 required",
    "2300 CLM08 code",
    "2300 CLM08 required",
    "2300 CLM09 code",
    "2300 CLM09 required",
    "2300 CLM10 code",
    "2300 REF01 code",
    "2300 REF01 required",
    "2400 DTP01 code",
    "2400 DTP01 required",
    "2300 HI01-1 code",
    "2300 HI02-1 code",
    "2300 HI03-1 code",
    "2300 HI04-1 code",
    "2300 HI05-1 code",
    "2300 HI06-1 code",
    "2300 HI07-1 code",
    "2300 HI08-1 code",
    "2300 HI09-1 code",
    "2300 HI10-1 code",
    "2300 HI11-1 code",
    "2300 HI12-1 code",
    "2300 HI01-2 required",
    "2310B NM102 code",
    "2310B NM102 required",
    "2310B NM108 code",
    "2310B PRV01 code",
    "2310B PRV01 required",
    "2400 LX01 required",
    "2400 SV101-1 code",
    "2400 SV101-1 required",
    "2400 SV101-2 required",
    "2400 SV102 required",
    "2400 SV103 code",
    "2400 SV103 required",
    "2400 SV104 required",
    "2400 SV107-1 required",
    "2400 SV109 code",
    "2400 DTP02 code",
    "2400 DTP02 required",
]


def _first(node: LoopNode, loop_id: str, seg_id: str) -> SegNode | None:
    for child in node.children:
        if isinstance(child, LoopNode):
            found = _first(child, loop_id, seg_id)
            if found is not None:
                return found
        elif child.id == seg_id and (node.spec.id == loop_id or loop_id == "HEADER"):
            return child
    return None


def _mutated(loop_id: str, ref: str, kind: str) -> str:
    """The golden file with element ``ref`` (``CLM05-3``) of the first ``loop_id`` segment
    emptied (``required``) or set to ``QQ`` (``code``)."""
    name, _, comp_text = ref.partition("-")
    seg_id, pos = name[:-2], int(name[-2:])
    comp = int(comp_text or 0)
    tx = parse(GOLDEN).transactions[0]
    if seg_id in ("ST", "SE"):
        seg = tx.ts.st if seg_id == "ST" else tx.ts.se
    else:
        node = _first(tx.data.tree, loop_id, seg_id)
        assert node is not None, (loop_id, ref)
        seg = node.segment
    assert seg is not None
    old = seg.encode(DEFAULT_DELIMITERS)
    elements = list(seg.elements) + [""] * max(0, pos - len(seg.elements))
    value = "" if kind == "required" else "QQ"
    if comp:
        parts = elements[pos - 1].split(":")
        parts += [""] * max(0, comp - len(parts))
        parts[comp - 1] = value
        elements[pos - 1] = ":".join(parts)
    else:
        elements[pos - 1] = value
    new = seg.id + "*" + "*".join(elements) + "~"
    assert GOLDEN.count(old) >= 1, old
    return GOLDEN.replace(old, new, 1)


@pytest.mark.parametrize("rule", RULES)
def test_it_reports_the_broken_element(rule: str) -> None:
    loop_id, ref, kind = rule.split()
    text = _mutated(loop_id, ref, kind)
    assert text != GOLDEN
    where = ref if loop_id == "HEADER" else f"{loop_id} {ref}"
    errors = {f.element for f in validate(parse(text)).findings() if f.is_error}
    assert where in errors, (rule, sorted(errors))
