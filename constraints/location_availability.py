"""Rule 5 — Location availability and rooms.

"Open weekdays, closed dates; at most ``gesprekskamers`` consultants interview
at a location at the same time." A consultant who visits a location holds the
room for the whole morning, so at most ``gesprekskamers`` consultants visit a
location on one morning; this guarantees the rooms are never over-booked.
"""

from __future__ import annotations

from datetime import date

from herplan.constraints.base import Rule
from herplan.scheduler.domain import Problem, Reassessment


def allows_day(problem: Problem, r: Reassessment, day: date) -> bool:
    loc = problem.location(r.location_key)
    if loc.open_weekdays is not None and day.weekday() not in loc.open_weekdays:
        return False
    return day not in loc.closed_dates


def add(pm) -> None:
    for (loc_key, _day), vkeys in pm.visits_by_ld.items():
        rooms = pm.problem.location(loc_key).rooms
        if len(vkeys) > rooms:
            pm.model.add(sum(pm.visit[v] for v in vkeys) <= rooms)


RULE = Rule(5, "location_availability", "locatie_gesloten", allows_day=allows_day, add=add)
