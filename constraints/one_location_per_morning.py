"""Rule 3 — One location per morning.

"A consultant spends a morning at one location; consecutive interviews are
separated by the change-over time." A consultant slot belongs to one location,
and a consultant holds at most one slot a day: the slots used on a day are
staffed by as many consultants. The change-over ``g`` lengthens every
interview's block in the morning (``Candidates.block``, used by rule 1).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from herplan.capacity_model import MorningCapacity
from herplan.constraints import linear
from herplan.constraints.base import Rule
from herplan.constraints.views import ConsultantModelView, DayModelView
from herplan.domain.problem import Settings
from herplan.facts import PlanFacts
from herplan.findings import Code, Finding, Subject

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def add(pm: DayModelView) -> None:
    """Every slot used on a day is staffed by its own working consultant."""
    working: dict[date, list[cp_model.IntVar]] = defaultdict(list)
    for (_cid, day), var in pm.work.items():
        working[day].append(var)
    for day, skeys in pm.slots_by_day.items():
        visits = linear.total([pm.used[k] for k in skeys])
        pm.model.add(linear.total(working[day]) == visits)


def assign(am: ConsultantModelView) -> None:
    """In the consultant model: one slot a day per consultant."""
    for group in am.by_consultant_day.values():
        if len(group) > 1:
            am.model.add_at_most_one(am.a[k] for k in group)


def violations(facts: PlanFacts) -> list[Finding]:
    gap = facts.problem.settings.changeover_min
    found: list[Finding] = []
    for (cid, day), group in facts.mornings.items():
        morning = Subject(consultant=cid, day=day)
        if len({(a.provider, a.location) for a in group}) > 1:
            found.append(Finding.of(Code.MORE_THAN_ONE_LOCATION, morning))
        for first, second in itertools.pairwise(group):
            if second.start < first.end + gap:
                found.append(
                    Finding.of(
                        Code.NO_CHANGEOVER, morning, first=first.dossier, second=second.dossier
                    )
                )
    return found


def morning(settings: Settings) -> MorningCapacity:
    return MorningCapacity(changeover=settings.changeover_min, one_location=True)


RULE = Rule(
    3, "one_location_per_morning", morning=morning, add=add, assign=assign, violations=violations
)
