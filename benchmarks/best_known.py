"""A best known plan for a family region that herplan's engine did not make itself.

The method (issue: an engine for every region) is a long run from another start:
the hand planner's plan (``scheduler.greedy``) as the only hint, then CP-SAT's
own portfolio (its presolve, its large-neighbourhood and feasibility-jump workers)
on the whole day model, maximising the plain count, for ``--seconds``. None of
herplan's first plan, ruin and recreate, neighbourhoods or phase split is used.
The consultants are then handed to the chosen mornings as the engine's consultant
model starts (``assignment_hint``), and the plan is built, guarded
(``scheduler.verify``) and re-checked by the independent ``tests/checker.py``.

    python -m benchmarks.best_known XL-pools --seconds 300 --out benchmarks/best_known.json

Writes (or updates) the region's entry: planned, visits, location-days, the
method, the seconds, the bound CP-SAT proved and the checker's findings.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from ortools.sat.python import cp_model

from benchmarks.instances import instance_seed, shape, write
from herplan.constraints import HARD_RULES, SEARCH_HELPS
from herplan.domain.plan import Plan
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.scheduler.candidates import find_candidates
from herplan.scheduler.greedy import hand_plan
from herplan.scheduler.hints import hint_values
from herplan.scheduler.model import build_model
from herplan.scheduler.planner import plan_from_result
from herplan.scheduler.solve import Phases, SolveResult, SolverOptions
from tests.checker import check_plan

METHOD = "CP-SAT portfolio from the hand plan"


def long_run(workbook: Path, seconds: float, seed: int = 0) -> tuple[Plan, int, list[str]]:
    """The plan CP-SAT's portfolio finds in ``seconds`` from the hand plan; its proven
    bound on the count; the independent checker's findings."""
    problem, _ = read_problem(workbook)
    cands = find_candidates(problem, HARD_RULES)
    pm = build_model(cands, HARD_RULES, SEARCH_HELPS)
    hand = hand_plan(cands).chosen()
    model = pm.model
    count = cp_model.LinearExpr.sum(list(pm.scheduled.values()))
    model.maximize(count)
    values = hint_values(pm, hand)
    for index in sorted(values):
        model.proto.solution_hint.vars.append(index)
        model.proto.solution_hint.values.append(values[index])
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = os.cpu_count() or 1
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    run = Phases(pm, HARD_RULES, SolverOptions(seed=seed))
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        solution = list(solver.response_proto.solution)
        run.values = dict(enumerate(solution))
    else:
        run.values = values
    result = SolveResult(run.chosen_with_consultants(), [], len(hand))
    plan = plan_from_result(problem, cands, result, seed)
    findings = [str(f) for f in check_plan(problem, plan_dict(plan))]
    return plan, round(solver.best_objective_bound), findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("region", help="a family region, e.g. XL-pools (or XL-pools/10)")
    parser.add_argument("--seconds", type=float, default=300.0)
    parser.add_argument("--out", type=Path, help="update this JSON file with the region's entry")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        workbook = write(Path(tmp) / "region.xlsx", shape(args.region), instance_seed(args.region))
        plan, bound, findings = long_run(workbook, args.seconds)
    entry = {
        "planned": len(plan.appointments),
        "visits": plan.visits,
        "location_days": plan.location_days,
        "method": METHOD,
        "seconds": round(time.monotonic() - started),
        "bound": bound,
        "checker_findings": findings,
    }
    print(json.dumps({args.region: entry}, indent=1))
    for finding in findings:
        print(finding, file=sys.stderr)
    if args.out:
        known = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
        known[args.region] = entry
        args.out.write_text(json.dumps(known, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
