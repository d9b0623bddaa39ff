"""``/api/payer-rules/{payer}``: a payer's rule set with its versions; a new version,
the diff of two and a revert. Reads need ``payers.view``, writes ``payers.change``;
writes go through :mod:`cleanclaim.payerrules.actions` (audited)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from cleanclaim.api.versioning import patch_body, read_patch
from cleanclaim.audit.actor import Actor
from cleanclaim.edits.payer_rules_lang import RulesError
from cleanclaim.payerrules import actions, service
from cleanclaim.payerrules.models import RuleVersion
from cleanclaim.payers.models import Payer
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404

router = Router(tags=["payer rules"])


class VersionSummary(Schema):
    number: int
    created_at: dt.datetime
    author: str
    why: str
    reverted_from: int | None


class VersionOut(VersionSummary):
    text: str


class RuleOut(Schema):
    id: str
    kind: str
    payers: list[str]
    effective: dt.date
    end: dt.date | None
    severity: str
    citation: str
    fix: str


class RuleSetOut(Schema):
    payer: int
    payer_id: str
    current: int | None
    rules: list[RuleOut]
    versions: list[VersionSummary]


class ProblemOut(Schema):
    line: int
    reason: str


class RulesErrorOut(Schema):
    detail: str
    problems: list[ProblemOut] = []


class NewVersion(Schema):
    text: str = Field(..., max_length=200_000)
    why: str = Field(..., max_length=300)
    based_on: int | None = Field(None, ge=0, description="the version the edit started from")


class Revert(Schema):
    to: int = Field(..., ge=1)
    why: str = Field(..., max_length=300)


class DiffOut(Schema):
    a: int
    b: int
    diff: str


def _summary(v: RuleVersion) -> dict[str, Any]:
    return {
        "number": v.number,
        "created_at": v.created_at,
        "author": v.author_label,
        "why": v.why,
        "reverted_from": v.reverted_from,
    }


def _payer(request: HttpRequest, pk: int, perm: str) -> Payer:
    return get_scoped_or_404(Payer, request.auth, perm, pk=pk)  # type: ignore[attr-defined]


def _versions(payer: Payer) -> list[RuleVersion]:
    return list(RuleVersion.objects.filter(rule_set__payer=payer).order_by("-number"))


@router.get("/{pk}", response=RuleSetOut, url_name="payer_rules")
@api_requires("payers.view")
def rule_set(request: HttpRequest, pk: int) -> dict[str, Any]:
    """The payer's current rules (parsed) and every version (newest first)."""
    payer = _payer(request, pk, "payers.view")
    versions = _versions(payer)
    rules = actions.check(payer, versions[0].text) if versions else []
    return {
        "payer": payer.pk,
        "payer_id": payer.payer_id,
        "current": versions[0].number if versions else None,
        "rules": [
            {
                "id": r.id,
                "kind": r.kind,
                "payers": list(r.payers),
                "effective": r.effective,
                "end": r.end,
                "severity": r.severity,
                "citation": r.citation,
                "fix": r.fix,
            }
            for r in rules
        ],
        "versions": [_summary(v) for v in versions],
    }


@router.get("/{pk}/versions/{number}", response=VersionOut, url_name="payer_rule_version")
@api_requires("payers.view")
def version(request: HttpRequest, pk: int, number: int) -> dict[str, Any]:
    payer = _payer(request, pk, "payers.view")
    v = RuleVersion.objects.filter(rule_set__payer=payer, number=number).first()
    if v is None:
        from django.http import Http404

        raise Http404("no such version")
    return _summary(v) | {"text": v.text}


def _saved(call: Any) -> Any:
    try:
        v = call()
    except RulesError as exc:
        return Status(
            422,
            {
                "detail": str(exc),
                "problems": [{"line": p.line, "reason": p.reason} for p in exc.problems],
            },
        )
    except actions.StaleRules as exc:
        return Status(409, {"detail": str(exc), "problems": []})
    except (LookupError, ValueError) as exc:
        return Status(422, {"detail": str(exc), "problems": []})
    return Status(201, _summary(v) | {"text": v.text})


@router.post(
    "/{pk}/versions",
    response={201: VersionOut, 409: RulesErrorOut, 422: RulesErrorOut},
    url_name="payer_rule_versions",
    openapi_extra=patch_body(NewVersion),
)
@api_requires("payers.change")
def create_version(request: HttpRequest, pk: int) -> Any:
    """Save the whole rule set as a new version; 422 listing every problem with its
    line; 409 when ``based_on`` is no longer the current version."""
    payer = _payer(request, pk, "payers.change")
    body = NewVersion(**read_patch(request, NewVersion))
    actor = Actor.from_request(request, via="api")
    return _saved(
        lambda: actions.save_version(actor, payer, body.text, body.why, based_on=body.based_on)
    )


@router.post(
    "/{pk}/revert",
    response={201: VersionOut, 409: RulesErrorOut, 422: RulesErrorOut},
    url_name="payer_rule_revert",
    openapi_extra=patch_body(Revert),
)
@api_requires("payers.change")
def revert(request: HttpRequest, pk: int) -> Any:
    """A new version with version ``to``'s text."""
    payer = _payer(request, pk, "payers.change")
    body = Revert(**read_patch(request, Revert))
    actor = Actor.from_request(request, via="api")
    return _saved(lambda: actions.revert(actor, payer, body.to, body.why))


@router.get("/{pk}/diff", response={200: DiffOut, 404: RulesErrorOut}, url_name="payer_rule_diff")
@api_requires("payers.view")
def diff(request: HttpRequest, pk: int, a: int | None = None, b: int | None = None) -> Any:
    """The unified diff from version ``a`` to ``b`` (default: the last two)."""
    payer = _payer(request, pk, "payers.view")
    versions = {v.number: v for v in _versions(payer)}
    if not versions:
        return Status(404, {"detail": "the payer has no rules versions", "problems": []})
    b = b or max(versions)
    a = a or max(b - 1, 1)
    if a not in versions or b not in versions:
        return Status(
            404, {"detail": f"no version {a if a not in versions else b}", "problems": []}
        )
    rows = service.diff(versions[a].text, versions[b].text, f"version {a}", f"version {b}")
    return {"a": a, "b": b, "diff": "\n".join(r["text"] for r in rows)}
