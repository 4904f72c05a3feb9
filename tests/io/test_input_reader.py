"""Reading the input workbook and CSV folder; every error as the README prescribes (Input)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from herplan.io.errors import InputError
from herplan.io.input_reader import parse_date, read_problem
from herplan.io.input_writer import write_input_workbook
from herplan.io.plan_json import settings_dict

CONSULTANTS = [{"consulent": "AH", "naam": "A. de Haan", "werkdagen": "ma, di, wo"}]
LOCATIONS = [
    {
        "aanbieder": "Yulius",
        "locatie": "Dordrecht",
        "adres": "Spuiboulevard 1",
        "plaats": "Dordrecht",
        "gesprekskamers": 2,
        "open_dagen": "maandag, dinsdag",
    },
]
CASE = {
    "dossier": "D1",
    "client": "J.B.",
    "aanbieder": "Yulius",
    "locatie": "Dordrecht",
    "einddatum_indicatie": date(2027, 2, 1),
    "datum_ondersteuningsplan": "1-10-2026",
    "client_niet_beschikbaar": "wo, 2026-12-10, 21-12-2026 t/m 23-12-2026",
}


def workbook(
    tmp_path: Path, cases=None, consultants=None, locations=None, absences=None, settings=None
) -> Path:
    path = tmp_path / "input.xlsx"
    sheets = {
        "Herindicaties": cases if cases is not None else [CASE],
        "Consulenten": consultants if consultants is not None else CONSULTANTS,
        "Locaties": locations if locations is not None else LOCATIONS,
        "Afwezigheid": absences or [],
    }
    write_input_workbook(path, sheets, settings)
    return path


def errors_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        read_problem(path)
    return info.value.messages


def test_valid_workbook_reads_every_field(tmp_path):
    problem, warnings = read_problem(workbook(tmp_path, settings={"taal": "en"}))
    assert warnings == []
    r = problem.reassessments[0]
    assert r.support_plan_date == date(2026, 10, 1)
    assert r.unavailable_weekdays == frozenset({2})
    assert date(2026, 12, 10) in r.unavailable_dates and date(2026, 12, 22) in r.unavailable_dates
    assert problem.consultants[0].workdays == frozenset({0, 1, 2})
    assert problem.locations[0].open_weekdays == frozenset({0, 1})
    assert problem.locations[0].rooms == 2
    assert problem.settings.language == "en"
    assert problem.settings.period_start.month == 12


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"aanbieder": "Onbekend"}, "row 2 › aanbieder: 'Onbekend' is not a provider"),
        ({"locatie": "Nergens"}, "row 2 › locatie: 'Nergens' is not a location of Yulius"),
        ({"einddatum_indicatie": "31-02-2026"}, "row 2 › einddatum_indicatie: '31-02-2026' is not"),
        ({"einddatum_indicatie": None}, "row 2 › einddatum_indicatie: is empty"),
        ({"client_niet_beschikbaar": "maandagochtend"}, "'maandagochtend' is not understood"),
        ({"aanwezigheid_client": "misschien"}, "'misschien' is not one of"),
        ({"gespreksduur_min": "lang"}, "gespreksduur_min: 'lang' is not a whole number"),
        ({"vaste_consulent": "ZZ"}, "vaste_consulent: 'ZZ' is not a consultant"),
        ({"datum_ondersteuningsplan": "#N/A"}, "Excel error value #N/A"),
    ],
)
def test_case_errors_name_file_sheet_row_column(tmp_path, change, expected):
    messages = errors_of(workbook(tmp_path, cases=[CASE | change]))
    assert any(m.startswith("input.xlsx › Herindicaties › row 2 ›") for m in messages)
    assert any(expected in m for m in messages), messages


def test_all_errors_reported_at_once(tmp_path):
    cases = [CASE, CASE | {"aanbieder": "X"}, CASE | {"dossier": "D2", "client": None}]
    messages = errors_of(workbook(tmp_path, cases=cases))
    assert any("row 3 › dossier: 'D1' appears twice" in m for m in messages)
    assert any("row 3 › aanbieder" in m for m in messages)
    assert any("row 4 › client: is empty" in m for m in messages)


def test_duplicate_consultants_and_reversed_absence(tmp_path):
    consultants = [*CONSULTANTS, {"consulent": "AH", "naam": "Ander", "werkdagen": "xx"}]
    absences = [
        {"consulent": "AH", "van": date(2026, 12, 5), "tot": date(2026, 12, 1)},
        {"consulent": "QQ", "van": date(2026, 12, 5)},
    ]
    messages = errors_of(workbook(tmp_path, consultants=consultants, absences=absences))
    assert any("Consulenten › row 3 › consulent: 'AH' appears twice" in m for m in messages)
    assert any("Afwezigheid › row 2 › tot: ends before van" in m for m in messages)
    assert any("Afwezigheid › row 3 › consulent: 'QQ' is not a consultant" in m for m in messages)


def test_bad_settings(tmp_path):
    settings = {
        "periode_start": date(2026, 12, 31),
        "periode_eind": date(2026, 12, 1),
        "ochtend": "12:00-09:00",
        "taal": "fr",
    }
    messages = errors_of(workbook(tmp_path, settings=settings))
    assert any("Instellingen › row 4 › ochtend" in m for m in messages)
    assert any("taal: 'fr' is not valid; expected nl or en" in m for m in messages)
    assert any("the period ends before it starts" in m for m in messages)


def test_missing_sheet_and_column(tmp_path):
    path = workbook(tmp_path)
    wb = load_workbook(path)
    del wb["Locaties"]
    wb["Herindicaties"].delete_cols(1)  # drop 'dossier'
    wb.save(path)
    messages = errors_of(path)
    assert "input.xlsx › Locaties: required sheet is missing" in messages


def test_missing_required_column(tmp_path):
    path = workbook(tmp_path)
    wb = load_workbook(path)
    wb["Herindicaties"].delete_cols(1)
    wb.save(path)
    assert "input.xlsx › Herindicaties › row 1 › dossier: required column is missing" in errors_of(
        path
    )


def test_unknown_column_is_a_warning(tmp_path):
    path = workbook(tmp_path)
    wb = load_workbook(path)
    wb["Herindicaties"].cell(row=1, column=30, value="BSN")
    wb.save(path)
    _, warnings = read_problem(path)
    assert any("BSN: column is not part of the input format" in w for w in warnings)


def test_not_a_workbook_and_xls(tmp_path):
    text = tmp_path / "plan.xlsx"
    text.write_text("hello")
    assert "not an Excel workbook" in errors_of(text)[0]
    old = tmp_path / "oud.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert ".xls" in errors_of(old)[0]


def test_csv_folder_with_semicolons_and_bom(tmp_path):
    folder = tmp_path / "invoer"
    folder.mkdir()

    def write(name, rows):
        with (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(rows[0].keys())
            for row in rows:
                writer.writerow(row.values())

    write(
        "Herindicaties",
        [{k: (v.isoformat() if isinstance(v, date) else v) for k, v in CASE.items()}],
    )
    write("Consulenten", CONSULTANTS)
    write("Locaties", LOCATIONS)
    problem, _ = read_problem(folder)
    assert problem.reassessments[0].indication_end == date(2027, 2, 1)
    assert problem.consultants[0].id == "AH"


def test_template_is_a_valid_empty_input(tmp_path):
    path = tmp_path / "leeg.xlsx"
    write_input_workbook(path)
    problem, warnings = read_problem(path)
    assert problem.reassessments == () and warnings == []
    wb = load_workbook(path)
    assert {"Herindicaties", "Consulenten", "Afwezigheid", "Locaties", "Instellingen"} <= set(
        wb.sheetnames
    )
    header = wb["Herindicaties"]["A1"]
    assert header.value == "dossier" and header.comment is not None
    validations = wb["Herindicaties"].data_validations.dataValidation
    assert any("geannuleerd" in (dv.formula1 or "") for dv in validations)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-12-04", date(2025, 12, 4)),
        ("4-12-2025", date(2025, 12, 4)),
        ("04/12/2025", date(2025, 12, 4)),
        ("31-02-2025", None),
        ("morgen", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_a_support_plan_dated_after_the_indication_or_today_is_a_warning_naming_the_row(
    tmp_path,
):
    after_end = {
        **CASE,
        "dossier": "D2",
        "einddatum_indicatie": date(2026, 12, 17),
        "datum_ondersteuningsplan": date(2026, 12, 21),
    }
    future = {**CASE, "dossier": "D3", "datum_ondersteuningsplan": date(2026, 12, 5)}
    path = workbook(tmp_path, cases=[CASE, after_end, future])
    problem, warnings = read_problem(path, today=date(2026, 11, 23))
    assert len(problem.reassessments) == 3  # accepted as given
    assert len(warnings) == 2
    ends, ahead = warnings
    assert "Herindicaties › row 3 › datum_ondersteuningsplan" in ends
    assert "21-12-2026" in ends and "after the indication ends (17-12-2026)" in ends
    assert "Herindicaties › row 4 › datum_ondersteuningsplan" in ahead and "after today" in ahead
    _, later = read_problem(path, today=date(2026, 12, 10))
    assert len(later) == 1  # on 10 December the plan of the 5th is no longer in the future


def test_extra_mornings_are_dates_and_never_weekdays(tmp_path):
    extra = [CONSULTANTS[0] | {"extra_ochtenden": "2026-12-10, 17-12-2026"}]
    problem, warnings = read_problem(workbook(tmp_path, consultants=extra))
    assert warnings == []
    assert problem.consultants[0].extra_mornings == {date(2026, 12, 10), date(2026, 12, 17)}
    weekdays = [CONSULTANTS[0] | {"extra_ochtenden": "do"}]
    messages = errors_of(workbook(tmp_path, consultants=weekdays))
    assert any("Consulenten › row 2 › extra_ochtenden: expected dates" in m for m in messages)


def test_the_time_limit_is_read_as_a_run_setting_and_written_back_as_it_was(tmp_path):
    problem, _ = read_problem(workbook(tmp_path, settings={"rekentijd_s": "12,5"}))
    assert problem.run.time_limit_s == 12.5
    assert not hasattr(problem.settings, "time_limit_s")  # not a rule of the region
    assert settings_dict(problem.settings, problem.run)["rekentijd_s"] == 12.5
    default, _ = read_problem(workbook(tmp_path))
    assert default.run.time_limit_s == 30.0
