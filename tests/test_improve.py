"""Local search: never fewer reassessments, never more visits, and it helps."""

from __future__ import annotations

import pytest

from benchmarks.greedy import plan_by_hand
from benchmarks.instances import Shape, write
from herplan.constraints import HARD_RULES
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.scheduler.greedy import greedy_plan
from herplan.scheduler.improve import improve
from herplan.scheduler.model import build_variables
from tests.checker import check_plan


def _counts(pm, chosen):
    visits = {(cid, day, pm.reassessments[i].location_key) for i, cid, day in chosen}
    return len({i for i, _, _ in chosen}), len(visits)


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_local_search_only_improves(tmp_path, seed):
    shape = Shape(reassessments=120, consultants=5, locations=16)
    problem, _ = read_problem(write(tmp_path / "in.xlsx", shape, seed=seed))
    pm = build_variables(problem, HARD_RULES)
    start = greedy_plan(pm)
    better = improve(pm, start)
    (planned_before, visits_before), (planned_after, visits_after) = (
        _counts(pm, start),
        _counts(pm, better),
    )
    assert planned_after >= planned_before
    assert visits_after <= visits_before
    assert len(better) == planned_after  # nobody planned twice
    assert set(better) <= set(pm.x)  # only candidate days and consultants
    assert improve(pm, better) == better  # a fixed point: deterministic, idempotent


def test_local_search_closes_scattered_visits(tmp_path):
    problem, _ = read_problem(write(tmp_path / "in.xlsx", Shape(300, 10, 40), seed=0))
    pm = build_variables(problem, HARD_RULES)
    start = greedy_plan(pm)
    assert _counts(pm, improve(pm, start))[1] < _counts(pm, start)[1]


def test_hand_planning_baseline_passes_the_checker(tmp_path):
    problem, _ = read_problem(write(tmp_path / "in.xlsx", Shape(60, 4, 10), seed=21))
    plan = plan_by_hand(problem)
    assert plan.appointments and plan.phases == ()
    assert check_plan(problem, plan_dict(plan)) == []


def test_local_search_makes_room_for_a_case_with_one_possible_day():
    """A full morning gives up an interview to a new morning so a case with one
    possible day is planned; without the move it would stay unplanned."""
    from datetime import date

    from tests.conftest import case, problem

    only_first = case("ONE", indication_end=date(2026, 12, 1))  # rule 7: 1 December only
    flexible = [case(f"F{n}") for n in range(3)]
    pm = build_variables(problem([only_first, *flexible]), HARD_RULES)
    full_morning = [(i, "AH", date(2026, 12, 1)) for i in (1, 2, 3)]  # 3 x 45 min: full
    better = improve(pm, full_morning)
    assert (0, "AH", date(2026, 12, 1)) in better
    assert _counts(pm, better) == (4, 2)
    assert _counts(pm, improve(pm, full_morning, close_visits=False)) == (3, 1)  # reruns: no move
