"""Scenarios of the input, planned side by side in processes of their own.

README, Capacity advice. ``--scenario`` takes a change of the input in the
planner's words, several joined with ``;``, or the path of another input
workbook (or CSV folder):

- ``AB05 afwezig week 51`` (``absent week 51``): the consultant away for that
  ISO week; ``AB05 afwezig 2026-12-14 tot 2026-12-18`` (``absent ... until``)
  for days;
- ``periode tot 2027-01-08`` (``period until``), ``periode van 2026-12-07``
  (``period from``): the planning period ends or starts elsewhere;
- ``AB05 max 3 per week`` (``max 3 a week``): another weekly cap;
- ``AB05 werkdagen ma,di,do`` (``workdays``): other working days.

Each scenario is planned as a rerun of the plan in the folder as of today
(what would happen if the change were made now) and then gets the first
points of its own capacity curve. The runs are independent: they go to
worker processes, at most as many at once as the cores and the memory
(``MEMORY_MIB`` for the whole advice) allow.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from herplan.domain.codes import DayPart
from herplan.domain.problem import Absence, Problem
from herplan.domain.revisions import Rerun
from herplan.findings import Code, Finding, Subject, Value
from herplan.io.errors import InputError
from herplan.io.input_reader import parse_date
from herplan.scheduler.capacity_advice import ScenarioOutcome

if TYPE_CHECKING:
    from herplan.app.capacity import CapacityOptions, _Teller

FIRST_POINTS = 3  # of each scenario's curve, shown beside the current plan's
MEMORY_MIB = 1024  # the whole advice, every process included (README, Capacity advice)
ADVICE_MIB = 300  # the advice itself (L-tight 250 MiB, XL 320 MiB: benchmarks/RESULTS.md)
CHILD_MIB_PER_CASE = 0.12  # a scenario's run (CP-SAT, the model, Python) per reassessment
CHILD_MIB = 150  # and its start (measured: L-tight 250 MiB, XL 520 MiB a run)

WEEK = re.compile(r"^(\S+)\s+(?:afwezig|absent)\s+week\s+([0-9]{1,2})$", re.I)
DAYS = re.compile(r"^(\S+)\s+(?:afwezig|absent)\s+(\S+)(?:\s+(?:tot|t/m|until)\s+(\S+))?$", re.I)
PERIOD = re.compile(r"^(?:periode|period)\s+(tot|until|van|from)\s+(\S+)$", re.I)
CAP = re.compile(r"^(\S+)\s+max\s+([0-9]{1,2})\s+(?:per|a)\s+week$", re.I)
WORKDAYS = re.compile(r"^(\S+)\s+(?:werkdagen|workdays)\s+(.+)$", re.I)
WEEKDAYS = {
    "ma": 0,
    "mo": 0,
    "di": 1,
    "tu": 1,
    "wo": 2,
    "we": 2,
    "do": 3,
    "th": 3,
    "vr": 4,
    "fr": 4,
    "za": 5,
    "sa": 5,
    "zo": 6,
    "su": 6,
}


def variant(problem: Problem, scenario: str, read: object = None, files: bool = True) -> Problem:
    """``problem`` changed as ``scenario`` says (module doc); ``InputError`` if it does not
    say something herplan understands. Only with ``files`` (the command line, on the
    planner's own computer) may a scenario name another input; the web page's may not, or
    a planner could have any workbook on the server read."""
    path = Path(scenario.strip())
    if files and (path.suffix.lower() in (".xlsx", ".csv") or path.is_dir()):
        if not path.exists():
            raise InputError([Finding.of(Code.SCENARIO_NO_INPUT, _said(scenario))])
        from herplan.io.input_reader import read_problem

        return read_problem(path, read if isinstance(read, date) else None)[0]
    for part in (p.strip() for p in scenario.split(";")):
        if part:
            problem = _changed(problem, part, scenario)
    return problem


def _changed(problem: Problem, part: str, scenario: str) -> Problem:
    for pattern, change in (
        (WEEK, _away_week),
        (DAYS, _away_days),
        (PERIOD, _period),
        (CAP, _cap),
        (WORKDAYS, _workdays),
    ):
        found = pattern.match(part)
        if found:
            try:
                return change(problem, *found.groups())
            except NotMade as error:
                refused = Finding.of(error.code, _said(scenario), **error.values)
                raise InputError([refused]) from None
            except ValueError as error:  # none expected: said as it is
                raise InputError([f'--scenario "{scenario}": {error}']) from None
    unknown = Finding.of(Code.SCENARIO_NOT_UNDERSTOOD, _said(scenario), value=part)
    raise InputError([unknown])


class NotMade(ValueError):
    """A change a scenario asks that cannot be made: why, as a finding's code and values."""

    def __init__(self, code: Code, **values: Value) -> None:
        super().__init__(code)
        self.code, self.values = code, values


def _said(scenario: str) -> Subject:
    """What a finding about ``scenario`` is about: the option as it was given."""
    return Subject(file=f'--scenario "{scenario}"')


def _consultant(problem: Problem, cid: str) -> str:
    known = {c.id.casefold(): c.id for c in problem.consultants}
    if cid.casefold() not in known:
        raise NotMade(Code.SCENARIO_NOT_A_CONSULTANT, value=cid)
    return known[cid.casefold()]


def _day(text: str) -> date:
    day = parse_date(text)
    if day is None:
        raise NotMade(Code.SCENARIO_NOT_A_DATE, value=text)
    return day


def _away_week(problem: Problem, cid: str, week: str) -> Problem:
    s = problem.settings
    years = [
        y
        for y in range(s.period_start.year, s.period_end.year + 1)
        if _overlaps(y, int(week), s.period_start, s.period_end)
    ]
    if not 1 <= int(week) <= 53 or not years:
        raise NotMade(Code.SCENARIO_WEEK_NOT_IN_PERIOD, week=week)
    monday = date.fromisocalendar(years[0], int(week), 1)
    return _away(problem, _consultant(problem, cid), monday, monday + timedelta(days=6))


def _overlaps(year: int, week: int, start: date, end: date) -> bool:
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return False
    return monday <= end and monday + timedelta(days=6) >= start


def _away_days(problem: Problem, cid: str, first: str, last: str | None) -> Problem:
    start = _day(first)
    end = _day(last) if last else start
    if end < start:
        raise NotMade(Code.SCENARIO_ENDS_BEFORE_START, end=end, start=start)
    return _away(problem, _consultant(problem, cid), start, end)


def _away(problem: Problem, cid: str, start: date, end: date) -> Problem:
    return replace(problem, absences=(*problem.absences, Absence(cid, start, end, DayPart.DAY)))


def _period(problem: Problem, which: str, day: str) -> Problem:
    s = problem.settings
    if which.lower() in ("tot", "until"):
        settings = replace(s, period_end=_day(day))
    else:
        settings = replace(s, period_start=_day(day))
    if settings.period_end < settings.period_start:
        raise NotMade(Code.SCENARIO_PERIOD_ENDS_BEFORE_START)
    return replace(problem, settings=settings)


def _cap(problem: Problem, cid: str, most: str) -> Problem:
    who = _consultant(problem, cid)
    return replace(
        problem,
        consultants=tuple(
            replace(c, max_mornings_per_week=int(most)) if c.id == who else c
            for c in problem.consultants
        ),
    )


def _workdays(problem: Problem, cid: str, days: str) -> Problem:
    who = _consultant(problem, cid)
    names = [d.strip().casefold()[:2] for d in re.split(r"[,;\s]+", days) if d.strip()]
    if not names or any(n not in WEEKDAYS for n in names):
        raise NotMade(Code.SCENARIO_NOT_WEEKDAYS, value=days)
    workdays = frozenset(WEEKDAYS[n] for n in names)
    people = tuple(replace(c, workdays=workdays) if c.id == who else c for c in problem.consultants)
    return replace(problem, consultants=people)


def plan_scenario(
    name: str, problem: Problem, rerun: Rerun, limit: float, reproducible: bool
) -> ScenarioOutcome:
    """One scenario, in a worker process: a rerun of the plan, then its first points."""
    from herplan.app.run import rerun_time_limit
    from herplan.constraints import HARD_RULES
    from herplan.io.finding_words import render
    from herplan.scheduler.capacity_curve import CurveOptions, capacity_curve
    from herplan.scheduler.planner import make_plan
    from herplan.scheduler.solve import SolverOptions
    from herplan.scheduler.verify import PlanRejected

    options = SolverOptions(
        time_limit_s=limit or rerun_time_limit(problem), workers=1, reproducible=reproducible
    )
    try:
        plan = make_plan(problem, options, rerun=rerun, today=rerun.today)
    except PlanRejected as error:
        return ScenarioOutcome(name, errors=(error.said(render),))
    except ValueError as error:
        return ScenarioOutcome(name, errors=(str(error),))
    after = replace(
        rerun,
        previous=plan.appointments,
        revision=plan.revision,
        verdicts=(),
        uids=plan.uids,
        retired=plan.retired,
    )
    curve = capacity_curve(problem, HARD_RULES, after, CurveOptions(most_points=FIRST_POINTS))
    held = len(curve.start.past) + len(curve.start.kept)
    points = tuple(
        (p.extra, held + p.solution.count, None if p.bound is None else held + p.bound)
        for p in curve.points
        if p.extra > 0
    )
    return ScenarioOutcome(name, len(plan.appointments), plan.visits, points)


def parallel_runs(count: int, cases: int) -> int:
    """Scenario runs at once: as many as the cores (a run's search is bounded by the
    clock, so they share a core with the advice without taking longer), within the
    memory the advice leaves."""
    cores = max(1, os.cpu_count() or 1)
    each = CHILD_MIB + CHILD_MIB_PER_CASE * cases
    by_memory = max(1, int((MEMORY_MIB - ADVICE_MIB) // each))
    return max(1, min(count, cores, by_memory))


class Scenarios:
    """The scenarios of ``options``, read at once (bad ones refused before anything runs)
    and planned in worker processes while the advice is computed."""

    def __init__(
        self, problem: Problem, rerun: Rerun, options: CapacityOptions, say: _Teller
    ) -> None:
        files = options.scenario_files
        self.variants = [(s, variant(problem, s, rerun.today, files)) for s in options.scenarios]
        self.options, self.say, self.rerun = options, say, rerun
        self.futures: list[tuple[str, Future]] = []
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Scenarios:
        if not self.variants:
            return self
        cases = max(len(p.reassessments) for _, p in self.variants)
        self.pool = ProcessPoolExecutor(
            parallel_runs(len(self.variants), cases), mp_context=get_context("spawn")
        )
        for name, problem in self.variants:
            future = self.pool.submit(
                plan_scenario,
                name,
                problem,
                self.rerun,
                self.options.time_limit or 0.0,
                self.options.reproducible,
            )
            future.add_done_callback(self._done(name))
            self.futures.append((name, future))
            self.say.scenario(name, False)
        return self

    def _done(self, name: str) -> Callable[[Future], None]:
        return lambda _future: self.say.scenario(name, True)

    def outcomes(self) -> list[ScenarioOutcome]:
        found = []
        for name, future in self.futures:
            try:
                found.append(future.result())
            except Exception as error:  # a worker that died: said, the advice goes on
                found.append(ScenarioOutcome(name, errors=(f"{type(error).__name__}: {error}",)))
        return found

    def __exit__(self, *_exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
