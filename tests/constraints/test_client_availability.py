"""Rule 9: client's unavailable days excluded, unless the begeleider may stand in."""

from datetime import date

from herplan.constraints.client_availability import RULE
from herplan.findings import Code
from tests.conftest import case, problem, solve, violations, without
from tests.constraints.verifier import TUE, at, verify

NOT_TUE_TO_THU = frozenset({1, 2, 3})


def test_unavailable_days_excluded():
    p = problem([case("D1", unavailable_weekdays=NOT_TUE_TO_THU)])
    plan = solve(p)
    assert [a.day for a in plan.appointments] == [date(2026, 12, 4)]
    assert plan.appointments[0].with_ == "client"
    assert violations(plan) == []


def test_never_available_and_required():
    p = problem([case("D1", unavailable_weekdays=frozenset(range(5)))])
    plan = solve(p)
    assert plan.unscheduled[0].reasons == ("client_niet_beschikbaar",)
    assert len(solve(p, rules=without("client_availability")).appointments) == 1


def test_begeleider_stands_in_when_presence_not_required():
    p = problem(
        [
            case(
                "D1",
                unavailable_weekdays=frozenset(range(5)),
                attendance_required=False,
                begeleider="P. de Vries",
            )
        ]
    )
    plan = solve(p)
    assert plan.appointments[0].with_ == "begeleider"
    assert violations(plan) == []


def test_violations_flag_a_day_the_client_cannot_come_or_the_wrong_one_to_talk_with():
    away = frozenset({TUE})
    must = verify(RULE, problem([case("A", unavailable_dates=away)]))
    assert Code.CLIENT_CANNOT_COME in must.given(at("A")).codes()
    stand_in = verify(
        RULE,
        problem(
            [case("A", unavailable_dates=away, attendance_required=False, begeleider="P. de Vries")]
        ),
    )
    assert stand_in.given(at("A", with_="begeleider")).flags() == []
    assert Code.SHOULD_BE_WITH_WORKER in stand_in.given(at("A")).codes()
