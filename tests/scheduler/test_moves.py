"""A rerun moves an untouched appointment only to make room, and says for whom.

On a tiny region: one consultant, one interview a morning, two days. A is
kept from the previous plan; B is new and can only come on A's day. The rerun
moves A to the other day and its change names B; the guard refuses a move
that names nobody, and the independent checker agrees.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from herplan.constraints import HARD_RULES
from herplan.domain.appointment import Appointment
from herplan.domain.revisions import Rerun
from herplan.findings import Code, Finding
from herplan.io.plan_json import plan_dict
from herplan.io.sentences import change_reason
from herplan.scheduler.changes import made_room_for
from herplan.scheduler.planner import make_plan
from herplan.scheduler.verify import violations
from tests.checker import check_rerun
from tests.conftest import case, options, problem, short_morning, solve

TUE, WED = date(2026, 12, 1), date(2026, 12, 2)
TODAY = date(2026, 11, 30)


def one_a_morning():
    cases = [case("A"), case("B", unavailable_dates=frozenset({WED}))]
    return problem(cases, morning=short_morning(45), period_end=WED)


def test_a_kept_appointment_moves_to_make_room_and_names_the_case():
    p = one_a_morning()
    first = solve(replace(p, reassessments=p.reassessments[:1]), seconds=2)
    kept = replace(first.appointments[0], day=TUE)
    before = replace(first, appointments=(kept,))
    plan = make_plan(p, options(2), rerun=Rerun((kept,), 1, TODAY))
    days = {a.dossier: a.day for a in plan.appointments}
    assert days == {"A": WED, "B": TUE}
    (moved,) = [c for c in plan.changes if c.dossier == "A"]
    assert (moved.kind, moved.cause, moved.made_room_for, moved.room_cause) == (
        "verplaatst",
        "more",
        "B",
        "new",
    )
    assert (
        change_reason(moved, "nl") == "Verplaatst om ruimte te maken voor B (nog niet ingepland)."
    )
    assert change_reason(moved, "nl", name_room=False) == (
        "Verplaatst om ruimte te maken voor een ander gesprek (nog niet ingepland)."
    )
    assert check_rerun(p, plan_dict(before), plan_dict(plan), {}, TODAY) == []
    # A move that names no newly planned case is refused, by the guard and the checker.
    silent = tuple(replace(c, made_room_for="") for c in plan.changes)
    found = violations(replace(plan, changes=silent), HARD_RULES, *_rerun_start(p, kept))
    moved = [f for f in found if isinstance(f, Finding) and f.code is Code.MOVED_WITHOUT_ROOM]
    assert [f.subject.dossier for f in moved] == ["A"]
    after = plan_dict(replace(plan, changes=silent))
    assert any(
        "A: moved, but not" in f for f in check_rerun(p, plan_dict(before), after, {}, TODAY)
    )


def _rerun_start(p, kept: Appointment):
    from herplan.scheduler.candidates import find_candidates
    from herplan.scheduler.rerun import split_past, starting_plan

    rerun = Rerun((kept,), 1, TODAY)
    start, solvable, declined = split_past(p, rerun)
    cands = find_candidates(solvable, HARD_RULES, first_day=TODAY, declined=declined)
    return rerun, starting_plan(cands, rerun, start)


def _at(dossier: str, consultant: str, day: date, location: str = "Noord") -> Appointment:
    return Appointment(
        f"{dossier}@x",
        dossier,
        "A.B.",
        "Yulius",
        location,
        consultant,
        day,
        540,
        585,
        780,
        825,
        "client",
    )


def test_the_case_a_move_made_room_for_is_the_one_in_its_old_morning():
    before = _at("A", "AH", TUE)
    elsewhere = _at("X", "BB", TUE, "Zuid")
    in_its_morning = _at("Y", "AH", TUE)
    same_week = _at("Z", "AH", date(2026, 12, 3), "Zuid")
    assert made_room_for(before, [elsewhere, same_week, in_its_morning], None) == in_its_morning
    assert made_room_for(before, [elsewhere, same_week], None) == same_week
    assert made_room_for(before, [elsewhere], None) == elsewhere
    assert made_room_for(before, [], None) is None
