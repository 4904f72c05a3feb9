"""Lexicographic solving: one CP-SAT phase per objective, in priority order.

Each phase optimises one objective of ``herplan.constraints.OBJECTIVES``, then
fixes it at the value reached (``>=`` for a maximum, ``<=`` for a minimum) and
hands its solution to the next phase as a hint. A later phase therefore can
never undo an earlier one: a planned reassessment is never traded for fewer
visits.

Determinism: by default the solver runs with a fixed seed, interleaved
subsolvers and a *deterministic* work budget (``max_deterministic_time``,
CP-SAT's machine-independent measure of effort), so the same input, settings
and seed give the same plan on every run. A wall-clock cap of twice the budget
is kept only as a safety net. ``deterministic=False`` runs the parallel
portfolio instead: often better plans in the same time, but not reproducible.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from herplan.constraints import weights
from herplan.constraints.base import Objective
from herplan.scheduler.domain import SolveStats
from herplan.scheduler.greedy import greedy_plan
from herplan.scheduler.improve import improve
from herplan.scheduler.model import PlanModel, XKey

Progress = Callable[[str, float, float, float], None]


@dataclass(frozen=True)
class SolverOptions:
    """How long and how the solver searches."""

    time_limit_s: float = 30.0
    seed: int = 0
    workers: int = 1
    deterministic: bool = True
    progress: Progress | None = None
    local_search: bool = True  # False: start from the bare greedy plan (the baseline)


class _ProgressCallback(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution: phase, objective, bound, elapsed seconds."""

    def __init__(self, phase: str, report: Progress, started: float) -> None:
        super().__init__()
        self._phase = phase
        self._report = report
        self._started = started

    def on_solution_callback(self) -> None:
        self._report(
            self._phase,
            self.objective_value,
            self.best_objective_bound,
            time.monotonic() - self._started,
        )


@dataclass
class SolveResult:
    """The chosen ``x`` variables and the statistics of every phase."""

    chosen: list[XKey]
    phases: list[SolveStats]


# CP-SAT's deterministic time per wall-clock second of interleaved search, measured
# on the 2-core reference machine (benchmarks/): a budget of S seconds becomes
# that rate times S units of deterministic work, so a run stops at the same point
# of the search on every run and gives the same plan. Larger models do less
# deterministic work per second: 0.25 up to size M (34 000 interview variables),
# 0.15–0.19 at size XL (132 000); the rate falls with the model size to match.
DETERMINISTIC_PER_SECOND = 0.25
DETERMINISTIC_RATE_FROM = 40_000  # interview variables


def deterministic_rate(n_variables: int) -> float:
    """Deterministic work per wall-clock second for a model of this many interviews."""
    if n_variables <= DETERMINISTIC_RATE_FROM:
        return DETERMINISTIC_PER_SECOND
    return DETERMINISTIC_PER_SECOND * (DETERMINISTIC_RATE_FROM / n_variables) ** 0.5


# Full-problem subsolvers that, interleaved on two cores, spend the budget without
# improving the hint on region-size models; local search and LNS remain.
HEAVY_SUBSOLVERS = (
    "core", "max_lp", "max_lp_sym", "pseudo_costs", "quick_restart_no_lp", "reduced_costs",
    "no_lp", "quick_restart",
)  # fmt: skip
# Phases that start from the previous phase's plan improved by ``improve``: it
# never plans fewer reassessments nor adds a visit, so it keeps earlier bounds.
LOCAL_SEARCH_HELPS = ("clustering",)
# On a rerun, phases that run even when the time budget is spent: they decide the plan.
ALWAYS_RUN = ("most_reassessments", "stability", "clustering")
MIN_PHASE_SECONDS = 2.5  # even a late phase gets time to load its hint and improve it
# Loading the model into the solver costs wall time the deterministic clock does
# not count: about 0.65 s per phase for the 34,000 interview variables of size M on
# the reference machine. Charged per phase from the model size (not measured, so
# the phase budgets, and with them the plan, stay deterministic).
LOAD_SECONDS_PER_VARIABLE = 2e-5
# Reading, building the model and the first plan are part of the run as well:
# about 3 s for size M and 20 s for size XL (132 000 interview variables) on the
# reference machine, charged the same way, so ``--time-limit`` bounds the whole run.
BUILD_SECONDS_PER_VARIABLE = 1.5e-4


def _parameters(options: SolverOptions, budget: float, rate: float) -> cp_model.CpSolver:
    """Solver for one phase with ``budget`` seconds.

    Presolve and symmetry detection are off: on region-size models they cost
    more than the whole search, and the greedy hint plus the redundant bounds
    do their work. Deterministic mode interleaves the subsolvers in fixed
    batches, so the result does not depend on thread timing.
    """
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.random_seed = options.seed
    p.num_workers = max(1, options.workers)
    p.cp_model_presolve = False
    p.symmetry_level = 0
    p.log_search_progress = False
    # Ctrl-C aborts the run (nothing is written) instead of only ending the phase.
    p.catch_sigint_signal = False
    if options.deterministic:
        # Interleaved search is deterministic whatever the thread count; with
        # presolve off it must run on one worker (CP-SAT 9.15 aborts on some small
        # models with two: "Check failed: heuristics.fixed_search != nullptr").
        p.num_workers = 1
        p.interleave_search = True
        p.num_violation_ls = 1
        p.ignore_subsolvers.extend(HEAVY_SUBSOLVERS)
        p.max_deterministic_time = max(0.05, budget * rate)
        p.max_time_in_seconds = max(1.0, 2 * budget)  # a safety net only
    else:
        p.max_time_in_seconds = max(0.1, budget)
    return solver


