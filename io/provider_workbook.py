"""``aanbieders/<slug>.xlsx``: what one care provider receives (README, Outputs).

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
from openpyxl.comments import Comment
from openpyxl.packaging.custom import IntProperty, StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from herplan.calendar import add_working_days
from herplan.domain.appointment import Appointment
from herplan.domain.plan import Plan
from herplan.io.calendar_events import renewal_of
from herplan.io.changes_sheet import write_changes
from herplan.io.corrections_sheet import write_corrections
from herplan.io.feedback import PROVIDER_PROPERTY, REVISION_PROPERTY
from herplan.io.overview import DATE, TIME, clock
from herplan.io.sentences import explanation, long_date, plan_date_note
from herplan.io.words import words
from herplan.io.xlsx_util import (
    BOLD,
    FONT,
    fit_rows,
    fix_timestamps,
    print_setup,
    put,
    workbook_bytes,
    write_table,
)

DATE_TEXT = "%d-%m-%Y"


def plan_status(plan: Plan, a: Appointment, t: dict[str, str]) -> str:
    """The support plan as the provider must see it on the interview day; a held
    interview says so (its reassessment may have left the input since)."""
    if plan.held(a):
        return t["plan_held"].format(date=f"{a.day:{DATE_TEXT}}")
    renewal = renewal_of(plan, a.dossier)
    if renewal is not None and renewal.needed_by is not None:
        return t["plan_new_needed"].format(date=f"{renewal.needed_by:{DATE_TEXT}}")
    case = plan.problem.reassessments_by_dossier.get(a.dossier)
    plan_date = case.support_plan_date if case else None
    return t["plan_current"].format(date=f"{plan_date:{DATE_TEXT}}") if plan_date else "–"


def provider_appointments(plan: Plan, provider: str) -> list[Appointment]:
    return sorted(
        (a for a in plan.appointments if a.provider == provider),
        key=lambda a: (a.day, a.start, a.location, a.consultant, a.dossier),
    )


PLANNING_WIDTHS = {  # by label key; the total prints on A4 landscape at 10 pt
    "date": 12,
    "from": 6.5,
    "to": 6.5,
    "location": 26,
    "client": 8,
    "dossier": 9,
    "consultant": 14,
    "begeleider": 14,
    "with": 12,
    "plan_status": 19,
    "feasible": 9,
    "remark": 26,
}
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # the cells a provider fills in


def _planning(wb: Workbook, plan: Plan, provider: str, t: dict[str, str], lang: str) -> None:
    """One row per interview; the location cell holds the address below the name."""
    ws = wb.create_sheet(t["sheet_planning"])
    keys = list(PLANNING_WIDTHS)
    headers = [t[k] for k in keys]
    rows = []
    for a in provider_appointments(plan, provider):
        consultant_name = plan.people.get(a.consultant, (a.consultant, ""))[0] or a.consultant
        where = plan.problem.address((a.provider, a.location))
        rows.append(
            [
                a.day,
                clock(a.start),
                clock(a.end),
                "\n".join(p for p in (a.location, where) if p),
                a.client,
                a.dossier,
                consultant_name,
                a.begeleider,
                t[f"with_{a.with_}"],
                plan_status(plan, a, t),
                None,
                None,
            ]
        )
    write_table(
        ws,
        headers,
        rows,
        {t["date"]: t["format_weekday_date"], t["from"]: TIME, t["to"]: TIME},
        "Planning",
        widths={t[k]: w for k, w in PLANNING_WIDTHS.items()},
        wrap={t[k] for k in ("location", "consultant", "begeleider", "plan_status", "remark")},
    )
    feasible = get_column_letter(headers.index(t["feasible"]) + 1)
    remark = get_column_letter(headers.index(t["remark"]) + 1)
    choice = DataValidation(
        type="list",
        formula1=f'"{t["yes"]},{t["no"]},{t["same_day"]}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=t["feasible"],
        error=f"{t['yes']} / {t['no']} / {t['same_day']}",
        showInputMessage=True,
        promptTitle=t["feasible"],
        prompt=t["feasible_prompt"],
    )
    last = max(2, len(rows) + 1)
    choice.add(f"{feasible}2:{feasible}{last}")
    ws.add_data_validation(choice)
    for column, note in ((feasible, t["feasible_prompt"]), (remark, t["remark_prompt"])):
        ws[f"{column}1"].comment = Comment(note, "herplan")
        for row in range(1, last + 1):
            ws[f"{column}{row}"].fill = INPUT_FILL
    print_setup(ws, t["print_title"].format(provider=provider), lang)


# Sheet ``Actie nodig``: its columns (keys of the file words) and their widths.
_ACTION_WIDTHS = {
    "action": 16,
    "location": 24,
    "client": 8,
    "dossier": 9,
    "deadline": 11,
    "planned_on": 11,
    "explanation": 60,
}


def _action_needed(wb: Workbook, plan: Plan, provider: str, t: dict[str, str], lang: str) -> bool:
    ws = wb.create_sheet(t["sheet_action"])
    rows = _renewal_rows(plan, provider, t, lang)
    for u in plan.unscheduled:
        case = plan.problem.reassessment(u.dossier)
        if case.provider != provider:
            continue
        text = explanation(u, lang, plan.problem.settings.max_plan_age_months)
        rows.append(
            [t["action_unplanned"], case.location, case.client, case.dossier, None, None, text]
        )
    write_table(
        ws,
        [t[key] for key in _ACTION_WIDTHS],
        rows,
        {t["deadline"]: DATE, t["planned_on"]: DATE},
        "ActieNodig",
        widths={t[key]: width for key, width in _ACTION_WIDTHS.items()},
        wrap={t["action"], t["location"], t["explanation"]},
    )
    print_setup(ws, t["print_title"].format(provider=provider), lang)
    return bool(rows)


def _renewal_rows(plan: Plan, provider: str, t: dict[str, str], lang: str) -> list[list[object]]:
    """The provider's support plans to renew, the most urgent first."""
    rows: list[list[object]] = []
    period_start = plan.problem.settings.period_start
    for r in sorted(plan.renewals, key=lambda r: (r.needed_by or date.max, r.dossier)):
        if r.provider != provider:
            continue
        plan_text = "–"
        if r.plan_date is not None:
            case = plan.problem.reassessment(r.dossier)
            note = plan_date_note(r.plan_date, case.indication_end, period_start, lang)
            plan_text = f"{t['plan_date']}: {r.plan_date:{DATE_TEXT}}" + (
                f". {note}" if note else ""
            )
        row = [t["action_renew"], r.location, r.client, r.dossier, r.needed_by, r.planned_day]
        rows.append([*row, plan_text])
    return rows


