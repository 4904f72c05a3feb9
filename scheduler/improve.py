"""Local search on a feasible plan: fewer visits, then more reassessments.

Two moves a planner would make by hand, tried until neither helps:

- **close a visit**: move every interview of a small consultant-morning to other
  mornings at the same location that still have room, and drop the morning;
- **fill a gap**: put an unplanned reassessment into a morning already spent at
  its location, or else into a morning that closing visits has freed, or else
  into a full morning at its location after moving one of that morning's
  interviews to another morning there (or a new one).

Moves only use interviews' candidate days and consultants (``pm.x``) and never
unplan anyone. Morning and afternoon capacity (rules 1–3), the begeleider's one
consultant per day (rule 8) and, when a morning is opened, the weekly cap
(rule 4) and the rooms (rule 5) are checked per move. The result is the
solver's starting plan: it is cheap (milliseconds) and removes the worst of the
greedy's scattered visits before CP-SAT spends its budget.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from herplan.scheduler.calendar import iso_week
from herplan.scheduler.model import LocKey, PlanModel, XKey

VisitKey = tuple[str, date, LocKey]


class _Mornings:
    """The chosen plan as consultant-mornings, with the capacities that bind them."""

    def __init__(self, pm: PlanModel, chosen: list[XKey]) -> None:
        s = pm.settings
        self.pm = pm
        self.capacity = s.morning.minutes + s.changeover_min
        self.writeups = s.afternoon.minutes // s.writeup_min if s.writeup_min else 10**6
        self.cases: dict[VisitKey, list[int]] = defaultdict(list)
        self.used: dict[VisitKey, int] = defaultdict(int)
        self.claims: dict[tuple[str, date], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.by_location: dict[LocKey, list[VisitKey]] = defaultdict(list)
        self.busy: set[tuple[str, date]] = set()
        for i, cid, day in chosen:
            self.add(i, (cid, day, pm.reassessments[i].location_key))
        for vkey in sorted(self.cases):
            self.by_location[vkey[2]].append(vkey)

    def _need(self, i: int) -> int:
        return self.pm.reassessments[i].interview_minutes(self.pm.settings) + (
            self.pm.settings.changeover_min
        )

    def _worker(self, i: int) -> str:
        return self.pm.reassessments[i].begeleider.strip().casefold()

    def add(self, i: int, vkey: VisitKey) -> None:
        self.busy.add(vkey[:2])
        self.cases[vkey].append(i)
        self.used[vkey] += self._need(i)
        if worker := self._worker(i):
            self.claims[(worker, vkey[1])][vkey[0]] += 1

    def _remove(self, i: int, vkey: VisitKey) -> None:
        self.cases[vkey].remove(i)
        self.used[vkey] -= self._need(i)
        if worker := self._worker(i):
            claim = self.claims[(worker, vkey[1])]
            claim[vkey[0]] -= 1
            if not claim[vkey[0]]:
                del claim[vkey[0]]

    def fits(self, i: int, vkey: VisitKey) -> bool:
        cid, day, _ = vkey
        if (i, cid, day) not in self.pm.x or not self.cases[vkey]:
            return False
        if self.used[vkey] + self._need(i) > self.capacity:
            return False
        if len(self.cases[vkey]) + 1 > self.writeups:
            return False
        worker = self._worker(i)
        return not worker or set(self.claims[(worker, day)]) <= {cid}

    def close(self, vkey: VisitKey) -> bool:
        """Move all interviews of ``vkey`` elsewhere at its location, or change nothing."""
        moved: list[tuple[int, VisitKey]] = []
        for i in sorted(self.cases[vkey]):
            self._remove(i, vkey)
            targets = [t for t in self.by_location[vkey[2]] if t != vkey and self.fits(i, t)]
            if not targets:
                self.add(i, vkey)
                for j, target in reversed(moved):
                    self._remove(j, target)
                    self.add(j, vkey)
                return False
            # Fullest morning first: it keeps the other mornings' room for later moves.
            target = max(targets, key=lambda t: (self.used[t], t[1] == vkey[1], t))
            self.add(i, target)
            moved.append((i, target))
        self.by_location[vkey[2]].remove(vkey)
        del self.cases[vkey], self.used[vkey]
        self.busy.discard(vkey[:2])
        return True

    def can_open(self, i: int, cid: str, day: date) -> bool:
        """A new morning for ``i`` alone: free consultant, weekly cap, rooms, begeleider."""
        if (cid, day) in self.busy or self._need(i) > self.capacity or self.writeups < 1:
            return False
        loc = self.pm.reassessments[i].location_key
        if sum(v[1] == day for v in self.by_location[loc]) >= self.pm.problem.location(loc).rooms:
            return False
        cap = self.pm.problem.consultant(cid).max_mornings_per_week
        week = iso_week(day)
        held = self.pm.booked_mornings.get((cid, week), 0)
        held += sum(iso_week(d) == week for c, d in self.busy if c == cid)
        if cap is not None and held >= cap:
            return False
        worker = self._worker(i)
        return not worker or set(self.claims[(worker, day)]) <= {cid}

    def open(self, i: int, cid: str, day: date) -> None:
        vkey = (cid, day, self.pm.reassessments[i].location_key)
        self.add(i, vkey)
        self.by_location[vkey[2]] = sorted([*self.by_location[vkey[2]], vkey])

    def make_room(self, i: int) -> bool:
        """Plan ``i`` in a morning at its location by moving one interview out of it.

        The interview that makes way goes to another morning at the location that
        has room, or to a newly opened morning; nothing is unplanned.
        """
        loc = self.pm.reassessments[i].location_key
        for vkey in list(self.by_location[loc]):
            if (i, vkey[0], vkey[1]) not in self.pm.x:
                continue
            for j in sorted(self.cases[vkey]):
                if len(self.cases[vkey]) == 1:
                    break
                self._remove(j, vkey)
                if self.fits(i, vkey):
                    self.add(i, vkey)
                    targets = [t for t in self.by_location[loc] if t != vkey and self.fits(j, t)]
                    if targets:
                        self.add(j, min(targets, key=lambda t: (self.used[t], t)))
                        return True
                    new = [(c, d) for _, c, d in self.pm.x_by_i[j] if self.can_open(j, c, d)]
                    if new:
                        self.open(j, *min(new, key=lambda cd: (cd[1], cd[0])))
                        return True
                    self._remove(i, vkey)
                self.add(j, vkey)
        return False

    def chosen(self) -> list[XKey]:
        return sorted((i, cid, day) for (cid, day, _), cases in self.cases.items() for i in cases)


def improve(pm: PlanModel, chosen: list[XKey], close_visits: bool = True) -> list[XKey]:
    """A plan with no fewer reassessments and no more visits than ``chosen``.

    ``close_visits=False`` only fills gaps: nothing already planned moves (reruns).
    """
    mornings = _Mornings(pm, chosen)
    planned = {i for i, _, _ in chosen}
    changed = True
    while changed:
        changed = False
        for vkey in sorted(mornings.cases, key=lambda v: (len(mornings.cases[v]), v)):
            if close_visits and vkey in mornings.cases and mornings.close(vkey):
                changed = True
        for i in sorted(set(pm.candidate_days) - planned):
            loc = pm.reassessments[i].location_key
            targets = [t for t in mornings.by_location[loc] if mornings.fits(i, t)]
            if targets:
                mornings.add(i, min(targets, key=lambda t: (mornings.used[t], t)))
            else:
                new = [(c, d) for _, c, d in pm.x_by_i[i] if mornings.can_open(i, c, d)]
                if new:
                    mornings.open(i, *min(new, key=lambda cd: (cd[1], cd[0])))
                elif not (close_visits and mornings.make_room(i)):
                    continue
            planned.add(i)
            changed = True
    return mornings.chosen()
