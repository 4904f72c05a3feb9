"""herplan against the hand-planning baseline, instance by instance (SPEC §7).

    python -m benchmarks.compare                 # S and M
    python -m benchmarks.compare S M L XL --write benchmarks/RESULTS.md

Each planner runs in a fresh process on the same generated instance (seed 0),
so its peak memory is its own. Printed per instance: time to the first plan,
total time, planned, not planned, visits, location-days, the clustering
objective with its proven bound and gap, the ratio to the max-flow upper bound
on planned reassessments, visits against the per-location lower bound, peak
memory, the team size of large regions (``herplan.scheduler.teams``; "all": every
consultant is a candidate everywhere); and whether the plan passes the
independent checker. ``--write FILE`` also writes ``results.json`` and the
log-log picture ``scale.svg`` beside it.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.instances import shape, write
from benchmarks.picture import render

TIME_LIMITS = {"S": 10.0, "M": 30.0, "L": 60.0, "XL": 120.0}
PLANNERS = ("herplan", "greedy")


def run_one(size: str, planner: str, seed: int, workbook: Path) -> dict[str, object]:
    """Plan ``workbook`` with one planner in this process; the row of the table."""
    from benchmarks.bounds import planned_upper_bound, visits_lower_bound
    from benchmarks.greedy import plan_by_hand
    from herplan.constraints import HARD_RULES
    from herplan.io.input_reader import read_problem
    from herplan.io.plan_json import headline_gap, headline_phase, plan_dict
    from herplan.scheduler.model import build_variables
    from herplan.scheduler.planner import make_plan
    from herplan.scheduler.solve import SolverOptions
    from tests.checker import check_plan

    started = time.perf_counter()
    problem, _ = read_problem(workbook)
    if planner == "herplan":
        plan = make_plan(problem, SolverOptions(time_limit_s=TIME_LIMITS[size], seed=seed))
    else:
        plan = plan_by_hand(problem, seed)
    total = time.perf_counter() - started
    peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    pm = build_variables(problem, HARD_RULES)
    upper = planned_upper_bound(pm)
    head = headline_phase(plan.phases)
    planned = len(plan.appointments)
    return {
        "instance": size,
        "planner": planner,
        # everything but the solver phases: reading, building, the first plan
        "first_plan_s": round(total - sum(p.wall_seconds for p in plan.phases), 1),
        "total_s": round(total, 1),
        "planned": planned,
        "not_planned": len(plan.unscheduled),
        "visits": plan.visits,
        "location_days": plan.location_days,
        "objective": head.objective if head else None,
        "bound": head.bound if head else None,
        "gap": round(headline_gap(plan.phases), 4) if plan.phases else None,
        "upper_bound": upper,
        "ratio_to_upper": round(planned / upper, 4) if upper else 1.0,
        "visits_lower_bound": visits_lower_bound(plan),
        "peak_mib": peak,
        # both planners work with the same candidates, teams included
        "team": max((len(t) for t in pm.teams.values()), default="all"),
        "violations": len(check_plan(problem, plan_dict(plan))),
    }


COLUMNS = (
    ("planner", "planner"), ("first_plan_s", "first plan s"), ("total_s", "total s"),
    ("planned", "planned"), ("not_planned", "not planned"), ("visits", "visits"),
    ("visits_lower_bound", "visits LB"), ("location_days", "loc-days"),
    ("objective", "objective"), ("bound", "bound"), ("gap", "gap"),
    ("upper_bound", "planned UB"), ("ratio_to_upper", "planned/UB"), ("peak_mib", "peak MiB"),
    ("team", "team"), ("violations", "violations"),
)  # fmt: skip


def table(rows: list[dict[str, object]]) -> str:
    head = "| " + " | ".join(label for _, label in COLUMNS) + " |"
    rule = "|" + "---|" * len(COLUMNS)
    body = ["| " + " | ".join(str(r[key]) for key, _ in COLUMNS) + " |" for r in rows]
    return "\n".join([head, rule, *body])


def compare(sizes: list[str], seed: int) -> dict[str, list[dict[str, object]]]:
    results: dict[str, list[dict[str, object]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            workbook = write(Path(tmp) / f"{size}.xlsx", shape(size), seed=seed)
            results[size] = []
            for planner in PLANNERS:
                out = subprocess.run(
                    [sys.executable, "-m", "benchmarks.compare", "--one", size, planner,
                     str(seed), str(workbook)],
                    capture_output=True, text=True, check=True,
                )  # fmt: skip
                results[size].append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


def report(results: dict[str, list[dict[str, object]]]) -> str:
    machine = (
        f"{platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}"
    )
    lines = [
        f"Run on {date.today().isoformat()} — {machine}; deterministic mode (1 worker), seed 0.",
        "",
    ]
    for size, rows in results.items():
        lines += [f"### {size} (time limit {TIME_LIMITS[size]:g} s)", "", table(rows), ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", default=["S", "M"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write", type=Path, help="also write the tables to this Markdown file")
    parser.add_argument("--one", nargs=4, metavar=("SIZE", "PLANNER", "SEED", "WORKBOOK"))
    args = parser.parse_args()
    if args.one:
        size, planner, seed, workbook = args.one
        print(json.dumps(run_one(size, planner, int(seed), Path(workbook))))
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
