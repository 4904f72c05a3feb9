"""Objective 3 — Cluster interviews into few visits.

"Cluster: as few consultant-mornings (visits) as possible, then as few distinct
days per location." One visit weighs more than all location-days together
(``weights.visit_weight``).

Redundant constraints (they only strengthen the proof): a location needs at
least ``load / (W + g)`` visits for the interviews planned there, where a
morning of ``W`` minutes with change-over ``g`` holds ``W + g`` minutes of
``duration + g`` blocks, and at least ``count / k`` visits for every group of
interviews of which one morning holds at most ``k`` (``morning_limits``).
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


def morning_limits(durations: list[int], settings) -> list[tuple[int, int]]:
    """Pairs ``(k, block)``: one morning holds at most ``k`` interviews whose
    ``duration + change-over`` is at least ``block`` minutes.

    ``k + 1`` such blocks overrun the morning, so a location needs
    ``ceil(count / k)`` mornings for them: with 45-minute interviews a morning
    holds three, even where one 30-minute interview would make four fit.
    The last pair covers all interviews (``most_per_morning``).
    """
    capacity = settings.morning.minutes + settings.changeover_min
    most = most_per_morning(durations, settings)
    blocks = [d + settings.changeover_min for d in durations]
    limits = []
    for k in range(1, most):
        block = capacity // (k + 1) + 1
        if any(b >= block for b in blocks):
            limits.append((k, block))
    if most:
        limits.append((most, 0))
    return limits


def fewest_mornings(durations: list[int], settings) -> int:
    """A lower bound on the mornings that can hold interviews of these lengths."""
    capacity = settings.morning.minutes + settings.changeover_min
    blocks = [d + settings.changeover_min for d in durations]
    floor = -(-sum(blocks) // capacity)
    for k, block in morning_limits(durations, settings):
        floor = max(floor, -(-sum(b >= block for b in blocks) // k))
    return floor


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
        minutes = [pm.reassessments[i].interview_minutes(s) for i in cases]
        for k, block in morning_limits(minutes, s):
            big = [pm.scheduled[i] for i, m in zip(cases, minutes, strict=True) if m + gap >= block]
            pm.model.add(k * sum(visits_at[loc]) >= sum(big))


def expression(pm):
    _visits_per_location_floor(pm)
    per_visit = weights.visit_weight(len(pm.location_day))
    return per_visit * sum(pm.visit.values()) + sum(pm.location_day.values())


OBJECTIVE = Objective(3, "clustering", "min", expression)
