"""Objective 2 (stability) and the weekly cap on a rerun, on tiny instances."""

from dataclasses import replace
from datetime import date

from herplan.domain.revisions import Rerun
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import SolverOptions
from tests.conftest import case, consultant, location, problem, solve, violations

OPTIONS = SolverOptions(time_limit_s=2)


def test_a_kept_appointment_stays_where_a_fresh_plan_would_not_put_it():
    # The location prefers Tuesday 1 December; the previous plan had Thursday 3.
    p = problem([case("A")], locations=[location("Noord", preferred_weekdays=frozenset({1}))])
    fresh = solve(p, seconds=2)
    assert [a.day for a in fresh.appointments] == [date(2026, 12, 1)]
    before = replace(fresh.appointments[0], day=date(2026, 12, 3))
    rerun = make_plan(p, OPTIONS, rerun=Rerun((before,), 1, date(2026, 11, 30)))
    assert [(a.day, a.start, a.sequence) for a in rerun.appointments] == [
        (date(2026, 12, 3), before.start, 0)
    ]
    assert rerun.changes == () and violations(rerun) == []


def test_mornings_held_before_today_count_against_the_weekly_cap():
    # AH may work one morning a week; Tuesday 1 December is already held.
    p = problem(
        [case("A"), case("B", "Zuid")],
        consultants=[consultant("AH", max_mornings_per_week=1)],
        period_end=date(2026, 12, 4),  # one week
    )
    first = make_plan(replace(p, reassessments=p.reassessments[:1]), OPTIONS)
    held = replace(first.appointments[0], day=date(2026, 12, 1))
    rerun = make_plan(p, OPTIONS, rerun=Rerun((held,), 1, date(2026, 12, 2)))
    assert [a.dossier for a in rerun.appointments] == ["A"]
    assert rerun.appointments[0].pinned
    assert [u.dossier for u in rerun.unscheduled] == ["B"]
    # Without the held morning, B fits in the same week.
    only_b = replace(p, reassessments=p.reassessments[1:])
    free = make_plan(only_b, OPTIONS, rerun=Rerun((), 1, date(2026, 12, 2)))
    assert [a.dossier for a in free.appointments] == ["B"]
