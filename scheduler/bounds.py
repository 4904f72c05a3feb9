"""Bounds any plan must respect, to judge herplan and the greedy baseline against.

- **Upper bound on planned reassessments**: a maximum flow, source → reassessment
  (1) → consultant-morning on a candidate day (``pm.x``) → consultant-week
  (interviews one morning can hold) → sink (the weekly cap in mornings times
  that). It relaxes "one location per morning", rooms and begeleiders, so no
  plan can beat it.
- **Lower bound on visits for a plan**: per location, the interviews planned
  there need at least ``ceil(sum(duration + change-over) / (morning +
  change-over))`` mornings, and at least ``ceil(count / k)`` where ``k`` is the
  most whole interviews (and write-ups) one morning there can hold.
"""

from __future__ import annotations

import math
from collections import defaultdict

from ortools.graph.python import max_flow

from herplan.constraints.clustering import most_per_morning
from herplan.scheduler.calendar import iso_week
from herplan.scheduler.domain import Plan
from herplan.scheduler.model import PlanModel


def planned_upper_bound(pm: PlanModel) -> int:
    """No plan schedules more reassessments than this maximum flow."""
    flow = max_flow.SimpleMaxFlow()
    source, sink = 0, 1
    nodes: dict[object, int] = {}

    def node(key: object) -> int:
        if key not in nodes:
            nodes[key] = len(nodes) + 2
        return nodes[key]

    # Most interviews any one morning can hold: the shortest ones, as many as fit.
    per_morning = most_per_morning(
        [r.interview_minutes(pm.settings) for r in pm.reassessments], pm.settings
    )
    mornings: set[tuple[str, object]] = set()
    for i, cid, day in pm.x:
        flow.add_arc_with_capacity(node(("case", i)), node(("morning", cid, day)), 1)
        mornings.add((cid, day))
    for i in pm.x_by_i:
        flow.add_arc_with_capacity(source, node(("case", i)), 1)
    weeks: dict[tuple[str, tuple[int, int]], int] = defaultdict(int)
    for cid, day in sorted(mornings):
        week = (cid, iso_week(day))
        weeks[week] += 1
        flow.add_arc_with_capacity(node(("morning", cid, day)), node(("week", *week)), per_morning)
    for (cid, week), n in sorted(weeks.items()):
        cap = pm.problem.consultant(cid).max_mornings_per_week
        usable = n if cap is None else min(n, max(0, cap - pm.booked_mornings.get((cid, week), 0)))
        flow.add_arc_with_capacity(node(("week", cid, week)), sink, usable * per_morning)
    if flow.solve(source, sink) != flow.OPTIMAL:
        raise RuntimeError("max-flow bound failed")
    return flow.optimal_flow()


def visits_lower_bound(plan: Plan) -> int:
    """Fewest mornings that could hold this plan's interviews, location by location."""
    s = plan.problem.settings
    capacity = s.morning.minutes + s.changeover_min
    lengths: dict[tuple[str, str], list[int]] = defaultdict(list)
    for a in plan.appointments:
        lengths[(a.provider, a.location)].append(a.end - a.start)
    total = 0
    for durations in lengths.values():
        minutes = sum(d + s.changeover_min for d in durations)
        whole = max(1, most_per_morning(durations, s))
        total += max(math.ceil(minutes / capacity), math.ceil(len(durations) / whole))
    return total
