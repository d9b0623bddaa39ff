"""The NinjaAPI instance mounted at ``/api/``.

Each app contributes one router (``<app>/api.py``); a later capability adds
its own with one line in ``ROUTERS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe
from ninja import NinjaAPI

from cleanclaim.api.auth import AUTH, TokenAuth

#: (mount prefix, "module:attribute") — one line per app.
ROUTERS: list[tuple[str, str]] = [
    ("/", "cleanclaim.api.me:router"),
    ("/practices", "cleanclaim.practices.api:router"),
    ("/patients", "cleanclaim.patients.api:router"),
    ("/payers", "cleanclaim.payers.api:router"),
    ("/payer-rules", "cleanclaim.payerrules.api:router"),
    ("/scrub", "cleanclaim.scrubbing.api:router"),
    ("/codes", "cleanclaim.coding.api:router"),
    ("/fees", "cleanclaim.fees.api:router"),
    ("/statements", "cleanclaim.statements.api:router"),
    ("/", "cleanclaim.payercalls.api:router"),
    ("/", "cleanclaim.claims.api:router"),
    ("/", "cleanclaim.clearinghouses.api:router"),
    ("/", "cleanclaim.eligibility.api:router"),
    ("/remittances", "cleanclaim.remits.api:router"),
    ("/denials", "cleanclaim.denials.api:router"),
    ("/appointments", "cleanclaim.appointments.api:router"),
    ("/", "cleanclaim.authorizations.api:router"),
]


def docs_guard(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The schema for everyone (``API_DOCS = "public"``), or only for a signed-in
    session or a token holder (``"login"``, the default in production): 401 otherwise.
    GET and HEAD only."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if settings.API_DOCS == "login" and not (
            request.user.is_authenticated or TokenAuth()(request)
        ):
            return JsonResponse(
                {"detail": "sign in or send a token to read the schema"}, status=401
            )
        return view(request, *args, **kwargs)

    return require_safe(wrapper)


api = NinjaAPI(
    title="cleanclaim API",
    version="1",
    urls_namespace="api",
    auth=AUTH,
    docs_url=None,  # the Swagger page loads third-party JS from a CDN; the schema is enough
    docs_decorator=docs_guard,
    description="Scoped to the caller's organisation; see docs/app.md.",
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "not found"}, status=404)


for prefix, target in ROUTERS:
    module_name, attr = target.split(":")
    api.add_router(prefix, getattr(importlib.import_module(module_name), attr))
