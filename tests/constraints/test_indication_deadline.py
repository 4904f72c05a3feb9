"""Rule 7: on or before the indication's end date; ended ones as early as possible."""

from datetime import date

from herplan.constraints.indication_deadline import RULE
from herplan.findings import Code
from tests.conftest import case, problem, solve, violations, without
from tests.constraints.verifier import at, verify


def test_interview_before_indication_ends():
    # The plan is only usable from the 3rd; the indication ends on the 2nd.
    p = problem(
        [
            case(
                "D1",
                support_plan_date=None,
                new_plan_expected=date(2026, 12, 1),
                indication_end=date(2026, 12, 2),
            )
        ]
    )
    plan = solve(p)
    assert plan.appointments == ()
    assert "einddatum_voor_periode" in plan.unscheduled[0].reasons
    assert len(solve(p, rules=without("indication_deadline")).appointments) == 1


def test_end_inside_period_is_respected():
    p = problem([case("D1", indication_end=date(2026, 12, 2))])
    plan = solve(p)
    assert plan.appointments[0].day <= date(2026, 12, 2)
    assert violations(plan) == []


def test_already_ended_is_planned_first_day():
    p = problem([case("D1", indication_end=date(2026, 11, 20))])
    plan = solve(p)
    assert plan.appointments[0].day == date(2026, 12, 1)


def test_violations_flag_an_interview_after_the_indication_ends():
    check = verify(RULE, problem([case("A", indication_end=date(2026, 12, 2))]))
    assert check.given(at("A", day=date(2026, 12, 2))).flags() == []
    late = at("A", day=date(2026, 12, 3))
    assert Code.AFTER_INDICATION_ENDS in check.given(late).codes()
