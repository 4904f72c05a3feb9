"""Every rerun lands, on the tight region of 1 000 reassessments where it broke.

The L-tight benchmark region is planned once; then each December scenario of
``benchmarks.rerun`` (three ``nee`` answers; ``nee`` and a lowered weekly cap;
a consultant away for a week; a location closed for a day; twenty new
reassessments halfway the period; withdrawals) is rerun with the default
limit and with 20 s. Each must end in exit 0, and the independent checker
finds no broken rule and no broken promise: every answer honoured, nothing
untouched dropped, every move naming the case it made room for.

Slow (about five minutes): ``.ci/run`` runs them with ``pytest -m slow``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.instances import shape, write
from benchmarks.rerun import RERUN_LIMITS, SCENARIOS, TODAY, prepare, rerun_args
from herplan.app.cli import main
from herplan.io.input_reader import read_problem
from tests.checker import check_plan, check_rerun

pytestmark = pytest.mark.slow


def _plan(folder: Path) -> dict:
    return json.loads((folder / "plan.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("l-tight")
    write(root / "invoer.xlsx", shape("L-tight"), seed=0)
    result = CliRunner().invoke(
        main,
        [
            "plan",
            str(root / "invoer.xlsx"),
            "--out",
            str(root / "planning"),
            "--today",
            TODAY,
            "--time-limit",
            "30",
            "--reproducible",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return root


@pytest.mark.parametrize("limit", RERUN_LIMITS, ids=["default", "20s"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.key for s in SCENARIOS])
def test_every_scenario_lands_and_keeps_every_promise(first, tmp_path, scenario, limit):
    before = _plan(first / "planning")
    edit = prepare(first, tmp_path, scenario)
    args = [*rerun_args(tmp_path, edit, limit), "--reproducible"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    after = _plan(tmp_path / "planning")
    problem, _ = read_problem(tmp_path / "invoer.xlsx")
    assert check_plan(problem, after) == []
    today = date.fromisoformat(edit.today)
    assert check_rerun(problem, before, after, edit.answers, today) == []
    now = {a["dossier"]: a for a in after["appointments"]}
    old = {a["dossier"]: a for a in before["appointments"]}
    for dossier, answer in edit.answers.items():  # every nee honoured, and said so
        assert answer == "nee"
        assert dossier not in now or now[dossier]["date"] != old[dossier]["date"]
        assert dossier in result.output
    assert after["revision"] == before["revision"] + 1
