"""Reading a file imports only the guide packages of its transaction sets: the
registry's table of which package reads which ST01 agrees with the packages' own
guides, and a process that validates an 835 never imports the 837P package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cleanclaim.x12 import GUIDE_PACKAGES, all_guides
from cleanclaim.x12._registry import TRANSACTION_SETS, _package_guides

ROOT = Path(__file__).resolve().parents[2]


def test_it_knows_the_sets_of_every_package() -> None:
    assert sorted(TRANSACTION_SETS) == sorted(GUIDE_PACKAGES)
    for name in GUIDE_PACKAGES:
        assert {g.st01 for g in _package_guides(name)} == set(TRANSACTION_SETS[name]), name
    assert len(all_guides()) == sum(len(_package_guides(n)) for n in GUIDE_PACKAGES)


def test_it_reads_an_835_without_the_837p_package(tmp_path: Path) -> None:
    sample = (
        "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*0900*^*00501"
        "*000000001*0*T*:~GS*HP*PAYER*PROVIDER*20261127*0900*1*X*005010X221A1~"
        "ST*835*0001*005010X221A1~BPR*H*0*C*NON************20261127~TRN*1*1*1000000000~"
        "SE*4*0001~GE*1*1~IEA*1*000000001~"
    )
    code = (
        "import sys\n"
        "from cleanclaim.x12 import parse, validate\n"
        f"validate(parse({sample!r}))\n"
        "names = {m.split('.')[2] for m in sys.modules if m.startswith('cleanclaim.x12.x')}\n"
        "print(sorted(names))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src")},
        check=True,
    ).stdout
    assert out.strip() == "['x221a1_835']"
