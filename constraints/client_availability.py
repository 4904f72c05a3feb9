"""Rule 9 — Client availability.

"A client's unavailable days are excluded, except when ``aanwezigheid_client``
is ``niet vereist``: then the interview may be held on such a day with the
begeleider, and the appointment says so." Without a begeleider on file nobody
can stand in, so the day stays excluded.
"""

from __future__ import annotations

from datetime import date

from herplan.constraints.base import Rule
from herplan.domain.codes import Attendance, Reason
from herplan.domain.problem import Problem, Reassessment
from herplan.facts import PlanFacts
from herplan.findings import Code, Finding, at


def client_unavailable(r: Reassessment, day: date) -> bool:
    return day in r.unavailable_dates or day.weekday() in r.unavailable_weekdays


def held_with(r: Reassessment, day: date) -> Attendance:
    """``client`` or ``begeleider``: who attends the interview on ``day``."""
    return Attendance.SUPPORT_WORKER if client_unavailable(r, day) else Attendance.CLIENT


def allows_day(problem: Problem, r: Reassessment, day: date) -> bool:
    if not client_unavailable(r, day):
        return True
    return not r.attendance_required and bool(r.begeleider.strip())


_SHOULD_BE_WITH = {
    Attendance.CLIENT: Code.SHOULD_BE_WITH_CLIENT,
    Attendance.SUPPORT_WORKER: Code.SHOULD_BE_WITH_WORKER,
}


def violations(facts: PlanFacts) -> list[Finding]:
    found: list[Finding] = []
    for a in facts.appointments:
        r = facts.case(a)
        if not allows_day(facts.problem, r, a.day):
            found.append(Finding.of(Code.CLIENT_CANNOT_COME, at(a)))
        elif a.with_ != held_with(r, a.day):
            found.append(Finding.of(_SHOULD_BE_WITH[held_with(r, a.day)], at(a)))
    return found


RULE = Rule(
    9,
    "client_availability",
    Reason.CLIENT_UNAVAILABLE,
    allows_day=allows_day,
    violations=violations,
)
