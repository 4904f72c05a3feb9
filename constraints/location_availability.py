"""Rule 5 — Location availability and rooms.

"Open weekdays, closed dates; at most ``gesprekskamers`` consultants interview
at a location at the same time." A consultant holds a room for the whole
morning, so a location has one consultant slot a day per room: the rooms are
never over-booked.
"""

from __future__ import annotations

from datetime import date

from herplan.constraints.base import Rule
from herplan.domain.codes import Reason
from herplan.domain.problem import Location, Problem, Reassessment
from herplan.facts import PlanFacts, refused_days
from herplan.findings import Code, Finding, Subject


def is_open(loc: Location, day: date) -> bool:
    """The location is open that day: one of its weekdays and not a closed date."""
    if loc.open_weekdays is not None and day.weekday() not in loc.open_weekdays:
        return False
    return day not in loc.closed_dates


def allows_day(problem: Problem, r: Reassessment, day: date) -> bool:
    return is_open(problem.location(r.location_key), day)


def slots(problem: Problem, location: Location) -> int:
    return location.rooms


_closed = refused_days(allows_day, Code.LOCATION_CLOSED)


def violations(facts: PlanFacts) -> list[Finding]:
    found = _closed(facts)
    for (loc, day), group in facts.location_days.items():
        rooms = facts.problem.location(loc).rooms
        for a in group:
            busy = {b.consultant for b in group if b.start < a.end and a.start < b.end}
            if len(busy) > rooms:
                found.append(
                    Finding.of(
                        Code.TOO_FEW_ROOMS,
                        Subject(location=loc[1], day=day),
                        consultants=len(busy),
                        rooms=rooms,
                    )
                )
                break
    return found


RULE = Rule(
    5,
    "location_availability",
    Reason.LOCATION_CLOSED,
    allows_day=allows_day,
    slots=slots,
    violations=violations,
)
