"""Rule 4 — Consultant availability.

"Working weekdays, absences, public holidays, weekly cap." A consultant
interviews only on a weekday they work, never on a public holiday or a day of
a full-day absence, and holds at most ``max_ochtenden_per_week`` interview
mornings in one ISO week.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from herplan.constraints.base import Rule
from herplan.scheduler.calendar import is_working_day, iso_week
from herplan.scheduler.domain import Consultant, Problem


def consultant_available(problem: Problem, consultant: Consultant, day: date) -> bool:
    if day.weekday() not in consultant.workdays or not is_working_day(day, problem.settings):
        return False
    return not any(
        a.consultant == consultant.id and a.part == "dag" and a.start <= day <= a.end
        for a in problem.absences
    )


def add(pm) -> None:
    for consultant in pm.problem.consultants:
        cap = consultant.max_mornings_per_week
        if cap is None:
            continue
        weeks: dict[tuple[int, int], list] = defaultdict(list)
        for (cid, day), vkeys in pm.visits_by_cd.items():
            if cid == consultant.id:
                weeks[iso_week(day)].extend(pm.visit[v] for v in vkeys)
        for week, visits in weeks.items():
            left = cap - pm.booked_mornings.get((consultant.id, week), 0)
            if len(visits) > left:
                pm.model.add(sum(visits) <= max(0, left))


RULE = Rule(
    4,
    "consultant_availability",
    "geen_consulent_beschikbaar",
    consultant_available=consultant_available,
    add=add,
)
