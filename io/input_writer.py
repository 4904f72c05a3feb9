"""Write an input workbook: the empty template (``herplan template``) or generated data.

Every sheet of the input (README, Input) with its Dutch headers; each header carries its
one-line description as a cell comment, a sheet ``Uitleg`` lists them all, and
columns with fixed values get a drop-down (data validation).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from herplan.io.atomic import write_bytes_atomic
from herplan.io.schema import SETTING_KEYS, SETTINGS, SHEETS
from herplan.io.xlsx_util import fix_timestamps, put, workbook_bytes

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
VALIDATED_ROWS = 2000


def build_input_workbook(
    rows: Mapping[str, Sequence[Mapping[str, object]]] | None = None,
    settings: Mapping[str, object] | None = None,
) -> Workbook:
    """A workbook with every input sheet; ``rows`` fills sheets by column name."""
    rows = rows or {}
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        for n, column in enumerate(sheet.columns, start=1):
            cell = put(ws, 1, n, column.name)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            note = column.description + (" Verplicht." if column.required else "")
            cell.comment = Comment(note, "herplan", width=300, height=80)
            ws.column_dimensions[get_column_letter(n)].width = max(14, len(column.name) + 4)
            if column.choices:
                letter = get_column_letter(n)
                dv = DataValidation(
                    type="list",
                    formula1='"' + ",".join(column.choices) + '"',
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Ongeldige waarde",
                    error="Kies een van: " + ", ".join(column.choices),
                )
                dv.add(f"{letter}2:{letter}{VALIDATED_ROWS}")
                ws.add_data_validation(dv)
        ws.freeze_panes = "A2"
        if sheet is SETTINGS:
            given = settings or {}
            for r, (key, (default, description)) in enumerate(SETTING_KEYS.items(), start=2):
                put(ws, r, 1, key)
                put(ws, r, 2, given.get(key))
                put(ws, r, 3, f"{description} Standaard: {default}.")
            ws.column_dimensions["A"].width = 42
            ws.column_dimensions["C"].width = 60
            continue
        names = [c.name for c in sheet.columns]
        for r, record in enumerate(rows.get(sheet.name, ()), start=2):
            for n, name in enumerate(names, start=1):
                value = record.get(name)
                if value is not None and value != "":
                    put(ws, r, n, value, "yyyy-mm-dd" if isinstance(value, date) else "")
    guide = wb.create_sheet("Uitleg")
    lines = [("blad", "kolom", "verplicht", "toelichting")] + [
        (sheet.name, column.name, "ja" if column.required else "nee", column.description)
        for sheet in SHEETS
        for column in sheet.columns
    ]
    for r, line in enumerate(lines, start=1):
        for n, text in enumerate(line, start=1):
            put(guide, r, n, text)
    for letter, width in zip("ABCD", (16, 36, 10, 80), strict=True):
        guide.column_dimensions[letter].width = width
    return wb


def write_input_workbook(
    path: Path,
    rows: Mapping[str, Sequence[Mapping[str, object]]] | None = None,
    settings: Mapping[str, object] | None = None,
) -> None:
    wb = build_input_workbook(rows, settings)
    fix_timestamps(wb, datetime(2000, 1, 1))
    write_bytes_atomic(path, workbook_bytes(wb))
