"""Rule 8 — Support worker not double-booked.

"Interviews with the same begeleider never overlap in time." All interviews of
one begeleider on one day go to the same consultant slot, whose interviews
follow each other with change-over time; the clock times keep the
begeleider's interviews back to back, so they can never overlap. So a
begeleider has at most one morning's interviews a day, at one location
(``worker_one_morning``: the bounds count that too).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from herplan.constraints.base import Rule
from herplan.constraints.views import DayModelView, SlotKey, XKey
from herplan.domain.appointment import Appointment
from herplan.facts import PlanFacts
from herplan.findings import Code, Finding

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def add(pm: DayModelView) -> None:
    per_slot: dict[tuple[str, date], dict[SlotKey, list[tuple[XKey, cp_model.IntVar]]]]
    per_slot = defaultdict(lambda: defaultdict(list))
    for key, var in pm.x.items():
        worker = pm.cands.worker[key[0]]
        if worker:
            per_slot[(worker, key[2])][pm.slot_of(key)].append((key, var))
    for _worker_day, slots in sorted(per_slot.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if len(slots) < 2:
            continue
        chosen = []
        for _skey, members in sorted(slots.items()):
            if len(members) == 1:
                chosen.append(members[0][1])
                continue
            u = pm.model.new_bool_var("")
            for _, var in members:
                pm.model.add_implication(var, u)
            keys = frozenset(key for key, _ in members)
            pm.derived.append((u, _holds_any(keys)))
            chosen.append(u)
        pm.model.add_at_most_one(chosen)


def _holds_any(keys: frozenset[XKey]) -> Callable[[set[XKey]], int]:
    """A derived variable's value: 1 when the chosen interviews hold any of ``keys``."""
    return lambda picked: int(bool(keys & picked))


def violations(facts: PlanFacts) -> list[Finding]:
    by_worker: dict[tuple[str, date], list[Appointment]] = defaultdict(list)
    for a in facts.appointments:
        worker = " ".join(a.begeleider.split()).casefold()
        if worker:
            by_worker[(worker, a.day)].append(a)
    found: list[Finding] = []
    for (worker, day), group in sorted(by_worker.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        ordered = sorted(group, key=lambda a: a.start)
        for first, second in itertools.pairwise(ordered):
            if second.start < first.end:
                found.append(Finding.of(Code.WORKER_DOUBLE_BOOKED, worker=worker, day=day))
    return found


RULE = Rule(8, "support_worker", add=add, violations=violations, worker_one_morning=True)
