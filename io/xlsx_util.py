"""Shared helpers for every workbook herplan writes: safe text, widths, print, stable bytes.

Every sheet prints on A4 landscape, one page wide, with its header row
repeated, a title and page numbers; text is 10 pt and columns are narrow
enough that fitting to the page never shrinks it below 8 pt (the PDF test
renders the workbooks with LibreOffice and measures).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Collection, Mapping, Sequence
from copy import copy
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from herplan.io.words import words

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ZIP_EPOCH = (2000, 1, 1, 0, 0, 0)
FONT = Font(name="Calibri", size=10)
BOLD = Font(name="Calibri", size=10, bold=True)
LINE_HEIGHT = 12.75  # points per line of 10 pt text
CHARS_PER_UNIT = 1.2  # 10 pt characters per Excel width unit (a Calibri 11 digit)


def put(ws: Worksheet, row: int, column: int, value: object, number_format: str = "") -> Cell:
    """Write one cell; text always stays text, never a formula (formula injection).

    openpyxl turns a string that starts with ``=`` into a formula; forcing the
    string type stores it as literal text, as Excel shows it. Texts starting
    with ``+``, ``-``, ``@``, a tab or a carriage return are stored as string cells
    too, marked as quoted text. Every cell whose value comes from outside (input,
    a provider's remark, an online answer) is written through here.
    """
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    if number_format:
        cell.number_format = number_format
    return cell


def write_table(
    ws: Worksheet,
    headers: list[str],
    rows: Sequence[Sequence[object]],
    formats: dict[str, str] | None = None,
    table_name: str = "",
    widths: Mapping[str, float] | None = None,
    wrap: Collection[str] = (),
) -> None:
    """A header row and data rows as an Excel table, frozen header, readable widths.

    ``formats`` maps a header to a number format (``dd-mm-yyyy``, ``hh:mm``);
    ``widths`` fixes a column's width, and the ``wrap`` columns wrap their
    text onto more lines (the row grows) instead of running into the next cell.
    """
    formats = formats or {}
    for n, header in enumerate(headers, start=1):
        cell = put(ws, 1, n, header)
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    # A column's cells share one style: set it once through openpyxl, then copy it
    # (the same workbook, without registering the same font a thousand times).
    styles: dict[int, object] = {}
    for r, values in enumerate(rows, start=2):
        for n, (header, value) in enumerate(zip(headers, values, strict=True), start=1):
            cell = ws.cell(row=r, column=n)
            style = styles.get(n)
            if style is None:
                cell.font = FONT
                cell.alignment = Alignment(
                    wrap_text=header in wrap, vertical="top", horizontal="left"
                )
                if formats.get(header):
                    cell.number_format = formats[header]
                styles[n] = copy(cell._style)
            else:
                cell._style = copy(style)
            put(ws, r, n, value)
    ws.freeze_panes = "A2"
    autosize(ws)
    for n, header in enumerate(headers, start=1):
        if widths and header in widths:
            ws.column_dimensions[get_column_letter(n)].width = widths[header]
    fit_rows(ws, range(1, len(headers) + 1))
    if table_name and rows:
        ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
        table = Table(displayName=table_name, ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    elif headers:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    ws.print_title_rows = "1:1"


def autosize(ws: Worksheet, minimum: int = 8, maximum: int = 60) -> None:
    """Readable column widths from the longest value in each column."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = cell.value if isinstance(cell.value, str) else str(cell.value)
            length = max(len(part) for part in text.split("\n")) if text else 0
            if hasattr(cell.value, "year"):
                length = 11
            widths[cell.column] = max(widths.get(cell.column, 0), length)
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = max(
            minimum, min(maximum, width + 2)
        )


def fix_timestamps(wb: Workbook, moment: datetime) -> None:
    """Document properties from the plan, not the clock: the same plan, the same bytes."""
    naive = moment.replace(tzinfo=None)
    wb.properties.created = naive
    wb.properties.modified = naive
    wb.properties.creator = "herplan"
    wb.properties.lastModifiedBy = "herplan"


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialise ``wb`` so that equal workbooks give equal bytes.

    openpyxl stamps the save time into ``docProps/core.xml`` as *modified*; it
    is set back to the *created* time (which ``fix_timestamps`` took from the
    plan), and every zip entry gets a fixed date.
    """
    buffer = io.BytesIO()
    wb.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _modified_as_created(data)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)
    return out.getvalue()


def _modified_as_created(core: bytes) -> bytes:
    text = core.decode("utf-8")
    created = re.search(r"<dcterms:created[^>]*>([^<]*)</dcterms:created>", text)
    if created:
        text = re.sub(
            r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
            lambda m: m.group(1) + created.group(1) + m.group(2),
            text,
        )
    return text.encode("utf-8")


def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` units wide (10 pt)."""
    per_line = max(1, int(width * CHARS_PER_UNIT) - 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def fit_rows(ws: Worksheet, columns: Sequence[int], first_row: int = 1) -> None:
    """Give each row the height its wrapped cells need (Excel does not measure on open)."""
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if cell.column not in columns or not isinstance(cell.value, str):
                continue
            if not (cell.alignment and cell.alignment.wrap_text):
                continue
            width = ws.column_dimensions[get_column_letter(cell.column)].width or 8.43
            lines = max(lines, lines_needed(cell.value, width))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = lines * LINE_HEIGHT + 2


def print_setup(ws: Worksheet, title: str, language: str) -> None:
    """A4 landscape, one page wide, title in the page header, page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddHeader.center.size = 10
    ws.oddFooter.right.text = words(language)["page_footer"]
    ws.oddFooter.right.size = 10
