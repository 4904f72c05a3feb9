"""Provider workbooks sent back (SPEC §6, ``--feedback FILE...``).

People reorder, hide or add columns, add rows and sheets, and type ``Ja``,
``NEE ``, ``x`` or nothing. The sheet with a ``Dossier`` and a ``Haalbaar``
column (Dutch or English headers, anywhere in the first rows) is read; each
answered row becomes a ``Verdict``. A dossier that is not in the previous plan,
or that belongs to another provider than the sheet's, is an error naming file,
sheet and row (exit 2, nothing written).
"""

from __future__ import annotations

from pathlib import Path

from herplan.io.errors import InputError, location
from herplan.io.labels import LABELS
from herplan.scheduler.domain import Appointment, Verdict

YES = {"ja", "j", "yes", "y", "x", "ok", "v", "✓", "✔", "akkoord", "haalbaar"}
NO = {"nee", "n", "no", "niet", "niet haalbaar", "nee."}
HEADER_ROWS = 10


def _norm(value: object) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _headers(kind: str) -> set[str]:
    return {_norm(LABELS[lang][kind]) for lang in LABELS}


def read_feedback(paths: list[Path], previous: tuple[Appointment, ...]) -> tuple[Verdict, ...]:
    """Every answered row of the returned workbooks; all errors at once."""
    import openpyxl

    by_dossier = {a.dossier: a for a in previous}
    verdicts: dict[str, Verdict] = {}
    errors: list[str] = []
    for path in paths:
        name = path.name
        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # a damaged or foreign file
            errors.append(f"{name}: cannot be read as a returned provider workbook ({error})")
            continue
        found = False
        for ws in wb.worksheets:
            rows = list(ws.iter_rows(values_only=True))
            header_at = next(
                (
                    n
                    for n, row in enumerate(rows[:HEADER_ROWS])
                    if _headers("dossier") & {_norm(v) for v in row}
                    and _headers("feasible") & {_norm(v) for v in row}
                ),
                None,
            )
            if header_at is None:
                continue
            found = True
            header = [_norm(v) for v in rows[header_at]]
            col_dossier = next(i for i, h in enumerate(header) if h in _headers("dossier"))
            col_answer = next(i for i, h in enumerate(header) if h in _headers("feasible"))
            col_remark = next((i for i, h in enumerate(header) if h in _headers("remark")), None)
            provider = None
            for n, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
                cell = row[col_dossier] if col_dossier < len(row) else None
                dossier = str(cell).strip() if cell is not None else ""
                if not dossier:
                    continue
                where = location(name, ws.title, n, str(rows[header_at][col_dossier]))
                before = by_dossier.get(dossier)
                if before is None:
                    errors.append(f"{where}: dossier '{dossier}' is not in the previous plan")
                    continue
                provider = provider or before.provider
                if before.provider != provider:
                    errors.append(
                        f"{where}: dossier '{dossier}' belongs to {before.provider}, not to "
                        f"{provider} whose sheet this is"
                    )
                    continue
                answer = _norm(row[col_answer] if col_answer < len(row) else None)
                if not answer:
                    continue
                if answer not in YES | NO:
                    errors.append(
                        f"{location(name, ws.title, n, str(rows[header_at][col_answer]))}: "
                        f"'{answer}' is not understood; expected ja or nee"
                    )
                    continue
                remark_cell = row[col_remark] if col_remark is not None and col_remark < len(
                    row
                ) else None  # fmt: skip
                remark = str(remark_cell).strip() if remark_cell is not None else ""
                verdicts[dossier] = Verdict(dossier, answer in YES, remark, f"{name} › row {n}")
            break
        wb.close()
        if not found:
            errors.append(f"{name}: no sheet with the columns Dossier and Haalbaar")
    if errors:
        raise InputError(errors)
    return tuple(verdicts[d] for d in sorted(verdicts))
