"""Objectives 1 and 3–6: each binds on a tiny instance, in priority order."""

from collections import Counter
from datetime import date

from herplan.constraints import OBJECTIVES
from tests.conftest import case, consultant, location, problem, short_morning, solve, violations

ONE_DAY = {"period_end": date(2026, 12, 1)}


def only(*names: str):
    return tuple(o for o in OBJECTIVES if o.name in names)


def test_more_reassessments_beat_one_more_urgent():
    # One morning holds two interviews; one urgent case is alone at its location.
    p = problem(
        [
            case("URG", "Zuid", indication_end=date(2026, 12, 1)),
            case("A", "Noord"),
            case("B", "Noord"),
        ],
        morning=short_morning(105),
        **ONE_DAY,
    )
    plan = solve(p)
    assert {a.dossier for a in plan.appointments} == {"A", "B"}
    assert violations(plan) == []


def test_the_most_urgent_case_wins_when_only_one_fits():
    cases = [
        case("LATER", indication_end=date(2027, 6, 1)),
        case("ENDED", indication_end=date(2026, 11, 20)),
    ]
    plan = solve(problem(cases, morning=short_morning(45), **ONE_DAY))
    assert [a.dossier for a in plan.appointments] == ["ENDED"]


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


def test_continuity_gives_the_vaste_consulent():
    cases = [case("A", preferred_consultant="BB"), case("B", "Zuid", preferred_consultant="AH")]
    p = problem(cases, consultants=[consultant("AH"), consultant("BB")], **ONE_DAY)
    plan = solve(p)
    assert {a.dossier: a.consultant for a in plan.appointments} == {"A": "BB", "B": "AH"}
    without = solve(p, objectives=only("most_reassessments", "clustering"))
    assert len(without.appointments) == 2


def test_preferred_days_are_used():
    # Thursday 3 December is the location's preferred day.
    p = problem([case("A")], locations=[location("Noord", preferred_weekdays=frozenset({3}))])
    plan = solve(p)
    assert [a.day for a in plan.appointments] == [date(2026, 12, 3)]


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
