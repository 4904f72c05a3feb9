"""Objective 1: as many reassessments as possible, the most urgent first."""

from datetime import date

from herplan.constraints import OBJECTIVES
from tests.conftest import case, problem, short_morning, solve, violations

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
