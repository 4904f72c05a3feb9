"""Every objective weight in one documented place (README, The rules).

The objectives are optimised lexicographically, one phase each, in the order
of ``herplan.constraints.OBJECTIVES``: a phase may never make an earlier
phase's result worse, so a planned reassessment is never traded for fewer
visits. Inside a phase the weights below are chosen to dominate provably:

- ``most_reassessments``: each planned case is worth ``count_weight(n)`` plus
  its urgency tier (0-3). Since ``count_weight(n) = 3 n + 1`` exceeds the sum
  of all tiers, one more planned case always beats any mix of urgencies. On a
  rerun a planned case is worth more than every move together
  (``rerun_count_weight``), so among plans with the most reassessments the one
  that moves the fewest wins.
- ``stability``: moving an appointment to another day costs 2, keeping its day
  with another consultant 1.
- ``clustering``: a visit (consultant-morning) costs more than all possible
  location-days together, so fewer visits always come first, then fewer
  distinct days per location.
- ``fair_load``: the largest load relative to availability, in per-mille of a
  consultant's available mornings, then the smallest.
"""

from __future__ import annotations

# Urgency tiers by indication end (rule 7 and objective 1).
TIER_ENDED = 3  # ended before the period: plan as early as possible
TIER_FIRST_HALF = 2  # ends in the first half of the period
TIER_IN_PERIOD = 1  # ends later in the period
TIER_LATER = 0  # ends after the period

FAIR_LOAD_SCALE = 1000  # per-mille resolution of relative load
MOVE_DAY = 2  # stability: an appointment on another day
MOVE_CONSULTANT = 1  # stability: the same day, another consultant


def count_weight(n_reassessments: int) -> int:
    """Worth of one planned reassessment: larger than all urgency tiers together."""
    return TIER_ENDED * n_reassessments + 1


def rerun_count_weight(n_previous: int) -> int:
    """On a rerun: one more planned reassessment outweighs keeping every appointment."""
    return MOVE_DAY * n_previous + 1


def visit_weight(n_location_days: int) -> int:
    """Cost of one visit: larger than all possible location-days together."""
    return n_location_days + 1
