"""The capacity advice as plain data: the curve, what blocks the rest, per ISO week.

README, Capacity advice. ``advice_of`` turns a ``Curve`` into what a team lead
reads (``herplan.io.capacity_report`` renders it): planned now, each point
(k extra mornings, planned, the proven bound, which mornings), the
reassessments no extra morning plans with what would plan them, and per ISO
week the extra mornings the last point holds, what they plan there and what
stays blocked. A blocked reassessment counts in the week of the last day it
could be held: its last possible day, else the end of its indication or of
the period.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from herplan.calendar import iso_week, plan_needed_by
from herplan.domain.revisions import Rerun
from herplan.scheduler.capacity_curve import Blocked, Curve
from herplan.scheduler.capacity_model import AddedMorning
from herplan.scheduler.explain import latest_day_for_new_plan, reasons_for


@dataclass(frozen=True)
class AdvicePoint:
    """``extra`` mornings: ``planned`` in all (held ones included), at most ``bound``."""

    extra: int
    planned: int
    bound: int | None
    mornings: tuple[AddedMorning, ...]
    new: tuple[tuple[str, str, date], ...]  # (dossier, consultant, day) newly planned


@dataclass(frozen=True)
class BlockedCase:
    """A reassessment no extra morning plans, and what would."""

    dossier: str
    provider: str
    location: str
    cause: Blocked
    reasons: tuple[str, ...]
    needed_by: date | None  # a new support plan by this date (``ondersteuningsplan``)
    last_day: date  # the week it counts in


@dataclass(frozen=True)
class WeekShortage:
    week: tuple[int, int]
    monday: date
    mornings: int  # extra mornings of the last point in this week
    planned: int  # reassessments the last point plans newly in this week
    blocked: dict[Blocked, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ScenarioOutcome:
    """One variant of the input planned: planned, visits, the first points of its curve."""

    name: str
    planned: int = 0
    visits: int = 0
    points: tuple[tuple[int, int, int | None], ...] = ()  # (extra, planned, bound)
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Advice:
    today: date
    current: int
    visits: int
    points: tuple[AdvicePoint, ...]
    blocked: tuple[BlockedCase, ...]
    weeks: tuple[WeekShortage, ...]
    scenarios: tuple[ScenarioOutcome, ...] = ()


def advice_of(curve: Curve, rerun: Rerun) -> Advice:
    """What the team lead reads of ``curve`` (module doc)."""
    start, c = curve.start, curve.cases
    held = len(start.past) + len(start.kept)
    points = tuple(
        AdvicePoint(
            p.extra,
            held + p.solution.count,
            None if p.bound is None else held + p.bound,
            p.solution.extras,
            tuple((c.cases[i].dossier, cid, day) for i, cid, day in p.solution.new),
        )
        for p in curve.points
        if p.extra > 0 or p.solution.count > 0
    )
    visits = len({(a.consultant, a.day) for a in start.past} | set(curve.region.planned_visits))
    blocked = tuple(_blocked(curve, i, cause) for i, cause in sorted(curve.blocked.items()))
    last = points[-1] if points else None
    return Advice(rerun.today, held, visits, points, blocked, _weeks(curve, last, blocked))


def _blocked(curve: Curve, i: int, cause: Blocked) -> BlockedCase:
    c = curve.cases
    r, s = c.cases[i], c.settings
    needed = None
    if cause is Blocked.SUPPORT_PLAN:
        latest = latest_day_for_new_plan(c, i)
        needed = plan_needed_by(latest, s) if latest is not None else None
    days = c.candidate_days[i]
    end = min(r.indication_end, s.period_end) if r.indication_end >= s.period_start else None
    last = days[-1] if days else end or s.period_end
    return BlockedCase(
        r.dossier,
        r.provider,
        r.location,
        cause,
        reasons_for(c, i),
        needed,
        max(last, c.days[0] if c.days else last),
    )


def _weeks(
    curve: Curve, last: AdvicePoint | None, blocked: tuple[BlockedCase, ...]
) -> tuple[WeekShortage, ...]:
    """Per ISO week of the days left: the last point's extra mornings, the reassessments it
    plans newly in that week, and the blocked ones whose last day falls in it."""
    mornings: dict[tuple[int, int], int] = defaultdict(int)
    planned: dict[tuple[int, int], int] = defaultdict(int)
    stuck: dict[tuple[int, int], dict[Blocked, int]] = defaultdict(lambda: defaultdict(int))
    for m in last.mornings if last else ():
        mornings[iso_week(m.day)] += 1
    for _, _cid, day in last.new if last else ():
        planned[iso_week(day)] += 1
    for b in blocked:
        stuck[iso_week(b.last_day)][b.cause] += 1
    weeks = sorted({iso_week(d) for d in curve.cases.days} | set(stuck))
    return tuple(
        WeekShortage(
            w,
            date.fromisocalendar(w[0], w[1], 1),
            mornings.get(w, 0),
            planned.get(w, 0),
            dict(sorted(stuck.get(w, {}).items())),
        )
        for w in weeks
    )
