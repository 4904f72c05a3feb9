"""Objective 1 — Plan as many reassessments as possible, the most urgent first.

"Schedule as many reassessments as possible, the most urgent (earliest
indication end) first." Urgency tiers: ended before the period, ending in its
first half, ending later in the period, ending after it (``weights``).
"""

from __future__ import annotations

from herplan.constraints import stability, weights
from herplan.constraints.base import Objective
from herplan.scheduler.bounds import planned_upper_bound
from herplan.scheduler.domain import Reassessment, Settings


def urgency_tier(r: Reassessment, settings: Settings) -> int:
    if r.indication_end < settings.period_start:
        return weights.TIER_ENDED
    half = settings.period_start + (settings.period_end - settings.period_start) / 2
    if r.indication_end <= half:
        return weights.TIER_FIRST_HALF
    if r.indication_end <= settings.period_end:
        return weights.TIER_IN_PERIOD
    return weights.TIER_LATER


def worth(pm, i: int) -> int:
    """What planning reassessment ``i`` adds: the count weight plus its urgency tier.

    On a rerun only the count matters here: an appointment that is already out
    may move to plan *more* reassessments, never to swap in a more urgent one
    (SPEC §6); urgency still orders the days (``urgent_early``).
    """
    if pm.stable:
        return len(pm.previous) + 1  # one more planned outweighs keeping every appointment
    base = weights.count_weight(len(pm.reassessments))
    return base + urgency_tier(pm.reassessments[i], pm.settings)


def expression(pm):
    count = sum(worth(pm, i) * s for i, s in pm.scheduled.items())
    if pm.stable:
        # On a rerun, among plans with the most reassessments prefer the one that
        # moves the fewest: a short search then never trades a kept appointment
        # for an equal count, and the stability phase only confirms it.
        return count - stability.expression(pm)
    return count


def upper_bound(pm) -> int:
    """No plan holds more than the maximum flow of ``planned_upper_bound``, nor a
    reassessment for which every day is refused: at best the most urgent of them.

    When a plan reaches the flow, its count is proven optimal.
    """
    most = planned_upper_bound(pm)
    plannable = sorted((worth(pm, i) for i in pm.scheduled if pm.candidate_days[i]), reverse=True)
    return sum(plannable[:most])


OBJECTIVE = Objective(1, "most_reassessments", "max", expression, upper_bound)
