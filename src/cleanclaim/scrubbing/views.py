"""The scrubber's pages: the rule catalogue and the 837P upload (thin views)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.coding.service import BadInput, parse_dos
from cleanclaim.edits import ClaimResult
from cleanclaim.edits.scrub import EnvelopeErrors
from cleanclaim.payerrules.service import rules_for
from cleanclaim.scrubbing import actions, catalogue, service
from cleanclaim.scrubbing.svg import bar_chart
from cleanclaim.tenancy.guards import requires


@require_GET
@requires("claims.work")
def rules(request: HttpRequest) -> HttpResponse:
    """Every rule of the scrubber's registry: id, category, severity, meaning, fix,
    source and the CARC it prevents, one anchor per rule id; then every finding code of
    the X12 engine (the ``code`` of a syntax finding) with its meaning, fix and 999
    IK304/IK403 codes, one anchor per code."""
    groups = catalogue.grouped(rules_for(request.user))
    return render(
        request,
        "scrubbing/rules.html",
        {
            "groups": [g for g in groups if g.rules],
            "empty": [g for g in groups if not g.rules],
            "count": sum(len(g.rules) for g in groups),
            "x12_codes": catalogue.x12_codes(),
        },
    )


def _claim_view(
    r: ClaimResult, known: set[str], codes: set[str], status: str = ""
) -> dict[str, Any]:
    findings = []
    for f in r.findings:
        d = f.as_dict()
        d["anchor"] = f.rule if f.rule in known else ""
        d["code_anchor"] = f.code if f.code in codes else ""
        findings.append(d)
    errors = sum(1 for f in r.findings if f.severity == "error")
    return {
        "claim_id": r.claim_id,
        "head": r,
        "status": status,
        "findings": findings,
        "errors": errors,
        "warnings": len(r.findings) - errors,
    }


def _file_findings_view(outcome: service.Outcome) -> list[dict[str, Any]]:
    codes = catalogue.x12_code_ids()
    out = []
    for ff in outcome.findings:
        d = ff.as_dict()
        d["code_anchor"] = ff.finding.code if ff.finding.code in codes else ""
        out.append(d)
    return out


#: Claims with findings shown in full on the page, and clean claim ids listed; the rest
#: are counted (the page of a 5 MiB file stays small and quick; the API and the CLI's
#: ``--json`` give every finding).
PAGE_CLAIMS = 100
PAGE_CLEAN_IDS = 1000


def _rank(r: ClaimResult) -> int:
    """0 with errors, 1 with warnings only, 2 clean."""
    if r.has_error:
        return 0
    return 1 if r.findings else 2


def _results_context(outcome: service.Outcome) -> dict[str, Any]:
    known = catalogue.rule_ids()
    codes = catalogue.x12_code_ids()
    # Claims with errors first, then those with warnings only, then clean ones;
    # file order within each group (sorted() is stable).
    envelopes = EnvelopeErrors(outcome.findings)
    ranked = sorted(outcome.results, key=lambda r: 0 if envelopes.holds(r) else _rank(r))
    flagged = [r for r in ranked if r.findings or envelopes.holds(r)]
    clean = [r for r in ranked if not r.findings and not envelopes.holds(r)]
    counts = service.category_counts(outcome.report)
    return {
        "upload": outcome.upload,
        "summary": outcome.report["summary"],
        "file_findings": _file_findings_view(outcome),
        "notices": outcome.report.get("notices", []),
        "claims": [
            _claim_view(r, known, codes, envelopes.status(r)) for r in flagged[:PAGE_CLAIMS]
        ],
        "claims_not_shown": max(0, len(flagged) - PAGE_CLAIMS),
        "clean_claims": clean[:PAGE_CLEAN_IDS],
        "clean_not_shown": max(0, len(clean) - PAGE_CLEAN_IDS),
        "counts": counts,
        "chart": bar_chart(counts, title="Findings by category", chart_id="by-category"),
    }


@require_http_methods(["GET", "POST"])
@requires("claims.work")
@shows_phi(methods=("POST",))
def upload(request: HttpRequest) -> HttpResponse:
    """Drop an 837P (from any billing system) and read its findings. The file is read,
    scrubbed and forgotten; only an audit entry about it is kept."""
    context: dict[str, Any] = {
        "max_bytes": service.max_bytes(),
        "today": dt.date.today().isoformat(),
        "as_of": request.POST.get("as_of", "") if request.method == "POST" else "",
    }
    if request.method == "GET":
        return render(request, "scrubbing/upload.html", context)
    f = request.FILES.get("file")
    status = 200
    if f is None:
        context["error"] = "choose an 837P file to scrub"
        status = 400
    else:
        name = f.name or "upload"
        try:
            as_of = parse_dos(context["as_of"] or None, what="as-of date")
            service.check_size(f.size or 0, name)
            data = f.read()
            outcome = actions.scrub_upload(Actor.from_request(request), data, name, as_of=as_of)
            context.update(_results_context(outcome))
        except BadInput as exc:
            # not read: the attempt is recorded (name, size, why), never the content
            actions.record_refusal(Actor.from_request(request), name, f.size or 0, str(exc))
            context["error"] = str(exc)
            status = 400
        except service.ScrubInputError as exc:
            if exc.status == 413:  # scrub_upload records the files it read and refused
                actions.record_refusal(Actor.from_request(request), name, f.size or 0, str(exc))
            context["error"] = str(exc)
            status = exc.status
    return render(request, "scrubbing/upload.html", context, status=status)
