"""Consultant teams per location: large regions stay small models and valid plans."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.instances import Shape, write
from herplan.constraints import HARD_RULES
from herplan.io.input_reader import read_problem
from herplan.io.plan_json import plan_dict
from herplan.scheduler import teams
from herplan.scheduler.model import build_variables
from tests.checker import check_plan
from tests.conftest import solve


def test_small_regions_keep_every_consultant():
    assert teams.team_size(10, teams.MAX_INTERVIEW_VARIABLES) is None
    assert teams.team_size(25, 5 * teams.MAX_INTERVIEW_VARIABLES) == 5
    assert teams.team_size(60, 60 * teams.MAX_INTERVIEW_VARIABLES) == teams.MIN_TEAM


@pytest.fixture
def region(tmp_path, monkeypatch):
    """A region that counts as large: the variable budget is lowered to a tenth."""
    problem, _ = read_problem(write(tmp_path / "in.xlsx", Shape(120, 8, 16), seed=5))
    full = build_variables(problem, HARD_RULES)
    monkeypatch.setattr(teams, "MAX_INTERVIEW_VARIABLES", len(full.x) // 4)
    return problem, full


def test_teams_restrict_the_candidates_to_the_team_or_the_vaste_consulent(region):
    problem, full = region
    pm = build_variables(problem, HARD_RULES)
    assert pm.teams and len(pm.x) < len(full.x) // 2
    assert {len(team) for team in pm.teams.values()} == {teams.team_size(8, len(full.x))}
    for i, cid, _day in pm.x:
        r = pm.reassessments[i]
        assert cid in pm.teams[r.location_key] or cid == r.preferred_consultant
    # Every consultant gets work, and the teams are the same on every build.
    assert set(Counter(c for team in pm.teams.values() for c in team)) == {
        c.id for c in problem.consultants
    }
    assert build_variables(problem, HARD_RULES).teams == pm.teams


def test_team_plans_pass_the_checker(region):
    problem, _ = region
    plan = solve(problem, seconds=3)
    assert plan.appointments
    assert check_plan(problem, plan_dict(plan)) == []
