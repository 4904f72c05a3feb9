"""A best known plan that the engine did not make itself (benchmarks/best_known.py).

The long run from the hand planner's plan on CP-SAT's own portfolio gives a plan
that every hard rule holds by the independent checker, at least the hand plan's
count and at most the bound it proved; the recorded best knowns say so too.
"""

from __future__ import annotations

from benchmarks.best_known import long_run
from benchmarks.family import best_known
from benchmarks.instances import FAMILY, instance_seed, shape, write
from herplan.constraints import HARD_RULES
from herplan.io.input_reader import read_problem
from herplan.scheduler.candidates import find_candidates
from herplan.scheduler.greedy import hand_plan


def test_the_long_run_from_the_hand_plan_is_checked_and_holds_at_least_the_hand_plan(tmp_path):
    region = "XL-teams/10"
    workbook = write(tmp_path / "region.xlsx", shape(region), instance_seed(region))
    plan, bound, findings = long_run(workbook, seconds=3)
    problem, _ = read_problem(workbook)
    hand = hand_plan(find_candidates(problem, HARD_RULES)).count()
    assert findings == []
    assert hand <= len(plan.appointments) <= bound


def test_every_recorded_best_known_is_checked_and_within_its_bound():
    known = best_known()
    assert set(known) == set(FAMILY)
    for region, entry in known.items():
        assert entry["checker_findings"] == [], region
        assert 0 < entry["planned"] <= entry["bound"], region
        assert entry["seconds"] > 0 and entry["method"], region
