"""The planning folder in parts (README, Outputs): each part's files rendered on their own.

The plan, the overview, the calendars, each provider's workbook and the outbox are
independent, so any process can render any part from the same ``Plan`` and get the
same bytes: the writer shares them out between two processes (``writer``), and the
planning folder puts them together (``planning_folder``).
"""

from __future__ import annotations

from collections import Counter

from herplan.domain.plan import Plan
from herplan.io.calendar_events import (
    cancellation,
    consultant_calendar,
    dropped_for_consultant,
    provider_calendar,
)
from herplan.io.invitations import can_mail
from herplan.io.outbox import OUTBOX, outbox_files
from herplan.io.overview import overview_bytes
from herplan.io.plan_json import dumps
from herplan.io.provider_workbook import provider_workbook
from herplan.io.slug import unique_slugs

PROVIDERS = "aanbieders"
CONSULTANTS = "consulenten"
CANCELLED = "geannuleerd"


def providers_with_files(plan: Plan) -> list[str]:
    """Providers with any planned, unplannable or changed reassessment get their files."""
    planned = {a.provider for a in plan.appointments}
    unplanned = {plan.problem.reassessment(u.dossier).provider for u in plan.unscheduled}
    changed = {c.provider for c in plan.changes}
    return sorted(planned | unplanned | changed)


def parts(plan: Plan) -> list[tuple[str, float]]:
    """The planning folder in parts any process can write, each with its rough cost.

    The cost is in appointments' worth of work (a workbook row, a calendar
    event, an e-mail message each take a few milliseconds); ``writer`` shares
    the parts out by it.
    """
    n = len(plan.appointments)
    appointments = Counter(a.provider for a in plan.appointments)
    found = [
        ("plan.json", 0.05 * n),
        ("overview", 0.6 * n + 20),
        ("calendars", 1.2 * n + 2 * len(plan.cancelled)),
    ]
    found += [(f"provider:{p}", 0.8 * appointments[p] + 10) for p in providers_with_files(plan)]
    messages = 3 * n if can_mail(plan) else 0
    found += [(f"outbox:{k}", 0.8 * messages) for k in range(2)]
    return found


def render(plan: Plan, part: str) -> dict[str, bytes]:
    """The files of one part of the planning folder (``plan`` has its file names)."""
    kind, _, key = part.partition(":")
    if kind == "plan.json":
        return {"plan.json": dumps(plan)}
    if kind == "overview":
        return {"overzicht.xlsx": overview_bytes(plan)}
    if kind == "provider":
        slug = plan.file_names[PROVIDERS][key]
        return {f"{PROVIDERS}/{slug}.xlsx": provider_workbook(plan, key, f"{slug}.ics")}
    if kind == "calendars":
        return _calendars(plan)
    if kind == "outbox":
        return {f"{OUTBOX}/{n}": data for n, data in outbox_files(plan, int(key), 2).items()}
    raise ValueError(f"no part {part!r} of a planning folder")


def _calendars(plan: Plan) -> dict[str, bytes]:
    names = plan.file_names
    files: dict[str, bytes] = {}
    dossiers = {a.dossier for a in plan.cancelled} | {c.dossier for c in plan.changes}
    dossier_file = unique_slugs(dossiers)
    for provider in providers_with_files(plan):
        slug = names[PROVIDERS][provider]
        if any(a.provider == provider for a in plan.appointments):
            files[f"{PROVIDERS}/{slug}.ics"] = provider_calendar(plan, provider)
        for a in plan.cancelled:
            if a.provider == provider:
                name = dossier_file[a.dossier]
                files[f"{PROVIDERS}/{CANCELLED}/{slug}/{name}.ics"] = cancellation(plan, a)
    busy = {a.consultant for a in plan.appointments}
    for consultant, slug in sorted(names[CONSULTANTS].items()):
        if consultant in busy:
            files[f"{CONSULTANTS}/{slug}.ics"] = consultant_calendar(plan, consultant)
        for a in dropped_for_consultant(plan, consultant):
            folder = f"{CONSULTANTS}/{CANCELLED}/{slug}/{dossier_file[a.dossier]}"
            files[f"{folder}.ics"] = cancellation(plan, a)
            files[f"{folder}-uitwerking.ics"] = cancellation(plan, a, writeup=True)
    return files
