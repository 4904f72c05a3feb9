"""Objective 3 — Cluster interviews into few visits.

"Cluster: as few consultant-mornings (visits) as possible, then as few distinct
days per location." One visit weighs more than all location-days together
(``weights.visit_weight``).

Redundant constraints (they only strengthen the proof): a location needs at
least ``load / (W + g)`` visits for the interviews planned there, where a
morning of ``W`` minutes with change-over ``g`` holds ``W + g`` minutes of
``duration + g`` blocks, and at least ``count / k`` visits, where ``k`` is the
most whole interviews one morning there can hold.
"""

from __future__ import annotations

from collections import defaultdict

from herplan.constraints import weights
from herplan.constraints.base import Objective


def most_per_morning(durations: list[int], settings) -> int:
    """Most interviews of these lengths one morning (and its afternoon) can hold."""
    room = settings.morning.minutes + settings.changeover_min
    count = 0
    for length in sorted(durations):
        room -= length + settings.changeover_min
        if room < 0:
            break
        count += 1
    if settings.writeup_min:
        count = min(count, settings.afternoon.minutes // settings.writeup_min)
    return count


def _visits_per_location_floor(pm) -> None:
    s = pm.settings
    gap = s.changeover_min
    capacity = s.morning.minutes + gap
    cases_at: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(pm.reassessments):
        if pm.candidate_days[i]:
            cases_at[r.location_key].append(i)
    visits_at: dict[tuple[str, str], list] = defaultdict(list)
    for (_cid, _day, loc), var in pm.visit.items():
        visits_at[loc].append(var)
    for loc, cases in sorted(cases_at.items()):
        load = sum(
            (pm.reassessments[i].interview_minutes(s) + gap) * pm.scheduled[i] for i in cases
        )
        pm.model.add(capacity * sum(visits_at[loc]) >= load)
        # Whole interviews only: with 45-minute interviews and 15 minutes change-over a
        # 3.5-hour morning holds 3, not 3.75. Counting them lifts the proven bound.
        most = most_per_morning([pm.reassessments[i].interview_minutes(s) for i in cases], s)
        if most:
            pm.model.add(most * sum(visits_at[loc]) >= sum(pm.scheduled[i] for i in cases))


def expression(pm):
    _visits_per_location_floor(pm)
    per_visit = weights.visit_weight(len(pm.location_day))
    return per_visit * sum(pm.visit.values()) + sum(pm.location_day.values())


OBJECTIVE = Objective(3, "clustering", "min", expression)
