"""Build a guide's loop tree from a pyx12 guide map, at run time.

pyx12 (BSD licence, © John Holland) keeps each implementation guide as an XML
map (``pyx12/map/835.5010.X221.A1.xml``) and the X12 data element dictionary as
``dataele.xml``. This tool turns the transaction-set part of a map (inside ST,
without ST/SE, which the envelope layer owns) into the compact JSON
:mod:`cleanclaim.x12.guidekit.spec` loads, flattening pyx12's HEADER/DETAIL/FOOTER
wrapper loops. The maps are read from the installed ``pyx12`` package (a pinned
runtime dependency) the first time a guide is used in a process (a few
milliseconds each); nothing generated from them is committed to this repository,
only our own documented corrections (``patches_*.json`` beside each guide).

To look at what a map turns into::

    python -m cleanclaim.x12.guidekit.from_pyx12 835.5010.X221.A1.xml OUT.json [--patch P.json]
    python -m cleanclaim.x12.guidekit.from_pyx12 --codes codes.xml OUT.json
"""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

from .._errors import X12Error


def pyx12_map_dir() -> Path:
    """The ``map`` folder of the installed pyx12 package (found without importing it)."""
    spec = importlib.util.find_spec("pyx12")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for loc in locations:
        folder = Path(loc) / "map"
        if (folder / "dataele.xml").is_file():
            return folder
    raise X12Error(
        "the implementation-guide maps of the pyx12 package are missing: "
        "reinstall cleanclaim's dependencies (pip install -e .)"
    )


def generated_spec(map_name: str, patches: Path | None = None) -> dict[str, Any]:
    """The JSON-shaped spec for pyx12's map ``map_name``, with our corrections applied."""
    data = convert(pyx12_map_dir() / map_name)
    if patches is not None:
        apply_patches(data, json.loads(patches.read_text(encoding="utf-8")))
        data["source"] += f", with 5010 corrections from {patches.name}"
    return data


def generated_codes() -> dict[str, Any]:
    """pyx12's external code lists (``codes.xml``), as :func:`convert_codes` shapes them."""
    return convert_codes(pyx12_map_dir() / "codes.xml")


def _text(node: ET.Element, tag: str, default: str = "") -> str:
    child = node.find(tag)
    return (child.text or "").strip() if child is not None and child.text else default


@cache
def _dictionary(map_dir: Path) -> dict[str, tuple[str, int, int]]:
    tree = ET.parse(map_dir / "dataele.xml")
    out: dict[str, tuple[str, int, int]] = {}
    for node in tree.getroot().iter("data_ele"):
        out[node.attrib["ele_num"]] = (
            node.attrib["data_type"],
            int(node.attrib["min_len"]),
            int(node.attrib["max_len"]),
        )
    return out


def _element(
    node: ET.Element, dictionary: dict[str, tuple[str, int, int]], ref: str
) -> dict[str, Any]:
    data_ele = _text(node, "data_ele")
    dtype, min_len, max_len = dictionary.get(data_ele, ("AN", 1, 256))
    out: dict[str, Any] = {
        "ref": node.attrib.get("xid") or ref,
        "name": _text(node, "name"),
        "usage": _text(node, "usage", "S"),
        "type": dtype,
        "min": min_len,
        "max": max_len,
    }
    valid = node.find("valid_codes")
    if valid is not None:
        if "external" in valid.attrib:
            out["ext"] = valid.attrib["external"]
        else:
            codes = [(c.text or "").strip() for c in valid.findall("code")]
            if codes:
                out["codes"] = codes
    repeat = _text(node, "repeat")
    if repeat and repeat != "1":
        out["repeat"] = 99 if repeat.startswith(">") else int(repeat)
    return out


def _segment(node: ET.Element, dictionary: dict[str, tuple[str, int, int]]) -> dict[str, Any]:
    elements: list[dict[str, Any]] = []
    seg_id = node.attrib["xid"]
    for child in node:
        if child.tag == "element":
            elements.append(_element(child, dictionary, f"{seg_id}{_text(child, 'seq')}"))
        elif child.tag == "composite":
            ref = child.attrib.get("xid") or f"{seg_id}{_text(child, 'seq')}"
            elements.append(
                {
                    "ref": ref,
                    "name": _text(child, "name"),
                    "usage": _text(child, "usage", "S"),
                    "components": [
                        _element(c, dictionary, f"{ref}-{_text(c, 'seq')}")
                        for c in child.findall("element")
                    ],
                }
            )
    return {
        "kind": "segment",
        "id": node.attrib["xid"],
        "name": _text(node, "name"),
        "usage": _text(node, "usage", "S"),
        "max_use": _text(node, "max_use", "1"),
        "syntax": [(s.text or "").strip() for s in node.findall("syntax")],
        "elements": elements,
    }


