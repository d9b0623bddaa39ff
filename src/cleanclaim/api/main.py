"""The NinjaAPI instance mounted at ``/api/``.

Each app contributes one router (``<app>/api.py``); a later capability adds
its own with one line in ``ROUTERS``.
"""

from __future__ import annotations

import importlib

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI

from cleanclaim.api.auth import AUTH

#: (mount prefix, "module:attribute") — one line per app.
ROUTERS: list[tuple[str, str]] = [
    ("/", "cleanclaim.api.me:router"),
    ("/practices", "cleanclaim.practices.api:router"),
    ("/patients", "cleanclaim.patients.api:router"),
    ("/payers", "cleanclaim.payers.api:router"),
    ("/scrub", "cleanclaim.scrubbing.api:router"),
    ("/codes", "cleanclaim.coding.api:router"),
]

api = NinjaAPI(
    title="cleanclaim API",
    version="1",
    urls_namespace="api",
    auth=AUTH,
    docs_url=None,  # the Swagger page loads third-party JS from a CDN; the schema is enough
    description="Scoped to the caller's organisation; see docs/app.md.",
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "not found"}, status=404)


for prefix, target in ROUTERS:
    module_name, attr = target.split(":")
    api.add_router(prefix, getattr(importlib.import_module(module_name), attr))
