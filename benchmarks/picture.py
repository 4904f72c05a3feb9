"""A log-log picture of time and peak memory from S to XL, as a plain SVG.

    python -m benchmarks.picture benchmarks/results.json benchmarks/scale.svg

Written by ``benchmarks.compare --write`` next to ``RESULTS.md``; standard
library only, so it runs wherever the benchmarks run.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from benchmarks.instances import TIGHT_CAPS, shape

WIDTH, HEIGHT, MARGIN = 760, 340, 60
PANEL = (WIDTH - 3 * MARGIN) / 2
SERIES = {"herplan": "#1f5fa8", "hand": "#c2571a"}


def _log_axis(values: list[float]) -> tuple[float, float]:
    low = 10 ** math.floor(math.log10(min(values)))
    high = 10 ** math.ceil(math.log10(max(values)))
    return low, high


def _panel(left: float, title: str, unit: str, points: dict[str, list[tuple[float, float]]]):
    """One log-log chart: reassessments on x, ``unit`` on y, a line per planner."""
    xs = [x for line in points.values() for x, _ in line]
    ys = [y for line in points.values() for _, y in line]
    (x0, x1), (y0, y1) = _log_axis(xs), _log_axis(ys)
    top, bottom = MARGIN, HEIGHT - MARGIN

    def px(x: float) -> float:
        return left + PANEL * math.log10(x / x0) / math.log10(x1 / x0)

    def py(y: float) -> float:
        return bottom - (bottom - top) * math.log10(y / y0) / math.log10(y1 / y0)

    out = [
        f'<text x="{left + PANEL / 2}" y="{top - 20}" text-anchor="middle" '
        f'font-weight="bold">{escape(title)}</text>',
        f'<rect x="{left}" y="{top}" width="{PANEL}" height="{bottom - top}" '
        'fill="none" stroke="#888"/>',
    ]
    decade = x0
    while decade <= x1:
        out.append(
            f'<text x="{px(decade)}" y="{bottom + 16}" text-anchor="middle">{decade:g}</text>'
        )
        decade *= 10
    decade = y0
    while decade <= y1:
        out.append(
            f'<line x1="{left}" x2="{left + PANEL}" y1="{py(decade)}" y2="{py(decade)}" '
            'stroke="#ddd"/>'
        )
        out.append(f'<text x="{left - 6}" y="{py(decade) + 4}" text-anchor="end">{decade:g}</text>')
        decade *= 10
    out.append(
        f'<text x="{left + PANEL / 2}" y="{bottom + 34}" text-anchor="middle">'
        f"reassessments (log) — {escape(unit)} (log)</text>"
    )
    for planner, line in points.items():
        colour = SERIES.get(planner, "#444")
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in line)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in line:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
    return out


def render(results: dict[str, list[dict[str, object]]]) -> str:
    """The SVG text: total seconds and peak MiB against instance size, per planner."""
    time_points: dict[str, list[tuple[float, float]]] = {}
    memory_points: dict[str, list[tuple[float, float]]] = {}
    for size, rows in results.items():
        if size in TIGHT_CAPS:
            continue  # the tight variants share their size with M and L
        n = shape(size).reassessments
        for row in rows:
            planner = str(row["planner"])
            time_points.setdefault(planner, []).append((n, max(0.1, float(row["total_s"]))))
            memory_points.setdefault(planner, []).append((n, float(row["peak_mib"])))
    body = [
        *_panel(MARGIN, "Total time", "seconds", time_points),
        *_panel(2 * MARGIN + PANEL, "Peak memory", "MiB", memory_points),
    ]
    for n, (planner, colour) in enumerate(SERIES.items()):
        body.append(
            f'<text x="{MARGIN + 10 + 120 * n}" y="{HEIGHT - 8}" fill="{colour}">■ {planner}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'font-family="sans-serif" font-size="12">'
        f'<rect width="100%" height="100%" fill="white"/>{"".join(body)}</svg>\n'
    )


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.write_text(render(json.loads(source.read_text(encoding="utf-8"))), encoding="utf-8")


if __name__ == "__main__":
    main()
