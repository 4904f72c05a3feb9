"""A planner's hand method: the baseline herplan is measured against, and a first plan.

Day by day, each consultant who can still work that week goes to the location
with the most interviews that can be held there that day, and fills the
morning with the ones that have the fewest days left. It sees every
consultant and exactly the candidate days every rule allows, and keeps every
hard rule (it works on ``Mornings``). herplan's search starts from the better
of this plan and its own construction, so it never plans fewer.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from herplan.constraints.views import LocKey
from herplan.scheduler.candidates import Candidates
from herplan.scheduler.mornings import Mornings


def hand_plan(cands: Candidates) -> Mornings:
    """The hand planner's mornings for ``cands``."""
    state = Mornings(cands)
    remaining = {i: len(days) for i, days in cands.candidate_days.items()}
    by_day: dict[date, list[LocKey]] = defaultdict(list)
    for loc, day in sorted(cands.by_location_day):
        by_day[day].append(loc)
    for day in cands.days:
        for cid in cands.available.get(day, ()):
            best = _fullest(state, day, by_day[day], remaining)
            mid = state.open_with(best[0], day, cid) if best is not None else None
            if best is not None and mid is not None:
                for i in best[1]:
                    state.add_case(i, mid)
        for loc in by_day[day]:
            for i in cands.by_location_day[(loc, day)]:
                remaining[i] -= 1
    return state


def _fullest(
    state: Mornings, day: date, locations: list[LocKey], remaining: dict[int, int]
) -> tuple[LocKey, list[int]] | None:
    """The location with the most interviews a morning there could hold today (the ones
    with the fewest days left first), and those interviews."""
    best: tuple[tuple[int, int], LocKey, list[int]] | None = None
    for loc in locations:
        if not state.room_at(loc, day):
            continue
        cases = state.fill(loc, day)
        if not cases:
            continue
        score = (len(cases), -sum(remaining[i] for i in cases))
        if best is None or score > best[0]:
            best = (score, loc, cases)
    return None if best is None else (best[1], best[2])
