"""herplan against the hand planner, instance by instance (benchmarks/RESULTS.md).

    python -m benchmarks.compare                    # S, M and T
    python -m benchmarks.compare S M T L L-tight XL XL-tight --write benchmarks/RESULTS.md
    python -m benchmarks.compare --family --write benchmarks/FAMILY.md
    python -m benchmarks.compare --render benchmarks/family.json --write benchmarks/FAMILY.md

Each planner runs in a fresh process on the same generated instance (seed 0),
so its peak memory is its own. herplan runs as ``herplan plan`` does by
default: wall-clock ``--time-limit`` for the whole run, every core. The hand
planner (``benchmarks/greedy.py``) fills mornings day by day over every
consultant. Printed per instance: total time, planned, not planned, visits
against the visit lower bound, location-days, proven upper bounds on planned
reassessments (the LP relaxation, the max-flow bound, and the best proven:
the LP's or the one HiGHS proved on the aggregated integer model during the
herplan run), the share of each reached, the status of the count and visit phases,
the load spread (interviews per available morning, highest over lowest among
consultants who work), peak memory (the summed resident size of the
process and its children while the plan is made, sampled), and the independent checker's count.
``--write FILE`` also writes ``results.json`` and the log-log picture
``scale.svg`` beside it. ``--family`` runs the family of XL-tight regions
(``instances.FAMILY``, each from its own seed) with herplan at 30 s and 120 s and
the hand planner, and writes ``family.json`` beside the table, set against the
best known plans of ``best_known.json`` (``benchmarks/family.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import family
from benchmarks.instances import FAMILY, instance_seed, shape, write
from benchmarks.peak import PeakMemory
from benchmarks.picture import render
from herplan import clock

TIME_LIMITS = {
    "S": 10.0,
    "M": 30.0,
    "T": 30.0,
    "L": 60.0,
    "L-tight": 60.0,
    "XL": 120.0,
    "XL-tight": 120.0,
    **{region: family.TIME_LIMIT for region in FAMILY},
}
# The anytime curve: the best plan's count at these shares of the time limit.
ANYTIME_SHARES = (0.1, 0.25, 0.5, 0.75, 1.0)
PLANNERS = ("herplan", "hand")
SHORT_LIMIT = 30.0  # "herplan-30": the same run with this limit (the family's table)


def load_spread(plan) -> float | None:
    """Highest over lowest interviews per available morning, among consultants who work."""
    from herplan.scheduler.load import consultant_loads

    rates = [x.per_morning for x in consultant_loads(plan)[0] if x.interviews]
    return round(max(rates) / min(rates), 2) if rates and min(rates) else None


def run_one(size: str, planner: str, seed: int, workbook: Path) -> dict[str, object]:
    """Plan ``workbook`` with one planner in this process; the row of the table."""
    from benchmarks.bounds import upper_bounds, visits_lower_bound
    from benchmarks.greedy import plan_by_hand
    from herplan.io.input_reader import read_problem
    from herplan.io.plan_json import plan_dict
    from herplan.scheduler.planner import make_plan
    from herplan.scheduler.solve import SolverOptions
    from tests.checker import check_plan

    started = time.monotonic()
    problem, _ = read_problem(workbook)
    curve: list[tuple[float, int]] = []  # (seconds, planned) as the best plan grows
    limit = SHORT_LIMIT if planner == "herplan-30" else TIME_LIMITS[size]
    if planner.startswith("herplan"):

        def progress(p) -> None:
            if p.planned is not None and (not curve or p.planned > curve[-1][1]):
                curve.append((round(time.monotonic() - started, 1), p.planned))

        options = SolverOptions(time_limit_s=limit, seed=seed, started=started, progress=progress)
        # HiGHS proves objective 1's bound in a child process beside the run: counted too.
        with PeakMemory() as peak:
            plan = make_plan(problem, options)
    else:
        with PeakMemory() as peak:
            plan = plan_by_hand(problem, seed)
    total = time.monotonic() - started
    lp, flow = upper_bounds(problem)
    phases = {p.unit: p for p in plan.phases if p.unit}
    count, visits = phases.get("reassessments"), phases.get("visits")
    planned = len(plan.appointments)
    found = check_plan(problem, plan_dict(plan))
    return {
        "instance": size,
        "planner": planner,
        "total_s": round(total, 1),
        "planned": planned,
        "not_planned": len(plan.unscheduled),
        "visits": plan.visits,
        "visits_lower_bound": visits_lower_bound(plan),
        "location_days": plan.location_days,
        "lp_bound": lp,
        "flow_bound": flow,
        "proven_bound": int(count.bound) if count and count.bound is not None else lp,
        "share_of_lp": round(planned / lp, 4) if lp else 1.0,
        "share_of_flow": round(planned / flow, 4) if flow else 1.0,
        "count_status": count.status if count else "–",
        "visits_status": visits.status if visits else "–",
        "visits_bound": visits.bound if visits else None,
        "load_spread": load_spread(plan),
        "peak_mib": round(peak.mib),
        "largest_mib": round(peak.largest_mib),
        "limit_s": limit,
        "violations": len(found),
        "findings": [str(f) for f in found[:5]],  # the first few, to look into
        "anytime": curve,
        "at_quarter": _share_at(curve, limit / 4, planned),
    }


def _planned_at(curve: list[tuple[float, int]], seconds: float) -> int:
    """The best plan's count ``seconds`` into the run (0 before the first)."""
    return max((n for t, n in curve if t <= seconds), default=0)


