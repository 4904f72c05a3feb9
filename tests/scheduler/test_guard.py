"""The guard before anything is written: a broken plan is never written.

Each test breaks one promise on purpose (a rule, a ``nee``, a confirmed
appointment, the count of the starting plan) and shows the guard names it;
through the CLI the folder stays as it was and the exit status is 1. A phase
that proved nothing is reported as such, never as a gap of 0 %.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date

import pytest
from click.testing import CliRunner

from herplan.app.cli import main
from herplan.app.summary import summary_text
from herplan.constraints import HARD_RULES
from herplan.domain.codes import PhaseStatus
from herplan.domain.revisions import Rerun, Verdict
from herplan.findings import Code, Finding, Subject, at
from herplan.io.plan_json import headline_gap, plan_dict
from herplan.scheduler import planner
from herplan.scheduler.candidates import find_candidates
from herplan.scheduler.rerun import split_past, starting_plan
from herplan.scheduler.solve import SolverOptions
from herplan.scheduler.solve_stats import SolveStats
from herplan.scheduler.verify import Broken, PlanRejected, violations
from tests.conftest import case, problem, solve

TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def two_days():
    p = problem([case("A"), case("B"), case("C", "Zuid")])
    return p, solve(p, seconds=2)


def test_a_plan_that_breaks_a_rule_is_rejected(two_days):
    _p, plan = two_days
    late = replace(plan.appointments[0], start=13 * 60, end=13 * 60 + 45)
    broken = replace(plan, appointments=(late, *plan.appointments[1:]))
    found = violations(broken, HARD_RULES)
    assert (
        Broken(1, "morning_interview", Finding.of(Code.INTERVIEW_OUTSIDE_MORNING, at(late)))
        in found
    )
    assert violations(plan, HARD_RULES) == []


def test_fewer_than_the_starting_plan_is_rejected(two_days):
    _p, plan = two_days
    assert violations(replace(plan, start_planned=len(plan.appointments)), HARD_RULES) == []
    n = len(plan.appointments)
    found = violations(replace(plan, start_planned=n + 1), HARD_RULES)
    assert found == [Finding.of(Code.FEWER_THAN_FIRST_PLAN, planned=n, first=n + 1)]


def _rerun_start(p, rerun):
    start, solvable, declined = split_past(p, rerun)
    cands = find_candidates(solvable, HARD_RULES, first_day=TODAY, declined=declined)
    return starting_plan(cands, rerun, start)


def test_a_nee_day_used_again_is_rejected(two_days):
    p, plan = two_days
    a = plan.appointments[0]
    rerun = Rerun(plan.appointments, 1, TODAY, (Verdict(a.dossier, False),))
    found = violations(plan, HARD_RULES, rerun, _rerun_start(p, rerun))
    assert Finding.of(Code.NEE_DAY_KEPT, Subject(dossier=a.dossier), day=a.day) in found


def test_a_zelfde_dag_answer_keeps_the_day_and_another_day_is_rejected(two_days):
    p, plan = two_days
    a = plan.appointments[0]
    rerun = Rerun(plan.appointments, 1, TODAY, (Verdict(a.dossier, False, same_day=True),))
    start = _rerun_start(p, rerun)
    assert start.released[a.dossier] == "same_day"
    assert violations(plan, HARD_RULES, rerun, start) == []  # the same day is fine
    other = next(d for d in (date(2026, 12, 2), date(2026, 12, 3)) if d != a.day)
    moved = replace(plan, appointments=(replace(a, day=other), *plan.appointments[1:]))
    found = violations(moved, HARD_RULES, rerun, start)
    kept_day = Finding.of(
        Code.SAME_DAY_MOVED, Subject(dossier=a.dossier), day=a.day, moved_to=other
    )
    assert kept_day in found
    again = planner.make_plan(p, SolverOptions(time_limit_s=2, reproducible=True), rerun=rerun)
    assert next(x for x in again.appointments if x.dossier == a.dossier).day == a.day
    nee = replace(rerun, verdicts=(Verdict(a.dossier, False),))
    after_nee = planner.make_plan(p, SolverOptions(time_limit_s=2, reproducible=True), rerun=nee)
    assert all(x.day != a.day for x in after_nee.appointments if x.dossier == a.dossier)


def test_a_confirmed_appointment_moved_is_rejected(two_days):
    p, plan = two_days
    a = plan.appointments[0]
    rerun = Rerun(plan.appointments, 1, TODAY, (Verdict(a.dossier, True),))
    start = _rerun_start(p, rerun)
    assert violations(plan, HARD_RULES, rerun, start) == []
    later = replace(a, start=a.start + 5, end=a.end + 5)
    moved = replace(plan, appointments=(later, *plan.appointments[1:]))
    found = violations(moved, HARD_RULES, rerun, start)
    kept = Finding.of(Code.CONFIRMED_NOT_KEPT, Subject(a.dossier, a.consultant, a.day))
    assert Broken(10, "pinned_appointments", kept) in found


def test_the_cli_writes_nothing_when_the_guard_fails(planned_example, tmp_path, monkeypatch):
    out, _ = planned_example
    folder = tmp_path / "planning"
    shutil.copytree(out, folder)
    before = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    def refuse(*_args, **_kwargs):
        late = Finding.of(Code.INTERVIEW_OUTSIDE_MORNING, Subject(dossier="D00001"))
        raise PlanRejected([Broken(1, "morning_interview", late)])

    monkeypatch.setattr(planner, "check", refuse)
    from tests.conftest import EXAMPLE

    result = CliRunner().invoke(
        main,
        ["plan", str(EXAMPLE), "--out", str(folder), "--time-limit", "2", "--today", "2026-11-30"],
    )
    assert result.exit_code == 1
    assert "rule 1 (morning_interview): D00001: interview outside the morning" in result.output
    after = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == before


def test_a_phase_that_proved_nothing_has_no_gap(two_days):
    _p, plan = two_days
    unknown = SolveStats(
        "most_reassessments", PhaseStatus.UNKNOWN, 0, None, 0.1, headline=True, unit="reassessments"
    )
    plan = replace(plan, phases=(unknown, *plan.phases[1:]))
    assert headline_gap(plan.phases) is None
    assert plan_dict(plan)["stats"]["gap"] is None
    text = summary_text(plan, 1.0, verbose=True)
    assert "niet vastgesteld" in text
    line = next(t for t in text.splitlines() if "most_reassessments" in t)
    assert "UNKNOWN" in line and "%" not in line
    assert json.dumps(plan_dict(plan))  # still serialisable


def test_the_page_shows_a_rejected_plan_in_its_own_language(monkeypatch, capsys):
    import argparse
    import io

    from herplan.app import run
    from herplan.app.web import worker
    from herplan.app.web.planning_sections import failure_rows
    from herplan.io.finding_words import render
    from tests.io.test_finding_words import ENGLISH

    a = Subject("D00001", "AB05", date(2026, 12, 2), 9 * 60)
    late = Broken(1, "morning_interview", Finding.of(Code.INTERVIEW_OUTSIDE_MORNING, a))
    promises = [
        Finding.of(Code.NEE_DAY_KEPT, Subject(dossier=f"D{n:05}"), day=date(2026, 12, 2))
        for n in range(2, 30)
    ]
    rejected = PlanRejected([late, Finding.of(Code.DROPPED_WITHOUT_CAUSE, a), *promises])

    def refuse(*_args, **_kwargs):
        raise rejected

    monkeypatch.setattr(run, "plan_input", refuse)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # the page sends no "stop"
    options = dict(input="in.xlsx", out="out", time_limit=1, reproducible=True, today=None)
    lists = dict.fromkeys(("feedback", "choose", "hand", "hand_reason"), ())
    worker.plan(argparse.Namespace(**options, **lists, answers=None, base_url=None))
    sent = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert sent["done"] and [Finding.from_dict(f) for f in sent["errors"]] == rejected.findings
    assert len(sent["errors"]) == 21 and sent["errors"][-1]["values"] == {"more": 10}
    dutch = [r["what"] for r in failure_rows(sent["errors"], "nl")]
    assert [w for w in dutch[1:] if ENGLISH.search(w.partition(": ")[2])] == []
    assert dutch[1:3] == [
        "D00001 (AB05, 2026-12-02 09:00): het gesprek valt buiten de ochtend",
        "D00001 (AB05, 2026-12-02 09:00): uit de planning gehaald zonder oorzaak",
    ]
    assert dutch[-1] == "en nog 10 andere"
    english = "; ".join(r["what"] for r in failure_rows(sent["errors"], "en")[1:])
    assert english == rejected.said(render).replace("rule 1 (morning_interview): ", "")
