"""The planning folder of SPEC §4, written atomically.

Everything is first written to a staging sibling of ``DIR``; only when every
file is complete is it swapped in. A crash or Ctrl-C leaves ``DIR`` exactly
as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from herplan.io.atomic import staged_folder
from herplan.io.invites import (
    cancellations,
    consultant_calendar,
    dropped_for_consultant,
    provider_calendar,
)
from herplan.io.overview import overview_bytes
from herplan.io.plan_json import dumps
from herplan.io.provider_workbook import provider_workbook
from herplan.io.slug import unique_slugs
from herplan.scheduler.domain import Plan


def providers_with_files(plan: Plan) -> list[str]:
    """Providers with any planned, unplannable or changed reassessment get their files."""
    planned = {a.provider for a in plan.appointments}
    unplanned = {plan.problem.reassessment(u.dossier).provider for u in plan.unscheduled}
    changed = {c.provider for c in plan.changes}
    return sorted(planned | unplanned | changed)


def planning_files(plan: Plan) -> dict[str, bytes]:
    """Every output file of ``plan`` by its path relative to the planning folder."""
    files = {
        "plan.json": dumps(plan),
        "overzicht.xlsx": overview_bytes(plan),
    }
    for provider, slug in unique_slugs(providers_with_files(plan)).items():
        files[f"aanbieders/{slug}.xlsx"] = provider_workbook(plan, provider, f"{slug}.ics")
        if any(a.provider == provider for a in plan.appointments):
            files[f"aanbieders/{slug}.ics"] = provider_calendar(plan, provider)
        dropped = [a for a in plan.cancelled if a.provider == provider]
        if dropped:
            files[f"aanbieders/{slug}-geannuleerd.ics"] = cancellations(plan, dropped, False)
    busy = {a.consultant for a in plan.appointments}
    gone = {c.id: dropped_for_consultant(plan, c.id) for c in plan.problem.consultants}
    named = busy | {cid for cid, dropped in gone.items() if dropped}
    for consultant, slug in unique_slugs(named).items():
        if consultant in busy:
            files[f"consulenten/{slug}.ics"] = consultant_calendar(plan, consultant)
        if gone.get(consultant):
            files[f"consulenten/{slug}-geannuleerd.ics"] = cancellations(
                plan, gone[consultant], True
            )
    return files


REVISIONS = "revisies"


def write_planning_folder(plan: Plan, out: Path) -> dict[str, bytes]:
    """Write every file; on a rerun the previous revision moves to ``revisies/<n>/``.

    Nothing a planner sent out is lost: earlier revisions stay in the folder,
    and the swap is atomic, so an interrupted run leaves the folder as it was.
    """
    files = planning_files(plan)
    with staged_folder(out) as staging:
        if plan.revision > 1 and (out / "plan.json").exists():
            kept = staging / REVISIONS
            if (out / REVISIONS).is_dir():
                shutil.copytree(out / REVISIONS, kept)
            previous = kept / str(plan.revision - 1)
            shutil.copytree(out, previous, ignore=shutil.ignore_patterns(REVISIONS))
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return files
