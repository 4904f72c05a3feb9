"""Rule 5: open weekdays, closed dates, rooms."""

from datetime import date

from herplan.constraints.location_availability import RULE
from herplan.findings import Code, Finding, Subject
from tests.conftest import case, consultant, location, problem, solve, violations, without
from tests.constraints.verifier import at, verify


def test_open_weekdays_and_closed_dates():
    loc = location(open_weekdays=frozenset({2, 3}), closed_dates=frozenset({date(2026, 12, 2)}))
    p = problem([case("D1")], locations=[loc])
    plan = solve(p)
    assert [a.day for a in plan.appointments] == [date(2026, 12, 3)]
    assert violations(plan) == []


def test_closed_every_possible_day():
    loc = location(closed_dates=frozenset({date(2026, 12, d) for d in range(1, 5)}))
    p = problem([case("D1")], locations=[loc])
    plan = solve(p)
    assert plan.unscheduled[0].reasons == ("locatie_gesloten",)
    assert len(solve(p, rules=without("location_availability")).appointments) == 1


def test_rooms_limit_consultants_at_once():
    cases = [case(f"D{n}") for n in range(6)]
    two = [consultant("AH"), consultant("BK")]
    p = problem(cases, consultants=two, period_end=date(2026, 12, 1))
    plan = solve(p)
    assert len(plan.appointments) == 3  # one room: one consultant, three interviews
    assert violations(plan) == []
    assert len(solve(p, rules=without("location_availability")).appointments) == 6
    roomy = problem(
        cases, consultants=two, locations=[location(rooms=2)], period_end=date(2026, 12, 1)
    )
    assert len(solve(roomy).appointments) == 6


def test_violations_flag_a_closed_day_and_more_consultants_than_rooms():
    closed = location("Noord", closed_dates=frozenset({date(2026, 12, 2)}))
    p = problem(
        [case("A"), case("B")], consultants=[consultant("AH"), consultant("BK")], locations=[closed]
    )
    check = verify(RULE, p)
    assert check.given(at("A"), at("B", start="10:00", writeup="13:45")).flags() == []
    assert Code.LOCATION_CLOSED in check.given(at("A", day=date(2026, 12, 2))).codes()
    two_at_once = (at("A"), at("B", consultant="BK"))
    crowded = Finding.of(
        Code.TOO_FEW_ROOMS, Subject(location="Noord", day=date(2026, 12, 1)), consultants=2, rooms=1
    )
    assert crowded in check.given(*two_at_once).flags()
