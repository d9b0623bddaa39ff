"""Compiled "is this segment clean?" tests for the guide-driven validator.

Most segments of a remittance or an inquiry are clean; :func:`compile_clean`
turns a segment's check plan into one generated function so that the common
answer ("nothing to report") costs a few comparisons per element instead of a
loop over the plan. Any doubt returns ``False`` and the detailed (memoised)
checks of :mod:`.elements` run and report.
"""

from __future__ import annotations

from typing import Any

__all__ = ["compile_clean"]


def compile_clean(plan: tuple[tuple[Any, ...], tuple[Any, ...]], helpers: dict[str, Any]) -> Any:
    """``clean(elements, component, repetition) -> bool`` for a segment's fast plan.

    ``plan`` is ``(steps, rules)`` of :func:`.elements._plan`: per simple element
    ``(index, usage, type, min, max, codes, external codes)`` and per syntax rule
    ``(kind, all, first, rest)`` bit masks. The function is the plan unrolled into
    straight-line tests (constants inlined), true when the detailed element checks
    would find nothing; ``helpers`` supplies the type tests (numeric, integer, date,
    time) so both paths share them.
    """
    steps, rules = plan
    ns: dict[str, Any] = {**helpers, "_plan": plan}  # _plan keeps id(plan) unique
    src = [
        "def clean(elements, comp, rep):",
        "    count = len(elements)",
        f"    if count > {len(steps)}:",
        "        return False",
        "    present = 0",
    ]
    # Nested: ``if count > k:`` holds element k and everything after it, so a short
    # segment stops at its last element (then fails only if a later one is required).
    required_after = [any(step[1] == "R" for step in steps[k:]) for k in range(len(steps))]
    ind = "    "
    closers: list[tuple[str, bool]] = []
    for index, usage, dtype, low, high, codes, ext in steps:
        src.append(f"{ind}if count > {index}:")
        closers.append((ind, required_after[index]))
        ind += "    "
        src.append(f"{ind}v = elements[{index}]")
        src.append(f"{ind}if not v:")
        src.append(f"{ind}    return False" if usage == "R" else f"{ind}    pass")
        src.append(f"{ind}else:")
        inner = ind + "    "
        if ext is not None:
            ns[f"X{index}"] = ext
            src.append(f"{inner}if v not in X{index}:")
            src.append(f"{inner}    return False")
        src.append(f"{inner}present |= {2 << index}")
        if usage == "N":
            src.append(f"{inner}return False")
            continue
        src.append(f"{inner}if comp in v or (rep and rep in v):")
        src.append(f"{inner}    return False")
        if dtype == "AN":
            test = f"not {low} <= len(v) <= {high}"
        elif dtype == "ID":
            test = f"not {low} <= len(v) <= {high}"
            if codes is not None:
                ns[f"C{index}"] = codes
                test += f" or v not in C{index}"
        elif dtype == "R":
            test = f"not _numeric(v) or not {low} <= len(v.lstrip('-').replace('.', '')) <= {high}"
        elif dtype in ("N0", "N2"):
            test = f"not _integer(v) or not {low} <= len(v.lstrip('-')) <= {high}"
        elif dtype == "DT":
            test = f"not valid_date(v) or not {low} <= len(v) <= {high}"
        elif dtype == "TM":
            test = f"not valid_time(v) or not {low} <= len(v) <= {high}"
        else:
            test = "True"
        src.append(f"{inner}if {test}:")
        src.append(f"{inner}    return False")
    for at, required in reversed(closers):
        if required:
            src.append(f"{at}else:")
            src.append(f"{at}    return False")
    for kind, every, first, rest in rules:
        if kind == "P":
            src.append(f"    given = present & {every}")
            src.append(f"    if given and given != {every}:")
        elif kind == "R":
            src.append(f"    if not present & {every}:")
        elif kind == "E":
            src.append(f"    given = present & {every}")
            src.append("    if given & (given - 1):")
        elif kind == "C":
            src.append(f"    if present & {first} and (present & {rest}) != {rest}:")
        elif kind == "L":
            src.append(f"    if present & {first} and not present & {rest}:")
        else:
            src.append("    if True:")
        src.append("        return False")
    src.append("    return True")
    exec(compile("\n".join(src) + "\n", "<x12 clean segment>", "exec"), ns)
    return ns["clean"]
