"""``PlanModel``: the day model, the one owner of its CP-SAT variables.

For every hard rule consultants are interchangeable, except for their own
working days, absences and weekly cap. So the day model does not say *which*
consultant holds an interview, only in which consultant *slot* of its
location it is held on a day (a location with ``gesprekskamers = 2`` has two
slots a day); how many consultants work each morning is a variable of its
own, and the number of slots used on a day must be staffed by that many
available consultants within their weekly caps. Consultants are handed to
the slots afterwards, in a small model of their own (``assignment``), where
the vaste consulent and fair load are decided. The model's size does not grow
with the number of consultants.

Variables (rules add constraints on them; they never make their own behind
each other's backs, docs/design.md, The engine):

- ``x[i, k, d]``      reassessment *i* is held in slot *k* of its location on day *d*;
- ``used[l, k, d]``   slot *k* of location *l* holds interviews on *d* (a visit);
- ``work[c, d]``      consultant *c* holds an interview morning on *d*;
- ``location_day[l, d]`` location *l* is visited on *d*;
- ``scheduled[i]``    reassessment *i* is planned at all.

On a rerun, the slots a previous appointment's consultant held are *named*
after that consultant: a named slot in use is held by them, so keeping an
appointment in its named slot keeps its consultant, day and place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from herplan.constraints.views import LocKey, SlotKey, XKey
from herplan.domain.problem import Problem, Reassessment, Settings
from herplan.scheduler.bounds import fewest_visits, planned_upper_bound
from herplan.scheduler.candidates import Candidates

if TYPE_CHECKING:
    from herplan.constraints.base import Rule
    from herplan.scheduler.integer_bound import LinearBounds


@dataclass
class PlanModel:
    """The CP-SAT day model of one planning problem, with index maps for the rules."""

    cands: Candidates
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict[XKey, cp_model.IntVar] = field(default_factory=dict)
    used: dict[SlotKey, cp_model.IntVar] = field(default_factory=dict)
    work: dict[tuple[str, date], cp_model.IntVar] = field(default_factory=dict)
    scheduled: dict[int, cp_model.IntVar] = field(default_factory=dict)
    location_day: dict[tuple[LocKey, date], cp_model.IntVar] = field(default_factory=dict)
    x_by_slot: dict[SlotKey, list[XKey]] = field(default_factory=dict)
    x_by_i: dict[int, list[XKey]] = field(default_factory=lambda: defaultdict(list))
    slots_by_day: dict[date, list[SlotKey]] = field(default_factory=lambda: defaultdict(list))
    slots_by_ld: dict[tuple[LocKey, date], list[SlotKey]] = field(default_factory=dict)
    # Reruns: the consultant a slot is named after, each kept appointment's slot
    # (stability), and the confirmed ones that must stay there (rule 10).
    named: dict[SlotKey, str] = field(default_factory=dict)
    previous: dict[int, SlotKey] = field(default_factory=dict)
    pinned: dict[int, SlotKey] = field(default_factory=dict)
    fixed: dict[int, tuple[int, int]] = field(default_factory=dict)  # pinned: (start, write-up)
    # Auxiliary variables whose value follows from the interviews; a hint gives them
    # ``value(chosen)`` so every hint is a complete plan.
    derived: list[tuple[cp_model.IntVar, Callable[[set[XKey]], int]]] = field(default_factory=list)
    # Set once objective 1 is decided: every later plan plans at least this many,
    # and no plan can hold more than ``planned_upper``.
    min_planned: int = 0
    planned_upper: int | None = None
    # Objective 1's LP bounds, proven beside the run (``integer_bound.LinearBounds``).
    bounds: LinearBounds | None = None

    @property
    def problem(self) -> Problem:
        return self.cands.problem

    @property
    def settings(self) -> Settings:
        return self.cands.settings

    @property
    def stable(self) -> bool:
        """A rerun: keep what is already out, move only to plan more."""
        return bool(self.previous) or bool(self.named)

    def reassessment(self, key: XKey) -> Reassessment:
        return self.cands.cases[key[0]]

    def fewest_visits(self, planned: int) -> int:
        """The fewest visits any plan holding ``planned`` reassessments needs (proven)."""
        return fewest_visits(self.cands, planned)

    def worth_bound(self, worth: Mapping[int, int]) -> int:
        """No plan is worth more than this (the LP; proven beside the run where it was)."""
        if self.bounds is not None and self.bounds.worth == dict(worth):
            return self.bounds.weighted()
        return planned_upper_bound(self.cands, worth)

    def slot_of(self, key: XKey) -> SlotKey:
        return (self.cands.location(key[0]), key[1], key[2])


def slot_count(cands: Candidates, loc: LocKey, day: date) -> int:
    """Consultant slots of a location on a day: rooms (rule 5), never more than staff."""
    return min(cands.slots.get(loc, 1), len(cands.available.get(day, ())))


def build_model(
    cands: Candidates,
    rules: Sequence[Rule],
    families: Sequence[Callable[[PlanModel], None]] = (),
    kept: Sequence[tuple[int, str, date]] = (),
    confirmed: Collection[str] = (),
    fixed_times: Mapping[str, tuple[int, int]] | None = None,
) -> PlanModel:
    """The day model: variables for what ``cands`` allows, then every rule's constraints.

    ``families`` are constraint families that only help the search (redundant
    cuts, symmetry breaking). On a rerun ``kept`` lists the previous
    appointments that still hold, as (reassessment, consultant, day): each
    consultant's kept morning gets a slot named after them, and the dossiers
    in ``confirmed`` are pinned there (rule 10), at ``fixed_times`` (their
    interview's and write-up's start), which the others of their morning fit around.
    """
    pm = PlanModel(cands=cands)
    _name_slots(pm, kept, confirmed)
    times = fixed_times or {}
    pm.fixed = {
        i: times[cands.cases[i].dossier] for i in pm.pinned if cands.cases[i].dossier in times
    }
    _interviews(pm)
    _visits(pm)
    _location_days(pm)
    _staff(pm)
    for rule in rules:
        if rule.add is not None:
            rule.add(pm)
    for family in families:
        family(pm)
    return pm


def _name_slots(
    pm: PlanModel, kept: Sequence[tuple[int, str, date]], confirmed: Collection[str]
) -> None:
    """A rerun: each kept morning's slot is named after its consultant; confirmed ones pinned."""
    cands = pm.cands
    places: dict[tuple[LocKey, date], set[str]] = defaultdict(set)
    for i, cid, day in kept:
        places[(cands.location(i), day)].add(cid)
    slot_of: dict[tuple[str, LocKey, date], int] = {}
    for (loc, day), cids in sorted(places.items()):
        for k, cid in enumerate(sorted(cids)[: slot_count(cands, loc, day)]):
            pm.named[(loc, k, day)] = cid
            slot_of[(cid, loc, day)] = k
    for i, cid, day in kept:
        loc = cands.location(i)
        if (cid, loc, day) in slot_of:
            pm.previous[i] = (loc, slot_of[(cid, loc, day)], day)
            if cands.cases[i].dossier in confirmed:
                pm.pinned[i] = pm.previous[i]


