"""Symmetry breaking: the consultant slots of a location-day are numbered by load.

Slots that are not named after a consultant (a rerun's kept mornings) are
interchangeable: any plan can be renumbered so that slot ``k`` holds at least
as many interviews as slot ``k + 1``. Requiring that removes the copies of
every plan the solver would otherwise search through; hints are numbered the
same way (``herplan.scheduler.hints``).
"""

from __future__ import annotations

import itertools

from herplan.constraints import linear
from herplan.constraints.views import DayModelView


def load_order(pm: DayModelView) -> None:
    for (_loc, _day), skeys in pm.slots_by_ld.items():
        free = [s for s in sorted(skeys, key=lambda s: s[1]) if s not in pm.named]
        for first, second in itertools.pairwise(free):
            a = linear.total([pm.x[k] for k in pm.x_by_slot[first]])
            b = linear.total([pm.x[k] for k in pm.x_by_slot[second]])
            pm.model.add(a >= b)


FAMILY = load_order
