"""Rule 10 — Pinned appointments, and the rerun's promise to keep what is out.

"Appointments that are confirmed (see section 6) keep their consultant, day
and time." A provider's ``Haalbaar: ja`` pins an appointment in the slot named
after its consultant (the time is kept by ``timing``); appointments before a
rerun's today are history and are not planned again at all.

The promise of a rerun is a constraint here too, not only a check afterwards:
an untouched appointment (not withdrawn, its consultant available, its
location open, not answered ``nee``, still fitting every hard rule under the
new input: ``rerun.starting_plan``) is never dropped. It may move, to make
room for a reassessment that would otherwise stay unplanned (objective 2
keeps those moves few), but it stays planned. ``violations`` checks that every
confirmed appointment is where it was; the other promises are checked once
more before anything is written (``verify``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from herplan.capacity_model import gaps
from herplan.constraints import linear
from herplan.constraints.base import Rule
from herplan.constraints.views import DayModelView, SlotKey, XKey
from herplan.facts import PlanFacts
from herplan.findings import Code, Finding, Subject

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def add(pm: DayModelView) -> None:
    for i, (_loc, k, day) in sorted(pm.pinned.items()):
        key = (i, k, day)
        if key in pm.x:
            pm.model.add(pm.x[key] == 1)
    for i in sorted(pm.previous):
        pm.model.add(pm.scheduled[i] == 1)
    around_fixed_times(pm)


def around_fixed_times(pm: DayModelView) -> None:
    """A confirmed interview keeps its clock time, so the other interviews of its
    morning must fit in the gaps around the confirmed ones: each is put in one gap
    whose interviews, with their change-over, fit it; likewise the write-ups (all of
    one length) in the afternoon's gaps. Then ``timing`` always finds their times."""
    s = pm.cands.problem.settings
    changeover = pm.cands.capacity.changeover
    slots: dict[SlotKey, list[int]] = defaultdict(list)
    for i, skey in pm.pinned.items():
        if i in pm.fixed:
            slots[skey].append(i)
    for skey, pinned in sorted(slots.items()):
        others = [k for k in pm.x_by_slot.get(skey, []) if k[0] not in pinned]
        if not others:
            continue
        lengths = {i: pm.cands.cases[i].interview_minutes(s) for i in pinned}
        rooms = [
            b - a
            for a, b in gaps(
                [(pm.fixed[i][0], pm.fixed[i][0] + lengths[i] + changeover) for i in pinned],
                s.morning.start,
                s.morning.end + changeover,
            )
        ]
        desks = gaps(
            [(pm.fixed[i][1], pm.fixed[i][1] + s.writeup_min) for i in pinned],
            s.afternoon.start,
            s.afternoon.end,
        )
        writeups = sum((b - a) // s.writeup_min for a, b in desks) if s.writeup_min else len(others)
        pm.model.add(linear.total([pm.x[k] for k in others]) <= writeups)
        _in_gaps(pm, others, rooms)


def _in_gaps(pm: DayModelView, others: list[XKey], rooms: list[int]) -> None:
    block = pm.cands.block
    in_room: dict[int, list[tuple[cp_model.IntVar, int]]] = defaultdict(list)
    for k in others:
        fits = [j for j, room in enumerate(rooms) if block[k[0]] <= room]
        if not fits:
            pm.model.add(pm.x[k] == 0)
            continue
        ys = [pm.model.new_bool_var("") for _ in fits]
        pm.model.add(linear.total(ys) == pm.x[k])
        for j, y in zip(fits, ys, strict=True):
            in_room[j].append((y, block[k[0]]))
    for j, placed in in_room.items():
        if sum(b for _, b in placed) > rooms[j]:
            pm.model.add(
                linear.weighted([y for y, _ in placed], [b for _, b in placed]) <= rooms[j]
            )


def violations(facts: PlanFacts) -> list[Finding]:
    """A confirmed appointment that is gone, or not with its consultant, day and time."""
    now = {a.dossier: a for a in facts.appointments}
    found: list[Finding] = []
    for dossier, (consultant, day, start) in sorted(facts.pinned.items()):
        a = now.get(dossier)
        if a is None or (a.consultant, a.day, a.start) != (consultant, day, start):
            found.append(Finding.of(Code.CONFIRMED_NOT_KEPT, Subject(dossier, consultant, day)))
    return found


RULE = Rule(10, "pinned_appointments", add=add, violations=violations)
