"""The built-in starter sets: short descriptions written for cleanclaim, for the demo.

They cover the common CPT codes of a small practice (no AMA text: our own words),
Level I and common Level II modifiers, place of service, common CARC/RARC, claim
adjustment group codes and claim status categories. Each is a release with
``complete=False`` named ``starter``; it is used only while no complete release of
that system is loaded.
"""

from __future__ import annotations

import csv
import hashlib
import io
from importlib import resources

from .importers.base import UNDATED
from .model import Code, Release

__all__ = ["STARTER_FILES", "STARTER_RELEASE", "starter_sets"]

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


def starter_sets() -> dict[str, tuple[Release, list[Code]]]:
    """system -> (release, codes) for every starter file shipped in the package."""
    out: dict[str, tuple[Release, list[Code]]] = {}
    base = resources.files("cleanclaim.codes") / "data"
    for system, name in STARTER_FILES.items():
        raw = (base / name).read_bytes()
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
        out[system] = (rel, codes)
    return out
