"""The bounds herplan proves its plans against (objective 1's flow, clustering's cuts)."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.bounds import visits_lower_bound
from benchmarks.instances import Shape, write
from herplan.constraints import HARD_RULES
from herplan.constraints.clustering import fewest_mornings, morning_limits, most_per_morning
from herplan.io.input_reader import read_problem
from herplan.scheduler.bounds import planned_upper_bound
from herplan.scheduler.model import build_variables
from tests.conftest import case, consultant, problem, settings, solve, without


def test_whole_interviews_of_each_length_bound_the_mornings():
    s = settings()  # a 210-minute morning, 15 minutes change-over
    durations = [45] * 23 + [30] * 2
    # Four fit only with a 30-minute interview among them: two such mornings, then 3 each.
    assert most_per_morning(durations, s) == 4
    assert (3, 57) in morning_limits(durations, s)
    assert fewest_mornings(durations, s) == 8  # not ceil(25 / 4) = 7
    assert fewest_mornings([30] * 5, s) == 1


def test_flow_bound_binds_on_the_weekly_cap():
    # One consultant, one morning a week, three 45-minute interviews a morning.
    p = problem([case(f"C{n}") for n in range(5)], [consultant(max_mornings_per_week=1)])
    pm = build_variables(p, HARD_RULES)
    assert planned_upper_bound(pm) == 3
    plan = solve(p)
    assert len(plan.appointments) == 3
    first = plan.phases[0]
    assert first.status == "OPTIMAL" and first.objective == first.bound
    # Without rule 4 the cap is gone from the bound too: it never cuts off a plan.
    assert planned_upper_bound(build_variables(p, without("consultant_availability"))) == 5


def test_flow_bound_counts_mornings_held_before_a_rerun():
    p = problem([case(f"C{n}") for n in range(5)], [consultant(max_mornings_per_week=2)])
    held = [("AH", date(2026, 12, 1))]
    pm = build_variables(p, HARD_RULES, first_day=date(2026, 12, 2), held=held)
    assert planned_upper_bound(pm) == 3


@pytest.mark.parametrize("seed", [3, 4])
def test_bounds_hold_on_generated_instances(tmp_path, seed):
    p, _ = read_problem(write(tmp_path / "in.xlsx", Shape(60, 4, 10), seed=seed))
    plan = solve(p)
    planned = len(plan.appointments)
    assert planned <= planned_upper_bound(build_variables(p, HARD_RULES))
    assert visits_lower_bound(plan) <= plan.visits
    count = next(ph for ph in plan.phases if ph.name == "most_reassessments")
    assert count.bound >= count.objective
    clustering = next(ph for ph in plan.phases if ph.name == "clustering")
    assert clustering.bound <= clustering.objective
