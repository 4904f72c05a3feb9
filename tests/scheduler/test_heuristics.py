"""The first plan: hand planner, best fit, ruin and recreate, local search.

Each keeps every hard rule (checked on the resulting plan by the independent
checker), only ever improves, is deterministic, and each move is shown to
matter on a tiny instance where it binds.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from benchmarks.greedy import plan_by_hand
from benchmarks.instances import Shape, write
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.scheduler.construct import construct, ruin_and_recreate
from herplan.scheduler.greedy import hand_plan
from herplan.scheduler.improve import improve, join_day, swap_day
from herplan.scheduler.mornings import Mornings, from_chosen
from tests.checker import check_plan
from tests.conftest import candidates, case, consultant, location, problem

MONDAY_7 = date(2026, 12, 7)


def _score(state: Mornings) -> tuple[int, int]:
    return state.count(), state.visits()


def _allowed(state: Mornings) -> bool:
    return all(state.cands.allows(i, cid, day) for i, cid, day in state.chosen())


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = write(tmp_path_factory.mktemp("gen") / "in.xlsx", Shape(120, 5, 16), seed=11)
    problem_, _ = read_problem(path)
    return candidates(problem_)


def test_local_search_only_improves_and_is_a_fixed_point(generated):
    start = hand_plan(generated)
    before = _score(start)
    better = improve(from_chosen(generated, start.chosen()))
    assert better.count() >= before[0] and better.visits() <= before[1]
    assert better.visits() < before[1]  # it closes scattered visits
    assert better.location_days() <= start.location_days()
    assert _allowed(better) and _one_morning_per_begeleider(better)
    again = improve(from_chosen(generated, better.chosen()))
    assert again.chosen() == better.chosen()


def _one_morning_per_begeleider(state: Mornings) -> bool:
    """Rule 8: a begeleider's interviews of a day are in one morning."""
    mornings: dict[tuple[str, date], set[tuple[str, str]]] = {}
    for i, cid, day in state.chosen():
        if worker := state.cands.worker[i]:
            mornings.setdefault((worker, day), set()).add((cid, str(state.cands.location(i))))
    return all(len(places) == 1 for places in mornings.values())


TUESDAY_1, WEDNESDAY_2 = date(2026, 12, 1), date(2026, 12, 2)
NOORD = ("Yulius", "Noord")


def test_local_search_joins_a_location_s_days_with_a_free_consultant():
    """Objective 3's tie-break: Noord's full Tuesday morning moves to Wednesday, where
    BB is free and Noord has a second room: one location-day fewer, as many visits."""
    cases = [case(f"N{n}") for n in range(6)]
    p = problem(cases, [consultant("AH"), consultant("BB")], [location("Noord", rooms=2)])
    cands = candidates(p)
    full = [(i, "AH", TUESDAY_1) for i in range(3)] + [(i, "AH", WEDNESDAY_2) for i in (3, 4, 5)]
    state = from_chosen(cands, full)
    assert (state.visits(), state.location_days()) == (2, 2)
    better = improve(from_chosen(cands, full))
    assert (better.count(), better.visits(), better.location_days()) == (6, 2, 1)
    assert _allowed(better)
    # Without the move nothing else joins them: both mornings are full.
    assert join_day(state, NOORD, TUESDAY_1) and state.location_days() == 1


def test_local_search_swaps_days_when_every_consultant_works_on_the_other():
    """No consultant is free on Wednesday and only AH works Tuesday: Noord's Tuesday
    joins its Wednesday only by swapping with Zuid's Wednesday morning (BB takes
    Noord on Wednesday, AH takes Zuid on Tuesday)."""
    cases = [case(f"N{n}") for n in range(6)] + [case("Z0", "Zuid")]
    bb = consultant("BB", workdays=frozenset({WEDNESDAY_2.weekday()}))
    p = problem(cases, [consultant("AH"), bb], [location("Noord", rooms=2), location("Zuid")])
    cands = candidates(p)
    start = (
        [(i, "AH", TUESDAY_1) for i in range(3)]
        + [(i, "AH", WEDNESDAY_2) for i in (3, 4, 5)]
        + [(6, "BB", WEDNESDAY_2)]
    )
    state = from_chosen(cands, start)
    assert not join_day(state, NOORD, TUESDAY_1)  # no consultant can be freed on Wednesday
    assert sorted(state.chosen()) == sorted(start)
    better = improve(from_chosen(cands, start))
    assert (better.count(), better.visits(), better.location_days()) == (7, 3, 2)
    assert (6, "AH", TUESDAY_1) in better.chosen()
    assert {(i, "BB", WEDNESDAY_2) for i in range(3)} <= set(better.chosen())
    assert _allowed(better)
    assert swap_day(state, NOORD, TUESDAY_1) and state.location_days() == 2


