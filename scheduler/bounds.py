"""Proven bounds: the most reassessments any plan holds, the fewest visits it needs.

- ``planned_upper_bound``: the LP relaxation of the day model, aggregated over
  slots (GLOP, part of OR-Tools): per location-day at most ``rooms`` visits,
  each holding ``W + g`` minutes of interview blocks and whole interviews
  (``capacity.morning_limits``), at most as many visits on a day as
  consultants working that morning, consultant-mornings within the weekly
  caps, and a begeleider's interviews of a day at one location and within one
  morning (rule 8). No plan is worth more; when a plan reaches it, objective 1 is proven
  optimal. Only the capacities of the rules the model holds are used, so a
  model without a rule never gets a bound that cuts off its plans.
- ``flow_upper_bound``: the weaker maximum flow of earlier versions (case →
  day → consultant-morning → consultant-week), kept so the benchmark tables
  compare against the same bound as before.
- ``fewest_visits``: the fewest consultant-mornings any plan with at least
  ``n`` planned reassessments needs: per location the fewest mornings its
  ``m`` shortest plannable interviews need (``capacity.fewest_mornings``),
  combined over locations by a knapsack over the visit budget.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ortools.graph.python import max_flow

from herplan.calendar import iso_week
from herplan.capacity_model import fewest_mornings, morning_limits, most_per_morning
from herplan.constraints.views import LocKey
from herplan.scheduler.bound_worker import linear_optimum
from herplan.scheduler.candidates import Candidates

EPSILON = 1e-6


def planned_upper_bound(cands: Candidates, worth: Mapping[int, int] | None = None) -> int:
    """No plan's total ``worth`` (default: 1 per reassessment) exceeds this."""
    worth = worth or dict.fromkeys(cands.plannable, 1)
    plannable = [i for i in cands.plannable if worth.get(i, 0) > 0]
    if not plannable:
        return 0
    lp_bound = _lp_bound(cands, worth, plannable)
    best_cases = sum(sorted((worth[i] for i in plannable), reverse=True))
    return min(lp_bound, best_cases)


@dataclass
class Aggregate:
    """The day model aggregated over slots, as plain rows ``sum(coef * column) <= rhs``.

    Columns: ``y[i, d]`` (reassessment *i* on day *d*), the visits of each
    location-day (at most its rooms and the consultants available) and each
    consultant's morning on each day, every column from 0 to its ``upper``.
    Its LP relaxation is ``planned_upper_bound``; with ``integer`` columns
    whole it is a relaxation of the day model still (capacities per
    location-day rather than per slot, no begeleider or timing), so its
    integer optimum is a proven bound as well (``integer_bound``).
    """

    upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    cost: list[float] = field(default_factory=list)
    rows: list[tuple[list[int], list[float], float]] = field(default_factory=list)

    def column(self, upper: float, cost: float = 0.0, integer: bool = True) -> int:
        self.upper.append(upper)
        self.integer.append(integer)
        self.cost.append(cost)
        return len(self.upper) - 1

    def row(self, terms: list[tuple[int, float]], rhs: float) -> None:
        if terms:
            self.rows.append(([j for j, _ in terms], [c for _, c in terms], rhs))


def aggregate(
    cands: Candidates, worth: Mapping[int, int], plannable: list[int], linking: bool = False
) -> Aggregate:
    """The aggregated model of ``cands``, maximising the ``worth`` of what is planned.

    ``linking`` adds ``y[i, d] <= visits`` for every interview: it tightens the
    relaxation (T: 224 → 223) but makes GLOP ten times slower, so only the
    integer model uses it.

    Only the capacities of the rules the model holds are used (``cands.capacity``,
    the rooms, the weekly caps), so a model without a rule never gets a bound
    that cuts off its plans.
    """
    cap = cands.capacity
    agg = Aggregate()
    y: dict[tuple[int, date], int] = {}
    at: dict[tuple[tuple[str, str], date], list[int]] = defaultdict(list)
    for i in plannable:
        for day in cands.candidate_days[i]:
            y[(i, day)] = agg.column(1, cost=worth[i])
            at[(cands.location(i), day)].append(i)
        agg.row([(y[(i, day)], 1) for day in cands.candidate_days[i]], 1)
    minutes = [cands.cases[i].interview_minutes(cands.settings) for i in plannable]
    whole = cap.one_location and cap.minutes is not None
    limits = morning_limits(minutes, cap) if whole else []
    visits_on: dict[date, list[int]] = defaultdict(list)
    for (loc, day), cases in at.items():
        visits = agg.column(min(cands.slots.get(loc, 1), len(cands.available[day])))
        visits_on[day].append(visits)
        _visit_rows(agg, cands, cases, [y[(i, day)] for i in cases], visits, limits, linking)
    if cap.one_location:  # every visit is one consultant's morning
        _staff_rows(agg, cands, visits_on)
    if cands.worker_one_morning:
        _worker_rows(agg, cands, y, integer=linking)
    return agg


