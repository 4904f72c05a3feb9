"""Odd but valid settings, solver limits, internal failures and interrupted runs.

Odd settings give a plan with every case explained, never a crash; a crash or
Ctrl-C while writing leaves the previous planning folder exactly as it was.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from herplan.app import cli, run
from herplan.domain.problem import Absence, Settings
from herplan.findings import Code
from herplan.io import folder_parts
from herplan.io.sentences import explanation, reason_name
from tests.conftest import (
    EXAMPLE,
    case,
    consultant,
    problem,
    short_morning,
    solve,
    violations,
)
from tests.io.test_input_reader import workbook


@pytest.mark.parametrize(
    ("name", "build", "reason"),
    [
        (
            "no working day in the period",
            lambda: problem(
                [case("A")], period_start=date(2026, 12, 25), period_end=date(2026, 12, 27)
            ),
            "geen_consulent_beschikbaar",
        ),
        (
            "no consultant available at all",
            lambda: problem(
                [case("A")],
                consultants=[consultant("AH"), consultant("BB")],
                absences=[
                    Absence("AH", date(2026, 12, 1), date(2026, 12, 4)),
                    Absence("BB", date(2026, 11, 30), date(2026, 12, 31)),
                ],
            ),
            "geen_consulent_beschikbaar",
        ),
        (
            "every support plan stale",
            lambda: problem(
                [case("A", support_plan_date=date(2025, 1, 1)), case("B", support_plan_date=None)]
            ),
            None,
        ),
    ],
)
def test_odd_settings_give_an_explained_empty_plan(name, build, reason):
    plan = solve(build(), seconds=1)
    assert plan.appointments == ()
    assert plan.unscheduled and all(explanation(u, "nl") for u in plan.unscheduled)
    if reason:
        assert all(u.reasons == (reason,) for u in plan.unscheduled)
    assert violations(plan) == []  # every reason is true (independent checker)


def test_a_morning_shorter_than_one_interview_is_refused_by_the_problem():
    with pytest.raises(ValueError, match=r"setting_interview_too_long .*morning=30"):
        problem([case("A")], morning=short_morning(30))
    period = {"period_start": date(2026, 12, 1), "period_end": date(2026, 12, 23)}
    (finding,) = Settings(**period, morning=short_morning(30)).problems()
    assert finding.code is Code.SETTING_INTERVIEW_TOO_LONG and finding.value("morning") == 30


def test_overlapping_morning_and_afternoon_are_an_input_error(tmp_path):
    path = workbook(tmp_path, settings={"ochtend": "09:00-14:00", "middag": "13:00-17:00"})
    out = tmp_path / "planning"
    result = CliRunner().invoke(
        cli.main, ["plan", "--today", "2026-11-30", str(path), "--out", str(out)]
    )
    assert result.exit_code == 2 and not out.exists()
    assert "Instellingen" in result.output and "middag" in result.output
    assert "must start after the morning ends (14:00)" in result.output


def test_period_without_working_days_still_writes_the_planning(tmp_path):
    path = workbook(
        tmp_path, settings={"periode_start": date(2026, 12, 25), "periode_eind": date(2026, 12, 27)}
    )
    out = tmp_path / "planning"
    result = CliRunner().invoke(
        cli.main, ["plan", "--today", "2026-11-30", str(path), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert reason_name("geen_consulent_beschikbaar", "nl") in result.output
    assert (out / "plan.json").exists() and (out / "overzicht.xlsx").exists()


def test_a_tiny_time_limit_still_writes_the_best_plan_with_its_gap(tmp_path):
    out = tmp_path / "planning"
    args = ["plan", "--today", "2026-11-30", str(EXAMPLE), "--out", str(out), "--time-limit", "0.1"]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    assert "Hoe dicht bij het best mogelijke" in result.output and (out / "plan.json").exists()


def _previous_planning(tmp_path: Path) -> tuple[Path, Path, dict[Path, bytes]]:
    path = workbook(tmp_path)
    out = tmp_path / "planning"
    result = CliRunner().invoke(
        cli.main, ["plan", "--today", "2026-11-30", str(path), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return path, out, before


def _unchanged(out: Path, before: dict[Path, bytes]) -> None:
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    staged = (".planning.new-", ".planning.old-")  # the lock file .planning.lock is empty
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(staged)]
    assert leftovers == []


def test_ctrl_c_during_export_keeps_the_previous_planning(tmp_path, monkeypatch):
    path, out, before = _previous_planning(tmp_path)

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(folder_parts, "consultant_calendar", interrupted)
    result = CliRunner().invoke(
        cli.main,
        ["plan", "--today", "2026-11-30", str(path), "--out", str(out), "--time-limit", "1"],
    )
    assert result.exit_code != 0
    _unchanged(out, before)


def test_internal_failure_exits_1_with_a_message_and_keeps_the_folder(tmp_path, monkeypatch):
    path, out, before = _previous_planning(tmp_path)

    def broken(*_args, **_kwargs):
        raise RuntimeError("model exploded")

    monkeypatch.setattr(run, "make_plan", broken)
    monkeypatch.delenv("HERPLAN_DEBUG", raising=False)
    result = CliRunner().invoke(
        cli.main, ["plan", "--today", "2026-11-30", str(path), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "Internal error (RuntimeError: model exploded)" in result.output
    assert "Traceback" not in result.output
    _unchanged(out, before)


def test_unwritable_folder_exits_1(tmp_path, monkeypatch):
    path, out, before = _previous_planning(tmp_path)

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(run, "write_held_folder", refuse)
    result = CliRunner().invoke(
        cli.main, ["plan", "--today", "2026-11-30", str(path), "--out", str(out)]
    )
    assert (
        result.exit_code == 1 and "cannot write the planning (Permission denied)" in result.output
    )
    _unchanged(out, before)


def test_interrupting_a_real_run_keeps_the_previous_planning(tmp_path):
    _path, out, before = _previous_planning(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "herplan.app.cli",
            "plan",
            "--today",
            "2026-11-30",
            str(EXAMPLE),
            "--out",
            str(out),
            "--fresh",
            "--time-limit",
            "30",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        # A shell that started the tests in the background ignores Ctrl-C for its
        # children; the run must hear it as a planner's terminal would send it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(4)  # well inside the solve of a 30-second run (a rerun may end sooner)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert b"Traceback" not in stderr
    _unchanged(out, before)
