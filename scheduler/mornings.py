"""A plan as consultant-mornings: the state every heuristic works on.

A morning is one consultant's visit to one location on one day with the
interviews held there. ``Mornings`` keeps every capacity the hard rules
impose while heuristics add and remove interviews and mornings:

- rules 1–3: a morning's interview blocks (length + change-over) fit in
  ``W + g`` minutes and its write-ups in the afternoon; one morning per
  consultant a day;
- rule 4: a consultant works only on available days and within the weekly cap
  (mornings held before a rerun's today included);
- rule 5: no more mornings at a location-day than it has rooms;
- rule 8: a begeleider's interviews of one day are all in one morning;
- candidate days (rules 6, 7, 9 and a rerun's ``nee``) via ``Candidates``.

Consultants are interchangeable for every rule but their own availability
and cap, so opening a morning on a day may hand another morning of that week
to another consultant (an augmenting path, as in bipartite matching) to free
someone. Mornings of a rerun that keep their consultant are ``fixed``: they
are never handed over, ruined or closed; their ``pinned`` interviews (rule 10)
never move, the others may move to make room for an unplanned reassessment.
"""

from __future__ import annotations

import random
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import date

from herplan.calendar import iso_week
from herplan.constraints.views import LocKey
from herplan.scheduler.candidates import Candidates

Chosen = list[tuple[int, str, date]]  # (reassessment index, consultant, day)


@dataclass
class Morning:
    location: LocKey
    day: date
    consultant: str
    cases: list[int] = field(default_factory=list)
    used: int = 0  # minutes of interview blocks
    fixed: bool = False


