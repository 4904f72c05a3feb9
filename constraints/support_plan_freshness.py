"""Rule 6 — Support-plan freshness.

"On the interview day the support plan is at most six months old (calendar
months: a plan of 15 June 2025 is valid up to and including 15 December 2025).
A missing or stale plan only becomes usable from
``nieuw_ondersteuningsplan_verwacht`` plus the preparation working days."
"""

from __future__ import annotations

from datetime import date

from herplan.calendar import new_plan_usable_from, plan_valid_until
from herplan.constraints.base import Rule
from herplan.domain.codes import Reason
from herplan.domain.problem import Problem, Reassessment
from herplan.facts import refused_days
from herplan.findings import Code


def current_plan_valid(problem: Problem, r: Reassessment, day: date) -> bool:
    """The plan on file is current on ``day``."""
    if r.support_plan_date is None:
        return False
    return r.support_plan_date <= day <= plan_valid_until(r.support_plan_date, problem.settings)


def promised_plan_valid(problem: Problem, r: Reassessment, day: date) -> bool:
    """The promised new plan has arrived, with preparation time, by ``day``."""
    if r.new_plan_expected is None:
        return False
    s = problem.settings
    return (
        new_plan_usable_from(r.new_plan_expected, s)
        <= day
        <= plan_valid_until(r.new_plan_expected, s)
    )


def allows_day(problem: Problem, r: Reassessment, day: date) -> bool:
    return current_plan_valid(problem, r, day) or promised_plan_valid(problem, r, day)


def reason(problem: Problem, r: Reassessment) -> Reason:
    return Reason.NO_SUPPORT_PLAN if r.support_plan_date is None else Reason.SUPPORT_PLAN_EXPIRED


RULE = Rule(
    6,
    "support_plan_freshness",
    reason,
    allows_day=allows_day,
    violations=refused_days(allows_day, Code.SUPPORT_PLAN_NOT_CURRENT),
)
