"""Every response that shows PHI writes its audit entry: one marker and one check.

A view (page or API operation) that shows patient data is marked ``@shows_phi``
(``@shows_phi(methods=("POST",))`` when only some methods show it). The marker
flags the request; :class:`PHIAuditMiddleware` tracks the audit entries written
while the request is served (:func:`cleanclaim.audit.record.tracking`) and, for a
flagged request answered 2xx with no entry:

* with ``settings.AUDIT_STRICT_PHI`` (on with ``DEBUG`` and in the test suite)
  raises :class:`UnauditedPHIError`, so the missing ``record(...)`` is found by
  whoever wrote the view;
* otherwise (production) writes a generic READ entry (method, path, user,
  organisation) rather than let the read go unrecorded, and logs a warning.

The URL walk (tests/app/test_url_walk.py) holds the markers and the URL registry's
``phi`` decisions together. 45 CFR 164.312(b), audit controls.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, overload

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record_event, tracking

log = logging.getLogger(__name__)

View = Callable[..., Any]

#: The request attribute the marker sets and the middleware reads.
FLAG = "shows_phi"
#: The ``model`` of an entry written by the fallback.
FALLBACK_MODEL = "web.Response"


class UnauditedPHIError(RuntimeError):
    """A response showing PHI was about to leave without an audit entry."""


def _mark(view: View, methods: frozenset[str] | None) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if methods is None or request.method in methods:
            setattr(request, FLAG, True)
        return view(request, *args, **kwargs)

    wrapper.shows_phi = methods or True  # type: ignore[attr-defined]
    return wrapper


@overload
def shows_phi(view: View) -> View: ...
@overload
def shows_phi(*, methods: Iterable[str]) -> Callable[[View], View]: ...
def shows_phi(
    view: View | None = None, *, methods: Iterable[str] | None = None
) -> View | Callable[[View], View]:
    """Mark a view whose successful responses show PHI (all methods, or ``methods``)."""
    wanted = frozenset(m.upper() for m in methods) if methods is not None else None
    if view is not None:
        return _mark(view, wanted)
    return lambda v: _mark(v, wanted)


def shown(request: HttpRequest) -> bool:
    """True when the view serving ``request`` said its answer shows PHI."""
    return bool(getattr(request, FLAG, False))


class PHIAuditMiddleware:
    """Check that a response flagged as showing PHI wrote an audit entry."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with tracking() as written:
            response = self.get_response(request)
            if shown(request) and 200 <= response.status_code < 300 and not written:
                self._unaudited(request, response)
        return response

    def _unaudited(self, request: HttpRequest, response: HttpResponse) -> None:
        what = f"{request.method} {request.path} answered {response.status_code}"
        if getattr(settings, "AUDIT_STRICT_PHI", settings.DEBUG):
            raise UnauditedPHIError(
                f"{what} showing PHI but wrote no audit entry: call the action that "
                "records the read (e.g. patients.actions.view_patient) in the view"
            )
        log.warning("%s showing PHI without an audit entry; recording a generic read", what)
        via = "api" if request.path.startswith("/api/") else "web"
        record_event(
            Actor.from_request(request, via=via),
            AuditEntry.Action.READ,
            model=FALLBACK_MODEL,
            label=f"{request.method} {request.path}",
            context={"path": request.path, "method": request.method, "fallback": True},
        )
