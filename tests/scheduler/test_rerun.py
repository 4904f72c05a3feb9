"""Reruns (README): plan, edit the input, run the same command, only what must move moves.

Each test plans a generated instance, makes one kind of change (a withdrawal,
an absence, a closed location day, a new reassessment, a provider's ``nee``),
reruns and checks that the affected appointments changed and no other did,
that the independent checker passes, and that UID, SEQUENCE and the
cancellation files are right.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from benchmarks.instances import Shape, write
from herplan.app.cli import main
from herplan.io.input_reader import read_problem
from tests.checker import check_files, check_rerun

TODAY = "2026-11-30"
SHAPE = Shape(reassessments=60, consultants=4, locations=10)


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """A generated input and its first planning, copied fresh for every test."""
    base = tmp_path_factory.mktemp("first")
    source = write(base / "invoer.xlsx", SHAPE, seed=3)
    run(
        "plan",
        "--today",
        "2026-11-30",
        str(source),
        "--out",
        str(base / "planning"),
        "--time-limit",
        "5",
    )
    return base


@pytest.fixture
def workspace(first, tmp_path):
    shutil.copy(first / "invoer.xlsx", tmp_path / "invoer.xlsx")
    shutil.copytree(first / "planning", tmp_path / "planning")
    return tmp_path


def _plan(folder: Path) -> dict:
    return json.loads((folder / "plan.json").read_text(encoding="utf-8"))


def _by_dossier(plan: dict) -> dict[str, dict]:
    return {a["dossier"]: a for a in plan["appointments"]}


def _where(a: dict) -> tuple:
    return (a["consultant"], a["date"], a["start"], a["end"])


def _rerun(ws: Path, *extra: str):
    return run(
        "plan", str(ws / "invoer.xlsx"), "--out", str(ws / "planning"), "--today", TODAY, *extra
    )


def _assert_only(before: dict, after: dict, affected: set[str]) -> None:
    old, new = _by_dossier(before), _by_dossier(after)
    for dossier, a in old.items():
        if dossier in affected:
            continue
        assert dossier in new, f"{dossier} was dropped"
        assert _where(new[dossier]) == _where(a), f"{dossier} moved without cause"
        assert new[dossier]["sequence"] == a["sequence"] and new[dossier]["uid"] == a["uid"]


def _edit(path: Path, sheet: str, change) -> None:
    wb = load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    change(ws, header)
    wb.save(path)


def _cancelled_uids(folder: Path) -> dict[str, int]:
    uids: dict[str, int] = {}
    for path in folder.glob("*/geannuleerd/*/*.ics"):
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        assert str(cal["METHOD"]) == "CANCEL"
        events = cal.walk("VEVENT")
        assert len(events) == 1  # one UID per CANCEL object (RFC 5546)
        for event in events:
            assert str(event["STATUS"]) == "CANCELLED"
            uids[str(event["UID"])] = int(event["SEQUENCE"])
    return uids


def test_unchanged_input_changes_nothing(workspace):
    before = _plan(workspace / "planning")
    result = _rerun(workspace)
    after = _plan(workspace / "planning")
    assert after["revision"] == before["revision"] + 1 and after["changes"] == []
    _assert_only(before, after, set())
    assert "Revisie 2: 0 wijzigingen" in result.output
    assert (workspace / "planning" / "revisies" / "1" / "plan.json").exists()


def test_withdrawn_reassessment_is_cancelled_and_nothing_else_moves(workspace):
    before = _plan(workspace / "planning")
    gone = before["appointments"][0]

    def withdraw(ws, header):
        for row in ws.iter_rows(min_row=2):
            if row[header.index("dossier")].value == gone["dossier"]:
                row[header.index("status")].value = "geannuleerd"

    _edit(workspace / "invoer.xlsx", "Herindicaties", withdraw)
    _rerun(workspace)
    after = _plan(workspace / "planning")
    assert gone["dossier"] not in _by_dossier(after)
    _assert_only(before, after, {gone["dossier"]})
    kinds = {c["dossier"]: c["kind"] for c in after["changes"]}
    assert kinds[gone["dossier"]] == "geannuleerd"
    cancelled = _cancelled_uids(workspace / "planning")
    assert cancelled[gone["uid"]] == gone["sequence"] + 1
    assert check_files(workspace / "invoer.xlsx", workspace / "planning" / "plan.json") == []
    # the previous revision's files are kept
    old = workspace / "planning" / "revisies" / "1" / "plan.json"
    assert json.loads(old.read_text(encoding="utf-8")) == before


def test_absence_moves_only_that_consultants_day(workspace):
    before = _plan(workspace / "planning")
    a = before["appointments"][0]
    day = date.fromisoformat(a["date"])
    hit = {
        x["dossier"]
        for x in before["appointments"]
        if (x["consultant"], x["date"]) == (a["consultant"], a["date"])
    }

    def absent(ws, header):
        ws.append([a["consultant"], day, day] + [None] * (len(header) - 3))

    _edit(workspace / "invoer.xlsx", "Afwezigheid", absent)
    _rerun(workspace)
    after = _plan(workspace / "planning")
    _assert_only(before, after, hit | _gap_fillers(before, after))
    moved = _by_dossier(after)
    for dossier in hit & moved.keys():
        assert (moved[dossier]["consultant"], moved[dossier]["date"]) != (
            a["consultant"],
            a["date"],
        )
        assert (
            moved[dossier]["sequence"] == 1
            and moved[dossier]["uid"] == _by_dossier(before)[dossier]["uid"]
        )
    reasons = {c["reason"] for c in after["changes"] if c["dossier"] in hit}
    assert any("niet beschikbaar" in r for r in reasons)
    assert check_files(workspace / "invoer.xlsx", workspace / "planning" / "plan.json") == []


def _gap_fillers(before: dict, after: dict) -> set[str]:
    """Dossiers that moved to make room for more reassessments (allowed on a rerun, README)."""
    planned_more = len(after["appointments"]) > len(before["appointments"])
    if not planned_more:
        return set()
    return {c["dossier"] for c in after["changes"] if c["kind"] == "verplaatst"}


def test_closed_location_day_moves_only_its_interviews(workspace):
    before = _plan(workspace / "planning")
    a = before["appointments"][-1]
    place = (a["provider"], a["location"], a["date"])
    hit = {
        x["dossier"]
        for x in before["appointments"]
        if (x["provider"], x["location"], x["date"]) == place
    }

    def close(ws, header):
        for row in ws.iter_rows(min_row=2):
            if (row[header.index("aanbieder")].value, row[header.index("locatie")].value) == (
                a["provider"],
                a["location"],
            ):
                old = row[header.index("gesloten")].value
                new = date.fromisoformat(a["date"]).strftime("%d-%m-%Y")
                row[header.index("gesloten")].value = f"{old}, {new}" if old else new

    _edit(workspace / "invoer.xlsx", "Locaties", close)
    _rerun(workspace)
    after = _plan(workspace / "planning")
    _assert_only(before, after, hit | _gap_fillers(before, after))
    now = _by_dossier(after)
    assert all(now[d]["date"] != a["date"] for d in hit if d in now)
    assert check_files(workspace / "invoer.xlsx", workspace / "planning" / "plan.json") == []


def test_zelfde_dag_on_a_day_the_location_closed_moves_it_like_any_closed_day(workspace):
    """*Zelfde dag, andere tijd* on a day the location has since closed cannot keep the
    day: the interview moves as for the closure, and the answer (which said nothing
    about the other days) forbids no other day: it is not left unplanned for a client
    who would be unavailable every other day."""
    before = _plan(workspace / "planning")
    a = before["appointments"][-1]

    def close(ws, header):
        for row in ws.iter_rows(min_row=2):
            if (row[header.index("aanbieder")].value, row[header.index("locatie")].value) == (
                a["provider"],
                a["location"],
            ):
                old = row[header.index("gesloten")].value
                new = date.fromisoformat(a["date"]).strftime("%d-%m-%Y")
                row[header.index("gesloten")].value = f"{old}, {new}" if old else new

    _edit(workspace / "invoer.xlsx", "Locaties", close)
    sheet = _returned_sheet(workspace, a["dossier"], "zelfde dag", "liever later")
    result = _plan_with_feedback(workspace, sheet)
    assert result.exit_code == 0, result.output
    after = _plan(workspace / "planning")
    now = _by_dossier(after)
    assert a["dossier"] in now and now[a["dossier"]]["date"] != a["date"]
    line = next(c for c in after["changes"] if c["dossier"] == a["dossier"])
    assert line["cause"] == "same_day" and line["remark"] == "liever later"
    problem, _ = read_problem(workspace / "invoer.xlsx", date.fromisoformat(TODAY))
    answers = {a["dossier"]: "zelfde_dag"}
    assert check_rerun(problem, before, after, answers, date.fromisoformat(TODAY)) == []
    assert check_files(workspace / "invoer.xlsx", workspace / "planning" / "plan.json") == []


def test_new_reassessment_is_added_without_moving_others(workspace):
    before = _plan(workspace / "planning")
    first = before["appointments"][0]

    def add(ws, header):
        row = {h: c.value for h, c in zip(header, next(ws.iter_rows(min_row=2)), strict=True)}
        source = next(
            r
            for r in ws.iter_rows(min_row=2, values_only=True)
            if r[header.index("dossier")] == first["dossier"]
        )
        row.update(dict(zip(header, source, strict=True)))
        row.update(
            dossier="NIEUW1",
            client="N.N.",
            status=None,
            begeleider=None,
            begeleider_email=None,
            vaste_consulent=None,
        )
        ws.append([row[h] for h in header])

    _edit(workspace / "invoer.xlsx", "Herindicaties", add)
    _rerun(workspace)
    after = _plan(workspace / "planning")
    _assert_only(before, after, _gap_fillers(before, after))
    changes = {c["dossier"]: c["kind"] for c in after["changes"]}
    if "NIEUW1" in _by_dossier(after):
        assert changes["NIEUW1"] == "nieuw" and _by_dossier(after)["NIEUW1"]["sequence"] == 0
    else:
        assert "NIEUW1" in {u["dossier"] for u in after["unscheduled"]}
    assert check_files(workspace / "invoer.xlsx", workspace / "planning" / "plan.json") == []


def _returned_sheet(ws_root: Path, provider_dossier: str, answer: str, remark: str) -> Path:
    """A provider's workbook as people send it back: a hidden column, an answer typed."""
    sheets = sorted((ws_root / "planning" / "aanbieders").glob("*.xlsx"))
    for path in sheets:
        if "geannuleerd" in path.name:
            continue
        wb = load_workbook(path)
        ws = wb["Planning"]
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            if row[header.index("Dossier")].value == provider_dossier:
                row[header.index("Haalbaar")].value = answer
                row[header.index("Opmerking")].value = remark
                ws.column_dimensions["B"].hidden = True
                ws.insert_cols(1)  # columns move
                ws["A1"] = "Eigen kolom"
                returned = ws_root / f"terug-{path.name}"
                wb.save(returned)
                return returned
    raise AssertionError(f"{provider_dossier} is in no provider sheet")


