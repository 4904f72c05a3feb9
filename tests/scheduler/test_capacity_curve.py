"""The capacity curve on hand-made regions (README, Capacity advice), without the CLI.

Each region is planned first (reproducibly), then its curve is asked for as of
the day the tests plan as: the points, their mornings and bounds are what a
planner works out on paper. And the candidates of a point's input, derived
from the region's, are exactly what the rules give on that input.
"""

from __future__ import annotations

from datetime import date

from herplan.constraints import HARD_RULES
from herplan.domain.plan import Plan
from herplan.domain.problem import Problem
from herplan.domain.revisions import Rerun
from herplan.io.plan_json import plan_dict
from herplan.scheduler.capacity_curve import Blocked, capacity_curve, with_mornings
from herplan.scheduler.capacity_plans import narrowed, point_plan
from herplan.scheduler.planner import consultant_time, make_plan
from herplan.scheduler.rerun import rerun_candidates
from tests.checker import check_plan
from tests.conftest import PLANNED_AS, case, consultant, options, problem


def planned(p: Problem) -> tuple[Plan, Rerun]:
    plan = make_plan(p, options(4), today=PLANNED_AS)
    rerun = Rerun(plan.appointments, plan.revision, PLANNED_AS, wave=plan.wave, uids=plan.uids)
    return plan, rerun


def three_places() -> Problem:
    """AH holds one morning a week (Tuesday 1 to Friday 4 December): Noord's two go
    there; Zuid and West have one each; BB works Mondays only (none in the period)."""
    return problem(
        [
            case("N1", "Noord", preferred_consultant="BB"),
            case("N2", "Noord"),
            case("Z1", "Zuid"),
            case("W1", "West"),
        ],
        consultants=[
            consultant("AH", max_mornings_per_week=1),
            consultant("BB", workdays=frozenset({0})),
        ],
    )


def test_each_extra_morning_plans_one_more_and_reaches_its_bound():
    p = three_places()
    plan, rerun = planned(p)
    assert {a.dossier for a in plan.appointments} == {"N1", "N2"}
    curve = capacity_curve(p, HARD_RULES, rerun)
    points = [(q.extra, q.solution.count, q.bound) for q in curve.points]
    assert points == [(0, 0, 0), (1, 1, 1), (2, 2, 2)]
    added = curve.points[2].solution.extras
    assert len(added) == 2
    # AH is free on two of the days, above the cap: those come before BB's day off.
    assert all(m.consultant == "AH" and m.over_cap for m in added)


def test_a_day_off_when_the_capped_consultant_has_no_day_left():
    """AH is away three days of four: the second extra morning is BB's day off."""
    from herplan.domain.problem import Absence

    p = three_places()
    p = Problem(
        p.settings,
        p.reassessments,
        p.consultants,
        p.locations,
        (Absence("AH", date(2026, 12, 2), date(2026, 12, 4)),),
        p.source,
    )
    _, rerun = planned(p)
    curve = capacity_curve(p, HARD_RULES, rerun)
    last = curve.points[-1].solution
    assert (len(curve.points) - 1, last.count) == (2, 2)  # Zuid and West, one morning each
    assert [(m.consultant, m.over_cap) for m in last.extras] == [("BB", False), ("BB", False)]
    for point in curve.points:
        assert point.bound is not None and point.bound >= point.solution.count


def test_a_point_plan_passes_the_checker_on_its_own_input():
    p = three_places()
    _, rerun = planned(p)
    curve = capacity_curve(p, HARD_RULES, rerun)
    for point in curve.points:
        plan = point_plan(p, HARD_RULES, rerun, curve, point, "2026-11-30T10:00:00+01:00")
        added = with_mornings(p, point.solution.extras)
        assert check_plan(added, plan_dict(plan)) == []
        assert plan.staff == consultant_time(added, HARD_RULES)  # worked out per consultant


def test_a_points_candidates_are_what_the_rules_give_on_its_input():
    p = three_places()
    _, rerun = planned(p)
    curve = capacity_curve(p, HARD_RULES, rerun)
    for point in curve.points:
        added = with_mornings(p, point.solution.extras)
        derived = narrowed(curve, added, point)
        _, direct = rerun_candidates(added, HARD_RULES, rerun)
        assert derived.available == direct.available
        assert derived.candidate_days == direct.candidate_days
        assert derived.excluded == direct.excluded


def test_what_no_morning_plans_is_grouped_by_what_would():
    stale = case("S1", "Zuid", support_plan_date=date(2025, 1, 1))
    ended = case("E1", "West", indication_end=date(2026, 11, 1), support_plan_date=None)
    p = problem([case("N1"), stale, ended], consultants=[consultant("AH")])
    _, rerun = planned(p)
    curve = capacity_curve(p, HARD_RULES, rerun)
    causes = {curve.cases.cases[i].dossier: cause for i, cause in curve.blocked.items()}
    assert causes["S1"] is Blocked.SUPPORT_PLAN
    assert causes["E1"] in (Blocked.INDICATION_END, Blocked.SUPPORT_PLAN)
