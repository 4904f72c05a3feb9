"""The planning folder written by two processes is the same as written by one."""

from __future__ import annotations

import sys
from dataclasses import replace

from herplan.io import writer
from herplan.io.folder_parts import parts, render
from herplan.io.planning_folder import file_names, planning_files


def test_two_processes_write_the_same_bytes_as_one(monkeypatch):
    from herplan.io.input_reader import read_problem
    from herplan.scheduler.planner import make_plan
    from tests.conftest import EXAMPLE, options

    problem, _ = read_problem(EXAMPLE)
    plan = make_plan(problem, options(2))
    monkeypatch.setattr(writer, "PARALLEL_FROM", 0.0)
    both = planning_files(plan)
    named = replace(plan, file_names=file_names(plan))
    alone = {}
    for part, _cost in parts(named):
        alone.update(render(named, part))
    assert both == alone
    assert {"plan.json", "overzicht.xlsx"} <= set(both)
    assert any(name.startswith("uitgaand/") for name in both)
    # A helper that cannot run: this process writes its parts too, the same bytes.
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    assert planning_files(plan) == both


def test_parts_are_shared_largest_first_with_the_helper_starting_behind():
    mine, theirs = writer.share([("a", 10.0), ("b", 6.0), ("c", 5.0), ("d", 1.0)], 3.0)
    assert mine == ["a", "d"] and theirs == ["b", "c"]
