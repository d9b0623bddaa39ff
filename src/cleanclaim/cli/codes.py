"""``cleanclaim codes search|show``: find codes and show one with its notes."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cleanclaim.cli import CLIError
from cleanclaim.codes.model import SYSTEMS, Code, Lookup, Note, SearchHit


def pipe_safe(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Stop quietly when the reader of stdout goes away (``... | head``): no traceback.
    (Python docs, "Note on SIGPIPE".)"""

    @functools.wraps(func)
    def run(args: argparse.Namespace) -> int:
        try:
            status = func(args)
            sys.stdout.flush()
            return status
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 1

    return run


SEARCH_SYSTEMS = ("icd10cm", "hcpcs", "cpt", "modifier", "pos", "carc", "rarc", "all", *SYSTEMS[7:])


def parse_date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CLIError(f"--date {value!r} is not a date (YYYY-MM-DD)") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("codes", help="search code systems and show a code")
    sub = p.add_subparsers(dest="codes_command", metavar="ACTION", required=True)

    s = sub.add_parser("search", help="search codes by words or code")
    s.add_argument("query", nargs="?", help="words or a code (omit with --batch)")
    s.add_argument("--system", default="all", choices=SEARCH_SYSTEMS)
    s.add_argument("--date", help="date of service YYYY-MM-DD (default today)")
    s.add_argument("--limit", type=int, default=10)
    s.add_argument("--json", action="store_true", help="print JSON")
    s.add_argument(
        "--batch", metavar="FILE", help="one query per line ('-' for stdin): JSON lines out"
    )
    s.set_defaults(func=cmd_search)

    sh = sub.add_parser("show", help="show one code: descriptions, hierarchy, notes")
    sh.add_argument("code")
    sh.add_argument("--system", choices=SYSTEMS)
    sh.add_argument("--date", help="date of service YYYY-MM-DD (default today)")
    sh.add_argument("--json", action="store_true", help="print JSON")
    sh.set_defaults(func=cmd_show)


def _store() -> Any:
    from cleanclaim.codes.store import open_store

    store = open_store()
    try:
        store.releases()
    except ValueError as exc:  # RefdataFileError: a damaged refdata.sqlite3
        raise CLIError(str(exc)) from None
    return store


def _hit(h: SearchHit) -> dict[str, object]:
    return {
        "code": h.code,
        "system": h.system,
        "description": h.description,
        "billable": h.billable,
        "score": h.score,
    }


@pipe_safe
def cmd_search(args: argparse.Namespace) -> int:
    as_of = parse_date(args.date)
    if args.limit < 1:
        raise CLIError(f"--limit {args.limit} must be at least 1")
    systems = SYSTEMS if args.system == "all" else (args.system,)
    store = _store()
    if args.batch:
        if args.query:
            raise CLIError("give either QUERY or --batch FILE, not both")
        if args.batch == "-":
            lines = sys.stdin.read().splitlines()
        else:
            path = Path(args.batch)
            if not path.is_file():
                raise CLIError(f"--batch {args.batch}: no such file")
            try:
                lines = path.read_text("utf-8").splitlines()
            except UnicodeDecodeError as exc:
                raise CLIError(
                    f"--batch {args.batch}: not UTF-8 text ({exc.reason} at byte {exc.start})"
                ) from None
        queries = [q for q in (line.strip() for line in lines) if q]
        for q in _with_progress(queries):
            hits = store.search(q, systems=systems, as_of=as_of, limit=args.limit)
            print(json.dumps({"query": q, "results": [_hit(h) for h in hits]}))
        return 0
    if not args.query or not args.query.strip():
        raise CLIError("a QUERY (or --batch FILE) is required")
    hits = store.search(args.query, systems=systems, as_of=as_of, limit=args.limit)
    from cleanclaim.codes.search import coverage_warnings

    warnings = coverage_warnings(store, systems, as_of, hits)
    if args.json:
        print(
            json.dumps(
                {"query": args.query, "results": [_hit(h) for h in hits], "warnings": warnings}
            )
        )
        return 0
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    if not hits:
        print(f"no codes match {args.query!r}")
        return 0
    for h in hits:
        flag = "" if h.billable is None else (" " if h.billable else "*")
        print(f"{h.code:<9}{flag} {h.system:<9} {h.description}")
    if any(h.billable is False for h in hits):
        print("(* not billable as is: a header, or needs a 7th character)")
    return 0


