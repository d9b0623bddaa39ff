"""What every finding of one transaction set shares, and how findings are added.

:class:`Context` collects the core's :class:`~cleanclaim.x12._errors.Finding` for
one transaction set. While ``record`` is set, :meth:`Context.add` records the
call instead (element checks are memoised per distinct segment and replayed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .._errors import IK304, Finding, Severity
from .._segments import Delimiters
from .tree import SegNode


@dataclass(slots=True)
class Context:
    """What every finding of one transaction set shares."""

    delimiters: Delimiters
    st_control: str
    findings: list[Finding]
    #: element checks already done: (spec, loop, elements) → the ``add`` calls they made
    memo: dict[
        tuple[int, str, tuple[str, ...]], list[tuple[tuple[str, str, str], dict[str, Any]]]
    ] = field(default_factory=dict)
    record: list[tuple[tuple[str, str, str], dict[str, Any]]] | None = None
    #: the structure walk's per-loop tables for these separators (see validate.check_loop)
    plans: dict[Any, Any] | None = None

    def add(
        self,
        node: SegNode | None,
        loop_id: str,
        code: str,
        message: str,
        *,
        ik304: str = "",
        ik403: str = "",
        ref: str = "",
        element_position: int = 0,
        component_position: int = 0,
        value: str = "",
        severity: Severity = Severity.ERROR,
        segment_id: str = "",
    ) -> None:
        if self.record is not None:
            self.record.append(
                (
                    (loop_id, code, message),
                    {
                        "ik304": ik304,
                        "ik403": ik403,
                        "ref": ref,
                        "element_position": element_position,
                        "component_position": component_position,
                        "value": value,
                        "severity": severity,
                        "segment_id": segment_id,
                    },
                )
            )
            return
        if ik403 and not ik304:
            ik304 = IK304.SEGMENT_HAS_ELEMENT_ERRORS
        self.findings.append(
            Finding(
                code=code,
                message=message,
                severity=severity,
                position=node.segment.position if node else 0,
                segment_id=segment_id or (node.id if node else ""),
                loop_id=loop_id,
                element=f"{loop_id} {ref}".strip() if ref else "",
                ik304=ik304,
                ik403=ik403,
                element_position=element_position,
                component_position=component_position,
                value=value[:99],
                st_control=self.st_control,
                segment_in_set=node.in_set if node else 0,
            )
        )
