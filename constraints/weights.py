"""Every objective weight and priority in one documented place (SPEC §3).

The objectives are optimised lexicographically, one phase each, in the order
of ``PRIORITY``: a phase may never make an earlier phase's result worse, so a
planned reassessment is never traded for fewer visits. Inside a phase the
weights below are chosen to dominate provably:

- ``most_reassessments``: each planned case is worth ``count_weight(n)`` plus
  its urgency tier (0-3). Since ``count_weight(n) = 3 n + 1`` exceeds the sum
  of all tiers, one more planned case always beats any mix of urgencies.
- ``clustering``: a visit (consultant-morning) costs more than all possible
  location-days together, so fewer visits always come first, then fewer
  distinct days per location.
- ``fair_load``: the largest load relative to availability, in per-mille of
  a consultant's available mornings.
"""

from __future__ import annotations

PRIORITY = (
    "most_reassessments",  # 1: plan as many as possible, most urgent first
    "stability",  # 2: on a rerun, change as few appointments as possible
    "clustering",  # 3: fewest visits, then fewest location-days
    "continuity",  # 4: the vaste_consulent where possible
    "preferred_days",  # 5: the provider's preferred days
    "fair_load",  # 6a: fair load across consultants, relative to availability
    "urgent_early",  # 6b: urgent cases early in the period
)

# Urgency tiers by indication end (rule 7 and objective 1).
TIER_ENDED = 3  # ended before the period: plan as early as possible
TIER_FIRST_HALF = 2  # ends in the first half of the period
TIER_IN_PERIOD = 1  # ends later in the period
TIER_LATER = 0  # ends after the period

FAIR_LOAD_SCALE = 1000  # per-mille resolution of relative load

# Share of the solver time each phase may use (rest moves on to later phases).
TIME_SHARE = {
    "most_reassessments": 0.15,
    "stability": 0.15,
    "clustering": 0.45,
    "continuity": 0.10,
    "preferred_days": 0.10,
    "fair_load": 0.10,
    "urgent_early": 0.10,
}


def count_weight(n_reassessments: int) -> int:
    """Worth of one planned reassessment: larger than all urgency tiers together."""
    return TIER_ENDED * n_reassessments + 1


def visit_weight(n_location_days: int) -> int:
    """Cost of one visit: larger than all possible location-days together."""
    return n_location_days + 1
