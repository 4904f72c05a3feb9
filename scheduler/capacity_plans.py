"""Each point of the capacity curve as a plan: the input with its mornings added, planned.

README, Capacity advice. A point's plan is what the next rerun would write if
its extra mornings were in the input (``Consultant.extra_mornings``): the
plan's appointments as they stand, the newly planned ones with clock times
and UIDs, the reasons of what is still left out, the changes against the
plan, the next revision number. It is built as ``make_plan`` builds a rerun's
plan, from the same helpers, and passes the same guard (every hard rule and
rerun promise, ``verify.check``) before anyone sees it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from herplan.domain.codes import PhaseStatus, Reason
from herplan.domain.plan import ConsultantTime, Plan
from herplan.domain.problem import Problem
from herplan.domain.revisions import Rerun
from herplan.scheduler.candidates import Candidates
from herplan.scheduler.capacity_curve import Curve, Point, with_mornings
from herplan.scheduler.changes import changes_since
from herplan.scheduler.planner import (  # the steps of make_plan after the search
    Issued,
    _carried_over,
    _not_planned,
    _timed,
    consultant_time,
)
from herplan.scheduler.solve import SolveResult
from herplan.scheduler.solve_stats import SolveStats
from herplan.scheduler.verify import check

if TYPE_CHECKING:
    from herplan.constraints.base import Rule


def point_plan(
    problem: Problem, rules: Sequence[Rule], rerun: Rerun, curve: Curve, point: Point, created: str
) -> Plan:
    """The plan of ``point``: the input with its extra mornings, checked by the guard."""
    added = with_mornings(problem, point.solution.extras)
    cands = narrowed(curve, added, point)
    start = curve.start
    result = SolveResult(sorted([*start.kept, *point.solution.new]), [_stats(curve, point)])
    issued = Issued(rerun, added)
    appointments = _timed(cands, result, added, rerun, start, issued)
    unscheduled, renewals = _not_planned(cands, result, added, cands.problem)
    changes, cancelled = changes_since(rerun, start, appointments, unscheduled)
    issued.retired |= {a.uid for a in cancelled}
    appointments = [*start.past, *appointments]
    order = {r.dossier: n for n, r in enumerate(added.reassessments)}
    plan = Plan(
        problem=added,
        appointments=tuple(sorted(appointments, key=lambda a: (a.day, a.consultant, a.start))),
        unscheduled=tuple(sorted(unscheduled, key=lambda u: order[u.dossier])),
        renewals=tuple(renewals),
        phases=tuple(result.phases),
        created=created,
        changes=changes,
        cancelled=cancelled,
        staff=_staff(curve, added, rules, point),
        wave=issued.wave,
        uids=issued.recorded(appointments),
        retired=frozenset(issued.retired),
        people=dict(sorted(issued.people.items())),
        today=rerun.today,
    )
    plan = _carried_over(plan, rerun)
    check(plan, rules, rerun, start)
    return plan


def _staff(
    curve: Curve, added: Problem, rules: Sequence[Rule], point: Point
) -> tuple[ConsultantTime, ...]:
    """Each consultant's available mornings on ``added``: the plan's, worked out once, and
    anew for the consultants the point gives an extra morning."""
    if curve.staff is None:
        curve.staff = consultant_time(
            replace(added, consultants=curve.region.base.problem.consultants), rules
        )
    changed = {a.consultant for a in point.solution.extras}
    if not changed:
        return curve.staff
    some = replace(
        added,
        consultants=tuple(c for c in added.consultants if c.id in changed),
        reassessments=(),
        absences=tuple(a for a in added.absences if a.consultant in changed),
    )
    anew = consultant_time(some, rules)
    mine = {t.consultant: t for t in anew}
    return tuple(mine.get(t.consultant, t) for t in curve.staff)


def _stats(curve: Curve, point: Point) -> SolveStats:
    """The point as the plan's one phase: planned against the bound proven for it."""
    held = len(curve.start.past) + len(curve.start.kept)
    planned = held + point.solution.count
    bound = None if point.bound is None else held + point.bound
    status = PhaseStatus.OPTIMAL if bound == planned else PhaseStatus.FEASIBLE
    return SolveStats("capacity", status, planned, bound, 0.0, headline=True, unit="reassessments")


def narrowed(curve: Curve, added: Problem, point: Point) -> Candidates:
    """What every rule allows on ``added`` (the input with the point's mornings), from the
    region's candidates: only rule 4's consultants differ, so a day that is left without
    any consultant is refused as ``geen_consulent_beschikbaar``, as ``find_candidates``
    refuses it."""
    base, every = curve.region.base, curve.region.every
    extra = {(a.consultant, a.day) for a in point.solution.extras}
    available = {
        day: [
            cid
            for cid in every.available.get(day, ())
            if cid in base.available.get(day, ()) or (cid, day) in extra
        ]
        for day in every.days
    }
    candidate_days, excluded = {}, {}
    for i, days in every.candidate_days.items():
        refused = dict(every.excluded[i])
        for day in days:
            if not available[day]:
                refused[day] = (Reason.NO_CONSULTANT,)
        for day, codes in every.excluded[i].items():
            if every.available.get(day) and not available[day]:
                refused[day] = (*codes, Reason.NO_CONSULTANT)
        candidate_days[i] = [d for d in days if available[d]]
        excluded[i] = dict(sorted(refused.items()))
    consultants = {c.id: c for c in added.consultants}
    solvable = replace(
        every.problem, consultants=tuple(consultants[c.id] for c in every.problem.consultants)
    )
    return replace(
        every,
        problem=solvable,
        available=available,
        candidate_days=candidate_days,
        excluded=excluded,
    )
