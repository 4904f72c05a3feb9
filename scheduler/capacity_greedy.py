"""Extra mornings one at a time: the planner's way of reserving capacity.

README, Capacity advice. On the plan as it stands (``capacity_model.Region``),
a new visit is opened where it plans the most reassessments still left out:
first on consultant-mornings that are free within the weekly caps (no extra
morning needed), then on one extra morning at a time. Each step keeps every
rule the engine's visits keep (``Mornings``: the rooms, a morning's minutes
and write-ups, a begeleider's day in one visit). Among visits that plan as
many, the one on a day a consultant can work above their cap goes first (a
day off second), then the earliest day, so a single reassessment gets the
morning ``herplan suggest`` names (``would_fit_with``). The plans after each
step hold each other: more mornings never plan fewer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from herplan.constraints.views import LocKey
from herplan.scheduler.capacity_model import Region, Solution, extras_of

Key = tuple[LocKey, date]


class Greedy:
    """New visits on ``region.state``, one after another, best first (module doc)."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self.state = region.state
        self.new: list[tuple[int, str, date]] = []
        c = region.every
        left = set(region.unplanned)
        self.keys = sorted(
            {(c.location(i), d) for i in left for d in c.candidate_days[i]},
            key=lambda k: (k[1], k[0]),
        )
        self.values: dict[Key, int] = {}

    def value(self, key: Key) -> int:
        """How many of those left out one new visit at ``key`` plans (0: none, or no room)."""
        if key not in self.values:
            loc, day = key
            room = self.region.rooms_left(loc, day) > 0
            self.values[key] = len(self.state.fill(loc, day)) if room else 0
        return self.values[key]

    def step(self, staff: Callable[[date], list[str]]) -> bool:
        """Open the best visit a consultant of ``staff(day)`` can hold; False if none plans."""
        best: tuple[int, bool, Key, list[str]] | None = None
        staffed: dict[date, list[str]] = {}  # who is free, asked once a day per step
        for key in self.keys:
            value = self.value(key)
            if value == 0 or (best is not None and value < best[0]):
                continue
            if key[1] not in staffed:
                staffed[key[1]] = staff(key[1])
            people = staffed[key[1]]
            if not people:
                continue
            rank = (value, self.region.regular(people[0], key[1]))
            if best is None or rank > best[:2]:
                best = (*rank, key, people)
        if best is None:
            return False
        self._open(best[2], best[3])
        return True

    def _open(self, key: Key, people: list[str]) -> None:
        loc, day = key
        cases = self.state.fill(loc, day)
        c = self.region.every
        vaste = {c.cases[i].preferred_consultant for i in cases}
        cid = next((p for p in people if p in vaste), people[0])
        mid = self.state.open_with(loc, day, cid)
        assert mid is not None, "a consultant free that day and a room free"
        for i in cases:
            self.state.add_case(i, mid)
            self.new.append((i, cid, day))
        workers = {c.worker[i] for i in cases if c.worker[i]}
        for stale in list(self.values):
            if stale[0] == loc or (stale[1] == day and workers):
                del self.values[stale]

    def solution(self) -> Solution:
        new = sorted(self.new)
        return Solution(tuple(new), extras_of(self.region, new))


def greedy_chain(region: Region, most_points: int | None = None) -> list[Solution]:
    """Plans with 0, 1, 2, ... extra mornings, each holding the one before: first every
    free consultant-morning that plans someone, then one extra morning at a time."""
    greedy = Greedy(region)
    while greedy.step(region.free_on):
        pass
    chain = [greedy.solution()]
    while most_points is None or len(chain) <= most_points:
        if not greedy.step(lambda day: region.free_on(day) or region.extra_on(day)):
            break
        found = greedy.solution()
        if len(found.extras) >= len(chain):
            chain.append(found)
        else:  # a colleague's free morning after all: same mornings, more planned
            chain[-1] = found
    try:
        return chain
    finally:
        for i, _cid, _day in greedy.new:  # the region's plan is left as it was
            region.state.remove_case(i)
        for mid in [m for m, morning in region.state.items.items() if not morning.cases]:
            region.state.close(mid)
