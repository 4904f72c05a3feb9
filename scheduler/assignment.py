"""``AssignmentModel``: which consultant holds each visit the day model planned.

The day model decides which reassessment is held on which day in which slot of
its location, and that every day's slots can be staffed. This small model
hands the consultants to those slots: every used slot gets exactly one
consultant available that day, a rerun's named slot keeps its consultant, and
the rules add the rest (rule 3: one slot a day per consultant; rule 4: the
weekly cap). Objectives 4 (the vaste consulent) and 6 (fair load relative to
availability) are decided here. Variables: ``a[c, (location, slot), day]``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from herplan.constraints.views import AKey, LocKey, Slot
from herplan.scheduler.candidates import Candidates

if TYPE_CHECKING:
    from herplan.constraints.base import Rule


@dataclass
class AssignmentModel:
    cands: Candidates
    cases_in: dict[tuple[Slot, date], list[int]]
    named: dict[tuple[Slot, date], str]
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    a: dict[AKey, cp_model.IntVar] = field(default_factory=dict)
    by_slot: dict[tuple[Slot, date], list[AKey]] = field(default_factory=lambda: defaultdict(list))
    by_consultant_day: dict[tuple[str, date], list[AKey]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # Auxiliary variables whose value follows from an assignment (by proto index).
    derived: list[tuple[cp_model.IntVar, Callable[[dict[int, int]], int]]] = field(
        default_factory=list
    )

    def load(self, values: dict[int, int]) -> dict[str, int]:
        """Interviews per consultant in an assignment."""
        loads: dict[str, int] = defaultdict(int)
        for (cid, slot, day), var in self.a.items():
            if values.get(var.index):
                loads[cid] += len(self.cases_in[(slot, day)])
        return loads

    @property
    def available_mornings(self) -> dict[str, int]:
        return self.cands.available_mornings


def build_assignment(
    cands: Candidates,
    slots: dict[tuple[LocKey, int, date], list[int]],
    named: dict[tuple[LocKey, int, date], str],
    rules: Sequence[Rule],
) -> AssignmentModel:
    am = AssignmentModel(
        cands=cands,
        cases_in={((loc, k), day): cases for (loc, k, day), cases in slots.items()},
        named={
            ((loc, k), day): cid for (loc, k, day), cid in named.items() if (loc, k, day) in slots
        },
    )
    m = am.model
    for slot, day in sorted(am.cases_in, key=lambda sd: (sd[1], sd[0])):
        fixed = am.named.get((slot, day))
        for cid in cands.available.get(day, ()):
            if fixed is not None and cid != fixed:
                continue
            key = (cid, slot, day)
            am.a[key] = m.new_bool_var("")
            am.by_slot[(slot, day)].append(key)
            am.by_consultant_day[(cid, day)].append(key)
        m.add_exactly_one(am.a[k] for k in am.by_slot[(slot, day)])
    for rule in rules:
        if rule.assign is not None:
            rule.assign(am)
    return am


def assignment_hint(am: AssignmentModel, working: dict[date, list[str]]) -> dict[int, int]:
    """A feasible assignment from the day model's staffing: who works each day.

    Named slots get their consultant; the others the remaining working
    consultants of the day, in order.
    """
    values = dict.fromkeys((var.index for var in am.a.values()), 0)
    by_day: dict[date, list[tuple[Slot, date]]] = defaultdict(list)
    for slot, day in am.cases_in:
        by_day[day].append((slot, day))
    for day, slots in sorted(by_day.items()):
        free = [
            cid for cid in working.get(day, []) if cid not in {am.named.get(sd) for sd in slots}
        ]
        for sd in sorted(slots):
            cid = am.named.get(sd) or (free.pop(0) if free else None)
            if cid is None and am.by_slot[sd]:  # without rule 3 one may hold several
                cid = am.by_slot[sd][0][0]
            if cid is not None and (cid, *sd) in am.a:
                values[am.a[(cid, *sd)].index] = 1
    return values
