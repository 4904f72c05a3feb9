"""The planning folder of SPEC §4, written atomically.

Everything is first written to a staging sibling of ``DIR``; only when every
file is complete is it swapped in. A crash or Ctrl-C leaves ``DIR`` exactly
as it was.
"""

from __future__ import annotations

from pathlib import Path

from herplan.io.atomic import staged_folder
from herplan.io.invites import consultant_calendar, provider_calendar
from herplan.io.overview import overview_bytes
from herplan.io.plan_json import dumps
from herplan.io.provider_workbook import provider_workbook
from herplan.io.slug import unique_slugs
from herplan.scheduler.domain import Plan


def providers_with_files(plan: Plan) -> list[str]:
    """Providers with any planned or unplannable reassessment get their own files."""
    planned = {a.provider for a in plan.appointments}
    unplanned = {plan.problem.reassessment(u.dossier).provider for u in plan.unscheduled}
    return sorted(planned | unplanned)


def planning_files(plan: Plan) -> dict[str, bytes]:
    """Every output file of ``plan`` by its path relative to the planning folder."""
    files = {
        "plan.json": dumps(plan),
        "overzicht.xlsx": overview_bytes(plan),
    }
    providers = providers_with_files(plan)
    for provider, slug in unique_slugs(providers).items():
        files[f"aanbieders/{slug}.xlsx"] = provider_workbook(plan, provider, f"{slug}.ics")
        if any(a.provider == provider for a in plan.appointments):
            files[f"aanbieders/{slug}.ics"] = provider_calendar(plan, provider)
    busy = {a.consultant for a in plan.appointments}
    for consultant, slug in unique_slugs(busy).items():
        files[f"consulenten/{slug}.ics"] = consultant_calendar(plan, consultant)
    return files


def write_planning_folder(plan: Plan, out: Path) -> dict[str, bytes]:
    files = planning_files(plan)
    with staged_folder(out) as staging:
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return files
