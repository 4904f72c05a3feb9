"""Odd and hostile input, case by case (issue: nothing lost, nothing misdirected).

Each case gets exit status 2 and one message a planner can act on, naming the
file, sheet, row and column (or the setting and its allowed range), never a
traceback or an "Internal error"; nothing is written. Property-based tests
feed random bytes to the CSV reader and random values to ``plan``.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from herplan.app.cli import main
from herplan.io.input_reader import read_problem
from tests.io.test_input_reader import CASE, CONSULTANTS, LOCATIONS, errors_of, workbook


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def only_error(result) -> str:
    """The one located message of a refused input (exit 2, no traceback)."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Internal error" not in result.output
    lines = [line.strip() for line in result.output.splitlines()[1:] if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def csv_folder(tmp_path: Path, cases=None) -> Path:
    folder = tmp_path / "invoer"
    folder.mkdir()
    for name, rows in (
        ("Herindicaties", cases or [CASE]),
        ("Consulenten", CONSULTANTS),
        ("Locaties", LOCATIONS),
    ):
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(rows[0].keys())
            for row in rows:
                writer.writerow([v.isoformat() if isinstance(v, date) else v for v in row.values()])
    return folder


# --- CSV files ------------------------------------------------------------------------


def test_a_byte_that_is_no_text_names_the_file_and_row(tmp_path):
    folder = csv_folder(tmp_path)
    file = folder / "Consulenten.csv"
    file.write_bytes(file.read_bytes().replace(b"de Haan", b"de \x81Haan"))
    message = only_error(run("check", folder))
    assert message.startswith("Consulenten.csv › row 2: byte 0x81")
    assert "CSV UTF-8" in message


def test_a_field_beyond_the_csv_limit_names_the_row(tmp_path):
    folder = csv_folder(tmp_path, [CASE | {"client": "x" * 200_000}])
    message = only_error(run("check", folder))
    assert message.startswith("Herindicaties.csv › row 2: not readable as CSV")


def test_a_long_text_in_a_cell_is_refused_with_the_limit(tmp_path):
    message = errors_of(workbook(tmp_path, cases=[CASE | {"client": "x" * 5000}]))[0]
    assert "row 2 › client: text of 5000 characters; at most 1000" in message


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b"])
def test_a_control_character_in_a_name_is_an_input_error_not_an_excel_crash(tmp_path, character):
    folder = csv_folder(tmp_path, [CASE | {"client": f"J{character}B"}])
    out = tmp_path / "planning"
    message = only_error(
        run("plan", "--today", "2026-11-30", folder, "--out", out, "--reproducible")
    )
    assert "Herindicaties › row 2 › client: contains the invisible control character U+" in (
        message
    )
    assert not out.exists()


def test_a_folder_named_like_a_csv_file(tmp_path):
    folder = csv_folder(tmp_path)
    (folder / "Afwezigheid.csv").mkdir()
    assert only_error(run("check", folder)) == (
        "Afwezigheid.csv: is a folder, not a CSV file; remove or rename it"
    )


def test_a_broken_link_named_like_a_csv_file(tmp_path):
    folder = csv_folder(tmp_path)
    os.symlink(tmp_path / "gone.csv", folder / "Afwezigheid.csv")
    assert "Afwezigheid.csv: is a link to nothing" in only_error(run("check", folder))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(garbage=st.binary(min_size=1, max_size=400), at=st.integers(min_value=0, max_value=200))
def test_any_bytes_in_a_csv_file_read_or_fail_with_a_located_message(tmp_path_factory, garbage, at):
    folder = csv_folder(tmp_path_factory.mktemp("csv"))
    file = folder / "Herindicaties.csv"
    data = file.read_bytes()
    file.write_bytes(data[:at] + garbage + data[at:])
    result = run("check", folder)
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert any(".csv" in line or "invoer" in line for line in result.output.splitlines())


# --- dates and numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "column", ["datum_ondersteuningsplan", "nieuw_ondersteuningsplan_verwacht"]
)
def test_a_date_near_the_year_9999_is_refused_with_the_range(tmp_path, column):
    path = workbook(tmp_path, cases=[CASE | {column: date(9999, 12, 30)}])
    message = only_error(
        run("plan", "--today", "2026-11-30", path, "--out", tmp_path / "p", "--reproducible")
    )
    assert f"row 2 › {column}: 30-12-9999 is not a plausible date" in message
    assert "01-01-1900 to 31-12-2100" in message


