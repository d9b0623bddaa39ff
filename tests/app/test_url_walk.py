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
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.phi import UnauditedPHIError, shown
from cleanclaim.tenancy.permissions import ROLE_PERMISSIONS, Role
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


def _clients(users: dict[Role, Any]) -> dict[Role, Client]:
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def _client_for(clients: dict[Role, Client], users: dict[Role, Any], role: Role, entry: Entry):  # type: ignore[no-untyped-def]
    """The shared signed-in client for reads; a fresh one for writes (logout ends a session)."""
    if entry.method == "GET":
        return clients[role]
    client = Client()
    client.force_login(users[role])
    return client


def test_it_answers_each_role_as_the_permission_table_says(world: World) -> None:
    """Every entry, anonymous and each home role; all failures are reported together."""
    clients = _clients(world.home.users)
    failures = []
    for key, entry in ENTRIES:
        response = _request(Client(), key, entry, world)
        if entry.perm == PUBLIC:
            expected: tuple[int, ...] = entry.ok
        elif _is_api(key):
            expected = (401,)
        else:
            expected = (302,)
        if response.status_code not in expected:
            failures.append(f"{key} anonymous: expected {expected}, got {response.status_code}")
        elif (
            response.status_code == 302
            and entry.perm != PUBLIC
            and not response["Location"].startswith(reverse("login"))
        ):
            failures.append(f"{key} anonymous: redirected to {response['Location']}")
        for role in clients:
            client = _client_for(clients, world.home.users, role, entry)
            response = _request(client, key, entry, world)
            allowed = entry.perm in (PUBLIC, SIGNED_IN) or entry.perm in ROLE_PERMISSIONS[role]
            expected = entry.ok if allowed else (403,)
            if response.status_code not in expected:
                failures.append(
                    f"{key} as {role.value} ({'has' if allowed else 'lacks'} {entry.perm}): "
                    f"expected {expected}, got {response.status_code}"
                )
    assert not failures, "\n".join(failures)


def test_it_shows_an_outsider_nothing_of_another_organisation(world: World) -> None:
    """Every entry as each role of the outsider organisation: 403/404 on the home
    tenant's objects, and none of its markers on any page."""
    clients = _clients(world.outsider.users)
    failures = []
    for key, entry in ENTRIES:
        for role in clients:
            client = _client_for(clients, world.outsider.users, role, entry)
            response = _request(client, key, entry, world)
            if entry.kind == "object" and response.status_code not in (403, 404):
                failures.append(f"{key} as outsider {role.value}: got {response.status_code}")
            body = _body(response).decode("utf-8", "replace")
            leaked = [m for m in world.home.markers if m in body]
            if leaked:
                failures.append(f"{key} as outsider {role.value} shows {leaked}")
    assert not failures, "\n".join(failures)


def _body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def test_it_has_a_phi_decision_for_every_url() -> None:
    undecided = sorted(k for k, e in REGISTRY.items() if e.phi is None)
    assert not undecided, "\n".join(
        f"{k}: say whether it shows PHI (phi=True/False) in tests/app/url_registry.py"
        for k in undecided
    )


def test_it_writes_an_audit_entry_for_every_phi_answer(world: World) -> None:
    """Every entry as each home role: a PHI answer 200 wrote an audit entry during
    that request; and the view's ``@shows_phi`` marker agrees with the registry."""
    failures = []
    for key, entry in ENTRIES:
        for role, user in world.home.users.items():
            client = Client()
            client.force_login(user)
            before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
            try:
                response = _request(client, key, entry, world)
            except UnauditedPHIError as exc:
                failures.append(f"{key} as {role.value}: {exc}")
                continue
            _body(response)  # a streamed answer runs to its end
            if response.status_code != 200:
                continue
            written = AuditEntry.objects.filter(id__gt=before).count()
            if entry.phi and not written:
                failures.append(f"{key} as {role.value}: PHI answered 200 with no audit entry")
            marked = shown(response.wsgi_request)
            if marked != bool(entry.phi):
                failures.append(
                    f"{key} as {role.value}: registry says phi={entry.phi} but the view "
                    f"{'is' if marked else 'is not'} marked @shows_phi"
                )
    assert not failures, "\n".join(failures)


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
        # Non-staff is non-staff whatever the role or organisation: the admin role, nobody.
        for user in (world.home.users[Role.ADMIN], None):
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
