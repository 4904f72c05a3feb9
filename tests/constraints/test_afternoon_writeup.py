"""Rule 2: write-ups the same afternoon; any absence that day means no interviews."""

import itertools
from datetime import date

from herplan.domain import Absence, TimeWindow
from tests.conftest import END, case, problem, solve, violations, without

ONE_DAY = {"period_end": date(2026, 12, 1)}


def test_afternoon_caps_writeups():
    # 90-minute afternoon holds two 45-minute write-ups; the morning holds three.
    p = problem([case("D1"), case("D2"), case("D3")], afternoon=TimeWindow(13 * 60, 14 * 60 + 30),
                **ONE_DAY)  # fmt: skip
    plan = solve(p)
    assert len(plan.appointments) == 2
    for a in plan.appointments:
        assert a.writeup_start >= 13 * 60 and a.writeup_end <= 14 * 60 + 30
    assert violations(plan) == []
    assert len(solve(p, rules=without("afternoon_writeup")).appointments) == 3


def test_half_day_absence_blocks_the_whole_day():
    p = problem([case("D1")], absences=[Absence("AH", date(2026, 12, 1), date(2026, 12, 1),
                "middag")], **ONE_DAY)  # fmt: skip
    plan = solve(p)
    assert plan.appointments == ()
    assert plan.unscheduled[0].reasons == ("geen_consulent_beschikbaar",)
    assert len(solve(p, rules=without("afternoon_writeup")).appointments) == 1


def test_writeups_do_not_overlap():
    p = problem([case("D1"), case("D2"), case("D3")], period_end=END)
    plan = solve(p)
    assert len({a.day for a in plan.appointments}) == 1  # one consultant, one day
    blocks = sorted((a.writeup_start, a.writeup_end) for a in plan.appointments)
    assert len(blocks) == 3
    assert all(second[0] >= first[1] for first, second in itertools.pairwise(blocks))
