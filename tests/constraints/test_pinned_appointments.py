"""Rule 10: an appointment the provider confirmed (``ja``) keeps its consultant, day and time,
and on a rerun an untouched appointment is never dropped (the promise of a rerun, README)."""

from dataclasses import replace
from datetime import date

import pytest

from herplan.constraints import HARD_RULES
from herplan.constraints.pinned_appointments import RULE
from herplan.domain.revisions import Rerun, Verdict
from herplan.findings import Code
from herplan.io.plan_json import plan_dict
from herplan.scheduler.planner import make_plan
from herplan.scheduler.verify import PlanRejected
from tests.checker import check_rerun
from tests.conftest import case, options, problem, solve, violations
from tests.constraints.verifier import at, verify

TUE, WED = date(2026, 12, 1), date(2026, 12, 2)


def test_a_confirmed_appointment_stays_even_where_moving_it_would_plan_more():
    # One consultant, two days, two locations: B can only come on Tuesday, the day A holds.
    p = problem([case("A"), case("B", "Zuid", unavailable_dates=frozenset({WED}))], period_end=WED)
    first = solve(replace(p, reassessments=p.reassessments[:1]), seconds=2)
    held = replace(first.appointments[0], day=TUE)
    rerun = Rerun((held,), 1, date(2026, 11, 30), (Verdict("A", True),))
    plan = make_plan(p, options(2), rerun=rerun)
    assert [(a.dossier, a.day, a.start) for a in plan.appointments] == [("A", TUE, held.start)]
    assert [u.dossier for u in plan.unscheduled] == ["B"]
    assert violations(plan) == []
    # Without the rule the solver moves A to plan B too, which the checker refuses.
    unpinned = tuple(r for r in HARD_RULES if r.name != "pinned_appointments")
    moved = make_plan(p, options(2), rules=unpinned, rerun=rerun)
    assert {a.dossier for a in moved.appointments} == {"A", "B"}
    answers, before = {"A": "ja"}, plan_dict(replace(first, appointments=(held,)))
    refused = check_rerun(p, before, plan_dict(moved), answers, date(2026, 11, 30))
    assert any("A: confirmed, moved" in f for f in refused)


def test_an_untouched_appointment_is_never_dropped_to_plan_two_others():
    # One consultant, one morning: A (kept, at Noord) or B and C (new, at Zuid).
    p = problem([case("A"), case("B", "Zuid"), case("C", "Zuid")], period_end=TUE)
    first = solve(replace(p, reassessments=p.reassessments[:1]), seconds=2)
    rerun = Rerun(first.appointments, 1, date(2026, 11, 30))
    plan = make_plan(p, options(2), rerun=rerun)
    assert [a.dossier for a in plan.appointments] == ["A"]
    assert sorted(u.dossier for u in plan.unscheduled) == ["B", "C"]
    assert violations(plan) == [] and plan.changes == ()
    # Without the rule the count wins: A is dropped for B and C, which the guard refuses.
    unpinned = tuple(r for r in HARD_RULES if r.name != "pinned_appointments")
    with pytest.raises(PlanRejected, match=r"dropped_without_cause .*dossier='A'"):
        make_plan(p, options(2), rules=unpinned, rerun=rerun)


def test_violations_flag_a_confirmed_appointment_that_did_not_stay():
    check = verify(RULE, problem([case("A")]))
    pinned = {"A": ("AH", TUE, 9 * 60)}
    assert check.given(at("A"), pinned=pinned).flags() == []
    assert Code.CONFIRMED_NOT_KEPT in check.given(at("A", start="10:00"), pinned=pinned).codes()
    assert Code.CONFIRMED_NOT_KEPT in check.given(pinned=pinned).codes()


def test_a_morning_with_confirmed_times_takes_only_what_fits_around_them(monkeypatch):
    # Noord on Tuesday: A 09:00 (answered nee), B 10:00 and C 11:00 (both ja). D, new, takes
    # an hour: 09:00-10:00 leaves no change-over before B, and after C the morning is over.
    p = problem([case("A"), case("B"), case("C"), case("D", duration_min=60)], period_end=WED)
    first = solve(replace(p, reassessments=p.reassessments[:3]), seconds=2)
    held = {a.dossier: a for a in first.appointments}
    on_tue = [
        replace(
            held[d],
            day=TUE,
            start=s,
            end=s + 45,
            writeup_start=w,
            writeup_end=w + 45,
            consultant="AH",
        )
        for d, s, w in (("A", 540, 780), ("B", 600, 840), ("C", 660, 900))
    ]
    verdicts = (Verdict("A", False), Verdict("B", True), Verdict("C", True))
    rerun = Rerun(tuple(on_tue), 1, date(2026, 11, 30), verdicts)
    plan = make_plan(p, options(2), rerun=rerun)  # the guard passes: it would raise
    now = {a.dossier: a for a in plan.appointments}
    assert (now["B"].start, now["C"].start) == (600, 660)
    assert now["D"].day == WED and now["A"].day == WED  # no room on Tuesday for D
    # Without the gaps the solver fills Tuesday by minutes alone, and B and C lose their times.
    from herplan.constraints import pinned_appointments

    monkeypatch.setattr(pinned_appointments, "around_fixed_times", lambda pm: None)
    without_a = replace(rerun, previous=tuple(on_tue[1:]), verdicts=verdicts[1:])
    with pytest.raises(PlanRejected, match=r"rule 10 .*confirmed_not_kept"):
        make_plan(replace(p, reassessments=p.reassessments[1:]), options(2), rerun=without_a)
