"""Property-based: any mix of answers (``nee``, ``zelfde dag``, ``ja``), withdrawals
and absences keeps the rerun promises.

Hypothesis draws the answers and changes on the planned bundled example; the
rerun must pass the guard (it raises otherwise), and the independent checker
re-verifies every hard rule and every rerun promise on the written plan.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from herplan.domain.plan import Plan
from herplan.domain.problem import Absence, Problem
from herplan.domain.revisions import Rerun, Verdict
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import SolverOptions
from tests.checker import check_plan, check_rerun
from tests.conftest import EXAMPLE

TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def planned() -> tuple[Problem, Plan]:
    problem, _ = read_problem(EXAMPLE)
    return problem, make_plan(problem, SolverOptions(time_limit_s=6, reproducible=True))


@st.composite
def changes(draw, plan: Plan):
    dossiers = sorted(a.dossier for a in plan.appointments)
    picked = draw(st.lists(st.sampled_from(dossiers), max_size=9, unique=True))
    cut = sorted(draw(st.lists(st.integers(0, len(picked)), min_size=3, max_size=3)))
    nee, same, ja = picked[: cut[0]], picked[cut[0] : cut[1]], picked[cut[1] : cut[2]]
    withdrawn = picked[cut[2] :]
    mornings = sorted({(a.consultant, a.day) for a in plan.appointments})
    away = draw(st.lists(st.sampled_from(mornings), max_size=2, unique=True))
    answers = {d: "nee" for d in nee} | {d: "zelfde_dag" for d in same} | {d: "ja" for d in ja}
    return answers, withdrawn, away


SLOW_OK = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=SLOW_OK)
@given(data=st.data())
def test_any_answers_keep_the_rerun_promises(planned, data):
    problem, first = planned
    answers, withdrawn, away = data.draw(changes(first))
    changed = replace(
        problem,
        reassessments=tuple(
            replace(r, withdrawn=r.withdrawn or r.dossier in withdrawn)
            for r in problem.reassessments
        ),
        absences=problem.absences + tuple(Absence(cid, day, day) for cid, day in away),
    )
    verdicts = tuple(
        Verdict(d, answer == "ja", "past niet", same_day=answer == "zelfde_dag")
        for d, answer in answers.items()
    )
    rerun = Rerun(
        first.appointments, first.revision, TODAY, verdicts, wave=first.wave, uids=dict(first.uids)
    )
    second = make_plan(changed, SolverOptions(time_limit_s=2, reproducible=True), rerun=rerun)
    after = plan_dict(second)
    assert check_plan(changed, after) == []
    assert check_rerun(changed, plan_dict(first), after, answers, TODAY) == []
