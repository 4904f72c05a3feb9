"""Objective 1 — Plan as many reassessments as possible, the most urgent first.

"Schedule as many reassessments as possible, the most urgent (earliest
indication end) first." Urgency tiers: ended before the period, ending in its
first half, ending later in the period, ending after it (``weights``).

On a rerun only the count matters here: an appointment that is already out
may move to plan *more* reassessments, never to swap in a more urgent one
(README, Rerun after cancellations); among plans with the most reassessments the one that moves the
fewest wins, so a short search never trades a kept appointment for an equal
count. Urgency still orders the days (``urgent_early``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from herplan.constraints import linear, stability, weights
from herplan.constraints.base import Objective
from herplan.constraints.views import CandidatesView, DayModelView
from herplan.domain.problem import Reassessment, Settings

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def urgency_tier(r: Reassessment, settings: Settings) -> int:
    if r.indication_end < settings.period_start:
        return weights.TIER_ENDED
    half = settings.period_start + (settings.period_end - settings.period_start) / 2
    if r.indication_end <= half:
        return weights.TIER_FIRST_HALF
    if r.indication_end <= settings.period_end:
        return weights.TIER_IN_PERIOD
    return weights.TIER_LATER


def worths(pm: DayModelView) -> dict[int, int]:
    """What planning each reassessment adds to the objective (computed once: per
    reassessment it would rebuild every case's worth: half a minute at 3 000)."""
    if pm.stable:
        return dict.fromkeys(pm.scheduled, weights.rerun_count_weight(len(pm.previous)))
    first = first_worth(pm.cands)
    return {i: first[i] for i in pm.scheduled}


def first_worth(cands: CandidatesView) -> dict[int, int]:
    """On a first plan: one planned case outweighs every urgency, then the most urgent."""
    base = weights.count_weight(len(cands.cases))
    return {i: base + urgency_tier(r, cands.settings) for i, r in enumerate(cands.cases)}


def expression(pm: DayModelView) -> cp_model.LinearExpr | int:
    worth = worths(pm)
    count = linear.weighted(list(pm.scheduled.values()), [worth[i] for i in pm.scheduled])
    if pm.stable:
        return count - stability.expression(pm)
    return count


def upper_bound(pm: DayModelView) -> int:
    """No plan is worth more than the LP relaxation of the day model allows
    (``PlanModel.worth_bound``), and no plan holds a reassessment for which
    every day is refused. When a plan reaches it, its count is proven optimal.
    """
    # On a rerun the moves only subtract: the bound on the count part holds, and every
    # case is worth the same, so the count's bound (computed once) gives it.
    if pm.stable and pm.planned_upper is not None:
        return weights.rerun_count_weight(len(pm.previous)) * pm.planned_upper
    return pm.worth_bound(worths(pm))


def in_cases(pm: DayModelView, objective: float, bound: float) -> tuple[float, float | None]:
    """The phase as a planner reads it: reassessments planned, and the most possible."""
    return pm.min_planned, pm.planned_upper


OBJECTIVE = Objective(
    1,
    "most_reassessments",
    "max",
    on_days=expression,
    bound=upper_bound,
    shown=in_cases,
    unit="reassessments",
    worth=first_worth,
    time_share=0.35,
    rerun_share=0.55,
    headline=True,
)
