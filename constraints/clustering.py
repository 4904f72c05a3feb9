"""Objective 3 — Cluster interviews into few visits.

"Cluster: as few consultant-mornings (visits) as possible, then as few distinct
days per location." One visit weighs more than all location-days together
(``weights.visit_weight``). Its proven bound is the fewest visits any plan
with the planned count of objective 1 needs (``PlanModel.fewest_visits``); the
phase reports visits against it, so a plan on the bound has gap 0 %.

The arithmetic of whole interviews per morning it relies on lives in
``herplan.capacity_model``, shared with the bounds and the redundant cuts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from herplan.constraints import linear, weights
from herplan.constraints.base import Objective
from herplan.constraints.views import DayModelView

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def weight(pm: DayModelView) -> int:
    return weights.visit_weight(len(pm.location_day))


def expression(pm: DayModelView) -> cp_model.LinearExpr:
    visits = linear.total(list(pm.used.values()))
    return weight(pm) * visits + linear.total(list(pm.location_day.values()))


def lower_bound(pm: DayModelView) -> int:
    return weight(pm) * pm.fewest_visits(pm.min_planned)


def in_visits(pm: DayModelView, objective: float, bound: float) -> tuple[float, float]:
    """The phase as a planner reads it: visits, and the fewest visits possible."""
    w = weight(pm)
    return objective // w, max(bound // w, pm.fewest_visits(pm.min_planned))


OBJECTIVE = Objective(
    3,
    "clustering",
    "min",
    on_days=expression,
    bound=lower_bound,
    shown=in_visits,
    unit="visits",
    time_share=0.3,
    rerun_share=0.1,
    headline=True,
)
