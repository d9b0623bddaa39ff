"""``cleanclaim refdata import|status|update``: load and inspect the reference data."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cleanclaim.cli import CLIError
from cleanclaim.cli.codes import pipe_safe


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "refdata", help="import and inspect reference data (code sets, edits)"
    )
    sub = p.add_subparsers(dest="refdata_command", metavar="ACTION", required=True)

    imp = sub.add_parser("import", help="import official files or folders (kind detected per file)")
    imp.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (none: the packaged ICD-10-CM)"
    )
    imp.set_defaults(func=cmd_import)

    st = sub.add_parser("status", help="what is loaded, by system and release")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_status)

    up = sub.add_parser("update", help="download the current official files and import them")
    up.add_argument(
        "--base-url",
        help="fetch from this mirror instead of the publishers (or $CLEANCLAIM_REFDATA_BASE_URL)",
    )
    up.set_defaults(func=cmd_update)


@contextmanager
def _progress(total: int) -> Iterator[Any]:
    """A rich progress bar on a terminal, nothing otherwise; yields advance(path)."""
    if not sys.stderr.isatty():
        yield lambda path: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), transient=True
    ) as prog:
        task = prog.add_task("importing", total=total)

        def advance(path: Path) -> None:
            prog.update(task, advance=1, description=f"importing {path.name}")

        yield advance


def _run_import(paths: list[Path]) -> int:
    from cleanclaim.codes.importers import RefdataFileError
    from cleanclaim.codes.importing import expand_paths, import_paths
    from cleanclaim.codes.paths import refdata_dir

    root = refdata_dir()
    try:
        total = len(expand_paths(paths)) if paths else 1
        with _progress(total) as advance:
            report = import_paths(paths, root, progress=advance)
    except (RefdataFileError, ValueError, OSError) as exc:
        raise CLIError(str(exc)) from None
    for r in report.results:
        state = "loaded   " if r.changed else "unchanged"
        sha = r.sha256[:12]
        print(f"{state} {r.kind:<16} {r.release:<40} {r.rows:>7} rows  sha256 {sha}  {r.file}")
    if report.skipped:
        print(f"skipped {len(report.skipped)} file(s) of no reference-data kind")
    from cleanclaim.codes.store import open_store

    open_store(root).reload()
    return 0


@pipe_safe
def cmd_import(args: argparse.Namespace) -> int:
    return _run_import(list(args.paths))


def _row(rel: Any, *, in_use: bool) -> dict[str, Any]:
    return {
        "system": rel.system,
        "release": rel.release,
        "effective": rel.effective.isoformat(),
        "end": rel.end.isoformat() if rel.end else None,
        "rows": rel.rows,
        "complete": rel.complete,
        "in_use": in_use,
        "source_file": rel.source_file,
        "sha256": rel.sha256,
    }


@pipe_safe
def cmd_status(args: argparse.Namespace) -> int:
    from cleanclaim.codes import ncci
    from cleanclaim.codes.paths import refdata_dir
    from cleanclaim.codes.store import SYSTEM_NAMES, open_store

    root = refdata_dir()
    store = open_store(root)
    try:
        store.releases()
    except ValueError as exc:  # RefdataFileError: a damaged refdata.sqlite3
        raise CLIError(str(exc)) from None
    rows: list[dict[str, Any]] = []
    for system in SYSTEM_NAMES:
        used = {r.release for r in store.in_use(system)}
        for rel in store.releases(system):
            rows.append(_row(rel, in_use=rel.release in used))
    for rel in ncci.status(root):
        rows.append(_row(rel, in_use=True))
    if args.json:
        print(json.dumps({"refdata_dir": str(root), "releases": rows}, indent=2))
        return 0
    print(f"reference data in {root}")
    for r in rows:
        rows_txt = f"{r['rows']:>7} rows"
        partial = "STARTER SET ONLY" if r["release"] == "starter" else "PARTIAL (an excerpt)"
        kind = "complete" if r["complete"] else partial
        if not r["in_use"]:
            kind += " (not in use: a complete release is loaded)"
        dates = f"{r['effective']}..{r['end'] or ''}"
        head = f"{r['system']:<22} {r['release']:<40} {dates:<23}"
        print(f"{head} {rows_txt}  {kind}  {r['source_file']}")
    return 0


@pipe_safe
def cmd_update(args: argparse.Namespace) -> int:
    from cleanclaim.codes.paths import refdata_dir
    from cleanclaim.codes.update import fetch_sources

    root = refdata_dir()
    try:
        fetched = fetch_sources(root / "downloads", args.base_url)
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    files: list[Path] = []
    for f in fetched:
        print(f"{'fetched' if f.file else 'skipped'} {f.source.kind:<14} {f.message}")
        if f.file is not None:
            files.append(f.file)
    if not files:
        print("nothing downloaded", file=sys.stderr)
        return 1
    from cleanclaim.codes.importers import HEAD_BYTES, detect

    importable: list[Path] = []
    for path in files:
        with path.open("rb") as fh:
            if detect(path, fh.read(HEAD_BYTES)) is not None:
                importable.append(path)
            else:
                print(f"skipped {path.name}: not a file kind this installation imports")
    return _run_import(importable) if importable else 1
