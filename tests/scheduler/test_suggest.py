"""``herplan suggest`` (README, Suggestions): ranked places for one reassessment.

Tiny regions where each kind of option is the only one there is (a free place
in a visit, a new visit, one appointment moved, none at all but an extra
morning above a weekly cap), and a property over whole plans: every option
offered, applied to the plan, passes the independent checker's hard rules and
every rerun promise (``tests/checker.py``), on the bundled example here and
on the L-tight benchmark region in the slow tests.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.instances import shape, write
from herplan.app.cli import main
from herplan.app.suggest import open_region
from herplan.constraints import HARD_RULES
from herplan.domain.appointment import Appointment
from herplan.domain.problem import Problem
from herplan.domain.revisions import Rerun
from herplan.findings import Code, Finding
from herplan.io.input_reader import read_problem
from herplan.io.suggest import suggestions_dict
from herplan.scheduler.suggest import NotOpen, suggest
from tests.checker import check_plan, check_rerun
from tests.conftest import (
    EXAMPLE,
    START,
    case,
    consultant,
    location,
    problem,
    short_morning,
)

TODAY = date(2026, 11, 30)
PLACE = (
    "date",
    "start",
    "end",
    "writeup_start",
    "writeup_end",
    "consultant",
    "provider",
    "location",
    "with",
)


def booked(p: Problem, dossier: str, cid: str, day: date, start: int, pinned=False) -> Appointment:
    r = next(x for x in p.reassessments if x.dossier == dossier)
    return Appointment(
        uid=f"{dossier}@test",
        dossier=dossier,
        client=r.client,
        provider=r.provider,
        location=r.location,
        consultant=cid,
        day=day,
        start=start,
        end=start + 45,
        writeup_start=13 * 60 + (start - 9 * 60),
        writeup_end=13 * 60 + (start - 9 * 60) + 45,
        with_="client",
        begeleider=r.begeleider,
        pinned=pinned,
    )


def rerun_of(*appointments: Appointment) -> Rerun:
    return Rerun(previous=tuple(appointments), revision=1, today=TODAY)


# --- each kind of option on a tiny region ---------------------------------------------------


def test_a_free_place_in_a_planned_visit_comes_first():
    p = problem([case("D1"), case("D2")], [consultant("AH"), consultant("BK")])
    found = suggest(p, HARD_RULES, rerun_of(booked(p, "D1", "AH", START, 9 * 60)), "D2")
    best = found.options[0]
    assert (best.place.consultant, best.place.day, best.extra_visit) == ("AH", START, False)
    assert best.place.start == 9 * 60 + 45 + p.settings.changeover_min  # after D1, D1 kept
    assert all(o.extra_visit for o in found.options[1:])  # the rest: new visits


def test_a_new_visit_when_the_visit_is_full_and_never_above_the_weekly_cap():
    # A morning of one interview: D1's visit is full. AH may work one morning a week.
    p = problem(
        [case("D1"), case("D2")],
        [consultant("AH", max_mornings_per_week=1), consultant("BK")],
        morning=short_morning(50),
    )
    found = suggest(p, HARD_RULES, rerun_of(booked(p, "D1", "AH", START, 9 * 60)), "D2")
    direct = [o for o in found.options if not o.moves]
    assert direct and direct == found.options[: len(direct)], "no move before a move"
    assert all(o.extra_visit for o in direct) and {o.place.consultant for o in direct} == {"BK"}


def test_one_appointment_moved_to_make_room_never_a_pinned_one():
    # One consultant, one interview a morning: D2 only fits on Tuesday, where D1 is.
    only_tuesday = frozenset(d for d in range(7) if d != START.weekday())
    p = problem(
        [case("D1"), case("D2", unavailable_weekdays=only_tuesday)], morning=short_morning(50)
    )
    found = suggest(p, HARD_RULES, rerun_of(booked(p, "D1", "AH", START, 9 * 60)), "D2")
    assert found.options, "moving D1 to another day makes room"
    for option in found.options:
        assert option.place.day == START and [m.dossier for m in option.moves] == ["D1"]
        assert option.moves[0].day != START and option.cost.moves == 1
    pinned = rerun_of(booked(p, "D1", "AH", START, 9 * 60, pinned=True))
    assert suggest(p, HARD_RULES, pinned, "D2").options == []


def test_no_place_gives_the_reason_and_the_extra_morning_that_would_make_it_fit():
    only_tuesday = frozenset(d for d in range(7) if d != START.weekday())
    p = problem(
        [case(d, unavailable_weekdays=only_tuesday) for d in ("D1", "D2")],
        [consultant("AH", max_mornings_per_week=1), consultant("BK", max_mornings_per_week=1)],
        morning=short_morning(50),
    )
    # BK's one morning of the week is spent on Wednesday (someone else, elsewhere);
    # Noord has two rooms, so a second consultant could come on Tuesday.
    p = problem(
        [*p.reassessments, case("D3", location="Zuid")],
        p.consultants,
        [location("Noord", rooms=2)],
        morning=short_morning(50),
    )
    later = date(2026, 12, 2)
    plan = rerun_of(booked(p, "D1", "AH", START, 9 * 60), booked(p, "D3", "BK", later, 9 * 60))
    found = suggest(p, HARD_RULES, plan, "D2")
    assert found.options == []
    assert found.unplanned is not None and found.unplanned.reasons == ("capaciteit",)
    extra = found.would_fit_with
    assert extra is not None and (extra.consultant, extra.day, extra.weekly_cap) == ("BK", START, 1)


def test_ranking_prefers_the_vaste_consulent_and_the_preferred_day():
    p = problem([case("D1", preferred_consultant="BK")], [consultant("AH"), consultant("BK")])
    found = suggest(p, HARD_RULES, rerun_of(), "D1", top=3)
    assert [o.place.consultant for o in found.options] == ["BK", "BK", "BK"]
    assert [o.place.day for o in found.options] == sorted(o.place.day for o in found.options)


def test_a_planned_dossier_gets_other_days_than_its_own_and_the_days_refused():
    p = problem([case("D1")])
    found = suggest(
        p,
        HARD_RULES,
        rerun_of(booked(p, "D1", "AH", START, 9 * 60)),
        "D1",
        top=10,
        not_days=[date(2026, 12, 2)],
    )
    assert {o.place.day for o in found.options} == {date(2026, 12, 3), date(2026, 12, 4)}


def test_a_dossier_held_before_today_or_unknown_is_refused():
    p = problem([case("D1")])
    held = Rerun(
        previous=(booked(p, "D1", "AH", START, 9 * 60),), revision=1, today=date(2026, 12, 3)
    )
    with pytest.raises(NotOpen) as raised:
        suggest(p, HARD_RULES, held, "D1")
    today = date(2026, 12, 3)
    assert raised.value.finding == Finding.of(
        Code.HELD_ALREADY, dossier="D1", day=START, today=today
    )
    with pytest.raises(NotOpen) as raised:
        suggest(p, HARD_RULES, rerun_of(), "D9")
    assert raised.value.finding == Finding.of(Code.NOT_OPEN, dossier="D9")


# --- every option, applied, keeps every rule and promise -------------------------------------


def applied(p: Problem, before: dict, dossier: str, option: dict) -> tuple[dict, dict[str, str]]:
    """``before`` (a ``plan.json``) with ``option`` carried out, as a rerun would write it."""
    after = copy.deepcopy(before)
    after["today"] = TODAY.isoformat()
    now = {a["dossier"]: a for a in after["appointments"]}
    r = next(x for x in p.reassessments if x.dossier == dossier)
    old = now.pop(dossier, None)
    new = {
        "uid": f"{dossier}@suggested",
        "dossier": dossier,
        "client": r.client,
        "begeleider": r.begeleider,
        "sequence": 0,
        "writeup_sequence": 0,
        "pinned": False,
        **(old or {}),
    }
    new.update({key: option[key] for key in PLACE})
    changes, answers = [], {}
    if old is not None:
        new["sequence"] += 1
        answers[dossier] = "nee"
        changes.append(
            {"dossier": dossier, "kind": "verplaatst", "cause": "nee", "conflict": False}
        )
    now[dossier] = new
    for moved in option["moves"]:
        a = now[moved["dossier"]]
        a.update({key: moved[key] for key in PLACE})
        a["sequence"] += 1
        changes.append(
            {
                "dossier": a["dossier"],
                "kind": "verplaatst",
                "cause": "more",
                "made_room_for": dossier,
                "conflict": False,
            }
        )
    after["appointments"] = list(now.values())
    after["unscheduled"] = [u for u in after["unscheduled"] if u["dossier"] != dossier]
    after["changes"] = changes
    return after, answers


def options_hold(folder: Path, input_path: Path, dossiers: list[str]) -> int:
    """Apply every option for each dossier and check it; returns the options checked."""
    region = open_region(folder, TODAY, input_path)
    p, _ = read_problem(input_path)
    before = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    checked = 0
    for dossier in dossiers:
        found = suggestions_dict(region.suggest(dossier, top=5), "nl")
        assert found["options"] or found["reasons"], dossier
        for option in found["options"]:
            after, answers = applied(p, before, dossier, option)
            assert check_plan(p, after) == [], (dossier, option)
            assert check_rerun(p, before, after, answers, TODAY) == [], (dossier, option)
            checked += 1
    return checked


def open_dossiers(p: Problem) -> list[str]:
    return [r.dossier for r in p.reassessments if not r.withdrawn]


def test_every_option_on_the_example_is_valid_when_applied(planned_example):
    folder, _ = planned_example
    p, _ = read_problem(EXAMPLE)
    dossiers = random.Random(0).sample(open_dossiers(p), 40)
    assert options_hold(folder, EXAMPLE, dossiers) > 40


@pytest.mark.slow
def test_every_option_on_l_tight_is_valid_when_applied(tmp_path):
    source = write(tmp_path / "invoer.xlsx", shape("L-tight"), seed=0)
    result = CliRunner().invoke(
        main,
        [
            "plan",
            "--today",
            "2026-11-30",
            str(source),
            "--out",
            str(tmp_path / "planning"),
            "--time-limit",
            "30",
            "--reproducible",
        ],
    )
    assert result.exit_code == 0, result.output
    p, _ = read_problem(source)
    dossiers = random.Random(1).sample(open_dossiers(p), 50)
    assert options_hold(tmp_path / "planning", source, dossiers) > 0


# --- the command line ----------------------------------------------------------------------------


def test_the_cli_prints_ranked_options_and_json(planned_example, tmp_path):
    folder, _ = planned_example
    plan = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    dossier = plan["unscheduled"][0]["dossier"]
    root = tmp_path / "copy"
    shutil.copytree(folder, root / "planning")
    shutil.copy(EXAMPLE, root / EXAMPLE.name)  # found beside the folder by plan.json's name
    args = ["suggest", str(root / "planning"), dossier.lower(), "--today", "2026-11-30"]
    text = CliRunner().invoke(main, args)
    assert text.exit_code == 0, text.output
    assert dossier in text.output
    data = json.loads(CliRunner().invoke(main, [*args, "--json"]).output)
    assert data["dossier"] == dossier and set(data) >= {"options", "reasons", "would_fit_with"}
    for option in data["options"]:
        assert set(PLACE) <= set(option) and {"extra_visit", "moves", "cost"} <= set(option)


def test_the_cli_refuses_an_unknown_dossier_with_exit_2(planned_example):
    folder, _ = planned_example
    args = ["suggest", str(folder), "D99999", "--input", str(EXAMPLE)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "D99999" in result.output


# --- choosing an option: it lands in the next rerun exactly where it was offered -------------


def _copy_of(planned_example, tmp_path) -> Path:
    folder, _ = planned_example
    root = tmp_path / "copy"
    shutil.copytree(folder, root / "planning")
    shutil.copy(EXAMPLE, root / EXAMPLE.name)
    return root


def _rerun(root: Path, *more: str):
    args = [
        "plan",
        str(root / EXAMPLE.name),
        "--out",
        str(root / "planning"),
        "--reproducible",
        "--time-limit",
        "4",
        "--today",
        TODAY.isoformat(),
        *more,
    ]
    return CliRunner().invoke(main, args)


def test_a_chosen_option_with_a_move_lands_where_it_was_offered(planned_example, tmp_path):
    root = _copy_of(planned_example, tmp_path)
    folder = root / "planning"
    region = open_region(folder, TODAY)
    p = region.problem
    dossier, n, option = next(
        (d, n, o)
        for d in open_dossiers(p)
        for n, o in enumerate(suggestions_dict(region.suggest(d), "nl")["options"], 1)
        if o["moves"]
    )
    before = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    result = _rerun(root, "--choose", f"{dossier}={n}")
    assert result.exit_code == 0, result.output
    after = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    now = {a["dossier"]: a for a in after["appointments"]}
    assert {k: now[dossier][k] for k in PLACE} == {k: option[k] for k in PLACE}
    assert now[dossier]["pinned"], "a chosen place is pinned like a ja"
    moved = option["moves"][0]
    assert {k: now[moved["dossier"]][k] for k in PLACE} == {k: moved[k] for k in PLACE}
    change = next(c for c in after["changes"] if c["dossier"] == moved["dossier"])
    assert change["made_room_for"] == dossier
    answers = (
        {dossier: "chosen"} if dossier in {a["dossier"] for a in before["appointments"]} else {}
    )
    assert check_plan(p, after) == []
    assert check_rerun(p, before, after, answers, TODAY) == []


def test_a_place_can_be_chosen_by_date_and_consultant(planned_example, tmp_path):
    root = _copy_of(planned_example, tmp_path)
    region = open_region(root / "planning", TODAY)
    dossier = open_dossiers(region.problem)[10]
    option = region.suggest(dossier, top=3).options[-1]
    place = f"{option.place.day.isoformat()}@{option.place.consultant}"
    assert _rerun(root, "--choose", f"{dossier}={place}").exit_code == 0
    after = json.loads((root / "planning" / "plan.json").read_text(encoding="utf-8"))
    now = next(a for a in after["appointments"] if a["dossier"] == dossier)
    assert (now["date"], now["consultant"]) == (
        option.place.day.isoformat(),
        option.place.consultant,
    )


@pytest.mark.parametrize("spec", ["D99999=1", "nonsense", "{first}=9999", "{first}=2026-12-25@XX"])
def test_a_choice_that_is_not_an_option_is_refused_and_nothing_written(
    planned_example, tmp_path, spec
):
    root = _copy_of(planned_example, tmp_path)
    plan_json = root / "planning" / "plan.json"
    first = json.loads(plan_json.read_text(encoding="utf-8"))["appointments"][0]["dossier"]
    before = plan_json.read_bytes()
    result = _rerun(root, "--choose", spec.format(first=first))
    assert result.exit_code == 2 and "--choose" in result.output
    assert plan_json.read_bytes() == before
