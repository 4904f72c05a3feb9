"""The one place for calendar facts: working days, month arithmetic (the holidays
themselves come with the settings, ``Settings.holiday_dates``).

Rules ask this module; they never re-derive working days or the six-month
support-plan arithmetic themselves (docs/design.md, Layers).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from herplan.domain.problem import Settings


def is_working_day(day: date, settings: Settings) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in settings.holiday_dates


def period_days(settings: Settings) -> list[date]:
    """Every calendar day of the planning period, inclusive."""
    n = (settings.period_end - settings.period_start).days
    return [settings.period_start + timedelta(days=i) for i in range(n + 1)]


def working_days(settings: Settings) -> list[date]:
    """The working days of the planning period, in order."""
    return [d for d in period_days(settings) if is_working_day(d, settings)]


def add_working_days(day: date, n: int, settings: Settings) -> date:
    """The date ``n`` working days after ``day`` (before it when ``n`` is negative)."""
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    current = day
    while remaining:
        current += timedelta(days=step)
        if is_working_day(current, settings):
            remaining -= 1
    return current


def plan_valid_until(plan_date: date, settings: Settings) -> date:
    """Last day a support plan of ``plan_date`` is current (calendar months, inclusive).

    A plan of 15 June 2025 is valid up to and including 15 December 2025; a plan
    of 31 August is valid up to 28/29 February.
    """
    return _months_later(plan_date, settings.max_plan_age_months)


@lru_cache(maxsize=65536)
def _months_later(day: date, months: int) -> date:
    # Asked for every reassessment on every day of the period: worth remembering.
    return day + relativedelta(months=months)


def new_plan_usable_from(promised: date, settings: Settings) -> date:
    """First interview day a promised new plan can be used: promise + preparation days."""
    return add_working_days(promised, settings.preparation_workdays, settings)


def plan_needed_by(interview_day: date, settings: Settings) -> date:
    """Latest date a new plan must arrive for an interview on ``interview_day``."""
    return add_working_days(interview_day, -settings.preparation_workdays, settings)


def iso_week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return (year, week)
