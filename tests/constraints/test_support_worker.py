"""Rule 8: interviews with the same begeleider never overlap."""

from datetime import date

from herplan.constraints.support_worker import RULE
from herplan.findings import Code
from tests.conftest import case, consultant, location, problem, solve, violations, without
from tests.constraints.verifier import at, verify


def test_begeleider_not_in_two_interviews_at_once():
    cases = [case(f"D{n}", begeleider="P. de Vries") for n in range(4)]
    p = problem(
        cases,
        consultants=[consultant("AH"), consultant("BK")],
        locations=[location(rooms=2)],
        period_end=date(2026, 12, 1),
    )
    plan = solve(p)
    assert len(plan.appointments) == 3  # one consultant's morning, back to back
    assert violations(plan) == []
    relaxed = solve(p, rules=without("support_worker"))
    assert len(relaxed.appointments) == 4
    assert any("double-booked" in v for v in violations(relaxed))


def test_violations_flag_a_begeleider_in_two_interviews_at_once():
    cases = [case("A", begeleider="P. de Vries"), case("B", begeleider="p.  de vries")]
    p = problem(
        cases, consultants=[consultant("AH"), consultant("BK")], locations=[location(rooms=2)]
    )
    check = verify(RULE, p)
    after = at("B", consultant="BK", start="10:00", begeleider="p.  de vries")
    assert check.given(at("A", begeleider="P. de Vries"), after).flags() == []
    same_time = (
        at("A", begeleider="P. de Vries"),
        at("B", consultant="BK", begeleider="p.  de vries"),
    )
    assert Code.WORKER_DOUBLE_BOOKED in check.given(*same_time).codes()