def test_provider_nee_moves_that_interview_and_ja_pins(workspace):
    before = _plan(workspace / "planning")
    no = before["appointments"][0]
    sheet = _returned_sheet(workspace, no["dossier"], "NEE ", "cliënt is dan op vakantie")
    result = _rerun(workspace, "--feedback", str(sheet))
    after = _plan(workspace / "planning")
    _assert_only(before, after, {no["dossier"]} | _gap_fillers(before, after))
    now = _by_dossier(after).get(no["dossier"])
    assert now is None or now["date"] != no["date"]
    change = next(c for c in after["changes"] if c["dossier"] == no["dossier"])
    assert "vakantie" in change["reason"]
    assert f"{no['dossier']}: nee" in result.output  # the summary names the answer
    wb = load_workbook(workspace / "planning" / "overzicht.xlsx")
    assert any("vakantie" in str(c.value) for row in wb["Wijzigingen"].iter_rows() for c in row)

    yes = after["appointments"][-1]
    sheet = _returned_sheet(workspace, yes["dossier"], "Ja", "")
    _rerun(workspace, "--feedback", str(sheet))
    assert _by_dossier(_plan(workspace / "planning"))[yes["dossier"]]["pinned"] is True


def test_feedback_with_a_foreign_dossier_is_an_error(workspace):
    before = _plan(workspace / "planning")
    a = before["appointments"][0]
    sheet = _returned_sheet(workspace, a["dossier"], "ja", "")
    wb = load_workbook(sheet)
    ws = wb["Planning"]
    header = [c.value for c in ws[1]]
    ws.cell(row=ws.max_row + 1, column=header.index("Dossier") + 1, value="ONBEKEND")
    wb.save(sheet)
    result = CliRunner().invoke(
        main,
        [
            "plan",
            str(workspace / "invoer.xlsx"),
            "--out",
            str(workspace / "planning"),
            "--today",
            TODAY,
            "--feedback",
            str(sheet),
        ],
    )
    assert result.exit_code == 2
    assert f"{sheet.name} › Planning › row" in result.output and "ONBEKEND" in result.output
    assert _plan(workspace / "planning") == before  # nothing written


