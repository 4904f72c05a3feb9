"""Large-neighbourhood search on the day model: one small exact model at a time.

On a tight region objective 1 is decided by a few reassessments that only fit
once several mornings are arranged differently, and CP-SAT on the whole model
(two workers) rarely finds that arrangement. Each step here frees one part of
the incumbent, fixes every other interview, visit and consultant-morning at
its value, and lets CP-SAT solve what is left: after presolve a small model
that it searches nearly exhaustively. The parts are the days of one ISO week
(the weekly caps couple no other days) or a group of locations on every day,
half of the time locations that share begeleiders (rule 8 couples them);
a step is kept when its plan is worth at least as much, so the incumbent only
improves. The choice of part is drawn from the run's seed, and each step's
limit is the solver's deterministic time in reproducible mode, so the same
input and seed give the same steps.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from herplan.calendar import iso_week
from herplan.constraints.views import LocKey
from herplan.scheduler.model import PlanModel

LOCATION_SHARE = 0.15  # of the locations freed together in a location step
WORKERS_SHARE = 0.5  # of the location steps: locations that share begeleiders


@dataclass(frozen=True)
class Part:
    """What one step frees: interviews and visits where ``place`` holds, mornings on ``day``."""

    place: Callable[[LocKey, date], bool]
    day: Callable[[date], bool]


def draw(pm: PlanModel, rng: random.Random) -> Part:
    """A week of the period, or a group of locations on every day, at random."""
    days = sorted(pm.cands.days)
    locations = sorted({loc for loc, _day in pm.slots_by_ld})
    if rng.random() < 0.5 or len(locations) < 2:
        week = iso_week(rng.choice(days))
        return Part(lambda _loc, day: iso_week(day) == week, lambda day: iso_week(day) == week)
    size = max(2, round(LOCATION_SHARE * len(locations)))
    if rng.random() < WORKERS_SHARE:
        group = workers_places(pm, rng, size)
    else:
        group = set(rng.sample(locations, min(size, len(locations))))
    return Part(lambda loc, _day: loc in group, lambda _day: True)


def workers_places(pm: PlanModel, rng: random.Random, size: int) -> set[LocKey]:
    """``size`` locations that share begeleiders, grown from one drawn at random (and
    from another when those begeleiders' places are all in).

    Rule 8 gives a begeleider one morning a day at one place: where begeleiders
    serve many locations (a provider's team, a town's pool), moving their morning
    from one location to another needs both free in the same step.
    """
    places: dict[str, set[LocKey]] = defaultdict(set)
    workers: dict[LocKey, set[str]] = defaultdict(set)
    for i, worker in sorted(pm.cands.worker.items()):
        if worker and i in pm.cands.candidate_days:
            loc = pm.cands.location(i)
            places[worker].add(loc)
            workers[loc].add(worker)
    if not workers:
        return set()
    group: set[LocKey] = set()
    frontier: list[LocKey] = []
    while len(group) < min(size, len(workers)):
        if not frontier:  # a new start when the begeleiders' places are all in
            start = rng.choice(sorted(set(workers) - group))
            group.add(start)
            frontier.append(start)
            continue
        loc = frontier.pop(rng.randrange(len(frontier)))
        for worker in rng.sample(sorted(workers[loc]), len(workers[loc])):
            for other in rng.sample(sorted(places[worker] - group), len(places[worker] - group)):
                if len(group) >= size:
                    break
                group.add(other)
                frontier.append(other)
    return group


def fixed_outside(pm: PlanModel, part: Part, values: dict[int, int]) -> list[tuple[int, int]]:
    """(variable index, value) for every decision the step keeps as it is."""
    keep: list[tuple[int, int]] = []
    for (i, _k, day), var in pm.x.items():
        if not part.place(pm.cands.location(i), day):
            keep.append((var.index, values[var.index]))
    for (loc, _k, day), var in pm.used.items():
        if not part.place(loc, day):
            keep.append((var.index, values[var.index]))
    for (loc, day), var in pm.location_day.items():
        if not part.place(loc, day):
            keep.append((var.index, values[var.index]))
    for (_cid, day), var in pm.work.items():
        if not part.day(day):
            keep.append((var.index, values[var.index]))
    return keep