def _interviews(pm: PlanModel) -> None:
    """``x[i, k, d]`` for every candidate day and slot; ``scheduled[i]`` is their sum."""
    cands, m = pm.cands, pm.model
    by_slot: dict[SlotKey, list[XKey]] = defaultdict(list)
    for i, days in cands.candidate_days.items():
        loc = cands.location(i)
        for day in days:
            for k in range(slot_count(cands, loc, day)):
                key = (i, k, day)
                pm.x[key] = m.new_bool_var("")
                pm.x_by_i[i].append(key)
                by_slot[(loc, k, day)].append(key)
    for i in cands.candidate_days:
        s = m.new_bool_var(f"scheduled_{cands.cases[i].dossier}")
        pm.scheduled[i] = s
        m.add(cp_model.LinearExpr.sum([pm.x[k] for k in pm.x_by_i[i]]) == s)
    pm.x_by_slot = dict(sorted(by_slot.items()))


def _visits(pm: PlanModel) -> None:
    """``used[l, k, d]``: the slot holds an interview (a visit)."""
    m = pm.model
    ld: dict[tuple[LocKey, date], list[SlotKey]] = defaultdict(list)
    for skey, keys in pm.x_by_slot.items():
        loc, k, day = skey
        u = m.new_bool_var(f"visit_{loc[0]}_{loc[1]}_{k}_{day:%m%d}")
        pm.used[skey] = u
        members = [pm.x[key] for key in keys]
        for var in members:
            m.add_implication(var, u)
        m.add_bool_or(members).only_enforce_if(u)
        pm.slots_by_day[day].append(skey)
        ld[(loc, day)].append(skey)
    pm.slots_by_ld = dict(sorted(ld.items()))


def _location_days(pm: PlanModel) -> None:
    """``location_day[l, d]``: the location is visited that day."""
    m = pm.model
    for (loc, day), skeys in pm.slots_by_ld.items():
        y = m.new_bool_var(f"locday_{loc[0]}_{loc[1]}_{day:%m%d}")
        pm.location_day[(loc, day)] = y
        visits = [pm.used[s] for s in skeys]
        for v in visits:
            m.add_implication(v, y)
        m.add_bool_or(visits).only_enforce_if(y)


def _staff(pm: PlanModel) -> None:
    """``work[c, d]`` for every consultant available on a day with slots; named slots
    are held by their own consultant."""
    cands, m = pm.cands, pm.model
    for day in cands.days:
        if not pm.slots_by_day.get(day):
            continue
        for cid in cands.available[day]:
            pm.work[(cid, day)] = m.new_bool_var(f"work_{cid}_{day:%m%d}")
    for skey, cid in pm.named.items():
        if skey in pm.used and (cid, skey[2]) in pm.work:
            m.add_implication(pm.used[skey], pm.work[(cid, skey[2])])
