"""``herplan suggest``: alternatives for one reassessment against a planning folder.

The folder's ``plan.json`` is the plan; its input is the workbook the plan
names (``input``), looked up beside the plan, beside the folder, or in the web
page's ``invoer/`` folder, preferring the one whose SHA-256 matches the plan's.
Nothing is solved and nothing is written (README, Suggestions).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from herplan.app.run import prepare_rerun
from herplan.constraints import HARD_RULES
from herplan.domain import Problem
from herplan.io.errors import InputError
from herplan.io.input_reader import read_problem
from herplan.scheduler.suggest import NotOpen, Suggester, Suggestions


@dataclass
class Region:
    """A planning folder loaded to be asked about one reassessment after another."""

    suggester: Suggester
    problem: Problem
    input_path: Path
    input_changed: bool  # the input is not the one the plan was made from

    def suggest(self, dossier: str, top: int = 5, not_days: Iterable[date] = ()) -> Suggestions:
        known = {r.dossier.casefold(): r.dossier for r in self.problem.reassessments}
        dossier = known.get(dossier.strip().casefold(), dossier.strip())
        try:
            return self.suggester.suggest(dossier, top, not_days)
        except NotOpen as error:
            raise InputError([str(error)]) from None


def input_of(folder: Path) -> tuple[Path, bool]:
    """The input workbook of the plan in ``folder``, and whether it changed since."""
    data = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    name, digest = Path(str(data.get("input") or "")).name, data.get("input_sha256")
    if not name:
        raise InputError([f"{folder / 'plan.json'}: names no input; give it with --input"])
    found = [p for p in (folder / name, folder.parent / name, folder.parent / "invoer" / name)
             if p.is_file()]  # fmt: skip
    for path in found:
        if hashlib.sha256(path.read_bytes()).hexdigest() == digest:
            return path, False
    if found:
        return found[0], True
    raise InputError([f"{folder}: the input {name} of this plan is not beside it; "
                      "give it with --input"])  # fmt: skip


def open_region(
    folder: Path | str, today: date | None = None, input_path: Path | str | None = None
) -> Region:
    """The planning in ``folder`` and its input, ready for ``Region.suggest``."""
    folder = Path(folder)
    if not (folder / "plan.json").is_file():
        raise InputError([f"{folder}: holds no plan.json; plan it first (herplan plan)"])
    changed = False
    if input_path is None:
        input_path, changed = input_of(folder)
    problem, _ = read_problem(Path(input_path), today)
    rerun = prepare_rerun(folder, today)
    return Region(Suggester(problem, HARD_RULES, rerun), problem, Path(input_path), changed)


def suggest(
    folder: Path | str,
    dossier: str,
    *,
    top: int = 5,
    not_days: Iterable[date] = (),
    today: date | None = None,
    input_path: Path | str | None = None,
) -> Suggestions:
    """``herplan.suggest``: the ``top`` best places for ``dossier`` in the planning in
    ``folder`` (README, Suggestions). Raises ``InputError`` for a folder, input or
    dossier that does not fit. Asking about many: ``open_region(folder).suggest``."""
    return open_region(folder, today, input_path).suggest(dossier, top, not_days)
