"""``cleanclaim claims export-837p``: a selection of claims written as one 837P;
``cleanclaim claims print-cms1500``: a batch of paper claims as one CMS-1500 PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleanclaim.cli import CLIError, _django


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("claims", help="work with the app's claims")
    sub = p.add_subparsers(dest="claims_command", metavar="ACTION", required=True)
    ex = sub.add_parser(
        "export-837p",
        help="write claims as one 837P (005010X222A1)",
        description=(
            "Write the claims named by number (CLM01, e.g. CC00000012) or by --status as one "
            "837P interchange, to FILE or standard output. The claims are not marked as "
            "submitted: this is a file for a clearinghouse upload or a review."
        ),
    )
    ex.add_argument("numbers", nargs="*", metavar="NUMBER", help="claim numbers")
    ex.add_argument("--status", help="every claim with this status, e.g. queued")
    ex.add_argument("--practice", type=int, help="only this practice (id)")
    ex.add_argument("-o", "--output", type=Path, help="write to FILE (default: stdout)")
    ex.add_argument("--control-number", type=int, default=1, help="ISA13/GS06/ST02 number")
    ex.set_defaults(func=export_837p)
    pr = sub.add_parser(
        "print-cms1500",
        help="print claims as one CMS-1500 (02/12) PDF",
        description=(
            "Print the claims named by number, or with --ready-paper every ready claim whose "
            "payer takes paper claims, as one CMS-1500 PDF (a page per claim). Each claim's "
            "print is recorded as a read; the claims are not marked as submitted."
        ),
    )
    pr.add_argument("numbers", nargs="*", metavar="NUMBER", help="claim numbers")
    pr.add_argument(
        "--ready-paper", action="store_true", help="the ready claims whose payer wants paper"
    )
    pr.add_argument("--mode", choices=("plain", "red-form"), default="plain")
    pr.add_argument("--practice", type=int, help="only this practice (id)")
    pr.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    pr.set_defaults(func=print_cms1500)


def export_837p(ns: argparse.Namespace) -> int:
    _django.setup()
    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims.actions import view_claim
    from cleanclaim.claims.models import Claim
    from cleanclaim.claims.x837p import write_837p
    from cleanclaim.x12 import X12Error

    if not ns.numbers and not ns.status:
        raise CLIError("name the claims (numbers) or give --status")
    qs = Claim.objects.select_related(
        "practice", "patient", "payer", "coverage", "rendering_provider"
    ).prefetch_related("lines")
    if ns.numbers:
        qs = qs.filter(number__in=ns.numbers)
    if ns.status:
        qs = qs.filter(status=ns.status)
    if ns.practice:
        qs = qs.filter(practice_id=ns.practice)
    claims = list(qs.order_by("pk"))
    missing = sorted(set(ns.numbers) - {c.number for c in claims})
    if missing:
        raise CLIError(f"no claim numbered {', '.join(missing)}")
    if not claims:
        raise CLIError("no claim matches")
    if len({c.practice_id for c in claims}) > 1:
        raise CLIError("the claims belong to several practices: give --practice")
    try:
        text = write_837p(claims, control_number=ns.control_number)
    except X12Error as exc:
        raise CLIError(f"cannot write the 837P: {exc}") from None
    actor = Actor.process()
    for claim in claims:
        view_claim(actor, claim, what="837p export")
    if ns.output:
        ns.output.write_text(text)
        print(f"{len(claims)} claims written to {ns.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def print_cms1500(ns: argparse.Namespace) -> int:
    """One PDF of the named claims, or of the ready claims whose payer wants paper."""
    _django.setup()
    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims.actions import view_claim
    from cleanclaim.claims.models import Claim
    from cleanclaim.claims.paper import Cms1500Error, cms1500_pdf
    from cleanclaim.payers.models import Payer

    if bool(ns.numbers) == bool(ns.ready_paper):
        raise CLIError("name the claims (numbers) or give --ready-paper, not both")
    qs = Claim.objects.select_related(
        "practice", "patient", "payer", "coverage", "rendering_provider"
    ).prefetch_related("lines")
    if ns.numbers:
        qs = qs.filter(number__in=ns.numbers)
    else:
        qs = qs.filter(status="ready", payer__submission=Payer.Submission.PAPER)
    if ns.practice:
        qs = qs.filter(practice_id=ns.practice)
    claims = list(qs.order_by("pk"))
    missing = sorted(set(ns.numbers) - {c.number for c in claims})
    if missing:
        raise CLIError(f"no claim numbered {', '.join(missing)}")
    if not claims:
        raise CLIError("no claim matches: no ready claim has a payer that wants paper")
    try:
        pdf = cms1500_pdf(claims, mode=ns.mode)
    except Cms1500Error as exc:
        raise CLIError(f"cannot print the CMS-1500: {exc}") from None
    actor = Actor.process()
    for claim in claims:
        view_claim(actor, claim, what=f"cms1500 {ns.mode}")
    try:
        ns.out.write_bytes(pdf)
    except OSError as exc:
        raise CLIError(f"cannot write {ns.out}: {exc.strerror}") from None
    print(f"{len(claims)} claims printed to {ns.out}", file=sys.stderr)
    return 0