def _hint(pm: PlanModel, chosen: list[XKey]) -> None:
    """Hint a complete plan: the chosen interviews and what follows from them."""
    picked = set(chosen)
    planned = {i for i, _, _ in chosen}
    visits = {(cid, day, pm.reassessments[i].location_key) for i, cid, day in chosen}
    location_days = {(loc, day) for _, day, loc in visits}
    pm.model.clear_hints()
    indices: list[int] = []
    values: list[int] = []
    for group, on in (
        (pm.x, picked),
        (pm.scheduled, planned),
        (pm.visit, visits),
        (pm.location_day, location_days),
    ):
        for key, var in group.items():
            indices.append(var.index)
            values.append(int(key in on))
    for var, value in pm.derived:
        indices.append(var.index)
        values.append(int(value(picked)))
    # Straight into the proto: one call instead of one per variable (50 000 on size M).
    pm.model.proto.solution_hint.vars.extend(indices)
    pm.model.proto.solution_hint.values.extend(values)


def solve(
    pm: PlanModel,
    objectives: Sequence[Objective],
    options: SolverOptions,
    start: list[XKey] | None = None,
) -> SolveResult:
    """Optimise ``objectives`` in order, starting from the greedy plan.

    The greedy plan, improved by local search, is the first incumbent: there is
    always a plan to write, and every phase starts from a complete hint. A rerun
    passes ``start`` (the previous appointments that still hold): its gaps are
    filled, but nothing in it is moved before the solver weighs stability.
    """
    started = time.monotonic()
    budget_left = options.time_limit_s
    if not pm.stable:  # a rerun's short budget is for the search alone
        budget_left = max(0.0, budget_left - BUILD_SECONDS_PER_VARIABLE * len(pm.x))
    if start is None:
        chosen: list[XKey] = greedy_plan(pm)
        if options.local_search:
            chosen = improve(pm, chosen)
    else:
        chosen = improve(pm, start, close_visits=False)
    load_seconds = LOAD_SECONDS_PER_VARIABLE * len(pm.x)
    rate = deterministic_rate(len(pm.x))
    shares = [weights.TIME_SHARE.get(o.name, 0.05) for o in objectives]
    phases: list[SolveStats] = []
    for n, objective in enumerate(objectives):
        if pm.stable and budget_left <= 0 and objective.name not in ALWAYS_RUN:
            # A rerun out of time: the finer objectives keep the incumbent as it is
            # (they would only polish the few new or moved appointments).
            phases.append(SolveStats(objective.name, "NOT_RUN", 0, 0, 0))
            continue
        expr = objective.expression(pm)
        if objective.bound is not None:
            bound = objective.bound(pm)
            pm.model.add(expr <= bound if objective.sense == "max" else expr >= bound)
        if objective.name in LOCAL_SEARCH_HELPS and options.local_search and not pm.stable:
            # Never fewer reassessments, never more visits: safe under every
            # earlier phase's bound, and a much better start for this one.
            chosen = improve(pm, chosen)
        _hint(pm, chosen)  # the objective may have added derived variables
        pm.model.clear_objective()
        if objective.sense == "max":
            pm.model.maximize(expr)
        else:
            pm.model.minimize(expr)
        budget_left = max(0.0, budget_left - load_seconds)
        floor = min(
            MIN_PHASE_SECONDS, max(0.1, options.time_limit_s / len(objectives) - load_seconds)
        )
        budget = max(floor, budget_left * shares[n] / sum(shares[n:]))
        solver = _parameters(options, budget, rate)
        callback = (
            _ProgressCallback(objective.name, options.progress, started)
            if options.progress
            else None
        )
        status = solver.solve(pm.model, callback)
        used = solver.deterministic_time / rate if options.deterministic else solver.wall_time
        budget_left = max(0.0, budget_left - used)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            # No better plan in time: keep the incumbent, which satisfies every
            # earlier phase's bound.
            phases.append(SolveStats(objective.name, solver.status_name(status), 0, 0, 0))
            continue
        value = round(solver.objective_value)
        phases.append(
            SolveStats(
                objective.name,
                solver.status_name(status),
                value,
                round(solver.best_objective_bound),
                round(solver.deterministic_time, 2),
                solver.wall_time,
            )
        )
        chosen = [key for key, var in pm.x.items() if solver.boolean_value(var)]
        pm.model.add(expr >= value if objective.sense == "max" else expr <= value)
    return SolveResult(chosen, phases)