def test_an_indication_without_end_written_as_9999_is_planned(tmp_path):
    path = workbook(tmp_path, cases=[CASE | {"einddatum_indicatie": date(9999, 12, 31)}])
    result = run(
        "plan",
        "--today",
        "2026-11-30",
        path,
        "--out",
        tmp_path / "p",
        "--reproducible",
        "--time-limit",
        5,
    )
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "p" / "plan.json").read_text())["appointments"]


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("max_leeftijd_ondersteuningsplan_maanden", 1e6, "months from 1 to 36"),
        ("voorbereiding_werkdagen", 1e7, "working days from 0 to 60"),
        ("uitwerktijd_min", 400, "does not fit in the afternoon of 240 minutes"),
        ("gespreksduur_min", 300, "does not fit in the morning of 210 minutes"),
        ("wisseltijd_min", 1e9, "minutes from 0 to 240"),
        ("uitwerktijd_min", 0, "minutes above 0"),
        ("rekentijd_s", 1e12, "seconds above 0, at most 86400"),
        ("ochtend", "09:00-14:00", "the afternoon must start after the morning ends (14:00)"),
        ("middag", "08:00-09:00", "the afternoon must start after the morning ends (12:30)"),
    ],
)
def test_a_setting_out_of_range_names_the_setting_and_the_range(tmp_path, key, value, says):
    message = only_error(run("check", workbook(tmp_path, settings={key: value})))
    assert "Instellingen › row" in message and says in message
    assert f"› {key}: " in message or key == "ochtend"  # the afternoon is the one to move


@pytest.mark.parametrize(
    ("sheet", "row", "says"),
    [
        (
            "Locaties",
            {"gesprekskamers": 1e12},
            "gesprekskamers: '1000000000000' is not a whole number from 1 to 50",
        ),
        (
            "Consulenten",
            {"max_ochtenden_per_week": 99},
            "max_ochtenden_per_week: '99' is not a whole number from 0 to 7",
        ),
        (
            "Herindicaties",
            {"gespreksduur_min": 1e9},
            "gespreksduur_min: an interview of "
            "1000000000 minutes does not fit in the "
            "morning of 210 minutes",
        ),
    ],
)
def test_a_number_far_out_of_range_is_an_error_not_a_reason(tmp_path, sheet, row, says):
    sheets = {"Herindicaties": [CASE], "Consulenten": CONSULTANTS, "Locaties": LOCATIONS}
    sheets[sheet] = [sheets[sheet][0] | row]
    path = workbook(
        tmp_path,
        cases=sheets["Herindicaties"],
        consultants=sheets["Consulenten"],
        locations=sheets["Locaties"],
    )
    message = only_error(
        run("plan", "--today", "2026-11-30", path, "--out", tmp_path / "p", "--reproducible")
    )
    assert f"{sheet} › row 2 › {says}" in message
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize("seed", ["1e20", str(10**20), "-1"])
def test_a_seed_out_of_range_is_a_usage_error(tmp_path, seed):
    result = run(
        "plan", "--today", "2026-11-30", workbook(tmp_path), "--out", tmp_path / "p", "--seed", seed
    )
    assert result.exit_code == 2 and "--seed" in result.output
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize("limit", ["inf", "nan", "0", "-3"])
def test_a_time_limit_that_is_not_a_positive_number_is_a_usage_error(tmp_path, limit):
    result = run(
        "plan",
        "--today",
        "2026-11-30",
        workbook(tmp_path),
        "--out",
        tmp_path / "p",
        "--time-limit",
        limit,
    )
    assert result.exit_code == 2 and "--time-limit" in result.output


# --- files that are not what they seem -------------------------------------------------


