"""Connection and batch pages. Thin: saving and sending go through
:mod:`cleanclaim.clearinghouses.actions` (audited; connections version-checked).

Connections are set up by administrators (``practices.manage``); batches are sent and
followed by billers (``claims.submit``). A connection for one practice is seen only by
those with the permission at that practice.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses import actions, registry
from cleanclaim.clearinghouses.forms import ConnectionForm, SendForm
from cleanclaim.clearinghouses.models import Batch, Connection, TransmissionFile
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import StaleEdit, show_stale
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, practice_ids, scoped

MANAGE = "practices.manage"
SUBMIT = "claims.submit"


def connections_for(user: Any, permission: str) -> QuerySet[Connection]:
    """Connections of the user's organisation for every practice, or for a practice
    where the user has ``permission``."""
    ids = practice_ids(user, permission)
    return scoped(Connection, user, permission).filter(
        Q(practice__isnull=True) | Q(practice_id__in=ids)
    )


def _connection(request: HttpRequest, pk: int, permission: str) -> Connection:
    return get_scoped_or_404(
        connections_for(request.user, permission), request.user, permission, pk=pk
    )


@require_GET
@requires(MANAGE)
def connection_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "clearinghouses/connections.html",
        {
            "connections": connections_for(request.user, MANAGE).select_related("practice"),
            "plugins": registry.choices(),
        },
    )


def _settings_form(plugin: Any, request: HttpRequest, connection: Connection | None) -> Any:
    initial = dict(connection.settings) if connection else None
    return plugin.SettingsForm(request.POST or None, prefix="s", initial=initial)


@require_http_methods(["GET", "POST"])
@requires(MANAGE)
def connection_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Add (``?plugin=<name>``) or change a connection: the common fields and the
    plug-in's settings; secrets left blank keep the stored ones."""
    organisation = request.user.organisation  # type: ignore[union-attr]
    connection = _connection(request, pk, MANAGE) if pk else None
    name = connection.plugin if connection else request.GET.get("plugin", registry.PLUGINS[0])
    try:
        plugin = registry.plugin(name)
    except registry.UnknownPlugin:
        raise Http404("no such plug-in") from None
    form = ConnectionForm(
        request.POST or None, instance=connection, organisation_id=organisation.pk
    )
    practice_field = form.fields["practice"]
    practice_field.queryset = scoped(Practice, request.user, MANAGE)  # type: ignore[attr-defined]
    settings_form = _settings_form(plugin, request, connection)
    if request.method == "POST" and form.is_valid() and settings_form.is_valid():
        values, secrets = settings_form.split()
        fields = {k: form.cleaned_data[k] for k in form.Meta.fields}
        version = form.cleaned_data.get("version")
        try:
            saved = actions.save_connection(
                Actor.from_request(request),
                organisation,
                connection=connection,
                secrets=secrets,
                expected_version=version,
                plugin=plugin.NAME,
                settings=values,
                **fields,
            )
        except StaleEdit as exc:
            show_stale(form, exc)
        except (ValidationError, ValueError) as exc:
            form.add_error(None, getattr(exc, "messages", None) or str(exc))
        else:
            messages.success(request, f"Connection {saved.name} saved.")
            return redirect("clearinghouses:connections")
    title = f"Change {connection.name}" if connection else f"Add a connection: {plugin.LABEL}"
    return render(
        request,
        "clearinghouses/connection_form.html",
        {
            "form": form,
            "settings_form": settings_form,
            "title": title,
            "connection": connection,
            "has_secrets": bool(connection and connection.secrets),
        },
    )


