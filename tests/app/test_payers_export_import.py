"""``cleanclaim payers export`` / ``import``: profiles and rules as one YAML document.
Exporting after importing gives the same text; a bad file is refused whole with the
line of each problem and nothing written (exit 2); ``--dry-run`` says what would
change and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.payerrules.models import RuleVersion
from cleanclaim.payers.forms import PayerForm
from cleanclaim.payers.models import Payer
from cleanclaim.testing.personas import World

DOC = """payers:
  - payer_id: WIL77
    profile:
      name: Willamette Health
      kind: commercial
      submission: electronic
      timely_amount: 120
      timely_unit: days
      active: true
    rules: |
      rules:
        - id: WIL-PT-AUTH
          payer: WIL77
          kind: prior-auth
          codes: [97110-97799]
          effective: 2026-01-01
          end: 2026-12-31
          citation: Willamette bulletin 2026-02
          fix: Get the authorization number before the visit.
"""


def _org(world: World) -> list[str]:
    return ["--org", world.home.organisation.name]


def _export(world: World, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    capsys.readouterr()
    assert main(["payers", "export", *_org(world), *extra]) == 0
    return capsys.readouterr().out


def test_export_after_import_gives_the_same_text(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "payers.yaml"
    f.write_text(DOC)
    assert main(["payers", "import", str(f), *_org(world)]) == 0
    first = _export(world, capsys, "--payer", "WIL77")
    assert "payer_id: WIL77" in first and "Willamette bulletin 2026-02" in first
    # into another organisation, and out again: the same text but the header line
    (tmp_path / "all.yaml").write_text(first)
    theirs = ["--org", world.outsider.organisation.name]
    assert main(["payers", "import", str(tmp_path / "all.yaml"), *theirs]) == 0
    capsys.readouterr()
    assert main(["payers", "export", *theirs, "--payer", "WIL77"]) == 0
    again = capsys.readouterr().out
    assert again.split("\n", 1)[1] == first.split("\n", 1)[1]
    # importing the export changes nothing
    assert main(["payers", "import", str(tmp_path / "all.yaml"), *_org(world)]) == 0
    assert "0 change(s) changed" in capsys.readouterr().err
    assert RuleVersion.objects.filter(rule_set__payer__payer_id="WIL77").count() == 2


def test_it_exports_every_form_field_of_the_profile(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    payer = world.home.payer
    out = _export(world, capsys, "--payer", payer.payer_id)
    for name in PayerForm.Meta.fields:
        assert f"{name}:" in out
    assert out.count("payer_id:") == 1


def test_a_bad_file_is_refused_whole_with_each_line(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = DOC.replace("timely_amount: 120", "timely_amount: 9999").replace(
        "kind: prior-auth", "kind: perhaps"
    )
    bad += "  - payer_id: NEW2\n    profile:\n      name: Two\n      colour: red\n"
    f = tmp_path / "payers.yaml"
    f.write_text(bad)
    assert main(["payers", "import", str(f), *_org(world)]) == 2
    err = capsys.readouterr().err
    assert "refused, nothing written (5 problem(s))" in err
    assert f"{f}:7: payer WIL77 profile timely_amount: the timely filing limit must be" in err
    assert f"{f}:14: payer WIL77 rules: kind 'perhaps' is not one of" in err
    assert f"{f}:23: payer NEW2 profile: unknown field 'colour'" in err
    assert f"{f}:22: payer NEW2 profile kind: This field is required." in err
    assert not Payer.objects.filter(payer_id__in=["WIL77", "NEW2"]).exists()


def test_dry_run_says_what_would_change_and_writes_nothing(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payer = world.home.payer
    doc = f"payers:\n  - payer_id: {payer.payer_id}\n    profile:\n      timely_amount: 200\n"
    f = tmp_path / "payers.yaml"
    f.write_text(doc)
    assert main(["payers", "import", str(f), "--dry-run", *_org(world)]) == 0
    out = capsys.readouterr()
    assert f"{payer.payer_id}: timely_amount {payer.timely_amount!r} -> 200" in out.out
    assert "1 change(s) would change" in out.err
    payer.refresh_from_db()
    assert payer.timely_amount != 200


def test_it_names_a_missing_organisation(tmp_path: Path, world: World, capsys) -> None:
    assert main(["payers", "export", "--org", "Nobody"]) == 2
    assert "no organisation named 'Nobody'" in capsys.readouterr().err
    assert main(["payers", "export"]) == 2
    assert "several organisations: name one with --org" in capsys.readouterr().err


def test_the_ids_per_connection_travel_with_the_profile(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = DOC.replace(
        "    rules: |\n",
        '    connection_ids:\n      Availity: "60054"\n      Office Ally: WIL77OA\n    rules: |\n',
    )
    f = tmp_path / "payers.yaml"
    f.write_text(doc)
    assert main(["payers", "import", str(f), *_org(world)]) == 0
    payer = Payer.objects.get(organisation=world.home.organisation, payer_id="WIL77")
    ids = dict(payer.connection_ids.values_list("connection", "connection_payer_id"))
    assert ids == {"Availity": "60054", "Office Ally": "WIL77OA"}
    out = _export(world, capsys, "--payer", "WIL77")
    assert "  connection_ids:\n    Availity: '60054'\n    Office Ally: WIL77OA\n" in out
    # the same text again changes nothing; a bad id is refused with its line
    (tmp_path / "again.yaml").write_text(out)
    assert main(["payers", "import", str(tmp_path / "again.yaml"), *_org(world), "--dry-run"]) == 0
    assert "connection_ids" not in capsys.readouterr().out
    bad = doc.replace("Office Ally: WIL77OA", "Office Ally: 'no spaces allowed!'")
    f.write_text(bad)
    assert main(["payers", "import", str(f), *_org(world)]) == 2
    err = capsys.readouterr().err
    assert f"{f}:12: payer WIL77 connection_ids 'Office Ally' connection_payer_id:" in err
