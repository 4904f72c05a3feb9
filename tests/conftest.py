"""Shared helpers: tiny hand-made problems and a quick solve."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from herplan.app.cli import main
from herplan.constraints import HARD_RULES, OBJECTIVES
from herplan.domain.plan import Plan
from herplan.domain.problem import (
    Absence,
    Consultant,
    Location,
    Problem,
    Reassessment,
    Settings,
    TimeWindow,
)
from herplan.io.plan_json import plan_dict
from herplan.scheduler.candidates import Candidates, find_candidates
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import SolverOptions
from tests.checker import check_plan

# Tuesday 1 to Friday 4 December 2026: four working days.
START, END = date(2026, 12, 1), date(2026, 12, 4)
# The day the tests plan as (README, Today): the Monday before the example's period. No
# test reads the clock; each sets the day it runs as, so the suite passes on any date.
PLANNED_AS = date(2026, 11, 30)


def settings(**overrides) -> Settings:
    base = Settings(period_start=START, period_end=END)
    return replace(base, **overrides)


def case(dossier: str, location: str = "Noord", **overrides) -> Reassessment:
    values = dict(
        dossier=dossier,
        client="A.B.",
        provider="Yulius",
        location=location,
        indication_end=date(2027, 3, 1),
        support_plan_date=date(2026, 10, 1),
    )
    values.update(overrides)
    return Reassessment(**values)


def consultant(cid: str = "AH", **overrides) -> Consultant:
    return Consultant(id=cid, name=f"Consulent {cid}", **overrides)


def location(name: str = "Noord", **overrides) -> Location:
    return Location(**{"provider": "Yulius", "name": name, **overrides})


def problem(
    cases: Sequence[Reassessment],
    consultants: Sequence[Consultant] = (),
    locations: Sequence[Location] = (),
    absences: Sequence[Absence] = (),
    **setting_overrides,
) -> Problem:
    locs = list(locations)
    names = {loc.name for loc in locs}
    for c in cases:
        if c.location not in names:
            locs.append(location(c.location))
            names.add(c.location)
    return Problem(
        settings=settings(**setting_overrides),
        reassessments=tuple(cases),
        consultants=tuple(consultants or [consultant()]),
        locations=tuple(locs),
        absences=tuple(absences),
        source="tiny.xlsx",
    )


def options(seconds: float = 4, **more) -> SolverOptions:
    """Tests plan reproducibly: the same plan on every run and every machine."""
    return SolverOptions(time_limit_s=seconds, reproducible=True, **more)


def solve(p: Problem, rules=HARD_RULES, objectives=OBJECTIVES, seconds: float = 4) -> Plan:
    return make_plan(p, options(seconds), rules=rules, objectives=objectives)


def candidates(p: Problem, rules=HARD_RULES, **kwargs) -> Candidates:
    return find_candidates(p, rules, **kwargs)


def without(rule_name: str):
    return tuple(r for r in HARD_RULES if r.name != rule_name)


def days_of(plan: Plan) -> dict[str, date]:
    return {a.dossier: a.day for a in plan.appointments}


def violations(plan: Plan) -> list[str]:
    return check_plan(plan.problem, plan_dict(plan))


def short_morning(minutes: int) -> TimeWindow:
    return TimeWindow(9 * 60, 9 * 60 + minutes)


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "drechtsteden-2026.xlsx"


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory):
    """The tests' runs keep what they read in a cache of their own, not the user's."""
    os.environ["HERPLAN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def planned_example(tmp_path_factory):
    """The bundled example planned once through the CLI: (folder, click result)."""
    out = tmp_path_factory.mktemp("example") / "planning"
    args = [
        "plan",
        "--today",
        "2026-11-30",
        str(EXAMPLE),
        "--out",
        str(out),
        "--time-limit",
        "6",
        "--reproducible",
    ]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out, result


@pytest.fixture
def tiny():
    """Namespace of the helpers above, for tests that prefer a fixture."""
    import tests.conftest as helpers

    return helpers