def _with_progress(queries: list[str]) -> Iterator[str]:
    """The queries, with a rich progress bar on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield from queries
        return
    from rich.console import Console
    from rich.progress import track

    yield from track(queries, description="searching", console=Console(stderr=True), transient=True)


def _guess_systems(code: str) -> tuple[str, ...]:
    c = code.strip().upper()
    if len(c) == 2:
        return ("modifier", "pos", "carc", "group", "claim_status_category")
    if len(c) == 5 and c[:4].isdigit():
        return ("cpt", "carc", "rarc")
    if c[:1].isalpha() and c[1:2].isdigit():
        return ("icd10cm", "hcpcs", "rarc", "carc", "claim_status_category")
    if c.isdigit():
        return ("pos", "carc", "claim_status", "cpt")
    return ("rarc", "carc", "taxonomy", "hcpcs", "modifier")


def _notes_json(notes: list[Note]) -> list[dict[str, object]]:
    return [
        {
            "kind": n.kind,
            "text": n.text,
            "at": n.at,
            "targets": [{"start": t.start, "end": t.end} for t in n.targets],
        }
        for n in notes
    ]


def _describe(store: Any, found: Lookup, as_of: dt.date) -> dict[str, object]:
    code: Code = found.code  # type: ignore[assignment]
    rel = found.release
    out: dict[str, object] = {
        "system": code.system, "code": code.code, "short": code.short, "long": code.long,
        "billable": code.billable,
        "effective": code.effective.isoformat() if code.effective else None,
        "end": code.end.isoformat() if code.end else None,
        "status": code.status, "release": code.release,
        "release_complete": rel.complete if rel else None,
        "coverage": found.coverage, "message": found.message, "extra": code.extra,
    }  # fmt: skip
    if code.system == "icd10cm":
        tab = store._tab(as_of)
        out["parents"] = [
            {"code": a, "description": tab.nodes[a].desc}
            for a in store.icd_ancestors(code.code, as_of)
        ]
        out["children"] = [
            {"code": c, "description": tab.nodes[c].desc}
            for c in store.icd_children(code.code, as_of)
        ]
        section = tab.blocks.get(code.extra.get("section", ""))
        chapter = tab.blocks.get(f"chapter {code.extra.get('chapter', '')}")
        out["section"] = {"id": section.id, "title": section.title} if section else None
        out["chapter"] = {"id": chapter.id, "title": chapter.title} if chapter else None
        out["notes"] = _notes_json(store.icd_notes(code.code, as_of))
        out["seventh_characters"] = store.icd_seventh_characters(code.code, as_of)
        out["full_codes"] = store.icd_full_codes(code.code, as_of)
    return out


@pipe_safe
def cmd_show(args: argparse.Namespace) -> int:
    as_of = parse_date(args.date)
    store = _store()
    systems = (args.system,) if args.system else _guess_systems(args.code)
    found: Lookup | None = None
    first: Lookup | None = None
    for system in systems:
        try:
            got = store.find(system, args.code, as_of)
        except ValueError as exc:
            raise CLIError(str(exc)) from None
        first = first or got
        if got.code is not None:
            found = got
            break
    if found is None:
        if len(systems) == 1 and first is not None and first.message:
            msg = first.message
        else:
            msg = f"{args.code}: not found in {', '.join(systems)} as of {as_of}"
        print(f"cleanclaim codes show: {msg}", file=sys.stderr)
        return 1
    data = _describe(store, found, as_of)
    if found.code is not None and found.code.system != "icd10cm":
        valid = store.lookup(found.code.system, found.code.code, as_of)
        if valid.code is None:
            data["message"] = valid.message
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    _print_show(data)
    return 0


def _print_show(d: dict[str, Any]) -> None:
    if d.get("message"):
        print(f"warning: {d['message']}")
    billable = {True: "billable", False: "NOT billable", None: ""}[d["billable"]]
    starter = "" if d["release_complete"] else ", starter set"
    print(f"{d['code']}  ({d['system']}, {d['release']}{starter})  {billable}")
    print(f"  {d['long']}")
    if d["short"] != d["long"]:
        print(f"  short: {d['short']}")
    if d.get("effective") or d.get("end"):
        print(f"  valid: {d.get('effective') or '?'} .. {d.get('end') or 'open'}")
    if d.get("status"):
        print(f"  status: {d['status']}")
    if d["system"] != "icd10cm":
        return
    if d.get("chapter"):
        print(f"  chapter {d['chapter']['id']}: {d['chapter']['title']}")
    if d.get("section"):
        print(f"  section {d['section']['id']}: {d['section']['title']}")
    for p in reversed(d["parents"]):
        print(f"  parent   {p['code']:<9} {p['description']}")
    for c in d["children"]:
        print(f"  child    {c['code']:<9} {c['description']}")
    if d["seventh_characters"]:
        print(
            "  7th characters: " + "; ".join(f"{k} {v}" for k, v in d["seventh_characters"].items())
        )
    if d["full_codes"]:
        print("  billable as: " + ", ".join(d["full_codes"]))
    for n in d["notes"]:
        targets = ", ".join(t["start"] + (f"-{t['end']}" if t["end"] else "") for t in n["targets"])
        where = "" if n["at"] == d["code"] else f" [at {n['at']}]"
        print(f"  {n['kind']:<19} {n['text']}{where}" + (f"  -> {targets}" if targets else ""))