def _visit_rows(
    agg: Aggregate,
    cands: Candidates,
    cases: list[int],
    ys: list[int],
    visits: int,
    limits: list[tuple[int, int]],
    linking: bool,
) -> None:
    """What a location-day's visits hold: minutes, blocks, write-ups, whole interviews."""
    cap = cands.capacity
    if linking:
        for j in ys:
            agg.row([(j, 1), (visits, -1)], 0)
    if cap.minutes is not None:
        minutes = [cands.cases[i].interview_minutes(cands.settings) for i in cases]
        agg.row([*zip(ys, minutes, strict=True), (visits, -cap.minutes)], 0)
    if cap.one_location:
        blocks = [cands.block[i] for i in cases]
        agg.row([*zip(ys, blocks, strict=True), (visits, -cands.morning_room)], 0)
    if cap.writeups is not None:
        agg.row([*((j, 1) for j in ys), (visits, -cap.writeups)], 0)
    for k, block in limits:
        # Also when there are k or fewer: in the LP it charges each interview a
        # k-th of a visit, where the minutes alone would charge less.
        big = [j for i, j in zip(cases, ys, strict=True) if cands.block[i] >= block]
        if big:
            agg.row([*((j, 1) for j in big), (visits, -k)], 0)
    if cap.minutes is None and not cap.one_location and cap.writeups is None:
        agg.row([*((j, 1) for j in ys), (visits, -len(cases))], 0)


def _staff_rows(agg: Aggregate, cands: Candidates, visits_on: dict[date, list[int]]) -> None:
    """A day's visits are staffed by consultant-mornings, within each one's weekly cap."""
    weeks: dict[tuple[str, tuple[int, int]], list[int]] = defaultdict(list)
    for day, held in visits_on.items():
        staff = []
        for cid in cands.available[day]:
            morning = agg.column(1)
            staff.append(morning)
            weeks[(cid, iso_week(day))].append(morning)
        agg.row([*((j, 1) for j in held), *((j, -1) for j in staff)], 0)
    for (cid, week), mornings in weeks.items():
        left = cands.cap_left(cid, week)
        if left is not None and len(mornings) > left:
            agg.row([(j, 1) for j in mornings], left)