class Mornings:
    """Consultant-mornings with their capacities; every change keeps every hard rule."""

    def __init__(self, cands: Candidates, rng: random.Random | None = None) -> None:
        self.cands = cands
        self.rng = rng or random.Random(0)
        self.items: dict[int, Morning] = {}
        self.next_id = 0
        self.at: dict[tuple[LocKey, date], list[int]] = defaultdict(list)
        self.busy: dict[tuple[str, date], int] = {}
        self.week_count: dict[tuple[str, tuple[int, int]], int] = defaultdict(int)
        self.planned: dict[int, int] = {}
        self.worker_day: dict[tuple[str, date], int] = {}
        self.worker_count: dict[tuple[str, date], int] = defaultdict(int)
        self.pinned: set[int] = set()  # interviews that never move (rule 10)
        # Days no consultant could be freed for, and the number of staffing changes
        # then: asked again and again while nothing changed, the answer is the same.
        self.staffing_changes = 0
        self.unstaffable: dict[date, int] = {}
        self.staffable: dict[date, int] = {}
        self.jitter: dict[object, float] = {}
        self.noise = 0.0
        self.week_days: dict[tuple[int, int], list[date]] = defaultdict(list)
        for day in cands.days:
            self.week_days[iso_week(day)].append(day)

    # --- reading ---------------------------------------------------------------
    def count(self) -> int:
        return len(self.planned)

    def visits(self) -> int:
        return len(self.items)

    def location_days(self) -> int:
        """Days a location is visited, summed (objective 3's tie-break)."""
        return sum(1 for mids in self.at.values() if mids)

    def chosen(self) -> Chosen:
        return sorted((i, m.consultant, m.day) for m in self.items.values() for i in m.cases)

    def unplanned(self) -> list[int]:
        return [i for i in self.cands.plannable if i not in self.planned]

    def _shake(self, key: object) -> float:
        if not self.noise:
            return 0.0
        if key not in self.jitter:
            self.jitter[key] = self.rng.random() * self.noise
        return self.jitter[key]

    # --- capacity checks ---------------------------------------------------------
    def fits(self, i: int, mid: int) -> bool:
        """Can reassessment ``i`` join morning ``mid``?"""
        m = self.items[mid]
        c = self.cands
        if c.location(i) != m.location or not c.allows(i, m.consultant, m.day):
            return False
        if m.used + c.block[i] > c.morning_room or len(m.cases) + 1 > c.writeups:
            return False
        worker = c.worker[i]
        return not worker or self.worker_day.get((worker, m.day), mid) == mid

    def room_at(self, loc: LocKey, day: date) -> bool:
        return len(self.at.get((loc, day), ())) < self.cands.slots.get(loc, 1)

    def cap_free(self, cid: str, day: date) -> bool:
        week = iso_week(day)
        left = self.cands.cap_left(cid, week)
        return left is None or self.week_count[(cid, week)] < left

    # --- changes -------------------------------------------------------------------
    def add_case(self, i: int, mid: int) -> None:
        m = self.items[mid]
        m.cases.append(i)
        m.used += self.cands.block[i]
        self.planned[i] = mid
        if worker := self.cands.worker[i]:
            self.worker_day[(worker, m.day)] = mid
            self.worker_count[(worker, m.day)] += 1

    def remove_case(self, i: int) -> None:
        mid = self.planned.pop(i)
        m = self.items[mid]
        m.cases.remove(i)
        m.used -= self.cands.block[i]
        if worker := self.cands.worker[i]:
            key = (worker, m.day)
            self.worker_count[key] -= 1
            if not self.worker_count[key]:
                del self.worker_count[key], self.worker_day[key]

    def _place(self, loc: LocKey, day: date, cid: str, fixed: bool) -> int:
        self.staffing_changes += 1
        mid = self.next_id
        self.next_id += 1
        self.items[mid] = Morning(loc, day, cid, fixed=fixed)
        self.at[(loc, day)].append(mid)
        self.busy[(cid, day)] = mid
        self.week_count[(cid, iso_week(day))] += 1
        return mid

    def open_with(self, loc: LocKey, day: date, cid: str, fixed: bool = False) -> int | None:
        """A new morning for consultant ``cid``, if they are free and the location has room."""
        if (cid, day) in self.busy or not self.room_at(loc, day):
            return None
        if cid not in self.cands._available_sets.get(day, ()) or not self.cap_free(cid, day):
            return None
        return self._place(loc, day, cid, fixed)

    def open(self, loc: LocKey, day: date) -> int | None:
        """A new morning at ``loc`` on ``day`` with any consultant who can be freed."""
        if not self.room_at(loc, day):
            return None
        if self.unstaffable.get(day) == self.staffing_changes:
            return None
        path = self._staffing_path(day)
        if path is None:
            self.unstaffable[day] = self.staffing_changes
            return None
        # Hand each morning along the path to its new consultant, then staff ``day``.
        for mid, new in path[1:]:
            self._hand_over(mid, new)
        return self._place(loc, day, path[0][1], fixed=False)

    def can_staff(self, day: date) -> bool:
        """Could a consultant be freed for a new morning on ``day`` (remembered while the
        staffing stays as it is)?"""
        for known in (self.staffable, self.unstaffable):
            if known.get(day) == self.staffing_changes:
                return known is self.staffable
        found = self._staffing_path(day) is not None
        (self.staffable if found else self.unstaffable)[day] = self.staffing_changes
        return found

    def _staffing_path(self, day: date) -> list[tuple[int, str]] | None:
        """Consultant for a new morning on ``day``, freeing one by hand-overs if needed.

        Breadth-first over the week's days: a consultant free that day and under
        the cap takes it; one at the cap could, if another consultant takes one
        of their (unfixed) mornings on another day of the week. Returns
        ``[(-1, who takes day), (morning, its new consultant), ...]``.
        """
        week = iso_week(day)
        parent: dict[date, tuple[date, str, int] | None] = {day: None}
        queue = deque([day])
        while queue:
            current = queue.popleft()
            for cid in self.cands.available.get(current, ()):
                if (cid, current) in self.busy:
                    continue
                if self.cap_free(cid, current):
                    return self._unwind(parent, current, cid)
                for other in self.week_days[week]:
                    mid = self.busy.get((cid, other))
                    if mid is None or other in parent or self.items[mid].fixed:
                        continue
                    parent[other] = (current, cid, mid)
                    queue.append(other)
        return None

    @staticmethod
    def _unwind(
        parent: dict[date, tuple[date, str, int] | None], last: date, cid: str
    ) -> list[tuple[int, str]]:
        moves: list[tuple[int, str]] = []
        current, taker = last, cid
        while (step := parent[current]) is not None:
            previous, giver, mid = step
            moves.append((mid, taker))  # ``taker`` takes over the giver's morning on ``current``
            current, taker = previous, giver
        return [(-1, taker), *reversed(moves)]

    def _hand_over(self, mid: int, cid: str) -> None:
        self.staffing_changes += 1
        m = self.items[mid]
        del self.busy[(m.consultant, m.day)]
        self.week_count[(m.consultant, iso_week(m.day))] -= 1
        m.consultant = cid
        self.busy[(cid, m.day)] = mid
        self.week_count[(cid, iso_week(m.day))] += 1

    def close(self, mid: int) -> None:
        """Remove an empty morning."""
        self.staffing_changes += 1
        m = self.items.pop(mid)
        assert not m.cases, "close only empty mornings"
        self.at[(m.location, m.day)].remove(mid)
        del self.busy[(m.consultant, m.day)]
        self.week_count[(m.consultant, iso_week(m.day))] -= 1

    def drop(self, mid: int) -> list[int]:
        """Remove a morning and unplan its interviews; returns them."""
        cases = list(self.items[mid].cases)
        for i in cases:
            self.remove_case(i)
        self.close(mid)
        return cases

    # --- building -------------------------------------------------------------------
    def fill(self, loc: LocKey, day: date, limit: int | None = None) -> list[int]:
        """Unplanned interviews for a new morning at ``loc`` on ``day``.

        As many as fit (the shortest decide how many), then the ones with the
        fewest other days first, so scarce cases are not left behind.
        """
        c = self.cands
        cases = [
            i
            for i in c.by_location_day.get((loc, day), ())
            if i not in self.planned and not (c.worker[i] and (c.worker[i], day) in self.worker_day)
        ]
        if not cases:
            return []
        room, most = c.morning_room, 0
        for block in sorted(c.block[i] for i in cases):
            if block > room or most >= min(c.writeups, limit or c.writeups):
                break
            room -= block
            most += 1
        cases.sort(key=lambda i: (len(c.candidate_days[i]) + self._shake(i), i))
        chosen: list[int] = []
        used = 0
        for i in cases:
            if len(chosen) == most:
                break
            left = c.morning_room - used - c.block[i]
            if left < 0:
                continue
            reach = len(chosen) + 1
            for block in sorted(c.block[j] for j in cases if j != i and j not in chosen):
                if reach >= most or block > left:
                    break
                left -= block
                reach += 1
            if reach < most:
                continue
            used += c.block[i]
            chosen.append(i)
        return chosen

    def snapshot(self) -> list[tuple[LocKey, date, str, tuple[int, ...], bool]]:
        return [
            (m.location, m.day, m.consultant, tuple(m.cases), m.fixed)
            for _, m in sorted(self.items.items())
        ]

    def restore(self, snapshot: list[tuple[LocKey, date, str, tuple[int, ...], bool]]) -> None:
        for mid in list(self.items):
            self.drop(mid)
        for loc, day, cid, cases, fixed in snapshot:
            mid = self._place(loc, day, cid, fixed)
            for i in cases:
                self.add_case(i, mid)


def from_chosen(cands: Candidates, chosen: Chosen, fixed: bool = False) -> Mornings:
    """The mornings of a plan given as (reassessment, consultant, day) triples."""
    state = Mornings(cands)
    groups: dict[tuple[str, date], list[int]] = defaultdict(list)
    for i, cid, day in chosen:
        groups[(cid, day)].append(i)
    for (cid, day), cases in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        mid = state._place(cands.location(cases[0]), day, cid, fixed)
        for i in sorted(cases):
            state.add_case(i, mid)
    return state
