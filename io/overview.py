"""``overzicht.xlsx``: the planner's workbook (README, Outputs).

Sheets: Planning (all appointments), Rooster (consultants × days with the
location of each morning, a colour per provider), Niet ingepland (with
reasons), Ondersteuningsplannen (plans to renew, per provider, with the date a
new plan is needed), Kengetallen (counts that add up, visits, how close to the
best possible), Belasting (per consultant mornings used of those usable,
outliers marked), Technisch (solver phases, bounds and gaps). The writer only
reads a ``Plan``.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from herplan.calendar import working_days
from herplan.domain.plan import Plan
from herplan.io.changes_sheet import write_changes
from herplan.io.sentences import (
    explanation,
    outcome_words,
    phase_in,
    phase_words,
    plan_date_note,
    quality_lines,
    reason_name,
    weekday_short,
)
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
from herplan.scheduler.load import OUTLIER, consultant_loads

DATE = "dd-mm-yyyy"
TIME = "hh:mm"
ROSTER_DAY_WIDTH = 22
OUTLIER_FILL = "F8CBAD"
WEEK_BORDER = Border(left=Side(style="medium", color="7F7F7F"))
PALETTE = (
    "FCE4D6",
    "DDEBF7",
    "E2EFDA",
    "FFF2CC",
    "EDE7F6",
    "FBE5F0",
    "D9F2F2",
    "F2F2F2",
    "FFE0B2",
    "C8E6C9",
    "BBDEFB",
    "F8BBD0",
    "D7CCC8",
    "E6EE9C",
    "B2EBF2",
    "FFCDD2",
)


def clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def provider_colours(plan: Plan) -> dict[str, str]:
    # A provider that left the input keeps its held appointments (README, Today).
    providers = sorted(
        {loc.provider for loc in plan.problem.locations} | {a.provider for a in plan.appointments}
    )
    return {p: PALETTE[n % len(PALETTE)] for n, p in enumerate(providers)}


def _planning(wb: Workbook, plan: Plan, t: dict[str, str], lang: str) -> None:
    ws = wb.create_sheet(t["sheet_planning"])
    widths = {
        "date": 12,
        "from": 6.5,
        "to": 6.5,
        "consultant": 9,
        "provider": 13,
        "location": 20,
        "address": 20,
        "dossier": 9,
        "client": 8,
        "begeleider": 13,
        "with": 11,
        "writeup_from": 8.5,
        "writeup_to": 8.5,
    }
    headers = [t[k] for k in widths]
    rows = []
    for a in plan.appointments:
        rows.append(
            [
                a.day,
                clock(a.start),
                clock(a.end),
                a.consultant,
                a.provider,
                a.location,
                plan.problem.address((a.provider, a.location)),
                a.dossier,
                a.client,
                a.begeleider,
                t[f"with_{a.with_}"],
                clock(a.writeup_start),
                clock(a.writeup_end),
            ]
        )
    formats = {t["date"]: t["format_weekday_date"], t["from"]: TIME, t["to"]: TIME}
    formats |= {t["writeup_from"]: TIME, t["writeup_to"]: TIME}
    write_table(
        ws,
        headers,
        rows,
        formats,
        "Planning",
        widths={t[k]: w for k, w in widths.items()},
        wrap={
            t[k]
            for k in ("provider", "location", "address", "begeleider", "writeup_from", "writeup_to")
        },
    )
    print_setup(ws, f"{t['overview_title']} – {ws.title}", lang)


def roster_people(plan: Plan) -> list[tuple[str, str]]:
    """The consultants of the input, then any who left it with appointments held."""
    people = [(c.id, c.name) for c in plan.problem.consultants]
    known = {cid for cid, _name in people}
    gone = sorted({a.consultant for a in plan.appointments} - known)
    return people + [(cid, plan.people.get(cid, (cid, ""))[0] or cid) for cid in gone]


def _roster(wb: Workbook, plan: Plan, t: dict[str, str], lang: str) -> None:
    ws = wb.create_sheet(t["sheet_roster"])
    days = working_days(plan.problem.settings)
    colours = provider_colours(plan)
    put(ws, 1, 1, t["consultant"]).font = Font(bold=True)
    week_starts: list[int] = []
    for n, day in enumerate(days, start=2):
        cell = put(ws, 1, n, f"{weekday_short(day, lang)} {day:%d-%m}")
        cell.font = BOLD
        ws.column_dimensions[get_column_letter(n)].width = ROSTER_DAY_WIDTH
        if n > 2 and day.isocalendar()[1] != days[n - 3].isocalendar()[1]:
            ws.col_breaks.append(Break(id=n - 1))  # a new week starts a new printed page
            week_starts.append(n)
    mornings: dict[tuple[str, object], tuple[str, str, int]] = {}
    counts: Counter = Counter((a.consultant, a.day) for a in plan.appointments)
    for a in plan.appointments:
        mornings[(a.consultant, a.day)] = (a.provider, a.location, counts[(a.consultant, a.day)])
    people = roster_people(plan)
    for r, (cid, name) in enumerate(people, start=2):
        put(ws, r, 1, f"{cid} {name}")
        for n, day in enumerate(days, start=2):
            visit = mornings.get((cid, day))
            if visit:
                provider, location, count = visit
                cell = put(ws, r, n, f"{location} ({count})")
                cell.fill = PatternFill("solid", fgColor=colours[provider])
                cell.font = FONT
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif not plan.available(cid, day):
                put(ws, r, n, "–").alignment = Alignment(horizontal="center")
    for n in week_starts:  # a line between the weeks on screen
        for r in range(1, len(people) + 2):
            ws.cell(r, n).border = WEEK_BORDER
    ws.column_dimensions["A"].width = 24
    ws.freeze_panes = "B2"
    legend = len(people) + 3
    put(ws, legend, 1, t["legend"]).font = BOLD
    put(ws, legend + 1, 1, t["legend_visit"])
    put(ws, legend + 2, 1, "–").alignment = Alignment(horizontal="center")
    put(ws, legend + 2, 2, t["legend_absent"])
    put(ws, legend + 3, 2, t["legend_free"])
    for k, (provider, colour) in enumerate(colours.items(), start=legend + 4):
        put(ws, k, 1, provider).fill = PatternFill("solid", fgColor=colour)
    fit_rows(ws, range(2, len(days) + 2), first_row=2)
    print_setup(ws, f"{t['overview_title']} – {ws.title}", lang)
    ws.page_setup.fitToWidth = 0  # one week per page, the consultant column repeated
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_title_cols = "A:A"
    ws.print_title_rows = "1:1"


def _unplanned(wb: Workbook, plan: Plan, t: dict[str, str], lang: str) -> None:
    ws = wb.create_sheet(t["sheet_unplanned"])
    cases = {r.dossier: r for r in plan.problem.reassessments}
    headers = [
        t["dossier"],
        t["client"],
        t["provider"],
        t["location"],
        t["indication_end"],
        t["reasons"],
        t["explanation"],
    ]
    rows = []
    for u in plan.unscheduled:
        r = cases[u.dossier]
        text = explanation(u, lang, plan.problem.settings.max_plan_age_months)
        rows.append(
            [
                u.dossier,
                r.client,
                r.provider,
                r.location,
                r.indication_end,
                ", ".join(u.reasons),
                text,
            ]
        )
    write_table(
        ws,
        headers,
        rows,
        {t["indication_end"]: DATE},
        "NietIngepland",
        widths={t["provider"]: 14, t["location"]: 20, t["reasons"]: 18, t["explanation"]: 60},
        wrap={t["provider"], t["location"], t["reasons"], t["explanation"]},
    )
    print_setup(ws, f"{t['overview_title']} – {ws.title}", lang)


def _support_plans(wb: Workbook, plan: Plan, t: dict[str, str]) -> None:
    ws = wb.create_sheet(t["sheet_plans"])
    headers = [
        t["provider"],
        t["location"],
        t["dossier"],
        t["client"],
        t["plan_date"],
        t["valid_until"],
        t["promised"],
        t["needed_by"],
        t["planned_on"],
        t["note"],
    ]
    lang, start = plan.problem.settings.language, plan.problem.settings.period_start
    rows = [
        [
            r.provider,
            r.location,
            r.dossier,
            r.client,
            r.plan_date,
            r.valid_until,
            r.promised,
            r.needed_by,
            r.planned_day,
            plan_date_note(
                r.plan_date, plan.problem.reassessment(r.dossier).indication_end, start, lang
            ),
        ]
        for r in sorted(plan.renewals, key=lambda r: (r.provider, r.location, r.dossier))
    ]
    dates = (t["plan_date"], t["valid_until"], t["promised"], t["needed_by"], t["planned_on"])
    write_table(
        ws,
        headers,
        rows,
        dict.fromkeys(dates, DATE),
        "Ondersteuningsplannen",
        widths={
            t["provider"]: 16,
            t["location"]: 24,
            t["dossier"]: 9,
            t["client"]: 8,
            **dict.fromkeys(dates, 12),
            t["note"]: 40,
        },
        wrap={t["provider"], t["location"], t["note"]},
    )
    print_setup(ws, f"{t['overview_title']} – {ws.title}", lang)


def _figures(wb: Workbook, plan: Plan, t: dict[str, str], lang: str) -> None:
    """Kengetallen: the headline figures in the planner's words, counts that add up."""
    ws = wb.create_sheet(t["sheet_figures"])
    cases = plan.problem.reassessments
    withdrawn = sum(1 for r in cases if r.withdrawn)
    clustering = phase_in(plan, "visits")
    rows: list[list[object]] = [
        [t["cases_total"], len(cases)],
        [f"  {t['cases_open']}", len(cases) - withdrawn],
        [f"  {t['cases_withdrawn']}", withdrawn],
        [t["scheduled"], len(plan.appointments)],
        [t["unscheduled"], len(plan.unscheduled)],
    ]
    reasons = Counter(u.main_reason for u in plan.unscheduled)
    for code, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        rows.append([f"  {t['by_reason']} {reason_name(code, lang)}", count])
    rows += [
        [t["visits"], plan.visits],
        [t["fewest_visits"], int(clustering.bound) if clustering and clustering.bound else None],
        [t["location_days"], plan.location_days],
        [t["quality"], "; ".join(quality_lines(plan, lang))],
    ]
    write_table(
        ws,
        [t["figure"], t["value"]],
        rows,
        widths={t["figure"]: 40, t["value"]: 60},
        wrap={t["figure"], t["value"]},
    )
    for r in range(2, len(rows) + 2):
        ws.cell(r, 2).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    print_setup(ws, f"{t['overview_title']} – {ws.title}", lang)


