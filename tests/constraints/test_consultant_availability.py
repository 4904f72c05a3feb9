"""Rule 4: working weekdays, absences, public holidays, weekly cap."""

from datetime import date

from herplan.constraints.consultant_availability import RULE
from herplan.domain.problem import Absence
from herplan.findings import Code, Finding, Subject
from tests.conftest import case, consultant, problem, solve, violations, without
from tests.constraints.verifier import at, verify


def test_only_on_working_weekdays():
    # The client can only come on Tuesday; the consultant works Wednesday only.
    p = problem(
        [case("D1", unavailable_weekdays=frozenset({2, 3, 4}))],
        consultants=[consultant(workdays=frozenset({2}))],
    )
    plan = solve(p)
    assert plan.appointments == ()
    assert "geen_consulent_beschikbaar" in plan.unscheduled[0].reasons
    assert len(solve(p, rules=without("consultant_availability")).appointments) == 1


def test_full_day_absence():
    absent = Absence("AH", date(2026, 12, 1), date(2026, 12, 3), "dag")
    p = problem([case("D1")], absences=[absent])
    plan = solve(p)
    assert [a.day for a in plan.appointments] == [date(2026, 12, 4)]
    assert violations(plan) == []


def test_no_interviews_on_christmas():
    p = problem(
        [case("D1", unavailable_dates=frozenset({date(2026, 12, 24)}))],
        period_start=date(2026, 12, 24),
        period_end=date(2026, 12, 26),
    )
    assert solve(p).appointments == ()


def test_weekly_cap_on_mornings():
    p = problem(
        [case("D1", "Noord"), case("D2", "Zuid")], consultants=[consultant(max_mornings_per_week=1)]
    )
    plan = solve(p)
    assert len(plan.appointments) == 1
    assert len(solve(p, rules=without("consultant_availability")).appointments) == 2


def test_violations_flag_a_day_off_an_unknown_consultant_and_the_weekly_cap():
    part_time = consultant("AH", workdays=frozenset({0, 1}), max_mornings_per_week=1)
    check = verify(RULE, problem([case("A"), case("B")], consultants=[part_time]))
    assert check.given(at("A")).flags() == []
    wednesday = at("A", day=date(2026, 12, 2))
    assert Code.CONSULTANT_NOT_WORKING in check.given(wednesday).codes()
    assert Code.NOT_A_CONSULTANT in check.given(at("A", consultant="XX")).codes()
    held = {("AH", (2026, 49)): 1}  # a morning held before a rerun's today, that week
    capped = Finding.of(
        Code.WEEKLY_CAP_EXCEEDED, Subject(consultant="AH"), mornings=2, week=49, cap=1
    )
    assert capped in check.given(at("A"), held=held).flags()


def test_an_extra_morning_is_a_working_day_for_that_consultant_only():
    # Wednesday 2 December is a day off for the part-timer; an extra morning opens it.
    wednesday = date(2026, 12, 2)
    only_then = case("D1", unavailable_weekdays=frozenset({1, 3, 4}))
    part_time = consultant(workdays=frozenset({0, 1}))
    assert solve(problem([only_then], consultants=[part_time])).appointments == ()
    extra = consultant(workdays=frozenset({0, 1}), extra_mornings=frozenset({wednesday}))
    plan = solve(problem([only_then], consultants=[extra]))
    assert [(a.consultant, a.day) for a in plan.appointments] == [("AH", wednesday)]
    assert violations(plan) == []


def test_an_extra_morning_raises_the_cap_of_its_week_only():
    capped = consultant(max_mornings_per_week=1, extra_mornings=frozenset({date(2026, 12, 3)}))
    assert capped.weekly_cap((2026, 49)) == 2
    assert capped.weekly_cap((2026, 50)) == 1
    p = problem([case("D1", "Noord"), case("D2", "Zuid")], consultants=[capped])
    plan = solve(p)
    assert len(plan.appointments) == 2
    assert violations(plan) == []


def test_violations_count_an_extra_morning_on_its_day_and_in_its_week():
    extra = consultant(
        "AH",
        workdays=frozenset({0, 1}),
        max_mornings_per_week=1,
        extra_mornings=frozenset({date(2026, 12, 2)}),
    )
    check = verify(RULE, problem([case("A"), case("B", "Zuid")], consultants=[extra]))
    wednesday = at("A", day=date(2026, 12, 2))
    assert check.given(wednesday).flags() == []
    assert check.given(wednesday, at("B", day=date(2026, 12, 1))).flags() == []
    thursday = at("B", day=date(2026, 12, 3))
    assert Code.CONSULTANT_NOT_WORKING in check.given(thursday).codes()
