"""Provider workbooks sent back (README, Rerun after cancellations: ``--feedback``).

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

import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path

from herplan.domain.appointment import Appointment
from herplan.domain.revisions import StaleAnswer, Verdict
from herplan.findings import Code, Finding, Subject
from herplan.io.errors import InputError
from herplan.io.tables import check_workbook_size
from herplan.io.words import WORDS

YES = {"ja", "j", "yes", "y", "x", "ok", "v", "✓", "✔", "akkoord", "haalbaar"}
NO = {"nee", "n", "no", "niet", "niet haalbaar", "nee."}
SAME_DAY = {"zelfde dag", "zelfde dag, andere tijd", "andere tijd", "same day", "other time"}
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


def properties(wb) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        for prop in wb.custom_doc_props.props:
            found[prop.name] = str(prop.value)
    except AttributeError:  # pragma: no cover - older openpyxl
        pass
    return found


MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")
SAVED_THEN = timedelta(seconds=2)  # a file changed this soon after its save: that save


def saved_at(path: Path) -> datetime:
    """When a returned workbook was last saved: the time its spreadsheet program wrote in
    it (``dcterms:modified``, UTC, to the second), which travels with the file; else, or
    when the file changed within moments of it (the same save, known more precisely), the
    file's last change. A workbook uploaded on the page is a new file, so its own last
    change would be the upload, not when the provider answered in it."""
    changed = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    try:
        with zipfile.ZipFile(path) as z:
            found = MODIFIED.search(z.read("docProps/core.xml"))
        if found is None:
            return changed
        saved = datetime.fromisoformat(found.group(1).decode().strip().replace("Z", "+00:00"))
    except (OSError, KeyError, ValueError, AttributeError, zipfile.BadZipFile):
        return changed
    saved = saved if saved.tzinfo else saved.replace(tzinfo=UTC)
    return changed if changed - saved < SAVED_THEN else min(saved, changed)


def read_feedback(
    paths: list[Path], previous: tuple[Appointment, ...]
) -> tuple[tuple[Verdict, ...], tuple[StaleAnswer, ...], tuple[Finding, ...]]:
    """Every answered row of the returned workbooks, the answers that are out of date,
    and where two workbooks answered one dossier differently (the later file counts:
    when it was saved (``saved_at``), then the order given; README, Answers online)."""
    answers = _Answers({a.dossier: a for a in previous})
    for n, path in enumerate(paths):
        answers.when = (saved_at(path).timestamp(), n)
        answers.workbook(path)
    if answers.errors:
        raise InputError(answers.errors)
    verdicts = answers.verdicts
    return (
        tuple(verdicts[d] for d in sorted(verdicts)),
        tuple(answers.stale),
        tuple(answers.conflicts),
    )


@dataclass
class _Sheet:
    """One returned sheet: its rows, where its header is, and its columns by kind."""

    file: str
    title: str
    rows: list[tuple]
    header_at: int
    provider: str | None = None

    @cached_property
    def columns(self) -> dict[str, int | None]:
        header = [_norm(v) for v in self.rows[self.header_at]]
        kinds = ("dossier", "feasible", "remark", "date", "from")
        return {kind: _column(header, kind) for kind in kinds}

    def cell(self, row: tuple, kind: str) -> object:
        k = self.columns[kind]
        return row[k] if k is not None and k < len(row) else None

    def where(self, n: int, kind: str) -> Subject:
        title = self.rows[self.header_at][self.columns[kind] or 0]
        return Subject(file=self.file, sheet=self.title, row=n, column=str(title))

    def answered(self) -> list[tuple[int, tuple, str]]:
        """(Excel row, row, dossier) of every row with a dossier."""
        found = []
        for n, row in enumerate(self.rows[self.header_at + 1 :], start=self.header_at + 2):
            raw = self.cell(row, "dossier")
            if raw is not None and str(raw).strip():
                found.append((n, row, str(raw).strip()))
        return found


@dataclass
class _Answers:
    """The answers read so far, and everything wrong with them."""

    previous: dict[str, Appointment]
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    stale: list[StaleAnswer] = field(default_factory=list)
    errors: list[Finding] = field(default_factory=list)
    conflicts: list[Finding] = field(default_factory=list)
    when: tuple[float, int] = (0, 0)  # the workbook being read: when saved, its place
    given: dict[str, tuple[float, int]] = field(default_factory=dict)  # dossier -> its answer's

    def workbook(self, path: Path) -> None:
        import openpyxl

        try:
            check_workbook_size(path)
            # read-only: rows streamed from the zip, not a cell object per cell (a 47 MB
            # sheet took the worker to 826 MB)
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
            for ws in wb.worksheets:
                ws.reset_dimensions()  # what the sheet claims ("A1:XFD99000") is not read
        except InputError as error:
            self.errors += error.findings
            return
        except Exception as error:  # a damaged or foreign file
            file = Subject(file=path.name)
            self.errors.append(Finding.of(Code.UNREADABLE_ANSWERS, file, error=str(error)))
            return
        stated = properties(wb).get(PROVIDER_PROPERTY)
        sheet = next(filter(None, (answer_sheet(path.name, ws) for ws in wb.worksheets)), None)
        wb.close()
        if sheet is None:
            self.errors.append(Finding.of(Code.NO_ANSWER_SHEET, Subject(file=path.name)))
            return
        answered = sheet.answered()
        owners = Counter(self.previous[d].provider for _, _, d in answered if d in self.previous)
        sheet.provider = stated or (owners.most_common(1)[0][0] if owners else None)
        for n, row, dossier in answered:
            self.row(sheet, n, row, dossier)

    def row(self, sheet: _Sheet, n: int, row: tuple, dossier: str) -> None:
        where = sheet.where(n, "dossier")
        before = self.previous.get(dossier)
        if before is None:
            self.errors.append(Finding.of(Code.NOT_IN_PREVIOUS_PLAN, where, value=dossier))
            return
        if before.provider != sheet.provider:
            self.errors.append(
                Finding.of(
                    Code.OTHER_PROVIDERS_DOSSIER,
                    where,
                    value=dossier,
                    owner=before.provider,
                    provider=str(sheet.provider),
                )
            )
            return
        answer = _norm(sheet.cell(row, "feasible"))
        if answer and answer not in YES | NO | SAME_DAY:
            not_understood = Finding.of(
                Code.ANSWER_NOT_UNDERSTOOD, sheet.where(n, "feasible"), value=answer
            )
            self.errors.append(not_understood)
        if not answer or answer not in YES | NO | SAME_DAY:
            return
        remark = sheet.cell(row, "remark")
        verdict = Verdict(
            dossier,
            answer in YES,
            str(remark).strip() if remark is not None else "",
            f"{sheet.file} › {sheet.title} › row {n}",
            same_day=answer in SAME_DAY,
        )
        self.take(verdict, before, sheet, row, where)

    def take(
        self, verdict: Verdict, before: Appointment, sheet: _Sheet, row: tuple, where: Subject
    ) -> None:
        """The answer, unless its appointment changed since or another workbook says otherwise."""
        day, start = _as_date(sheet.cell(row, "date")), _as_minutes(sheet.cell(row, "from"))
        if (day is not None and day != before.day) or (start is not None and start != before.start):
            self.stale.append(StaleAnswer(verdict))
            return
        other = self.verdicts.get(verdict.dossier)
        if other is not None and (other.answer, other.remark) != (verdict.answer, verdict.remark):
            later = verdict if self.when >= self.given[verdict.dossier] else other
            self.conflicts.append(disagree(Code.WORKBOOKS_DISAGREE, verdict, other, later))
            if later is other:
                return
        self.verdicts[verdict.dossier] = verdict
        self.given[verdict.dossier] = self.when


def disagree(code: Code, verdict: Verdict, other: Verdict, later: Verdict) -> Finding:
    """Two answers on one dossier that disagree, and which counts (README, Answers online)."""
    return Finding.of(
        code,
        Subject(dossier=verdict.dossier),
        answer=str(verdict.answer),
        source=verdict.source,
        other=str(other.answer),
        other_source=other.source,
        counts=str(later.answer),
    )


def answer_sheet(file: str, ws) -> _Sheet | None:
    """The sheet with a Dossier and a Haalbaar column in its first rows, if ``ws`` is one."""
    rows = list(ws.iter_rows(values_only=True))
    for n, row in enumerate(rows[:HEADER_ROWS]):
        values = {_norm(v) for v in row}
        if _headers("dossier") & values and _headers("feasible") & values:
            return _Sheet(file, ws.title, rows, n)
    return None
