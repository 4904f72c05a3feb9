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
from herplan.scheduler.improve import improve
from herplan.scheduler.mornings import Mornings, from_chosen
from tests.checker import check_plan
from tests.conftest import candidates, case, consultant, problem

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
    assert _allowed(better)
    again = improve(from_chosen(generated, better.chosen()))
    assert again.chosen() == better.chosen()


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
