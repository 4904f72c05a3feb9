"""What people do to a workbook in Excel, and faults while planning (README, Input).

Every bad input gets ``file › sheet › row N › column: what and what is expected``,
all at once, exit 2, no traceback, nothing written, the input untouched; the
property-based test mutates a valid workbook at random and holds the tool to
that contract for every mutation.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from herplan.app.cli import main
from herplan.io import tables
from herplan.io.input_reader import read_problem
from tests.io.test_input_reader import CASE, errors_of, workbook

MESSAGE = re.compile(r"^input\.xlsx( › [^›]+)*: .+")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_formula_without_a_computed_value(tmp_path):
    path = workbook(tmp_path)
    wb = load_workbook(path)
    wb["Herindicaties"]["B2"] = '=CONCATENATE("J",".B.")'  # column 'client'
    wb.save(path)
    messages = errors_of(path)
    assert any(
        m.startswith("input.xlsx › Herindicaties › row 2 › client: formula")
        and "type the value" in m
        for m in messages
    ), messages


def test_merged_cells(tmp_path):
    path = workbook(tmp_path, cases=[CASE, CASE | {"dossier": "D2"}])
    wb = load_workbook(path)
    wb["Herindicaties"].merge_cells("C2:C3")  # 'aanbieder' typed once for two rows
    wb.save(path)
    messages = errors_of(path)
    assert any(
        "Herindicaties › row 2 › aanbieder: merged cells C2:C3; unmerge" in m for m in messages
    ), messages


def test_excel_error_in_a_text_column(tmp_path):
    messages = errors_of(workbook(tmp_path, cases=[CASE | {"client": "#REF!"}]))
    assert "input.xlsx › Herindicaties › row 2 › client: Excel error value #REF!" in messages[0]


def test_trailing_empty_and_blank_rows_are_ignored(tmp_path):
    path = workbook(tmp_path)
    wb = load_workbook(path)
    ws = wb["Herindicaties"]
    ws["A10"] = "   "
    ws["B200"] = ""
    wb.save(path)
    problem, _ = read_problem(path)
    assert [r.dossier for r in problem.reassessments] == ["D1"]


def test_text_in_a_number_column_and_unknown_weekday(tmp_path):
    locations = [{"aanbieder": "Yulius", "locatie": "Dordrecht", "gesprekskamers": "twee"}]
    consultants = [{"consulent": "AH", "naam": "A", "werkdagen": "maandig"}]
    messages = errors_of(workbook(tmp_path, locations=locations, consultants=consultants))
    assert any("Locaties › row 2 › gesprekskamers: 'twee'" in m for m in messages)
    assert any("Consulenten › row 2 › werkdagen: 'maandig'" in m for m in messages)


def test_empty_file(tmp_path):
    empty = tmp_path / "leeg.xlsx"
    empty.write_bytes(b"")
    assert "not an Excel workbook" in errors_of(empty)[0]


def test_far_too_many_rows_is_refused_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "MAX_ROWS", 5)
    cases = [CASE | {"dossier": f"D{n}"} for n in range(10)]
    messages = errors_of(workbook(tmp_path, cases=cases))
    assert "more than 5 rows" in messages[0]


# --- the contract under random mutation ---------------------------------------------

NASTY = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "#N/A",
            "#REF!",
            "=1/0",
            "+31",
            "-",
            "@x",
            "31-02-2026",
            "25:99-26:00",
            "maandig",
            "0",
            "-5",
            "1e9",
            "ja",
            "NEE ",
            "x" * 300,
            "Cliënt ‘é’",
            "\t",
            "None",
        ]
    ),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.none(),
)
SHEETS = ["Herindicaties", "Consulenten", "Locaties", "Instellingen"]


@pytest.fixture(scope="module")
def valid(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("valid")
    return workbook(folder, settings={"periode_start": date(2026, 12, 1)})


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    sheet=st.sampled_from(SHEETS),
    row=st.integers(min_value=1, max_value=4),
    column=st.integers(min_value=1, max_value=14),
    value=NASTY,
)
def test_any_mutation_reads_or_fails_with_located_messages(
    valid, tmp_path_factory, sheet, row, column, value
):
    path = tmp_path_factory.mktemp("mut") / "input.xlsx"
    wb = load_workbook(valid)
    wb[sheet].cell(row=row, column=column, value=value)
    wb.save(path)
    before = _sha(path)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        lines = [line.strip() for line in result.output.splitlines()]
        located = [line for line in lines if MESSAGE.match(line)]
        assert located, result.output
    assert _sha(path) == before  # the input is never modified


def test_plan_with_bad_input_writes_nothing(tmp_path):
    path = workbook(tmp_path, cases=[CASE | {"aanbieder": "Onbekend"}])
    before = _sha(path)
    out = tmp_path / "planning"
    result = CliRunner().invoke(
        main, ["plan", "--today", "2026-11-30", str(path), "--out", str(out)]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "input.xlsx › Herindicaties › row 2 › aanbieder" in result.output
    assert not out.exists() and _sha(path) == before


def test_password_protected_workbook(tmp_path):
    # Excel saves an encrypted .xlsx as an OLE compound file, not a zip.
    locked = tmp_path / "beveiligd.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    message = errors_of(locked)[0]
    assert message.startswith("beveiligd.xlsx: the workbook is password-protected")
