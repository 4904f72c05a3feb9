"""herplan on every day of the period and after it (README, Today).

A plan is made as of a day (``--today``; by default the clock's, in Dutch time):
nothing is placed on or before it, what stood there on a rerun is held as it
was even when its row left the input, a period that has begun plans its
remaining days and says so, and a period that has ended is refused.
"""

from __future__ import annotations

import email
import json
import random
import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar
from openpyxl import load_workbook
from starlette.testclient import TestClient

from benchmarks.instances import shape, write
from herplan import clock
from herplan.app.cli import main
from herplan.app.hand_moves import check_move
from herplan.app.suggest import open_region
from herplan.calendar import working_days
from herplan.domain.problem import Settings
from herplan.domain.revisions import Verdict
from herplan.findings import Code, Finding
from herplan.io.errors import InputError
from herplan.io.finding_words import render
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.io.previous import prepare_rerun
from herplan.scheduler.planner import make_plan
from tests.checker import check_plan, check_rerun
from tests.conftest import EXAMPLE, PLANNED_AS, options
from tests.web.test_answers import answer, links_on_page, two_providers
from tests.web.test_web import app, upload, wait

DECEMBER = Settings(period_start=date(2026, 12, 1), period_end=date(2026, 12, 31))
DAYS = working_days(DECEMBER)


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def plan_of(folder: Path) -> dict:
    return json.loads((folder / "plan.json").read_text(encoding="utf-8"))


# --- a first plan, a period begun, a period ended ----------------------------------------


def test_a_first_plan_made_on_16_december_places_nothing_on_or_before_it(tmp_path):
    out = tmp_path / "planning"
    result = run(
        "plan",
        EXAMPLE,
        "--out",
        out,
        "--today",
        "2026-12-16",
        "--reproducible",
        "--time-limit",
        "3",
    )
    assert result.exit_code == 0, result.output
    plan = plan_of(out)
    assert plan["today"] == "2026-12-16"
    assert plan["appointments"] and min(a["date"] for a in plan["appointments"]) > "2026-12-16"
    assert "al begonnen (vandaag is 16 december 2026)" in result.output
    assert "17 december 2026 tot en met 31 december 2026" in result.output
    problem, _ = read_problem(EXAMPLE, date(2026, 12, 16))
    assert check_plan(problem, plan) == []
    for message in (out / "uitgaand").glob("*.eml"):  # no invitation for a day gone by
        text = message.read_text(encoding="utf-8")
        assert not any(f"DTSTART;TZID=Europe/Amsterdam:202612{d:02d}" in text for d in range(1, 17))


def test_a_rerun_never_goes_back_in_time(tmp_path):
    """A rerun as of a day before the one the plan was made as would undo what was held
    since (a README command with --today copied onto a live folder): refused, exit 2."""
    out = tmp_path / "planning"
    first = run(
        "plan",
        EXAMPLE,
        "--out",
        out,
        "--today",
        "2026-12-09",
        "--reproducible",
        "--time-limit",
        "3",
    )
    assert first.exit_code == 0, first.output
    before = (out / "plan.json").read_bytes()
    back = run("plan", EXAMPLE, "--out", out, "--today", "2026-11-30", "--time-limit", "3")
    assert back.exit_code == 2
    said = " ".join(back.output.split())
    assert "planned as of 2026-12-09" in said and "--today 2026-12-09 or later" in said
    assert (out / "plan.json").read_bytes() == before
    same_day = run(
        "plan",
        EXAMPLE,
        "--out",
        out,
        "--today",
        "2026-12-09",
        "--reproducible",
        "--time-limit",
        "3",
    )
    assert same_day.exit_code == 0, same_day.output


def test_a_first_plan_before_the_period_says_nothing_of_a_begun_period(planned_example):
    out, result = planned_example
    assert plan_of(out)["today"] == PLANNED_AS.isoformat()
    assert "begonnen" not in result.output


@pytest.mark.parametrize("today", ["2027-01-01", "2027-02-01"])
def test_a_period_that_has_ended_is_refused_and_nothing_is_written(tmp_path, today):
    out = tmp_path / "planning"
    result = run("plan", EXAMPLE, "--out", out, "--today", today)
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert f"the period 2026-12-01 to 2026-12-31 has ended (today is {today})" in said
    assert "--today 2026-11-30" in said and "Instellingen › periode_eind" in said
    assert not out.exists()


def test_without_today_the_clock_decides_in_dutch_time(tmp_path, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2027, 2, 1))
    result = run("plan", EXAMPLE, "--out", tmp_path / "planning")
    assert result.exit_code == 2 and "today is 2027-02-01" in result.output
    assert not (tmp_path / "planning").exists()


