"""Reading the audit trail is itself recorded: in the app (with the filters and the
entries shown) and in Django's admin (platform staff)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def test_it_records_who_viewed_the_trail_with_which_filters(world: World) -> None:
    desk = world.home.users[Role.FRONT_DESK]
    shown = record(Actor(desk), "read", world.home.patient)
    admin = world.home.users[Role.ADMIN]
    client = Client()
    client.force_login(admin)
    assert (
        client.get(reverse("manage:audit"), {"action": "read", "user": "desk"}).status_code == 200
    )
    entry = AuditEntry.objects.filter(object_label="viewed audit trail").get()
    assert entry.user == admin
    assert entry.organisation == world.home.organisation
    assert entry.context["filters"] == {"action": "read", "user": "desk"}
    assert entry.context["shown"] == [str(shown.pk)]


def test_it_records_the_admin_audit_pages_for_staff(world: World) -> None:
    entry = record(Actor(world.home.users[Role.FRONT_DESK]), "read", world.home.patient)
    staff = Client()
    staff.force_login(world.staff)
    listing = staff.get(reverse("admin:audit_auditentry_changelist"), {"action__exact": "read"})
    assert listing.status_code == 200
    seen = AuditEntry.objects.get(object_label="viewed audit trail")
    assert seen.user == world.staff and seen.via == "admin"
    assert seen.context["filters"] == {"action__exact": "read"}
    one = staff.get(reverse("admin:audit_auditentry_change", args=[entry.pk]))
    assert one.status_code == 200
    assert AuditEntry.objects.get(object_label="viewed audit entry").context["entry"] == str(
        entry.pk
    )
