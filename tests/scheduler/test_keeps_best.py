"""Never worse than what the run saw (issue: an engine for every region, point 4).

Objective 1 comes first: a later phase that passes a plan holding more keeps it
and raises the count's floor; a last repair places every reassessment that still
fits where room is left; the written plan holds at least every count the run
reported on its way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.instances import instance_seed, shape, write
from herplan.constraints import HARD_RULES, OBJECTIVES, SEARCH_HELPS
from herplan.domain.codes import PhaseStatus, Reason
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.scheduler.candidates import find_candidates
from herplan.scheduler.greedy import hand_plan
from herplan.scheduler.hints import hint_values
from herplan.scheduler.improve import improve
from herplan.scheduler.model import build_model
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import Phases, SolverOptions, _MoreCounted
from herplan.scheduler.solve_stats import SolveStats
from tests.checker import check_plan

REGION = "XL-pools/10"


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("region") / "pools.xlsx"
    return write(path, shape(REGION), instance_seed(REGION))


@pytest.fixture(scope="module")
def run(region):
    """A day model with the improved hand plan as its incumbent, objective 1 decided."""
    problem, _ = read_problem(region)
    cands = find_candidates(problem, HARD_RULES)
    pm = build_model(cands, HARD_RULES, SEARCH_HELPS)
    phases = Phases(pm, HARD_RULES, SolverOptions(reproducible=True), "most_reassessments")
    phases.values = hint_values(pm, improve(hand_plan(cands)).chosen())
    pm.min_planned = phases.planned()
    return phases


class _Seen:
    """A solution callback's view of one solution (``response_proto.solution``)."""

    def __init__(self, solution: list[int]) -> None:
        self.response_proto = type("Response", (), {"solution": solution})()


def test_a_later_phase_keeps_the_plan_seen_that_holds_most(run):
    more = _MoreCounted(run.pm, floor=run.planned())
    plan = [run.values.get(i, 0) for i in range(len(run.pm.model.proto.variables))]
    scheduled = [v.index for v in run.pm.scheduled.values()]
    fewer, richer = list(plan), list(plan)
    unplanned = [i for i in scheduled if not plan[i]]
    planned = [i for i in scheduled if plan[i]]
    fewer[planned[0]] = 0
    richer[unplanned[0]] = 1
    more(_Seen(fewer))
    assert more.solution is None  # below the floor: nothing kept
    more(_Seen(richer))
    more(_Seen(plan))  # a later, better plan for the phase's own objective
    assert more.count == run.planned() + 1 and more.solution == richer


def test_a_plan_in_hand_that_holds_more_raises_the_floor_and_the_reported_count(run):
    before = run.planned()
    run.stats = [SolveStats("most_reassessments", PhaseStatus.FEASIBLE, float(before), None, 0.0)]
    unplanned = next(v for v in run.pm.scheduled.values() if not run.values[v.index])
    constraints = len(run.pm.model.proto.constraints)
    run.values[unplanned.index] = 1  # as if a later phase's plan held one more
    run.raise_count()
    assert run.pm.min_planned == before + 1
    assert run.stats[0].objective == before + 1
    assert len(run.pm.model.proto.constraints) == constraints + 1  # later phases hold it
    run.values[unplanned.index] = 0
    run.pm.min_planned = before


def test_the_last_repair_places_what_fits_where_room_is_left(run):
    chosen = run.chosen_with_consultants()
    dropped = chosen[::7]  # taken out: each still fits where it was
    kept = [c for c in chosen if c not in dropped]
    repaired = run.last_repair(kept)
    assert len(repaired) >= len(chosen)
    assert {i for i, _, _ in kept} <= {i for i, _, _ in repaired}


def test_the_written_plan_holds_every_count_the_run_reported(region):
    """A short reproducible run on a pool-shaped region: never fewer than it showed, and
    nothing left ``niet_ingepast`` that the plan could still take."""
    problem, _ = read_problem(region)
    seen: list[int] = []

    def progress(p) -> None:
        if p.planned is not None:
            seen.append(p.planned)

    options = SolverOptions(time_limit_s=4, reproducible=True, progress=progress)
    plan = make_plan(problem, options, objectives=OBJECTIVES)
    assert seen and len(plan.appointments) >= max(seen)
    assert check_plan(problem, plan_dict(plan)) == []
    counted = next(p for p in plan.phases if p.unit == "reassessments")
    assert counted.objective == len(plan.appointments)
    assert [u.dossier for u in plan.unscheduled if Reason.NOT_FITTED in u.reasons] == []


def test_a_model_too_large_for_its_memory_is_searched_one_part_at_a_time(region, monkeypatch):
    """Every day-model phase then runs as neighbourhood steps (never the whole model):
    the plan holds every rule, at least the first plan's count, and no phase is
    reported proven unless it reached its bound."""
    import herplan.scheduler.solve as solve

    problem, _ = read_problem(region)
    whole = make_plan(problem, SolverOptions(time_limit_s=4, reproducible=True))
    monkeypatch.setattr(solve, "WORKER_MIB_PER_VARIABLE", 1e6)
    parts = make_plan(problem, SolverOptions(time_limit_s=4, reproducible=True))
    assert check_plan(problem, plan_dict(parts)) == []
    assert len(parts.appointments) >= parts.start_planned
    counted = next(p for p in parts.phases if p.unit == "reassessments")
    assert counted.status in (PhaseStatus.FEASIBLE, PhaseStatus.OPTIMAL)
    assert counted.objective == len(parts.appointments)
    assert parts.appointments != whole.appointments  # another search than the whole model's
