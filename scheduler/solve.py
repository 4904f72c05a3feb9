"""Lexicographic solving: the first plan, one CP-SAT phase per objective, consultants last.

1. **The first plan**: the hand planner's plan and best fit improved by ruin
   and recreate, each polished by local search; the better one is the first
   incumbent. A rerun starts from its kept appointments and only fills gaps.
2. **Day model phases**, one per objective in the README's order. Each phase starts
   from the incumbent as a complete hint, adds the objective's proven bound,
   stops as soon as a plan reaches it, and then fixes the objective at the
   incumbent's value (``>=`` for a maximum, ``<=`` for a minimum), so a later
   phase never undoes an earlier one. A phase that finds nothing keeps the
   incumbent and is fixed at *its* value, reported ``UNKNOWN``, never as a gap
   of 0 %. On a fresh plan objective 1 spends most of its solver time on a
   large-neighbourhood search (``neighbourhoods``), and in wall-clock runs
   HiGHS proves its bound beside the search (``integer_bound``) until
   objective 3 is decided.
3. **Consultant model phases**: consultants are handed to the slots (the vaste
   consulent, then fair load).

Time: by default the run is wall-clock, uses the machine's cores and the whole
``time_limit_s`` (building the model included) unless every phase is proven
optimal; a phase that ends early hands its time to the next. With
``reproducible=True`` every limit is a deterministic amount of work instead
(CP-SAT's deterministic time on one worker, a number of ruin-and-recreate
rounds), so the same input, settings and seed give the same plan on every run.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model_helper import FlatIntExpr

from herplan.domain.codes import PhaseStatus
from herplan.scheduler.assignment import AssignmentModel, assignment_hint, build_assignment
from herplan.scheduler.bounds import planned_upper_bound
from herplan.scheduler.construct import construct, plan_score, ruin_and_recreate
from herplan.scheduler.greedy import hand_plan
from herplan.scheduler.hints import chosen_from, hint_values
from herplan.scheduler.improve import improve, return_home
from herplan.scheduler.integer_bound import IntegerBound
from herplan.scheduler.memory import SEARCH_MIB, release
from herplan.scheduler.model import PlanModel
from herplan.scheduler.mornings import Chosen, from_chosen
from herplan.scheduler.neighbourhoods import draw, fixed_outside
from herplan.scheduler.phases import PHASES
from herplan.scheduler.solve_stats import SolveStats

if TYPE_CHECKING:
    from herplan.constraints.base import Objective, Rule


@dataclass(frozen=True)
class Progress:
    """What a run is doing, for a progress bar or the web page."""

    phase: str
    planned: int | None  # reassessments in the best plan so far, when known
    upper: int | None  # the most any plan can hold (objective 1's bound)
    elapsed: float  # seconds since the run started
    limit: float  # the run's time limit in seconds


@dataclass(frozen=True)
class SolverOptions:
    """How long and how the solver searches."""

    time_limit_s: float = 30.0
    seed: int = 0
    workers: int | None = None  # None: every core of the machine
    reproducible: bool = False
    progress: Callable[[Progress], None] | None = None
    stop: threading.Event | None = None  # set it to end the run with the best plan so far
    local_search: bool = True  # False: the hand planner's plan, unimproved (the baseline)
    started: float | None = None  # time.monotonic() when the run began (default: now)
    reserve_s: float = 0.0  # wall-clock seconds kept after the search (writing the files)


# Reproducible mode charges work, not the clock: CP-SAT's deterministic time per
# second of wall time on one worker, ruin-and-recreate rounds by the number of
# candidate (reassessment, day) pairs they rebuild, and building the model by its
# size (all measured on the 2-core reference machine, benchmarks/RESULTS.md).
DETERMINISTIC_PER_SECOND = 0.5
ROUND_SECONDS_PER_PAIR = 1.2e-6
ROUND_SECONDS_MIN = 2e-3  # a round's fixed cost, whatever the size
BUILD_SECONDS_PER_VARIABLE = 4e-5
CONSTRUCTION_SHARE = 0.6  # of objective 1's time on a fresh plan: ruin and recreate
MIN_PHASE_SECONDS = 0.2
NEIGHBOURHOOD_SHARE = 0.6  # of objective 1's solver time, on a fresh plan
NEIGHBOURHOOD_STEPS = 8  # steps in that time, at most
# While its steps still gain, objective 1's search goes on past its share, for at most
# this share of the later phases' time, until this many steps in a row gained nothing.
COUNT_EXTENSION = 0.5
GAIN_PATIENCE_STEPS = 3
GAIN_PATIENCE_SECONDS = 2.0  # ruin and recreate: a quarter of its time, at least this
GAIN_PATIENCE_ROUNDS = 50  # the same in reproducible mode, in rounds
INTEGER_GRACE_SECONDS = 1.5  # HiGHS's start and model building, waited for at its end
# CP-SAT reports the hinted plan after about this long per interview variable (without
# presolve; 0.34 s for L-tight's rerun model): a phase with less time is not started.
LOAD_SECONDS_PER_VARIABLE = 1.5e-5


class Budget:
    """The run's time: wall-clock by default, charged work when reproducible."""

    def __init__(self, options: SolverOptions) -> None:
        self.options = options
        self.limit = options.time_limit_s
        if not options.reproducible:  # charged work does not count the writing anyway
            self.limit = max(MIN_PHASE_SECONDS, self.limit - options.reserve_s)
        self.started = options.started if options.started is not None else time.monotonic()
        self.charged = 0.0

    def elapsed(self) -> float:
        if self.options.reproducible:
            return self.charged
        return time.monotonic() - self.started

    def left(self) -> float:
        return max(0.0, self.limit - self.elapsed())

    def charge(self, seconds: float) -> None:
        self.charged += seconds

    def stopped(self) -> bool:
        return self.options.stop is not None and self.options.stop.is_set()


