"""docs/edits.md shows every row of the X12 finding-code catalogue as it is: code,
severity, 999 IK304 and IK403, meaning."""

from __future__ import annotations

from pathlib import Path

from cleanclaim.x12.finding_codes import catalogue

DOC = Path(__file__).resolve().parents[2] / "docs" / "edits.md"


def _row(r: dict[str, object]) -> str:
    ik304, ik403 = r["ik304"], r["ik403"]
    assert isinstance(ik304, list) and isinstance(ik403, list)
    return (
        f"| `{r['code']}` | {r['severity']} | {', '.join(ik304) or '—'} | "
        f"{', '.join(ik403) or '—'} | {r['meaning']} |"
    )


def test_it_lists_every_code_in_the_scrubber_docs() -> None:
    lines = set(DOC.read_text().splitlines())
    missing = [_row(r) for r in catalogue() if _row(r) not in lines]
    assert missing == [], "docs/edits.md should carry these rows:\n" + "\n".join(missing)
    documented = {ln.split("`")[1] for ln in lines if ln.startswith("| `")}
    codes = {c for c in documented if c.startswith(("x12.", "837p.", "999."))}
    assert codes == {r["code"] for r in catalogue()}  # no row for a code that is gone
