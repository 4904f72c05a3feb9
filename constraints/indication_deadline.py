"""Rule 7 — Indication deadline.

"When the indication ends inside the period, the interview is on or before its
end date. Already-ended indications are planned as early as possible." The
second half is an objective (``urgent_early`` in ``fair_load``) and the highest
urgency tier of ``most_reassessments``; a day after the end date is refused
here with reason ``einddatum_voor_periode`` (the indication ends before that
part of the period).
"""

from __future__ import annotations

from datetime import date

from herplan.constraints.base import Rule
from herplan.domain.codes import Reason
from herplan.domain.problem import Problem, Reassessment
from herplan.facts import refused_days
from herplan.findings import Code


def allows_day(problem: Problem, r: Reassessment, day: date) -> bool:
    if r.indication_end < problem.settings.period_start:
        return True  # already ended: planned as early as possible, not refused
    return day <= r.indication_end


RULE = Rule(
    7,
    "indication_deadline",
    Reason.ENDS_BEFORE_PERIOD,
    allows_day=allows_day,
    violations=refused_days(allows_day, Code.AFTER_INDICATION_ENDS),
)
