"""Is a "full" reason true of the written plan? Recomputed from ``plan.json`` alone.

Part of the independent checker (``tests/checker.py``): it shares no code
with the engine. For a reassessment not planned on capacity, on each day the
checker finds possible for it:

- *room in a visit*: a consultant-morning at its location has minutes
  (interviews plus change-over within the morning's window plus one
  change-over) and a write-up left for it;
- *a new visit*: the location has a room free that day and some consultant
  who works that day, is not absent, holds no morning that day and is under
  their weekly cap;
- *its begeleider elsewhere*: the begeleider already has an interview that day
  in another consultant-morning (rule 8: one morning a day).

``capaciteit`` holds when no possible day has room in a visit or a new visit;
``begeleider_bezet`` when some day has room and on every such day the
begeleider is elsewhere; ``niet_ingepast`` when some day has room and the
begeleider is free. A new visit that needs a colleague to take over one of
a consultant's mornings (a consultant at their weekly cap) is not searched for:
where only such a day has room, ``niet_ingepast`` (the begeleider free) or
``begeleider_bezet`` (the begeleider elsewhere) is accepted beside the verdict
(``verdicts``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from herplan.domain.problem import Consultant, Problem, Reassessment

FULL_REASONS = {"capaciteit", "begeleider_bezet", "niet_ingepast"}


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def weekly_cap(c: Consultant, week: tuple[int, int]) -> int | None:
    """The cap of ``c``'s mornings in ISO ``week``: one more for each extra morning in it."""
    if c.max_mornings_per_week is None:
        return None
    extra = sum(1 for d in c.extra_mornings if tuple(d.isocalendar()[:2]) == week)
    return c.max_mornings_per_week + extra


def worker_key(name: str) -> str:
    return " ".join(name.split()).casefold()


class Fullness:
    """The plan's mornings, rooms and weeks, as a planner would count them."""

    def __init__(self, problem: Problem, appointments: list[dict]) -> None:
        s = problem.settings
        self.problem = problem
        self.room = s.morning.minutes + s.changeover_min
        self.changeover = s.changeover_min
        self.writeups = s.afternoon.minutes // s.writeup_min if s.writeup_min else 10**6
        self.used: dict[tuple[str, date], int] = defaultdict(int)  # consultant-morning: minutes
        self.held: dict[tuple[str, date], int] = defaultdict(int)  # consultant-morning: interviews
        self.place: dict[tuple[str, date], tuple[str, str]] = {}
        self.visits: dict[tuple[tuple[str, str], date], set[str]] = defaultdict(set)
        self.weeks: dict[tuple[str, tuple[int, int]], set[date]] = defaultdict(set)
        self.worker: dict[tuple[str, date], set[str]] = defaultdict(set)
        for a in appointments:
            day, cid = date.fromisoformat(a["date"]), a["consultant"]
            where = (a["provider"], a["location"])
            self.used[(cid, day)] += _minutes(a["end"]) - _minutes(a["start"]) + self.changeover
            self.held[(cid, day)] += 1
            self.place[(cid, day)] = where
            self.visits[(where, day)].add(cid)
            self.weeks[(cid, tuple(day.isocalendar()[:2]))].add(day)
            if a["begeleider"].strip():
                self.worker[(worker_key(a["begeleider"]), day)].add(cid)

    def length(self, r: Reassessment) -> int:
        return r.duration_min or self.problem.settings.interview_min

    def visits_with_room(self, r: Reassessment, day: date, may_work) -> set[str]:
        """Consultants whose morning at ``r``'s location on ``day`` has room for ``r``."""
        where, block = r.location_key, self.length(r) + self.changeover
        return {
            cid
            for cid in self.visits.get((where, day), ())
            if may_work(cid, day)
            and self.used[(cid, day)] + block <= self.room
            and self.held[(cid, day)] < self.writeups
        }

    def new_visit(self, r: Reassessment, day: date, rooms: int, may_work) -> bool:
        """A room free at ``r``'s location and a consultant free that morning, under cap."""
        if len(self.visits.get((r.location_key, day), ())) >= rooms:
            return False
        week = tuple(day.isocalendar()[:2])
        for c in self.problem.consultants:
            if (c.id, day) in self.place or not may_work(c.id, day):
                continue
            cap = weekly_cap(c, week)
            if cap is None or len(self.weeks.get((c.id, week), ())) < cap:
                return True
        return False

    def handed_over(self, r: Reassessment, day: date, rooms: int, may_work) -> bool:
        """A room free and a consultant who works that morning and holds none, but at
        their weekly cap: a colleague taking one of their mornings that week might free
        them (the engine looks for such hand-overs; this checker does not)."""
        if len(self.visits.get((r.location_key, day), ())) >= rooms:
            return False
        return any(
            (c.id, day) not in self.place and may_work(c.id, day) for c in self.problem.consultants
        )

    def verdict(self, r: Reassessment, days: list[date], rooms: int, may_work) -> str:
        """What the plan shows: ``capaciteit``, ``begeleider_bezet`` or ``niet_ingepast``."""
        worker = worker_key(r.begeleider)
        worker_bound = False
        for day in days:
            room_in = self.visits_with_room(r, day, may_work)
            new = self.new_visit(r, day, rooms, may_work)
            if not room_in and not new:
                continue
            busy = self.worker.get((worker, day), set()) if worker else set()
            if not busy or busy & room_in:
                return "niet_ingepast"
            worker_bound = True
        return "begeleider_bezet" if worker_bound else "capaciteit"

    def verdicts(self, r: Reassessment, days: list[date], rooms: int, may_work) -> set[str]:
        """The reasons the plan may show: the verdict, and where a day has room only if a
        hand-over frees a consultant at their cap (the checker cannot tell without
        searching) ``niet_ingepast`` too if the begeleider is free that day, or
        ``begeleider_bezet`` if the begeleider is in another morning that day."""
        shown = {self.verdict(r, days, rooms, may_work)}
        worker = worker_key(r.begeleider)
        for day in days:
            if not self.handed_over(r, day, rooms, may_work):
                continue
            busy = self.worker.get((worker, day), set()) if worker else set()
            shown.add("begeleider_bezet" if busy else "niet_ingepast")
        return shown
