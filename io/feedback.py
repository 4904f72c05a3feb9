"""Provider workbooks sent back (SPEC §6, ``--feedback FILE...``).

People reorder, hide or add columns, add rows and sheets, and type ``Ja``,
``NEE ``, ``x`` or nothing. The sheet with a ``Dossier`` and a ``Haalbaar``
column (Dutch or English headers, anywhere in the first rows) is read; each
answered row becomes a ``Verdict``.

- A dossier that is not in the previous plan, or that belongs to another
  provider than the workbook's (recorded in the workbook when it was written,
  else the provider of most of its rows), is an error naming file, sheet and
  row; so is an answer that is neither ja nor nee, and two workbooks that give
  one dossier different answers.
- An answer for an appointment that has changed since the workbook was sent
  (its date or time differs from the previous plan's) is not applied: it is
  returned as a ``StaleAnswer`` and reported.

All errors of all files are reported at once (exit 2, nothing written).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time
from pathlib import Path

from herplan.domain import Appointment, StaleAnswer, Verdict
from herplan.io.errors import InputError, location
from herplan.io.tables import check_workbook_size
from herplan.io.words import WORDS

YES = {"ja", "j", "yes", "y", "x", "ok", "v", "✓", "✔", "akkoord", "haalbaar"}
NO = {"nee", "n", "no", "niet", "niet haalbaar", "nee."}
HEADER_ROWS = 10
PROVIDER_PROPERTY = "herplan_aanbieder"
REVISION_PROPERTY = "herplan_revisie"


def _norm(value: object) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _headers(kind: str) -> set[str]:
    return {_norm(WORDS[lang][kind]) for lang in WORDS}


def _column(header: list[str], kind: str) -> int | None:
    return next((i for i, h in enumerate(header) if h in _headers(kind)), None)


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _as_minutes(value: object) -> int | None:
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    return None


def _properties(wb) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        for prop in wb.custom_doc_props.props:
            found[prop.name] = str(prop.value)
    except AttributeError:  # pragma: no cover - older openpyxl
        pass
    return found


def read_feedback(
    paths: list[Path], previous: tuple[Appointment, ...]
) -> tuple[tuple[Verdict, ...], tuple[StaleAnswer, ...]]:
    """Every answered row of the returned workbooks, and the answers that are out of date."""
    import openpyxl

    by_dossier = {a.dossier: a for a in previous}
    verdicts: dict[str, Verdict] = {}
    stale: list[StaleAnswer] = []
    errors: list[str] = []
    for path in paths:
        name = path.name
        try:
            check_workbook_size(path)
        except InputError as error:
            errors += error.messages
            continue
        try:
            wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
        except Exception as error:  # a damaged or foreign file
            errors.append(f"{name}: cannot be read as a returned provider workbook ({error})")
            continue
        stated = _properties(wb).get(PROVIDER_PROPERTY)
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
            titles = rows[header_at]
            col = {kind: _column(header, kind) for kind in ("dossier", "feasible", "remark",
                                                           "date", "from")}  # fmt: skip

            def cell(row: tuple, kind: str, col: dict = col) -> object:
                k = col[kind]
                return row[k] if k is not None and k < len(row) else None

            answered = []
            for n, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
                raw = cell(row, "dossier")
                dossier = str(raw).strip() if raw is not None else ""
                if dossier:
                    answered.append((n, row, dossier))
            owners = Counter(by_dossier[d].provider for _, _, d in answered if d in by_dossier)
            provider = stated or (owners.most_common(1)[0][0] if owners else None)
            for n, row, dossier in answered:
                where = location(name, ws.title, n, str(titles[col["dossier"]]))
                before = by_dossier.get(dossier)
                if before is None:
                    errors.append(f"{where}: dossier '{dossier}' is not in the previous plan")
                    continue
                if before.provider != provider:
                    errors.append(
                        f"{where}: dossier '{dossier}' belongs to {before.provider}, not to "
                        f"{provider} whose sheet this is"
                    )
                    continue
                answer = _norm(cell(row, "feasible"))
                if not answer:
                    continue
                if answer not in YES | NO:
                    errors.append(
                        f"{location(name, ws.title, n, str(titles[col['feasible']]))}: "
                        f"'{answer}' is not understood; expected ja or nee"
                    )
                    continue
                remark = cell(row, "remark")
                verdict = Verdict(
                    dossier,
                    answer in YES,
                    str(remark).strip() if remark is not None else "",
                    f"{name} › {ws.title} › row {n}",
                )
                shown_day, shown_start = _as_date(cell(row, "date")), _as_minutes(cell(row, "from"))
                changed = (shown_day is not None and shown_day != before.day) or (
                    shown_start is not None and shown_start != before.start
                )
                if changed:
                    stale.append(StaleAnswer(verdict, None))
                    continue
                other = verdicts.get(dossier)
                if other is not None and other.feasible != verdict.feasible:
                    errors.append(
                        f"{where}: dossier '{dossier}' is answered "
                        f"{'ja' if verdict.feasible else 'nee'} here but "
                        f"{'ja' if other.feasible else 'nee'} in {other.source}; "
                        "keep one answer"
                    )
                    continue
                verdicts[dossier] = verdict
            break
        wb.close()
        if not found:
            errors.append(f"{name}: no sheet with the columns Dossier and Haalbaar")
    if errors:
        raise InputError(errors)
    return tuple(verdicts[d] for d in sorted(verdicts)), tuple(stale)