def _children(node: ET.Element, dictionary: dict[str, tuple[str, int, int]]) -> list[Any]:
    out: list[Any] = []
    for child in node:
        if child.tag == "segment":
            if child.attrib["xid"] in ("ST", "SE"):
                continue
            out.append(_segment(child, dictionary))
        elif child.tag == "loop":
            if child.attrib.get("type") == "wrapper":
                out.extend(_children(child, dictionary))
            else:
                out.append(_loop(child, dictionary))
    return out


def _loop(node: ET.Element, dictionary: dict[str, tuple[str, int, int]]) -> dict[str, Any]:
    return {
        "kind": "loop",
        "id": node.attrib["xid"],
        "name": _text(node, "name"),
        "usage": _text(node, "usage", "S"),
        "repeat": _text(node, "repeat", "1"),
        "children": _children(node, dictionary),
    }


def convert(map_path: Path) -> dict[str, Any]:
    """The JSON spec for the transaction set described by ``map_path``."""
    dictionary = _dictionary(map_path.parent)
    root = ET.parse(map_path).getroot()
    st_loop = next(n for n in root.iter("loop") if n.attrib.get("xid") == "ST_LOOP")
    transaction = _loop(st_loop, dictionary)
    transaction["id"] = "ST"
    return {
        "source": f"pyx12 map {map_path.name} (BSD licence, (c) John Holland), converted",
        "guide": _text(root, "name"),
        "transaction": transaction,
    }


def convert_codes(codes_path: Path) -> dict[str, Any]:
    """pyx12's external code lists (``codes.xml``): id → {name, element, codes}."""
    root = ET.parse(codes_path).getroot()
    lists: dict[str, Any] = {}
    for codeset in root.iter("codeset"):
        ident = _text(codeset, "id")
        codes = sorted({(c.text or "").strip() for c in codeset.iter("code") if c.text})
        lists[ident] = {
            "name": _text(codeset, "name"),
            "element": _text(codeset, "data_ele"),
            "codes": codes,
        }
    return {
        "source": f"pyx12 {codes_path.name} (BSD licence, (c) John Holland), converted",
        "lists": lists,
    }


def _find_loop(node: dict[str, Any], loop_id: str) -> dict[str, Any] | None:
    if node.get("id") == loop_id:
        return node
    for child in node.get("children", []):
        if child.get("kind") == "loop":
            found = _find_loop(child, loop_id)
            if found is not None:
                return found
    return None


def _find_segment(root: dict[str, Any], path: str) -> dict[str, Any] | None:
    """The segment ``LOOP/SEG`` or ``LOOP/SEG*QUALIFIER`` of a converted map (or None).

    The qualifier is a code value of the segment's first element (``2000F/DTP*472``).
    """
    loop_id, _, seg = path.partition("/")
    seg_id, _, qualifier = seg.partition("*")
    loop = _find_loop(root, loop_id)
    for child in loop.get("children", []) if loop is not None else []:
        if child.get("kind") == "loop" or child["id"] != seg_id:
            continue
        first = child["elements"][0] if child["elements"] else {}
        if not qualifier or qualifier in (first.get("codes") or ()):
            found: dict[str, Any] = child
            return found
    return None


@cache
def _segment_of_map(map_name: str, path: str) -> dict[str, Any] | None:
    """The segment ``LOOP/SEG`` of another pyx12 map, converted (or None).

    Read with ``iterparse`` up to the segment and cached: the 837 maps the 278
    borrows SV1, SV2, SV3 and TOO from are large, and converting them whole took
    about three times as long (measured: 60 ms instead of 160-190 ms per 837 map).
    """
    loop_id, _, seg_id = path.partition("/")
    map_path = pyx12_map_dir() / map_name
    loops: list[str] = []
    for event, node in ET.iterparse(map_path, events=("start", "end")):
        if node.tag == "loop":
            if event == "start":
                loops.append(node.attrib.get("xid", ""))
            else:
                loops.pop()
        elif (
            event == "end"
            and node.tag == "segment"
            and node.attrib.get("xid") == seg_id
            and loops
            and loops[-1] == loop_id
        ):
            return _segment(node, _dictionary(map_path.parent))
    return None


def _layout_segment(entry: str | dict[str, Any], root: dict[str, Any]) -> dict[str, Any] | None:
    """One segment of a layout: a copy of a map's segment with the entry's overrides."""
    spec: dict[str, Any] = {"from": entry} if isinstance(entry, str) else entry
    path = str(spec["from"])
    optional = path.endswith("?")
    path = path.rstrip("?")
    found = _segment_of_map(spec["map"], path) if "map" in spec else _find_segment(root, path)
    if found is None:
        if optional:
            return None
        raise X12Error(f"layout: segment {path} is not in the map {spec.get('map', '')}".strip())
    seg: dict[str, Any] = copy.deepcopy(found)
    for key in ("name", "usage", "max_use"):
        if key in spec:
            seg[key] = spec[key]
    replaced: dict[str, list[str]] = spec.get("codes", {})
    for ref, codes in replaced.items():
        element = next((e for e in seg["elements"] if e["ref"] == ref), None)
        if element is None:
            raise X12Error(f"layout: {path} has no element {ref}")
        element["codes"] = list(codes)
    return seg


