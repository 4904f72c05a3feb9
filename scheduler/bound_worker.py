"""Solve the aggregated model's relaxations; run as a script by ``integer_bound``.

The LP relaxation (GLOP) and the integer model (HiGHS) of ``bounds.aggregate``
are solved here, in a process of its own: the run can end it at any moment
(HiGHS inside OR-Tools does not listen to an interrupt), and it has a core of
its own while the run builds its model and first plan in Python. It imports
OR-Tools only, never herplan, so it starts quickly. Input: the path of a
pickle of jobs ``(name, kind, model)``; output: one JSON line per job as it is
done, ``{"name": ..., "value": ...}`` (``null`` where nothing was proven).
``bounds`` solves the LP in-process with the same function.
"""

from __future__ import annotations

import json
import math
import pickle
import sys
from datetime import timedelta
from typing import Any

Rows = list[tuple[list[int], list[float], float]]


def linear_optimum(upper: list[float], cost: list[float], rows: Rows) -> float | None:
    """The LP optimum of ``max cost·x, rows x <= rhs, 0 <= x <= upper`` (GLOP)."""
    from ortools.linear_solver import pywraplp

    lp = pywraplp.Solver.CreateSolver("GLOP")
    columns = [lp.NumVar(0, u, "") for u in upper]
    for index, coefs, rhs in rows:
        row = lp.RowConstraint(-lp.infinity(), rhs, "")
        for j, c in zip(index, coefs, strict=True):
            row.SetCoefficient(columns[j], c)
    objective = lp.Objective()
    for j, c in enumerate(cost):
        if c:
            objective.SetCoefficient(columns[j], c)
    objective.SetMaximization()
    if lp.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    value: float = objective.Value()  # GLOP's wrapper is untyped
    return value


def integer_bounds(
    upper: list[float],
    integer: list[bool],
    cost: list[float],
    rows: Rows,
    seconds: float,
    seed: int,
) -> dict[str, object]:
    """HiGHS on the integer model for ``seconds``: its proven (dual) and best (primal) bound."""
    from ortools.math_opt.python import mathopt

    model = mathopt.Model()
    columns = [
        model.add_variable(lb=0, ub=u, is_integer=whole)
        for u, whole in zip(upper, integer, strict=True)
    ]
    for index, coefs, rhs in rows:
        model.add_linear_constraint(
            mathopt.fast_sum(c * columns[j] for j, c in zip(index, coefs, strict=True)) <= rhs
        )
    model.maximize(mathopt.fast_sum(c * columns[j] for j, c in enumerate(cost) if c))
    params = mathopt.SolveParameters(
        time_limit=timedelta(seconds=max(0.1, seconds)),
        absolute_gap_tolerance=0.999,  # the objective is whole: less than 1 apart is proven
        random_seed=seed,
    )
    result = mathopt.solve(model, mathopt.SolverType.HIGHS, params=params)
    bounds = result.termination.objective_bounds
    dual = bounds.dual_bound if math.isfinite(bounds.dual_bound) else None
    primal = bounds.primal_bound if math.isfinite(bounds.primal_bound) else None
    return {"reason": result.termination.reason.name, "value": dual, "primal": primal}


def run(name: str, kind: str, model: dict[str, Any]) -> dict[str, object]:
    if kind == "linear":
        return {"value": linear_optimum(model["upper"], model["cost"], model["rows"])}
    return integer_bounds(
        model["upper"],
        model["integer"],
        model["cost"],
        model["rows"],
        model["seconds"],
        model["seed"],
    )


def main() -> None:
    with open(sys.argv[1], "rb") as f:
        jobs = pickle.load(f)
    for name, kind, model in jobs:
        print(json.dumps({"name": name, **run(name, kind, model)}), flush=True)


if __name__ == "__main__":
    main()
