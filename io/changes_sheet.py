"""Sheet ``Wijzigingen``: what changed since the previous revision (README, Rerun after
cancellations).

The planner's overview lists every change; a provider's workbook lists its own.
"""

from __future__ import annotations

from openpyxl import Workbook

from herplan.domain.plan import Change, Plan
from herplan.io.plan_json import consultant_name
from herplan.io.sentences import change_reason
from herplan.io.xlsx_util import print_setup, write_table
from herplan.scheduler.timing import hhmm

DATE = "dd-mm-yyyy"


# The sheet's columns (keys of the file words), their widths and which of them wrap.
_COLUMNS = (
    "kind",
    "dossier",
    "client",
    "provider",
    "location",
    "old_date",
    "old_time",
    "old_consultant",
    "new_date",
    "new_time",
    "new_consultant",
    "explanation",
)
_WIDTHS = {
    "kind": 12,
    "dossier": 9,
    "client": 8,
    "provider": 14,
    "location": 18,
    "old_consultant": 13,
    "new_consultant": 13,
    "explanation": 40,
    "old_time": 11,
    "new_time": 11,
    "old_date": 11,
    "new_date": 11,
}
_WRAPPED = ("kind", "provider", "location", "old_consultant", "new_consultant", "explanation")


def write_changes(wb: Workbook, plan: Plan, t: dict[str, str], provider: str | None = None) -> None:
    """Add the sheet when ``plan`` is a rerun; only ``provider``'s changes if given."""
    if plan.revision <= 1:
        return
    ws = wb.create_sheet(t["sheet_changes"])
    headers = [t[key] for key in _COLUMNS]
    why_not = {u.dossier: u for u in plan.unscheduled}
    lang = plan.problem.settings.language
    months = plan.problem.settings.max_plan_age_months

    def name(cid: str) -> str:
        return consultant_name(plan, cid)

    def own(dossier: str) -> bool:  # a provider's file names only its own clients
        case = plan.problem.reassessments_by_dossier.get(dossier)
        return provider is None or (case is not None and case.provider == provider)

    rows = [
        _row(
            c,
            t,
            name,
            change_reason(
                c,
                lang,
                name,
                why_not.get(c.dossier),
                months,
                name_room=own(c.made_room_for) if c.made_room_for else True,
            ),
        )
        for c in plan.changes
        if provider is None or c.provider == provider
    ]
    write_table(
        ws,
        headers,
        rows,
        {t["old_date"]: DATE, t["new_date"]: DATE},
        "Wijzigingen",
        widths={t[key]: width for key, width in _WIDTHS.items()},
        wrap={t[key] for key in _WRAPPED},
    )
    title = (
        t["print_title"].format(provider=provider)
        if provider
        else f"{t['overview_title']} – {ws.title}"
    )
    print_setup(ws, title, lang)


def _row(c: Change, t: dict[str, str], name, reason: str) -> list[object]:
    b, a = c.before, c.after
    any_side = a or b
    return [
        t[f"kind_{c.kind}"],
        c.dossier,
        any_side.client if any_side else "",
        c.provider,
        any_side.location if any_side else "",
        b.day if b else None,
        f"{hhmm(b.start)}-{hhmm(b.end)}" if b else "",
        name(b.consultant) if b else "",
        a.day if a else None,
        f"{hhmm(a.start)}-{hhmm(a.end)}" if a else "",
        name(a.consultant) if a else "",
        reason,
    ]