def test_a_swap_that_saves_nothing_changes_nothing():
    """Zuid is visited on Wednesday by two mornings: moving one to Tuesday would give
    Zuid a day and keep its Wednesday, so Noord's Tuesday stays where it is."""
    cases = [case(f"N{n}") for n in range(6)] + [case(f"Z{n}", "Zuid") for n in range(6)]
    bb = consultant("BB", workdays=frozenset({WEDNESDAY_2.weekday()}))
    cc = consultant("CC", workdays=frozenset({WEDNESDAY_2.weekday()}))
    locations = [location("Noord", rooms=2), location("Zuid", rooms=2)]
    p = problem(cases, [consultant("AH"), bb, cc], locations)
    cands = candidates(p)
    start = (
        [(i, "AH", TUESDAY_1) for i in range(3)]
        + [(i, "AH", WEDNESDAY_2) for i in (3, 4, 5)]
        + [(i, "BB", WEDNESDAY_2) for i in (6, 7, 8)]
        + [(i, "CC", WEDNESDAY_2) for i in (9, 10, 11)]
    )
    state = from_chosen(cands, start)
    assert not swap_day(state, NOORD, TUESDAY_1)
    assert sorted(state.chosen()) == sorted(start) and state.location_days() == 3


def test_ruin_and_recreate_never_loses_and_is_deterministic(generated):
    runs = []
    for _ in range(2):
        state = construct(generated, seed=0)
        first = state.count()
        ruin_and_recreate(state, lambda n: n >= 40, random.Random(5))
        assert state.count() >= first and _allowed(state)
        runs.append(state.chosen())
    assert runs[0] == runs[1]


def test_hand_planning_baseline_passes_the_checker(tmp_path):
    problem_, _ = read_problem(write(tmp_path / "in.xlsx", Shape(60, 4, 10), seed=21))
    plan = plan_by_hand(problem_)
    assert plan.appointments and plan.phases == ()
    assert check_plan(problem_, plan_dict(plan)) == []


def test_best_fit_does_not_spend_a_capped_morning_on_a_lone_interview():
    # One morning a week. In calendar order the hand planner spends Monday on the
    # single case at Zuid; best fit spends it on the three cases at Noord on Tuesday.
    lone = case("Z1", "Zuid", unavailable_weekdays=frozenset({1, 2, 3, 4}))
    trio = [case(f"N{n}", unavailable_weekdays=frozenset({0, 2, 3, 4})) for n in range(3)]
    p = problem(
        [lone, *trio],
        [consultant(max_mornings_per_week=1)],
        period_start=MONDAY_7,
        period_end=date(2026, 12, 11),
    )
    cands = candidates(p)
    assert hand_plan(cands).count() == 1
    assert construct(cands).count() == 3


def test_opening_a_morning_hands_another_over_to_free_a_consultant():
    # AH may work one morning a week; BB only works Monday. AH holds Monday; a morning
    # on Tuesday needs AH, so Monday's morning goes to BB.
    p = problem(
        [
            case("A", unavailable_weekdays=frozenset({1})),
            case("B", "Zuid", unavailable_weekdays=frozenset({0})),
        ],
        [consultant("AH", max_mornings_per_week=1), consultant("BB", workdays=frozenset({0}))],
        period_start=MONDAY_7,
        period_end=date(2026, 12, 8),
    )
    cands = candidates(p)
    state = Mornings(cands)
    monday = state.open_with(("Yulius", "Noord"), MONDAY_7, "AH")
    state.add_case(0, monday)
    tuesday = state.open(("Yulius", "Zuid"), date(2026, 12, 8))
    assert tuesday is not None
    assert state.items[monday].consultant == "BB" and state.items[tuesday].consultant == "AH"
    assert _allowed(state)


def test_local_search_makes_room_for_a_case_with_one_possible_day():
    """A full morning gives up an interview to a new morning so a case with one
    possible day is planned; without the move it would stay unplanned."""
    only_first = case("ONE", indication_end=date(2026, 12, 1))  # rule 7: 1 December only
    flexible = [case(f"F{n}") for n in range(3)]
    cands = candidates(problem([only_first, *flexible]))
    full_morning = [(i, "AH", date(2026, 12, 1)) for i in (1, 2, 3)]  # 3 x 45 min: full
    better = improve(from_chosen(cands, full_morning))
    assert (0, "AH", date(2026, 12, 1)) in better.chosen()
    assert _score(better) == (4, 2)
    # A rerun keeps its mornings but moves a kept interview too, to plan one more ...
    kept = improve(from_chosen(cands, full_morning, fixed=True), close_visits=False)
    assert _score(kept) == (4, 2)
    # ... unless it is pinned (rule 10): then nothing moves.
    pinned = from_chosen(cands, full_morning, fixed=True)
    pinned.pinned = {1, 2, 3}
    assert _score(improve(pinned, close_visits=False)) == (3, 1)
