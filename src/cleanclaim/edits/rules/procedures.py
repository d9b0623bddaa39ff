"""``proc-invalid`` and ``modifier-invalid``.

A modifier missing from the loaded lists is an error (MOD-001) only when a complete
list of its level is in force on the date of service; missing from a partial list (the
starter Level I list, an excerpt) or one that has ended, it is a warning (MOD-003) that
names the table to import (:meth:`cleanclaim.edits.context.ScrubContext.missing_table`).

CPT (Level I) codes are five digits, or four digits and F (category II),
T (category III), U (proprietary laboratory analyses), M (multianalyte assays)
or A; HCPCS Level II codes are a letter A-V and four digits. A code is looked
up in the code store as of the date of service when a complete release of its
system is loaded (HCPCS from the CMS file; CPT only from a practice-licensed
file); otherwise only its shape is checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from cleanclaim.edits.claim import ScrubClaim, ServiceLine
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo, Severity
from cleanclaim.edits.registry import register

PROC = RuleInfo(
    "PROC-001",
    "proc-invalid",
    "error",
    "The procedure code does not exist, or is not valid on the date of service.",
    "Check the code against the current CPT/HCPCS book for the date of service and correct it.",
    "CMS HCPCS Level II quarterly file / AMA CPT (as loaded), as of the date of service",
    "181",
)
MOD = RuleInfo(
    "MOD-001",
    "modifier-invalid",
    "error",
    "The modifier does not exist or is not valid on the date of service.",
    "Correct or remove the modifier.",
    "CMS HCPCS Level II modifiers and CPT Appendix A modifiers (as loaded)",
    "182",
)
MOD_UNLISTED = RuleInfo(
    "MOD-003",
    "modifier-invalid",
    "warning",
    "The modifier is not in the loaded modifier list, but that list is partial (the starter "
    "list, an excerpt) or does not cover the date of service, so the modifier may well exist.",
    "Import the table the message names (cleanclaim refdata import FILE) and scrub again; "
    "until then, check the modifier against the current HCPCS modifier list yourself.",
    "CMS HCPCS Level II modifiers and CPT Appendix A modifiers (as loaded), and what is "
    "loaded of them (cleanclaim refdata status)",
    "182",
)
MOD_FOR_CODE = RuleInfo(
    "MOD-002",
    "modifier-invalid",
    "error",
    "The modifier cannot be used with this procedure code (e.g. 25 on a code that is not an "
    "evaluation and management service), or is repeated on the line.",
    "Remove the modifier, or move it to the code it belongs to.",
    "CPT Appendix A (modifier 25: significant, separately identifiable E/M service); "
    "NCCI Policy Manual ch. XI §B",
    "4",
)

CPT_RE = re.compile(r"^\d{4}[0-9FTUMA]$")
HCPCS_RE = re.compile(r"^[A-V]\d{4}$")
MOD_RE = re.compile(r"^[0-9A-Z]{2}$")
EM_RANGES = (("99202", "99499"), ("92002", "92014"))
# Ambulance origin/destination modifiers: origin letter then destination letter, each one
# of these (CMS Pub. 100-04 ch. 15 §30 A; HCPCS "ambulance modifiers"), e.g. RH
# residence -> hospital. They are not listed one by one in the modifier files.
AMBULANCE_PLACES = frozenset("DEGHIJNPRSX")


def is_ambulance_modifier(mod: str, code: str) -> bool:
    return (
        code.startswith("A0")
        and len(mod) == 2
        and mod[0] in AMBULANCE_PLACES
        and mod[1] in AMBULANCE_PLACES
    )


def is_em(code: str) -> bool:
    return len(code) == 5 and any(lo <= code <= hi for lo, hi in EM_RANGES)


def _dos(ln: ServiceLine, ctx: ScrubContext) -> dt.date:
    return ln.service_date or ctx.as_of


@register("procedures", PROC, MOD, MOD_UNLISTED, MOD_FOR_CODE)
def check_procedures(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    cid = claim.claim_id
    for ln in claim.lines:
        code = ln.procedure
        if not code or ln.qualifier not in ("HC", ""):
            continue
        dos = _dos(ln, ctx)
        if HCPCS_RE.match(code):
            system = "hcpcs"
        elif CPT_RE.match(code):
            system = "cpt"
        else:
            yield PROC.finding(
                cid,
                f"Line {ln.number}: {code!r} is not shaped like a CPT or HCPCS code.",
                line=ln.number,
            )
            continue
        if ctx.system_complete(system):
            lk = ctx.lookup(system, code, dos)
            if lk is not None and lk.coverage in ("ok", "stale"):
                rel = lk.release.release if lk.release else system
                stale = lk.coverage == "stale"
                sev: Severity | None = "warning" if stale else None
                note = f" ({lk.message})" if stale and lk.message else ""
                if lk.code is None:
                    yield PROC.finding(
                        cid,
                        f"Line {ln.number}: {code} is not a valid {system.upper()} code on {dos} "
                        f"(not in force in {rel}: absent or terminated){note}.",
                        line=ln.number,
                        severity=sev,
                        source=f"{system.upper()} {rel}",
                    )
                elif (lk.code.effective and dos < lk.code.effective) or (
                    lk.code.end and dos > lk.code.end
                ):
                    yield PROC.finding(
                        cid,
                        f"Line {ln.number}: {code} is valid {lk.code.effective} to "
                        f"{lk.code.end or 'now'}, not on {dos}.",
                        line=ln.number,
                        source=f"{system.upper()} {rel}",
                    )
        seen: set[str] = set()
        for mod in ln.modifiers:
            if mod in seen:
                yield MOD_FOR_CODE.finding(
                    cid, f"Line {ln.number}: modifier {mod} is repeated on {code}.", line=ln.number
                )
            seen.add(mod)
            if not MOD_RE.match(mod):
                yield MOD.finding(
                    cid,
                    f"Line {ln.number}: {mod!r} is not a two-character modifier.",
                    line=ln.number,
                )
                continue
            if (
                ctx.codes is not None
                and ctx.codes.releases("modifier")
                and not is_ambulance_modifier(mod, code)
            ):
                lk = ctx.lookup("modifier", mod, dos)
                if lk is not None and lk.coverage in ("ok", "stale") and lk.code is None:
                    why = ctx.missing_table("modifier", mod, dos)
                    if why:
                        dated = lk.message.rsplit("; ", 1)[-1]
                        if " was added " in dated or " was terminated" in dated:
                            why += f" ({dated})"  # the list holds it, with other dates
                        yield MOD_UNLISTED.finding(
                            cid, f"Line {ln.number} ({code}): {why}.", line=ln.number
                        )
                    else:
                        rel = lk.release.release if lk.release else "the modifier list"
                        yield MOD.finding(
                            cid,
                            f"Line {ln.number}: modifier {mod} on {code} is not a valid "
                            f"modifier on {dos} (not in {rel}: absent or terminated).",
                            line=ln.number,
                        )
            if mod == "25" and not is_em(code):
                yield MOD_FOR_CODE.finding(
                    cid,
                    f"Line {ln.number}: modifier 25 is for E/M services; {code} is not one.",
                    line=ln.number,
                )
