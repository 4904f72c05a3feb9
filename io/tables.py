"""Raw tables from an ``.xlsx`` workbook or a folder of CSV files (README, Input).

This module only turns a file into rows of cell values with Excel row numbers;
``input_reader`` gives them meaning. Problems with the file itself (not a
workbook, encrypted, far too large) are raised as ``InputError``. A workbook
is a zip file: one that unpacks to far more than any planning wave (a "zip
bomb"), or whose sheets claim more columns than they hold, is refused or read
only as far as its real cells go, so a crafted file never takes the machine.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from herplan.findings import Code, Finding, Subject
from herplan.io.errors import InputError

MAX_ROWS = 100_000  # far beyond any region: a clear message instead of a hang
MAX_COLUMNS = 200
# Formulas and merged cells are looked for in workbooks up to this size; a real
# input is far smaller, and a larger file is still read (values only) row by row.
CELL_CHECK_BYTES = 5_000_000
# A region of 3 000 reassessments unpacks to about 2 MB; this is far beyond any.
MAX_UNPACKED_BYTES = 200_000_000
MAX_PACKING_RATIO = 200  # XML packs about 10 times; a bomb packs a thousand times


class WorkbookTooLarge(InputError):
    """A workbook that unpacks to far more than any planning (a crafted file, say)."""

    def __init__(self, path: Path, megabytes: int) -> None:
        super().__init__(
            [
                f"{path.name}: the workbook unpacks to {megabytes} MB, far beyond any planning "
                "wave; save a copy with only the planning sheets and try again"
            ]
        )
        self.megabytes = megabytes


def check_workbook_size(path: Path) -> None:
    """Refuse a workbook that unpacks to far more than any planning (``InputError``)."""
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = [(info.file_size, info.compress_size) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: the reader says so in its own words
    unpacked = sum(size for size, _ in sizes)
    packed = sum(size for _, size in sizes) or 1
    if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_PACKING_RATIO * max(packed, 100_000):
        raise WorkbookTooLarge(path, unpacked // 1_000_000)


@dataclass
class Table:
    """One sheet: header cells and data rows, each with its Excel row number."""

    name: str
    headers: list[object]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)
    # (row, zero-based column, message) for cells that are not plain values.
    problems: list[tuple[int, int, Finding]] = field(default_factory=list)


def read_tables(path: Path) -> dict[str, Table]:
    """All sheets of the workbook or CSV folder at ``path``, keyed by sheet name."""
    if path.is_dir():
        return _read_csv_folder(path)
    if not path.exists():
        raise InputError([Finding.of(Code.FILE_NOT_FOUND, Subject(file=str(path)))])
    if not path.is_file():  # a pipe or device would block or never end
        raise InputError([Finding.of(Code.NOT_A_REGULAR_FILE, Subject(file=str(path)))])
    if path.suffix.lower() == ".xls":
        raise InputError([Finding.of(Code.OLD_XLS, Subject(file=path.name))])
    if not zipfile.is_zipfile(path):
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError([Finding.of(Code.PASSWORD_OR_XLS, Subject(file=path.name))])
        raise InputError([Finding.of(Code.NOT_A_WORKBOOK, Subject(file=path.name))])
    return _read_xlsx(path)


def _read_xlsx(path: Path) -> dict[str, Table]:
    import openpyxl

    check_workbook_size(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        unreadable = Finding.of(Code.UNREADABLE_WORKBOOK, Subject(file=path.name), error=str(exc))
        raise InputError([unreadable]) from None
    tables: dict[str, Table] = {}
    try:
        for ws in wb.worksheets:
            ws.reset_dimensions()  # what the sheet claims ("A1:XFD99000") is not read
            rows_iter = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
            headers = list(next(rows_iter, ()) or ())
            if len(headers) > MAX_COLUMNS:
                headers = headers[:MAX_COLUMNS]
            table = Table(ws.title, headers)
            for n, row in enumerate(rows_iter, start=2):
                if n - 1 > MAX_ROWS:
                    sheet = Subject(file=path.name, sheet=ws.title)
                    raise InputError([Finding.of(Code.TOO_MANY_ROWS, sheet, most=MAX_ROWS)])
                values = list(row[: len(headers)]) if row else []
                if any(v is not None and str(v).strip() != "" for v in values):
                    table.rows.append((n, values))
            tables[ws.title] = table
    finally:
        wb.close()
    if path.stat().st_size <= CELL_CHECK_BYTES:
        for title, problems in _cell_problems(path, tables).items():
            tables[title].problems.extend(problems)
    return tables


def _cell_problems(
    path: Path, tables: dict[str, Table]
) -> dict[str, list[tuple[int, int, Finding]]]:
    """Formulas without a computed value and merged cells, per sheet.

    A formula that Excel has computed is read as its value; one that was never
    computed (a file written by another program) has none, so the planner is
    asked to type the value. A merged cell holds its value in the first row
    only, so every other row of the merge would silently read as empty.
    """
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=False)
    found: dict[str, list[tuple[int, int, Finding]]] = {}
    for ws in wb.worksheets:
        table = tables.get(ws.title)
        if table is None:
            continue
        problems = found.setdefault(ws.title, [])
        values = dict(table.rows)
        for merged in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            problems.append(
                (
                    merged.min_row,
                    merged.min_col - 1,
                    Finding.of(Code.MERGED_CELLS, cells=merged.coord),
                )
            )
        # Only up to the last named column: a header row read with trailing empty
        # cells would otherwise make a cell object of every blank of every row.
        width = max((k + 1 for k, h in enumerate(table.headers) if h not in (None, "")), default=0)
        for row in ws.iter_rows(min_row=2, max_col=width) if width else ():
            for cell in row:
                if cell.data_type != "f":
                    continue
                row_values = values.get(cell.row) or []
                k = cell.column - 1
                if k >= len(row_values) or row_values[k] is None:
                    problems.append(
                        (
                            cell.row,
                            cell.column - 1,
                            Finding.of(Code.FORMULA_WITHOUT_VALUE, formula=str(cell.value)),
                        )
                    )
    wb.close()
    return found


def _read_csv_folder(folder: Path) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for file in sorted(folder.glob("*.csv")):
        text = _csv_text(file)
        first = text.splitlines()[0] if text.strip() else ""
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            headers: list[object] = list(next(reader, []))
            table = Table(file.stem, headers)
            for n, row in enumerate(reader, start=2):
                if n - 1 > MAX_ROWS:
                    many = Finding.of(
                        Code.TOO_MANY_CSV_ROWS, Subject(file=file.name), most=MAX_ROWS
                    )
                    raise InputError([many])
                values: list[object] = [v if v.strip() else None for v in row[: len(headers)]]
                if any(v is not None for v in values):
                    table.rows.append((n, values))
        except csv.Error as exc:  # a field beyond the csv module's limit, a stray quote
            line = Subject(file=file.name, row=reader.line_num)
            raise InputError([Finding.of(Code.NOT_READABLE_AS_CSV, line, error=str(exc))]) from None
        tables[file.stem] = table
    return tables


def _csv_text(file: Path) -> str:
    """The file as text: UTF-8 (with or without BOM), else Excel's Windows-1252."""
    if not file.is_file():
        code = Code.A_FOLDER_NOT_CSV if file.is_dir() else Code.A_BROKEN_LINK
        raise InputError([Finding.of(code, Subject(file=file.name))])
    try:
        raw = file.read_bytes()
    except OSError as exc:
        unread = Finding.of(Code.CANNOT_BE_READ, Subject(file=file.name), error=str(exc.strerror))
        raise InputError([unread]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            line = raw[: utf8.start].count(b"\n") + 1
            byte = f"0x{raw[utf8.start]:02X}"
            where = Subject(file=file.name, row=line)
            raise InputError([Finding.of(Code.NOT_TEXT, where, byte=byte)]) from None
