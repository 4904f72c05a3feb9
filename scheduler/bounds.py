"""The most reassessments any plan can schedule: objective 1's proven bound.

A maximum flow, source → reassessment (1) → candidate day → consultant-morning
that day → consultant-week (interviews one morning can hold) → sink (the
weekly cap in mornings times that). It relaxes "one location per morning",
rooms and begeleiders, so no plan can beat it; when a plan reaches it, its
count is proven optimal. The benchmarks judge herplan and the hand-planning
baseline against it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ortools.graph.python import max_flow

from herplan.constraints.clustering import most_per_morning
from herplan.scheduler.calendar import iso_week

if TYPE_CHECKING:
    from herplan.scheduler.model import PlanModel

MORNING_RULES = frozenset({"morning_interview", "afternoon_writeup", "one_location_per_morning"})


def planned_upper_bound(pm: PlanModel) -> int:
    """No plan schedules more reassessments than this maximum flow."""
    flow = max_flow.SimpleMaxFlow()
    source, sink = 0, 1
    nodes: dict[object, int] = {}

    def node(key: object) -> int:
        if key not in nodes:
            nodes[key] = len(nodes) + 2
        return nodes[key]

    # Most interviews any one morning can hold: the shortest ones, as many as fit
    # (rules 1–3); without one of those rules a morning holds any number.
    per_morning = len(pm.reassessments)
    if pm.rule_names >= MORNING_RULES:
        per_morning = most_per_morning(
            [r.interview_minutes(pm.settings) for r in pm.reassessments], pm.settings
        )
    weekly_caps = "consultant_availability" in pm.rule_names  # rule 4
    # Every available consultant is a candidate on every allowed day (the full model,
    # also when ``teams`` restrict it), so the cases reach a day's mornings via one
    # day node: the same maximum as case → morning arcs, with far fewer arcs.
    days: set[object] = set()
    for i, candidate_days in pm.candidate_days.items():
        flow.add_arc_with_capacity(source, node(("case", i)), 1)
        for day in candidate_days:
            flow.add_arc_with_capacity(node(("case", i)), node(("day", day)), 1)
            days.add(day)
    mornings = {(cid, day) for day in days for cid in pm.available[day]}
    weeks: dict[tuple[str, tuple[int, int]], int] = defaultdict(int)
    for cid, day in sorted(mornings):
        flow.add_arc_with_capacity(node(("day", day)), node(("morning", cid, day)), per_morning)
        week = (cid, iso_week(day))
        weeks[week] += 1
        flow.add_arc_with_capacity(node(("morning", cid, day)), node(("week", *week)), per_morning)
    for (cid, week), n in sorted(weeks.items()):
        cap = pm.problem.consultant(cid).max_mornings_per_week if weekly_caps else None
        usable = n if cap is None else min(n, max(0, cap - pm.booked_mornings.get((cid, week), 0)))
        flow.add_arc_with_capacity(node(("week", cid, week)), sink, usable * per_morning)
    if flow.solve(source, sink) != flow.OPTIMAL:
        raise RuntimeError("max-flow bound failed")
    return flow.optimal_flow()