def test_a_fifo_as_input_is_refused_at_once(tmp_path):
    fifo = tmp_path / "invoer.xlsx"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "herplan.app.cli", "check", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "invoer.xlsx: not a regular file" in done.stderr + done.stdout


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"appointments": 5}, "› appointments: expected a list"),
        ({"revision": "abc"}, "› revision: 'abc' is not a revision number"),
        ("{oops", "cannot be read as a herplan plan"),
    ],
)
def test_a_damaged_plan_json_is_refused_with_a_way_out(tmp_path, change, says):
    path = workbook(tmp_path)
    out = tmp_path / "planning"
    assert (
        run(
            "plan", "--today", "2026-11-30", path, "--out", out, "--reproducible", "--time-limit", 5
        ).exit_code
        == 0
    )
    plan_file = out / "plan.json"
    if isinstance(change, str):
        plan_file.write_text(change)
    else:
        plan_file.write_text(json.dumps(json.loads(plan_file.read_text()) | change))
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    message = only_error(run("plan", "--today", "2026-11-30", path, "--out", out, "--reproducible"))
    assert says in message and "--fresh" in message
    assert before == {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


# --- messages that point at the real mistake ------------------------------------------


def test_column_names_typed_lower_down_get_one_hint_not_five_missing_columns(tmp_path):
    path = workbook(tmp_path)
    wb = load_workbook(path)
    ws = wb["Herindicaties"]
    ws.insert_rows(1, 2)
    ws["A1"] = "Herindicaties december"
    wb.save(path)
    message = only_error(run("check", path))
    assert message == (
        "input.xlsx › Herindicaties › row 3: the column names are on row 3; they must be on "
        "row 1 (delete the rows above them)"
    )


def test_a_column_typed_twice_gives_one_error_not_one_per_row(tmp_path):
    path = workbook(tmp_path, cases=[CASE | {"dossier": f"D{n}"} for n in range(30)])
    wb = load_workbook(path)
    ws = wb["Herindicaties"]
    ws.cell(1, ws.max_column + 1, "client")  # an empty second client column
    wb.save(path)
    assert only_error(run("check", path)) == (
        "input.xlsx › Herindicaties › row 1 › client: column appears twice; keep one"
    )


def test_the_column_names_pasted_again_between_the_rows(tmp_path):
    path = workbook(tmp_path, cases=[CASE, CASE | {"dossier": "D2"}])
    wb = load_workbook(path)
    ws = wb["Herindicaties"]
    ws.insert_rows(3)
    for k in range(1, ws.max_column + 1):
        ws.cell(3, k, ws.cell(1, k).value)
    wb.save(path)
    assert only_error(run("check", path)) == (
        "input.xlsx › Herindicaties › row 3: this row repeats the column names; delete it"
    )


def test_consultant_codes_match_whatever_their_case(tmp_path):
    path = workbook(
        tmp_path,
        cases=[CASE | {"vaste_consulent": "ah"}],
        absences=[{"consulent": "Ah", "van": date(2026, 12, 7)}],
    )
    problem, _ = read_problem(path)
    assert problem.reassessments[0].preferred_consultant == "AH"
    assert problem.absences[0].consultant == "AH"


# --- plan on random values: exit 0 or 2, never an internal error -------------------------

WILD = st.one_of(
    st.sampled_from(["x" * 40_000, "1e12", "9999-12-31", "31-12-9999", "ma t/m zo"]),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
)


@pytest.fixture(scope="module")
def valid(tmp_path_factory) -> Path:
    return workbook(tmp_path_factory.mktemp("valid"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sheet=st.sampled_from(["Herindicaties", "Consulenten", "Locaties", "Instellingen"]),
    column=st.integers(min_value=1, max_value=16),
    value=WILD,
)
def test_plan_on_any_value_writes_a_plan_or_refuses_the_input(
    valid, tmp_path_factory, sheet, column, value
):
    folder = tmp_path_factory.mktemp("wild")
    path = folder / "input.xlsx"
    shutil.copy(valid, path)
    wb = load_workbook(path)
    wb[sheet].cell(row=2, column=column, value=value)
    wb.save(path)
    result = run(
        "plan",
        "--today",
        "2026-11-30",
        path,
        "--out",
        folder / "p",
        "--reproducible",
        "--time-limit",
        2,
    )
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert (result.exit_code == 0) == (folder / "p").exists()
