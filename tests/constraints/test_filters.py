"""Each rule's day, consultant and room filters, called directly: no solver runs.

The candidate days and consultants every heuristic and the model work on come
from these functions, so each is pinned here on the day where it changes its
answer.
"""

from __future__ import annotations

from datetime import date

from herplan.constraints import (
    afternoon_writeup,
    client_availability,
    consultant_availability,
    indication_deadline,
    location_availability,
    morning_interview,
    support_plan_freshness,
)
from herplan.domain.problem import Absence
from tests.conftest import case, consultant, location, problem, short_morning

TUE, SAT, XMAS = date(2026, 12, 1), date(2026, 12, 5), date(2026, 12, 25)


def test_rule_1_working_days_of_the_period_and_interviews_that_fit():
    p = problem([case("A"), case("B", duration_min=120)], morning=short_morning(90))
    a, b = p.reassessments
    assert morning_interview.allows_day(p, a, TUE)
    assert not morning_interview.allows_day(p, a, SAT)
    assert not morning_interview.allows_day(p, a, XMAS)
    assert not morning_interview.allows_day(p, a, date(2027, 1, 5))  # after the period
    assert not morning_interview.allows_day(p, b, TUE)  # longer than the morning


def test_rule_2_any_absence_that_day_means_no_interviews():
    c = consultant("AH")
    p = problem([case("A")], consultants=[c], absences=[Absence("AH", TUE, TUE, "middag")])
    assert not afternoon_writeup.consultant_available(p, c, TUE)
    assert afternoon_writeup.consultant_available(p, c, date(2026, 12, 2))


def test_rule_4_workdays_absences_and_holidays():
    c = consultant("AH", workdays=frozenset({0, 1}))  # Monday and Tuesday
    p = problem(
        [case("A")], consultants=[c], absences=[Absence("AH", date(2026, 12, 7), date(2026, 12, 7))]
    )
    assert consultant_availability.consultant_available(p, c, TUE)
    assert not consultant_availability.consultant_available(p, c, date(2026, 12, 2))  # Wed
    assert not consultant_availability.consultant_available(p, c, date(2026, 12, 7))  # away
    monday_29 = consultant("AH", workdays=frozenset({0, 1, 2, 3, 4}))
    assert not consultant_availability.consultant_available(p, monday_29, XMAS)  # holiday


def test_rule_5_open_days_closed_dates_and_rooms():
    loc = location("Noord", open_weekdays=frozenset({1, 3}), closed_dates=frozenset({TUE}), rooms=2)
    p = problem([case("A")], locations=[loc])
    r = p.reassessments[0]
    assert not location_availability.allows_day(p, r, TUE)  # closed that date
    assert location_availability.allows_day(p, r, date(2026, 12, 3))  # Thursday, open
    assert not location_availability.allows_day(p, r, date(2026, 12, 2))  # Wednesday, shut
    assert location_availability.slots(p, loc) == 2


def test_rule_6_six_months_to_the_day_or_the_promised_plan_after_preparation():
    p = problem(
        [
            case("A", support_plan_date=date(2026, 6, 2)),
            case("B", support_plan_date=None, new_plan_expected=TUE),
        ]
    )
    a, b = p.reassessments
    assert support_plan_freshness.allows_day(p, a, date(2026, 12, 2))
    assert not support_plan_freshness.allows_day(p, a, date(2026, 12, 3))
    assert not support_plan_freshness.allows_day(p, b, date(2026, 12, 2))  # preparing
    assert support_plan_freshness.allows_day(p, b, date(2026, 12, 3))  # two working days on


def test_rule_7_on_or_before_the_indication_ends():
    p = problem(
        [case("A", indication_end=date(2026, 12, 10)), case("B", indication_end=date(2026, 11, 20))]
    )
    a, ended = p.reassessments
    assert indication_deadline.allows_day(p, a, date(2026, 12, 10))
    assert not indication_deadline.allows_day(p, a, date(2026, 12, 11))
    assert indication_deadline.allows_day(p, ended, date(2026, 12, 11))  # as early as possible


def test_rule_9_client_unavailable_unless_the_begeleider_stands_in():
    p = problem(
        [
            case("A", unavailable_dates=frozenset({TUE})),
            case(
                "B", unavailable_dates=frozenset({TUE}), attendance_required=False, begeleider="Els"
            ),
        ]
    )
    a, b = p.reassessments
    assert not client_availability.allows_day(p, a, TUE)
    assert client_availability.allows_day(p, a, date(2026, 12, 2))
    assert client_availability.allows_day(p, b, TUE)
