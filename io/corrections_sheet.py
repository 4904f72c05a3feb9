"""The sheet *Correcties* of a provider's workbook (README, Corrections).

Written with one row per client of the provider, what the input says, and two
columns to fill in: the kind of correction (a drop-down) and its value, the
same as on the provider's page; a row without a file number says a client is
missing. Read back by ``--feedback``: every row with a kind is a proposal of
the workbook's provider, given when the workbook was last saved
(``feedback.saved_at``: so between a sheet and the page the later counts,
also for a workbook uploaded later).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from herplan.corrections import KINDS, REASONS
from herplan.domain.codes import CorrectionKind
from herplan.domain.plan import Plan
from herplan.io.feedback import PROVIDER_PROPERTY, properties, saved_at
from herplan.io.words import WORDS
from herplan.io.xlsx_util import print_setup, write_table

INPUT_COLUMNS = ("kind", "value")
SHOWN = ("dossier", "client", "location", "plan", "begeleider")


@dataclass(frozen=True)
class SheetCorrection:
    """One filled-in row: whose, which client, what, where it was read and when."""

    provider: str
    dossier: str
    kind: str
    value: str
    where: str  # file › sheet › row N
    given: datetime


def _t(lang: str, key: str) -> str:
    return WORDS[lang][f"corr_sheet_{key}"]


def write_corrections(wb: Workbook, plan: Plan, provider: str, lang: str) -> None:
    """The sheet, after the others: the provider's clients, and room for what is wrong."""
    ws = wb.create_sheet(_t(lang, "title"))
    headers = [_t(lang, k) for k in (*SHOWN, *INPUT_COLUMNS)]
    rows: list[list[object]] = []
    for r in sorted(plan.problem.reassessments, key=lambda r: (r.location, r.dossier)):
        if r.provider == provider and not r.withdrawn:
            rows.append(
                [r.dossier, r.client, r.location, r.support_plan_date, r.begeleider, None, None]
            )
    write_table(
        ws,
        headers,
        rows,
        {_t(lang, "plan"): "dd-mm-yyyy"},
        "Correcties",
        widths={
            _t(lang, "dossier"): 9,
            _t(lang, "client"): 8,
            _t(lang, "location"): 24,
            _t(lang, "plan"): 12,
            _t(lang, "begeleider"): 16,
            _t(lang, "kind"): 22,
            _t(lang, "value"): 28,
        },
        wrap={_t(lang, "location"), _t(lang, "value")},
    )
    kind_col = get_column_letter(len(SHOWN) + 1)
    kinds = ",".join(WORDS[lang][f"corr_kind_{k}"] for k in KINDS)
    choice = DataValidation(type="list", formula1=f'"{kinds}"', allow_blank=True)
    choice.add(f"{kind_col}2:{kind_col}{max(2, len(rows) + 40)}")
    ws.add_data_validation(choice)
    ws[f"{kind_col}1"].comment = Comment(_t(lang, "kind_note"), "herplan")
    ws[f"{get_column_letter(len(SHOWN) + 2)}1"].comment = Comment(_t(lang, "value_note"), "herplan")
    print_setup(ws, _t(lang, "title"), lang)


def _norm(value: object) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _codes(prefix: str, codes: tuple[str, ...]) -> dict[str, str]:
    """Each code, and its words in every language, to the code."""
    found = {c: c for c in codes}
    for lang in WORDS:
        found |= {_norm(WORDS[lang][f"{prefix}{c}"]): c for c in codes}
    return found


def _value(kind: str, cell: object) -> str:
    """A value cell as the page would post it (Excel dates as JJJJ-MM-DD)."""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    text = "" if cell is None else " ".join(str(cell).split())
    if kind == CorrectionKind.OUT_OF_CARE:
        return _codes("corr_reason_", REASONS).get(_norm(text), text)
    return text


def corrections_in(paths: list[Path], provider_of: dict[str, str]) -> list[SheetCorrection]:
    """Every filled-in correction row of the returned workbooks ``paths``; a workbook's
    provider is the one it was written for (else the provider of most of its rows)."""
    found: list[SheetCorrection] = []
    for path in paths:
        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            stated = properties(wb).get(PROVIDER_PROPERTY)
            for ws in wb.worksheets:
                rows = read_corrections(path, ws, stated or "")
                if rows and not stated:
                    owners = Counter(provider_of.get(c.dossier, "") for c in rows)
                    owner = owners.most_common(1)[0][0]
                    rows = [
                        SheetCorrection(owner, c.dossier, c.kind, c.value, c.where, c.given)
                        for c in rows
                    ]
                found += rows
        finally:
            wb.close()
    return found


def read_corrections(path: Path, ws, provider: str) -> list[SheetCorrection]:
    """The filled-in rows of ``ws`` (an openpyxl sheet), if it is the corrections sheet."""
    rows = list(ws.iter_rows(values_only=True))
    if not rows:
        return []
    header = [_norm(v) for v in rows[0]]
    wanted = {
        k: {_norm(WORDS[lang][f"corr_sheet_{k}"]) for lang in WORDS}
        for k in ("dossier", "kind", "value")
    }
    at = {
        k: next((i for i, h in enumerate(header) if h in names), None)
        for k, names in wanted.items()
    }
    if at["kind"] is None or at["value"] is None or at["dossier"] is None:
        return []
    kinds = _codes("corr_kind_", KINDS)
    given = saved_at(path)
    found = []
    for n, row in enumerate(rows[1:], start=2):
        cells = {k: row[i] if i is not None and i < len(row) else None for k, i in at.items()}
        if not _norm(cells["kind"]):
            continue
        kind = kinds.get(_norm(cells["kind"]), _norm(cells["kind"]))
        dossier = "" if cells["dossier"] is None else str(cells["dossier"]).strip()
        found.append(
            SheetCorrection(
                provider,
                dossier,
                kind,
                _value(kind, cells["value"]),
                f"{path.name} › {ws.title} › row {n}",
                given,
            )
        )
    return found
