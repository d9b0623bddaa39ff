"""``cleanclaim scrub FILE.837... [--as-of YYYY-MM-DD] [--json]`` and ``--catalogue``.

Exit 0 when no claim has an error, 1 when some do, 2 when an input cannot be
read (one line on stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from cleanclaim.cli import CLIError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "scrub",
        help="check 837P claims against code sets, NCCI edits and payer rules",
        description="Scrub every claim of one or more 837P files (or JSON claim views).",
    )
    p.add_argument("files", nargs="*", type=Path, metavar="FILE")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="today's date for the checks")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--catalogue", action="store_true", help="list every rule and exit")
    p.add_argument("--payer-rules", type=Path, metavar="FILE", help="payer rules (JSON)")
    p.add_argument(
        "--syntax",
        choices=("guide", "envelope"),
        default="guide",
        help="syntax checks: the X12 engine's full 837P guide validation (default) or "
        "only its envelope checks (faster)",
    )
    p.set_defaults(func=run)


def _as_of(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CLIError(f"--as-of {text!r} is not a date (YYYY-MM-DD)") from None


def _catalogue(as_json: bool) -> int:
    from cleanclaim.edits import catalogue

    rows = catalogue()
    if as_json:
        print(json.dumps(rows, indent=1))
        return 0
    for r in rows:
        carc = f" (prevents CARC {r['carc']})" if r["carc"] else ""
        print(f"{r['id']}  [{r['category']}, {r['severity']}]{carc}")
        print(f"    {r['meaning']}")
        print(f"    fix: {r['fix']}")
        print(f"    source: {r['source']}")
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CLIError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _print_text(results: list[Any], summary: dict[str, Any], out: Any) -> None:
    for r in results:
        errors = sum(1 for f in r.findings if f.severity == "error")
        warns = len(r.findings) - errors
        state = "clean" if not r.findings else f"{errors} error(s), {warns} warning(s)"
        print(f"Claim {r.claim_id}: {state}", file=out)
        for f in r.findings:
            where = f" line {f.line}" if f.line else ""
            carc = f", prevents CARC {f.carc}" if f.carc else ""
            print(f"  {f.severity.upper():7} {f.rule}{where} [{f.category}]: {f.message}", file=out)
            print(f"          fix: {f.fix}", file=out)
            print(f"          source: {f.source}{carc}", file=out)
    cats = ", ".join(f"{k} {v}" for k, v in summary["by_category"].items()) or "none"
    print(
        f"\n{summary['claims']} claim(s): {summary['clean']} clean, "
        f"{summary['with_errors']} with errors. Findings by category: {cats}",
        file=out,
    )


def run(args: argparse.Namespace) -> int:
    if args.catalogue:
        return _catalogue(args.json)
    if not args.files:
        raise CLIError("give one or more 837P files (or --catalogue)")
    as_of = _as_of(args.as_of)

    from cleanclaim.codes.ncci import NcciFormatError
    from cleanclaim.edits.document import DocumentError, scrub_document
    from cleanclaim.edits.refdata import context_from_refdata, warm
    from cleanclaim.edits.scrub import report

    try:
        ctx = context_from_refdata(as_of, payer_rules=args.payer_rules)
    except (NcciFormatError, ValueError) as exc:
        raise CLIError(str(exc)) from None
    warm(ctx)

    results = []
    files: list[Path] = list(args.files)
    progress = None
    if sys.stderr.isatty() and len(files) > 1 and not args.json:
        from rich.progress import Progress

        progress = Progress(transient=True)
        progress.start()
        task = progress.add_task("scrubbing", total=len(files))
    # A file that cannot be read is named on stderr and in the report; the others are
    # still scrubbed and reported (nothing read is lost), and the exit status is 2.
    unreadable: list[dict[str, str]] = []
    try:
        for path in files:
            try:
                results.extend(scrub_document(_read(path), ctx, name=str(path), syntax=args.syntax))
            except (DocumentError, CLIError) as exc:
                unreadable.append({"file": str(path), "error": str(exc)})
                print(f"cleanclaim scrub: {exc}", file=sys.stderr)
            if progress is not None:
                progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()
    if len(unreadable) == len(files):
        return 2  # nothing could be read: the one-line messages above say why
    rep = report(results)
    summary: dict[str, Any] = rep["summary"]  # type: ignore[assignment]
    if unreadable:
        rep["unreadable"] = unreadable
    if args.json:
        print(json.dumps(rep, indent=1, default=str))
    else:
        missing = []
        if ctx.codes is None:
            missing.append("code sets (diagnosis and procedure code checks skipped)")
        if ctx.ncci is None:
            missing.append("NCCI tables (run `cleanclaim refdata import` with the CMS files)")
        for m in missing:
            print(f"note: not loaded: {m}", file=sys.stderr)
        _print_text(results, summary, sys.stdout)
    if unreadable:
        return 2
    return 1 if summary["with_errors"] else 0
