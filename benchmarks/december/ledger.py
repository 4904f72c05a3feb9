"""Every answer the simulated providers gave, and what a rerun must do with it.

The ledger is the simulation's own record (not herplan's): who answered what,
online or in a returned workbook, on which appointment as it stood then, and in
what order. Before a rerun it says which answers that rerun must take and how:
the newest per dossier counts; on an appointment that has moved since it is
outdated (listed as such), on one held by today it is late (listed as such),
otherwise it is applied: a ``nee`` moves the interview (or a place the provider
picked pins it), a ``zelfde dag`` keeps the day, a ``ja`` confirms. Moves by
hand and chosen options are applied like a picked place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Given:
    """One answer as a provider gave it."""

    order: int  # when, among everything the simulation did
    dossier: str
    provider: str
    answer: str  # ja | nee | zelfde_dag
    remark: str
    day: str  # the appointment as the provider saw it
    start: str
    sheet: Path | None = None  # a returned workbook; None: online
    pick: str = ""  # with a nee online: the place picked (DATE@CONSULTANT@HH:MM)
    taken: int = 0  # the revision whose rerun took it


@dataclass
class Expected:
    """What one rerun must do with the answers, moves and choices it takes."""

    applied: dict[str, str] = field(default_factory=dict)  # dossier -> ja|nee|zelfde_dag|chosen
    remarks: dict[str, str] = field(default_factory=dict)
    picked: set[str] = field(default_factory=set)  # a nee with a place picked, or set by hand
    stale: set[str] = field(default_factory=set)
    late: set[str] = field(default_factory=set)
    taken: list[Given] = field(default_factory=list)


@dataclass
class Ledger:
    given: list[Given] = field(default_factory=list)
    order: int = 0

    def tick(self) -> int:
        self.order += 1
        return self.order

    def add(self, answer: Given) -> None:
        self.given.append(answer)

    def expected(
        self, plan: dict, today: str, seen: int, sheets: list[Path], chosen: set[str]
    ) -> Expected:
        """What a rerun of ``plan`` as of ``today`` that reads the online answers given up
        to ``seen`` and the returned ``sheets`` must do (module doc); ``chosen``: moved
        by hand or chosen, pinned where the place is still free."""
        candidates = [
            g
            for g in self.given
            if not g.taken
            and (
                (g.sheet is None and g.order <= seen) or (g.sheet is not None and g.sheet in sheets)
            )
        ]
        newest: dict[str, Given] = {}
        for g in sorted(candidates, key=lambda g: g.order):
            newest[g.dossier] = g
        now = {a["dossier"]: a for a in plan["appointments"]}
        found = Expected(taken=candidates)
        for dossier, g in newest.items():
            a = now.get(dossier)
            if a is None or (a["date"], a["start"]) != (g.day, g.start):
                found.stale.add(dossier)
            elif a["date"] <= today:
                found.late.add(dossier)
            else:
                found.applied[dossier] = g.answer
                found.remarks[dossier] = g.remark
                if g.pick:
                    found.picked.add(dossier)
        for dossier in chosen:
            found.applied[dossier] = "chosen"
            found.picked.add(dossier)
        return found

    def taken_by(self, expected: Expected, revision: int) -> None:
        for g in expected.taken:
            g.taken = revision