class _RoundClock:
    """When ruin and recreate ends: after its ``seconds`` (in reproducible mode that
    many rounds), or on while its rounds still gain, for at most ``extra`` more."""

    def __init__(self, reproducible: bool, seconds: float, extra: float, per_round: float):
        self.reproducible = reproducible
        self.rounds = int(seconds / per_round)
        self.most = int((seconds + extra) / per_round)
        self.patience_rounds = max(GAIN_PATIENCE_ROUNDS, self.rounds // 4)
        self.patience = max(GAIN_PATIENCE_SECONDS, seconds / 4)
        self.deadline = time.monotonic() + seconds
        self.extra = extra
        self.last = 0  # the last round asked about
        self.gain_round, self.gain_moment = 0, time.monotonic()

    def gained(self, n: int) -> None:
        self.gain_round, self.gain_moment = n, time.monotonic()

    def out_of_time(self, n: int) -> bool:
        self.last = n
        if self.reproducible:
            if n < self.rounds:
                return False
            return n >= self.most or n - self.gain_round > self.patience_rounds
        now = time.monotonic()
        if now < self.deadline:
            return False
        return now - self.gain_moment > self.patience or now >= self.deadline + self.extra


@dataclass(frozen=True)
class Outcome:
    """How one phase ended: the solver's status, the value reached, the bound proven."""

    status: PhaseStatus
    value: int
    bound: int | None
    work: float = 0.0  # deterministic seconds
    wall: float = 0.0


@dataclass
class SolveResult:
    """Each used slot's consultant and interviews, and the statistics of every phase."""

    chosen: Chosen
    phases: list[SolveStats] = field(default_factory=list)
    start_planned: int = 0  # the first incumbent: the run never writes fewer


def evaluate(expr: cp_model.LinearExprT, values: dict[int, int]) -> int:
    """The value of ``expr`` in a solution given as values by variable index."""
    if isinstance(expr, int):
        return expr
    flat = FlatIntExpr(expr)  # type: ignore[arg-type]  # an int was handled above
    return flat.offset + sum(
        c * values[v.index] for v, c in zip(flat.vars, flat.coeffs, strict=True)
    )


def _set_hint(model: cp_model.CpModel, values: dict[int, int]) -> None:
    model.clear_hints()
    indices = sorted(values)
    model.proto.solution_hint.vars.extend(indices)
    model.proto.solution_hint.values.extend([values[i] for i in indices])


class _Watch(cp_model.CpSolverSolutionCallback):
    """Reports improving solutions and stops the search when the run is stopped."""

    def __init__(self, report: Callable[[cp_model.CpSolverSolutionCallback], None] | None):
        super().__init__()
        self._report = report

    def on_solution_callback(self) -> None:
        if self._report is not None:
            self._report(self)


# CP-SAT's copy of the day model, per worker (measured on XL-pools, 153 000 variables:
# 321 MiB for one worker without presolve, 705 MiB for two). A model whose copies
# would not fit ``SEARCH_MIB`` is searched one neighbourhood at a time instead.
WORKER_MIB_PER_VARIABLE = 2.3e-3

# Presolve pays on a phase only when it has time for it: about a second per
# 10 000 variables on the reference machine. A shorter phase starts from the hint.
PRESOLVE_SECONDS_PER_VARIABLE = 1e-4


def _solver(options: SolverOptions, seconds: float, size: int = 0) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.cp_model_presolve = seconds >= PRESOLVE_SECONDS_PER_VARIABLE * size
    p.random_seed = options.seed % (2**31)
    p.log_search_progress = False
    p.keep_all_feasible_solutions_in_presolve = True  # presolve keeps the hint
    p.catch_sigint_signal = False  # Ctrl-C aborts the run, not just a phase
    if options.reproducible:
        p.num_workers = 1
        p.max_deterministic_time = max(0.01, seconds * DETERMINISTIC_PER_SECOND)
        p.max_time_in_seconds = 5 * seconds + 10  # a safety net only
    else:
        p.num_workers = options.workers or os.cpu_count() or 1
        p.max_time_in_seconds = max(0.05, seconds)
        p.max_memory_in_mb = SEARCH_MIB  # within its means: ends the phase as its time would
    return solver


def _run(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    budget: Budget,
    report: Callable[[cp_model.CpSolverSolutionCallback], None] | None,
) -> PhaseStatus:
    """Solve, stopping at once when the run's stop event is set; the status name."""
    done = threading.Event()
    stop = budget.options.stop

    def watch() -> None:
        while not done.wait(0.1):
            if stop is not None and stop.is_set():
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, daemon=True) if stop is not None else None
    if watcher:
        watcher.start()
    try:
        return PhaseStatus(solver.status_name(solver.solve(model, _Watch(report))))
    finally:
        done.set()
        if watcher:
            watcher.join()
        release()  # one phase's peak is not carried into the next


