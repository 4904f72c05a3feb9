"""The first plan: best-fit construction, then ruin and recreate.

**Best fit.** A planner filling mornings by hand goes through the calendar;
with scarce consultants that spends the capped mornings early in each week,
sometimes on a half-empty morning while full ones are possible later. Best
fit looks at the whole period at once: it repeatedly opens the morning that
holds the most unplanned interviews (anywhere, any day), filled with the
reassessments that have the fewest other days, as long as a consultant can be
freed for that day (``Mornings.open``).

**Ruin and recreate** (the move behind PyVRP and most vehicle-routing
solvers): remove the mornings around an unplanned reassessment, or on a few
days, or at a few locations, rebuild with best fit, and let the local
search's gap filling (``improve.fill_gaps``) plan what is still left out at
the ruined locations; keep the result when it plans at least as many. Ties
are broken with a little noise on the scarcity order, so each rebuild tries
another arrangement.

Both are plain Python on ``Mornings`` and keep every hard rule; the result is
the solver's first incumbent. ``stop`` says when the search must end (a
number of rounds in reproducible mode, a deadline otherwise).
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from datetime import date

from herplan.constraints.views import LocKey
from herplan.scheduler.candidates import Candidates
from herplan.scheduler.improve import fill_gaps
from herplan.scheduler.mornings import Mornings

NOISE = 1.0  # scarcity jitter (in candidate days) that breaks ties between rebuilds


def best_fit(state: Mornings, keys: list[tuple[LocKey, date]] | None = None) -> None:
    """Open the fullest possible morning until no unplanned interview fits anywhere."""
    c = state.cands
    keys = keys if keys is not None else sorted(c.by_location_day)

    def score(loc: LocKey, day: date) -> tuple[tuple[int, float], list[int]]:
        cases = state.fill(loc, day)
        scarcity = sum(len(c.candidate_days[i]) for i in cases) - 3 * state._shake((loc, day))
        return (-len(cases), scarcity), cases

    heap = []
    for loc, day in keys:
        key, cases = score(loc, day)
        if cases:
            heap.append((key, day, loc))
    heapq.heapify(heap)
    full_days: set[date] = set()
    while heap:
        key, day, loc = heapq.heappop(heap)
        if day in full_days or not state.room_at(loc, day):
            continue
        fresh, cases = score(loc, day)
        if not cases:
            continue
        if fresh != key:
            heapq.heappush(heap, (fresh, day, loc))
            continue
        mid = state.open(loc, day)
        if mid is None:
            full_days.add(day)
            continue
        for i in cases:
            state.add_case(i, mid)
        heapq.heappush(heap, (fresh, day, loc))


def _victims(state: Mornings, rng: random.Random, locations: list[LocKey]) -> list[int]:
    """Mornings to ruin: around an unplanned case, on a few days, or at a few locations."""
    c = state.cands
    movable = [mid for mid, m in state.items.items() if not m.fixed]
    unplanned = state.unplanned()
    kind = rng.random()
    if kind < 0.6 and unplanned:
        i = rng.choice(unplanned)
        days = set(c.candidate_days[i])
        extra = rng.choice(sorted(days))
        home = c.location(i)
        return [
            mid
            for mid in movable
            if (state.items[mid].location == home and state.items[mid].day in days)
            or state.items[mid].day == extra
        ]
    if kind < 0.8:
        days = set(rng.sample(c.days, min(len(c.days), rng.choice((1, 2)))))
        return [mid for mid in movable if state.items[mid].day in days]
    chosen = set(rng.sample(locations, min(len(locations), rng.choice((3, 6, 10)))))
    return [mid for mid in movable if state.items[mid].location in chosen]


def ruin_and_recreate(state: Mornings, stop: Callable[[int], bool], rng: random.Random) -> Mornings:
    """Improve ``state`` in place until ``stop(round)``; the best plan found is kept."""
    c = state.cands
    locations = sorted({c.location(i) for i in c.plannable})
    if not locations:
        return state
    best = plan_score(state)
    best_snapshot = state.snapshot()
    current = state.count()
    rounds = 0
    while not stop(rounds):
        rounds += 1
        before = state.snapshot()
        victims = _victims(state, rng, locations)
        ruined = {state.items[mid].location for mid in victims}
        for mid in victims:
            state.drop(mid)
        state.jitter.clear()
        best_fit(state)
        fill_gaps(state, ruined)
        if state.count() >= current:
            current = state.count()
            score = plan_score(state)
            if score > best:
                best, best_snapshot = score, state.snapshot()
        else:
            state.restore(before)
    state.restore(best_snapshot)
    state.jitter.clear()
    return state


def plan_score(state: Mornings) -> tuple[int, int, int]:
    """Objective 1's count, then objective 3: fewest visits, then fewest location-days."""
    return state.count(), -state.visits(), -state.location_days()


def construct(cands: Candidates, seed: int = 0) -> Mornings:
    """One best-fit plan (``seed`` 0: no noise, the plain scarcity order)."""
    state = Mornings(cands, random.Random(seed))
    state.noise = NOISE if seed else 0.0
    best_fit(state)
    state.jitter.clear()
    state.noise = NOISE
    return state
