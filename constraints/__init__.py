"""The business rules of SPEC §3, one module each, listed in priority order.

Read top to bottom, these two lists are the agreement of the regional provider
table: what a plan may never break, and what it strives for, most important
first.
"""

from herplan.constraints import (
    afternoon_writeup,
    client_availability,
    clustering,
    consultant_availability,
    continuity,
    fair_load,
    indication_deadline,
    location_availability,
    morning_interview,
    most_reassessments,
    one_location_per_morning,
    preferred_days,
    stability,
    support_plan_freshness,
    support_worker,
)
from herplan.constraints.base import Objective, Rule

HARD_RULES: tuple[Rule, ...] = (
    morning_interview.RULE,  # 1 interviews in the morning of a working day
    afternoon_writeup.RULE,  # 2 write-ups the same afternoon
    one_location_per_morning.RULE,  # 3 one location a morning, change-over time
    consultant_availability.RULE,  # 4 working days, absences, holidays, weekly cap
    location_availability.RULE,  # 5 open days, closed dates, rooms
    support_plan_freshness.RULE,  # 6 support plan at most six months old
    indication_deadline.RULE,  # 7 before the indication ends
    support_worker.RULE,  # 8 a begeleider is never double-booked
    client_availability.RULE,  # 9 the client can come, or the begeleider stands in
)

OBJECTIVES: tuple[Objective, ...] = (
    most_reassessments.OBJECTIVE,  # 1 as many as possible, most urgent first
    clustering.OBJECTIVE,  # 3 fewest visits, then fewest location-days
    continuity.OBJECTIVE,  # 4 the vaste consulent
    preferred_days.OBJECTIVE,  # 5 the provider's preferred days
    fair_load.FAIR_LOAD,  # 6 fair load relative to availability
    fair_load.URGENT_EARLY,  # 6 urgent cases early
)

# A rerun (SPEC §6) adds objective 2 between the count and the clustering.
RERUN_OBJECTIVES: tuple[Objective, ...] = (
    OBJECTIVES[0],
    stability.OBJECTIVE,  # 2 keep what is already out
    *OBJECTIVES[1:],
)

__all__ = ["HARD_RULES", "OBJECTIVES", "RERUN_OBJECTIVES", "Objective", "Rule"]
