"""Rule 3: one location per consultant-morning, change-over between interviews."""

from datetime import date

from herplan.constraints.one_location_per_morning import RULE
from herplan.findings import Code, Finding, Subject
from tests.conftest import case, problem, short_morning, solve, violations, without
from tests.constraints.verifier import at, verify

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


def test_violations_flag_two_locations_in_a_morning_and_no_change_over():
    check = verify(RULE, problem([case("A"), case("B"), case("C", "Zuid")]))
    assert check.given(at("A"), at("B", start="10:00", writeup="13:45")).flags() == []
    two_places = (at("A"), at("C", start="10:00", writeup="13:45", location="Zuid"))
    assert Code.MORE_THAN_ONE_LOCATION in check.given(*two_places).codes()
    too_close = (at("A"), at("B", start="09:50", writeup="13:45"))
    morning = Subject(consultant="AH", day=date(2026, 12, 1))
    close = Finding.of(Code.NO_CHANGEOVER, morning, first="A", second="B")
    assert close in check.given(*too_close).flags()
