"""Proven upper bounds on the capacity curve: the LP relaxation of ``capacity_model``.

README, Capacity advice. The CP-SAT model of what extra mornings plan is
read as a linear programme (GLOP, part of OR-Tools): every variable between
its bounds, every constraint as the linear rows it stands for. Its optimum
with at most k extra mornings bounds what any plan of the model holds with k
mornings. As a function of k that optimum is concave, so a solve at one k
gives, with the budget's dual value (its slope), a line above the whole
curve; the least of a few such lines bounds every k, without a solve per
point. On the tight benchmark regions the LP's optimum is whole at every k
and equals the best plan of the model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from ortools.math_opt.python import mathopt
from ortools.sat.python.cp_model_helper import ConstraintProto

from herplan.scheduler.capacity_model import AdviceModel

EPSILON = 1e-6
HUGE = 2**60


@dataclass(frozen=True)
class Tangent:
    """The LP optimum ``value`` with at most ``extra`` mornings, and its slope there."""

    extra: int
    value: float
    slope: float

    def at(self, extra: int) -> float:
        return self.value + self.slope * (extra - self.extra)


class LinearCurve:
    """The LP of ``am`` (counting the reassessments planned), solved for one k after another."""

    def __init__(self, am: AdviceModel) -> None:
        self.model = mathopt.Model()
        proto = am.model.proto
        self.columns = [
            self.model.add_variable(lb=v.domain[0], ub=v.domain[len(v.domain) - 1])
            for v in proto.variables
        ]
        for c in proto.constraints:
            self._rows(c)
        self.budget = self.columns[am.budget.index]
        self.model.maximize(mathopt.fast_sum(self.columns[v.index] for v in am.x.values()))
        self.solver = mathopt.IncrementalSolver(self.model, mathopt.SolverType.GLOP)

    def _literal(self, literal: int) -> mathopt.LinearExpression:
        if literal >= 0:
            return mathopt.LinearExpression(self.columns[literal])
        return 1 - self.columns[-literal - 1]

    def _rows(self, c: ConstraintProto) -> None:
        """A constraint of the CP-SAT model as linear rows (the kinds the model uses)."""
        if c.has_linear():
            terms = mathopt.fast_sum(
                k * self.columns[v] for v, k in zip(c.linear.vars, c.linear.coeffs, strict=True)
            )
            low, high = c.linear.domain[0], c.linear.domain[len(c.linear.domain) - 1]
            self.model.add_linear_constraint(
                lb=low if low > -HUGE else -math.inf,
                ub=high if high < HUGE else math.inf,
                expr=terms,
            )
        elif c.has_at_most_one():
            self.model.add_linear_constraint(
                mathopt.fast_sum(self._literal(x) for x in c.at_most_one.literals) <= 1
            )
        elif c.has_bool_and():  # an implication: enforcement => each literal
            for e in c.enforcement_literal:
                for x in c.bool_and.literals:
                    self.model.add_linear_constraint(self._literal(e) <= self._literal(x))
        else:
            raise ValueError("capacity model: a constraint the LP does not know")

    def tangent(self, extra: int, seconds: float = 30.0) -> Tangent | None:
        """The LP optimum with at most ``extra`` mornings and the budget's dual value."""
        self.budget.upper_bound = extra
        params = mathopt.SolveParameters(time_limit=timedelta(seconds=max(0.1, seconds)))
        result = self.solver.solve(params=params)
        if result.termination.reason != mathopt.TerminationReason.OPTIMAL:
            return None
        slope = (
            abs(result.reduced_costs()[self.budget])
            if result.has_dual_feasible_solution()
            else math.inf
        )
        return Tangent(extra, result.objective_value(), slope)


def bound_at(tangents: list[Tangent], extra: int) -> int | None:
    """The most any plan of the model holds with ``extra`` mornings (None: no tangent)."""
    if not tangents:
        return None
    return math.floor(min(t.at(extra) for t in tangents) + EPSILON)
