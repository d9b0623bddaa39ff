"""The coding screen, code pages and the reference data status page (thin views)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_POST

from cleanclaim.codes.store import SYSTEM_NAMES
from cleanclaim.coding import service, worklist
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import has_permission


def _is_fragment(request: HttpRequest) -> bool:
    """The screen's script and HTMX ask for fragments; plain forms get whole pages."""
    return bool(getattr(request, "htmx", False)) or request.headers.get("X-Fragment") == "1"


def _screen_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    dos_text = request.GET.get("date") or ""
    context: dict[str, Any] = {
        "fields": service.FIELD_CHOICES,
        "systems": service.SYSTEM_CHOICES,
        "system": request.GET.get("system") or service.DEFAULT_FIELD,
        "dos": dos_text,
        "today": service.parse_dos(None).isoformat(),
        "query": request.GET.get("q", ""),
        "items": worklist.items(request),
        "cpt_starter_only": service.starter_only("cpt"),
        "can_see_refdata": has_permission(request.user, "refdata.view"),
    }
    context.update(extra)
    return context


@require_GET
@requires("coding.work")
def screen(request: HttpRequest) -> HttpResponse:
    """Type-ahead code search with a working list. Without JavaScript the same form
    submits here and the results come back as a table with "Add" buttons."""
    context = _screen_context(request)
    error = ""
    answer = service.SearchAnswer([], [])
    try:
        system = service.parse_system(context["system"])
        dos = service.parse_dos(context["dos"])
        answer = service.search(context["query"], system, dos)
    except service.BadInput as exc:
        error = str(exc)
    context.update(answer=answer, error=error, searched=bool(context["query"].strip()))
    return render(request, "coding/screen.html", context, status=400 if error else 200)


@require_GET
@requires("coding.work")
def search(request: HttpRequest) -> HttpResponse:
    """The listbox options for the type-ahead (a fragment)."""
    try:
        system = service.parse_system(request.GET.get("system"))
        dos = service.parse_dos(request.GET.get("date"))
    except service.BadInput as exc:
        return render(request, "coding/_options.html", {"error": str(exc)}, status=400)
    answer = service.search(request.GET.get("q", ""), system, dos)
    response = render(
        request,
        "coding/_options.html",
        {"answer": answer, "query": request.GET.get("q", ""), "names": SYSTEM_NAMES},
    )
    patch_vary_headers(response, ("HX-Request", "X-Fragment"))
    return response


def _worklist_response(
    request: HttpRequest, *, error: str = "", added: service.Pick | None = None, status: int = 200
) -> HttpResponse:
    context = {"items": worklist.items(request), "error": error, "added": added}
    if _is_fragment(request):
        return render(request, "coding/_worklist.html", context, status=status)
    if error:
        context = _screen_context(request, **context)
        return render(request, "coding/screen.html", context, status=status)
    return redirect(reverse("coding:screen"))


@require_POST
@requires("coding.work")
def pick(request: HttpRequest) -> HttpResponse:
    """Add a code to the working list, with its warnings (header code, 7th character,
    stale code set)."""
    try:
        system = service.parse_system(request.POST.get("system"), allow_all=False)
        dos = service.parse_dos(request.POST.get("date"))
        picked = service.pick(system, request.POST.get("code", ""), dos)
    except service.BadInput as exc:
        return _worklist_response(request, error=str(exc), status=400)
    worklist.add(request, picked)
    return _worklist_response(request, added=picked)


@require_POST
@requires("coding.work")
def remove(request: HttpRequest) -> HttpResponse:
    if request.POST.get("all"):
        worklist.clear(request)
    else:
        worklist.remove(
            request,
            request.POST.get("system", ""),
            request.POST.get("code", ""),
            request.POST.get("date", ""),
        )
    return _worklist_response(request)


@require_GET
@requires("coding.work")
def code_detail(request: HttpRequest, system: str, code: str) -> HttpResponse:
    """One code as of ``?date=``: descriptions, dates, release, hierarchy, notes."""
    try:
        dos = service.parse_dos(request.GET.get("date"))
    except service.BadInput as exc:
        return render(request, "coding/not_found.html", {"message": str(exc)}, status=400)
    try:
        page = service.code_page(system, code, dos)
    except service.UnknownCode as exc:
        return render(
            request,
            "coding/not_found.html",
            {"message": str(exc), "system": system, "code": code},
            status=404,
        )
    return render(
        request,
        "coding/code.html",
        {"page": page, "dos": dos.isoformat(), "explicit_date": bool(request.GET.get("date"))},
    )


@require_GET
@requires("refdata.view")
def refdata_status(request: HttpRequest) -> HttpResponse:
    """What is loaded by system and release, and which systems are starter-only."""
    systems, ncci = service.status()
    return render(
        request,
        "coding/refdata.html",
        {
            "systems": systems,
            "ncci": ncci,
            "starter_only": [s for s in systems if s.releases and not s.complete],
            "missing": [s for s in systems if not s.releases],
        },
    )
