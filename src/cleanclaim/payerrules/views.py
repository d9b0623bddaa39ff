"""Payer rule pages: the rules and their versions for those who see payers; editing
with a preview, diff and revert. Managers edit (``payers.change``). Thin: saving goes
through :mod:`cleanclaim.payerrules.actions`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cleanclaim.audit.actor import Actor
from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.payer_rules_lang import RulesError
from cleanclaim.payerrules import actions, service
from cleanclaim.payerrules.forms import RevertForm, RulesForm
from cleanclaim.payerrules.models import RuleVersion
from cleanclaim.payers.models import Payer
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, has_permission


def _versions(payer: Payer) -> list[RuleVersion]:
    return list(RuleVersion.objects.filter(rule_set__payer=payer).order_by("-number"))


@require_GET
@requires("payers.view")
def rules(request: HttpRequest, pk: int) -> HttpResponse:
    payer = get_scoped_or_404(Payer, request.user, "payers.view", pk=pk)
    versions = _versions(payer)
    current = versions[0] if versions else None
    parsed = actions.check(payer, current.text) if current else []
    return render(
        request,
        "payerrules/rules.html",
        {
            "payer": payer,
            "current": current,
            "versions": versions,
            "rules": parsed,
            "today": dt.date.today(),
            "can_change": has_permission(request.user, "payers.change"),
        },
    )


def _template(payer: Payer, citation: str) -> str:
    """A new rule to fill in, citing ``citation`` (e.g. a call reference)."""
    quoted = citation.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f"  - id: {payer.payer_id}-NEW-RULE\n"
        f"    payer: {payer.payer_id}\n"
        "    kind: prior-auth\n"
        "    codes: [97110-97799]\n"
        f"    effective: {dt.date.today().isoformat()}\n"
        f'    citation: "{quoted or "where this rule comes from"}"\n'
        "    fix: What the biller should do.\n"
    )


def _preview_claims(form: RulesForm, payer: Payer, as_of: dt.date) -> tuple[list[ScrubClaim], str]:
    pasted = (form.cleaned_data.get("claims") or "").strip()
    if not pasted:
        return service.sample_claims(payer, as_of), ""
    from cleanclaim.scrubbing.service import ScrubInputError, read_claims

    try:
        got = read_claims(pasted.encode(), "the pasted claims")
    except ScrubInputError as exc:
        return [], f"The pasted claims could not be read: {exc}"
    return [c for c, _ in got.claims], ""


@require_http_methods(["GET", "POST"])
@requires("payers.change")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The editor: ``Preview`` scrubs the sample (or pasted) claims with the current
    rules and the draft and shows the payer-rule findings of each; ``Save`` stores the
    draft as a new version (a reason why required)."""
    payer = get_scoped_or_404(Payer, request.user, "payers.change", pk=pk)
    current = service.current_version(payer)
    number = current.number if current else 0
    text = current.text if current else "rules:\n"
    citation = request.GET.get("citation", "")[:300]
    is_new = request.resolver_match is not None and request.resolver_match.url_name == "new"
    if request.method == "GET" and is_new:
        text = text.rstrip("\n") + "\n" + _template(payer, citation)
    form = RulesForm(
        request.POST or None, initial={"text": text, "based_on": number, "why": citation}
    )
    ctx: dict[str, Any] = {"payer": payer, "form": form, "current": current}
    if request.method == "POST" and form.is_valid():
        draft_text = form.cleaned_data["text"]
        try:
            draft = actions.check(payer, draft_text)
        except RulesError as exc:
            ctx["problems"] = exc.problems
            return render(request, "payerrules/edit.html", ctx, status=422)
        if "save" in request.POST:
            try:
                actions.save_version(
                    Actor.from_request(request),
                    payer,
                    draft_text,
                    form.cleaned_data["why"],
                    based_on=form.cleaned_data["based_on"],
                )
            except RulesError as exc:
                ctx["problems"] = exc.problems
            except (actions.StaleRules, actions.NoChange, ValueError) as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("payerrules:rules", pk=payer.pk)
        else:
            today = dt.date.today()
            claims, error = _preview_claims(form, payer, today)
            before = service.current_rules(payer.organisation_id)
            others = service.current_rules(payer.organisation_id, skip_payer=payer.pk)
            ctx["preview"] = service.preview(before, others + draft, claims, today)
            ctx["preview_error"] = error
    return render(request, "payerrules/edit.html", ctx)


def _version(payer: Payer, number: str | None, default: int) -> RuleVersion:
    try:
        n = int(number) if number else default
    except ValueError:
        raise Http404("no such version") from None
    v = RuleVersion.objects.filter(rule_set__payer=payer, number=n).first()
    if v is None:
        raise Http404("no such version")
    return v


@require_GET
@requires("payers.view")
def diff(request: HttpRequest, pk: int) -> HttpResponse:
    """``?a=N&b=M`` (default: the last two versions)."""
    payer = get_scoped_or_404(Payer, request.user, "payers.view", pk=pk)
    versions = _versions(payer)
    ctx: dict[str, Any] = {"payer": payer, "versions": versions}
    if versions:
        b = _version(payer, request.GET.get("b"), versions[0].number)
        a = _version(payer, request.GET.get("a"), max(b.number - 1, 1))
        ctx |= {
            "a": a,
            "b": b,
            "rows": service.diff(a.text, b.text, f"version {a.number}", f"version {b.number}"),
        }
    return render(request, "payerrules/diff.html", ctx)


@require_http_methods(["GET", "POST"])
@requires("payers.change")
def revert(request: HttpRequest, pk: int) -> HttpResponse:
    """``?to=N``: a new version with version N's text (asks why first)."""
    payer = get_scoped_or_404(Payer, request.user, "payers.change", pk=pk)
    versions = _versions(payer)
    target = _version(payer, request.GET.get("to"), versions[0].number) if versions else None
    form = RevertForm(request.POST or None)
    if request.method == "POST" and target is not None and form.is_valid():
        try:
            actions.revert(
                Actor.from_request(request), payer, target.number, form.cleaned_data["why"]
            )
        except (actions.NoChange, ValueError) as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("payerrules:rules", pk=payer.pk)
    return render(
        request, "payerrules/revert.html", {"payer": payer, "target": target, "form": form}
    )