def _worker_rows(
    agg: Aggregate, cands: Candidates, y: dict[tuple[int, date], int], integer: bool
) -> None:
    """Rule 8: a begeleider's interviews of one day share one consultant-morning.

    So on each day they are at one location and no more than one morning
    holds: at most ``max`` over the locations of what a morning holds there. A
    team name in the begeleider column, with a hundred clients, gets one
    morning a day; the bound counts that. The ``integer`` model says it with a
    column per location the begeleider could be at (one chosen), the LP with
    one row per begeleider-day (the same LP optimum, fewer columns).
    """
    per_day: dict[tuple[str, date], dict[LocKey, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for i, day in y:
        if worker := cands.worker[i]:
            per_day[(worker, day)][cands.location(i)].append(i)
    for (_worker, day), places in sorted(per_day.items()):
        most = {loc: _most_of(cands, cases) for loc, cases in places.items()}
        if len(places) == 1 or not integer:
            cases = [i for group in places.values() for i in group]
            if len(cases) > max(most.values()):
                agg.row([(y[(i, day)], 1) for i in cases], max(most.values()))
            continue
        chosen = []
        for loc, cases in places.items():
            at = agg.column(1)
            chosen.append(at)
            agg.row([*((y[(i, day)], 1) for i in cases), (at, -most[loc])], 0)
        agg.row([(j, 1) for j in chosen], 1)


def _most_of(cands: Candidates, cases: list[int]) -> int:
    """The most of these interviews one morning holds."""
    minutes = [cands.cases[i].interview_minutes(cands.settings) for i in cases]
    return min(len(cases), most_per_morning(minutes, cands.capacity))


def _lp_bound(cands: Candidates, worth: Mapping[int, int], plannable: list[int]) -> int:
    agg = aggregate(cands, worth, plannable)
    value = linear_optimum(agg.upper, agg.cost, agg.rows)
    if value is None:
        raise RuntimeError("the LP bound could not be computed")
    return math.floor(value + EPSILON)


def flow_upper_bound(cands: Candidates) -> int:
    """Maximum flow: case → day → consultant-morning → consultant-week → sink."""
    flow = max_flow.SimpleMaxFlow()
    source, sink = 0, 1
    nodes: dict[object, int] = {}

    def node(key: object) -> int:
        if key not in nodes:
            nodes[key] = len(nodes) + 2
        return nodes[key]

    per_morning = len(cands.cases)
    cap = cands.capacity
    if cap.minutes is not None and cap.writeups is not None and cap.one_location:
        per_morning = most_per_morning(
            [r.interview_minutes(cands.settings) for r in cands.cases], cap
        )
    days: set[date] = set()
    for i, candidate_days in cands.candidate_days.items():
        flow.add_arc_with_capacity(source, node(("case", i)), 1)
        for day in candidate_days:
            flow.add_arc_with_capacity(node(("case", i)), node(("day", day)), 1)
            days.add(day)
    weeks: dict[tuple[str, tuple[int, int]], int] = defaultdict(int)
    for day in sorted(days):
        for cid in cands.available[day]:
            flow.add_arc_with_capacity(node(("day", day)), node(("morning", cid, day)), per_morning)
            cid_week = (cid, iso_week(day))
            weeks[cid_week] += 1
            flow.add_arc_with_capacity(
                node(("morning", cid, day)), node(("week", *cid_week)), per_morning
            )
    for (cid, week), n in sorted(weeks.items()):
        left = cands.cap_left(cid, week)
        usable = n if left is None else min(n, left)
        flow.add_arc_with_capacity(node(("week", cid, week)), sink, usable * per_morning)
    if flow.solve(source, sink) != flow.OPTIMAL:
        raise RuntimeError("max-flow bound failed")
    most: int = flow.optimal_flow()  # the max-flow wrapper is untyped
    return most


def fewest_visits(cands: Candidates, planned: int) -> int:
    """The fewest visits that can hold ``planned`` of the plannable reassessments."""
    cap = cands.capacity
    if planned <= 0 or cap.minutes is None or not cap.one_location:
        return 0
    lengths: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in cands.plannable:
        lengths[cands.location(i)].append(cands.cases[i].interview_minutes(cands.settings))
    # Per location: for each number of visits v, the most interviews v visits can hold.
    options: list[list[tuple[int, int]]] = []
    for durations in lengths.values():
        durations.sort()
        steps: list[tuple[int, int]] = []
        for n in range(1, len(durations) + 1):
            v = fewest_mornings(durations[:n], cap)
            if steps and steps[-1][0] == v:
                steps[-1] = (v, n)
            else:
                steps.append((v, n))
        options.append(steps)
    budget = sum(steps[-1][0] for steps in options)
    most = [0] + [-1] * budget  # most[v]: the most interviews v visits can hold
    for steps in options:
        better = most[:]
        for v, n in steps:
            for total in range(budget, v - 1, -1):
                if most[total - v] >= 0 and most[total - v] + n > better[total]:
                    better[total] = most[total - v] + n
        most = better
    reach = 0
    for v in range(budget + 1):
        reach = max(reach, most[v])
        if reach >= planned:
            return v
    return budget
