"""Local search on a plan: fewer visits, then more reassessments.

Four moves a planner would make by hand, tried until none helps:

- **close a visit**: move every interview of a small morning to other mornings
  at the same location that still have room, and drop the morning;
- **join days**: move a location's mornings of one day to days it is visited
  anyway, into mornings there with room or new ones (no more visits than
  before), so the location is visited on one day fewer (objective 3's
  tie-break: two consultants at one location on one day count once);
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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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


def join_day(state: Mornings, loc: LocKey, day: date) -> bool:
    """Move every interview at ``loc`` on ``day`` to other days ``loc`` is visited, in
    mornings with room or at most as many new ones as ``day`` had; or leave them where
    they were (a morning handed over to free a consultant on the way stays so)."""
    mids = list(state.at.get((loc, day), ()))
    if not mids or any(state.items[mid].fixed for mid in mids):
        return False
    cases = sorted(i for mid in mids for i in state.items[mid].cases)
    if any(i in state.pinned for i in cases):
        return False
    visited = [d for d in state.cands.days if d != day and state.at.get((loc, d))]
    home = {i: state.planned[i] for i in cases}
    for i in cases:
        state.remove_case(i)
    moved: list[int] = []
    opened: list[int] = []
    # The interviews with the fewest days to go to first: they decide whether it works.
    for i in sorted(cases, key=lambda i: (len(state.cands.candidate_days[i]), i)):
        target = _join_target(state, i, visited, opened, len(mids))
        if target is None:
            for j in moved:
                state.remove_case(j)
            for mid in opened:
                state.close(mid)
            for j in cases:
                state.add_case(j, home[j])
            return False
        state.add_case(i, target)
        moved.append(i)
    for mid in mids:
        state.close(mid)
    return True


def _join_target(
    state: Mornings, i: int, visited: list[date], opened: list[int], most: int
) -> int | None:
    """A morning for ``i`` on one of the ``visited`` days: the fullest with room, else a
    new one while fewer than ``most`` were opened."""
    loc, allowed = state.cands.location(i), set(state.cands.candidate_days[i])
    days = [d for d in visited if d in allowed]
    targets = [mid for d in days for mid in state.at.get((loc, d), ()) if state.fits(i, mid)]
    if targets:
        return max(targets, key=lambda t: (state.items[t].used, -t))
    if len(opened) >= most:
        return None
    for d in days:
        mid = state.open(loc, d)
        if mid is None:
            continue
        if state.fits(i, mid):
            opened.append(mid)
            return mid
        state.close(mid)
    return None


def swap_day(state: Mornings, loc: LocKey, day: date) -> bool:
    """Join ``loc``'s one morning on ``day`` to a day ``loc`` is visited anyway by
    swapping with a morning there: its consultant takes ``loc`` on that day, and
    ``day``'s consultant takes the other morning on ``day``. Kept only when the
    plan then has fewer location-days; otherwise nothing changes.

    When every consultant works on the other day, this is the only way to join
    the two (a consultant must come free there).
    """
    mids = state.at.get((loc, day), ())
    if len(mids) != 1 or state.items[mids[0]].fixed:
        return False
    mine = state.items[mids[0]]
    cases = sorted(mine.cases)
    if any(i in state.pinned for i in cases):
        return False
    c = state.cands
    allowed = set(c.days)
    for i in cases:
        allowed &= set(c.candidate_days[i])
    for other_day in sorted(allowed - {day}):
        if not state.at.get((loc, other_day)):
            continue
        working = (state.busy.get((cid, other_day)) for cid in c.available.get(other_day, ()))
        for mid in sorted(m for m in working if m is not None):
            if _swap(state, mids[0], mid):
                return True
    return False


def _held_elsewhere(
    state: Mornings, cases: list[int], loc: LocKey, day: date, leaving: int
) -> bool:
    """Does a begeleider of ``cases`` have interviews on ``day`` in a morning other than
    ``leaving`` away from ``loc``? Then ``cases`` cannot go to ``loc`` that day (rule 8)."""
    for i in cases:
        worker = state.cands.worker[i]
        mid = state.worker_day.get((worker, day)) if worker else None
        if mid is not None and mid != leaving and state.items[mid].location != loc:
            return True
    return False


@dataclass
class _Undo:
    """What a swap changed, to put back when it does not work out."""

    moved: list[int] = field(default_factory=list)  # interviews it placed
    opened: list[int] = field(default_factory=list)  # mornings it opened
    displaced: list[tuple[int, int]] = field(default_factory=list)  # (interview, its morning)

    def rewind(self, state: Mornings, moved: int, opened: int) -> None:
        """Take back what was placed and opened after the first ``moved`` and ``opened``."""
        for i in self.moved[moved:]:
            state.remove_case(i)
        for mid in self.opened[opened:]:
            state.close(mid)
        del self.moved[moved:], self.opened[opened:]

    def revert(self, state: Mornings) -> None:
        self.rewind(state, 0, 0)
        for i, mid in self.displaced:
            state.add_case(i, mid)


def _swap(state: Mornings, mine: int, theirs: int) -> bool:
    """Exchange the days of mornings ``mine`` and ``theirs`` (each day keeps its
    consultant; each morning's interviews go to its place on the other day, with the
    interviews held there) when that saves a location-day."""
    a, b = state.items[mine], state.items[theirs]
    if b.fixed or b.location == a.location or any(i in state.pinned for i in b.cases):
        return False
    c = state.cands
    if not all(b.day in c.candidate_days[i] for i in a.cases):
        return False
    if not all(a.day in c.candidate_days[i] for i in b.cases):
        return False
    gains = not state.at.get((b.location, a.day))
    if gains and len(state.at[(b.location, b.day)]) > 1:
        return False  # their location would gain a day and keep its own: nothing saved
    if _held_elsewhere(state, a.cases, a.location, b.day, theirs) or _held_elsewhere(
        state, b.cases, b.location, a.day, mine
    ):
        return False  # a begeleider would be at two places on one day (rule 8)
    old = [(m.location, m.day, m.consultant, sorted(m.cases)) for m in (a, b)]
    for mid in (mine, theirs):
        for i in list(state.items[mid].cases):
            state.remove_case(i)
        state.close(mid)
    undo = _Undo()
    if _move(state, old[0][3], old[0][0], old[1][1], old[1][2], undo) and _move(
        state, old[1][3], old[1][0], old[0][1], old[0][2], undo
    ):
        _close_empty(state, [(old[0][0], old[1][1]), (old[1][0], old[0][1])])
        return True
    undo.revert(state)
    for loc, day, cid, cases in old:
        back = state.open_with(loc, day, cid)
        assert back is not None, "the swap's undo reopens what it closed"
        for i in cases:
            state.add_case(i, back)
    return False


def _close_empty(state: Mornings, places: list[tuple[LocKey, date]]) -> None:
    """Close the mornings a repacking emptied there: one visit fewer each."""
    for key in places:
        for mid in list(state.at[key]):
            if not state.items[mid].cases:
                state.close(mid)


def _move(state: Mornings, cases: list[int], loc: LocKey, day: date, cid: str, undo: _Undo) -> bool:
    """Put ``cases`` in mornings at ``loc`` on ``day`` with room, the rest in a new
    morning of ``cid`` there; failing that, repack every interview there that day
    with them, a begeleider's together (rule 8); False when that does not fit either."""
    mark = len(undo.moved), len(undo.opened)
    new: int | None = None
    for i in cases:
        targets = [mid for mid in state.at.get((loc, day), ()) if state.fits(i, mid)]
        if not targets and new is None:
            new = state.open_with(loc, day, cid)
            if new is None:
                return False
            undo.opened.append(new)
            targets = [new] if state.fits(i, new) else []
        if not targets:
            undo.rewind(state, *mark)
            return _repack(state, cases, loc, day, cid, undo)
        state.add_case(i, max(targets, key=lambda t: (state.items[t].used, -t)))
        undo.moved.append(i)
    return True


