"""Rule 3 — One location per morning.

"A consultant spends a morning at one location; consecutive interviews are
separated by the change-over time." With change-over ``g`` the interviews of a
morning of length ``W`` fit when ``sum(duration + g) <= W + g``.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from herplan.constraints.base import Rule


def add(pm) -> None:
    s = pm.settings
    gap = s.changeover_min
    for vkeys in pm.visits_by_cd.values():
        if len(vkeys) > 1:
            pm.model.add_at_most_one(pm.visit[v] for v in vkeys)
    if gap:
        for vkey, keys in pm.x_by_visit.items():
            blocks = [pm.reassessment(k).interview_minutes(s) + gap for k in keys]
            load = cp_model.LinearExpr.weighted_sum([pm.x[k] for k in keys], blocks)
            pm.model.add(load <= (s.morning.minutes + gap) * pm.visit[vkey])


RULE = Rule(3, "one_location_per_morning", add=add)