@require_POST
@requires(MANAGE)
def connection_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Connect once: the host key is pinned on first use and shown; a changed key,
    a refused password or an unreachable host is said plainly."""
    connection = _connection(request, pk, MANAGE)
    try:
        actions.check_connection(Actor.from_request(request), connection)
    except Exception as exc:
        messages.error(request, getattr(exc, "message", "") or str(exc))
    else:
        connection.refresh_from_db()
        messages.success(
            request, f"Connected to {connection.name}; host key {connection.pinned_host_key}"
        )
    return redirect("clearinghouses:connections")


def _batches(request: HttpRequest) -> QuerySet[Batch]:
    return scoped(Batch, request.user, SUBMIT).select_related("connection", "practice")


@require_GET
@requires(SUBMIT)
def batch_list(request: HttpRequest) -> HttpResponse:
    practices = list(scoped(Practice, request.user, SUBMIT))
    sendable = []
    for connection in connections_for(request.user, SUBMIT).filter(active=True):
        for practice in practices:
            if connection.practice_id in (None, practice.pk):
                routed = actions.routed_payers(practice, connection)
                queued = (
                    Claim.objects.filter(practice=practice, status="queued", payer_id__in=routed)
                    .exclude(batch_claims__batch__status__in=actions.OPEN_STATUSES)
                    .count()
                )
                sendable.append({"connection": connection, "practice": practice, "queued": queued})
    return render(
        request,
        "clearinghouses/batches.html",
        {"batches": _batches(request)[:200], "sendable": sendable},
    )


@require_POST
@requires(SUBMIT)
def batch_send(request: HttpRequest) -> HttpResponse:
    form = SendForm(request.POST)
    if not form.is_valid():
        return HttpResponse("choose a connection and a practice", status=422)
    practice = get_scoped_or_404(Practice, request.user, SUBMIT, pk=form.cleaned_data["practice"])
    connection = _connection(request, form.cleaned_data["connection"], SUBMIT)
    try:
        batches = actions.send_queued(Actor.from_request(request), practice, connection)
    except actions.BatchError as exc:
        messages.error(request, str(exc))
        return redirect("clearinghouses:batches")
    if len(batches) == 1:
        return redirect("clearinghouses:batch_detail", pk=batches[0].pk)
    messages.success(request, f"{len(batches)} batches created.")
    return redirect("clearinghouses:batches")


@require_POST
@requires(SUBMIT)
def batch_collect(request: HttpRequest) -> HttpResponse:
    """*Check for answers*: poll one connection now (999, TA1, 277CA and 835 files)."""
    try:
        pk = int(request.POST.get("connection", ""))
    except ValueError:
        return HttpResponse("choose a connection", status=422)
    connection = _connection(request, pk, SUBMIT)
    try:
        result = actions.poll(Actor.from_request(request), connection)
    except Exception as exc:  # the transport's errors carry a plain ``message``
        messages.error(request, f"{connection.name}: {getattr(exc, 'message', '') or exc}")
        return redirect("clearinghouses:batches")
    messages.success(
        request,
        f"{connection.name}: {len(result.taken)} answer(s) taken in, "
        f"{len(result.skipped)} already known.",
    )
    return redirect("clearinghouses:batches")


@require_GET
@requires(SUBMIT)
@shows_phi
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_scoped_or_404(_batches(request), request.user, SUBMIT, pk=pk)
    record(Actor.from_request(request), AuditEntry.Action.READ, batch, context={"with": "claims"})
    claims = batch.batch_claims.select_related("claim", "claim__patient").order_by("position")
    files = TransmissionFile.objects.filter(batch=batch).defer("content").order_by("id")
    return render(
        request,
        "clearinghouses/batch_detail.html",
        {"batch": batch, "claims": claims, "files": files, "statuses": _claim_statuses(batch)},
    )


def _claim_statuses(batch: Batch) -> list[dict[str, Any]]:
    return list(
        Claim.objects.filter(batch_claims__batch=batch)
        .values("status")
        .annotate(n=Count("id"))
        .order_by("status")
    )


@require_GET
@requires(SUBMIT)
def batch_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the batch page polls (HTMX) while the batch is sending."""
    batch = get_scoped_or_404(_batches(request), request.user, SUBMIT, pk=pk)
    return render(request, "clearinghouses/_progress.html", {"batch": batch})


@require_POST
@requires(SUBMIT)
def batch_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a failed batch again: the same file, sent once."""
    batch = get_scoped_or_404(_batches(request), request.user, SUBMIT, pk=pk)
    if batch.status != Batch.Status.FAILED:
        messages.error(request, "only a batch that failed is sent again")
    else:
        actions.resend(Actor.from_request(request), batch)
    return redirect("clearinghouses:batch_detail", pk=batch.pk)


@require_GET
@requires(SUBMIT)
@shows_phi
def file_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A kept file as sent or received (an 837P names patients)."""
    ids = practice_ids(request.user, SUBMIT)
    files = scoped(TransmissionFile, request.user, SUBMIT).filter(
        Q(practice_id__in=ids) | Q(batch__practice_id__in=ids)
    )
    kept = get_scoped_or_404(files, request.user, SUBMIT, pk=pk)
    record(Actor.from_request(request), AuditEntry.Action.READ, kept, context={"with": "download"})
    response = HttpResponse(bytes(kept.content), content_type="application/edi-x12")
    response["Content-Disposition"] = f'attachment; filename="{kept.name}"'
    return response
