"""The bounds herplan proves its plans against (objective 1's LP, objective 3's fewest visits)."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.bounds import upper_bounds, visits_lower_bound
from benchmarks.instances import Shape, write
from herplan.capacity_model import fewest_mornings, morning_limits, most_per_morning
from herplan.constraints import HARD_RULES
from herplan.io.input_reader import read_problem
from herplan.scheduler.bounds import fewest_visits, flow_upper_bound, planned_upper_bound
from herplan.scheduler.candidates import morning_capacity
from tests.conftest import candidates, case, consultant, location, problem, settings, solve, without


def test_whole_interviews_of_each_length_bound_the_mornings():
    # A 210-minute morning, 15 minutes change-over, 5 write-ups an afternoon (rules 1-3).
    s = morning_capacity(HARD_RULES, settings())
    durations = [45] * 23 + [30] * 2
    # Four fit only with a 30-minute interview among them: two such mornings, then 3 each.
    assert most_per_morning(durations, s) == 4
    assert (3, 57) in morning_limits(durations, s)
    assert fewest_mornings(durations, s) == 8  # not ceil(25 / 4) = 7
    assert fewest_mornings([30] * 5, s) == 1


def test_lp_bound_binds_on_the_weekly_cap_and_is_reached():
    # One consultant, one morning a week, three 45-minute interviews a morning.
    p = problem([case(f"C{n}") for n in range(5)], [consultant(max_mornings_per_week=1)])
    assert planned_upper_bound(candidates(p)) == 3
    plan = solve(p)
    assert len(plan.appointments) == 3
    first = plan.phases[0]
    assert first.name == "most_reassessments"
    assert first.status == "OPTIMAL" and first.objective == first.bound == 3
    # Without rule 4 the cap is gone from the bound too: it never cuts off a plan.
    assert planned_upper_bound(candidates(p, without("consultant_availability"))) == 5


def test_lp_bound_is_tighter_than_the_flow_where_short_interviews_are_few():
    # Two mornings. Five 30-minute interviews fill one; the flow then assumes five in
    # every morning (10), the LP counts minutes and whole long interviews: 5 + 3.
    cases = [case(f"L{n}") for n in range(6)] + [case(f"S{n}", duration_min=30) for n in range(5)]
    p = problem(cases, [consultant(max_mornings_per_week=2)])
    cands = candidates(p)
    assert flow_upper_bound(cands) == 10
    assert planned_upper_bound(cands) == 8
    assert len(solve(p).appointments) == 8


def test_lp_bound_counts_mornings_held_before_a_rerun():
    p = problem([case(f"C{n}") for n in range(5)], [consultant(max_mornings_per_week=2)])
    held = [("AH", date(2026, 12, 1))]
    assert planned_upper_bound(candidates(p, first_day=date(2026, 12, 2), held=held)) == 3


def test_lp_bound_follows_the_rooms():
    cases = [case(f"C{n}") for n in range(6)]
    two = [consultant("AH"), consultant("BB")]
    one_day = {"period_end": date(2026, 12, 1)}
    assert planned_upper_bound(candidates(problem(cases, two, **one_day))) == 3
    roomy = problem(cases, two, [location(rooms=2)], **one_day)
    assert planned_upper_bound(candidates(roomy)) == 6


def one_team_two_places():
    """One day, two consultants; a team has two clients at North and two at South."""
    cases = [case(f"N{n}", begeleider="Team Noord-Zuid") for n in range(2)]
    cases += [case(f"Z{n}", "Zuid", begeleider="Team Noord-Zuid") for n in range(2)]
    return problem(cases, [consultant("AH"), consultant("BB")], period_end=date(2026, 12, 1))


def test_lp_bound_gives_a_begeleider_one_morning_a_day():
    # Two consultants could hold all four, but rule 8 puts the team's day at one place.
    p = one_team_two_places()
    assert planned_upper_bound(candidates(p)) == 2
    assert len(solve(p).appointments) == 2
    # Without rule 8 the bound does not count it: it never cuts off a plan.
    assert planned_upper_bound(candidates(p, without("support_worker"))) == 4
    assert len(solve(p, rules=without("support_worker")).appointments) == 4


def test_lp_bound_gives_a_begeleider_no_more_than_a_morning_holds():
    # Six clients of one begeleider at one place, two consultants: a morning holds three.
    cases = [case(f"C{n}", begeleider="J. Jansen") for n in range(6)]
    p = problem(
        cases,
        [consultant("AH"), consultant("BB")],
        [location(rooms=2)],
        period_end=date(2026, 12, 1),
    )
    assert planned_upper_bound(candidates(p)) == 3
    assert planned_upper_bound(candidates(p, without("support_worker"))) == 6


def test_fewest_visits_chooses_the_cheapest_locations():
    # North holds 3 cases (one morning), South 1: two planned need one visit, four need two.
    cases = [case(f"N{n}") for n in range(3)] + [case("S1", "Zuid")]
    cands = candidates(problem(cases))
    assert [fewest_visits(cands, n) for n in (0, 1, 3, 4)] == [0, 1, 1, 2]


@pytest.mark.parametrize("seed", [3, 4])
def test_bounds_hold_on_generated_instances(tmp_path, seed):
    p, _ = read_problem(write(tmp_path / "in.xlsx", Shape(60, 4, 10), seed=seed))
    plan = solve(p)
    planned = len(plan.appointments)
    lp, flow = upper_bounds(p)
    assert planned <= lp <= flow
    assert visits_lower_bound(plan) <= plan.visits
    count = next(ph for ph in plan.phases if ph.name == "most_reassessments")
    assert count.objective == planned and count.bound is not None and count.bound >= planned
    clustering = next(ph for ph in plan.phases if ph.name == "clustering")
    assert clustering.objective == plan.visits
    assert clustering.bound is not None and clustering.bound <= plan.visits
