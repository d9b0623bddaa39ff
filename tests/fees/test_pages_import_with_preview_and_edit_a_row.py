"""The import page previews a file (every problem by line, or what would change) and
imports only on confirm; managers edit a row, the second of two editors is refused;
coders and billers see the schedules but may not change them."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.fees.models import Fee, FeeSchedule
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.home.users[role])
    return client


def _post(client: Client, world: World, data: dict[str, object]) -> object:
    base = {"practice": str(world.home.practice.pk), "schedule": "", "effective": ""}
    return client.post(reverse("fees:import"), {**base, **data})


def test_a_bad_file_is_shown_by_line_and_nothing_is_written(world: World) -> None:
    client = _client(world, Role.MANAGER)
    upload = SimpleUploadedFile("fees.csv", b"code,modifier,charge\n99214,,x\n9921,,10\n")
    response = _post(client, world, {"file": upload, "preview": "1"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "fees.csv:2: charge: &#x27;x&#x27; is not an amount" in body
    assert "fees.csv:3: code: &#x27;9921&#x27; is not a CPT code" in body
    assert list(
        Fee.objects.filter(schedule=world.home.fee_schedule).values_list("code", flat=True)
    ) == ["99213"]


def test_preview_then_confirm_replaces_the_rows(world: World) -> None:
    client = _client(world, Role.MANAGER)
    text = b"code,modifier,charge\n99213,,125.00\n99214,25,150\n"
    upload = SimpleUploadedFile("fees.csv", text)
    response = _post(client, world, {"file": upload, "preview": "1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "1 row(s) added, 1 changed, 0 removed, 0 unchanged" in body
    assert Fee.objects.get(schedule=world.home.fee_schedule, code="99213").charge == Decimal(
        "120.00"
    )
    response = _post(client, world, {"text": text.decode(), "confirm": "1"})
    assert response.status_code == 302
    fees = dict(Fee.objects.filter(schedule=world.home.fee_schedule).values_list("code", "charge"))
    assert fees == {"99213": Decimal("125.00"), "99214": Decimal("150.00")}
    assert AuditEntry.objects.filter(model="fees.Fee", action="create").exists()


def test_a_manager_edits_a_row_and_a_stale_edit_is_refused(world: World) -> None:
    fee = world.home.fee
    url = reverse("fees:fee_edit", kwargs={"pk": fee.pk})
    payer = world.home.payer
    first, second = _client(world, Role.MANAGER), _client(world, Role.ADMIN)
    assert first.get(url).status_code == 200
    ok = first.post(url, {"charge": "130.00", f"allowed_{payer.pk}": "99.50", "version": "1"})
    assert ok.status_code == 302
    fee.refresh_from_db()
    assert (fee.charge, fee.version) == (Decimal("130.00"), 2)
    assert fee.allowed.get().amount == Decimal("99.50")
    stale = second.post(url, {"charge": "140.00", "version": "1"})
    assert stale.status_code == 200
    assert "was changed" in stale.content.decode()
    fee.refresh_from_db()
    assert fee.charge == Decimal("130.00")


def test_coders_and_billers_see_but_do_not_change(world: World) -> None:
    for role in (Role.CODER, Role.BILLER):
        client = _client(world, role)
        listing = client.get(reverse("fees:list")).content.decode()
        assert world.home.fee_schedule.name in listing
        assert "Import a fee file" not in listing
        detail = client.get(reverse("fees:detail", kwargs={"pk": world.home.fee_schedule.pk}))
        assert "99213" in detail.content.decode()
        assert "Edit 99213" not in detail.content.decode()
        assert client.get(reverse("fees:import")).status_code == 403
        edit = reverse("fees:fee_edit", kwargs={"pk": world.home.fee.pk})
        assert client.post(edit, {"charge": "1.00"}).status_code == 403
    assert _client(world, Role.FRONT_DESK).get(reverse("fees:list")).status_code == 403


def test_the_rows_are_paged_not_cut_short(world: World) -> None:
    schedule = world.home.fee_schedule
    Fee.objects.bulk_create(
        Fee(schedule=schedule, code=f"{10000 + i}", charge=Decimal("10.00")) for i in range(150)
    )
    client = _client(world, Role.CODER)
    url = reverse("fees:detail", kwargs={"pk": schedule.pk})
    first = client.get(url).content.decode()
    assert "151 rows" in first and "Page 1 of 2" in first
    second = client.get(url + "?page=2").content.decode()
    assert "99213" in second and "10149" in second


def test_the_export_downloads_the_rows(world: World) -> None:
    client = _client(world, Role.BILLER)
    url = reverse("fees:export", kwargs={"pk": world.home.fee_schedule.pk})
    response = client.get(url)
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode() == "code,modifier,charge\n99213,,120.00\n"
    assert FeeSchedule.objects.count() == 2


def test_a_file_that_is_not_utf8_text_is_named_not_a_500(world: World) -> None:
    client = _client(world, Role.MANAGER)
    upload = SimpleUploadedFile("fees.csv", "code,charge\n99213,1\n".encode("utf-16"))
    response = _post(client, world, {"file": upload, "preview": "1"})
    assert response.status_code == 422
    assert "fees.csv: not UTF-8 text (byte 0)" in response.content.decode()
    missing = _post(client, world, {"schedule": "New", "preview": "1"})
    assert missing.status_code == 422
    assert "choose a CSV file to preview" in missing.content.decode()
