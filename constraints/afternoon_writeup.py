"""Rule 2 — Afternoon write-up.

"Each interview's write-up is done by the same consultant in the afternoon of
the same day; the write-ups of one afternoon fit in the afternoon window. A
consultant absent for any part of a day holds no interviews that day."
Full-day absences belong to rule 4; this rule adds the half-day ones.
"""

from __future__ import annotations

from datetime import date

from herplan.constraints.base import Rule
from herplan.scheduler.domain import Consultant, Problem


def consultant_available(problem: Problem, consultant: Consultant, day: date) -> bool:
    return not any(
        a.consultant == consultant.id and a.start <= day <= a.end for a in problem.absences
    )


def add(pm) -> None:
    window = pm.settings.afternoon.minutes
    per_interview = pm.settings.writeup_min
    for keys in pm.x_by_cd.values():
        if len(keys) * per_interview > window:
            pm.model.add(sum(pm.x[k] for k in keys) * per_interview <= window)


RULE = Rule(2, "afternoon_writeup", consultant_available=consultant_available, add=add)
