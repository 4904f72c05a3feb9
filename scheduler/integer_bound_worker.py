"""Solve the aggregated integer model with HiGHS; run as a script by ``integer_bound``.

It runs in a process of its own so that the run can end it at any moment
(HiGHS inside OR-Tools does not listen to an interrupt) and so that it has a
core of its own while the construction runs in Python. It imports OR-Tools
only, never herplan. Input: the path of a pickle of
``(upper, integer, cost, rows, seconds, seed)``; output: one JSON line with
the dual and primal bounds, or ``null`` where HiGHS proved nothing.
"""

from __future__ import annotations

import json
import math
import pickle
import sys
from datetime import timedelta

from ortools.math_opt.python import mathopt


def solve(upper, integer, cost, rows, seconds: float, seed: int) -> dict[str, object]:
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
    return {"reason": result.termination.reason.name, "dual": dual, "primal": primal}


def main() -> None:
    with open(sys.argv[1], "rb") as f:
        upper, integer, cost, rows, seconds, seed = pickle.load(f)
    print(json.dumps(solve(upper, integer, cost, rows, seconds, seed)), flush=True)


if __name__ == "__main__":
    main()
