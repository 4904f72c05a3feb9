"""The input workbook with the corrections the planner took (README, Corrections).

The planner's workbook is changed where a taken correction says, and nowhere
else: its sheets, columns, comments and formats stay as they were. A new
support plan sets ``datum_ondersteuningsplan`` (or, when expected,
``nieuw_ondersteuningsplan_verwacht``); a client no longer in care gets
``status = geannuleerd`` and the reason in ``opmerking``; another begeleider
replaces name and address; days a client cannot come are added to
``client_niet_beschikbaar``; a missing client becomes a new row. A column the
workbook lacks is added. The sheet ``Correcties`` lists every decided
correction: who proposed what, when and how, and who took or rejected it.
Every text goes through the one neutralising writer (``xlsx_util.put``).
"""

from __future__ import annotations

import io
from collections.abc import Collection, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from herplan import clock
from herplan.corrections import (
    Correction,
    dates_value,
    missing_value,
    plan_value,
    worker_value,
)
from herplan.domain.codes import CorrectionKind, CorrectionStatus
from herplan.findings import Code, Finding, Subject
from herplan.io.errors import InputError
from herplan.io.schema import normalise
from herplan.io.tables import read_tables
from herplan.io.words import section
from herplan.io.xlsx_util import BOLD, autosize, put, workbook_bytes

SHEET = "Correcties"
DATE = "yyyy-mm-dd"


def corrected_input(
    source: Path,
    decided: Sequence[Correction],
    provider_of: dict[str, str],
    lang: str = "nl",
    now: Collection[int] | None = None,
) -> bytes:
    """``source`` (a workbook or a CSV folder) with the taken ones of ``decided`` applied
    (only those of ids ``now``, when given: the input holds the earlier ones already) and
    all of them listed; ``provider_of`` is each dossier's provider in the input."""
    wb = _workbook(source)
    sheet = next((ws for ws in wb.worksheets if normalise(ws.title) == "herindicaties"), None)
    if sheet is None:
        missing = Subject(file=source.name, sheet="Herindicaties")
        raise InputError([Finding.of(Code.MISSING_SHEET, missing)])
    table = _Sheet(sheet)
    for c in decided:
        if c.status == CorrectionStatus.TAKEN and (now is None or c.id in now):
            table.apply(c, provider_of)
    _listing(wb, decided, lang)
    return workbook_bytes(wb)


def _workbook(source: Path) -> Workbook:
    if not source.is_dir():
        return load_workbook(io.BytesIO(source.read_bytes()))
    wb = Workbook()
    wb.remove(wb.active)
    for name, table in read_tables(source).items():  # a CSV folder becomes one workbook
        ws = wb.create_sheet(name)
        for col, header in enumerate(table.headers, start=1):
            put(ws, 1, col, header)
        for row, values in table.rows:
            for col, value in enumerate(values, start=1):
                put(ws, row, col, value)
    return wb


class _Sheet:
    """Sheet Herindicaties: its header row, columns and the row of each dossier."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.header_row = next(
            (
                r
                for r in range(1, min(ws.max_row, 10) + 1)
                if "dossier" in {normalise(c.value) for c in ws[r]}
            ),
            1,
        )
        self.columns = {normalise(c.value): c.column for c in ws[self.header_row] if c.value}
        self.rows = {
            str(ws.cell(r, self.column("dossier")).value).strip(): r
            for r in range(self.header_row + 1, ws.max_row + 1)
            if ws.cell(r, self.column("dossier")).value not in (None, "")
        }

    def column(self, name: str) -> int:
        key = normalise(name)
        if key not in self.columns:
            at = max(self.columns.values(), default=0) + 1
            put(self.ws, self.header_row, at, name).font = BOLD
            self.columns[key] = at
        return self.columns[key]

    def set(self, row: int, name: str, value: object) -> None:
        put(self.ws, row, self.column(name), value, DATE if isinstance(value, date) else "")

    def get(self, row: int, name: str) -> object:
        return self.ws.cell(row, self.column(name)).value

    def apply(self, c: Correction, provider_of: dict[str, str]) -> None:
        kind, value, dossier = c.kind, c.value, c.dossier
        if kind == CorrectionKind.MISSING:
            missing = missing_value(value)
            if missing is None or (dossier or f"NIEUW-{c.id}") in self.rows:
                return  # on the list already (taken before)
            row = self.ws.max_row + 1
            for name, cell in (
                ("dossier", dossier or f"NIEUW-{c.id}"),
                ("client", missing.initials),
                ("aanbieder", c.provider),
                ("locatie", missing.location),
                ("einddatum_indicatie", missing.indication_end),
                ("datum_ondersteuningsplan", missing.support_plan),
            ):
                if cell is not None:
                    self.set(row, name, cell)
            return
        row = self.rows.get(dossier)
        if row is None or provider_of.get(dossier) != c.provider:
            return  # gone from the input since: nothing to correct
        if kind == CorrectionKind.SUPPORT_PLAN:
            day, expected = plan_value(value)
            name = "nieuw_ondersteuningsplan_verwacht" if expected else "datum_ondersteuningsplan"
            self.set(row, name, day)
        elif kind == CorrectionKind.OUT_OF_CARE:
            self.set(row, "status", "geannuleerd")
            before = str(self.get(row, "opmerking") or "").strip()
            said = f"niet meer in zorg: {value.replace('_', ' ')}"
            if said not in before:
                self.set(row, "opmerking", f"{before}; {said}" if before else said)
        elif kind == CorrectionKind.SUPPORT_WORKER:
            name_, address = worker_value(value)
            self.set(row, "begeleider", name_)
            self.set(row, "begeleider_email", address)
        elif kind == CorrectionKind.UNAVAILABLE:
            before = str(self.get(row, "client_niet_beschikbaar") or "").strip()
            days = ", ".join(
                d.isoformat() for d in dates_value(value) if d and d.isoformat() not in before
            )
            if days:
                self.set(row, "client_niet_beschikbaar", f"{before}, {days}" if before else days)


def _when(moment: datetime) -> str:
    return clock.dutch(moment).strftime("%d-%m-%Y %H:%M")


def _listing(wb: Workbook, decided: Sequence[Correction], lang: str) -> None:
    """Sheet Correcties: every decided correction (a new one replaces the old sheet)."""
    w = section(lang, "corr_col_")
    if SHEET in wb.sheetnames:
        del wb[SHEET]
    ws = wb.create_sheet(SHEET)
    headers = [
        "id",
        "provider",
        "dossier",
        "kind",
        "value",
        "source",
        "given",
        "status",
        "decided_by",
        "decided",
    ]
    for col, key in enumerate(headers, start=1):
        put(ws, 1, col, w[key]).font = BOLD
    for row, c in enumerate(decided, start=2):
        values = [
            c.id,
            c.provider,
            c.dossier,
            section(lang, "corr_kind_")[c.kind],
            c.value,
            c.source,
            _when(c.given),
            section(lang, "corr_status_")[c.status],
            c.decided_by,
            _when(c.decided) if c.decided else "",
        ]
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value)
    autosize(ws)
