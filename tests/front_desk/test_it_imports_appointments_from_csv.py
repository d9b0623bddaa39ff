"""The CSV import: a dry run reports what would be imported and writes nothing; each bad
row is reported by line and column and then nothing at all is written; a clean file is
written whole. The same from the command line and the upload page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cleanclaim.appointments import importing
from cleanclaim.appointments.models import Appointment
from cleanclaim.cli import main
from cleanclaim.testing.personas import World

from .helpers import ACTOR, front_desk

HEADER = "date,time,account_number,provider_npi,location,duration,reason,external_id\n"


def _good(world: World, n: int = 2) -> str:
    h = world.home
    rows = [
        f"2026-12-07,{9 + i:02d}:00,{h.patient.account_number},{h.provider.npi},"
        f"{h.location.name},20,follow-up,EXT-{i}\n"
        for i in range(n)
    ]
    return HEADER + "".join(rows)


def test_it_dry_runs_without_writing(world: World) -> None:
    result = importing.import_text(ACTOR, world.home.practice, _good(world), dry_run=True)
    assert result.ok and len(result.rows) == 2
    assert Appointment.objects.count() == 0


def test_it_reports_each_bad_row_and_writes_nothing(world: World) -> None:
    h = world.home
    text = (
        _good(world)
        + f"2026-13-01,09:00,{h.patient.account_number},{h.provider.npi},,,,\n"
        + f"2026-12-07,25:00,NOBODY,{h.provider.npi},,,,\n"
        + f"2026-12-07,10:00,{h.patient.account_number},{h.provider.npi},,3,,\n"
        + f"2026-12-07,11:00,{h.patient.account_number},{h.provider.npi},,,,EXT-1\n"
    )
    result = importing.import_text(ACTOR, h.practice, text, dry_run=False)
    problems = [str(p) for p in result.problems]
    assert problems[0].startswith("line 4: date:")
    assert any(p.startswith("line 5: time:") for p in problems)
    assert any(p.startswith("line 5: account_number:") for p in problems)
    assert any(p.startswith("line 6: duration:") for p in problems)
    assert any(p.startswith("line 7: external_id:") and "line 3" in p for p in problems)
    assert Appointment.objects.count() == 0


def test_it_refuses_a_provider_of_the_outsider(world: World) -> None:
    h, o = world.home, world.outsider
    text = HEADER + f"2026-12-07,09:00,{h.patient.account_number},{o.provider.npi},,,,\n"
    result = importing.plan(h.practice, text)
    assert [p.column for p in result.problems] == ["provider_npi"]


def test_it_imports_a_clean_file_from_the_cli(world: World, tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "day.csv"
    path.write_text(_good(world, 3))
    args = ["appointments", "import", str(path), "--practice", str(world.home.practice.pk)]
    assert main([*args, "--dry-run"]) == 0
    assert Appointment.objects.count() == 0
    assert main(args) == 0
    assert Appointment.objects.count() == 3
    assert main(args) == 1  # the same external ids again: refused whole
    assert "already imported" in capsys.readouterr().err
    assert Appointment.objects.count() == 3


def test_it_reports_bad_rows_on_the_upload_page(world: World) -> None:
    text = HEADER + f"2026-12-07,09:00,NOBODY,{world.home.provider.npi},,,,\n"
    response = front_desk(world).post(
        reverse("appointments:import"),
        {
            "practice": world.home.practice.pk,
            "file": SimpleUploadedFile("day.csv", text.encode()),
        },
    )
    assert response.status_code == 200
    assert "line 2: account_number:" in response.content.decode()
    assert Appointment.objects.count() == 0
