"""The planning folder of SPEC §4, written atomically.

Everything is first written to a staging sibling of ``DIR``; only when every
file is complete is it swapped in. A crash or Ctrl-C leaves ``DIR`` exactly
as it was.
"""

from __future__ import annotations

from pathlib import Path

from herplan.io.atomic import staged_folder
from herplan.io.overview import overview_bytes
from herplan.io.plan_json import dumps
from herplan.scheduler.domain import Plan


def planning_files(plan: Plan) -> dict[str, bytes]:
    """Every output file of ``plan`` by its path relative to the planning folder."""
    return {
        "plan.json": dumps(plan),
        "overzicht.xlsx": overview_bytes(plan),
    }


def write_planning_folder(plan: Plan, out: Path) -> dict[str, bytes]:
    files = planning_files(plan)
    with staged_folder(out) as staging:
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return files
