"""``cleanclaim scrub FILE.837... [--as-of YYYY-MM-DD] [--json]`` and ``--catalogue``.

Exit 0 when no claim has an error, 1 when some do, 2 when an input cannot be
read or holds no readable claim (truncated, ISA-only, empty: one line on stderr).
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
    p.add_argument(
        "--payer-rules", type=Path, metavar="FILE", help="payer rules (YAML, docs/payer-rules.md)"
    )
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


def _catalogue(as_json: bool, payer_rules: Path | None) -> int:
    """The scrubber's rules, the payer rules (``--payer-rules`` or the starter rules),
    then the X12 engine's finding codes (the ``code`` of a syntax finding); ``--json``:
    ``{"rules": [...], "payer_rules": [...], "x12_codes": [...]}``."""
    from cleanclaim.edits import catalogue
    from cleanclaim.edits.context import load_payer_rules
    from cleanclaim.edits.rules.payer_rules import catalogue_rows
    from cleanclaim.x12.finding_codes import catalogue as x12_catalogue

    rows = catalogue()
    try:
        payer_rows = catalogue_rows(load_payer_rules(payer_rules))
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    codes = x12_catalogue()
    if as_json:
        doc = {"rules": rows, "payer_rules": payer_rows, "x12_codes": codes}
        print(json.dumps(doc, indent=1, default=str))
        return 0
    for r in rows:
        carc = f" (prevents CARC {r['carc']})" if r["carc"] else ""
        print(f"{r['id']}  [{r['category']}, {r['severity']}]{carc}")
        print(f"    {r['meaning']}")
        print(f"    fix: {r['fix']}")
        print(f"    source: {r['source']}")
    print("\nPayer rules (each finding carries its kind's id above):")
    for p in payer_rows:
        end = f" to {p['end']}" if p["end"] else ""
        print(f"{p['id']}  [{p['kind_id']}, {p['severity']}] payers {p['payers']}")
        print(f"    {p['meaning']}; dates of service from {p['effective']}{end}")
        print(f"    fix: {p['fix']}")
        print(f"    source: {p['source']}")
    print("\nX12 finding codes (the code of a SYN-001/SYN-002 syntax finding):")
    for c in codes:
        ik = [f"{k} {', '.join(v)}" for k, v in (("IK304", c["ik304"]), ("IK403", c["ik403"])) if v]
        print(f"{c['code']}  [{c['severity']}]" + (f" (999 {'; '.join(ik)})" if ik else ""))
        print(f"    {c['meaning']}")
        print(f"    fix: {c['fix']}")
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CLIError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _where(f: Any) -> str:
    """`` [x12.element.invalid-code, IK304 8, IK403 7]`` for an X12 engine finding."""
    if not f.code:
        return ""
    parts = [f.code] + [f"{k} {v}" for k, v in (("IK304", f.ik304), ("IK403", f.ik403)) if v]
    return f" [{', '.join(parts)}]"


def _claim_line(r: Any, status: str) -> str:
    """``Claim 26463774 — SMITH JANE (member 123) · Acme Health (PAYER1) · 2026-05-01 to
    2026-05-03 · $120.00 · file.837 ST 0001: 1 error(s), 0 warning(s)``."""
    errors = sum(1 for f in r.findings if f.severity == "error")
    warns = len(r.findings) - errors
    state = {"clean": "clean", "warnings": f"warnings only ({warns})"}.get(
        status, f"{errors} error(s), {warns} warning(s)"
    )
    if status == "errors" and not errors:
        state = f"rejected with its envelope (see above), {warns} warning(s)"
    who = r.patient or "patient not named"
    if r.member_id:
        who += f" (member {r.member_id})"
    payer = r.payer or "payer not named"
    if r.payer_id:
        payer += f" ({r.payer_id})"
    first, last = r.service_from, r.service_to
    dates = "no date of service" if first is None else str(first)
    if last is not None and last != first:
        dates += f" to {last}"
    where = r.file + (f" ST {r.set}" if r.set else "")
    return f"Claim {r.claim_id} — {who} · {payer} · {dates} · ${r.total_charge} · {where}: {state}"


def _print_text(
    results: list[Any], file_findings: list[Any], rep: dict[str, Any], out: Any
) -> None:
    summary: dict[str, Any] = rep["summary"]
    for ff in file_findings:
        f = ff.finding
        times = f" (x{ff.count})" if ff.count > 1 else ""
        owner = {"file": "", "group": f" GS {ff.group}", "set": f" ST {ff.set}"}[ff.scope]
        head = f"{ff.file or 'file'}{owner}: {f.severity.upper()} {f.rule}{_where(f)}{times}"
        print(f"{head}: {f.message}", file=out)
        print(f"          fix: {f.fix}", file=out)
    for r, c in zip(results, rep["claims"], strict=True):
        print(_claim_line(r, c["status"]), file=out)
        for f in r.findings:
            where = f" line {f.line}" if f.line else ""
            carc = f", prevents CARC {f.carc}" if f.carc else ""
            print(
                f"  {f.severity.upper():7} {f.rule}{where} [{f.category}]{_where(f)}: {f.message}",
                file=out,
            )
            print(f"          fix: {f.fix}", file=out)
            print(f"          source: {f.source}{carc}", file=out)
    cats = ", ".join(f"{k} {v}" for k, v in summary["by_category"].items()) or "none"
    print(
        f"\n{summary['claims']} claim(s): {summary['clean']} clean, "
        f"{summary['warnings_only']} with warnings only, "
        f"{summary['with_errors']} with errors; {summary['file_findings']} finding(s) about "
        f"the files, groups or sets. Findings by category: {cats}",
        file=out,
    )
    for n in rep.get("notices", []):
        print(f"Notice: {n}", file=out)


def _no_claim(path: Path, findings: list[Any]) -> str:
    """Why a file read without error gave no claim: its first error about the file
    (a truncated or ISA-only 837P), else that it holds none (an empty JSON list)."""
    first = next((ff.finding for ff in findings if ff.finding.severity == "error"), None)
    why = f": {first.message}" if first is not None else " (no CLM segment, no JSON claim)"
    return f"{path}: no claim could be read{why}"


def run(args: argparse.Namespace) -> int:
    if args.catalogue:
        return _catalogue(args.json, args.payer_rules)
    if not args.files:
        raise CLIError("give one or more 837P files (or --catalogue)")
    as_of = _as_of(args.as_of)

    from cleanclaim.codes.ncci import NcciFormatError
    from cleanclaim.edits.document import DocumentError, scrub_document
    from cleanclaim.edits.notices import notices
    from cleanclaim.edits.refdata import context_from_refdata, warm
    from cleanclaim.edits.scrub import report

    try:
        ctx = context_from_refdata(as_of, payer_rules=args.payer_rules)
    except (NcciFormatError, ValueError) as exc:
        raise CLIError(str(exc)) from None
    warm(ctx)

    results = []
    file_findings = []
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
                got = scrub_document(_read(path), ctx, name=str(path), syntax=args.syntax)
                results.extend(got.claims)
                file_findings.extend(got.findings)
                if not got.claims:
                    raise CLIError(_no_claim(path, got.findings))
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
    rep = report(results, file_findings, notices(ctx))
    summary: dict[str, Any] = rep["summary"]  # type: ignore[assignment]
    if unreadable:
        rep["unreadable"] = unreadable
    if args.json:
        print(json.dumps(rep, indent=1, default=str))
    else:
        _print_text(results, file_findings, rep, sys.stdout)
    if unreadable:
        return 2
    return 1 if summary["with_errors"] or summary["file_errors"] else 0
