"""A tabular read back from its start-up cache is the tabular the XML parse gives:
every node (description, parent, children, 7th characters, notes and their targets),
every chapter and section, the provenance and the order of the codes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from cleanclaim.codes.icd10cm import IcdTabular, package_xml, parse_tabular
from cleanclaim.codes.importing import import_paths
from cleanclaim.codes.store import Store

SRC = Path(__file__).resolve().parents[2] / "src"
DIGEST = """
import hashlib, sys
from pathlib import Path
from cleanclaim.codes.store import Store
store = Store(Path(sys.argv[1]))
tab = store.icd_release(store.in_use("icd10cm")[0].release)
text = repr([(c, tab.nodes[c]) for c in tab.nodes]) + repr(tab.blocks)
text += repr((tab.release, tab.version, tab.effective, tab.end, tab.source_file, tab.sha256))
print(isinstance(tab.nodes, dict), hashlib.sha256(text.encode()).hexdigest())
"""


def _digest(tab: IcdTabular) -> str:
    text = repr([(c, tab.nodes[c]) for c in tab.nodes]) + repr(tab.blocks)
    text += repr((tab.release, tab.version, tab.effective, tab.end, tab.source_file, tab.sha256))
    return hashlib.sha256(text.encode()).hexdigest()


def test_it_maps_an_imported_tabular_to_what_the_parse_gives(
    empty_root: Path, fixtures: Path
) -> None:
    xml = fixtures / "icd10cm_tabular_2026.xml"
    import_paths([xml], empty_root)  # the import writes the cache
    assert list((empty_root / "cache").glob("icd10cm-*.tab"))
    mapped = Store(empty_root).icd_release("FY2026")
    assert not isinstance(mapped.nodes, dict)
    parsed = parse_tabular(xml)
    assert list(mapped.nodes) == list(parsed.nodes)
    assert {c: mapped.nodes[c] for c in mapped.nodes} == parsed.nodes
    assert mapped.blocks == parsed.blocks
    assert (mapped.release, mapped.source_file, mapped.sha256) == (
        "FY2026",
        xml.name,
        parsed.sha256,
    )


def test_it_maps_the_packaged_tabular_to_what_the_parse_gives(tmp_path: Path) -> None:
    # the packaged tabular's cache is the same for every refdata folder: it goes to the
    # user's cache folder, and a refdata folder that does not exist is not created for it
    missing = tmp_path / "var" / "refdata"
    xdg = tmp_path / "xdg"

    def run() -> list[str]:
        cmd = [sys.executable, "-c", DIGEST, str(missing)]
        env = {**os.environ, "PYTHONPATH": str(SRC), "XDG_CACHE_HOME": str(xdg)}
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
        return out.stdout.split()

    built = run()  # the first process parses the XML and writes the cache
    assert list((xdg / "cleanclaim").glob("icd10cm-package-*.tab"))
    mapped = run()
    want = _digest(parse_tabular(package_xml()))
    assert built == ["True", want]
    assert mapped == ["False", want]
    assert not (tmp_path / "var").exists()
