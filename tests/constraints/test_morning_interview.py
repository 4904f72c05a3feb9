"""Rule 1: interviews fit inside the morning window of a working day."""

from datetime import date

from herplan.constraints.morning_interview import RULE
from herplan.domain.problem import TimeWindow
from herplan.findings import Code
from tests.conftest import case, problem, short_morning, solve, violations, without
from tests.constraints.verifier import at, verify


def test_morning_window_caps_interviews():
    # 90-minute morning, 45-minute interviews, no change-over: two fit, not three.
    p = problem(
        [case("D1"), case("D2"), case("D3")],
        period_end=problem([]).settings.period_start,
        morning=short_morning(90),
        changeover_min=0,
    )
    plan = solve(p)
    assert len(plan.appointments) == 2
    assert all(a.end <= 9 * 60 + 90 for a in plan.appointments)
    assert violations(plan) == []
    assert len(solve(p, rules=without("morning_interview")).appointments) == 3


def test_interview_longer_than_morning_is_capacity():
    p = problem([case("D1", duration_min=120)], morning=short_morning(90))
    plan = solve(p)
    assert plan.appointments == ()
    assert plan.unscheduled[0].reasons == ("capaciteit",)


def test_interviews_start_at_morning_start_and_follow_each_other():
    p = problem(
        [case("D1"), case("D2")],
        morning=TimeWindow(8 * 60 + 30, 12 * 60),
        period_end=problem([]).settings.period_start,
    )
    plan = solve(p)
    starts = sorted(a.start for a in plan.appointments)
    assert starts == [8 * 60 + 30, 8 * 60 + 30 + 45 + 15]


def test_violations_flag_an_interview_outside_the_morning_or_its_length():
    check = verify(RULE, problem([case("A")]))
    assert check.given(at("A")).flags() == []
    assert Code.INTERVIEW_OUTSIDE_MORNING in check.given(at("A", start="12:00")).codes()
    assert Code.INTERVIEW_WRONG_LENGTH in check.given(at("A", minutes=30)).codes()
    saturday = at("A", day=date(2026, 12, 5))
    assert Code.NOT_A_WORKING_DAY in check.given(saturday).codes()
