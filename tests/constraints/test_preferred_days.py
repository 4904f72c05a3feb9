"""Objective 5: the provider's preferred days. Binds on a tiny instance."""

from datetime import date

from herplan.constraints import OBJECTIVES
from tests.conftest import case, location, problem, solve

ONE_DAY = {"period_end": date(2026, 12, 1)}


def only(*names: str):
    return tuple(o for o in OBJECTIVES if o.name in names)


def test_preferred_days_are_used():
    # Thursday 3 December is the location's preferred day.
    p = problem([case("A")], locations=[location("Noord", preferred_weekdays=frozenset({3}))])
    plan = solve(p)
    assert [a.day for a in plan.appointments] == [date(2026, 12, 3)]
