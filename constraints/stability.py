"""Objective 2 — Stability on a rerun.

"On a rerun, change as few appointments as possible." Each appointment that is
already out and still holds costs nothing where it stays in the slot named
after its consultant, ``MOVE_CONSULTANT`` on the same day with another
consultant, and ``MOVE_DAY`` anywhere else or when it is dropped. It is
optimised right after ``most_reassessments`` (which already prefers the fewest
moves), and before ``clustering``, so an appointment never moves for fewer
visits (README, The rules). Clock times are kept by ``timing`` wherever the
morning allows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from herplan.constraints import linear, weights
from herplan.constraints.base import Objective
from herplan.constraints.views import DayModelView

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def expression(pm: DayModelView) -> cp_model.LinearExpr | int:
    terms: list[cp_model.IntVar] = []
    coefficients: list[int] = []
    for i, (_loc, k, day) in sorted(pm.previous.items()):
        same_day = [pm.x[key] for key in pm.x_by_i[i] if key[2] == day]
        terms += same_day
        coefficients += [weights.MOVE_DAY - weights.MOVE_CONSULTANT] * len(same_day)
        if (i, k, day) in pm.x:
            terms.append(pm.x[(i, k, day)])
            coefficients.append(weights.MOVE_CONSULTANT)
    kept = linear.weighted(terms, coefficients) if terms else 0
    return weights.MOVE_DAY * len(pm.previous) - kept


OBJECTIVE = Objective(
    2,
    "stability",
    "min",
    on_days=expression,
    bound=lambda pm: 0,
    when="rerun",
    time_share=0.15,
    rerun_share=0.3,
    unit="moves",
    headline=True,
)
