"""herplan: plan the December wave of reassessments (herindicaties) with OR-Tools CP-SAT.

One public API for notebooks, the command line and the web page alike::

    from datetime import date

    import herplan

    result = herplan.plan("examples/drechtsteden-2026.xlsx", "planning", time_limit=10,
                          today=date(2026, 11, 30))
    print(result.summary())
    result.to_frames()["load"]

``plan`` reads the input (an ``.xlsx`` workbook or a folder of CSV files),
plans it — a rerun when the folder already holds a plan, with the provider
workbooks returned as ``feedback`` — checks the plan against every rule and
promise, and writes the folder. Without a folder nothing is written. Bad
input raises ``InputError`` (every message names file, sheet, row and
column); a plan that fails the final check raises ``PlanRejected``.
``suggest`` gives ranked places for one reassessment in a planning folder
(``open_region`` loads it once for many questions); ``capacity`` what extra
consultant-mornings would plan for it. ``read_problem`` and
``make_plan`` work on the domain objects directly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Where each public name lives. They are imported on first use (PEP 562), so a
# process that only needs one part (a worker writing calendars, say) does not
# load the solver.
_PUBLIC = {
    "InputError": "herplan.io.errors",
    "read_problem": "herplan.io.input_reader",
    "write_planning_folder": "herplan.io.planning_folder",
    "Absence": "herplan.domain",
    "Appointment": "herplan.domain",
    "Consultant": "herplan.domain",
    "Location": "herplan.domain",
    "Plan": "herplan.domain",
    "Problem": "herplan.domain",
    "Reassessment": "herplan.domain",
    "Rerun": "herplan.domain",
    "Settings": "herplan.domain",
    "TimeWindow": "herplan.domain",
    "Unscheduled": "herplan.domain",
    "Verdict": "herplan.domain",
    "make_plan": "herplan.scheduler.planner",
    "Planning": "herplan.app.run",
    "prepare_rerun": "herplan.io.previous",
    "plan": "herplan.app.run",
    "RunOptions": "herplan.app.run",
    "RunHooks": "herplan.app.run",
    "suggest": "herplan.app.suggest",
    "capacity": "herplan.app.capacity",
    "CapacityOptions": "herplan.app.capacity",
    "open_region": "herplan.app.suggest",
    "Progress": "herplan.scheduler.solve",
    "SolverOptions": "herplan.scheduler.solve",
    "PlanRejected": "herplan.scheduler.verify",
}

if TYPE_CHECKING:
    from herplan.app.capacity import CapacityOptions, capacity
    from herplan.app.run import Planning, RunHooks, RunOptions, plan
    from herplan.app.suggest import open_region, suggest
    from herplan.domain.appointment import Appointment
    from herplan.domain.plan import Plan, Unscheduled
    from herplan.domain.problem import (
        Absence,
        Consultant,
        Location,
        Problem,
        Reassessment,
        Settings,
        TimeWindow,
    )
    from herplan.domain.revisions import Rerun, Verdict
    from herplan.io.errors import InputError
    from herplan.io.input_reader import read_problem
    from herplan.io.planning_folder import write_planning_folder
    from herplan.io.previous import prepare_rerun
    from herplan.scheduler.planner import make_plan
    from herplan.scheduler.solve import Progress, SolverOptions
    from herplan.scheduler.verify import PlanRejected


def __getattr__(name: str) -> Any:
    where = _PUBLIC.get(name)
    if where is None:
        raise AttributeError(f"module 'herplan' has no attribute {name!r}")
    module, _, attribute = where.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])


__all__ = [
    "Absence",
    "Appointment",
    "CapacityOptions",
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
    "RunHooks",
    "RunOptions",
    "Settings",
    "SolverOptions",
    "TimeWindow",
    "Unscheduled",
    "Verdict",
    "capacity",
    "make_plan",
    "open_region",
    "plan",
    "prepare_rerun",
    "read_problem",
    "suggest",
    "write_planning_folder",
]
