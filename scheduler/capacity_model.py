"""What extra consultant-mornings would plan: the small model behind the capacity advice.

README, Capacity advice. The plan as it stands is kept: every appointment
keeps its consultant, day and time (what a rerun promises), and each
reassessment it leaves out may join a visit that still has room or a new
visit. A new visit needs a consultant free that morning; rule 4 gives them
their working days within the weekly cap, and an *extra morning* gives one
more: a day they do not usually work, or a morning above the cap of that week
(``Consultant.extra_mornings``). The model holds, for the reassessments left
out only:

- ``x[i, slot]``: reassessment ``i`` in a visit that is planned (``("m",
  morning)``) or in the ``j``-th new visit at its location on a day it may be
  held (``("n", location, day, j)``, ``j`` below the rooms left: rule 5);
- a new visit's interviews fit its morning and afternoon (rules 1-3), a
  planned visit's fit what it has left;
- a begeleider's interviews of one day are in one visit (rule 8), the visit
  they already have that day if any;
- ``s[c, d]``: consultant ``c`` holds a new visit on day ``d``; a day that is
  not theirs needs an extra morning ``e[c, d]``, and per ISO week the visits
  stay within the cap plus the extra mornings of that week (rule 4);
- at most ``budget`` extra mornings.

Consultants are interchangeable within a day for everything but their own
availability and cap, so the model counts the extra mornings per day. Its LP
relaxation bounds the curve (``capacity_bounds``); the plans come from
``capacity_greedy``, on the same ``Region``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ortools.sat.python import cp_model

from herplan.calendar import iso_week
from herplan.capacity_model import most_per_morning
from herplan.constraints.views import LocKey
from herplan.scheduler.candidates import Candidates
from herplan.scheduler.mornings import Chosen, Mornings

# ("m", morning id) or ("n", location, day, j)
Slot = tuple[Literal["m"], int] | tuple[Literal["n"], LocKey, date, int]


@dataclass(frozen=True)
class AddedMorning:
    """One extra consultant-morning: ``over_cap`` on a weekday they work (above the
    weekly cap), otherwise a day they do not usually work."""

    consultant: str
    day: date
    over_cap: bool


@dataclass(frozen=True)
class Solution:
    """The reassessments newly planned (``(i, consultant, day)``) and the extra mornings
    they need."""

    new: tuple[tuple[int, str, date], ...]
    extras: tuple[AddedMorning, ...]

    @property
    def count(self) -> int:
        return len(self.new)


@dataclass
class Region:
    """The plan as it stands, and what extra mornings could add to it.

    ``base`` is what the rules allow with the consultants as they are; ``every``
    the same with every consultant free to work any working day after today
    (each such morning an extra one). ``state`` holds the plan's visits.
    """

    base: Candidates
    every: Candidates
    state: Mornings

    def __post_init__(self) -> None:
        # The plan's own visits, whatever is opened on ``state`` later.
        self.planned_visits = frozenset(self.state.busy)
        self.planned_weeks = dict(self.state.week_count)

    @property
    def unplanned(self) -> list[int]:
        return [i for i in self.every.plannable if i not in self.state.planned]

    def regular(self, cid: str, day: date) -> bool:
        """Is ``day`` one of ``cid``'s own working days (no extra morning needed)?"""
        return cid in self.base.available.get(day, ())

    def extra_possible(self, cid: str, day: date) -> bool:
        """Could an extra morning give ``cid`` a new visit on ``day``?"""
        if (cid, day) in self.state.busy or cid not in self.every.available.get(day, ()):
            return False
        return not self.regular(cid, day) or self.cap_left(cid, iso_week(day)) is not None

    def cap_left(self, cid: str, week: tuple[int, int]) -> int | None:
        return self.base.cap_left(cid, week)

    def free_on(self, day: date) -> list[str]:
        """Consultants who can hold a new visit on ``day`` without an extra morning: their
        own working day, no visit yet, and room left under the week's cap."""
        week = iso_week(day)
        found = []
        for cid in self.base.available.get(day, ()):
            left = self.cap_left(cid, week)
            if (cid, day) not in self.state.busy and (
                left is None or self.state.week_count.get((cid, week), 0) < left
            ):
                found.append(cid)
        return found

    def extra_on(self, day: date) -> list[str]:
        """Consultants an extra morning could give a new visit on ``day``, the cheapest
        first: above a weekly cap on their own working day, then on a day off."""
        found = [cid for cid in self.every.available.get(day, ()) if self.extra_possible(cid, day)]
        return sorted(found, key=lambda cid: (not self.regular(cid, day), cid))

    def rooms_left(self, loc: LocKey, day: date) -> int:
        return max(0, self.every.slots.get(loc, 1) - len(self.state.at.get((loc, day), ())))


