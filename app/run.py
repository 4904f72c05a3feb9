"""What one run of herplan is, for the command line, the web page and a notebook alike.

``plan_input`` reads the input, and when the planning folder already holds a
plan it is a rerun (README, Rerun after cancellations): the previous plan, the
returned workbooks and today's date make the ``Rerun``. It plans, checks the
plan against every rule and promise, and writes the folder. ``RunOptions`` are
the command line's options, ``RunHooks`` what the caller hears and how it can
stop the run. The result's ``summary()`` is what the command line prints. The
CLI, the web page and ``herplan.plan`` only call this module, so they write
byte-identical files for the same input, settings and seed.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from herplan import clock
from herplan.app.choices import picked_online, resolve_choices, set_by_hand
from herplan.app.links import revision_links
from herplan.app.stores import cache
from herplan.app.stores.answers import AnswerStore, online_answers, store_of
from herplan.app.stores.corrections import CorrectionStore, correction_store_of
from herplan.app.summary import summary_text
from herplan.corrections import refusals
from herplan.digits import whole_number
from herplan.domain.codes import CorrectionStatus
from herplan.domain.plan import Plan
from herplan.domain.problem import Problem
from herplan.domain.revisions import Rerun
from herplan.findings import Code, Finding, Subject
from herplan.io import hand_moves
from herplan.io.corrections_sheet import SheetCorrection, corrections_in
from herplan.io.errors import InputError
from herplan.io.frames import to_frames
from herplan.io.input_reader import read_problem
from herplan.io.planning_folder import held_planning_folder, write_held_folder
from herplan.io.previous import prepare_rerun
from herplan.io.source import source_files
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
WRITE_SECONDS_PER_CASE = 0.004
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
    if whole_number(epoch) is not None and len(epoch) <= 11:
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


def check_period(problem: Problem, today: date) -> None:
    """A period that has ended is not planned (README, Today): nothing in it can still be
    held. Replaying it on purpose names a day within it (``--today``)."""
    s = problem.settings
    if today > s.period_end:
        where = Subject(file=problem.source, sheet="Instellingen", column="periode_eind")
        ended = Finding.of(
            Code.PERIOD_ENDED,
            where,
            start=s.period_start,
            end=s.period_end,
            today=today,
            replay=s.period_start - timedelta(days=1),
        )
        raise InputError([ended])


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


@dataclass(frozen=True)
class RunOptions:
    """How a run plans: the command line's options (``herplan plan --help``)."""

    time_limit: float | None = None  # wall-clock seconds for the whole run (None: default)
    seed: int = 0
    reproducible: bool = False  # the same plan and files for the same input, seed
    workers: int | None = None  # solver threads (None: every core)
    fresh: bool = False  # ignore a previous plan in the folder
    today: date | None = None  # the day planned as (None: the clock's, Dutch time)
    feedback: tuple[Path, ...] = ()  # provider workbooks returned
    choose: tuple[str, ...] = ()  # DOSSIER=OPTION: a herplan suggest option to pin
    answers: Path | None = None  # the online answers: a data folder or its antwoorden.sqlite
    base_url: str | None = None  # providers answer online there: links in files and e-mails
    hand: tuple[str, ...] = ()  # DOSSIER=DATE@CONSULTANT@HH:MM: moved by hand on the page
    hand_reasons: tuple[str, ...] = ()  # DOSSIER=REASON: a confirmed one moved anyway, why


@dataclass(frozen=True)
class RunHooks:
    """What a run tells its caller while it works, and how the caller can end it."""

    progress: Callable[[Progress], None] | None = None
    stop: threading.Event | None = None  # set: end with the best plan so far
    notify: Callable[[str], None] | None = None  # what was put back in the folder, say
    started: float | None = None  # time.monotonic() the run began (the CLI: the process)


def plan_input(
    input_path: Path | str,
    out: Path | str | None = None,
    options: RunOptions | None = None,
    hooks: RunHooks | None = None,
    problem: Problem | None = None,
) -> Planning:
    """Plan ``input_path`` and, with ``out``, write the planning folder (README, Outputs).

    When ``out`` holds a plan (and not ``options.fresh``) this is a rerun. The
    folder is held for the whole run and repaired once, before the previous
    plan is read. Raises ``InputError`` for bad input (nothing written),
    ``PlanRejected`` when the plan breaks a rule or promise (nothing written),
    and ``OSError`` when the folder cannot be written (left as it was).
    """
    options, hooks = options or RunOptions(), hooks or RunHooks()
    started = hooks.started if hooks.started is not None else time.monotonic()
    input_path = Path(input_path)
    today = options.today or clock.today()
    options = replace(options, today=today)
    warnings: list[str] = []
    if problem is None:
        problem, warnings = read_problem(input_path, today)
    check_period(problem, today)
    if out is None:
        if options.feedback or options.choose or options.answers:
            raise InputError(
                ["--feedback, --choose and --answers need a previous plan in --out (a rerun)"]
            )
        plan = _plan(input_path, problem, None, options, hooks, started, writing=False)
        return Planning(plan, None, warnings, time.monotonic() - started)
    folder = Path(out)
    by_hand = pending_by_hand(options)
    if by_hand:
        options = replace(
            options,
            hand=tuple(e.spec for e in by_hand),
            hand_reasons=tuple(f"{e.dossier}={e.reason}" for e in by_hand if e.reason),
        )
    proposed = sheet_corrections(problem, options, folder)
    with held_planning_folder(folder) as notes:
        for note in notes:
            if hooks.notify is not None:
                hooks.notify(note)
        rerun = _rerun_of(folder, options, problem)
        plan = _plan(input_path, problem, rerun, options, hooks, started, writing=True)
        if options.base_url:
            plan = replace(plan, answer_links=revision_links(folder, plan, options.base_url))
        reasons = [r.partition("=") for r in options.hand_reasons]
        if reasons:
            plan = replace(plan, hand_reasons={d: why for d, _, why in reasons if why})
        files = write_held_folder(plan, folder, source_files(input_path))
        _taken(folder, plan, rerun, options, by_hand, proposed)
    cache.keep("problem", problem.input_sha256, problem)  # herplan suggest starts from it
    return Planning(plan, folder, [*warnings, *notes], time.monotonic() - started, files)


