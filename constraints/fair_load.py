"""Objective 6 — Fair load, and urgent cases early.

"Fair load across consultants, relative to their availability; urgent cases
early in the period." ``fair_load`` minimises the highest number of interviews
per available morning (per mille) over all consultants; ``urgent_early``
minimises the urgency-weighted day index, so ended and soon-ending indications
come first (rule 7: already-ended indications as early as possible).
"""

from __future__ import annotations

from collections import defaultdict

from herplan.constraints import weights
from herplan.constraints.base import Objective
from herplan.constraints.most_reassessments import urgency_tier


def fair_load(pm):
    scale = weights.FAIR_LOAD_SCALE
    mornings: dict[str, int] = defaultdict(int)
    for cids in pm.available.values():
        for cid in cids:
            mornings[cid] += 1
    loads: dict[str, list] = defaultdict(list)
    for key, var in pm.x.items():
        loads[key[1]].append(var)
    top = max((scale * len(v) // mornings[c] for c, v in loads.items()), default=0)
    peak = pm.model.new_int_var(0, top, "peak_relative_load")
    for cid, xs in loads.items():
        pm.model.add(scale * sum(xs) <= peak * mornings[cid])

    def peak_of(picked: set) -> int:
        counts: dict[str, int] = defaultdict(int)
        for _i, cid, _day in picked:
            counts[cid] += 1
        return max((-(-scale * n // mornings[c]) for c, n in counts.items()), default=0)

    pm.derived.append((peak, peak_of))
    return peak


def urgent_early(pm):
    index = {day: n for n, day in enumerate(pm.days)}
    terms = []
    for key, var in pm.x.items():
        tier = urgency_tier(pm.reassessment(key), pm.settings)
        if tier:
            terms.append(tier * index[key[2]] * var)
    return sum(terms)


FAIR_LOAD = Objective(6, "fair_load", "min", fair_load)
URGENT_EARLY = Objective(6, "urgent_early", "min", urgent_early)
