"""Local search on a plan: fewer visits, then more reassessments.

Three moves a planner would make by hand, tried until none helps:

- **close a visit**: move every interview of a small morning to other mornings
  at the same location that still have room, and drop the morning;
- **fill a gap**: put an unplanned reassessment into a morning already spent at
  its location, or else into a new morning (a consultant freed if need be);
- **make room**: put it into a full morning at its location after moving one
  of that morning's interviews to another morning there, or a new one.

Moves never unplan anyone and never move a ``pinned`` interview (rule 10). A
rerun keeps its mornings (``fixed``): it fills gaps and makes room, moving a
kept appointment only to plan one more (``return_home`` undoes a move that
turned out not to be needed). Every move keeps every hard rule (``Mornings``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from herplan.constraints.views import LocKey
from herplan.scheduler.mornings import Mornings


def _targets(state: Mornings, i: int, exclude: int | None = None) -> list[int]:
    loc = state.cands.location(i)
    return [
        mid
        for day in state.cands.candidate_days[i]
        for mid in state.at.get((loc, day), ())
        if mid != exclude and state.fits(i, mid)
    ]


def close(state: Mornings, mid: int) -> bool:
    """Move all interviews of morning ``mid`` elsewhere at its location, or change nothing."""
    moved: list[int] = []
    for i in sorted(state.items[mid].cases):
        state.remove_case(i)
        targets = _targets(state, i, exclude=mid)
        if not targets:
            state.add_case(i, mid)
            for j in reversed(moved):
                state.remove_case(j)
                state.add_case(j, mid)
            return False
        # Fullest morning first: it keeps the other mornings' room for later moves.
        target = max(targets, key=lambda t: (state.items[t].used, -t))
        state.add_case(i, target)
        moved.append(i)
    state.close(mid)
    return True


def place(state: Mornings, i: int) -> bool:
    """Plan unplanned ``i`` in a morning with room, or in a new one."""
    targets = _targets(state, i)
    if targets:
        state.add_case(i, min(targets, key=lambda t: (state.items[t].used, t)))
        return True
    loc = state.cands.location(i)
    for day in state.cands.candidate_days[i]:
        mid = state.open(loc, day)
        if mid is not None:
            if state.fits(i, mid):
                state.add_case(i, mid)
                return True
            state.close(mid)
    return False


def make_room(state: Mornings, i: int) -> bool:
    """Plan ``i`` in a morning at its location by moving one interview out of it."""
    loc = state.cands.location(i)
    for day in state.cands.candidate_days[i]:
        for mid in list(state.at.get((loc, day), ())):
            m = state.items[mid]
            if len(m.cases) < 2:
                continue
            for j in sorted(m.cases):
                if j in state.pinned:
                    continue
                state.remove_case(j)
                if state.fits(i, mid):
                    state.add_case(i, mid)
                    if place(state, j):
                        return True
                    state.remove_case(i)
                state.add_case(j, mid)
    return False


def fill_gaps(state: Mornings, locations: set[LocKey]) -> None:
    """Plan what is unplanned at ``locations`` where a morning has room or can make it."""
    for i in state.unplanned():
        if state.cands.location(i) in locations and not place(state, i):
            make_room(state, i)


def improve(state: Mornings, close_visits: bool = True) -> Mornings:
    """No fewer reassessments; ``close_visits`` also closes visits (a first plan does,
    a rerun keeps its mornings and only fills gaps and makes room)."""
    changed = True
    while changed:
        changed = False
        if close_visits:
            for mid in sorted(state.items, key=lambda m: (len(state.items[m].cases), m)):
                if mid in state.items and not state.items[mid].fixed and close(state, mid):
                    changed = True
        for i in state.unplanned():
            if place(state, i) or make_room(state, i):
                changed = True
    return state


def return_home(state: Mornings, home: Mapping[int, tuple[str, date]]) -> int:
    """Put each moved interview back in the consultant-morning it had, where it still fits.

    A rerun's search may move a kept appointment that, once the plan is done,
    did not need to move: this undoes such moves (never unplanning anyone)
    and returns how many went back.
    """
    back = 0
    for i, (cid, day) in sorted(home.items()):
        mid = state.planned.get(i)
        if mid is None or (state.items[mid].consultant, state.items[mid].day) == (cid, day):
            continue
        loc = state.cands.location(i)
        target = state.busy.get((cid, day))
        opened = target is None
        if opened:
            target = state.open_with(loc, day, cid)
        if target is None or state.items[target].location != loc:
            continue
        state.remove_case(i)
        if state.fits(i, target):
            state.add_case(i, target)
            back += 1
            if not state.items[mid].cases:
                state.close(mid)
        else:
            state.add_case(i, mid)
            if opened:
                state.close(target)
    return back
