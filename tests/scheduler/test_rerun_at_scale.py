"""A rerun at the size where it once broke: a rerun with answers, withdrawals and an absence.

On the bundled example (252 reassessments) and on a generated region of 300,
planned once, a provider returns its workbook with two ``nee`` and one ``ja``,
two other reassessments are withdrawn and a consultant is away on a planned
day. The rerun runs with the default limit and with ``--time-limit 20``; the
independent checker re-verifies every hard rule and every rerun promise, and
the summary and both ``Wijzigingen`` sheets name every answer.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from benchmarks.instances import Shape, withdraw_and_absent, write
from herplan.app.cli import main
from herplan.io.input_reader import read_problem
from tests.checker import check_files, check_rerun
from tests.conftest import EXAMPLE

TODAY = "2026-11-30"


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(
    scope="module", params=["example", pytest.param("region300", marks=pytest.mark.slow)]
)
def first(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(request.param)
    if request.param == "example":
        source = base / "invoer.xlsx"
        shutil.copy(EXAMPLE, source)
    else:
        source = write(base / "invoer.xlsx", Shape(300, 8, 40), seed=5)
    run(
        "plan",
        str(source),
        "--out",
        str(base / "planning"),
        "--time-limit",
        "8",
        "--reproducible",
        "--today",
        TODAY,
    )
    return base


def _plan(folder: Path) -> dict:
    return json.loads((folder / "plan.json").read_text(encoding="utf-8"))


def _answer(ws_root: Path, provider: str, answers: dict[str, tuple[str, str]]) -> Path:
    """The provider's workbook as it comes back: answers typed in Haalbaar and Opmerking."""
    for path in sorted((ws_root / "planning" / "aanbieders").glob("*.xlsx")):
        wb = load_workbook(path)
        if wb.custom_doc_props["herplan_aanbieder"].value != provider:
            continue
        ws = wb["Planning"]
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            dossier = row[header.index("Dossier")].value
            if dossier in answers:
                row[header.index("Haalbaar")].value = answers[dossier][0]
                row[header.index("Opmerking")].value = answers[dossier][1]
        returned = ws_root / f"terug-{path.name}"
        wb.save(returned)
        return returned
    raise AssertionError(f"no workbook for {provider}")


def _scenario(ws: Path, before: dict) -> tuple[Path, dict[str, str], set[str]]:
    """Two nee and one ja of one provider, two withdrawals and a day of absence elsewhere."""
    by_provider: dict[str, list[dict]] = {}
    for a in before["appointments"]:
        by_provider.setdefault(a["provider"], []).append(a)
    provider, mine = max(sorted(by_provider.items()), key=lambda kv: len(kv[1]))
    no, no2, yes = mine[0], mine[len(mine) // 2], mine[-1]
    typed = {
        no["dossier"]: ("nee", "cliënt is dan op vakantie"),
        no2["dossier"]: ("NEE", ""),
        yes["dossier"]: ("ja", ""),
    }
    sheet = _answer(ws, provider, typed)
    others = [a for a in before["appointments"] if a["provider"] != provider]
    withdrawn = {others[0]["dossier"], others[-1]["dossier"]}
    away = others[len(others) // 2]
    absent = (away["consultant"], date.fromisoformat(away["date"]))
    withdraw_and_absent(ws / "invoer.xlsx", withdrawn, absent)
    answers = {no["dossier"]: "nee", no2["dossier"]: "nee", yes["dossier"]: "ja"}
    return sheet, answers, withdrawn


@pytest.mark.parametrize("limit", [(), ("--time-limit", "20")], ids=["default", "20s"])
def test_rerun_keeps_every_promise(first, tmp_path, limit):
    shutil.copy(first / "invoer.xlsx", tmp_path / "invoer.xlsx")
    shutil.copytree(first / "planning", tmp_path / "planning")
    before = _plan(tmp_path / "planning")
    sheet, answers, withdrawn = _scenario(tmp_path, before)
    result = run(
        "plan",
        str(tmp_path / "invoer.xlsx"),
        "--out",
        str(tmp_path / "planning"),
        "--today",
        TODAY,
        "--feedback",
        str(sheet),
        "--reproducible",
        *limit,
    )
    after = _plan(tmp_path / "planning")
    problem, _ = read_problem(tmp_path / "invoer.xlsx")
    assert check_files(tmp_path / "invoer.xlsx", tmp_path / "planning" / "plan.json") == []
    assert check_rerun(problem, before, after, answers, date.fromisoformat(TODAY)) == []
    # the plan does not collapse: at most the released ones are gone
    assert len(after["appointments"]) >= len(before["appointments"]) - 5
    cancelled = {c["dossier"] for c in after["changes"] if c["kind"] == "geannuleerd"}
    assert cancelled == withdrawn
    # every answer is named in the summary and in both Wijzigingen sheets
    for dossier in answers:
        assert dossier in result.output
    overview = load_workbook(tmp_path / "planning" / "overzicht.xlsx")["Wijzigingen"]
    listed = {row[1] for row in overview.iter_rows(min_row=2, values_only=True)}
    assert set(answers) <= listed
    provider = next(a["provider"] for a in before["appointments"] if a["dossier"] in answers)
    name = after["file_names"]["aanbieders"][provider]
    own = load_workbook(tmp_path / "planning" / "aanbieders" / f"{name}.xlsx")["Wijzigingen"]
    own_listed = {row[1] for row in own.iter_rows(min_row=2, values_only=True)}
    assert set(answers) <= own_listed