def _workload(wb: Workbook, plan: Plan, t: dict[str, str], lang: str) -> None:
    """Belasting: per consultant the mornings used of those usable, outliers marked."""
    ws = wb.create_sheet(t["sheet_load"])
    loads, middle = consultant_loads(plan)
    headers = [
        t["consultant"],
        t["consultant_name"],
        t["available_mornings"],
        t["usable_mornings"],
        t["used_mornings"],
        t["interviews"],
        t["load"],
        t["load_mark"],
    ]
    rows = [
        [
            x.consultant.id,
            x.consultant.name,
            x.available,
            x.usable,
            x.mornings,
            x.interviews,
            round(x.per_morning, 2),
            t[f"load_{x.mark}"] if x.mark else "",
        ]
        for x in loads
    ]
    write_table(
        ws,
        headers,
        rows,
        {t["load"]: "0.00"},
        "Belasting",
        widths={h: 14 for h in headers[2:7]} | {t["load_mark"]: 22},
        wrap=set(headers),
    )
    for r, x in enumerate(loads, start=2):
        if x.mark:
            for n in range(1, len(headers) + 1):
                ws.cell(r, n).fill = PatternFill("solid", fgColor=OUTLIER_FILL)
    share = f"{OUTLIER:.0%}"
    note = t["load_note"].format(
        share=share, median=f"{middle:.2f}".replace(".", "," if lang == "nl" else ".")
    )
    cell = put(ws, len(loads) + 3, 1, note)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(
        start_row=len(loads) + 3, start_column=1, end_row=len(loads) + 3, end_column=len(headers)
    )
    ws.row_dimensions[len(loads) + 3].height = 3 * 12.75
    print_setup(ws, f"{t['overview_title']} – {ws.title}", lang)


