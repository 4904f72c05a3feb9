"""Objective 3: as few visits, then as few location-days. Binds on a tiny instance."""

from datetime import date

from herplan.constraints import OBJECTIVES
from tests.conftest import case, consultant, location, problem, solve, violations

ONE_DAY = {"period_end": date(2026, 12, 1)}


def only(*names: str):
    return tuple(o for o in OBJECTIVES if o.name in names)


def test_clustering_uses_one_morning_for_one_location():
    # Two consultants and four days: three 45-minute interviews with 15 minutes
    # change-over fill the 9:00-12:30 morning exactly.
    cases = [case(f"N{k}") for k in range(3)]
    plan = solve(problem(cases, consultants=[consultant("AH"), consultant("BB")]))
    assert len(plan.appointments) == 3
    assert len({(a.consultant, a.day) for a in plan.appointments}) == 1


def test_clustering_prefers_one_day_per_location_with_two_consultants():
    # Six interviews need two mornings; held on the same day they cost one
    # location-day (the location has two rooms).
    cases = [case(f"N{k}") for k in range(6)]
    p = problem(
        cases,
        consultants=[consultant("AH"), consultant("BB")],
        locations=[location("Noord", rooms=2)],
    )
    plan = solve(p)
    assert len(plan.appointments) == 6
    assert len({a.day for a in plan.appointments}) == 1
    assert violations(plan) == []