def test_a_period_of_which_no_working_day_is_left_plans_nothing_and_says_why(tmp_path):
    out = tmp_path / "planning"
    result = run(
        "plan",
        EXAMPLE,
        "--out",
        out,
        "--today",
        "2026-12-31",
        "--reproducible",
        "--time-limit",
        "2",
    )
    assert result.exit_code == 0, result.output
    plan = plan_of(out)
    assert plan["appointments"] == []
    open_cases = [u for u in plan["unscheduled"] if u["reasons"] != ["geannuleerd"]]
    assert open_cases and all(u["reasons"] == ["periode_voorbij"] for u in open_cases)
    assert "geen werkdag meer" in open_cases[0]["explanation"]
    problem, _ = read_problem(EXAMPLE, date(2026, 12, 31))
    assert check_plan(problem, plan) == []


def test_the_quick_start_names_the_day_it_plans_as():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    first = readme.split("```bash", 1)[1].split("\n")[1]
    assert "herplan plan examples/drechtsteden-2026.xlsx" in first and "--today 2026-11-30" in first


# --- a held appointment outlives its input row ---------------------------------------------

KINDS = ("withdrawn", "removed", "provider", "location", "consultant")
WHEN = ("before", "today", "later")


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> tuple[Path, Path, date]:
    """A small region with an outbox, planned as of 30 November; the rerun's today."""
    root = tmp_path_factory.mktemp("region")
    spec = shape("S", settings={"organisator_email": "planning@sdd.example.nl"})
    source = write(root / "invoer.xlsx", spec, seed=5)
    result = run(
        "plan",
        source,
        "--out",
        root / "planning",
        "--today",
        PLANNED_AS,
        "--reproducible",
        "--time-limit",
        "3",
    )
    assert result.exit_code == 0, result.output
    days = sorted({a["date"] for a in plan_of(root / "planning")["appointments"]})
    return source, root / "planning", date.fromisoformat(days[len(days) // 3])


def _target(before: dict, today: date, when: str) -> dict:
    """An appointment held before today, on it, or later."""
    wanted = {
        "before": lambda d: d < today,
        "today": lambda d: d == today,
        "later": lambda d: d > today,
    }[when]
    return next(a for a in before["appointments"] if wanted(date.fromisoformat(a["date"])))


def _rows_without(sheet, column: str, value: str) -> None:
    header = [c.value for c in sheet[1]]
    at = header.index(column) + 1
    for row in range(sheet.max_row, 1, -1):
        if sheet.cell(row, at).value == value:
            sheet.delete_rows(row)


def edited_input(source: Path, target: Path, a: dict, kind: str) -> Path:
    """The input with ``a``'s reassessment withdrawn or removed, or its provider,
    location or consultant gone from the input (the cases there with it)."""
    wb = load_workbook(source)
    cases, places = wb["Herindicaties"], wb["Locaties"]
    header = [c.value for c in cases[1]]
    if kind == "withdrawn":
        for row in cases.iter_rows(min_row=2):
            if row[header.index("dossier")].value == a["dossier"]:
                row[header.index("status")].value = "geannuleerd"
    elif kind == "removed":
        _rows_without(cases, "dossier", a["dossier"])
    elif kind == "provider":
        _rows_without(cases, "aanbieder", a["provider"])
        _rows_without(places, "aanbieder", a["provider"])
    elif kind == "location":
        gone = [
            row[header.index("dossier")].value
            for row in cases.iter_rows(min_row=2)
            if row[header.index("locatie")].value == a["location"]
        ]
        for dossier in gone:
            _rows_without(cases, "dossier", dossier)
        _rows_without(places, "locatie", a["location"])
    else:
        _rows_without(wb["Consulenten"], "consulent", a["consultant"])
        _rows_without(wb["Afwezigheid"], "consulent", a["consultant"])
        for row in cases.iter_rows(min_row=2):
            if row[header.index("vaste_consulent")].value == a["consultant"]:
                row[header.index("vaste_consulent")].value = None
    wb.save(target)
    return target


def as_held(a: dict | None) -> dict | None:
    """An appointment as it was held (a held one is pinned from then on)."""
    return None if a is None else {k: v for k, v in a.items() if k != "pinned"}


def _messages_about(folder: Path, uid: str) -> list[str]:
    """The METHOD of every message in the outbox about the event ``uid``."""
    found = []
    for path in sorted((folder / "uitgaand").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes())
        for part in message.walk():
            if part.get_content_type() != "text/calendar":
                continue
            calendar = Calendar.from_ical(part.get_payload(decode=True))
            if any(str(e.get("uid")) == uid for e in calendar.walk("VEVENT")):
                found.append(str(calendar.get("method")))
    return found


def _provider_workbook_rows(folder: Path, provider: str) -> list[tuple]:
    stem = plan_of(folder)["file_names"]["aanbieders"][provider]
    ws = load_workbook(folder / "aanbieders" / f"{stem}.xlsx")["Planning"]
    return list(ws.iter_rows(min_row=2, values_only=True))


@pytest.mark.parametrize("when", WHEN)
@pytest.mark.parametrize("kind", KINDS)
def test_a_held_appointment_outlives_its_input_row(region, tmp_path, kind, when):
    source, planning, today = region
    folder = tmp_path / "planning"
    shutil.copytree(planning, folder)
    before = plan_of(folder)
    a = _target(before, today, when)
    changed = edited_input(source, tmp_path / "invoer.xlsx", a, kind)
    result = run(
        "plan", changed, "--out", folder, "--today", today, "--reproducible", "--time-limit", "2"
    )
    assert result.exit_code == 0, result.output
    after = plan_of(folder)
    now = {x["dossier"]: x for x in after["appointments"]}
    held = [x for x in before["appointments"] if x["date"] <= today.isoformat()]
    assert [as_held(now.get(x["dossier"])) for x in held] == [as_held(x) for x in held]
    problem, _ = read_problem(changed, today)
    assert check_plan(problem, after) == []
    assert check_rerun(problem, before, after, {}, today) == []
    if when == "later":  # gone from the plan (or to another consultant): a cancellation goes out
        gone = now.get(a["dossier"])
        assert gone is None or (kind == "consultant" and gone["consultant"] != a["consultant"])
        assert "CANCEL" in _messages_about(folder, a["uid"])
        return
    assert _messages_about(folder, a["uid"]) == []  # never cancelled or sent again
    if kind in ("removed", "provider", "location"):  # the summary's counts still add up
        said = " ".join(result.output.split())
        assert "al gehouden van rijen die niet meer in de invoer staan" in said
    rows = _provider_workbook_rows(folder, a["provider"])
    row = next(r for r in rows if a["dossier"] in r)
    assert any(isinstance(cell, str) and cell.startswith("gehouden op") for cell in row)


# --- walking today through the period --------------------------------------------------------


def test_the_walk_covers_every_working_day_of_the_example(planned_example):
    problem, _ = read_problem(EXAMPLE, PLANNED_AS)
    assert working_days(problem.settings) == DAYS


def _answers(before: dict, today: date, rng: random.Random) -> tuple[list[str], dict[str, str]]:
    """A few withdrawals and ``nee`` answers among the appointments after ``today``."""
    later = sorted(a["dossier"] for a in before["appointments"] if a["date"] > today.isoformat())
    picked = rng.sample(later, min(len(later), 5))
    return picked[:2], {d: "nee" for d in picked[2:]}


@pytest.mark.parametrize("today", DAYS, ids=lambda d: d.isoformat())
def test_every_day_of_the_period_plans_and_reruns_with_every_promise_kept(planned_example, today):
    folder, _ = planned_example
    problem, _ = read_problem(EXAMPLE, today)
    first = plan_dict(make_plan(problem, options(1), today=today))
    assert all(a["date"] > today.isoformat() for a in first["appointments"])
    assert check_plan(problem, first) == []
    before = plan_of(folder)
    withdrawn, answers = _answers(before, today, random.Random(today.toordinal()))
    changed = replace(
        problem,
        reassessments=tuple(
            replace(r, withdrawn=True) if r.dossier in withdrawn else r
            for r in problem.reassessments
        ),
    )
    rerun = prepare_rerun(folder, today)
    rerun = replace(rerun, verdicts=tuple(Verdict(d, False, "ziek") for d in answers))
    after = plan_dict(make_plan(changed, options(1), rerun=rerun))
    new = [a for a in after["appointments"] if a["date"] <= today.isoformat()]
    assert {a["dossier"] for a in new} <= {a["dossier"] for a in before["appointments"]}
    assert check_plan(changed, after) == []
    assert check_rerun(changed, before, after, answers, today) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "today",
    [
        date(2026, 12, 1),
        date(2026, 12, 9),
        date(2026, 12, 16),
        date(2026, 12, 23),
        date(2026, 12, 30),
    ],
    ids=lambda d: d.isoformat(),
)
def test_l_tight_on_a_handful_of_days(l_tight, today):
    source, folder = l_tight
    problem, _ = read_problem(source, today)
    first = plan_dict(make_plan(problem, options(8), today=today))
    assert all(a["date"] > today.isoformat() for a in first["appointments"])
    assert check_plan(problem, first) == []
    before = plan_of(folder)
    withdrawn, answers = _answers(before, today, random.Random(today.toordinal()))
    changed = replace(
        problem,
        reassessments=tuple(
            replace(r, withdrawn=True) if r.dossier in withdrawn else r
            for r in problem.reassessments
        ),
    )
    rerun = replace(
        prepare_rerun(folder, today), verdicts=tuple(Verdict(d, False) for d in answers)
    )
    after = plan_dict(make_plan(changed, options(8), rerun=rerun))
    assert check_plan(changed, after) == []
    assert check_rerun(changed, before, after, answers, today) == []


@pytest.fixture(scope="module")
def l_tight(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("l-tight")
    source = write(root / "invoer.xlsx", shape("L-tight"), seed=0)
    result = run(
        "plan",
        source,
        "--out",
        root / "planning",
        "--today",
        PLANNED_AS,
        "--reproducible",
        "--time-limit",
        "30",
    )
    assert result.exit_code == 0, result.output
    return source, root / "planning"


# --- options, picks and moves never reach into the past ------------------------------------


def test_options_and_moves_offer_and_accept_only_days_after_today(planned_example):
    folder, _ = planned_example
    today = date(2026, 12, 9)
    region = open_region(folder, today, EXAMPLE)
    later = [a for a in plan_of(folder)["appointments"] if a["date"] > today.isoformat()]
    for a in later[:10]:
        assert all(o.place.day > today for o in region.suggest(a["dossier"], top=10).options)
    a = later[0]
    refused = check_move(folder, a["dossier"], a["consultant"], today, EXAMPLE, today)
    assert not refused.allowed
    past = Finding.of(Code.DAY_NOT_AFTER_TODAY, day=today, today=today)
    assert [r.finding for r in refused.refusals] == [past]
    assert render(past) == "2026-12-09 is not after today (2026-12-09)"
    assert "2026-12-09 is vandaag of al voorbij" in render(past, "nl")
    held = next(x for x in plan_of(folder)["appointments"] if x["date"] < today.isoformat())
    with pytest.raises(InputError, match="held"):
        check_move(folder, held["dossier"], held["consultant"], date(2026, 12, 15), EXAMPLE, today)


def test_a_chosen_place_on_a_day_gone_by_is_refused_in_words(planned_example, tmp_path):
    folder, _ = planned_example
    copy = tmp_path / "planning"
    shutil.copytree(folder, copy)
    a = next(x for x in plan_of(copy)["appointments"] if x["date"] > "2026-12-09")
    result = run(
        "plan",
        EXAMPLE,
        "--out",
        copy,
        "--today",
        "2026-12-09",
        "--choose",
        f"{a['dossier']}=2026-12-08@{a['consultant']}",
    )
    assert result.exit_code == 2
    assert "2026-12-08 is not after today (2026-12-09)" in result.output
    assert plan_of(copy) == plan_of(folder)


@pytest.fixture
def answered_region(tmp_path) -> tuple[Path, str, dict]:
    """Two providers planned on the page as of 30 November: data folder, planning, plan."""
    with TestClient(app(tmp_path / "data", time_limit=3, reproducible=True)) as client:
        sent = upload(client, two_providers(tmp_path))
        assert sent.status_code == 303, sent.text
        name = sent.headers["location"].split("/")[2]
        assert wait(client, name)["errors"] == []
        links = links_on_page(client, name)
    return tmp_path / "data", name, links


def test_a_providers_page_shows_held_appointments_without_asking_an_answer(answered_region):
    data, name, links = answered_region
    plan = plan_of(data / name / "planning")
    days = sorted({a["date"] for a in plan["appointments"]})
    today = date.fromisoformat(days[0])  # the first morning is held
    held = [a for a in plan["appointments"] if a["date"] == days[0]]
    with TestClient(app(data, today=today)) as client:
        provider = held[0]["provider"]
        page = client.get(f"/a/{links[provider]}").text
        assert "geen antwoord nodig" in page
        assert page.count('name="antwoord" value="ja"') == sum(
            1 for a in plan["appointments"] if a["provider"] == provider and a["date"] > days[0]
        )
        deadline = re.search(r"Graag antwoorden uiterlijk \w+ (\d+) december\.", page)
        assert deadline is not None and date(2026, 12, int(deadline.group(1))) >= today
        refused = answer(client, links[provider], held[0]["dossier"], "nee")
        assert refused.status_code == 400 and "geen antwoord meer nodig" in refused.text
        n = 1 + [
            a["dossier"]
            for a in sorted(
                (a for a in plan["appointments"] if a["provider"] == provider),
                key=lambda a: (a["date"], a["start"], a["location"], a["dossier"]),
            )
        ].index(held[0]["dossier"])
        assert client.get(f"/a/{links[provider]}/opties/{n}").status_code == 404
    with TestClient(app(data, today=date(2027, 1, 1))) as client:  # the link ends with the period
        closed = client.get(f"/a/{links[provider]}")
        assert closed.status_code == 410 and 'id="closed"' in closed.text
        assert 'name="antwoord"' not in closed.text
