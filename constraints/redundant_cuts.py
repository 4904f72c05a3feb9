"""Redundant cuts: constraints every plan meets anyway, added to prove bounds sooner.

They never change which plans are allowed, only how fast the solver proves a
plan optimal (PyJobShop names its redundant constraints the same way). A
location needs at least ``load / (W + g)`` visits for the interviews planned
there, where a morning of ``W`` minutes with change-over ``g`` holds ``W + g``
minutes of ``duration + g`` blocks, and at least ``count / k`` visits for
every group of interviews of which one morning holds at most ``k``
(``capacity.morning_limits``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from herplan.capacity_model import morning_limits
from herplan.constraints import linear
from herplan.constraints.views import DayModelView, LocKey

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def visits_per_location(pm: DayModelView) -> None:
    """Whole interviews per morning, location by location."""
    cap = pm.cands.capacity
    if cap.room is None or not cap.one_location:
        return  # the cuts follow from rules 1 and 3 together
    room = cap.room
    cases_at: dict[LocKey, list[int]] = defaultdict(list)
    for i in pm.cands.plannable:
        cases_at[pm.cands.location(i)].append(i)
    visits_at: dict[LocKey, list[cp_model.IntVar]] = defaultdict(list)
    for (loc, _k, _day), var in pm.used.items():
        visits_at[loc].append(var)
    for loc, cases in sorted(cases_at.items()):
        visits = linear.total(visits_at[loc])
        blocks = [pm.cands.block[i] for i in cases]
        planned = [pm.scheduled[i] for i in cases]
        if sum(blocks) > room:
            pm.model.add(room * visits >= linear.weighted(planned, blocks))
        minutes = [b - cap.changeover for b in blocks]
        for k, block in morning_limits(minutes, cap):
            big = [var for var, b in zip(planned, blocks, strict=True) if b >= block]
            if len(big) > k:
                pm.model.add(k * visits >= linear.total(big))


FAMILY = visits_per_location
