"""The planning domain as plain, frozen data, one module per thing it describes.

``problem``: what is to be planned (the region's settings and the input's records);
``appointment``: the planned interview every other part speaks of; ``revisions``: the
history of revisions (invitations sent, providers' answers, what a rerun starts from);
``plan``: a plan and what it reports. Every name is importable from here.
"""

from herplan.domain.appointment import Appointment, first_open_day, is_held
from herplan.domain.plan import (
    Change,
    ConsultantTime,
    PhaseResult,
    Plan,
    PlanRenewal,
    Unscheduled,
)
from herplan.domain.problem import (
    WEEKDAYS,
    WORKWEEK,
    Absence,
    Consultant,
    Location,
    Problem,
    Reassessment,
    RunSettings,
    Settings,
    TimeWindow,
)
from herplan.domain.revisions import Choice, Invitation, Rerun, StaleAnswer, Verdict

__all__ = [
    "WEEKDAYS",
    "WORKWEEK",
    "Absence",
    "Appointment",
    "Change",
    "Choice",
    "Consultant",
    "ConsultantTime",
    "Invitation",
    "Location",
    "PhaseResult",
    "Plan",
    "PlanRenewal",
    "Problem",
    "Reassessment",
    "Rerun",
    "RunSettings",
    "Settings",
    "StaleAnswer",
    "TimeWindow",
    "Unscheduled",
    "Verdict",
    "first_open_day",
    "is_held",
]
