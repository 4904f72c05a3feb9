"""``aanbieders/<slug>.xlsx``: what one care provider receives (SPEC §4).

Sheets: ``Planning`` (its interviews, with a ja/nee drop-down ``Haalbaar`` and
an ``Opmerking`` column to fill in), ``Actie nodig`` (support plans to renew,
reassessments that could not be planned and why) and ``Toelichting`` (how to
read and return it, whom to contact). Only that provider's reassessments
appear (privacy), every input text goes in as text, never as a formula, and
the bytes depend only on the plan.
"""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.packaging.custom import IntProperty, StringProperty
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from herplan.io.changes_sheet import write_changes
from herplan.io.feedback import PROVIDER_PROPERTY, REVISION_PROPERTY
from herplan.io.invites import renewal_of
from herplan.io.labels import WEEKDAY_NAMES, labels
from herplan.io.overview import DATE, TIME, clock
from herplan.io.sentences import explanation
from herplan.io.xlsx_util import fix_timestamps, put, workbook_bytes, write_table
from herplan.scheduler.domain import Appointment, Plan

DATE_TEXT = "%d-%m-%Y"


def plan_status(plan: Plan, a: Appointment, t: dict[str, str]) -> str:
    """The support plan as the provider must see it on the interview day."""
    renewal = renewal_of(plan, a.dossier)
    if renewal is not None and renewal.needed_by is not None:
        return t["plan_new_needed"].format(date=f"{renewal.needed_by:{DATE_TEXT}}")
    plan_date = plan.problem.reassessment(a.dossier).support_plan_date
    return t["plan_current"].format(date=f"{plan_date:{DATE_TEXT}}") if plan_date else "–"


def provider_appointments(plan: Plan, provider: str) -> list[Appointment]:
    return sorted(
        (a for a in plan.appointments if a.provider == provider),
        key=lambda a: (a.day, a.start, a.location, a.consultant, a.dossier),
    )


def _planning(wb: Workbook, plan: Plan, provider: str, t: dict[str, str], lang: str) -> None:
    ws = wb.create_sheet(t["sheet_planning"])
    headers = [
        t["date"], t["weekday"], t["from"], t["to"], t["location"], t["address"], t["client"],
        t["dossier"], t["consultant"], t["begeleider"], t["with"], t["plan_status"],
        t["feasible"], t["remark"],
    ]  # fmt: skip
    rows = []
    for a in provider_appointments(plan, provider):
        consultant_name = plan.people.get(a.consultant, (a.consultant, ""))[0] or a.consultant
        rows.append(
            [
                a.day, WEEKDAY_NAMES[lang][a.day.weekday()], clock(a.start), clock(a.end),
                a.location, plan.problem.address((a.provider, a.location)), a.client, a.dossier,
                consultant_name,
                a.begeleider, t[f"with_{a.with_}"], plan_status(plan, a, t), None, None,
            ]
        )  # fmt: skip
    write_table(ws, headers, rows, {t["date"]: DATE, t["from"]: TIME, t["to"]: TIME}, "Planning")
    feasible = get_column_letter(headers.index(t["feasible"]) + 1)
    remark = get_column_letter(headers.index(t["remark"]) + 1)
    choice = DataValidation(
        type="list",
        formula1=f'"{t["yes"]},{t["no"]}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=t["feasible"],
        error=f"{t['yes']} / {t['no']}",
    )
    last = max(2, len(rows) + 1)
    choice.add(f"{feasible}2:{feasible}{last}")
    ws.add_data_validation(choice)
    ws.column_dimensions[feasible].width = 12
    ws.column_dimensions[remark].width = 40


def _action_needed(wb: Workbook, plan: Plan, provider: str, t: dict[str, str], lang: str) -> None:
    ws = wb.create_sheet(t["sheet_action"])
    headers = [
        t["action"], t["location"], t["client"], t["dossier"], t["deadline"], t["planned_on"],
        t["explanation"],
    ]  # fmt: skip
    rows: list[list[object]] = []
    for r in sorted(plan.renewals, key=lambda r: (r.needed_by or date.max, r.dossier)):
        if r.provider != provider:
            continue
        if r.plan_date is not None:
            plan_text = f"{t['plan_date']}: {r.plan_date:{DATE_TEXT}}"
        else:
            plan_text = "–"
        rows.append(
            [t["action_renew"], r.location, r.client, r.dossier, r.needed_by, r.planned_day,
             plan_text]
        )  # fmt: skip
    for u in plan.unscheduled:
        case = plan.problem.reassessment(u.dossier)
        if case.provider != provider:
            continue
        text = explanation(u, lang, plan.problem.settings.max_plan_age_months)
        rows.append(
            [t["action_unplanned"], case.location, case.client, case.dossier, None, None, text]
        )
    write_table(ws, headers, rows, {t["deadline"]: DATE, t["planned_on"]: DATE}, "ActieNodig")
    last = get_column_letter(len(headers))
    ws.column_dimensions[last].width = 90
    for row in range(2, len(rows) + 2):
        ws[f"{last}{row}"].alignment = Alignment(wrap_text=True, vertical="top")


def _guide(wb: Workbook, plan: Plan, provider: str, t: dict[str, str], calendar: str) -> None:
    ws = wb.create_sheet(t["sheet_guide"])
    s = plan.problem.settings
    put(ws, 1, 1, t["guide_title"].format(provider=provider)).font = Font(bold=True, size=14)
    row = 3
    text = t["guide"].format(months=s.max_plan_age_months, calendar=calendar)
    for paragraph in text.split("|"):
        put(ws, row, 1, paragraph).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 45
        row += 1
    row += 1
    put(ws, row, 1, t["guide_consultants"]).font = Font(bold=True)
    row += 1
    ids = sorted({a.consultant for a in plan.appointments if a.provider == provider})
    for cid in ids:
        who = plan.people.get(cid, (cid, ""))
        put(ws, row, 1, ", ".join(p for p in who if p))
        row += 1
    row += 1
    put(ws, row, 1, t["guide_locations"]).font = Font(bold=True)
    row += 1
    for loc in sorted(plan.problem.locations, key=lambda loc: loc.name):
        if loc.provider != provider or not (loc.contact or loc.contact_email):
            continue
        contact = ", ".join(p for p in (loc.contact, loc.contact_email) if p)
        put(ws, row, 1, f"{loc.name}: {contact}")
        row += 1
    row += 1
    put(ws, row, 1, f"{t['guide_version']}: {plan.revision} ({plan.created[:10]})")
    ws.column_dimensions["A"].width = 110
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def provider_workbook(plan: Plan, provider: str, calendar_name: str) -> bytes:
    """The provider's workbook; ``calendar_name`` is its .ics file, named in the guide."""
    lang = plan.problem.settings.language
    t = labels(lang)
    wb = Workbook()
    wb.remove(wb.active)
    _planning(wb, plan, provider, t, lang)
    _action_needed(wb, plan, provider, t, lang)
    write_changes(wb, plan, t, provider)
    _guide(wb, plan, provider, t, calendar_name)
    # Who the workbook is for, so a returned copy is matched whatever its file name.
    wb.custom_doc_props.append(StringProperty(name=PROVIDER_PROPERTY, value=provider))
    wb.custom_doc_props.append(IntProperty(name=REVISION_PROPERTY, value=plan.revision))
    fix_timestamps(wb, datetime.fromisoformat(plan.created))
    return workbook_bytes(wb)