def _repack(
    state: Mornings, cases: list[int], loc: LocKey, day: date, cid: str, undo: _Undo
) -> bool:
    """Every interview at ``loc`` on ``day`` and ``cases`` in its mornings and a new one
    of ``cid``: largest begeleider's group first, each into the first morning it fits."""
    mornings = [
        mid
        for mid in state.at.get((loc, day), ())
        if not state.items[mid].fixed and not any(i in state.pinned for i in state.items[mid].cases)
    ]
    pool = list(cases)
    for mid in mornings:
        for i in list(state.items[mid].cases):
            state.remove_case(i)
            undo.displaced.append((i, mid))
            pool.append(i)
    new = state.open_with(loc, day, cid)
    if new is None:
        return False
    undo.opened.append(new)
    c = state.cands
    groups: dict[object, list[int]] = {}
    for i in pool:
        groups.setdefault(c.worker[i] or ("", i), []).append(i)
    order = sorted(groups.values(), key=lambda g: (-sum(c.block[i] for i in g), min(g)))
    targets = [*state.at[(loc, day)]]
    return all(any(_join_all(state, group, mid, undo) for mid in targets) for group in order)


def _join_all(state: Mornings, group: list[int], mid: int, undo: _Undo) -> bool:
    """All of ``group`` into morning ``mid``, or none of it."""
    for n, i in enumerate(group):
        if not state.fits(i, mid):
            undo.rewind(state, len(undo.moved) - n, len(undo.opened))
            return False
        state.add_case(i, mid)
        undo.moved.append(i)
    return True


def join_days(state: Mornings, until: Callable[[], bool] = lambda: False) -> bool:
    """Visit each location on fewer days where its mornings can move (``join_day``,
    ``swap_day``), location by location until ``until()``."""
    joined = False
    days: dict[LocKey, list[date]] = {}
    for loc, day in state.at:
        if state.at[(loc, day)]:
            days.setdefault(loc, []).append(day)
    for loc, visited in sorted(days.items()):
        if until():
            break
        if len(visited) < 2:
            continue
        # The day with the fewest interviews first: the easiest to move.
        for day in sorted(visited, key=lambda d: (_interviews(state, loc, d), d)):
            if join_day(state, loc, day) or swap_day(state, loc, day):
                joined = True
    return joined


def _interviews(state: Mornings, loc: LocKey, day: date) -> int:
    return sum(len(state.items[mid].cases) for mid in state.at.get((loc, day), ()))


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


def improve(
    state: Mornings, close_visits: bool = True, until: Callable[[], bool] = lambda: False
) -> Mornings:
    """No fewer reassessments; ``close_visits`` also closes visits and joins days (a
    first plan does, a rerun keeps its mornings and only fills gaps and makes room).
    ``until()``: the run's time is up, the plan as it is now is kept."""
    changed = True
    while changed and not until():
        changed = False
        if close_visits:
            for mid in sorted(state.items, key=lambda m: (len(state.items[m].cases), m)):
                if mid in state.items and not state.items[mid].fixed and close(state, mid):
                    changed = True
            if join_days(state, until):
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
