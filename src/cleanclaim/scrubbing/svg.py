"""A small horizontal bar chart in inline SVG, drawn on the server (no JavaScript,
no third-party library). The table beside it carries the same figures for screen
readers and for copying."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ROW = 24
LABEL_W = 140
BAR_W = 320
PAD = 4


def bar_chart(rows: list[tuple[str, int]], *, title: str, chart_id: str = "chart") -> SafeString:
    """One bar per ``(label, value)``; bars scale to the largest value."""
    if not rows:
        return mark_safe("")
    top = max(v for _, v in rows) or 1
    height = ROW * len(rows) + PAD * 2
    # wide enough for the longest label (about 7.5 px a character at 13 px)
    label_w = max(LABEL_W, round(7.5 * max(len(label) for label, _ in rows)) + 12)
    width = label_w + BAR_W + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" role="img" '
        f'aria-labelledby="{chart_id}-title" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for i, (label, value) in enumerate(rows):
        y = PAD + i * ROW
        w = max(2, round(BAR_W * value / top))
        parts.append(
            f'<g class="bar"><text x="{label_w - 6}" y="{y + 16}" text-anchor="end" '
            f'font-size="13">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{ROW - 8}" rx="2" '
            f'fill="#1f5fbf"></rect>'
            f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13">{value}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
