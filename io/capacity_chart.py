"""The capacity advice as a picture: the curve, and the shortage per week (matplotlib).

README, Capacity advice. Left: planned against extra consultant-mornings,
the proven bound dashed, planned now as a line. Right: per ISO week the
extra mornings the last point holds and the reassessments no extra morning
plans. Written as SVG and PNG into ``capaciteit/`` of the planning folder
and shown on the page; the same advice gives the same bytes (no dates, a
fixed hash salt).
"""

from __future__ import annotations

import io

from herplan.io.words import section
from herplan.scheduler.capacity_advice import Advice

SIZE = (10.0, 4.0)  # inches: two charts side by side, readable on a laptop and on A4
DPI = 100


def chart_bytes(advice: Advice, language: str, kind: str = "svg") -> bytes:
    """The chart of ``advice`` as ``svg`` or ``png`` bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    w = section(language, "cap_")
    with matplotlib.rc_context({"svg.hashsalt": "herplan", "font.size": 9}):
        figure, (left, right) = plt.subplots(1, 2, figsize=SIZE, dpi=DPI)
        try:
            _curve(left, advice, w)
            _weeks(right, advice, w)
            figure.tight_layout()
            out = io.BytesIO()
            metadata = {"Date": None} if kind == "svg" else {"Software": None}
            figure.savefig(out, format=kind, metadata=metadata)
            return out.getvalue()
        finally:
            plt.close(figure)


def _curve(ax, advice: Advice, w: dict[str, str]) -> None:
    ks = [0, *[p.extra for p in advice.points if p.extra > 0]]
    planned = [advice.current, *[p.planned for p in advice.points if p.extra > 0]]
    ax.plot(ks, planned, marker="o", markersize=3, color="#1f5fa8", label=w["planned"])
    bounds = [(p.extra, p.bound) for p in advice.points if p.bound is not None and p.extra > 0]
    if bounds:
        ax.plot(*zip(*bounds, strict=True), linestyle="--", color="#888888", label=w["chart_bound"])
    ax.axhline(advice.current, color="#c0392b", linewidth=0.8, label=w["chart_now"])
    ax.set_title(w["chart_curve"])
    ax.set_xlabel(w["chart_x"])
    ax.set_ylabel(w["planned"])
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")


def _weeks(ax, advice: Advice, w: dict[str, str]) -> None:
    labels = [f"{x.week[1]}" for x in advice.weeks]
    spots = range(len(labels))
    mornings = [x.mornings for x in advice.weeks]
    blocked = [sum(x.blocked.values()) for x in advice.weeks]
    ax.bar([s - 0.2 for s in spots], mornings, width=0.4, color="#1f5fa8", label=w["week_mornings"])
    ax.bar([s + 0.2 for s in spots], blocked, width=0.4, color="#e67e22", label=w["week_blocked"])
    ax.set_xticks(list(spots), labels)
    ax.set_xlabel(w["week"])
    ax.set_ylabel(w["chart_count"])
    ax.set_title(w["chart_weeks"])
    ax.grid(axis="y", alpha=0.3)
    ax.legend()
