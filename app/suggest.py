"""``herplan suggest``: alternatives for one reassessment against a planning folder.

The folder's ``plan.json`` is the plan; its input is the workbook the plan
names (``input``), looked up beside the plan, beside the folder, or in the web
page's ``invoer/`` folder, preferring the one whose SHA-256 matches the plan's.
Nothing is solved and nothing is written (README, Suggestions).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from herplan import clock
from herplan.app.stores import cache
from herplan.constraints import HARD_RULES
from herplan.domain.problem import Problem
from herplan.io.errors import InputError
from herplan.io.previous import prepare_rerun
from herplan.io.source import SOURCE, file_digest
from herplan.scheduler.suggest import NotOpen, Suggester, Suggestions

MOST_OPTIONS = 1000  # every option there is, when a place is named or checked


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
            raise InputError([error.finding]) from None


def input_of(folder: Path) -> tuple[Path, bool]:
    """The input workbook of the plan in ``folder``, and whether it changed since.

    The planner's copy beside the folder counts first (it may hold newer news, such as a
    new support plan); without one, the copy kept in the folder (``invoer/``).
    """
    data = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    name, digest = Path(str(data.get("input") or "")).name, data.get("input_sha256")
    if not name:
        raise InputError([f"{folder / 'plan.json'}: names no input; give it with --input"])
    beside = [
        p
        for p in (folder / name, folder.parent / name, folder.parent / "invoer" / name)
        if p.exists()
    ]
    for path in beside:  # the planner's own copy, which may hold newer news
        if file_digest(path) == digest:
            return path, False
    if beside:
        return beside[0], True
    if (folder / SOURCE / name).exists():  # the copy the plan was made from
        return folder / SOURCE / name, False
    raise InputError(
        [f"{folder}: the input {name} of this plan is not beside it; give it with --input"]
    )


def open_region(
    folder: Path | str, today: date | None = None, input_path: Path | str | None = None
) -> Region:
    """The planning in ``folder`` and its input, ready for ``Region.suggest``.

    What is read and prepared is cached (``herplan.app.stores.cache``) by the input's and the
    plan's SHA-256 and the day, so the next question about the same plan starts at once.
    """
    folder = Path(folder)
    if not (folder / "plan.json").is_file():
        raise InputError([f"{folder}: holds no plan.json; plan it first (herplan plan)"])
    changed = False
    if input_path is None:
        input_path, changed = input_of(folder)
    input_path, day = Path(input_path), today or clock.today()
    digest = file_digest(input_path)
    key = f"{digest}|{file_digest(folder / 'plan.json')}|{day.isoformat()}"
    prepared = cache.cached("region", key)
    if not isinstance(prepared, Suggester):
        prepared = Suggester(
            _problem(input_path, digest, day), HARD_RULES, prepare_rerun(folder, day)
        )
        cache.keep("region", key, prepared)
    return Region(prepared, prepared.problem, input_path, changed)


def _problem(input_path: Path, digest: str, today: date) -> Problem:
    """The input's problem; read once per input (``herplan plan`` keeps it as well)."""
    problem = cache.cached("problem", digest)
    if isinstance(problem, Problem):
        return problem
    from herplan.io.input_reader import read_problem  # openpyxl: only when not cached

    problem, _ = read_problem(input_path, today)
    problem.settings.holiday_dates  # noqa: B018 (computed once, kept with the problem)
    cache.keep("problem", digest, problem)
    return problem


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
