"""The online answers of a revision as returned workbooks (README, Answers online).

Each provider's workbook of the planning folder, with ``Haalbaar`` and
``Opmerking`` filled in from its online answers on the current appointments:
the same shape as a workbook the provider sent back, so it can be kept with
the mail, or read with ``--feedback`` as if it had been. A remark is written
through ``xlsx_util.put``: a provider's ``=HYPERLINK(...)`` stays text.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Protocol

import openpyxl

from herplan.domain.appointment import Appointment
from herplan.domain.codes import AnswerCode
from herplan.io.feedback import answer_sheet
from herplan.io.words import words
from herplan.io.xlsx_util import put

SHEET_WORDS: dict[str, str] = {
    AnswerCode.YES: "yes",
    AnswerCode.NO: "no",
    AnswerCode.SAME_DAY: "same_day",
}


class Answer(Protocol):
    """An online answer as its workbook shows it (the app's answer store keeps them)."""

    @property
    def day(self) -> date: ...
    @property
    def start(self) -> int: ...
    @property
    def answer(self) -> str: ...  # ja | nee | zelfde_dag
    @property
    def remark(self) -> str: ...


def answered_workbook(
    path: Path, answers: Mapping[str, Answer], current: dict[str, Appointment], language: str
) -> bytes:
    """The workbook at ``path`` with its answer columns filled from ``answers`` (those on
    the appointment as it stands in ``current``)."""
    t = words(language)
    wb = openpyxl.load_workbook(path)
    sheet = next(filter(None, (answer_sheet(path.name, ws) for ws in wb.worksheets)))
    ws = wb[sheet.title]
    columns = sheet.columns
    for n, _row, dossier in sheet.answered():
        answer, now = answers.get(dossier), current.get(dossier)
        if answer is None or now is None or (answer.day, answer.start) != (now.day, now.start):
            continue
        put(ws, n, (columns["feasible"] or 0) + 1, t[SHEET_WORDS[answer.answer]])
        if answer.remark and columns["remark"] is not None:
            put(ws, n, columns["remark"] + 1, answer.remark)  # a provider's words: never a formula
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
