"""Objective 1's bound from the aggregated integer model, and the neighbourhood search.

The LP relaxation lets a location be visited a fraction of a morning; the
integer model (HiGHS, in a child process) does not, so where mornings are
scarce it proves a lower bound that a plan can reach.
"""

from __future__ import annotations

import random
from datetime import date

from herplan.calendar import iso_week
from herplan.constraints import HARD_RULES, SEARCH_HELPS, most_reassessments
from herplan.io.plan_json import plan_dict
from herplan.scheduler import solve as solve_module
from herplan.scheduler.bounds import planned_upper_bound
from herplan.scheduler.hints import hint_values
from herplan.scheduler.integer_bound import IntegerBound
from herplan.scheduler.model import build_model
from herplan.scheduler.neighbourhoods import Part, draw, fixed_outside
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import Phases, SolverOptions
from tests.checker import check_plan
from tests.conftest import candidates, case, consultant, options, problem


def two_places_one_morning():
    """One consultant, one morning, one interview at each of two locations."""
    return problem([case("N1"), case("Z1", "Zuid")], [consultant()], period_end=date(2026, 12, 1))


def wait_for(search: IntegerBound) -> int | None:
    return search.close(wait=30)


def test_the_integer_model_proves_what_the_lp_cannot():
    cands = candidates(two_places_one_morning())
    # The LP visits each location a quarter of the morning and plans both.
    assert planned_upper_bound(cands) == 2
    assert wait_for(IntegerBound(cands, seconds=20)) == 1


def test_the_integer_model_gives_a_begeleider_one_place_a_day():
    # Two clients of one begeleider at each of two places, one day: the LP may split
    # the day between the places only up to one morning's worth; the integer model
    # chooses one place.
    cases = [case(f"N{n}", begeleider="Team") for n in range(3)]
    cases += [case(f"Z{n}", "Zuid", begeleider="Team") for n in range(2)]
    p = problem(cases, [consultant("AH"), consultant("BB")], period_end=date(2026, 12, 1))
    cands = candidates(p)
    assert planned_upper_bound(cands) == 3
    assert wait_for(IntegerBound(cands, seconds=20)) == 3
    assert len(make_plan(p, options()).appointments) == 3


def test_the_integer_bound_is_never_below_what_a_plan_holds():
    # Three mornings a week, three interviews a morning at one place: the LP is exact.
    p = problem(
        [case(f"C{n}") for n in range(12)],
        [consultant(max_mornings_per_week=3)],
        period_end=date(2026, 12, 4),
    )
    cands = candidates(p)
    proven = wait_for(IntegerBound(cands, seconds=20))
    assert proven == planned_upper_bound(cands) == 9
    assert len(make_plan(p, options()).appointments) == 9


def test_a_stopped_search_proves_nothing_and_leaves_no_process():
    cands = candidates(two_places_one_morning())
    search = IntegerBound(cands, seconds=20)
    assert search.close() in (None, 1)  # killed at once, unless already done
    assert search.done
    child = search._child
    assert child._process is None or child._process.poll() is not None
    assert not child._path.exists()


def test_a_wall_clock_run_reports_the_integer_bound_and_no_gap():
    p = two_places_one_morning()
    plan = make_plan(p, SolverOptions(time_limit_s=6, seed=0))
    count = plan.phases[0]
    assert count.name == "most_reassessments"
    assert len(plan.appointments) == 1
    assert count.bound == 1.0 and count.gap == 0.0  # the LP alone said 2
    assert check_plan(p, plan_dict(plan)) == []


def test_a_reproducible_run_never_starts_the_search(monkeypatch):
    started = []
    monkeypatch.setattr(solve_module, "IntegerBound", lambda *a, **k: started.append(a))
    plan = make_plan(two_places_one_morning(), options())
    assert started == []  # a wall-clock proof would decide when a phase ends
    assert len(plan.appointments) == 1
    make_plan(two_places_one_morning(), SolverOptions(time_limit_s=2))
    assert len(started) == 1  # the same monkeypatch sees the wall-clock run start it


def weekly_problem():
    """Two weeks, one consultant, one morning a week, four cases at one location."""
    cases = [case(f"C{n}") for n in range(8)]
    return problem(cases, [consultant(max_mornings_per_week=1)], period_end=date(2026, 12, 11))


def test_a_week_part_fixes_every_decision_of_the_other_weeks():
    pm = build_model(candidates(weekly_problem()), HARD_RULES, SEARCH_HELPS)
    values = hint_values(pm, [])
    first = iso_week(date(2026, 12, 1))
    part = Part(lambda _loc, day: iso_week(day) == first, lambda day: iso_week(day) == first)
    fixed = {index for index, _ in fixed_outside(pm, part, values)}
    for (_i, _k, day), var in pm.x.items():
        assert (var.index in fixed) == (iso_week(day) != first)
    for (_cid, day), var in pm.work.items():
        assert (var.index in fixed) == (iso_week(day) != first)
    assert draw(pm, random.Random(0)) is not None


def test_the_neighbourhood_search_improves_an_empty_plan_part_by_part():
    pm = build_model(candidates(weekly_problem()), HARD_RULES, SEARCH_HELPS)
    run = Phases(pm, HARD_RULES, options(seconds=20))
    run.values = hint_values(pm, [])
    run.upper = planned_upper_bound(pm.cands)
    assert run.upper == 6  # three interviews in each week's one morning
    expr = most_reassessments.expression(pm)
    pm.model.maximize(expr)
    run.neighbourhood_search(expr, seconds=10)
    # Each step frees one week (or the one location): it fills what it frees.
    assert 3 <= run.planned() <= 6
    assert run.planned() == run.best_count


def test_the_lp_bounds_proven_beside_the_run_are_the_lps_own(monkeypatch):
    from herplan.constraints.most_reassessments import first_worth
    from herplan.scheduler import integer_bound

    cands = candidates(weekly_problem())
    worth = first_worth(cands)
    beside = integer_bound.LinearBounds(cands, worth)
    assert beside.count() == planned_upper_bound(cands) == 6
    assert beside.weighted() == planned_upper_bound(cands, worth)
    beside.close()
    # A child that cannot start: the same LP, solved here.
    monkeypatch.setattr(integer_bound, "WORKER", integer_bound.WORKER.with_name("missing.py"))
    here = integer_bound.LinearBounds(cands, worth)
    assert here.count() == 6 and here.weighted() == planned_upper_bound(cands, worth)
    assert here._child is not None and "missing.py" in here._child.failure
    here.close()


def test_a_wall_clock_phase_does_not_wait_long_for_the_weighted_bound(monkeypatch):
    """With ``patience`` the weighted LP bound is the child's when it answers in time,
    else every plannable reassessment's worth (weaker, still an upper bound)."""
    from herplan.scheduler.integer_bound import BoundChild, LinearBounds

    # One consultant, one morning: three of four 45-minute interviews fit.
    one_morning = [case(f"N{n}") for n in range(4)]
    cands = candidates(problem(one_morning, [consultant()], period_end=date(2026, 12, 1)))
    worth = most_reassessments.first_worth(cands)
    proven = LinearBounds(cands, worth, patience=5.0)
    exact = proven.weighted()
    proven.close()
    assert exact < sum(worth.values())  # the LP knows the morning holds three
    monkeypatch.setattr(BoundChild, "answer", lambda self, name, wait=0.0: None)
    monkeypatch.setattr(BoundChild, "done", property(lambda self: False))
    late = LinearBounds(cands, worth, patience=0.0)
    try:
        assert late.weighted() == sum(worth[i] for i in cands.plannable)
    finally:
        monkeypatch.undo()
        late.close()
