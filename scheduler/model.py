"""``PlanModel``: the one owner of the CP-SAT model and all its variables.

Rules in ``herplan.constraints`` filter candidate days and add constraints to
this model; they never create decision variables of their own behind each
other's backs (STYLE §3). The variables are:

- ``x[i, c, d]``   reassessment *i* is interviewed by consultant *c* on day *d*;
- ``visit[c, d, l]`` consultant *c* spends the morning of *d* at location *l*;
- ``location_day[l, d]`` some consultant visits location *l* on day *d*;
- ``scheduled[i]`` reassessment *i* is planned at all.

A reassessment gets an ``x`` only for the days every day-filter rule allows and
the consultants every availability rule allows, so the model stays small and
the reasons for an impossible day are known before solving. In a large region
the consultants are further limited to the location's team and the client's
vaste consulent (``herplan.scheduler.teams``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

from herplan.scheduler.calendar import is_working_day, iso_week, period_days
from herplan.scheduler.domain import Problem, Reassessment
from herplan.scheduler.teams import candidate_count, consultant_teams, team_size

LocKey = tuple[str, str]
XKey = tuple[int, str, date]


@dataclass
class PlanModel:
    """The CP-SAT model of one planning problem, with index maps for the rules."""

    problem: Problem
    reassessments: list[Reassessment]
    days: list[date]
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict[XKey, cp_model.IntVar] = field(default_factory=dict)
    visit: dict[tuple[str, date, LocKey], cp_model.IntVar] = field(default_factory=dict)
    location_day: dict[tuple[LocKey, date], cp_model.IntVar] = field(default_factory=dict)
    scheduled: dict[int, cp_model.IntVar] = field(default_factory=dict)
    candidate_days: dict[int, list[date]] = field(default_factory=dict)
    excluded: dict[int, dict[date, tuple[str, ...]]] = field(default_factory=dict)
    available: dict[date, list[str]] = field(default_factory=dict)
    x_by_cd: dict[tuple[str, date], list[XKey]] = field(default_factory=lambda: defaultdict(list))
    x_by_i: dict[int, list[XKey]] = field(default_factory=lambda: defaultdict(list))
    x_by_visit: dict[tuple[str, date, LocKey], list[XKey]] = field(default_factory=dict)
    # Auxiliary variables whose value follows from the chosen interviews; the
    # solver hints them with ``value(chosen)`` so every hint is a complete plan.
    derived: list[tuple[cp_model.IntVar, Callable[[set[XKey]], int]]] = field(default_factory=list)
    visits_by_cd: dict[tuple[str, date], list[tuple[str, date, LocKey]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    visits_by_ld: dict[tuple[LocKey, date], list[tuple[str, date, LocKey]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # Reruns (SPEC §6): mornings already held (pinned, before today) per consultant
    # and ISO week, and each open case's previous appointment, for stability.
    booked_mornings: dict[tuple[str, tuple[int, int]], int] = field(default_factory=dict)
    previous: dict[int, XKey] = field(default_factory=dict)
    stable: bool = False  # a rerun: keep what is out, move only to plan more
    rule_names: frozenset[str] = frozenset()  # the hard rules this model holds
    # Large regions only (``teams``): the consultants who may interview at a location.
    teams: dict[LocKey, frozenset[str]] = field(default_factory=dict)

    @property
    def settings(self):
        return self.problem.settings

    def reassessment(self, key: XKey) -> Reassessment:
        return self.reassessments[key[0]]


def build_variables(
    problem: Problem,
    rules: Sequence,
    first_day: date | None = None,
    held: Sequence[tuple[str, date]] = (),
) -> PlanModel:
    """Create the candidate variables that survive every rule's day and consultant filter.

    ``first_day`` (a rerun's today) leaves out the days before it: the past is
    not planned again. ``held`` lists the (consultant, day) mornings already
    held before it; they count against the weekly caps the rules add.
    """
    open_cases = [r for r in problem.reassessments if not r.withdrawn]
    days = [d for d in period_days(problem.settings) if first_day is None or d >= first_day]
    pm = PlanModel(
        problem=problem,
        reassessments=open_cases,
        days=days,
        rule_names=frozenset(rule.name for rule in rules),
    )
    for cid, day in sorted(set(held)):
        week = (cid, iso_week(day))
        pm.booked_mornings[week] = pm.booked_mornings.get(week, 0) + 1
    day_rules = [rule for rule in rules if rule.allows_day is not None]
    consultant_rules = [rule for rule in rules if rule.consultant_available is not None]

    for day in pm.days:
        pm.available[day] = [
            c.id
            for c in problem.consultants
            if all(rule.consultant_available(problem, c, day) for rule in consultant_rules)
        ]

    m = pm.model
    for i, r in enumerate(open_cases):
        excluded: dict[date, tuple[str, ...]] = {}
        days: list[date] = []
        for day in pm.days:
            failing = tuple(
                rule.reason_code(problem, r)
                for rule in day_rules
                if not rule.allows_day(problem, r, day)
            )
            if not pm.available[day]:
                failing += ("geen_consulent_beschikbaar",)
            if not failing:
                days.append(day)
            elif is_working_day(day, problem.settings):
                excluded[day] = failing
        pm.excluded[i] = excluded
        pm.candidate_days[i] = days

    size = team_size(len(problem.consultants), candidate_count(pm.candidate_days, pm.available))
    if size is not None:
        pm.teams = consultant_teams(pm, size)
    for i, r in enumerate(open_cases):
        team = pm.teams.get(r.location_key)
        for day in pm.candidate_days[i]:
            for cid in pm.available[day]:
                if team is not None and cid not in team and cid != r.preferred_consultant:
                    continue
                key = (i, cid, day)
                pm.x[key] = m.new_bool_var("")
                pm.x_by_cd[(cid, day)].append(key)
                pm.x_by_i[i].append(key)

    for i, r in enumerate(open_cases):
        s = m.new_bool_var(f"scheduled_{r.dossier}")
        m.add(cp_model.LinearExpr.sum([pm.x[k] for k in pm.x_by_i[i]]) == s)
        pm.scheduled[i] = s

    by_visit: dict[tuple[str, date, LocKey], list[XKey]] = defaultdict(list)
    for key in pm.x:
        i, cid, day = key
        by_visit[(cid, day, open_cases[i].location_key)].append(key)
    pm.x_by_visit = dict(sorted(by_visit.items()))
    for vkey in sorted(by_visit):
        cid, day, loc = vkey
        v = m.new_bool_var(f"visit_{cid}_{day:%m%d}_{loc[0]}_{loc[1]}")
        pm.visit[vkey] = v
        pm.visits_by_cd[(cid, day)].append(vkey)
        pm.visits_by_ld[(loc, day)].append(vkey)
        members = [pm.x[k] for k in by_visit[vkey]]
        m.add(cp_model.LinearExpr.sum(members) <= len(members) * v)
        m.add_bool_or(members).only_enforce_if(v)

    for (loc, day), vkeys in sorted(pm.visits_by_ld.items()):
        y = m.new_bool_var(f"locday_{loc[0]}_{loc[1]}_{day:%m%d}")
        pm.location_day[(loc, day)] = y
        visits = [pm.visit[k] for k in vkeys]
        m.add(cp_model.LinearExpr.sum(visits) <= len(visits) * y)
        m.add_bool_or(visits).only_enforce_if(y)

    for rule in rules:
        if rule.add is not None:
            rule.add(pm)
    return pm