def _taken(
    folder: Path,
    plan: Plan,
    rerun: Rerun | None,
    options: RunOptions,
    by_hand: list[hand_moves.HandMove],
    proposed: list[SheetCorrection],
) -> None:
    """Once the new revision is written: the answers and moves it took are marked taken,
    and the corrections on the returned sheets are kept as proposals for the planner."""
    if rerun is not None and options.answers is not None and rerun.answers_seen:
        AnswerStore(store_of(options.answers)).mark_processed(rerun.answers_seen, plan.revision)
    if by_hand and options.answers is not None:
        hand_moves.taken(store_of(options.answers).parent, by_hand)
    if proposed:
        store = CorrectionStore(correction_store_of(folder))
        for c in proposed:
            store.propose(
                c.provider, c.dossier, c.kind, c.value, c.where.split(" › ")[0], given=c.given
            )


def sheet_corrections(problem: Problem, options: RunOptions, folder: Path) -> list[SheetCorrection]:
    """The corrections filled in on the returned workbooks (README, Corrections): kept as
    proposals for the planner once the plan is written; a wrong one is an input error. A
    row proposed before (a workbook returned again) is no news, and not checked again."""
    if not options.feedback:
        return []
    assert options.today is not None
    provider_of = {r.dossier: r.provider for r in problem.reassessments}
    store = correction_store_of(folder)
    known = set()
    if store.is_file():
        known = {
            (c.provider, c.dossier, c.kind, c.value)
            for c in CorrectionStore(store).listed()
            if c.status != CorrectionStatus.REPLACED
        }
    found = [
        c
        for c in corrections_in(list(options.feedback), provider_of)
        if (c.provider, c.dossier, c.kind, c.value) not in known
    ]
    errors = [
        Finding.of(Code.CORRECTION_REFUSED, _read_at(c), refused=r.code, **dict(r.values))
        for c in found
        for r in refusals(problem, c.provider, c.dossier, c.kind, c.value, options.today)
    ]
    if errors:
        raise InputError(errors)
    return found


def _read_at(c: SheetCorrection) -> Subject:
    """Where a correction was read (``file › sheet › row N``), as a finding's subject."""
    file, _, rest = c.where.partition(" › ")
    sheet, _, row = rest.rpartition(" › row ")
    if not sheet or not row.isdigit():
        return Subject(file=c.where)
    return Subject(file=file, sheet=sheet, row=int(row))


def pending_by_hand(options: RunOptions) -> list[hand_moves.HandMove]:
    """The moves by hand waiting beside the answers (the page's data folder of the
    planning), when the run was not given its own: every rerun takes what is pending."""
    if options.hand or options.answers is None:
        return []
    return hand_moves.pending(store_of(options.answers).parent)


def _rerun_of(folder: Path, options: RunOptions, problem: Problem) -> Rerun | None:
    """The rerun when ``folder`` holds a plan (and the run is not fresh), with the
    places the planner chose (``--choose``)."""
    if (folder / "plan.json").exists() and not options.fresh:
        assert options.today is not None  # set by plan_input
        online = online_answers(options.answers) if options.answers is not None else None
        rerun = prepare_rerun(folder, options.today, options.feedback, online)
        if options.choose:
            rerun = replace(rerun, chosen=resolve_choices(problem, rerun, options.choose))
        if options.hand:
            rerun = set_by_hand(problem, rerun, options.hand)
        if rerun.picked_online:
            rerun = picked_online(problem, rerun)
        return rerun
    given_options = (
        (options.feedback, "--feedback"),
        (options.choose, "--choose"),
        (options.hand, "a move by hand"),
        (options.answers, "--answers"),
    )
    for given, name in given_options:
        if given:
            raise InputError([f"{name} needs a previous plan in --out (a rerun)"])
    return None


def _plan(
    input_path: Path,
    problem: Problem,
    rerun: Rerun | None,
    options: RunOptions,
    hooks: RunHooks,
    started: float,
    writing: bool,
) -> Plan:
    limit = options.time_limit if options.time_limit is not None else problem.run.time_limit_s
    if rerun is not None and options.time_limit is None:
        limit = min(limit, rerun_time_limit(problem))
    solver = SolverOptions(
        time_limit_s=check_time_limit(limit),
        seed=options.seed,
        workers=options.workers,
        reproducible=options.reproducible,
        progress=hooks.progress,
        stop=hooks.stop,
        started=started,
        reserve_s=writing_seconds(problem, rerun is not None) if writing else 0.0,
    )
    created = created_time(input_path, problem.settings.timezone)
    return make_plan(problem, solver, created=created, rerun=rerun, today=options.today)


def plan(
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
    choose: Sequence[str] = (),
    progress: Callable[[Progress], None] | None = None,
    stop: threading.Event | None = None,
) -> Planning:
    """``herplan.plan``: ``plan_input`` with the command line's options as keywords."""
    options = RunOptions(
        time_limit,
        seed,
        reproducible,
        workers,
        fresh,
        today,
        tuple(Path(f) for f in feedback),
        tuple(choose),
    )
    return plan_input(input_path, out, options, RunHooks(progress=progress, stop=stop))