class Phases:
    """The incumbent and the phases run so far, on one day model."""

    def __init__(
        self, pm: PlanModel, rules: Sequence[Rule], options: SolverOptions, count_name: str = ""
    ) -> None:
        self.pm = pm
        self.rules = rules
        self.options = options
        self.count_name = count_name  # the phase that counts planned reassessments
        self.budget = Budget(options)
        self.values: dict[int, int] = {}
        self.stats: list[SolveStats] = []
        self.upper: int | None = None
        self.integer: IntegerBound | None = None  # HiGHS proving objective 1's bound
        self.best_count = 0  # the most reassessments a plan in hand holds

    def phase_seconds(self, share: float) -> float | None:
        """A phase's time: its share, at least ``MIN_PHASE_SECONDS``, never more than is
        left of the run; ``None`` when less than that is left (or the run was stopped)."""
        left = self.budget.left()
        if self.budget.stopped() or left < MIN_PHASE_SECONDS:
            return None
        return min(max(MIN_PHASE_SECONDS, share), left)

    def out_of_time(self) -> bool:
        """The run's time is up (wall-clock only: a reproducible run's local search always
        ends where it would, so the same input gives the same plan)."""
        return not self.options.reproducible and (self.budget.left() <= 0 or self.budget.stopped())

    def load_seconds(self) -> float:
        """About how long CP-SAT takes to read the day model and its hint."""
        return LOAD_SECONDS_PER_VARIABLE * len(self.pm.x)

    def count_bound(self) -> int:
        """The LP bound on the count: proven beside the run when it started that."""
        if self.pm.bounds is not None:
            return self.pm.bounds.count()
        return planned_upper_bound(self.pm.cands)

    def current_upper(self) -> int | None:
        """The most any plan can hold, as proven so far (LP, then the integer model)."""
        if self.integer is not None and self.upper is not None:
            proven = self.integer.poll()
            # A bound below a plan in hand would be a bug in the model: never trust it.
            if proven is not None and self.best_count <= proven < self.upper:
                self.upper = self.pm.planned_upper = proven
        return self.upper

    def start_integer_bound(self, seconds: float) -> None:
        """Let HiGHS prove a tighter bound beside the search (wall-clock runs only)."""
        if self.options.reproducible or self.upper is None or self.best_count >= self.upper:
            return
        seconds -= INTEGER_GRACE_SECONDS  # it ends before the run stops waiting for it
        self.integer = IntegerBound(self.pm.cands, seconds, self.options.seed)

    def end_integer_bound(self) -> None:
        """Stop HiGHS; the count phase reports the best bound proven."""
        if self.integer is None:
            return
        self.integer.close(wait=INTEGER_GRACE_SECONDS)
        self.current_upper()
        self.integer = None
        upper = self.pm.planned_upper
        for n, phase in enumerate(self.stats):
            bound = phase.bound
            if phase.name == self.count_name and bound is not None and upper is not None:
                self.stats[n] = replace(phase, bound=float(min(bound, upper)))

    def progress(self, phase: str, planned: int | None = None) -> None:
        if self.options.progress is not None:
            self.options.progress(
                Progress(
                    phase, planned, self.upper, self.budget.elapsed(), self.options.time_limit_s
                )
            )

    def planned(self, values: dict[int, int] | None = None) -> int:
        values = values if values is not None else self.values
        return sum(values[v.index] for v in self.pm.scheduled.values())

    # --- the first plan --------------------------------------------------------------
    def first_plan(
        self, start: Chosen | None, share: float, proving: float = 0.0, extra: float = 0.0
    ) -> Chosen:
        """The first incumbent; ``proving`` seconds for HiGHS to prove objective 1's bound.

        Ruin and recreate gets part of objective 1's ``share``, all of it when the day
        model is too large to search whole (its neighbourhood steps would spend their
        time taking the model in), and goes on for at most ``extra`` seconds while
        its rounds still gain.
        """
        cands = self.pm.cands
        rng = random.Random(self.options.seed)
        if start is not None:  # a rerun: keep every morning, fill gaps, make room
            state = from_chosen(cands, start, fixed=True)
            state.pinned = set(self.pm.pinned)
            return improve(state, close_visits=False).chosen()
        hand = hand_plan(cands)
        if not self.options.local_search:
            return hand.chosen()
        candidates = [improve(hand, until=self.out_of_time)]
        self.best_count = candidates[0].count()
        self.progress(self.count_name, self.best_count)
        self.upper = self.pm.planned_upper = self.count_bound()
        self.start_integer_bound(proving)
        built = construct(cands, seed=0)
        seconds = share * (CONSTRUCTION_SHARE if self.whole_model_fits() else 1.0)
        pairs = sum(len(days) for days in cands.candidate_days.values())
        per_round = max(ROUND_SECONDS_MIN, pairs * ROUND_SECONDS_PER_PAIR)
        clock = _RoundClock(self.options.reproducible, seconds, extra, per_round)
        if self.options.reproducible:
            self.budget.charge(clock.rounds * per_round)
        out_of_time = clock.out_of_time

        def stop(n: int) -> bool:
            # Ends as soon as the plan holds the most any plan can (proven).
            full = built.count() >= (self.current_upper() or 0)
            return full or out_of_time(n) or self.budget.stopped()

        best = [built.count()]

        def watched(n: int) -> bool:
            if built.count() > best[0]:
                best[0] = built.count()
                clock.gained(n)
                if best[0] > self.best_count:  # progress shows the best plan in hand
                    self.best_count = best[0]
                    self.progress(self.count_name, best[0])
            return stop(n)

        built.rng = rng
        ruin_and_recreate(built, watched, rng)
        if self.options.reproducible:  # the rounds it went on for past its own
            self.budget.charge(max(0, clock.last - clock.rounds) * per_round)
        candidates.append(improve(built, until=self.out_of_time))
        chosen = max(candidates, key=plan_score).chosen()
        self.best_count = max(self.best_count, len(chosen))
        self.progress(self.count_name, self.best_count)
        return chosen

    # --- day model phases -----------------------------------------------------------
    def day_phase(self, objective: Objective, name: str, share: float) -> None:
        pm, m = self.pm, self.pm.model
        if PHASES.counts(objective) and self.upper is None:  # a rerun: no first plan computed it
            self.upper = pm.planned_upper = self.count_bound()
        expr = objective.on_days(pm) if objective.on_days else 0
        maximize = objective.sense == "max"
        bound = objective.bound(pm) if objective.bound is not None else None
        if bound is not None:
            m.add(expr <= bound if maximize else expr >= bound)
        value = evaluate(expr, self.values)
        if PHASES.counts(objective):
            upper = self.current_upper()
            if self.integer is not None and upper is not None:  # proven: helps CP-SAT prune
                m.add(cp_model.LinearExpr.sum(list(pm.scheduled.values())) <= upper)
        outcome = Outcome(PhaseStatus.OPTIMAL, value, value)
        seconds = self.phase_seconds(share)
        if bound is not None and value == bound:
            pass  # the plan in hand is proven best already
        elif seconds is None or share < self.load_seconds():
            # no time, or less than the solver needs to take the model in: keep the plan
            outcome = Outcome(PhaseStatus.NOT_RUN, value, bound)
        else:
            outcome = self.search(objective, name, expr, seconds, bound)
        m.add(expr >= outcome.value if maximize else expr <= outcome.value)
        if PHASES.counts(objective):
            pm.min_planned = self.planned()
        self.stats.append(self._stats(objective, name, outcome))

    def search(
        self,
        objective: Objective,
        name: str,
        expr: cp_model.LinearExprT,
        seconds: float,
        bound: int | None,
    ) -> Outcome:
        """CP-SAT on the day model from the incumbent (a neighbourhood search first for the
        count of a first plan); the incumbent stays where it finds nothing."""
        pm, m = self.pm, self.pm.model
        maximize, counts = objective.sense == "max", PHASES.counts(objective)
        m.clear_objective()
        m.maximize(expr) if maximize else m.minimize(expr)
        _set_hint(m, self.values)
        whole = self.whole_model_fits()
        later = max(0.0, self.budget.left() - seconds)
        extra = COUNT_EXTENSION * later if counts and not pm.stable else 0.0
        if not whole:  # too large to search whole within its memory: one part at a time
            work = self.neighbourhood_search(expr, seconds, maximize, bound, name, extra)
            value = evaluate(expr, self.values)
            if not counts:
                self.raise_count()
            proven = bound is not None and value == bound
            status = PhaseStatus.OPTIMAL if proven else PhaseStatus.FEASIBLE
            return Outcome(status, value, bound, 0.0, work)
        if counts and not pm.stable:
            seconds -= self.neighbourhood_search(expr, seconds * NEIGHBOURHOOD_SHARE, extra=extra)
            seconds = max(MIN_PHASE_SECONDS, seconds)
            _set_hint(m, self.values)
        value = evaluate(expr, self.values)
        solver = _solver(self.options, seconds, len(pm.x))
        self.progress(name, self.planned())
        more = _MoreCounted(pm, self.planned())
        status = _run(solver, m, self.budget, self._counting(name) if counts else more)
        work, wall = solver.deterministic_time, solver.wall_time
        if self.options.reproducible:
            self.budget.charge(work / DETERMINISTIC_PER_SECOND)
        if not status.found_a_plan:
            return Outcome(status, value, bound, work, wall)  # nothing new proven
        solution = list(solver.response_proto.solution)
        best = round(solver.best_objective_bound)
        if bound is not None:
            best = min(best, bound) if maximize else max(best, bound)
        if more.solution is not None and more.count > self.planned(solution_values(solution)):
            # A plan seen on the way holds more: the count comes first, so it is the
            # incumbent, and this phase's value is its value (no longer proven).
            self.values = {var.index: more.solution[var.index] for var in _all_vars(pm)}
            self.raise_count()
            return Outcome(PhaseStatus.FEASIBLE, evaluate(expr, self.values), best, work, wall)
        self.values = {var.index: solution[var.index] for var in _all_vars(pm)}
        if not counts:
            self.raise_count()
        return Outcome(status, round(solver.objective_value), best, work, wall)

    def raise_count(self) -> None:
        """Once objective 1 is decided, a plan in hand that holds more raises its floor:
        later phases keep that count, and objective 1 reports it."""
        planned = self.planned()
        if not self.count_name or planned <= self.pm.min_planned:
            return
        self.pm.min_planned = planned
        self.pm.model.add(cp_model.LinearExpr.sum(list(self.pm.scheduled.values())) >= planned)
        self.progress(self.count_name, planned)
        self.report_count(planned)

    def report_count(self, count: int) -> None:
        """Objective 1's phase reports ``count``, the most a plan in hand holds."""
        self.best_count = max(self.best_count, count)
        self.stats = [
            replace(s, objective=float(count)) if s.name == self.count_name else s
            for s in self.stats
        ]

    def _counting(self, name: str) -> Callable[[cp_model.CpSolverSolutionCallback], None]:
        """Each better plan the solver finds: its count, to the progress display."""

        def report(cb: cp_model.CpSolverSolutionCallback) -> None:
            count = int(sum(cb.value(v) for v in self.pm.scheduled.values()))
            self.best_count = max(self.best_count, count)
            self.progress(name, count)

        return report

    def whole_model_fits(self) -> bool:
        """Can CP-SAT's workers each hold the whole day model within ``SEARCH_MIB``?"""
        workers = 1 if self.options.reproducible else self.options.workers or os.cpu_count() or 1
        size = len(self.pm.model.proto.variables)
        return WORKER_MIB_PER_VARIABLE * size * workers <= SEARCH_MIB

    def neighbourhood_search(
        self,
        expr: cp_model.LinearExprT,
        seconds: float,
        maximize: bool = True,
        bound: int | None = None,
        name: str = "",
        extra: float = 0.0,
    ) -> float:
        """Improve the phase's objective one part of the plan at a time; the seconds spent.

        ``neighbourhoods``: each step frees a week or a group of locations, kept when worth
        at least as much, until the proven bound; past ``seconds``, ``extra`` more while one
        of the last ``GAIN_PATIENCE_STEPS`` steps gained (objective 1: planned more).
        """
        pm, started = self.pm, self.budget.elapsed()
        rng = random.Random(self.options.seed + 1)
        step = max(MIN_PHASE_SECONDS, seconds / NEIGHBOURHOOD_STEPS)
        value = evaluate(expr, self.values)
        counts = bound is None and maximize
        gained = started  # when a step last made the plan better

        def more_time() -> bool:
            now = self.budget.elapsed()
            if now - started + step <= seconds:
                return True
            recent = now - gained <= GAIN_PATIENCE_STEPS * step
            return recent and now - started + step <= seconds + extra

        while more_time() and not self.budget.stopped():
            if counts and self.planned() >= (self.current_upper() or 0):
                break
            if bound is not None and value == bound:
                break
            sub = pm.model.clone()
            keep = fixed_outside(pm, draw(pm, rng), self.values)
            variables = sub.proto.variables
            for index, fixed in keep:
                domain = variables[index].domain
                domain.clear()
                domain.extend((fixed, fixed))
            solver = _solver(self.options, step, len(pm.x) - len(keep))
            status = _run(solver, sub, self.budget, None)
            if self.options.reproducible:  # a step costs its setting up, however small
                work = solver.deterministic_time / DETERMINISTIC_PER_SECOND
                self.budget.charge(max(work, ROUND_SECONDS_MIN))
            found = round(solver.objective_value) if status.found_a_plan else None
            if found is not None and (found >= value if maximize else found <= value):
                planned = self.planned()
                solution = list(solver.response_proto.solution)
                self.values = {var.index: solution[var.index] for var in _all_vars(pm)}
                if found != value and (not counts or self.planned() > planned):
                    gained = self.budget.elapsed()
                value = found
                self.best_count = max(self.best_count, self.planned())
                self.progress(name or self.count_name, self.planned())
                _set_hint(pm.model, self.values)
            if status == PhaseStatus.OPTIMAL and not keep:  # the part was the whole plan: proven
                break
        return self.budget.elapsed() - started

    def _stats(self, objective: Objective, name: str, outcome: Outcome) -> SolveStats:
        status, value, bound = outcome.status, outcome.value, outcome.bound
        work, wall = outcome.work, outcome.wall
        shown_value, shown_bound = float(value), None if bound is None else float(bound)
        if objective.shown is not None and bound is not None:
            shown_value, shown_bound = objective.shown(self.pm, value, bound)
        elif objective.shown is not None:
            shown_value, _ = objective.shown(self.pm, value, value)
        if status == PhaseStatus.OPTIMAL:  # proven: in the planner's units too
            shown_bound = shown_value
        return SolveStats(
            name,
            status,
            shown_value,
            shown_bound,
            round(work, 2),
            wall,
            objective.headline,
            objective.unit,
        )

    def return_moved(self, home: dict[int, tuple[str, date]]) -> None:
        """A rerun: put back every kept appointment whose move the plan does not need."""
        state = from_chosen(self.pm.cands, self.chosen_with_consultants())
        state.pinned = set(self.pm.pinned)
        if return_home(state, home):
            values = hint_values(self.pm, state.chosen())
            if self.planned(values) >= self.planned():
                self.values = values

    def improve_incumbent(self) -> None:
        """Local search on the incumbent (never fewer planned, never more visits)."""
        chosen = self.chosen_with_consultants()
        state = improve(from_chosen(self.pm.cands, chosen), until=self.out_of_time)
        values = hint_values(self.pm, state.chosen())
        if self.planned(values) >= self.planned():
            self.values = values
            self.raise_count()

    def last_repair(self, chosen: Chosen) -> Chosen:
        """Every reassessment that still fits where room is left, placed after the last
        phase (mornings kept; on a rerun a kept one moves only to plan one more)."""
        state = from_chosen(self.pm.cands, chosen, fixed=self.pm.stable)
        state.pinned = set(self.pm.pinned)
        if len(improve(state, close_visits=False).chosen()) <= len(chosen):
            return chosen
        repaired = sorted(state.chosen())
        self.report_count(len(repaired))
        return repaired

    def chosen_with_consultants(
        self, am_values: dict[int, int] | None = None, am: AssignmentModel | None = None
    ) -> Chosen:
        """The incumbent as (reassessment, consultant, day)."""
        slots = chosen_from(self.pm, self.values)
        if am is None:
            am = build_assignment(self.pm.cands, slots, self.pm.named, self.rules)
            am_values = assignment_hint(am, self.working())
        assert am_values is not None
        held = {(slot, day): cid for (cid, slot, day), var in am.a.items() if am_values[var.index]}
        chosen: Chosen = []
        for (loc, k, day), cases in slots.items():
            cid = held[((loc, k), day)]
            chosen.extend((i, cid, day) for i in cases)
        return sorted(chosen)

    def working(self) -> dict[date, list[str]]:
        days: dict[date, list[str]] = {}
        for (cid, day), var in sorted(self.pm.work.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            if self.values[var.index]:
                days.setdefault(day, []).append(cid)
        return days

    # --- consultant model phases -----------------------------------------------------
    def consultant_phases(
        self, objectives: Sequence[Objective], share: Callable[[int], float]
    ) -> Chosen:
        slots = chosen_from(self.pm, self.values)
        am = build_assignment(self.pm.cands, slots, self.pm.named, self.rules)
        values = assignment_hint(am, self.working())
        for n, objective in enumerate(objectives):
            assert objective.on_consultants is not None  # listed because it has one
            expr = objective.on_consultants(am)
            maximize = objective.sense == "max"
            for var, follows in am.derived:
                values.setdefault(var.index, follows(values))
            value = evaluate(expr, values)
            status, bound, work, wall = PhaseStatus.NOT_RUN, None, 0.0, 0.0
            seconds = self.phase_seconds(share(n))
            if seconds is not None:
                am.model.clear_objective()
                am.model.maximize(expr) if maximize else am.model.minimize(expr)
                _set_hint(am.model, values)
                solver = _solver(self.options, seconds, len(am.a))
                self.progress(objective.name, self.planned())
                status = _run(solver, am.model, self.budget, None)
                work, wall = solver.deterministic_time, solver.wall_time
                if self.options.reproducible:
                    self.budget.charge(work / DETERMINISTIC_PER_SECOND)
                if status.found_a_plan:
                    solution = list(solver.response_proto.solution)
                    values = {i: solution[i] for i in range(len(solution))}
                    value = round(solver.objective_value)
                    bound = round(solver.best_objective_bound)
            am.model.add(expr >= value if maximize else expr <= value)
            shown, shown_bound = float(value), None if bound is None else float(bound)
            if objective.shown_assignment is not None:
                shown = round(objective.shown_assignment(am, values), 3)
                shown_bound = shown if status == PhaseStatus.OPTIMAL else None
            self.stats.append(
                SolveStats(
                    objective.name,
                    status,
                    shown,
                    shown_bound,
                    round(work, 2),
                    wall,
                    objective.headline,
                    objective.unit,
                )
            )
        return self.chosen_with_consultants(values, am)


def solution_values(solution: Sequence[int]) -> dict[int, int]:
    """A solver's solution as values by variable index."""
    return dict(enumerate(solution))


class _MoreCounted:
    """In a phase after objective 1: the plan seen that holds the most, above the floor.

    A later objective's search may pass a plan that plans more on its way to one that
    is better for its own objective only: the count comes first, so it is kept.
    """

    def __init__(self, pm: PlanModel, floor: int) -> None:
        self.scheduled = [v.index for v in pm.scheduled.values()]
        self.count = floor
        self.solution: list[int] | None = None

    def __call__(self, cb: cp_model.CpSolverSolutionCallback) -> None:
        solution = cb.response_proto.solution
        count = sum(solution[i] for i in self.scheduled)
        if count > self.count:
            self.count, self.solution = count, list(solution)


def _all_vars(pm: PlanModel) -> list[cp_model.IntVar]:
    found = [
        *pm.x.values(),
        *pm.scheduled.values(),
        *pm.used.values(),
        *pm.work.values(),
        *pm.location_day.values(),
    ]
    found += [var for var, _ in pm.derived]
    return found


def solve(
    pm: PlanModel,
    rules: Sequence[Rule],
    objectives: Sequence[Objective],
    options: SolverOptions,
    start: Chosen | None = None,
) -> SolveResult:
    """Optimise ``objectives`` in order from the first plan; consultants last."""
    counting = [o.name for o in objectives if PHASES.counts(o)]
    run = Phases(pm, rules, options, counting[0] if counting else "")
    rerun = start is not None
    if options.reproducible:
        run.budget.charge(BUILD_SECONDS_PER_VARIABLE * len(pm.x))
    active = [o for o in objectives if o.runs(rerun)]
    day_phases = [
        (o, o.name if o.on_consultants is None else f"{o.name}_days")
        for o in active
        if o.on_days is not None
    ]
    consultant_phases = [o for o in active if o.on_consultants is not None]
    shares = [o.share(rerun) for o, _ in day_phases] + [o.share(rerun) for o in consultant_phases]

    def share(n: int) -> float:
        return run.budget.left() * shares[n] / sum(shares[n:]) if sum(shares[n:]) else 0.0

    first_share = share(0) if day_phases and not rerun else 0.0
    later = run.budget.left() - first_share  # what the phases after objective 1 would get
    # HiGHS may prove objective 1's bound until objective 3 is decided.
    proving = run.budget.left() * sum(shares[:2]) / sum(shares) if sum(shares) else 0.0
    try:
        chosen = run.first_plan(start, first_share, proving, COUNT_EXTENSION * later)
        run.values = hint_values(pm, chosen)
        start_planned = run.planned()
        if not options.local_search or not active:
            return SolveResult(run.chosen_with_consultants(), [], start_planned)
        for n, (objective, name) in enumerate(day_phases):
            if PHASES.local_search_first(objective) and not rerun and options.local_search:
                run.improve_incumbent()
            run.day_phase(objective, name, share(n))
            if PHASES.counts(objective) and start is not None:
                run.return_moved({i: (cid, day) for i, cid, day in start if i in pm.previous})
            if PHASES.ends_bound_search(objective):
                run.end_integer_bound()
    finally:
        run.end_integer_bound()  # never leaves HiGHS running
    offset = len(day_phases)
    chosen = run.consultant_phases(consultant_phases, lambda n: share(offset + n))
    if options.local_search:
        chosen = run.last_repair(chosen)
    run.progress("done", len(chosen))
    return SolveResult(chosen, run.stats, start_planned)
