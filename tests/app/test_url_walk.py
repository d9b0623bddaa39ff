"""Walk every URL pattern and API operation: each must have a registry entry,
answer each role as the permission table says, and show an outsider nothing.

The issue's "Done when": the tenancy and permission tests cover every URL
pattern, and a new URL without a test fails the suite.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cleanclaim.api.main import api
from cleanclaim.practices.permissions import ROLE_PERMISSIONS, Role
from cleanclaim.testing.personas import World

from .url_registry import PUBLIC, REGISTRY, SIGNED_IN, STAFF_NAMESPACES, STAFF_PREFIX, Entry

pytestmark = pytest.mark.django_db


def _patterns(
    resolver: Any, prefix: str = "", ns: str | None = None
) -> Iterator[tuple[str, str, Any]]:
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            inner = ns
            if p.namespace:
                inner = f"{ns}:{p.namespace}" if ns else p.namespace
            yield from _patterns(p, prefix + str(p.pattern), inner)
        elif isinstance(p, URLPattern):
            name = f"{ns}:{p.name}" if ns and p.name else (p.name or "")
            yield name, prefix + str(p.pattern), p


def _route_key(route: str) -> str:
    return "/" + re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", route)


def url_keys() -> dict[str, str]:
    """Registry key → URL name, for every pattern in the resolver (API by method)."""
    schema_paths = api.get_openapi_schema()["paths"]
    keys: dict[str, str] = {}
    for name, route, _ in _patterns(get_resolver()):
        if route.split("/")[0] + "/" == STAFF_PREFIX and name not in REGISTRY:
            continue  # Django admin, staff only as a whole (including its unnamed redirects)
        if not name:
            raise AssertionError(f"URL pattern {route!r} has no name: name it and register it")
        methods = schema_paths.get(_route_key(route))
        if name.startswith("api:") and methods:
            for method in methods:
                keys[f"{method.upper()} {name}"] = name
        else:
            keys[name] = name
    return keys


def test_it_has_a_registry_entry_for_every_url() -> None:
    keys = url_keys()
    missing = sorted(set(keys) - set(REGISTRY))
    assert not missing, "\n".join(
        f"new URL {k} has no tenancy/permission test entry in tests/app/url_registry.py"
        for k in missing
    )
    stale = sorted(set(REGISTRY) - set(keys))
    assert not stale, f"registry entries for URLs that no longer exist: {stale}"


def _request(client: Client, key: str, entry: Entry, world: World) -> Any:
    name = key.split(" ", 1)[-1]
    url = reverse(name, kwargs=entry.args(world))
    return client.generic(entry.method, url)


def _is_api(key: str) -> bool:
    return key.split(" ", 1)[-1].startswith("api:")


ENTRIES = sorted(REGISTRY.items())


@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=[k for k, _ in ENTRIES])
def test_it_answers_each_role_as_the_permission_table_says(
    world: World, key: str, entry: Entry
) -> None:
    for role in Role:
        client = Client()
        client.force_login(world.home.users[role])
        response = _request(client, key, entry, world)
        allowed = entry.perm in (PUBLIC, SIGNED_IN) or entry.perm in ROLE_PERMISSIONS[role]
        if allowed:
            assert response.status_code in entry.ok, (
                f"{key} as {role.value}: expected {entry.ok}, got {response.status_code}"
            )
        else:
            assert response.status_code == 403, (
                f"{key} as {role.value} (lacks {entry.perm}): expected 403, "
                f"got {response.status_code}"
            )


@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=[k for k, _ in ENTRIES])
def test_it_sends_anonymous_visitors_to_sign_in(world: World, key: str, entry: Entry) -> None:
    response = _request(Client(), key, entry, world)
    if entry.perm == PUBLIC:
        assert response.status_code in entry.ok
    elif _is_api(key):
        assert response.status_code == 401, f"{key}: got {response.status_code}"
    else:
        assert response.status_code == 302, f"{key}: got {response.status_code}"
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=[k for k, _ in ENTRIES])
def test_it_shows_an_outsider_nothing_of_another_organisation(
    world: World, key: str, entry: Entry
) -> None:
    for role in Role:
        client = Client()
        client.force_login(world.outsider.users[role])
        response = _request(client, key, entry, world)
        if entry.kind == "object":
            assert response.status_code in (403, 404), (
                f"{key} as outsider {role.value}: got {response.status_code}"
            )
        body = response.content.decode("utf-8", "replace")
        leaked = [m for m in world.home.markers if m in body]
        assert not leaked, f"{key} as outsider {role.value} shows {leaked}"


def _admin_kwargs(pattern: Any, world: World) -> dict[str, str]:
    names = list(pattern.pattern.regex.groupindex)
    values = {"app_label": "practices", "content_type_id": "1"}
    return {n: values.get(n, str(world.home.practice.pk)) for n in names}


def test_it_keeps_django_admin_for_platform_staff(world: World) -> None:
    walked = 0
    for name, _route, pattern in _patterns(get_resolver()):
        if name.split(":")[0] not in STAFF_NAMESPACES or name in REGISTRY:
            continue
        if not name.startswith("admin:"):
            continue
        url = reverse(name, kwargs=_admin_kwargs(pattern, world))
        # Non-staff is non-staff whatever the role: the home admin, an outsider, nobody.
        for user in (world.home.users[Role.ADMIN], world.outsider.users[Role.MANAGER], None):
            client = Client()
            if user is not None:
                client.force_login(user)
            response = client.get(url, follow=True)
            assert response.redirect_chain, f"{name} as {user}: {response.status_code}"
            assert response.request["PATH_INFO"] == reverse("admin:login"), name
        walked += 1
    assert walked > 10  # the walk really went through the admin
    staff = Client()
    staff.force_login(world.staff)
    assert staff.get(reverse("admin:index")).status_code == 200