def answer_by(plan: Plan, provider: str) -> date | None:
    """The date a provider answers by: ``reactie_werkdagen`` before its first interview."""
    s = plan.problem.settings
    days = [
        a.day
        for a in plan.appointments
        if a.provider == provider and not a.pinned and not plan.held(a)
    ]
    if not days:
        return None
    by = add_working_days(min(days), -s.answer_workdays, s)
    return max(by, plan.today) if plan.today else by


def contact_person(plan: Plan, provider: str) -> str:
    """Whom a provider contacts: the planner, else the planning office, else the consultants."""
    s = plan.problem.settings
    if s.planner_name or s.planner_email:
        return _joined(s.planner_name, s.planner_email, s.planner_phone)
    if s.organizer_email:
        return _joined(s.organizer_name, s.organizer_email)
    ids = sorted({a.consultant for a in plan.appointments if a.provider == provider})
    return "; ".join(_joined(*plan.people.get(cid, (cid, ""))) for cid in ids) or "–"


def _joined(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def _guide_paragraphs(
    plan: Plan, provider: str, t: dict[str, str], calendar: str, has_actions: bool
) -> list[str]:
    """Only what is true for this provider: nothing planned, only unplannable, a rerun."""
    s = plan.problem.settings
    lang = s.language
    mine = provider_appointments(plan, provider)
    who = contact_person(plan, provider)
    found: list[str] = []
    if mine:
        deadline = answer_by(plan, provider)
        created = datetime.fromisoformat(plan.created).date()
        by = (
            t["guide_by"].format(date=long_date(deadline, lang))
            if deadline is not None and deadline >= created
            else t["guide_by_now"]
        )
        found += [
            t["guide_planning"].format(n=len(mine)),
            t["guide_with"],
            t["guide_support_plan"].format(months=s.max_plan_age_months),
            t["guide_answer"].format(by=by, who=who),
        ]
        if provider in plan.answer_links:
            found.append(t["guide_online"].format(link=plan.answer_links[provider]))
    else:
        found.append(t["guide_nothing"])
    if has_actions and mine:
        found.append(t["guide_action"])
    if plan.revision > 1 and any(c.provider == provider for c in plan.changes):
        found.append(t["guide_changes"].format(revision=plan.revision))
        if any(a.provider == provider for a in plan.cancelled):
            found.append(t["guide_cancelled"].format(folder=calendar.removesuffix(".ics")))
    if mine:
        found.append(t["guide_calendar"].format(calendar=calendar))
        if s.organizer_email:
            found.append(t["guide_mail"])
    found.append(t["guide_questions"].format(who=who))
    return found


def _guide(
    wb: Workbook, plan: Plan, provider: str, t: dict[str, str], calendar: str, has_actions: bool
) -> None:
    ws = wb.create_sheet(t["sheet_guide"])
    s = plan.problem.settings
    width = 95
    ws.column_dimensions["A"].width = width
    put(ws, 1, 1, t["guide_title"].format(provider=provider)).font = Font(bold=True, size=14)
    row = 3

    def line(text: str, bold: bool = False) -> None:
        nonlocal row
        cell = put(ws, row, 1, text)
        cell.font = BOLD if bold else FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        row += 1

    for paragraph in _guide_paragraphs(plan, provider, t, calendar, has_actions):
        line(paragraph)
        row += 1
    if s.planner_name or s.planner_email or s.organizer_email:
        line(t["guide_office"], bold=True)
        if s.planner_name or s.planner_email:
            line(_joined(s.planner_name, s.planner_email, s.planner_phone))
        if s.organizer_email:
            line(_joined(s.organizer_name, s.organizer_email))
        row += 1
    where: dict[str, set[str]] = {}
    for a in plan.appointments:
        if a.provider == provider:
            where.setdefault(a.consultant, set()).add(a.location)
    if where:
        line(t["guide_consultants"], bold=True)
        for cid in sorted(where, key=lambda c: plan.people.get(c, (c, ""))[0]):
            name = _joined(*plan.people.get(cid, (cid, "")))
            line(
                t["guide_consultant_locations"].format(
                    name=name, locations="; ".join(sorted(where[cid]))
                )
            )
        row += 1
    contacts = [
        f"{loc.name}: {_joined(loc.contact, loc.contact_email)}"
        for loc in sorted(plan.problem.locations, key=lambda loc: loc.name)
        if loc.provider == provider and (loc.contact or loc.contact_email)
    ]
    if contacts:
        line(t["guide_locations"], bold=True)
        for text in contacts:
            line(text)
        row += 1
    line(f"{t['guide_version']}: {plan.revision} ({plan.created[:10]})")
    fit_rows(ws, [1], first_row=3)
    print_setup(ws, t["print_title"].format(provider=provider), s.language)


def provider_workbook(plan: Plan, provider: str, calendar_name: str) -> bytes:
    """The provider's workbook; ``calendar_name`` is its .ics file, named in the guide."""
    lang = plan.problem.settings.language
    t = words(lang)
    wb = Workbook()
    wb.remove(wb.active)
    _planning(wb, plan, provider, t, lang)
    has_actions = _action_needed(wb, plan, provider, t, lang)
    write_changes(wb, plan, t, provider)
    write_corrections(wb, plan, provider, lang)
    _guide(wb, plan, provider, t, calendar_name, has_actions)
    # Who the workbook is for, so a returned copy is matched whatever its file name.
    wb.custom_doc_props.append(StringProperty(name=PROVIDER_PROPERTY, value=provider))
    wb.custom_doc_props.append(IntProperty(name=REVISION_PROPERTY, value=plan.revision))
    fix_timestamps(wb, datetime.fromisoformat(plan.created))
    return workbook_bytes(wb)
