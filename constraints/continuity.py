"""Objective 4 — Continuity.

"Continuity: the ``vaste_consulent`` when possible." Counts interviews held by
another consultant than the client's preferred one. The day model cannot see
consultants, so there it counts the interviews placed on a day their vaste
consulent does not work (no consultant model can repair those); the
consultant model then hands each slot to a consultant and counts exactly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from herplan.constraints import linear
from herplan.constraints.base import Objective
from herplan.constraints.views import ConsultantModelView, DayModelView

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def on_days(pm: DayModelView) -> cp_model.LinearExpr:
    terms = []
    for key, var in pm.x.items():
        preferred = pm.reassessment(key).preferred_consultant
        if preferred and preferred not in pm.cands.available.get(key[2], ()):
            terms.append(var)
    return linear.total(terms)


def on_consultants(am: ConsultantModelView) -> cp_model.LinearExpr | int:
    terms: list[cp_model.IntVar] = []
    counts: list[int] = []
    for key, var in am.a.items():
        cid, slot, day = key
        others = sum(
            1
            for i in am.cases_in[(slot, day)]
            if (preferred := am.cands.cases[i].preferred_consultant) and preferred != cid
        )
        if others:
            terms.append(var)
            counts.append(others)
    return linear.weighted(terms, counts) if terms else 0


OBJECTIVE = Objective(
    4,
    "continuity",
    "min",
    on_days=on_days,
    on_consultants=on_consultants,
    bound=lambda pm: 0,
    time_share=0.05,
    rerun_share=0.01,
)
