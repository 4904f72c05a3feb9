"""Objective 5 — The provider's preferred days.

"The provider's preferred days." Counts interviews at a location that has
``voorkeursdagen`` on a day that is not one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from herplan.constraints import linear
from herplan.constraints.base import Objective
from herplan.constraints.views import DayModelView

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def expression(pm: DayModelView) -> cp_model.LinearExpr:
    terms = []
    for key, var in pm.x.items():
        loc = pm.problem.location(pm.reassessment(key).location_key)
        if loc.has_preference and not loc.is_preferred(key[2]):
            terms.append(var)
    return linear.total(terms)


OBJECTIVE = Objective(
    5,
    "preferred_days",
    "min",
    on_days=expression,
    bound=lambda pm: 0,
    time_share=0.05,
    rerun_share=0.01,
)
