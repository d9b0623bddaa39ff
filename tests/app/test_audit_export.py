"""The audit trail exported as CSV for a date range: from the audit browser (the
organisation's entries) and from the CLI (every organisation); each export is itself
recorded, and the CSV reads back as the entries of those days."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.export import COLUMNS
from cleanclaim.audit.models import AuditEntry
from cleanclaim.cli import main
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

DAY = dt.date(2026, 11, 2)


def _at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def _entry(tenant, day: dt.date, name: str) -> AuditEntry:  # type: ignore[no-untyped-def]
    desk = tenant.users[Role.FRONT_DESK]
    return AuditEntry.objects.create(
        at=_at(day),
        user=desk,
        user_label=desk.email,
        organisation=tenant.organisation,
        practice=tenant.practice,
        action="update",
        model="patients.Patient",
        object_pk=str(tenant.patient.pk),
        changes={"city": ["A", name]},
        via="web",
    )


@pytest.fixture
def trail(world: World) -> dict[str, AuditEntry]:
    """Entries the day before, on, and the day after DAY, and one of the outsider's on DAY."""
    made = {
        name: _entry(world.home, day, name)
        for name, day in (
            ("before", DAY - dt.timedelta(1)),
            ("on", DAY),
            ("after", DAY + dt.timedelta(1)),
        )
    }
    made["outsider"] = _entry(world.outsider, DAY, "outsider")
    return made


def _rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_it_exports_a_date_range_from_the_browser(world: World, trail) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    response = client.get(reverse("manage:audit_export"), {"from": DAY, "to": DAY})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="audit-2026-11-02-to-2026-11-02.csv"' in response["Content-Disposition"]
    rows = _rows(b"".join(response.streaming_content).decode())
    assert [r["id"] for r in rows] == [str(trail["on"].pk)]
    assert rows[0]["changes"] == '{"city": ["A", "on"]}'
    assert rows[0]["user"] == world.home.users[Role.FRONT_DESK].email
    export = AuditEntry.objects.get(object_label="exported audit trail")
    assert export.user == world.home.users[Role.ADMIN]
    assert export.context == {"from": "2026-11-02", "to": "2026-11-02", "rows": 1}


def test_it_keeps_other_organisations_out_of_the_browser_export(world: World, trail) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    body = b"".join(client.get(reverse("manage:audit_export")).streaming_content).decode()
    ids = {r["id"] for r in _rows(body)}
    assert str(trail["before"].pk) in ids and str(trail["after"].pk) in ids
    assert str(trail["outsider"].pk) not in ids


def test_it_says_which_date_is_wrong(world: World) -> None:
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    response = client.get(
        reverse("manage:audit_export"), {"from": "2026-12-01", "to": "2026-11-01"}
    )
    assert response.status_code == 400
    assert "from date 2026-12-01 is after to date 2026-11-01" in response.content.decode()
    response = client.get(reverse("manage:audit_export"), {"to": "last week"})
    assert response.status_code == 400 and "to date 'last week'" in response.content.decode()


def test_it_exports_from_the_cli_to_a_file(trail, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "review.csv"
    start, end = str(DAY), str(DAY + dt.timedelta(1))
    assert main(["audit", "export", "--from", start, "--to", end, "--out", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    rows = _rows(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == [str(trail[k].pk) for k in ("on", "outsider", "after")] or [
        r["id"] for r in rows
    ] == sorted((r["id"] for r in rows), key=int)
    assert {str(trail["on"].pk), str(trail["after"].pk), str(trail["outsider"].pk)} == {
        r["id"] for r in rows
    }
    assert "3 entries written" in capsys.readouterr().err
    export = AuditEntry.objects.get(object_label="exported audit trail")
    assert export.via == "cli" and export.user_label == "system: cleanclaim audit export"
    assert export.context["rows"] == 3


def test_it_refuses_a_bad_date_on_the_cli(db: None, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["audit", "export", "--from", "2026-13-01"]) == 2
    assert "from date '2026-13-01': use a date like" in capsys.readouterr().err


def test_it_neutralises_spreadsheet_formulas(world: World) -> None:
    AuditEntry.objects.create(
        user_label='=HYPERLINK("http://x")', action="read", model="x.Y", object_label="-1"
    )
    rows = _rows("".join(_cli_lines()))
    hostile = next(r for r in rows if r["model"] == "x.Y")
    assert hostile["user"].startswith("'=") and hostile["object_label"] == "'-1"


def _cli_lines() -> list[str]:
    from cleanclaim.audit.export import lines

    return list(lines(AuditEntry.objects.order_by("id")))
