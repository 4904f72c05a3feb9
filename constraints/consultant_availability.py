"""Rule 4 — Consultant availability.

"Working weekdays, absences, public holidays, weekly cap." A consultant
interviews only on a weekday they work, never on a public holiday or a day of
a full-day absence, and holds at most ``max_ochtenden_per_week`` interview
mornings in one ISO week (mornings already held before a rerun count too).
An extra morning (``extra_ochtenden``) makes its date a working day for the
consultant and raises the cap of its week by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from herplan.calendar import is_working_day, iso_week
from herplan.constraints import linear
from herplan.constraints.base import Rule
from herplan.constraints.views import CandidatesView, ConsultantModelView, DayModelView
from herplan.domain.codes import DayPart, Reason
from herplan.domain.problem import Consultant, Problem
from herplan.facts import PlanFacts
from herplan.findings import Code, Finding, Subject

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def consultant_available(problem: Problem, consultant: Consultant, day: date) -> bool:
    if not consultant.works_on(day) or not is_working_day(day, problem.settings):
        return False
    return not any(
        a.consultant == consultant.id and a.part == DayPart.DAY and a.start <= day <= a.end
        for a in problem.absences
    )


def _weekly(
    pairs: Iterable[tuple[tuple[str, date], cp_model.IntVar]],
    cands: CandidatesView,
    model: cp_model.CpModel,
) -> None:
    """At most the weekly cap, less mornings already held, of these (consultant, day) vars."""
    weeks: dict[tuple[str, tuple[int, int]], list[cp_model.IntVar]] = defaultdict(list)
    for (cid, day), var in pairs:
        weeks[(cid, iso_week(day))].append(var)
    for (cid, week), mornings in sorted(weeks.items()):
        left = cands.cap_left(cid, week)
        if left is not None and len(mornings) > left:
            model.add(linear.total(mornings) <= left)


def add(pm: DayModelView) -> None:
    _weekly(pm.work.items(), pm.cands, pm.model)


def assign(am: ConsultantModelView) -> None:
    _weekly((((key[0], key[2]), var) for key, var in am.a.items()), am.cands, am.model)


def violations(facts: PlanFacts) -> list[Finding]:
    problem = facts.problem
    found: list[Finding] = []
    for cid, day in facts.mornings:
        consultant = problem.consultants_by_id.get(cid)
        if consultant is None:
            found.append(Finding.of(Code.NOT_A_CONSULTANT, Subject(consultant=cid, day=day)))
        elif not consultant_available(problem, consultant, day):
            found.append(Finding.of(Code.CONSULTANT_NOT_WORKING, Subject(consultant=cid, day=day)))
    for (cid, week), count in facts.weeks.items():
        consultant = problem.consultants_by_id.get(cid)
        cap = consultant.weekly_cap(week) if consultant else None
        held = facts.held.get((cid, week), 0)
        if cap is not None and count > max(cap, held):
            found.append(
                Finding.of(
                    Code.WEEKLY_CAP_EXCEEDED,
                    Subject(consultant=cid),
                    mornings=count,
                    week=week[1],
                    cap=cap,
                )
            )
    return found


RULE = Rule(
    4,
    "consultant_availability",
    Reason.NO_CONSULTANT,
    consultant_available=consultant_available,
    weekly_cap=True,
    add=add,
    assign=assign,
    violations=violations,
)
