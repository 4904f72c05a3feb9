"""Objective 6 — Fair load, and urgent cases early.

"Fair load across consultants, relative to their availability; urgent cases
early in the period." ``fair_load`` (in the consultant model) first lowers the
highest number of interviews per available morning (per mille) over all
consultants, then raises the lowest, so the work spreads in proportion to
availability. ``urgent_early`` (in the day model) minimises the
urgency-weighted day index, so ended and soon-ending indications come first
(rule 7: already-ended indications as early as possible).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from herplan.constraints import linear, weights
from herplan.constraints.base import Objective
from herplan.constraints.most_reassessments import urgency_tier
from herplan.constraints.views import ConsultantModelView, DayModelView

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def fair_load(am: ConsultantModelView) -> cp_model.LinearExpr:
    scale = weights.FAIR_LOAD_SCALE
    total = sum(len(cases) for cases in am.cases_in.values())
    mornings = am.available_mornings
    top = scale * total
    peak = am.model.new_int_var(0, top, "peak_relative_load")
    valley = am.model.new_int_var(0, top, "lowest_relative_load")
    loads: dict[str, list[cp_model.IntVar]] = {cid: [] for cid, n in mornings.items() if n}
    sizes: dict[str, list[int]] = {cid: [] for cid in loads}
    for (cid, slot, day), var in am.a.items():
        if cid in loads:
            loads[cid].append(var)
            sizes[cid].append(len(am.cases_in[(slot, day)]))
    for cid, xs in loads.items():
        load = linear.weighted(xs, sizes[cid]) if xs else 0
        am.model.add(scale * load <= peak * mornings[cid])
        am.model.add(scale * load >= valley * mornings[cid])

    def relative(values: dict[int, int]) -> list[tuple[int, int]]:
        counts = am.load(values)
        return [(scale * counts.get(cid, 0), mornings[cid]) for cid in loads]

    am.derived.append((peak, lambda v: max((-(-n // m) for n, m in relative(v)), default=0)))
    am.derived.append((valley, lambda v: min((n // m for n, m in relative(v)), default=0)))
    return (top + 1) * peak - valley


def highest_load(am: ConsultantModelView, values: dict[int, int]) -> float:
    """Reported: the highest number of interviews per available morning."""
    counts = am.load(values)
    mornings = am.available_mornings
    return max((counts.get(c, 0) / n for c, n in mornings.items() if n), default=0.0)


def urgent_early(pm: DayModelView) -> cp_model.LinearExpr | int:
    index = {day: n for n, day in enumerate(pm.cands.days)}
    terms: list[cp_model.IntVar] = []
    coefficients: list[int] = []
    for key, var in pm.x.items():
        tier = urgency_tier(pm.reassessment(key), pm.settings)
        if tier and index[key[2]]:
            terms.append(var)
            coefficients.append(tier * index[key[2]])
    return linear.weighted(terms, coefficients) if terms else 0


FAIR_LOAD = Objective(
    6,
    "fair_load",
    "min",
    on_consultants=fair_load,
    shown_assignment=highest_load,
    time_share=0.05,
    rerun_share=0.01,
)
URGENT_EARLY = Objective(
    6,
    "urgent_early",
    "min",
    on_days=urgent_early,
    bound=lambda pm: 0,
    time_share=0.05,
    rerun_share=0.01,
)
