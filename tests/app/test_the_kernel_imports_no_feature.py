"""The tenancy kernel sits below every feature app (issue 12, decision 0506).

``cleanclaim.tenancy`` (permissions, scoping, the two guards, optimistic locking) and the
``practices`` app that holds its tables (organisations, practices, users, memberships)
import nothing from the web shell, the API package or a feature app, at module level or
inside a function. A feature may import the kernel; the kernel never imports a feature.
"""

from __future__ import annotations

import ast
from pathlib import Path

import cleanclaim

SRC = Path(cleanclaim.__file__).parent
KERNEL = ("tenancy", "practices")
ABOVE = (
    "cleanclaim.web",
    "cleanclaim.api",
    "cleanclaim.patients",
    "cleanclaim.payers",
    "cleanclaim.coding",
    "cleanclaim.scrubbing",
    "cleanclaim.payerrules",
    "cleanclaim.payercalls",
)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names)
    return found


def test_the_kernel_imports_nothing_above_it() -> None:
    files = [p for pkg in KERNEL for p in sorted((SRC / pkg).rglob("*.py"))]
    assert len(files) > 10, "the kernel's modules were not found"
    bad = [
        f"{path.relative_to(SRC.parent)}:{line} imports {module}"
        for path in files
        for line, module in _imports(path)
        if any(module == top or module.startswith(top + ".") for top in ABOVE)
    ]
    assert not bad, "the kernel imports a layer above it:\n" + "\n".join(bad)


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from cleanclaim.web.demo import PASSWORD\n")
    assert _imports(probe) == [(2, "cleanclaim.web.demo")]
