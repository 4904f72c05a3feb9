"""The business rules (README, The rules), one module each, listed in priority order.

Read top to bottom, these lists are the agreement of the regional provider
table: what a plan may never break, and what it strives for, most important
first. The last list holds what only helps the solver: it never changes
which plans are allowed.
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
    pinned_appointments,
    preferred_days,
    redundant_cuts,
    slot_symmetry,
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
    pinned_appointments.RULE,  # 10 confirmed appointments stay
)

OBJECTIVES: tuple[Objective, ...] = (
    most_reassessments.OBJECTIVE,  # 1 as many as possible, most urgent first
    stability.OBJECTIVE,  # 2 (reruns) keep what is already out
    clustering.OBJECTIVE,  # 3 fewest visits, then fewest location-days
    continuity.OBJECTIVE,  # 4 the vaste consulent
    preferred_days.OBJECTIVE,  # 5 the provider's preferred days
    fair_load.URGENT_EARLY,  # 6 urgent cases early
    fair_load.FAIR_LOAD,  # 6 fair load relative to availability
)

SEARCH_HELPS = (
    redundant_cuts.FAMILY,  # whole interviews per morning, per location
    slot_symmetry.FAMILY,  # interchangeable slots numbered by load
)

__all__ = ["HARD_RULES", "OBJECTIVES", "SEARCH_HELPS", "Objective", "Rule"]
