"""Which guide package reads which transaction set: (ST01, version) → :class:`Guide`.

How a guide package plugs in (the contract, stable):

1. The package lives in ``cleanclaim/x12/<package>/`` and its ``__init__.py``
   exposes ``GUIDE = Guide(...)`` or, for packages holding several transaction
   sets (270 and 271), ``GUIDES = (Guide(...), Guide(...))``.
2. Its name is listed in :data:`GUIDE_PACKAGES` below (an explicit tuple: a
   listed package that cannot be imported is a bug and its error propagates).

A :class:`Guide` bundles five plain functions over the package's own
transaction (a placed guidekit tree with the guide's typed view beside it)::

    parse(segments: list[Segment], delimiters: Delimiters) -> T      # ST..SE → typed
    write(tx: T, delimiters: Delimiters) -> list[Segment]            # typed → ST..SE
    validate(tx: T, delimiters: Delimiters) -> list[Finding]         # guide rules
    to_json(tx: T, delimiters: Delimiters) -> dict[str, Any]         # convenient fields
    from_json(obj: dict[str, Any]) -> T                              # convenient fields → typed

``to_json`` returns only the convenient fields (``claims``, ``payer``...);
the shared JSON view (:mod:`cleanclaim.x12._json_view`) adds the envelope and
the lossless ``segments`` list around them. ``from_json`` receives the
transaction's JSON object (it has no ``segments``) and must build a complete
transaction a receiver accepts.

The CLI (``cleanclaim x12 ...``) and the 999 builder only ever go through
:func:`find_guide`, so a new guide needs no other wiring.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._errors import Finding, X12Error
from ._segments import Delimiters, Segment

__all__ = [
    "GUIDE_PACKAGES",
    "TRANSACTION_SETS",
    "Guide",
    "all_guides",
    "base_release_of",
    "find_guide",
    "guide_by_name",
]

#: Guide packages under ``cleanclaim.x12``, in lookup order.
GUIDE_PACKAGES: tuple[str, ...] = (
    "x222a1_837p",
    "x231a1_999",
    "x221a1_835",
    "x279a1_270_271",
    "x212_276_277",
    "x214_277ca",
    "x217_278",
)

#: The transaction sets (ST01) each package reads, so that reading a file imports only
#: the packages of its sets (a process that validates an 835 does not build the 837P's
#: classes); a test holds this table to the packages' own ``Guide.st01``.
TRANSACTION_SETS: dict[str, tuple[str, ...]] = {
    "x222a1_837p": ("837",),
    "x231a1_999": ("999",),
    "x221a1_835": ("835",),
    "x279a1_270_271": ("270", "271"),
    "x212_276_277": ("276", "277"),
    "x214_277ca": ("277",),
    "x217_278": ("278",),
}


#: Implementation guides we know of but do not read, by the guide id in GS08/ST03
#: (``005010X223A2`` → ``X223``): a file naming one is refused with what it is.
NOT_SUPPORTED: dict[str, str] = {
    "X223": "837I (institutional)",
    "X224": "837D (dental)",
    "X217": "278 (prior authorization)",
    "X220": "834 (benefit enrollment)",
    "X218": "820 (premium payment)",
    "X230": "997 (functional acknowledgment)",
}

#: A 5010 base release: the version before any errata (``005010X222``, no ``A1``).
_BASE_RELEASE = re.compile(r"\d{6}X\d{3}")
_ERRATA = re.compile(r"A\d")


@dataclass(frozen=True, slots=True)
class Guide:
    """One implementation guide for one transaction set (see the module docstring).

    Attributes:
        name: short name, e.g. ``"837P"``.
        st01: transaction set identifier, e.g. ``"837"``.
        versions: accepted GS08/ST03 values; the first is the one we write.
        functional_id: GS01 for a group of these (``"HC"`` for 837, ``"FA"`` for 999).
        title: human title.
        business_units: optional; segment position → ``(element, value)`` naming the
            business unit a segment belongs to (837P: ``("CLM01", "26407789")``), used
            by the 999 builder for ``CTX`` after ``IK3``.
    """

    name: str
    st01: str
    versions: tuple[str, ...]
    functional_id: str
    parse: Callable[[list[Segment], Delimiters], Any]
    write: Callable[[Any, Delimiters], list[Segment]]
    validate: Callable[[Any, Delimiters], list[Finding]]
    to_json: Callable[[Any, Delimiters], dict[str, Any]]
    from_json: Callable[[dict[str, Any]], Any]
    title: str = ""
    business_units: Callable[[Any], dict[int, tuple[str, str]]] | None = None

    @property
    def version(self) -> str:
        """The version we write (GS08 and ST03)."""
        return self.versions[0]


_BY_PACKAGE: dict[str, tuple[Guide, ...]] = {}


def _package_guides(name: str) -> tuple[Guide, ...]:
    """The guides of one package (imported on first use)."""
    found = _BY_PACKAGE.get(name)
    if found is None:
        module = importlib.import_module(f"{__package__}.{name}")
        guides = getattr(module, "GUIDES", None)
        found = _BY_PACKAGE[name] = tuple(guides if guides is not None else (module.GUIDE,))
    return found


def all_guides() -> list[Guide]:
    """Every registered guide (packages imported on first use)."""
    return [g for name in GUIDE_PACKAGES for g in _package_guides(name)]


def _guides_for(st01: str) -> list[Guide]:
    """The guides of the packages that read transaction set ``st01``, in lookup order."""
    return [
        g
        for name in GUIDE_PACKAGES
        if st01 in TRANSACTION_SETS.get(name, ())
        for g in _package_guides(name)
    ]


def base_release_of(guide: Guide, version: str) -> bool:
    """Whether ``version`` is the 5010 base release (published before the errata) of
    the guide's version: ``005010X222`` for ``005010X222A1``, ``005010X221`` for
    ``005010X221A1``. A guide whose version has no errata (``005010X212``) has none."""
    return (
        _BASE_RELEASE.fullmatch(version) is not None
        and guide.version.startswith(version)
        and _ERRATA.fullmatch(guide.version[len(version) :]) is not None
    )


def find_guide(st01: str, version: str) -> Guide:
    """The guide for a transaction set, or :class:`X12Error` saying why there is none.

    ``version`` is ST03 when present, else GS08 (the ST03 of a set overrides its
    group's GS08). A 5010 base release (``005010X222``) is read by the guide of its
    errata (``005010X222A1``): see :func:`base_release_of`.
    """
    guides = _guides_for(st01)
    for guide in guides:
        if guide.st01 == st01 and version in guide.versions:
            return guide
    for guide in guides:
        if guide.st01 == st01 and base_release_of(guide, version):
            return guide
    if version.startswith("00401") or version.startswith("004010"):
        raise X12Error(
            f"version {version} is X12 4010; cleanclaim reads 5010 implementation guides "
            f"(005010...) only"
        )
    same_set = [g for g in guides if g.st01 == st01]
    known = NOT_SUPPORTED.get(version[6:10]) if version.startswith("005010") else None
    if known:
        ours = ", ".join(f"{g.name} ({g.version})" for g in same_set)
        raise X12Error(
            f"transaction set {st01} version {version}: {known} is not supported"
            + (f"; cleanclaim reads {ours}" if ours else "")
        )
    if same_set:
        known = ", ".join(v for g in same_set for v in g.versions)
        raise X12Error(
            f"transaction set {st01} version {version or '(none)'} is not supported "
            f"(supported: {known})"
        )
    if not st01:
        raise X12Error("the ST segment has no transaction set identifier (ST01)")
    raise X12Error(f"transaction set {st01!r} ({version or 'no version'}) is not supported")


def guide_by_name(name: str) -> Guide:
    """The guide called ``name`` (``"837P"``) or for transaction set ``name`` (``"999"``)."""
    for guide in all_guides():
        if name in (guide.name, guide.st01):
            return guide
    raise X12Error(f"no guide for transaction set {name!r}")