def _technical(wb: Workbook, plan: Plan, t: dict[str, str], lang: str) -> None:
    """Technisch: each solver phase's outcome, objective, proven bound and gap."""
    ws = wb.create_sheet(t["sheet_technical"])
    headers = [
        t["phase"],
        t["code"],
        t["status"],
        t["solver_status"],
        t["objective"],
        t["bound"],
        t["gap"],
        t["seconds"],
    ]
    rows = [
        [
            phase_words(p.name, lang),
            p.name,
            outcome_words(p.status, lang),
            p.status,
            p.objective,
            p.bound,
            p.gap,
            round(p.work, 1),
        ]
        for p in plan.phases
    ]
    write_table(
        ws,
        headers,
        rows,
        {t["gap"]: "0.00%"},
        "Technisch",
        widths={t["phase"]: 34, t["status"]: 24} | {h: 14 for h in headers[3:]},
        wrap=set(headers),
    )
    print_setup(ws, f"{t['overview_title']} – {ws.title}", lang)


def overview_bytes(plan: Plan) -> bytes:
    lang = plan.problem.settings.language
    t = words(lang)
    wb = Workbook()
    wb.remove(wb.active)
    _planning(wb, plan, t, lang)
    _roster(wb, plan, t, lang)
    _unplanned(wb, plan, t, lang)
    _support_plans(wb, plan, t)
    _figures(wb, plan, t, lang)
    _workload(wb, plan, t, lang)
    _technical(wb, plan, t, lang)
    write_changes(wb, plan, t)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None and (cell.font.sz or 11) > 10:
                    cell.font = BOLD if cell.font.b else FONT  # 10 pt everywhere
    fix_timestamps(wb, datetime.fromisoformat(plan.created))
    return workbook_bytes(wb)
