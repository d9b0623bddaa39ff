"""Domain actions of the scrubber pages: scrub an upload and record who did it.

The uploaded bytes are not stored anywhere; the audit entry keeps the file's
name, size and SHA-256, the number of claims and the outcome, so an auditor can
tell which file was looked at by whom (45 CFR 164.312(b) audit controls: the
file holds PHI).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record_event
from cleanclaim.deadlines import PayerLimits
from cleanclaim.edits.coverage import CoverageTable
from cleanclaim.payerrules.service import rules_for
from cleanclaim.payers.deadlines import limits_by_payer_id
from cleanclaim.scrubbing import service
from cleanclaim.scrubbing.coverage import coverage_on_file

AUDIT_MODEL = "scrubbing.Upload"


def _audit(actor: Actor, upload: service.Upload, context: dict[str, Any]) -> AuditEntry:
    verb = "refused" if "refused" in context else "scrubbed"
    return record_event(
        actor,
        AuditEntry.Action.READ,
        model=AUDIT_MODEL,
        label=f"{verb} {upload.name} ({upload.size:,} bytes)",
        context={"file": upload.name, "size": upload.size, "sha256": upload.sha256, **context},
    )


def _payer_limits(actor: Actor) -> dict[str, PayerLimits]:
    """The filing limits of the actor's organisation's payers, by payer id."""
    organisation_id = getattr(actor.user, "organisation_id", None)
    if organisation_id is None:
        return {}
    return limits_by_payer_id(actor.user.organisation)


def scrub_upload(
    actor: Actor, data: bytes, name: str, *, as_of: dt.date | None = None, kind: str = "auto"
) -> service.Outcome:
    """Scrub ``data`` and record the audit entry; a refused file is recorded too
    (with the reason) and the :class:`service.ScrubInputError` is raised again.
    Each claim's filing limit is its payer's own (the organisation's payer set-up,
    by payer id) when the organisation has the payer."""
    consulted: list[int] = []

    def on_file(members: set[str]) -> CoverageTable:
        table = coverage_on_file(actor.user, members)
        consulted.append(len(table))
        return table

    try:
        outcome = service.scrub(
            data,
            name,
            as_of=as_of,
            kind=kind,
            coverage=on_file,
            payer_limits=_payer_limits(actor),
            payer_rules=rules_for(actor.user),
        )
    except service.ScrubInputError as exc:
        _audit(actor, service.describe(data, name), {"claims": 0, "refused": str(exc)})
        raise
    summary = outcome.report["summary"]
    _audit(
        actor,
        outcome.upload,
        {
            "claims": summary["claims"],
            "with_errors": summary["with_errors"],
            "clean": summary["clean"],
            "as_of": (as_of or dt.date.today()).isoformat(),
            # coverage records read for the coverage rules (patients' coverage is PHI)
            "coverages_consulted": sum(consulted),
        },
    )
    return outcome


def record_refusal(actor: Actor, name: str, size: int, reason: str) -> AuditEntry:
    """A file refused before it was scrubbed (too big, a bad as-of date, a wrong content
    type): what was attempted, its name, size and the reason; never its content."""
    return _audit(actor, service.Upload(name, size, ""), {"claims": 0, "refused": reason})