def _share_at(curve: list[tuple[float, int]], seconds: float, final: int) -> float | None:
    if not curve:
        return None
    return round(_planned_at(curve, seconds) / final, 4) if final else 1.0


def anytime_table(results: dict[str, list[dict[str, object]]]) -> str:
    """herplan's planned count at shares of the time limit, per instance."""
    head = "| instance | " + " | ".join(f"{share:.0%} of limit" for share in ANYTIME_SHARES)
    lines = [head + " | final |", "|---|" + "---|" * (len(ANYTIME_SHARES) + 1)]
    for size, rows in results.items():
        row = next((r for r in rows if r["planner"] == "herplan" and r.get("anytime")), None)
        if row is None:
            continue
        curve = [(float(t), int(n)) for t, n in row["anytime"]]  # type: ignore[attr-defined]
        final = int(row["planned"])  # type: ignore[call-overload]
        cells = []
        for share in ANYTIME_SHARES:
            n = _planned_at(curve, TIME_LIMITS[size] * share)
            cells.append(f"{n} ({n / final:.1%})" if final else str(n))
        lines.append(f"| {size} | " + " | ".join(cells) + f" | {final} |")
    return "\n".join(lines)


COLUMNS = (
    ("planner", "planner"),
    ("total_s", "total s"),
    ("planned", "planned"),
    ("not_planned", "not planned"),
    ("visits", "visits"),
    ("visits_lower_bound", "visits LB"),
    ("location_days", "loc-days"),
    ("lp_bound", "LP UB"),
    ("flow_bound", "flow UB"),
    ("best_bound", "proven UB"),
    ("share_of_bound", "planned/UB"),
    ("share_of_lp", "planned/LP"),
    ("share_of_flow", "planned/flow"),
    ("count_status", "count"),
    ("visits_status", "visits phase"),
    ("load_spread", "load max/min"),
    ("peak_mib", "peak MiB"),
    ("violations", "violations"),
)


def table(rows: list[dict[str, object]]) -> str:
    head = "| " + " | ".join(label for _, label in COLUMNS) + " |"
    rule = "|" + "---|" * len(COLUMNS)
    body = ["| " + " | ".join(str(r[key]) for key, _ in COLUMNS) + " |" for r in rows]
    return "\n".join([head, rule, *body])


def compare(
    sizes: list[str], seed: int, planners: tuple[str, ...] = PLANNERS
) -> dict[str, list[dict[str, object]]]:
    """Every planner on every instance, each in a fresh process; a family region is
    drawn from its own seed, the others from ``seed``."""
    results: dict[str, list[dict[str, object]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            drawn = instance_seed(size) if size in FAMILY else seed
            workbook = write(Path(tmp) / f"{size}.xlsx", shape(size), seed=drawn)
            results[size] = []
            for planner in planners:
                out = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "benchmarks.compare",
                        "--one",
                        size,
                        planner,
                        str(seed),
                        str(workbook),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                results[size].append(json.loads(out.stdout.strip().splitlines()[-1]))
            # The instance's best proven bound: the LP's, or herplan's integer model's.
            best = min(int(r["proven_bound"]) for r in results[size])  # type: ignore[call-overload]
            for row in results[size]:
                row["best_bound"] = best
                row["share_of_bound"] = round(int(row["planned"]) / best, 4) if best else 1.0  # type: ignore[call-overload]
                print(table([row]).splitlines()[-1], file=sys.stderr)
    return results


def report(results: dict[str, list[dict[str, object]]]) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        f"Run on {clock.today().isoformat()} — {machine}; herplan in its default mode "
        "(wall-clock time limit for the whole run, every core), seed 0.",
        "",
    ]
    for size, rows in results.items():
        lines += [f"### {size} (time limit {TIME_LIMITS[size]:g} s)", "", table(rows), ""]
    lines += ["### Anytime: planned as the run goes on (herplan)", "", anytime_table(results), ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", default=["S", "M", "T"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write", type=Path, help="also write the tables to this Markdown file")
    parser.add_argument("--one", nargs=4, metavar=("SIZE", "PLANNER", "SEED", "WORKBOOK"))
    parser.add_argument("--family", action="store_true", help="the family of XL-tight regions")
    parser.add_argument("--render", type=Path, help="the family's table again from this JSON")
    args = parser.parse_args()
    if args.one:
        size, planner, seed, workbook = args.one
        print(json.dumps(run_one(size, planner, int(seed), Path(workbook))))
        return
    if args.family or args.render:
        if args.render:
            results = json.loads(args.render.read_text(encoding="utf-8"))
        else:
            results = compare(list(FAMILY), args.seed, ("herplan", "herplan-30", "hand"))
        text = family.report(results, family.best_known())
        print(text)
        if args.write:
            args.write.write_text(text + "\n", encoding="utf-8")
            raw = args.write.with_name("family.json")
            if not args.render:
                raw.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        return
    results = compare(args.sizes, args.seed)
    text = report(results)
    print(text)
    if args.write:
        args.write.write_text(text + "\n", encoding="utf-8")
        raw = args.write.with_name("results.json")
        raw.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        args.write.with_name("scale.svg").write_text(render(results), encoding="utf-8")


if __name__ == "__main__":
    main()
