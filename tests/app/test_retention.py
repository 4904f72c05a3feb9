"""Personal data not kept longer than needed.

A planning of the page is deleted whole once its period ended more than
``bewaartermijn_maanden`` months ago (default 3): by ``herplan cleanup DATA``
and by ``herplan serve`` at start; the audit log says what, when and by whom,
without anything of the planning's contents.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from herplan.app.cli import main
from herplan.app.retention import clean_up, expired
from herplan.io.errors import InputError
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import settings_dict
from tests.conftest import PLANNED_AS
from tests.io.test_input_reader import workbook

SECRET_CLIENT = "J.P. Jansen"


def _planning(data: Path, name: str, end: str, months: int | None = None) -> Path:
    folder = data / name
    (folder / "invoer").mkdir(parents=True)
    (folder / "invoer" / "invoer.xlsx").write_bytes(b"x")
    settings: dict[str, object] = {"periode_start": "2026-12-01", "periode_eind": end}
    if months is not None:
        settings["bewaartermijn_maanden"] = months
    (folder / "planning").mkdir()
    plan = {"settings": settings, "appointments": [{"client": SECRET_CLIENT, "dossier": "D1"}]}
    (folder / "planning" / "plan.json").write_text(json.dumps(plan))
    return folder


def test_a_planning_is_kept_until_its_retention_ends_then_deleted(tmp_path):
    data = tmp_path / "data"
    _planning(data, "december", "2026-12-31")  # default: three months
    _planning(data, "kort", "2026-12-31", months=0)
    _planning(data, "lang", "2026-12-31", months=12)
    (data / "nog-niet-gepland" / "invoer").mkdir(parents=True)  # no plan: kept
    assert [e.name for e in expired(data, date(2026, 12, 31))] == []
    assert [e.name for e in expired(data, date(2027, 1, 1))] == ["kort"]
    assert [e.name for e in expired(data, date(2027, 3, 31))] == ["kort"]
    gone = clean_up(data, date(2027, 4, 1), "herplan cleanup (test)")
    assert [e.name for e in gone] == ["december", "kort"]
    assert sorted(p.name for p in data.iterdir() if p.is_dir()) == ["lang", "nog-niet-gepland"]
    log = [json.loads(line) for line in (data / "audit.log").read_text().splitlines()]
    assert [(e["action"], e["planning"], e["user"]) for e in log] == [
        ("retention-delete", "december", "herplan cleanup (test)"),
        ("retention-delete", "kort", "herplan cleanup (test)"),
    ]
    assert log[0]["kept_until"] == "2027-03-31" and log[0]["time"]
    text = (data / "audit.log").read_text()
    assert SECRET_CLIENT not in text and "D1" not in text


def test_a_running_planning_is_left_for_the_next_time(tmp_path):
    data = tmp_path / "data"
    _planning(data, "bezig", "2026-12-31", months=0)
    assert clean_up(data, date(2027, 6, 1), "herplan serve", skip={"bezig"}) == []
    assert (data / "bezig").is_dir()


def test_herplan_cleanup_deletes_and_says_what(tmp_path):
    data = tmp_path / "data"
    _planning(data, "december", "2026-12-31")
    dry = CliRunner().invoke(main, ["cleanup", str(data), "--today", "2027-05-01", "--dry-run"])
    assert dry.exit_code == 0 and "would delete december" in dry.output
    assert (data / "december").is_dir()
    done = CliRunner().invoke(main, ["cleanup", str(data), "--today", "2027-05-01"])
    assert done.exit_code == 0 and "deleted december" in done.output
    assert not (data / "december").exists()
    again = CliRunner().invoke(main, ["cleanup", str(data), "--today", "2027-05-01"])
    assert "Nothing past its retention" in again.output


def test_herplan_serve_cleans_up_at_start(tmp_path):
    """``herplan serve`` in a process of its own (it sets the umask and uvicorn's logging
    for its process), with the server's loop left out: it deleted what was past its time."""
    import subprocess
    import sys
    import textwrap

    data = tmp_path / "data"
    _planning(data, "oud", "2026-12-31", months=1)
    _planning(data, "nieuw", "2027-12-31")
    script = textwrap.dedent(f"""
        import sys
        import uvicorn
        uvicorn.Server.run = lambda self, sockets=None: None
        from herplan.app.cli import main
        sys.argv = ["herplan", "serve", "--data", {str(data)!r}, "--today", "2027-03-01"]
        main()
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (data / "oud").exists() and (data / "nieuw").is_dir()
    assert "deleted planning oud" in done.stdout + done.stderr


def test_the_retention_is_a_setting_of_the_input(tmp_path):
    path = workbook(tmp_path, settings={"bewaartermijn_maanden": 6})
    problem, _warnings = read_problem(path, PLANNED_AS)
    assert problem.settings.retention_months == 6
    assert settings_dict(problem.settings, problem.run)["bewaartermijn_maanden"] == 6
    (tmp_path / "b").mkdir()
    bad = workbook(tmp_path / "b", settings={"bewaartermijn_maanden": "²"})
    with pytest.raises(InputError) as refused:
        read_problem(bad, PLANNED_AS)
    assert any("bewaartermijn_maanden" in m for m in refused.value.messages)
