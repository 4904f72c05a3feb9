"""The public API (``import herplan``): the README's notebook example runs as shown,
and the library writes the same bytes as the command line."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import herplan
from herplan.app.cli import main
from tests.conftest import EXAMPLE, PLANNED_AS, case, problem

README = Path(__file__).resolve().parents[1] / "README.md"


def _notebook_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## From Python") :]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_notebook_example_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / EXAMPLE.name).write_bytes(EXAMPLE.read_bytes())
    code = _notebook_example().replace("time_limit=10", "time_limit=4, reproducible=True")
    scope: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), scope)
    result = scope["result"]
    assert isinstance(result, herplan.Planning)
    assert (tmp_path / "planning" / "plan.json").is_file()
    frames = scope["frames"]
    assert len(frames["appointments"]) == len(result.plan.appointments) > 0
    assert len(frames["unscheduled"]) == len(result.plan.unscheduled)
    assert set(frames["load"]["consultant"]) == {c.id for c in result.plan.problem.consultants}
    assert "Ingepland" in result.summary()


def test_library_and_cli_write_the_same_bytes(tmp_path):
    library = tmp_path / "library"
    herplan.plan(EXAMPLE, library, time_limit=3, reproducible=True, today=PLANNED_AS)
    cli = tmp_path / "cli"
    result = CliRunner().invoke(
        main,
        [
            "plan",
            "--today",
            "2026-11-30",
            str(EXAMPLE),
            "--out",
            str(cli),
            "--time-limit",
            "3",
            "--reproducible",
        ],
    )
    assert result.exit_code == 0, result.output
    files = sorted(p.relative_to(library) for p in library.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(cli) for p in cli.rglob("*") if p.is_file())
    for name in files:
        assert (library / name).read_bytes() == (cli / name).read_bytes(), name


def test_domain_objects_check_themselves():
    base = problem([case("A")])
    with pytest.raises(ValueError, match="'Nowhere', which is not in locations"):
        replace(base, reassessments=(case("B", "Nowhere"),))
    with pytest.raises(ValueError, match="dossier 'A' appears twice"):
        replace(base, reassessments=(case("A"), case("A")))
    with pytest.raises(ValueError, match="'ZZ' is not a consultant"):
        replace(base, absences=(herplan.Absence("ZZ", date(2026, 12, 1), date(2026, 12, 2)),))