def apply_layout(data: dict[str, Any], layout: dict[str, Any]) -> None:
    """Rebuild the transaction's loop tree after a documented layout.

    ``layout["loops"]`` maps each loop id of the target guide (``"ST"`` the set
    itself) to ``{"name", "usage", "repeat", "children"}``; each child is
    ``"@LOOP"`` (a loop of the layout; ``{"use": LOOP, "usage": U}`` with another usage
    at this place), ``"LOOP/SEG[*QUALIFIER][?]"`` (a copy of
    that segment of the map being converted; ``?``: only when the map has it) or
    ``{"from": ..., "map"?, "name"?, "usage"?, "max_use"?, "codes"?}`` (a segment,
    possibly of another pyx12 map, renamed, or with the code values of some of its
    elements replaced: ``{"HL03": ["EV"]}``).

    Used where a 5010 guide's loops differ from the only map pyx12 ships (the
    278 X217 from the 4010 X094 maps); element corrections follow as ordinary
    patches naming the new loop ids.
    """
    root = data["transaction"]

    def build(loop_id: str) -> dict[str, Any]:
        spec = layout["loops"][loop_id]
        children: list[Any] = []
        for entry in spec["children"]:
            if isinstance(entry, str) and entry.startswith("@"):
                children.append(build(entry[1:]))
                continue
            if isinstance(entry, dict) and "use" in entry:  # a layout loop, its usage changed
                loop = build(entry["use"])
                loop["usage"] = entry.get("usage", loop["usage"])
                children.append(loop)
                continue
            seg = _layout_segment(entry, root)
            if seg is not None:
                children.append(seg)
        return {
            "kind": "loop",
            "id": loop_id,
            "name": spec.get("name", loop_id),
            "usage": spec.get("usage", "R"),
            "repeat": str(spec.get("repeat", "1")),
            "children": children,
        }

    data["transaction"] = build("ST")


def apply_patches(data: dict[str, Any], patches: list[dict[str, Any]]) -> None:
    """Apply documented corrections to the generated spec.

    Each patch is ``{"ref", "loop"?, "add_codes"?, "codes"?, "drop_codes"?, "repeat"?,
    "usage"?, "ext"?, "type"?, "note"}``, or ``{"op": "layout", "loops", "note"}`` (see
    :func:`apply_layout`; applied first, so element patches name its loop ids).

    Used to bring a 4010 map's structure to the 5010 guide where pyx12 ships no
    5010 map (270/271 X279A1, 276 X212, 278 X217), and to correct a 5010 map (999
    X231A1: ``"type": "ID"`` makes CTX01-1 the qualifier that tells its two CTX
    apart); each patch names what it fixes.
    """
    for layout in [p for p in patches if p.get("op") == "layout"]:
        apply_layout(data, layout)
    patches = [p for p in patches if "op" not in p]

    def walk(node: dict[str, Any], loop: str) -> None:
        for child in node.get("children", []):
            if child.get("kind") == "loop":
                walk(child, child["id"])
                continue
            for pos in child["elements"]:
                for el in [pos, *pos.get("components", [])]:
                    for patch in patches:
                        if patch["ref"] != el["ref"] or patch.get("loop", loop) != loop:
                            continue
                        if "add_codes" in patch and "codes" in el:
                            el["codes"] = sorted(set(el["codes"]) | set(patch["add_codes"]))
                        if "codes" in patch:
                            el["codes"] = patch["codes"]
                        if "drop_codes" in patch:
                            el.pop("codes", None)
                        for key in ("repeat", "usage", "ext", "type"):
                            if key in patch:
                                el[key] = patch[key]

    walk(data["transaction"], "ST")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 3 and args[0] == "--codes":
        data = convert_codes(Path(args[1]))
        Path(args[2]).write_text(json.dumps(data, separators=(",", ":")) + "\n")
        return 0
    patches: list[dict[str, Any]] = []
    patch_name = ""
    if len(args) == 4 and args[2] == "--patch":
        patches = json.loads(Path(args[3]).read_text())
        patch_name = Path(args[3]).name
        args = args[:2]
    if len(args) != 2:
        print(
            "usage: python -m cleanclaim.x12.guidekit.from_pyx12 MAP.xml OUT.json", file=sys.stderr
        )
        return 2
    data = convert(Path(args[0]))
    if patches:
        apply_patches(data, patches)
        data["source"] += f", with 5010 corrections from {patch_name}"
    Path(args[1]).write_text(json.dumps(data, indent=0, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
