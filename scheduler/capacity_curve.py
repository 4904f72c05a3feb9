"""The capacity curve: how many more reassessments k extra consultant-mornings plan.

README, Capacity advice. The plan as it stands is kept (``capacity_model``).
The points come from opening one visit at a time where it plans the most
(``capacity_greedy``): point k holds point k - 1 and one extra morning more,
so more mornings never show fewer planned, up to the point where every
reassessment an extra morning can plan is planned. Beside each point stands
the LP bound of the model with at most k mornings (``capacity_bounds``); a
bound for k also bounds every smaller k. Where a point reaches its bound no
choice of k mornings plans more while the plan keeps its appointments.

What no extra morning plans is grouped by what would (``Blocked``): another
begeleider or the client present, the location's rooms or open days, a new
support plan, the indication's end, the period, more consultants.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from herplan.domain.codes import Reason
from herplan.domain.plan import ConsultantTime
from herplan.domain.problem import Problem
from herplan.domain.revisions import Rerun
from herplan.scheduler.candidates import Candidates
from herplan.scheduler.capacity_bounds import LinearCurve, Tangent, bound_at
from herplan.scheduler.capacity_greedy import greedy_chain
from herplan.scheduler.capacity_model import AddedMorning, AdviceModel, Region, Solution
from herplan.scheduler.explain import reasons_for
from herplan.scheduler.memory import release
from herplan.scheduler.mornings import from_chosen
from herplan.scheduler.rerun import RerunStart, rerun_candidates, starting_plan

if TYPE_CHECKING:
    from herplan.constraints.base import Rule

TANGENTS = 6  # LP solves spread over the curve (and one with every extra morning)


class Blocked(StrEnum):
    """What would plan a reassessment that no extra consultant-morning plans."""

    SUPPORT_WORKER = "begeleider"  # rule 8: its begeleider's day is spent in another visit
    CLIENT = "client"  # rule 9: the client cannot come on any day it could be held
    LOCATION = "locatie"  # rule 5: the location's rooms are taken, or it is closed
    SUPPORT_PLAN = "ondersteuningsplan"  # rule 6: a new support plan is needed
    INDICATION_END = "einddatum"  # rule 7: the indication ended before it could be held
    PERIOD = "periode"  # no working day of the period is left
    CONSULTANT = "consulent"  # every consultant who could is away or already busy


STATIC_CAUSES = {
    Reason.NO_SUPPORT_PLAN: Blocked.SUPPORT_PLAN,
    Reason.SUPPORT_PLAN_EXPIRED: Blocked.SUPPORT_PLAN,
    Reason.ENDS_BEFORE_PERIOD: Blocked.INDICATION_END,
    Reason.LOCATION_CLOSED: Blocked.LOCATION,
    Reason.CLIENT_UNAVAILABLE: Blocked.CLIENT,
    Reason.NO_CONSULTANT: Blocked.CONSULTANT,
    Reason.PERIOD_OVER: Blocked.PERIOD,
}


@dataclass(frozen=True)
class CurveOptions:
    """How much of the curve, and who hears how far it is."""

    most_points: int | None = None  # the first points only (a scenario's)
    progress: Callable[[str, int, int], None] | None = None  # (step, done, of)


@dataclass(frozen=True)
class Point:
    """``extra`` mornings at most; ``bound``: proven most newly planned (None: unknown)."""

    extra: int
    solution: Solution
    bound: int | None


@dataclass
class Curve:
    region: Region
    start: RerunStart
    points: list[Point]
    most: Solution  # with every extra morning allowed
    blocked: dict[int, Blocked]  # reassessment index -> what would plan it
    # the consultants' available mornings (``capacity_plans``)
    staff: tuple[ConsultantTime, ...] | None = None

    @property
    def cases(self) -> Candidates:
        return self.region.every


def every_morning(problem: Problem, days: Sequence[date]) -> Problem:
    """``problem`` with every consultant free to hold an extra morning on any of ``days``."""
    extra = frozenset(days)
    return replace(
        problem,
        consultants=tuple(
            replace(c, extra_mornings=c.extra_mornings | extra) for c in problem.consultants
        ),
    )


def with_mornings(problem: Problem, added: Sequence[AddedMorning]) -> Problem:
    """The input with these extra mornings added (``Consultant.extra_mornings``)."""
    by_consultant: dict[str, set[date]] = {}
    for a in added:
        by_consultant.setdefault(a.consultant, set()).add(a.day)
    return replace(
        problem,
        consultants=tuple(
            replace(c, extra_mornings=c.extra_mornings | by_consultant.get(c.id, set()))
            for c in problem.consultants
        ),
    )


def region_of(problem: Problem, rules: Sequence[Rule], rerun: Rerun) -> tuple[Region, RerunStart]:
    """The plan of ``rerun`` as it stands on ``problem`` as of its today, and what extra
    mornings after today could add."""
    start, base = rerun_candidates(problem, rules, rerun)
    start = starting_plan(base, rerun, start)
    _, every = rerun_candidates(every_morning(problem, base.days), rules, rerun)
    return Region(base, every, from_chosen(every, start.kept, fixed=True)), start


def capacity_curve(
    problem: Problem, rules: Sequence[Rule], rerun: Rerun, options: CurveOptions | None = None
) -> Curve:
    """The curve of the module doc for the plan of ``rerun`` on ``problem``."""
    options = options or CurveOptions()
    region, start = region_of(problem, rules, rerun)
    am = AdviceModel(region)
    chain = greedy_chain(region, options.most_points)
    if options.progress is not None:
        options.progress("points", len(chain), len(chain))
    tangents = _tangents(am, len(chain) - 1, options)
    points = [Point(k, s, bound_at(tangents, k)) for k, s in enumerate(chain)]
    release()
    most = chain[-1] if options.most_points is None else greedy_chain(region)[-1]
    return Curve(region, start, _bounded(points, None), most, blocked(am, most))


def _tangents(am: AdviceModel, last: int, options: CurveOptions) -> list[Tangent]:
    """The LP at a few budgets spread over 0..``last`` and with every extra morning."""
    lp = LinearCurve(am)
    ks = sorted({0, last, am.most_extras, *range(0, last + 1, max(1, last // TANGENTS))})
    found = []
    for n, k in enumerate(ks):
        tangent = lp.tangent(k)
        if tangent is not None:
            found.append(tangent)
        if options.progress is not None:
            options.progress("bounds", n + 1, len(ks))
    return found


def _bounded(points: list[Point], most_bound: int | None) -> list[Point]:
    """A bound for k mornings bounds every smaller k too; never below what is planned."""
    found: list[Point] = []
    tightest = most_bound
    for point in reversed(points):
        if point.bound is not None:
            tightest = point.bound if tightest is None else min(tightest, point.bound)
        bound = None if tightest is None else max(tightest, point.solution.count)
        found.append(replace(point, bound=bound))
    return found[::-1]


def blocked(am: AdviceModel, most: Solution) -> dict[int, Blocked]:
    """What would plan each reassessment that not even every extra morning plans."""
    region, c = am.region, am.region.every
    planned = {i for i, _, _ in most.new}
    with_options = {i for i, _ in am.x}
    found: dict[int, Blocked] = {}
    for i in sorted(set(range(len(c.cases))) - set(region.state.planned) - planned):
        if not c.candidate_days[i]:
            found[i] = STATIC_CAUSES.get(reasons_for(c, i)[0], Blocked.CONSULTANT)
        else:
            found[i] = _full(am, i, most, i in with_options)
    return found


def _full(am: AdviceModel, i: int, most: Solution, had_options: bool) -> Blocked:
    """A reassessment with days on which no visit, planned or new, took it.

    Without a place at all: its begeleider's day is spent in another visit on a day
    with room (``begeleider``), else every visit at its location is full and its
    rooms taken (``locatie``). With places that others took: its begeleider's
    other interviews those days, else no consultant left free, else the rooms.
    """
    region, c = am.region, am.region.every
    worker = c.worker[i] if c.worker_one_morning else ""
    days = c.candidate_days[i]
    if not had_options:
        elsewhere = any(
            worker and (worker, day) in region.state.worker_day and _has_room(am, i, day)
            for day in days
        )
        return Blocked.SUPPORT_WORKER if elsewhere else Blocked.LOCATION
    busy_worker = {(c.worker[j], d) for j, _, d in most.new}
    used = {(cid, day) for _, cid, day in most.new}
    if any(
        (worker, day) in busy_worker or (worker, day) in region.state.worker_day
        for day in days
        if worker
    ):
        return Blocked.SUPPORT_WORKER
    staffed = any(
        (cid, day) not in region.state.busy and (cid, day) not in used
        for day in days
        for cid in c.available.get(day, ())
    )
    return Blocked.LOCATION if staffed else Blocked.CONSULTANT


def _has_room(am: AdviceModel, i: int, day: date) -> bool:
    region, c = am.region, am.region.every
    loc = c.location(i)
    return region.rooms_left(loc, day) > 0 or any(
        _room_in(am, i, mid) for mid in region.state.at.get((loc, day), ())
    )


def _room_in(am: AdviceModel, i: int, mid: int) -> bool:
    m, c = am.region.state.items[mid], am.region.every
    return m.used + c.block[i] <= c.morning_room and len(m.cases) < c.writeups
