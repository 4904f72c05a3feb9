from datetime import date

from herplan.calendar import (
    add_working_days,
    new_plan_usable_from,
    plan_valid_until,
    working_days,
)
from tests.conftest import settings


def test_six_calendar_months_inclusive():
    s = settings()
    assert plan_valid_until(date(2025, 6, 15), s) == date(2025, 12, 15)
    assert plan_valid_until(date(2026, 8, 31), s) == date(2027, 2, 28)


def test_christmas_and_weekends_are_not_working_days():
    s = settings(period_start=date(2026, 12, 21), period_end=date(2026, 12, 31))
    assert working_days(s) == [
        date(2026, 12, 21),
        date(2026, 12, 22),
        date(2026, 12, 23),
        date(2026, 12, 24),
        date(2026, 12, 28),
        date(2026, 12, 29),
        date(2026, 12, 30),
        date(2026, 12, 31),
    ]


def test_preparation_days_skip_weekend_and_holidays():
    s = settings()
    assert add_working_days(date(2026, 12, 4), 2, s) == date(2026, 12, 8)
    assert new_plan_usable_from(date(2026, 12, 23), s) == date(2026, 12, 28)
    assert add_working_days(date(2026, 12, 28), -2, s) == date(2026, 12, 23)


def test_no_public_holidays_when_switched_off():
    s = settings(holidays="geen", period_start=date(2026, 12, 25), period_end=date(2026, 12, 25))
    assert working_days(s) == [date(2026, 12, 25)]
