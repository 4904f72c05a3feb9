"""herplan: plan the December wave of reassessments (herindicaties) with OR-Tools CP-SAT.

One public API for notebooks, the command line and the web page alike::

    import herplan

    result = herplan.plan("examples/drechtsteden-2026.xlsx", "planning", time_limit=10)
    print(result.summary())
    result.to_frames()["load"]

``plan`` reads the input (an ``.xlsx`` workbook or a folder of CSV files),
plans it — a rerun when the folder already holds a plan, with the provider
workbooks returned as ``feedback`` — checks the plan against every rule and
promise, and writes the folder. Without a folder nothing is written. Bad
input raises ``InputError`` (every message names file, sheet, row and
column); a plan that fails the final check raises ``PlanRejected``.
``read_problem`` and ``make_plan`` work on the domain objects directly.
"""

from __future__ import annotations

from herplan.io.errors import InputError
from herplan.io.input_reader import read_problem
from herplan.io.planning_folder import write_planning_folder
from herplan.scheduler.domain import (
    Absence,
    Appointment,
    Consultant,
    Location,
    Plan,
    Problem,
    Reassessment,
    Rerun,
    Settings,
    TimeWindow,
    Unscheduled,
    Verdict,
)
from herplan.scheduler.planner import make_plan
from herplan.scheduler.run import Planning, prepare_rerun
from herplan.scheduler.run import plan_input as plan
from herplan.scheduler.solve import Progress, SolverOptions
from herplan.scheduler.verify import PlanRejected

__all__ = [
    "Absence",
    "Appointment",
    "Consultant",
    "InputError",
    "Location",
    "Plan",
    "PlanRejected",
    "Planning",
    "Problem",
    "Progress",
    "Reassessment",
    "Rerun",
    "Settings",
    "SolverOptions",
    "TimeWindow",
    "Unscheduled",
    "Verdict",
    "make_plan",
    "plan",
    "prepare_rerun",
    "read_problem",
    "write_planning_folder",
]
