"""Bounds to judge herplan and the hand-planning baseline against.

- **Upper bounds on planned reassessments**: the LP relaxation of the day model
  and the (weaker) maximum flow, both from ``herplan.scheduler.bounds``; the
  solver uses the LP as objective 1's proven bound.
- **Lower bound on visits for a plan**: per location, the interviews planned
  there need at least ``ceil(sum(duration + change-over) / (morning +
  change-over))`` mornings, and at least ``ceil(count / k)`` for every group of
  interviews of which one morning holds at most ``k``
  (``herplan.capacity_model.fewest_mornings``, the solver's cuts).
"""

from __future__ import annotations

from collections import defaultdict

from herplan.capacity_model import fewest_mornings
from herplan.constraints import HARD_RULES
from herplan.domain.plan import Plan
from herplan.domain.problem import Problem
from herplan.scheduler.bounds import flow_upper_bound, planned_upper_bound
from herplan.scheduler.candidates import find_candidates, morning_capacity

__all__ = ["upper_bounds", "visits_lower_bound"]


def upper_bounds(problem: Problem) -> tuple[int, int]:
    """(LP bound, max-flow bound) on the reassessments any plan of ``problem`` holds."""
    cands = find_candidates(problem, HARD_RULES)
    return planned_upper_bound(cands), flow_upper_bound(cands)


def visits_lower_bound(plan: Plan) -> int:
    """Fewest mornings that could hold this plan's interviews, location by location."""
    lengths: dict[tuple[str, str], list[int]] = defaultdict(list)
    for a in plan.appointments:
        lengths[(a.provider, a.location)].append(a.end - a.start)
    capacity = morning_capacity(HARD_RULES, plan.problem.settings)
    return sum(fewest_mornings(durations, capacity) for durations in lengths.values())
