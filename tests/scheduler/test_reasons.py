"""True reasons: what the final plan shows full is what a reassessment is told.

``capaciteit`` only where every morning it could use is full, or no consultant
is free for a new one within the weekly caps; ``begeleider_bezet`` where a
morning had room but its begeleider's day is spent in another morning (rule
8). On a tight region whose begeleider column holds team names, the
independent checker (``tests/fullness.py``) re-verifies every such case
against the written plan (the T region here, L-tight in the slow suite; the
XL-tight benchmark region has 27 ``begeleider_bezet`` cases, benchmarks/RESULTS.md).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from benchmarks.instances import shape, write
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.scheduler.planner import make_plan
from tests.checker import check_plan
from tests.conftest import case, consultant, options, problem, solve, without
from tests.fullness import FULL_REASONS

ONE_DAY = {"period_end": date(2026, 12, 1)}


def team_at_two_places():
    """One day, two consultants; a team has a client at North (with two others) and at South."""
    cases = [case("T1", begeleider="Team Yulius"), case("N1"), case("N2")]
    cases += [case("T2", "Zuid", begeleider="Team Yulius")]
    return problem(cases, [consultant("AH"), consultant("BB")], **ONE_DAY)


def reasons_of(plan) -> dict[str, tuple[str, ...]]:
    return {u.dossier: u.reasons for u in plan.unscheduled}


def test_a_begeleider_busy_elsewhere_is_the_reason_not_full_mornings():
    p = team_at_two_places()
    plan = solve(p)
    assert len(plan.appointments) == 3
    (left,) = reasons_of(plan)
    assert reasons_of(plan)[left] == ("begeleider_bezet",)
    assert check_plan(p, plan_dict(plan)) == []
    # Without rule 8 the team's day is no limit, and both are planned.
    assert len(solve(p, rules=without("support_worker")).appointments) == 4


def test_full_mornings_are_capacity():
    # One consultant, one morning: three 45-minute interviews fill it.
    p = problem([case(f"N{n}") for n in range(4)], [consultant()], **ONE_DAY)
    plan = solve(p)
    assert [u.reasons for u in plan.unscheduled] == [("capaciteit",)]
    assert check_plan(p, plan_dict(plan)) == []


@pytest.mark.parametrize(
    ("size", "seconds"),
    [("T", 8), pytest.param("L-tight", 30, marks=pytest.mark.slow)],
)
def test_every_full_reason_on_a_tight_region_is_true_of_the_plan(tmp_path, size, seconds):
    workbook = write(tmp_path / "in.xlsx", shape(size, team_share=0.3), seed=0)
    p, _ = read_problem(workbook)
    plan = make_plan(p, options(seconds))
    written = plan_dict(plan)
    assert check_plan(p, written) == []  # every capaciteit and begeleider_bezet re-verified
    full = [u for u in plan.unscheduled if set(u.reasons) & FULL_REASONS]
    assert len(full) >= 30  # a tight region: many checked, each against the plan


def test_room_that_a_hand_over_makes_is_room_to_the_checker_too(tmp_path):
    """On the pool-shaped region the hand planner leaves reassessments ``niet_ingepast``
    whose only room is a new visit by a consultant at their weekly cap, freed when a
    colleague takes one of their mornings: the engine finds that hand-over; the
    checker, which does not search for one, accepts the reason there and nowhere else."""
    from benchmarks.greedy import plan_by_hand
    from benchmarks.instances import instance_seed
    from tests.checker import Checker
    from tests.fullness import Fullness

    workbook = write(tmp_path / "in.xlsx", shape("XL-pools"), instance_seed("XL-pools"))
    p, _ = read_problem(workbook)
    written = plan_dict(plan_by_hand(p, 0))
    assert check_plan(p, written) == []
    checker, full = Checker(p, written), Fullness(p, written["appointments"])
    handed = 0
    for u in written["unscheduled"]:
        r = next(r for r in p.reassessments if r.dossier == u["dossier"])
        if u["reasons"] != ["niet_ingepast"]:
            continue
        span = (p.settings.period_end - p.settings.period_start).days + 1
        period = [p.settings.period_start + timedelta(days=n) for n in range(span)]
        days = [d for d in period if checker.possible_day(r, d)]
        rooms = checker.locations[(r.provider, r.location)].rooms
        if full.verdict(r, days, rooms, checker.may_work) != "niet_ingepast":
            handed += 1  # room only through a hand-over
    assert handed >= 5


def test_a_begeleider_elsewhere_on_a_day_only_a_hand_over_opens_is_begeleider_bezet():
    """Tuesday is the only day for R at Noord. Noord has a room free, but AH, free that
    morning, is at her cap of one (Wednesday at Zuid): only BB taking that Wednesday
    morning would free her, which the checker does not search for. R's begeleider is
    at Oost that Tuesday, so the engine may say ``begeleider_bezet``: the checker
    accepts it there, and not when the begeleider has no interview that day."""
    from tests.fullness import Fullness

    tuesday, wednesday = date(2026, 12, 1), date(2026, 12, 2)
    r = case("R", begeleider="W. de Vries", unavailable_weekdays=frozenset({2}))
    p = problem(
        [r],
        [consultant("AH", max_mornings_per_week=1), consultant("BB"), consultant("CC")],
        period_end=wednesday,
    )

    def at(cid, day, where, worker=""):
        start = {"start": "09:00", "end": "09:45"}
        return {"date": day.isoformat(), "consultant": cid, "provider": "Yulius",
                "location": where, "begeleider": worker, **start}  # fmt: skip

    elsewhere = [at("AH", wednesday, "Zuid"), at("CC", tuesday, "Oost", "W. de Vries")]
    elsewhere += [at("BB", tuesday, "West")]

    def shown(appointments):
        return Fullness(p, appointments).verdicts(r, [tuesday], 1, lambda _c, _d: True)

    assert shown(elsewhere) == {"capaciteit", "begeleider_bezet"}
    free = [a | {"begeleider": ""} for a in elsewhere]
    assert shown(free) == {"capaciteit", "niet_ingepast"}
