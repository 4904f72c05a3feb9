"""What one run of herplan is, for the command line, the web page and a notebook alike.

``plan_input`` reads the input, and when the planning folder already holds a
plan it is a rerun (SPEC §6): the previous plan, the returned workbooks and
today's date make the ``Rerun``. It plans, checks the plan against every rule
and promise, and writes the folder. The result's ``summary()`` is what the
command line prints. The CLI and the web page only call this module, so they
write byte-identical files for the same input, settings and seed.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from herplan.app.summary import summary_text
from herplan.domain import Plan, Problem, Rerun
from herplan.io.errors import InputError
from herplan.io.feedback import read_feedback
from herplan.io.frames import to_frames
from herplan.io.input_reader import read_problem
from herplan.io.planning_folder import (
    is_planning_folder,
    repair_planning_folder,
    write_planning_folder,
)
from herplan.io.previous import read_previous
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import Progress, SolverOptions

if TYPE_CHECKING:
    import pandas as pd

# A rerun starts from a complete plan and mostly keeps it: a short run suffices, and
# a planner reacting to a cancellation should not wait. Its default limit is the
# whole run (reading, planning, writing) and grows with the region: the bundled
# example 5 s, a region of 1 000 reassessments 9.5 s (benchmarks/rerun.py).
RERUN_TIME_LIMIT_S = 3.5
RERUN_SECONDS_PER_CASE = 0.006
MAX_TIME_LIMIT_S = 24 * 3600.0
# Writing the planning folder (two processes for a large one), measured on the
# 2-core reference machine: per reassessment (workbooks and calendars) and per
# e-mail message in the outbox.
WRITE_SECONDS = 0.5
WRITE_SECONDS_PER_CASE = 0.0035
WRITE_SECONDS_PER_MESSAGE = 0.002
MESSAGES_PER_CASE = 3  # a new appointment: the begeleider, the consultant, the write-up


@dataclass
class Planning:
    """The outcome of a run: the plan, where it was written, and what to tell the planner."""

    plan: Plan
    folder: Path | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    files: dict[str, bytes] = field(default_factory=dict)

    def summary(self, verbose: bool = False) -> str:
        """The planner's summary, in the planning's language (``taal``)."""
        return summary_text(self.plan, self.seconds, verbose)

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """Appointments, unplanned reassessments and consultant load as DataFrames."""
        return to_frames(self.plan)


def created_time(input_path: Path, timezone: str) -> datetime:
    """The plan's creation time: the input's last change, or ``SOURCE_DATE_EPOCH``.

    Taken from the input rather than the clock so that planning the same input
    again writes byte-identical files, while an edited input gives a newer
    time. Shown in the planning's own time zone, whatever the machine's.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 11:
        seconds = float(epoch)
    else:
        files = [input_path]
        if input_path.is_dir():
            files += [f for f in input_path.glob("*.csv") if f.is_file()]
        seconds = max(f.stat().st_mtime for f in files)
    return datetime.fromtimestamp(int(seconds), tz=UTC).astimezone(ZoneInfo(timezone))


def check_time_limit(seconds: float) -> float:
    """A time limit must be a finite number of seconds above 0 and at most a day."""
    if not (math.isfinite(seconds) and 0 < seconds <= MAX_TIME_LIMIT_S):
        raise InputError(
            [f"--time-limit {seconds}: expected seconds above 0 and at most {MAX_TIME_LIMIT_S:g}"]
        )
    return seconds


def open_cases(problem: Problem) -> int:
    return sum(1 for r in problem.reassessments if not r.withdrawn)


def rerun_time_limit(problem: Problem) -> float:
    """The default limit of a rerun: a few seconds, more for a large region."""
    return RERUN_TIME_LIMIT_S + RERUN_SECONDS_PER_CASE * open_cases(problem)


def writing_seconds(problem: Problem, rerun: bool) -> float:
    """About how long writing the planning folder takes: kept free of the search.

    A rerun's outbox holds only what changed, a small part of a first run's.
    """
    cases = open_cases(problem)
    messages = MESSAGES_PER_CASE * cases if problem.settings.organizer_email else 0
    if rerun:
        messages //= 10
    return WRITE_SECONDS + WRITE_SECONDS_PER_CASE * cases + WRITE_SECONDS_PER_MESSAGE * messages


def prepare_rerun(folder: Path, today: date | None = None, feedback: Sequence[Path] = ()) -> Rerun:
    """The rerun of the planning in ``folder``: its previous plan and the returned sheets."""
    previous = read_previous(folder / "plan.json")
    verdicts, stale = read_feedback(list(feedback), previous.appointments)
    issued = {a.dossier: a.uid for a in previous.appointments}
    issued.update(previous.uids)
    return Rerun(
        previous=previous.appointments,
        revision=previous.revision,
        today=today or date.today(),
        verdicts=verdicts,
        wave=previous.wave,
        uids=issued,
        retired=previous.retired,
        people=previous.people,
        stale=stale,
        file_names=previous.file_names,
        invitations=previous.invitations,
    )


def plan_input(
    input_path: Path | str,
    out: Path | str | None = None,
    *,
    time_limit: float | None = None,
    seed: int = 0,
    reproducible: bool = False,
    workers: int | None = None,
    fresh: bool = False,
    today: date | None = None,
    feedback: Sequence[Path | str] = (),
    progress: Callable[[Progress], None] | None = None,
    stop=None,
    started: float | None = None,
    problem: Problem | None = None,
    warnings: Sequence[str] = (),
) -> Planning:
    """Plan ``input_path`` and, with ``out``, write the planning folder (SPEC §4, §6).

    When ``out`` holds a plan (and not ``fresh``) this is a rerun. Raises
    ``InputError`` for bad input (nothing written), ``PlanRejected`` when the
    plan breaks a rule or promise (nothing written), and ``OSError`` when the
    folder cannot be written (left as it was).
    """
    started = started if started is not None else time.monotonic()
    input_path = Path(input_path)
    folder = Path(out) if out is not None else None
    if problem is None:
        problem, found = read_problem(input_path)
        warnings = [*warnings, *found]
    if folder is not None:
        warnings = [*warnings, *repair_planning_folder(folder)]
    if folder is not None and folder.exists() and not is_planning_folder(folder):
        raise InputError(
            [
                f"{folder}: folder exists and is not a herplan planning folder; choose a new or "
                "empty folder"
            ]
        )
    rerun = None
    if folder is not None and (folder / "plan.json").exists() and not fresh:
        rerun = prepare_rerun(folder, today, [Path(f) for f in feedback])
    elif feedback:
        raise InputError(["--feedback needs a previous plan in --out (a rerun)"])
    limit = time_limit if time_limit is not None else problem.settings.time_limit_s
    if rerun is not None and time_limit is None:
        limit = min(limit, rerun_time_limit(problem))
    check_time_limit(limit)
    options = SolverOptions(
        time_limit_s=limit,
        seed=seed,
        workers=workers,
        reproducible=reproducible,
        progress=progress,
        stop=stop,
        started=started,
        reserve_s=writing_seconds(problem, rerun is not None) if folder is not None else 0.0,
    )
    created = created_time(input_path, problem.settings.timezone)
    plan = make_plan(problem, options, created=created, rerun=rerun)
    files: dict[str, bytes] = {}
    if folder is not None:
        files = write_planning_folder(plan, folder)
    return Planning(plan, folder, list(warnings), time.monotonic() - started, files)
