"""Small builders shared by the front-desk tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from cleanclaim.appointments.models import Appointment
from cleanclaim.audit.actor import Actor
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

ACTOR = Actor(user=None, via="test", label="test")


def front_desk(world: World, *, outsider: bool = False) -> Client:
    client = Client()
    tenant = world.outsider if outsider else world.home
    client.force_login(tenant.users[Role.FRONT_DESK])
    return client


def appointment(world: World, *, at: dt.datetime | None = None, **fields: Any) -> Appointment:
    home = world.home
    values: dict[str, Any] = {
        "practice": home.practice,
        "patient": home.patient,
        "provider": home.provider,
        "location": home.location,
        "coverage": home.coverage,
        "start": at or timezone.now(),
    }
    values.update(fields)
    return Appointment.objects.create(**values)
