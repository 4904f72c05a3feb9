"""Rule 8: interviews with the same begeleider never overlap."""

from datetime import date

from tests.conftest import case, consultant, location, problem, solve, violations, without


def test_begeleider_not_in_two_interviews_at_once():
    cases = [case(f"D{n}", begeleider="P. de Vries") for n in range(4)]
    p = problem(cases, consultants=[consultant("AH"), consultant("BK")],
                locations=[location(rooms=2)], period_end=date(2026, 12, 1))  # fmt: skip
    plan = solve(p)
    assert len(plan.appointments) == 3  # one consultant's morning, back to back
    assert violations(plan) == []
    relaxed = solve(p, rules=without("support_worker"))
    assert len(relaxed.appointments) == 4
    assert any("double-booked" in v for v in violations(relaxed))
