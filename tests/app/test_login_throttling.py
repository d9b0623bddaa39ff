"""After N failed sign-ins for one username from one address, sign-in is
refused (even with the right password) until the window has passed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cleanclaim.practices.models import User
from cleanclaim.web.models import LoginFailure

PASSWORD = "correct horse battery staple"


@pytest.fixture
def alice(db: None, settings) -> User:  # type: ignore[no-untyped-def]
    settings.LOGIN_MAX_FAILURES = 3
    settings.LOGIN_LOCK_MINUTES = 15
    # A fast hasher: this file tests throttling, not hashing (argon2 is the real default).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return User.objects.create_user("alice@northside.test", PASSWORD)


def _sign_in(client: Client, password: str, ip: str = "10.0.0.1"):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("login"),
        {"username": "alice@northside.test", "password": password},
        REMOTE_ADDR=ip,
    )


def test_it_signs_in_with_the_right_password(alice: User) -> None:
    response = _sign_in(Client(), PASSWORD)
    assert response.status_code == 302


def test_it_locks_after_repeated_failures(alice: User) -> None:
    client = Client()
    for _ in range(3):
        assert _sign_in(client, "wrong").status_code == 200
    response = _sign_in(client, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_keeps_other_addresses_unlocked(alice: User) -> None:
    client = Client()
    for _ in range(3):
        _sign_in(client, "wrong", ip="10.0.0.1")
    assert _sign_in(Client(), PASSWORD, ip="10.0.0.2").status_code == 302


def test_it_unlocks_when_the_window_has_passed(alice: User) -> None:
    client = Client()
    for _ in range(3):
        _sign_in(client, "wrong")
    LoginFailure.objects.update(at=timezone.now() - dt.timedelta(minutes=16))
    assert _sign_in(client, PASSWORD).status_code == 302


def test_it_clears_the_count_after_a_successful_sign_in(alice: User) -> None:
    client = Client()
    for _ in range(2):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD).status_code == 302
    assert not LoginFailure.objects.exists()
