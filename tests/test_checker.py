"""The independent checker: it finds broken plans, and passes the planner's plans.

Generated instances (``benchmarks.instances``, several seeds) are planned by the
full engine and by the greedy plan with local search alone, and every plan is
re-verified against every hard rule; hand-broken copies of a valid plan must
each be caught.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

import pytest

from benchmarks.instances import Shape, write
from herplan.domain.problem import Absence
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import SolverOptions
from tests.checker import check_plan, check_rerun

SMALL = Shape(reassessments=45, consultants=3, locations=8)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A generated problem and its plan, shared by the mutation tests."""
    path = write(tmp_path_factory.mktemp("gen") / "small.xlsx", SMALL, seed=7)
    problem, _ = read_problem(path)
    return problem, plan_dict(make_plan(problem, SolverOptions(time_limit_s=4)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_planner_plans_pass_the_checker(tmp_path, seed):
    problem, _ = read_problem(write(tmp_path / "in.xlsx", SMALL, seed=seed))
    plan = make_plan(problem, SolverOptions(time_limit_s=4, seed=seed))
    assert plan.appointments
    assert check_plan(problem, plan_dict(plan)) == []


@pytest.mark.parametrize("seed", [4, 5])
def test_greedy_with_local_search_passes_the_checker(tmp_path, seed):
    # No objectives: the plan is the solver's starting point, unchanged.
    problem, _ = read_problem(write(tmp_path / "in.xlsx", SMALL, seed=seed))
    plan = make_plan(problem, objectives=())
    assert plan.appointments
    assert check_plan(problem, plan_dict(plan)) == []


def test_valid_plan_has_no_violations(small):
    problem, plan = small
    assert check_plan(problem, plan) == []


def _broken(plan: dict, change) -> dict:
    bad = copy.deepcopy(plan)
    change(bad)
    return bad


def _first(plan):
    return plan["appointments"][0]


def _same_morning_pair(plan):
    seen = {}
    for a in plan["appointments"]:
        key = (a["consultant"], a["date"])
        if key in seen:
            return seen[key], a
        seen[key] = a
    raise AssertionError("no consultant-morning with two interviews")


def _set(**fields):
    return lambda plan: _first(plan).update(fields)


def _double(plan):
    plan["appointments"].append(dict(_first(plan)))


def _overlap(plan):
    first, second = _same_morning_pair(plan)
    second.update(start=first["start"], end=first["end"])


def _drop_unscheduled(plan):
    plan["unscheduled"] = plan["unscheduled"][1:]


def _false_reason(plan):
    for u in plan["unscheduled"]:
        if u["reasons"] == ["ondersteuningsplan_verlopen"]:
            u["reasons"] = ["locatie_gesloten"]
            return
    raise AssertionError("no stale support plan to mislabel")


def _capacity_without_a_day(plan):
    for u in plan["unscheduled"]:
        if u["reasons"] == ["ondersteuningsplan_verlopen"]:
            u["reasons"] = ["capaciteit"]
            return
    raise AssertionError("no stale support plan to mislabel")


def _capacity_while_room_was_left(plan):
    # Unplan an interview and call its morning full: the room it left says otherwise.
    a = plan["appointments"].pop()
    plan["unscheduled"].append(
        {
            "dossier": a["dossier"],
            "reasons": ["capaciteit"],
            "explanation": "Alle ochtenden zijn vol.",
        }
    )


BREAKS = {
    "weekend": _set(date="2026-12-05"),
    "christmas": _set(date="2026-12-25"),
    "afternoon interview": _set(start="13:00", end="13:45"),
    "short interview": _set(end="09:10"),
    "write-up at night": _set(writeup_start="18:00", writeup_end="18:45"),
    "unknown consultant": _set(consultant="ZZ99"),
    "wrong client": _set(client="X.Y."),
    "planned twice": _double,
    "overlapping interviews": _overlap,
    "unlisted case": _drop_unscheduled,
    "false reason": _false_reason,
    "capacity while no day was possible": _capacity_without_a_day,
    "capacity while room was left": _capacity_while_room_was_left,
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_checker_catches_a_broken_plan(small, name):
    problem, plan = small
    assert check_plan(problem, _broken(plan, BREAKS[name])) != []


def test_checker_catches_a_stale_support_plan(small):
    problem, plan = small
    stale = next(r for r in problem.reassessments if r.support_plan_date is None)

    def plan_it(bad):
        appointment = dict(_first(bad), dossier=stale.dossier, client=stale.client)
        appointment.update(provider=stale.provider, location=stale.location)
        bad["appointments"] = [appointment]
        bad["unscheduled"] = []

    assert any("support plan" in v for v in check_plan(problem, _broken(plan, plan_it)))


def test_checker_catches_an_absent_consultant(small):
    problem, plan = small
    a = _first(plan)
    absent = date.fromisoformat(a["date"])
    with_absence = replace(
        problem, absences=(*problem.absences, Absence(a["consultant"], absent, absent))
    )
    assert any("absent" in v for v in check_plan(with_absence, plan))


# --- the rerun promises ----------------------------------------------------------------

TODAY = date(2026, 11, 30)


def _unchanged_rerun(plan: dict) -> dict:
    after = copy.deepcopy(plan)
    after["changes"] = []
    return after


def _moved_silently(after: dict, _answers: dict) -> None:
    _first(after).update(date="2026-12-18")


def _moved_without_cause(after: dict, _answers: dict) -> None:
    a = _first(after)
    a.update(date="2026-12-18", sequence=a["sequence"] + 1)
    after["changes"].append(
        {"dossier": a["dossier"], "kind": "verplaatst", "cause": "nee", "conflict": False}
    )


def _nee_same_day(after: dict, answers: dict) -> None:
    a = _first(after)
    answers[a["dossier"]] = "nee"
    after["changes"].append(
        {"dossier": a["dossier"], "kind": "verplaatst", "cause": "nee", "conflict": False}
    )


def _ja_unlisted(_after: dict, answers: dict) -> None:
    answers[_first(_after)["dossier"]] = "ja"


def _dropped(after: dict, _answers: dict) -> None:
    after["appointments"] = after["appointments"][1:]


def _sequence_raised_in_place(after: dict, _answers: dict) -> None:
    _first(after)["sequence"] += 1


RERUN_BREAKS = {
    "moved without a line": _moved_silently,
    "moved with a cause that did not happen": _moved_without_cause,
    "nee day used again": _nee_same_day,
    "ja not confirmed": _ja_unlisted,
    "dropped without a line": _dropped,
    "sequence raised on a kept appointment": _sequence_raised_in_place,
}


def test_an_unchanged_rerun_keeps_every_promise(small):
    problem, plan = small
    assert check_rerun(problem, plan, _unchanged_rerun(plan), {}, TODAY) == []


@pytest.mark.parametrize("name", sorted(RERUN_BREAKS))
def test_checker_catches_a_broken_rerun_promise(small, name):
    problem, plan = small
    after, answers = _unchanged_rerun(plan), {}
    RERUN_BREAKS[name](after, answers)
    assert check_rerun(problem, plan, after, answers, TODAY) != []
