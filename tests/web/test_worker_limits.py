"""Every worker process of the page runs under a memory limit, and returned
workbooks are read in read-only mode."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest

from herplan.app.web import worker
from herplan.io.feedback import read_feedback
from herplan.io.planning_folder import planning_files
from tests.conftest import case, problem, solve

COMMANDS = {
    "check": ["check", "in.xlsx"],
    "suggest": ["suggest", "planning", "D1", "--input", "in.xlsx"],
    "move": ["move", "planning", "D1", "AH", "2026-12-01", "--input", "in.xlsx"],
    "plan": ["plan", "in.xlsx", "out"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_worker_command_limits_its_memory(command, monkeypatch):
    limited: list[str] = []
    ran: list[str] = []
    monkeypatch.setattr(worker, "limit_memory", limited.append)
    monkeypatch.setattr(worker, "check", lambda *_a: ran.append("check"))
    for name in ("suggest", "move", "plan"):
        monkeypatch.setattr(worker, name, lambda _a, name=name: ran.append(name))
    monkeypatch.setattr(sys, "argv", ["worker", *COMMANDS[command], "--today", "2026-11-30"])
    worker.main()
    assert limited == [command] and ran == [command]
    assert 0 < worker.MEMORY_BYTES[command] <= 4 * 1024**3


def test_the_limit_holds_in_the_process():
    script = (
        "from herplan.app.web.worker import limit_memory\nlimit_memory('plan')\n"
        "try:\n    b = bytearray(5 * 1024**3)\nexcept MemoryError:\n    print('refused')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "refused", done.stderr


def test_returned_workbooks_are_read_read_only(tmp_path, monkeypatch):
    plan = solve(problem([case("D1")]), seconds=2)
    (name,) = [
        n for n in planning_files(plan) if n.startswith("aanbieders/") and n.endswith(".xlsx")
    ]
    path = tmp_path / "terug.xlsx"
    wb = openpyxl.load_workbook(BytesIO(planning_files(plan)[name]))
    ws = wb["Planning"]
    ws.cell(2, 11, "ja")
    wb.save(path)
    opened: list[dict] = []
    real = openpyxl.load_workbook

    def recorded(filename, **kwargs):
        opened.append(kwargs)
        return real(filename, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", recorded)
    verdicts, _stale, _conflicts = read_feedback([Path(path)], plan.appointments)
    assert [v.dossier for v in verdicts] == ["D1"] and verdicts[0].answer
    assert opened and all(kw.get("read_only") for kw in opened)