class AdviceModel:
    """The model of the module doc over ``region``; the bound on ``budget`` is set per solve."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self.model = cp_model.CpModel()
        self.x: dict[tuple[int, Slot], cp_model.IntVar] = {}
        self.open: dict[tuple[LocKey, date, int], cp_model.IntVar] = {}
        self.s: dict[tuple[str, date], cp_model.IntVar] = {}
        self.e: dict[date, cp_model.IntVar] = {}
        self.e_most: dict[date, int] = {}  # extra mornings a day can have
        self.y: dict[tuple[str, date, Slot], cp_model.IntVar] = {}
        self.days = sorted(region.every.days)
        self.budget = self.model.new_int_var(0, 0, "budget")
        self._options()
        self._staffing()
        self._capacities()
        self._one_visit_a_day()

    # --- variables ---------------------------------------------------------------------
    def _options(self) -> None:
        """Each reassessment left out: a visit with room, or a new visit, on its days."""
        r, c = self.region, self.region.every
        for i in r.unplanned:
            worker = c.worker[i] if c.worker_one_morning else ""
            for day in c.candidate_days[i]:
                for mid in r.state.at.get((c.location(i), day), ()):
                    if r.state.fits(i, mid):
                        self._x(i, ("m", mid))
                if worker and (worker, day) in r.state.worker_day:
                    continue  # rule 8: only the visit they already have that day
                for j in range(r.rooms_left(c.location(i), day)):
                    self._x(i, ("n", c.location(i), day, j))
            options = [v for (k, _), v in self.x.items() if k == i]
            if options:
                self.model.add_at_most_one(options)

    def _x(self, i: int, slot: Slot) -> None:
        self.x[(i, slot)] = self.model.new_bool_var(f"x{i}{slot}")
        if slot[0] == "n" and slot[1:] not in self.open:
            self.open[slot[1:]] = self.model.new_bool_var(f"open{slot[1:]}")

    def _staffing(self) -> None:
        """New visits of a day need as many consultants free that morning (rule 4): one
        free within their cap (``s``), or one of ``e[day]`` extra mornings that day."""
        r, m = self.region, self.model
        visits: dict[date, list[cp_model.IntVar]] = defaultdict(list)
        for (_loc, day, _j), var in self.open.items():
            visits[day].append(var)
        weeks: dict[tuple[str, tuple[int, int]], list[cp_model.IntVar]] = defaultdict(list)
        for day, opened in sorted(visits.items()):
            free, extra = r.free_on(day), r.extra_on(day)
            for cid in free:
                s = self.s[(cid, day)] = m.new_bool_var(f"s{cid}{day}")
                weeks[(cid, iso_week(day))].append(s)
            both = [self.s[(cid, day)] for cid in free if cid in extra]
            e = self.e[day] = m.new_int_var(0, len(extra), f"e{day}")
            self.e_most[day] = len(extra)
            m.add(e + sum(both) <= len(extra))  # one morning a day each
            m.add(sum(opened) <= e + sum(self.s[(cid, day)] for cid in free))
        for (cid, week), staffed in weeks.items():
            left = r.cap_left(cid, week)
            if left is not None:
                m.add(r.state.week_count.get((cid, week), 0) + sum(staffed) <= left)
        m.add(sum(self.e.values()) <= self.budget)

    def _capacities(self) -> None:
        """A new visit holds what one morning and afternoon hold (rules 1-3); a planned
        visit what it has left."""
        c, state, m = self.region.every, self.region.state, self.model
        by_slot: dict[Slot, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
        for (i, slot), var in self.x.items():
            by_slot[slot].append((i, var))
        for slot, cases in by_slot.items():
            if slot[0] == "m":
                morning = state.items[slot[1]]
                room, count = c.morning_room - morning.used, c.writeups - len(morning.cases)
                m.add(sum(c.block[i] * v for i, v in cases) <= room)
                m.add(sum(v for _, v in cases) <= count)
                continue
            is_open = self.open[slot[1:]]
            m.add(sum(c.block[i] * v for i, v in cases) <= c.morning_room * is_open)
            most = most_per_morning([c.block[i] - c.gap for i, _ in cases], c.capacity)
            m.add(sum(v for _, v in cases) <= min(most, c.writeups) * is_open)  # tight for the LP
        for (loc, day, j), var in self.open.items():
            if j:
                m.add_implication(var, self.open[(loc, day, j - 1)])  # no two alike

    def _one_visit_a_day(self) -> None:
        """Rule 8: a begeleider's interviews of one day in one visit."""
        c = self.region.every
        if not c.worker_one_morning:
            return
        groups: dict[tuple[str, date], dict[Slot, list[cp_model.IntVar]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for (i, slot), var in self.x.items():
            if c.worker[i]:
                groups[(c.worker[i], _day_of(slot, self.region.state))][slot].append(var)
        for (worker, day), slots in groups.items():
            if len(slots) < 2:
                continue
            chosen = []
            for slot, xs in slots.items():
                y = self.y[(worker, day, slot)] = self.model.new_bool_var(f"y{worker}{slot}")
                for var in xs:
                    self.model.add_implication(var, y)
                chosen.append(y)
            self.model.add_at_most_one(chosen)

    @property
    def most_extras(self) -> int:
        """Extra mornings the model could use at all."""
        return sum(self.e_most.values())


def _day_of(slot: Slot, state: Mornings) -> date:
    return state.items[slot[1]].day if slot[0] == "m" else slot[2]


def extras_of(
    region: Region, new: list[tuple[int, str, date]] | Chosen
) -> tuple[AddedMorning, ...]:
    """The extra mornings the newly planned need: each new visit on a day off, and per
    ISO week the new visits above the cap (its latest ones named)."""
    visits = sorted({(cid, day) for _, cid, day in new if (cid, day) not in region.planned_visits})
    extras = [AddedMorning(cid, day, False) for cid, day in visits if not region.regular(cid, day)]
    weeks: dict[tuple[str, tuple[int, int]], list[date]] = defaultdict(list)
    for cid, day in visits:
        weeks[(cid, iso_week(day))].append(day)
    for (cid, week), days in weeks.items():
        left = region.base.cap_left(cid, week)
        if left is None:
            continue
        held = region.planned_weeks.get((cid, week), 0)
        day_off = sum(1 for d in days if not region.regular(cid, d))
        over = held + len(days) - left - day_off
        regular = [d for d in days if region.regular(cid, d)]
        extras += [AddedMorning(cid, d, True) for d in regular[len(regular) - max(0, over) :]]
    return tuple(sorted(extras, key=lambda a: (a.day, a.consultant)))
