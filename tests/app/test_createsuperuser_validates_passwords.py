"""``cleanclaim manage createsuperuser`` refuses a weak password, even from
DJANGO_SUPERUSER_PASSWORD (which Django itself takes unchecked)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from cleanclaim.practices.models import User
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "message"),
    [
        (demo.PASSWORD, "published with the demo"),
        ("operator12345", "too similar"),
        ("password1234", "too common"),
        ("short", "too short"),
    ],
)
def test_it_refuses_a_weak_password_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, password: str, message: str
) -> None:
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", password)
    with pytest.raises(CommandError, match=message):
        call_command("createsuperuser", "--noinput", "--email", "operator@platform.example")
    assert not User.objects.filter(email="operator@platform.example").exists()


def test_it_creates_one_with_a_strong_password(monkeypatch: pytest.MonkeyPatch, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "violet harbour lantern sixty")
    call_command("createsuperuser", "--noinput", "--email", "operator@platform.example")
    assert User.objects.get(email="operator@platform.example").is_superuser
