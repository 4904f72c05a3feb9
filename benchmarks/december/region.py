"""The simulated region's input workbook, edited as a planner edits it during the wave.

Every edit is what a planner types into the input between two reruns: a
reassessment withdrawn (``status = geannuleerd``), a new one added, a
consultant ill for a few days (sheet ``Afwezigheid``), a location closed on a
day (``gesloten``), a provider leaving the region (its rows removed), a
support plan renewed (``datum_ondersteuningsplan``). The workbook is the one
file of truth; nothing here knows how herplan reads it.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook

from benchmarks.instances import shape, write

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "drechtsteden-2026.xlsx"
OFFICE = {
    "organisator_naam": "Planning Herindicaties",
    "organisator_email": "planning@sdd.example.nl",
    "planner_naam": "M. de Groot",
    "planner_email": "m.degroot@sdd.example.nl",
    "planner_telefoon": "078 770 1234",
}


def make_input(region: str, seed: int, path: Path) -> Path:
    """The region's input at ``path``: the bundled example, or a generated region."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if region == "example":
        shutil.copyfile(EXAMPLE, path)
        return path
    return write(path, shape(region, settings=dict(OFFICE)), seed=seed)


class Workbook:
    """The input workbook at ``path``, read and saved whole for every edit."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _rows(self, sheet: str) -> tuple[object, list[str], list]:
        wb = load_workbook(self.path)
        ws = wb[sheet]
        header = [str(c.value) for c in ws[1]]
        return wb, header, list(ws.iter_rows(min_row=2))

    def cases(self) -> list[dict[str, object]]:
        """Every row of sheet Herindicaties as a mapping of column to value."""
        _wb, header, rows = self._rows("Herindicaties")
        return [
            dict(zip(header, (c.value for c in row), strict=False)) for row in rows if row[0].value
        ]

    def consultants(self) -> list[str]:
        _wb, _header, rows = self._rows("Consulenten")
        return [str(row[0].value) for row in rows if row[0].value]

    def set_cell(self, dossier: str, column: str, value: object) -> None:
        wb, header, rows = self._rows("Herindicaties")
        for row in rows:
            if row[header.index("dossier")].value == dossier:
                row[header.index(column)].value = value
        wb.save(self.path)  # type: ignore[attr-defined]

    def withdraw(self, dossier: str) -> None:
        self.set_cell(dossier, "status", "geannuleerd")

    def add_case(self, like: dict[str, object], dossier: str, client: str, today: date) -> None:
        """A reassessment that was missing from the list, at the location of ``like``."""
        wb, header, _rows = self._rows("Herindicaties")
        values = dict(like) | {
            "dossier": dossier,
            "client": client,
            "status": None,
            "datum_ondersteuningsplan": today - timedelta(days=30),
            "nieuw_ondersteuningsplan_verwacht": None,
            "vaste_consulent": None,
            "opmerking": "nagekomen",
        }
        wb["Herindicaties"].append([values.get(h) for h in header])  # type: ignore[index]
        wb.save(self.path)  # type: ignore[attr-defined]

    def absent(self, consultant: str, first: date, last: date) -> None:
        wb, header, _rows = self._rows("Afwezigheid")
        row = {"consulent": consultant, "van": first, "tot": last, "dagdeel": "dag"}
        wb["Afwezigheid"].append([row.get(h) for h in header])  # type: ignore[index]
        wb.save(self.path)  # type: ignore[attr-defined]

    def close(self, provider: str, location: str, day: date) -> None:
        wb, header, rows = self._rows("Locaties")
        for row in rows:
            if (row[header.index("aanbieder")].value, row[header.index("locatie")].value) == (
                provider,
                location,
            ):
                cell = row[header.index("gesloten")]
                earlier = str(cell.value or "").strip()
                cell.value = ", ".join(p for p in (earlier, day.isoformat()) if p)
        wb.save(self.path)  # type: ignore[attr-defined]

    def remove_provider(self, provider: str) -> None:
        wb = load_workbook(self.path)
        for sheet in ("Herindicaties", "Locaties"):
            ws = wb[sheet]
            column = [str(c.value) for c in ws[1]].index("aanbieder") + 1
            for n in range(ws.max_row, 1, -1):
                if ws.cell(n, column).value == provider:
                    ws.delete_rows(n)
        wb.save(self.path)

    def renew_plan(self, dossier: str, day: date) -> None:
        self.set_cell(dossier, "datum_ondersteuningsplan", day)
        self.set_cell(dossier, "nieuw_ondersteuningsplan_verwacht", None)


def new_dossier(existing: set[str], rng: random.Random) -> str:
    while True:
        dossier = f"N{rng.randrange(10_000, 99_999)}"
        if dossier not in existing:
            return dossier