def test_days_before_today_are_pinned(workspace):
    before = _plan(workspace / "planning")
    today = sorted({a["date"] for a in before["appointments"]})[2]
    run(
        "plan",
        str(workspace / "invoer.xlsx"),
        "--out",
        str(workspace / "planning"),
        "--today",
        today,
    )
    after = _by_dossier(_plan(workspace / "planning"))
    for a in before["appointments"]:
        if a["date"] < today:
            assert after[a["dossier"]]["pinned"] and _where(after[a["dossier"]]) == _where(a)


def test_fresh_starts_over(workspace):
    run(
        "plan",
        "--today",
        "2026-11-30",
        str(workspace / "invoer.xlsx"),
        "--out",
        str(workspace / "planning"),
        "--fresh",
        "--time-limit",
        "2",
    )
    assert _plan(workspace / "planning")["revision"] == 1


def _with_foreign_dossier(workspace, first_row: bool) -> tuple[dict, dict, Path]:
    """A returned sheet with another provider's dossier pasted in (first or last row)."""
    before = _plan(workspace / "planning")
    a = before["appointments"][0]
    other = next(x for x in before["appointments"] if x["provider"] != a["provider"])
    sheet = _returned_sheet(workspace, a["dossier"], "ja", "")
    wb = load_workbook(sheet)
    ws = wb["Planning"]
    header = [c.value for c in ws[1]]
    if first_row:
        ws.insert_rows(2)  # pasted above the provider's own rows
    row = 2 if first_row else ws.max_row + 1
    ws.cell(row=row, column=header.index("Dossier") + 1, value=other["dossier"])
    wb.save(sheet)
    return a, other, sheet


