"""The family of XL-tight regions against their best known plans (benchmarks/FAMILY.md).

``compare --family`` runs each region of ``instances.FAMILY`` with the hand
planner and herplan at 30 s and at ``TIME_LIMIT``; ``best_known.json`` holds a
plan for each region that an independent method found (``benchmarks/best_known.py``:
how, in what time, with the checker's verdict). The best known is the most any
of those plans holds: the independent one, or herplan's or the hand planner's
where they hold more. The headline is the worst ratio of herplan's plan at
``TIME_LIMIT`` to the best known over the family.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

from herplan import clock

TIME_LIMIT = 120.0
BEST_KNOWN = Path(__file__).with_name("best_known.json")


def best_known(path: Path = BEST_KNOWN) -> dict[str, dict[str, object]]:
    """Per region: the independent method's plan (planned, visits, method, seconds, ...)."""
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _row(rows: list[dict[str, object]], planner: str) -> dict[str, object] | None:
    return next((r for r in rows if r["planner"] == planner), None)


def ratios(
    results: dict[str, list[dict[str, object]]], best: dict[str, dict[str, object]]
) -> dict[str, tuple[float, int, str]]:
    """Per region: herplan's count at the full limit over the best known, that best
    known and where it came from."""
    found: dict[str, tuple[float, int, str]] = {}
    for region, rows in results.items():
        herplan = _row(rows, "herplan")
        if herplan is None:
            continue
        known = [(int(r["planned"]), str(r["planner"])) for r in rows]  # type: ignore[call-overload]
        independent = best.get(region)
        if independent is not None:
            known.append((int(independent["planned"]), str(independent["method"])))  # type: ignore[call-overload]
        # On a tie the credit goes to the independent method, then the hand planner.
        top, source = max(known, key=lambda k: (k[0], not k[1].startswith("herplan")))
        found[region] = (int(herplan["planned"]) / top if top else 1.0, top, source)  # type: ignore[call-overload]
    return found


def _cell(row: dict[str, object] | None, *keys: str) -> str:
    if row is None:
        return "–"
    return " / ".join(str(row.get(k, "–")) for k in keys)


def table(results: dict[str, list[dict[str, object]]], best: dict[str, dict[str, object]]) -> str:
    head = (
        "| region | hand: planned / visits / loc-days | herplan 30 s | "
        "herplan 120 s: planned / visits / loc-days | independent best known (how, s) | "
        "proven UB | herplan / best known | at ¼ of the limit | wall s | "
        "peak MiB largest / tree | violations |"
    )
    lines = [head, "|" + "---|" * 11]
    shares = ratios(results, best)
    for region, rows in results.items():
        hand, short, full = _row(rows, "hand"), _row(rows, "herplan-30"), _row(rows, "herplan")
        independent = best.get(region)
        how = (
            f"{independent['planned']} ({independent['method']}, {independent['seconds']:g} s)"
            if independent
            else "–"
        )
        bound = min(int(r["proven_bound"]) for r in rows)  # type: ignore[call-overload]
        if independent and independent.get("bound"):
            bound = min(bound, int(independent["bound"]))  # type: ignore[call-overload]
        share, top, source = shares.get(region, (0.0, 0, "–"))
        quarter = full.get("at_quarter") if full else None
        lines.append(
            f"| {region} | {_cell(hand, 'planned', 'visits', 'location_days')} | "
            f"{_cell(short, 'planned')} | {_cell(full, 'planned', 'visits', 'location_days')} | "
            f"{how} | {bound} | {share:.1%} of {top} ({source}) | "
            f"{'–' if quarter is None else f'{quarter:.1%}'} | {_cell(full, 'total_s')} | "
            f"{_cell(full, 'largest_mib', 'peak_mib')} | {_cell(full, 'violations')} |"
        )
    return "\n".join(lines)


def report(results: dict[str, list[dict[str, object]]], best: dict[str, dict[str, object]]) -> str:
    """The family's table under its headline: the worst ratio to the best known."""
    shares = ratios(results, best)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [f"Run on {clock.today().isoformat()} — {machine}; herplan in its default mode.", ""]
    if shares:
        region, (share, top, source) = min(shares.items(), key=lambda kv: kv[1][0])
        lines += [
            f"**Worst ratio over the family: {share:.1%}** of the best known ({region}: "
            f"{top}, {source}).",
            "",
        ]
    lines += [table(results, best), ""]
    return "\n".join(lines)
