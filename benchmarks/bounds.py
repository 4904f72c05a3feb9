"""Bounds to judge herplan and the hand-planning baseline against.

- **Upper bound on planned reassessments**: the maximum flow of
  ``herplan.scheduler.bounds`` (the solver uses it too, as objective 1's bound).
- **Lower bound on visits for a plan**: per location, the interviews planned
  there need at least ``ceil(sum(duration + change-over) / (morning +
  change-over))`` mornings, and at least ``ceil(count / k)`` for every group of
  interviews of which one morning holds at most ``k``
  (``herplan.constraints.clustering.fewest_mornings``, the solver's cuts).
"""

from __future__ import annotations

from collections import defaultdict

from herplan.constraints.clustering import fewest_mornings
from herplan.scheduler.bounds import planned_upper_bound
from herplan.scheduler.domain import Plan

__all__ = ["planned_upper_bound", "visits_lower_bound"]


def visits_lower_bound(plan: Plan) -> int:
    """Fewest mornings that could hold this plan's interviews, location by location."""
    lengths: dict[tuple[str, str], list[int]] = defaultdict(list)
    for a in plan.appointments:
        lengths[(a.provider, a.location)].append(a.end - a.start)
    return sum(fewest_mornings(durations, plan.problem.settings) for durations in lengths.values())
