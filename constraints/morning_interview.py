"""Rule 1 — Morning interview.

"Every interview lies inside the morning window of a working day in the
period." A reassessment whose interview is longer than the morning can never be
planned (reason ``capaciteit``); in every consultant slot the interviews
together, each followed by rule 3's change-over, fit inside the window plus one
change-over: ``sum(duration + g) <= W + g``.
"""

from __future__ import annotations

from datetime import date

from herplan.calendar import is_working_day
from herplan.capacity_model import MorningCapacity
from herplan.constraints import linear
from herplan.constraints.base import Rule
from herplan.constraints.views import DayModelView
from herplan.domain.codes import Reason
from herplan.domain.problem import Problem, Reassessment, Settings
from herplan.facts import PlanFacts
from herplan.findings import Code, Finding, at


def allows_day(problem: Problem, r: Reassessment, day: date) -> bool:
    s = problem.settings
    in_period = s.period_start <= day <= s.period_end
    fits = r.interview_minutes(s) <= s.morning.minutes
    return in_period and fits and is_working_day(day, s)


def add(pm: DayModelView) -> None:
    """In every slot the interviews, with rule 3's change-over, fit in the morning."""
    room = pm.cands.morning_room
    for skey, keys in pm.x_by_slot.items():
        blocks = [pm.cands.block[k[0]] for k in keys]
        if sum(blocks) > room:
            load = linear.weighted([pm.x[k] for k in keys], blocks)
            pm.model.add(load <= room * pm.used[skey])


def violations(facts: PlanFacts) -> list[Finding]:
    s = facts.problem.settings
    found: list[Finding] = []
    for a in facts.appointments:
        if not allows_day(facts.problem, facts.case(a), a.day):
            found.append(Finding.of(Code.NOT_A_WORKING_DAY, at(a)))
        if not (s.morning.start <= a.start and a.end <= s.morning.end):
            found.append(Finding.of(Code.INTERVIEW_OUTSIDE_MORNING, at(a)))
        if a.end - a.start != facts.case(a).interview_minutes(s):
            found.append(Finding.of(Code.INTERVIEW_WRONG_LENGTH, at(a)))
    return found


def morning(settings: Settings) -> MorningCapacity:
    return MorningCapacity(minutes=settings.morning.minutes)


RULE = Rule(
    1,
    "morning_interview",
    Reason.CAPACITY,
    allows_day=allows_day,
    morning=morning,
    add=add,
    violations=violations,
)
