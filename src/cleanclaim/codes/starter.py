"""The built-in starter sets, for a fresh install and the demo.

They cover the common CPT codes of a small practice (no AMA text: our own words),
Level I and later Level II modifiers (our own words), place of service, common
CARC/RARC, claim adjustment group codes and claim status categories. Each is a release
with ``complete=False`` named ``starter``; it is used only while no complete release of
that system is loaded.

One starter file is an official list: ``starter_modifiers.csv`` holds every HCPCS Level
II modifier of a CMS release (rows with ``list`` = that release, e.g. ``HCPCS 2020-01``),
regenerated from CMS's file by :mod:`cleanclaim.codes.tools.starter_modifiers`; its
``# key: value`` header lines name the release, its dates, the file, its SHA-256 and the
URL. Those rows form a second ``modifier`` release, ``complete=True`` for its dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from importlib import resources

from .importers.base import UNDATED
from .model import Code, Release

__all__ = [
    "STARTER_COLUMNS",
    "STARTER_FILES",
    "STARTER_RELEASE",
    "read_starter_modifiers",
    "starter_sets",
]

STARTER_RELEASE = "starter"

STARTER_FILES = {
    "cpt": "starter_cpt.csv",
    "modifier": "starter_modifiers.csv",
    "pos": "starter_pos.csv",
    "carc": "starter_carc.csv",
    "rarc": "starter_rarc.csv",
    "group": "starter_group.csv",
    "claim_status_category": "starter_claim_status_category.csv",
}


#: Columns of ``starter_modifiers.csv``; ``list`` is ``starter`` or the CMS release.
STARTER_COLUMNS = ("code", "level", "description", "short", "added", "terminated", "list")


def read_starter_modifiers(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(header ``# key: value`` pairs, rows with every :data:`STARTER_COLUMNS` key)."""
    meta: dict[str, str] = {}
    body = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep and " " not in key.strip():
                meta[key.strip()] = value.strip()
        else:
            body.append(line)
    rows = []
    for r in csv.DictReader(io.StringIO("".join(body))):
        rows.append(
            {k: (r.get(k) or "") for k in STARTER_COLUMNS}
            | {"list": r.get("list") or STARTER_RELEASE}
        )
    return meta, rows


def _official_modifiers(raw: bytes) -> tuple[Release, list[Code]] | None:
    """The complete CMS Level II modifier release held in ``starter_modifiers.csv``."""
    meta, rows = read_starter_modifiers(raw.decode("utf-8"))
    label = meta.get("release", "")
    mine = [r for r in rows if label and r["list"] == label]
    if not mine:
        return None
    codes = [
        Code(
            "modifier",
            r["code"],
            r["short"] or r["description"][:28],
            r["description"],
            None,
            dt.date.fromisoformat(r["added"]) if r["added"] else None,
            dt.date.fromisoformat(r["terminated"]) if r["terminated"] else None,
            label,
            extra={"level": "II"},
        )
        for r in mine
    ]
    rel = Release(
        "modifier",
        label,
        dt.date.fromisoformat(meta["effective"]),
        dt.date.fromisoformat(meta["end"]) if meta.get("end") else None,
        f"{meta.get('source_file', '')} ({meta.get('source_url', '')}) "
        "via cleanclaim/codes/data/starter_modifiers.csv",
        meta.get("sha256", ""),
        len(codes),
        complete=True,
    )
    return rel, codes


def starter_sets() -> dict[tuple[str, str], tuple[Release, list[Code]]]:
    """(system, release) -> (release, codes) for every starter list shipped in the package:
    one ``starter`` release per file, and the complete CMS Level II modifier release."""
    out: dict[tuple[str, str], tuple[Release, list[Code]]] = {}
    base = resources.files("cleanclaim.codes") / "data"
    for system, name in STARTER_FILES.items():
        raw = (base / name).read_bytes()
        if system == "modifier":
            official = _official_modifiers(raw)
            if official is not None:
                out[(system, official[0].release)] = official
            rows = [
                r
                for r in read_starter_modifiers(raw.decode("utf-8"))[1]
                if r["list"] == STARTER_RELEASE
            ]
        else:
            rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
        codes = []
        for r in rows:
            long = r.get("long") or r["description"]
            short = r.get("short") or long
            extra = {"level": r["level"]} if "level" in r else {}
            billable = True if system == "cpt" else None
            codes.append(
                Code(
                    system,
                    r["code"],
                    short,
                    long,
                    billable,
                    None,
                    None,
                    STARTER_RELEASE,
                    extra=extra,
                )
            )
        rel = Release(
            system,
            STARTER_RELEASE,
            UNDATED,
            None,
            f"cleanclaim/codes/data/{name}",
            hashlib.sha256(raw).hexdigest(),
            len(codes),
            complete=False,
        )
        out[(system, STARTER_RELEASE)] = (rel, codes)
    return out
