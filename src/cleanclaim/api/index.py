"""The API's own pages around the NinjaAPI (``main.py``): ``GET /api/`` answers a JSON
index (version, links to the OpenAPI schema and the docs page), ``/api/docs/`` lists every
operation from that schema as plain HTML (no third-party script), and every other
``/api/...`` path that no operation serves answers a JSON 404, never Django's HTML page.
They are wired in ``cleanclaim.web.urls`` around ``api.urls``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from cleanclaim import __version__
from cleanclaim.api.main import api
from cleanclaim.tenancy.guards import signed_in

__all__ = ["docs", "index", "not_found"]


@require_GET
def index(request: HttpRequest) -> JsonResponse:
    """What this API is and where to read about it; no data, so no sign-in."""
    return JsonResponse(
        {
            "name": api.title,
            "version": api.version,
            "cleanclaim": __version__,
            "schema": request.build_absolute_uri(reverse("api:openapi-json")),
            "docs": request.build_absolute_uri(reverse("api-docs")),
            "auth": "a signed-in session, or the header 'Authorization: Bearer <token>' "
            "(cleanclaim manage issue_api_token)",
        }
    )


def _operations() -> list[dict[str, Any]]:
    ops = []
    for route, methods in api.get_openapi_schema()["paths"].items():
        for method, op in methods.items():
            ops.append(
                {
                    "method": method.upper(),
                    "path": route,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tags": ", ".join(op.get("tags", [])),
                }
            )
    return sorted(ops, key=lambda o: (o["path"], o["method"]))


@require_GET
@signed_in
def docs(request: HttpRequest) -> HttpResponse:
    """Every operation of the API with its summary and description, from its schema."""
    return render(
        request,
        "api/docs.html",
        {"operations": _operations(), "version": api.version, "title": api.title},
    )


def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """JSON 404 for any ``/api/...`` path no operation serves."""
    where = reverse("api-index")
    detail = f"not found: {request.path} is not an API operation (see {where})"
    return JsonResponse({"detail": detail}, status=404)
