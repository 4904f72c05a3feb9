"""Rule 2: write-ups the same afternoon; any absence that day means no interviews."""

import itertools
from dataclasses import replace
from datetime import date

from herplan.constraints.afternoon_writeup import RULE
from herplan.domain.problem import Absence, TimeWindow
from herplan.findings import Code
from tests.conftest import END, case, problem, solve, violations, without
from tests.constraints.verifier import TUE, at, verify

ONE_DAY = {"period_end": date(2026, 12, 1)}


def test_afternoon_caps_writeups():
    # 90-minute afternoon holds two 45-minute write-ups; the morning holds three.
    p = problem(
        [case("D1"), case("D2"), case("D3")], afternoon=TimeWindow(13 * 60, 14 * 60 + 30), **ONE_DAY
    )
    plan = solve(p)
    assert len(plan.appointments) == 2
    for a in plan.appointments:
        assert a.writeup_start >= 13 * 60 and a.writeup_end <= 14 * 60 + 30
    assert violations(plan) == []
    assert len(solve(p, rules=without("afternoon_writeup")).appointments) == 3


def test_half_day_absence_blocks_the_whole_day():
    p = problem(
        [case("D1")],
        absences=[Absence("AH", date(2026, 12, 1), date(2026, 12, 1), "middag")],
        **ONE_DAY,
    )
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


def test_violations_flag_a_late_or_overlapping_write_up_and_a_half_day_absence():
    p = problem([case("A"), case("B")])
    check = verify(RULE, p)
    both = (at("A"), at("B", start="10:00", writeup="13:45"))
    assert check.given(*both).flags() == []
    assert Code.WRITEUP_OUTSIDE_AFTERNOON in check.given(at("A", writeup="16:30")).codes()
    overlap = (at("A"), at("B", start="10:00", writeup="13:30"))
    assert Code.WRITEUPS_OVERLAP in check.given(*overlap).codes()
    away = verify(RULE, replace(p, absences=(Absence("AH", TUE, TUE, "middag"),)))
    assert Code.ABSENT_BUT_INTERVIEWS in away.given(at("A")).codes()