def _plan_with_feedback(workspace, *sheets: Path):
    args = [
        "plan",
        str(workspace / "invoer.xlsx"),
        "--out",
        str(workspace / "planning"),
        "--today",
        TODAY,
    ]
    for sheet in sheets:
        args += ["--feedback", str(sheet)]
    return CliRunner().invoke(main, args)


def test_feedback_with_another_providers_dossier_is_an_error(workspace):
    a, other, sheet = _with_foreign_dossier(workspace, first_row=False)
    result = _plan_with_feedback(workspace, sheet)
    assert result.exit_code == 2
    assert f"belongs to {other['provider']}, not to {a['provider']}" in result.output


def test_a_foreign_dossier_on_the_first_row_is_blamed_alone(workspace):
    before = _plan(workspace / "planning")
    _, other, sheet = _with_foreign_dossier(workspace, first_row=True)
    result = _plan_with_feedback(workspace, sheet)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if "belongs to" in line]
    assert len(errors) == 1 and "› Planning › row 2 ›" in errors[0]
    assert f"'{other['dossier']}' belongs to {other['provider']}" in errors[0]
    assert _plan(workspace / "planning") == before


def test_two_returned_workbooks_that_contradict_each_other_the_later_counts(workspace):
    before = _plan(workspace / "planning")
    a = before["appointments"][0]
    first = _returned_sheet(workspace, a["dossier"], "ja", "")
    yes = first.rename(first.with_name("terug-eerst-ja.xlsx"))
    no = _returned_sheet(workspace, a["dossier"], "nee", "toch niet")  # saved after the ja
    os.utime(yes, (1_700_000_000, 1_700_000_000))  # the ja was saved first
    result = _plan_with_feedback(workspace, no, yes)
    assert result.exit_code == 0, result.output
    after = _plan(workspace / "planning")
    (listed,) = after["answer_conflicts"]
    assert listed.startswith(f"{a['dossier']}: ja in terug-eerst-ja.xlsx")
    assert listed.endswith("nee counts")
    line = next(c for c in after["changes"] if c["dossier"] == a["dossier"])
    assert line["cause"] == "nee" and line["remark"] == "toch niet"
