"""Rule 2 — Afternoon write-up.

"Each interview's write-up is done by the same consultant in the afternoon of
the same day; the write-ups of one afternoon fit in the afternoon window. A
consultant absent for any part of a day holds no interviews that day."
Full-day absences belong to rule 4; this rule adds the half-day ones.
"""

from __future__ import annotations

import itertools
from datetime import date

from herplan.capacity_model import MorningCapacity
from herplan.constraints.base import Rule
from herplan.constraints.views import DayModelView
from herplan.domain.problem import Consultant, Problem, Settings
from herplan.facts import PlanFacts
from herplan.findings import Code, Finding, Subject, at


def consultant_available(problem: Problem, consultant: Consultant, day: date) -> bool:
    return not any(
        a.consultant == consultant.id and a.start <= day <= a.end for a in problem.absences
    )


def morning(settings: Settings) -> MorningCapacity:
    """A morning holds no more interviews than its afternoon has write-ups for."""
    if not settings.writeup_min:
        return MorningCapacity()
    return MorningCapacity(writeups=settings.afternoon.minutes // settings.writeup_min)


def add(pm: DayModelView) -> None:
    window = pm.settings.afternoon.minutes
    per_interview = pm.settings.writeup_min
    for keys in pm.x_by_slot.values():
        if len(keys) * per_interview > window:
            pm.model.add(sum(pm.x[k] for k in keys) * per_interview <= window)


def violations(facts: PlanFacts) -> list[Finding]:
    s = facts.problem.settings
    found: list[Finding] = []
    for a in facts.appointments:
        if not (s.afternoon.start <= a.writeup_start and a.writeup_end <= s.afternoon.end):
            found.append(Finding.of(Code.WRITEUP_OUTSIDE_AFTERNOON, at(a)))
        if a.writeup_end - a.writeup_start != s.writeup_min:
            found.append(Finding.of(Code.WRITEUP_WRONG_LENGTH, at(a), minutes=s.writeup_min))
    for (cid, day), group in facts.mornings.items():
        consultant = facts.problem.consultants_by_id.get(cid)
        if consultant is not None and not consultant_available(facts.problem, consultant, day):
            found.append(Finding.of(Code.ABSENT_BUT_INTERVIEWS, Subject(consultant=cid, day=day)))
        blocks = sorted((a.writeup_start, a.writeup_end) for a in group)
        for first, second in itertools.pairwise(blocks):
            if second[0] < first[1]:
                found.append(Finding.of(Code.WRITEUPS_OVERLAP, Subject(consultant=cid, day=day)))
    return found


RULE = Rule(
    2,
    "afternoon_writeup",
    consultant_available=consultant_available,
    morning=morning,
    add=add,
    violations=violations,
)
