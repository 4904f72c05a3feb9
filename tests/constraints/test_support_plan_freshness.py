"""Rule 6: the support plan is at most six calendar months old on the day."""

from datetime import date

from herplan.constraints.support_plan_freshness import RULE
from herplan.findings import Code
from herplan.io.sentences import explanation
from tests.conftest import case, problem, solve, violations, without
from tests.constraints.verifier import at, verify


def test_plan_valid_up_to_six_months_to_the_day():
    # Plan of 2 June is valid up to and including 2 December.
    late = {date(2026, 12, 1)}  # client cannot on the 1st: only the 2nd remains valid
    p = problem([case("D1", support_plan_date=date(2026, 6, 2), unavailable_dates=late)])
    plan = solve(p)
    assert [a.day for a in plan.appointments] == [date(2026, 12, 2)]
    assert violations(plan) == []


def test_stale_plan_is_not_planned_and_explained():
    p = problem([case("D1", support_plan_date=date(2026, 4, 3))])
    plan = solve(p)
    assert plan.appointments == ()
    entry = plan.unscheduled[0]
    assert entry.reasons == ("ondersteuningsplan_verlopen",)
    text = explanation(entry, "nl")
    assert "3 april 2026" in text and "ouder dan zes maanden" in text
    assert len(solve(p, rules=without("support_plan_freshness")).appointments) == 1


def test_missing_plan_usable_after_promise_plus_preparation():
    # Promised Tuesday 1 December; two working days of preparation: from Thursday 3rd.
    p = problem([case("D1", support_plan_date=None, new_plan_expected=date(2026, 12, 1))])
    plan = solve(p)
    assert plan.appointments[0].day >= date(2026, 12, 3)
    assert [r.dossier for r in plan.renewals] == ["D1"]
    assert plan.renewals[0].needed_by <= date(2026, 12, 1)


def test_missing_plan_without_promise():
    p = problem([case("D1", support_plan_date=None)])
    assert solve(p).unscheduled[0].reasons == ("geen_ondersteuningsplan",)


def test_violations_flag_an_interview_on_a_day_the_support_plan_is_too_old():
    fresh = verify(RULE, problem([case("A", support_plan_date=date(2026, 10, 1))]))
    assert fresh.given(at("A")).flags() == []
    stale = verify(RULE, problem([case("A", support_plan_date=date(2026, 5, 1))]))
    assert Code.SUPPORT_PLAN_NOT_CURRENT in stale.given(at("A")).codes()
