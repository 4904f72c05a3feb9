"""More time never yields fewer planned (issue: an engine for every region, point 4).

The same pool-shaped and team-shaped regions, planned reproducibly with four
times the time: the longer run plans at least as many, and every plan is checked.
"""

from __future__ import annotations

import pytest

from benchmarks.instances import instance_seed, shape, write
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import SolverOptions
from tests.checker import check_plan


@pytest.mark.slow
@pytest.mark.parametrize("region", ["XL-pools/5", "XL-teams/5"])
def test_four_times_the_time_plans_at_least_as_many(tmp_path, region):
    problem, _ = read_problem(write(tmp_path / "region.xlsx", shape(region), instance_seed(region)))
    planned = []
    for seconds in (8, 32):
        plan = make_plan(problem, SolverOptions(time_limit_s=seconds, reproducible=True))
        assert check_plan(problem, plan_dict(plan)) == []
        planned.append(len(plan.appointments))
    assert planned[1] >= planned[0]
