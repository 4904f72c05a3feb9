"""From a plan to a complete assignment of the day model, and back.

A heuristic's plan is a list of (reassessment, consultant, day). In the day
model a consultant's morning is a slot of its location: a rerun's kept
morning takes the slot named after its consultant, the others take the free
slots in order of load (the numbering ``slot_symmetry`` requires), and every
auxiliary variable gets the value that follows, so the hint is a complete,
feasible plan (CP-SAT uses a hint fully only when it is complete).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from herplan.constraints.views import LocKey, SlotKey, XKey
from herplan.scheduler.model import PlanModel
from herplan.scheduler.mornings import Chosen


def slot_layout(pm: PlanModel, chosen: Chosen) -> dict[SlotKey, tuple[str, list[int]]]:
    """Each used slot with its consultant and interviews."""
    mornings: dict[tuple[str, date], list[int]] = defaultdict(list)
    for i, cid, day in chosen:
        mornings[(cid, day)].append(i)
    by_ld: dict[tuple[LocKey, date], list[tuple[str, list[int]]]] = defaultdict(list)
    for (cid, day), cases in mornings.items():
        by_ld[(pm.cands.location(cases[0]), day)].append((cid, sorted(cases)))
    named_slot = {(cid, loc, day): k for (loc, k, day), cid in pm.named.items()}
    layout: dict[SlotKey, tuple[str, list[int]]] = {}
    for (loc, day), group in sorted(by_ld.items()):
        free = [
            k
            for k in range(len(pm.slots_by_ld.get((loc, day), ())))
            if (loc, k, day) not in pm.named
        ]
        rest = []
        for cid, cases in group:
            k = named_slot.get((cid, loc, day))
            if k is not None:
                layout[(loc, k, day)] = (cid, cases)
            else:
                rest.append((cid, cases))
        rest.sort(key=lambda cc: (-len(cc[1]), cc[0]))
        if len(rest) > len(free):
            raise ValueError(f"more mornings than rooms at {loc[1]} on {day}")
        for k, (cid, cases) in zip(free, rest, strict=False):
            layout[(loc, k, day)] = (cid, cases)
    return layout


def hint_values(pm: PlanModel, chosen: Chosen) -> dict[int, int]:
    """A value for every variable of the day model (by proto index)."""
    layout = slot_layout(pm, chosen)
    picked: set[XKey] = {
        (i, skey[1], skey[2]) for skey, (_, cases) in layout.items() for i in cases
    }
    planned = {key[0] for key in picked}
    working = {(cid, skey[2]) for skey, (cid, _) in layout.items()}
    location_days = {(skey[0], skey[2]) for skey in layout}
    values: dict[int, int] = {}
    for group, on in (
        (pm.x, picked),
        (pm.scheduled, planned),
        (pm.used, layout.keys()),
        (pm.work, working),
        (pm.location_day, location_days),
    ):
        for key, var in group.items():
            values[var.index] = int(key in on)
    for var, value in pm.derived:
        values[var.index] = int(value(picked))
    return values


def chosen_from(pm: PlanModel, values: dict[int, int] | list[int]) -> dict[SlotKey, list[int]]:
    """The interviews of each used slot in a solution of the day model."""
    slots: dict[SlotKey, list[int]] = defaultdict(list)
    for key, var in pm.x.items():
        if values[var.index]:
            slots[pm.slot_of(key)].append(key[0])
    return {skey: sorted(cases) for skey, cases in sorted(slots.items())}
