"""Objective 4: the vaste consulent where possible. Binds on a tiny instance."""

from datetime import date

from herplan.constraints import OBJECTIVES
from tests.conftest import case, consultant, problem, solve

ONE_DAY = {"period_end": date(2026, 12, 1)}


def only(*names: str):
    return tuple(o for o in OBJECTIVES if o.name in names)


def test_continuity_gives_the_vaste_consulent():
    cases = [case("A", preferred_consultant="BB"), case("B", "Zuid", preferred_consultant="AH")]
    p = problem(cases, consultants=[consultant("AH"), consultant("BB")], **ONE_DAY)
    plan = solve(p)
    assert {a.dossier: a.consultant for a in plan.appointments} == {"A": "BB", "B": "AH"}
    without = solve(p, objectives=only("most_reassessments", "clustering"))
    assert len(without.appointments) == 2
