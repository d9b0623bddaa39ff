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


def compile_clean(
    plan: tuple[tuple[Any, ...], tuple[Any, ...]],
    helpers: dict[str, Any],
    comp: str,
    rep: str,
) -> Any:
    """``clean(elements) -> bool`` for a segment's fast plan and an interchange's separators.

    ``plan`` is ``(steps, rules)`` of :func:`.elements._plan`: per element
    ``(index, usage, type, min, max, codes, external codes, components)`` (a
    composite's components as ``(usage, type, min, max, codes, external codes)``)
    and per syntax rule ``(kind, all, first, rest)`` bit masks. The function is the
    plan unrolled into straight-line tests (constants and the component and
    repetition separators ``comp``/``rep`` inlined), true when the detailed element
    checks would find nothing; ``helpers`` supplies the type tests (numeric, integer, date, time) so
    both paths share them, and ``date_ok`` (a date test that remembers good dates).

    Shortcuts, each only ever answering ``False`` where the full test would:

    * an ID element with a code list is one set lookup when every code is of a
      valid length and holds no separator;
    * an R/N0/N2 element of ASCII digits only is a number (a separator that is a
      digit, ``.`` or ``-`` turns this off) whose length is its size;
    * AN text is not searched for the component separator (the detailed checks
      take it as text there, only a non-AN element holding it is reported);
    * presence bits are kept only for elements a syntax rule names;
    * a composite's components hold no component separator (it was split on) and
      are not split on the repetition separator, so their tests look for neither.
    """
    steps, rules = plan
    ns: dict[str, Any] = {**helpers, "_plan": plan}  # _plan keeps the plan alive
    seps = [c for c in (comp, rep) if c]
    named = 0  # elements some syntax rule names (their presence is tracked)
    for _kind, every, _first, _rest in rules:
        named |= every
    src = [
        "def clean(elements):",
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
    for index, usage, dtype, low, high, codes, ext, parts in steps:
        src.append(f"{ind}if count > {index}:")
        closers.append((ind, required_after[index]))
        ind += "    "
        src.append(f"{ind}v = elements[{index}]")
        src.append(f"{ind}if not v:")
        src.append(f"{ind}    return False" if usage == "R" else f"{ind}    pass")
        src.append(f"{ind}else:")
        inner = ind + "    "
        if usage == "N":
            src.append(f"{inner}return False")
            continue
        if named & (2 << index):
            src.append(f"{inner}present |= {2 << index}")
        if parts is not None:
            _composite_lines(src, inner, index, parts, comp, ns)
            continue
        _value_lines(src, inner, f"{index}", dtype, low, high, codes, ext, seps, rep, ns)
    for at, required in reversed(closers):
        if required:
            src.append(f"{at}else:")
            src.append(f"{at}    return False")
    if rules:
        # The syntax rules depend only on which named elements are present: decided
        # once per presence pattern (a bounded memo); with none present, only an
        # R rule ("at least one of") or a rule of an unknown kind fails.
        ns["_rules_ok"] = _rules_function(rules)
        ns["_seen"] = {}
        src.append("    if not present:")
        src.append(f"        return {all(rule[0] in ('P', 'E', 'C', 'L') for rule in rules)}")
        src.append("    ok = _seen.get(present)")
        src.append("    if ok is None:")
        src.append("        ok = _rules_ok(present)")
        src.append("        if len(_seen) < 4096:")
        src.append("            _seen[present] = ok")
        src.append("    return ok")
    else:
        src.append("    return True")
    exec(compile("\n".join(src) + "\n", "<x12 clean segment>", "exec"), ns)
    return ns["clean"]


def _composite_lines(
    src: list[str],
    ind: str,
    index: int,
    parts: tuple[Any, ...],
    comp: str,
    ns: dict[str, Any],
) -> None:
    """The tests of a present composite ``v`` (element ``index``): at most as many
    components as the guide has, each as its simple element, required ones there.

    A component is not split on the repetition separator (the detailed checks take
    it as part of the value), so its tests know of no separator; without a component
    separator the detailed checks decide (``False``).
    """
    if not comp:
        src.append(f"{ind}return False")
        return
    src.append(f"{ind}p = v.split({comp!r})")
    src.append(f"{ind}n = len(p)")
    src.append(f"{ind}if n > {len(parts)}:")
    src.append(f"{ind}    return False")
    for k, (usage, dtype, low, high, codes, ext) in enumerate(parts):
        tail = f"{index}_{k}"
        src.append(f"{ind}if n > {k} and p[{k}]:")
        if usage == "N":
            src.append(f"{ind}    return False")
        else:
            src.append(f"{ind}    c = p[{k}]")
            _value_lines(src, ind + "    ", tail, dtype, low, high, codes, ext, [], "", ns, "c")
        if usage == "R":
            src.append(f"{ind}else:")
            src.append(f"{ind}    return False")


def _value_lines(
    src: list[str],
    ind: str,
    tail: str,
    dtype: str,
    low: int,
    high: int,
    codes: frozenset[str] | None,
    ext: frozenset[str] | None,
    seps: list[str],
    rep: str,
    ns: dict[str, Any],
    var: str = "v",
) -> None:
    """The tests of one present simple value ``var`` (constants named ``C{tail}`` and
    ``X{tail}``); ``seps``: the separators it may still hold (none for a component)."""
    digits_safe = not any(c in "0123456789.-" for c in seps)

    def has_sep() -> str:
        if not seps:
            return "False"
        return " or ".join(f"{c!r} in {var}" for c in seps)

    if ext is not None:
        ns[f"X{tail}"] = ext
        src.append(f"{ind}if {var} not in X{tail}:")
        src.append(f"{ind}    return False")
    length = f"{low} <= len({var}) <= {high}"
    if dtype == "ID" and codes is not None:
        ns[f"C{tail}"] = codes
        codes_safe = all(
            low <= len(code) <= high and not any(c in code for c in seps) for code in codes
        )
        if codes_safe:
            test = f"{var} not in C{tail}"
        else:
            test = f"{has_sep()} or not {length} or {var} not in C{tail}"
    elif dtype == "AN":  # a component separator in AN text is no finding; a repetition is
        test = f"{rep!r} in {var} or not {length}" if rep else f"not {length}"
    elif dtype == "ID":
        test = f"{has_sep()} or not {length}"
    elif dtype in ("R", "N0", "N2"):
        if dtype == "R":
            slow = (
                f"{has_sep()} or not _numeric({var}) or "
                f"not {low} <= len({var}.lstrip('-').replace('.', '')) <= {high}"
            )
        else:
            slow = (
                f"{has_sep()} or not _integer({var}) or "
                f"not {low} <= len({var}.lstrip('-')) <= {high}"
            )
        if digits_safe:
            src.append(f"{ind}if {var}.isascii() and {var}.isdigit():")
            src.append(f"{ind}    if not {length}:")
            src.append(f"{ind}        return False")
            src.append(f"{ind}elif {slow}:")
            src.append(f"{ind}    return False")
            return
        test = slow
    elif dtype == "DT":
        test = f"{has_sep()} or not {length} or not date_ok({var})"
    elif dtype == "TM":
        test = f"{has_sep()} or not valid_time({var}) or not {length}"
    else:
        test = "True"
    src.append(f"{ind}if {test}:")
    src.append(f"{ind}    return False")


def _rules_function(rules: tuple[tuple[Any, ...], ...]) -> Any:
    """``rules_ok(present) -> bool``: the segment's syntax rules over presence bits."""
    src = ["def rules_ok(present):"]
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
    ns: dict[str, Any] = {}
    exec(compile("\n".join(src) + "\n", "<x12 clean syntax rules>", "exec"), ns)
    return ns["rules_ok"]
