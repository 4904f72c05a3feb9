"""Render the first rows of a workbook sheet as an SVG picture for the README.

    python docs/render_sheet.py planning/aanbieders/timon.xlsx docs/aanbieder-planning.svg

Pure Python (openpyxl and the standard library); convert the SVG to PNG with any
tool, e.g. ``convert docs/aanbieder-planning.svg docs/aanbieder-planning.png``.
"""

from __future__ import annotations

import sys
from datetime import datetime, time
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import load_workbook

CHAR_PX, ROW_PX, PAD = 7.2, 24, 6


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value)


def render(workbook: Path, sheet: str = "Planning", rows: int = 8) -> str:
    ws = load_workbook(workbook)[sheet]
    table = [[_text(c) for c in row] for row in ws.iter_rows(max_row=rows + 1, values_only=True)]
    widths = [max(len(r[n]) for r in table) * CHAR_PX + 2 * PAD for n in range(len(table[0]))]
    total_w, total_h = sum(widths) + 2, ROW_PX * (len(table) + 1) + 2
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w:.0f}" height="{total_h}" '
        'font-family="Calibri, Arial, sans-serif" font-size="12">',
        f'<rect width="{total_w:.0f}" height="{total_h}" fill="white"/>',
        f'<text x="{PAD}" y="16" font-weight="bold">{escape(workbook.name)} › {sheet}</text>',
    ]
    for r, row in enumerate(table):
        y = ROW_PX * (r + 1)
        fill = "#1F4E78" if r == 0 else ("#DDEBF7" if r % 2 else "white")
        x = 1.0
        for n, value in enumerate(row):
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{widths[n]:.1f}" height="{ROW_PX}" '
                f'fill="{fill}" stroke="#BFBFBF"/>'
            )
            colour = "white" if r == 0 else "black"
            weight = ' font-weight="bold"' if r == 0 else ""
            out.append(
                f'<text x="{x + PAD:.1f}" y="{y + 16}" fill="{colour}"{weight}>'
                f"{escape(value)}</text>"
            )
            x += widths[n]
    out.append("</svg>")
    return "\n".join(out)


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.write_text(render(source), encoding="utf-8")
    print(target)
