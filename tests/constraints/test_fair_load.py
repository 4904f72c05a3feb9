"""Objective 6: urgent cases early; fair load relative to availability. Binds on a tiny instance."""

from collections import Counter
from datetime import date

from herplan.constraints import OBJECTIVES
from tests.conftest import case, consultant, problem, short_morning, solve, violations

ONE_DAY = {"period_end": date(2026, 12, 1)}


def only(*names: str):
    return tuple(o for o in OBJECTIVES if o.name in names)


def test_fair_load_spreads_mornings_over_consultants():
    # Four locations, one interview each: four visits whoever does them.
    cases = [case(f"C{k}", f"Loc{k}") for k in range(4)]
    p = problem(cases, consultants=[consultant("AH"), consultant("BB")])
    plan = solve(p)
    assert sorted(Counter(a.consultant for a in plan.appointments).values()) == [2, 2]


def test_fair_load_is_relative_to_availability():
    # BB works one day of the four, AH all four: AH takes the larger share.
    cases = [case(f"C{k}", f"Loc{k}") for k in range(5)]
    p = problem(
        cases,
        consultants=[consultant("AH"), consultant("BB", workdays=frozenset({1}))],
    )
    plan = solve(p)
    load = Counter(a.consultant for a in plan.appointments)
    assert load["AH"] == 4 and load["BB"] == 1
    assert violations(plan) == []


def test_urgent_cases_come_early():
    # One interview per morning: the ended indication takes the first day.
    cases = [case("LATER"), case("ENDED", "Zuid", indication_end=date(2026, 11, 1))]
    plan = solve(problem(cases, morning=short_morning(45)))
    days = {a.dossier: a.day for a in plan.appointments}
    assert days["ENDED"] == date(2026, 12, 1)
    assert days["LATER"] > days["ENDED"]
