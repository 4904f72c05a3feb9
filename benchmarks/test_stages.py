"""pytest-benchmark suites for each stage on sizes S and M (never part of the test run).

    python -m pytest benchmarks -p no:cacheprovider --benchmark-only

Reading the workbook, building the model, solving (``--reproducible`` with a
5 s budget, so the numbers compare between runs) and exporting the planning folder's files.
"""

from __future__ import annotations

import pytest

from benchmarks.instances import shape, write
from herplan.constraints import HARD_RULES, SEARCH_HELPS
from herplan.io.input_reader import read_problem
from herplan.io.planning_folder import planning_files
from herplan.scheduler.candidates import find_candidates
from herplan.scheduler.model import build_model
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import SolverOptions

SIZES = ("S", "M")


@pytest.fixture(scope="module", params=SIZES)
def instance(request, tmp_path_factory):
    path = write(tmp_path_factory.mktemp(request.param) / "in.xlsx", shape(request.param), seed=0)
    problem, _ = read_problem(path)
    return request.param, path, problem


def test_read(benchmark, instance):
    _, path, problem = instance
    result, _ = benchmark(read_problem, path)
    assert len(result.reassessments) == len(problem.reassessments)


def test_build(benchmark, instance):
    _, _, problem = instance
    pm = benchmark(
        lambda: build_model(find_candidates(problem, HARD_RULES), HARD_RULES, SEARCH_HELPS)
    )
    assert pm.x


def test_solve(benchmark, instance):
    _, _, problem = instance
    plan = benchmark.pedantic(
        make_plan,
        args=(problem, SolverOptions(time_limit_s=5, reproducible=True)),
        rounds=2,
        iterations=1,
    )
    assert plan.appointments


def test_export(benchmark, instance):
    _, _, problem = instance
    plan = make_plan(problem, SolverOptions(time_limit_s=2, reproducible=True))
    files = benchmark(planning_files, plan)
    assert "plan.json" in files
