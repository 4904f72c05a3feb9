"""Rule 3: one location per consultant-morning, change-over between interviews."""

from datetime import date

from tests.conftest import case, problem, short_morning, solve, violations, without

ONE_DAY = {"period_end": date(2026, 12, 1)}


def test_one_location_a_morning():
    p = problem([case("D1", "Noord"), case("D2", "Zuid")], **ONE_DAY)
    plan = solve(p)
    assert len(plan.appointments) == 1
    assert violations(plan) == []
    relaxed = solve(p, rules=without("one_location_per_morning"))
    assert {a.location for a in relaxed.appointments} == {"Noord", "Zuid"}


def test_changeover_time_between_interviews():
    # 100 minutes: 45 + 15 + 45 = 105 does not fit, 45 + 45 would.
    p = problem([case("D1"), case("D2")], morning=short_morning(100), **ONE_DAY)
    plan = solve(p)
    assert len(plan.appointments) == 1
    assert len(solve(p, rules=without("one_location_per_morning")).appointments) == 2
