"""From a validated ``Problem`` to a verified ``Plan``: build, solve, time, explain, check.

``make_plan`` is the engine's entry point; ``herplan.app.run`` (the run of the
command line, the web page and ``herplan.plan``) adds what a run is around it:
the previous plan and returned workbooks, the creation time, the folder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from herplan import clock
from herplan.constraints import HARD_RULES, OBJECTIVES, SEARCH_HELPS
from herplan.constraints.base import Objective, Rule
from herplan.constraints.support_plan_freshness import current_plan_valid
from herplan.domain.appointment import Appointment, first_open_day
from herplan.domain.codes import Cause, Reason
from herplan.domain.plan import Change, ConsultantTime, Plan, PlanRenewal, Unscheduled
from herplan.domain.problem import Problem
from herplan.domain.revisions import Rerun
from herplan.scheduler.candidates import Candidates, consultant_mornings, find_candidates
from herplan.scheduler.changes import changes_since
from herplan.scheduler.explain import (
    renewal,
    unscheduled_entry,
    what_is_full_in,
    withdrawn_entry,
)
from herplan.scheduler.integer_bound import BOUND_PATIENCE_SECONDS, LinearBounds
from herplan.scheduler.model import build_model
from herplan.scheduler.rerun import RerunStart, rerun_candidates, starting_plan
from herplan.scheduler.solve import SolveResult, SolverOptions, solve
from herplan.scheduler.solve_stats import SolveStats
from herplan.scheduler.timing import assign_times
from herplan.scheduler.verify import check


def new_wave(problem: Problem) -> str:
    """The wave's identity, fixed at revision 1: calendar UIDs are made from it."""
    seed = f"{problem.input_sha256}|{problem.settings.period_start.year}"
    if not problem.input_sha256:
        seed += "|" + ",".join(sorted(r.dossier for r in problem.reassessments))
    return hashlib.sha256(seed.encode()).hexdigest()[:16]


def uid_for(dossier: str, wave: str, retired: frozenset[str], issued: dict[str, str]) -> str:
    """A reassessment keeps its UID for the wave; a cancelled UID is never issued again."""
    current = issued.get(dossier)
    if current is not None and current not in retired:
        return current
    generation = 0
    while True:
        digest = hashlib.sha256(f"{wave}|{dossier}|{generation}".encode()).hexdigest()
        uid = f"{digest[:32]}@herplan"
        if uid not in retired:
            return uid
        generation += 1


def make_plan(
    problem: Problem,
    options: SolverOptions | None = None,
    *,
    rules: Sequence[Rule] = HARD_RULES,
    objectives: Sequence[Objective] = OBJECTIVES,
    created: datetime | None = None,
    rerun: Rerun | None = None,
    today: date | None = None,
) -> Plan:
    """Plan ``problem``: every hard rule holds, objectives in priority order.

    With ``rerun`` the previous plan is the starting point (README, Rerun after
    cancellations) and its today counts. A first plan made as of ``today``
    places nothing on or before it (README, Today); without one it plans the
    whole period (the engine's own tests and benchmarks). The plan is checked
    against every rule and promise before it is returned (``verify.PlanRejected``
    otherwise). ``created`` is when it was made (default: now).
    """
    options = options or SolverOptions(time_limit_s=problem.run.time_limit_s)
    start, cands = _starting_point(problem, rules, rerun, today)
    result = _solved(cands, rules, objectives, options, start, first=rerun is None)
    return plan_from_result(
        problem,
        cands,
        result,
        options.seed,
        rules=rules,
        created=created,
        rerun=rerun,
        start=start,
        today=today,
    )


def plan_from_result(
    problem: Problem,
    cands: Candidates,
    result: SolveResult,
    seed: int,
    *,
    rules: Sequence[Rule] = HARD_RULES,
    created: datetime | None = None,
    rerun: Rerun | None = None,
    start: RerunStart | None = None,
    today: date | None = None,
) -> Plan:
    """The verified plan of a solved day model: times, UIDs, reasons, changes, checks.

    ``make_plan`` solves with the engine; a benchmark may hand in another method's
    result (``benchmarks/best_known.py``), checked the same way.
    """
    issued = Issued(rerun, problem)
    appointments = _timed(cands, result, problem, rerun, start, issued)
    unscheduled, renewals = _not_planned(cands, result, problem, cands.problem)
    changes: tuple[Change, ...] = ()
    cancelled: tuple[Appointment, ...] = ()
    if rerun is not None and start is not None:
        remarks = {r.dossier: r.remark for r in problem.reassessments if r.withdrawn and r.remark}
        changes, cancelled = changes_since(rerun, start, appointments, unscheduled, remarks)
        issued.retired |= {a.uid for a in cancelled}
        appointments = [*start.past, *appointments]
    order = {r.dossier: n for n, r in enumerate(problem.reassessments)}
    plan = Plan(
        problem=problem,
        appointments=tuple(sorted(appointments, key=lambda a: (a.day, a.consultant, a.start))),
        unscheduled=tuple(sorted(unscheduled, key=lambda u: order[u.dossier])),
        renewals=tuple(renewals),
        phases=with_history(tuple(result.phases), start.past if start else ()),
        created=(created or clock.now()).isoformat(timespec="seconds"),
        seed=seed,
        changes=changes,
        cancelled=cancelled,
        start_planned=result.start_planned,
        staff=consultant_time(problem, rules),
        wave=issued.wave,
        uids=issued.recorded(appointments),
        retired=frozenset(issued.retired),
        people=dict(sorted(issued.people.items())),
        today=rerun.today if rerun else today,
    )
    plan = _carried_over(plan, rerun)
    check(plan, rules, rerun, start)
    return plan


def _starting_point(
    problem: Problem, rules: Sequence[Rule], rerun: Rerun | None, today: date | None
) -> tuple[RerunStart | None, Candidates]:
    """What every rule allows after today; on a rerun, what stays of the previous plan."""
    if rerun is None:
        return None, find_candidates(problem, rules, first_open_day(today) if today else None)
    start, cands = rerun_candidates(problem, rules, rerun)
    return starting_plan(cands, rerun, start), cands


def _carried_over(plan: Plan, rerun: Rerun | None) -> Plan:
    """A rerun's plan takes over the previous revision's number, answers and files."""
    if rerun is None:
        return plan
    return replace(
        plan,
        revision=rerun.revision + 1,
        stale=rerun.stale,
        late=rerun.late,
        answers_seen=rerun.answers_seen,
        answer_conflicts=rerun.answer_conflicts,
        file_names=dict(rerun.file_names),
        invited_before=rerun.invitations,
    )


def _solved(
    cands: Candidates,
    rules: Sequence[Rule],
    objectives: Sequence[Objective],
    options: SolverOptions,
    start: RerunStart | None,
    first: bool,
) -> SolveResult:
    """The day model built and solved; objective 1's LP bounds proven beside it meanwhile."""
    worths = [o.worth for o in objectives if o.worth is not None]
    patience = None if options.reproducible else BOUND_PATIENCE_SECONDS
    bounds = LinearBounds(cands, worths[0](cands) if worths and first else None, patience)
    try:
        kept = start.kept if start else []
        confirmed = start.confirmed if start else set()
        pm = build_model(
            cands,
            rules,
            SEARCH_HELPS,
            kept=kept,
            confirmed=confirmed,
            fixed_times=start.times if start else None,
        )
        pm.bounds = bounds
        return solve(pm, rules, objectives, options, start=kept if start else None)
    finally:
        bounds.close()


class Issued:
    """The wave's calendar identity: its UIDs, those cancelled, the people invited."""

    def __init__(self, rerun: Rerun | None, problem: Problem) -> None:
        self.wave = rerun.wave if rerun and rerun.wave else new_wave(problem)
        self.retired = set(rerun.retired) if rerun else set()
        self.uids = dict(rerun.uids) if rerun else {}
        self.people = dict(rerun.people) if rerun else {}
        self.people.update({c.id: (c.name, c.email) for c in problem.consultants})

    def uid(self, dossier: str) -> str:
        return uid_for(dossier, self.wave, frozenset(self.retired), self.uids)

    def recorded(self, appointments: Sequence[Appointment]) -> dict[str, str]:
        """Every UID issued, the appointments' own recorded."""
        for a in appointments:
            self.uids[a.dossier] = a.uid
        return dict(sorted(self.uids.items()))


def _timed(
    cands: Candidates,
    result: SolveResult,
    problem: Problem,
    rerun: Rerun | None,
    start: RerunStart | None,
    issued: Issued,
) -> list[Appointment]:
    """The planned interviews with clock times, UIDs and, on a rerun, their SEQUENCE."""
    placed = start.placed if start else {}
    avoid = another_time(rerun, start)
    keep = {
        a.dossier: (a.consultant, a.day, a.start, a.writeup_start)
        for a in [*(rerun.previous if rerun else ()), *placed.values()]
        if a.dossier not in avoid
    }
    confirmed = frozenset(start.confirmed) if start else frozenset()
    picked = frozenset(d for d, a in placed.items() if a.pinned)
    chosen = [(cands.cases[i], cid, day) for i, cid, day in result.chosen]
    appointments: list[Appointment] = []
    for t in assign_times(chosen, problem.settings, keep, confirmed, cands.gap, avoid):
        a = replace(t, uid=issued.uid(t.dossier))
        appointments.append(_against_previous(a, rerun, confirmed, picked) if rerun else a)
    return appointments


def another_time(rerun: Rerun | None, start: RerunStart | None) -> dict[str, tuple[int, int]]:
    """The interview times providers asked to leave (*zelfde dag, andere tijd*)."""
    if rerun is None or start is None:
        return {}
    found = {}
    for dossier, cause in start.released.items():
        before = rerun.previous_of(dossier)
        if cause == Cause.SAME_DAY and before is not None and dossier not in start.day_gone:
            found[dossier] = (before.start, before.end)
    return found


def _not_planned(
    cands: Candidates, result: SolveResult, problem: Problem, solvable: Problem
) -> tuple[list[Unscheduled], list[PlanRenewal]]:
    """Every reassessment not planned, with its reasons; the support plans to renew."""
    planned_day = {i: day for i, _cid, day in result.chosen}
    full = what_is_full_in(cands, result.chosen)
    unscheduled = [withdrawn_entry(r) for r in solvable.reassessments if r.withdrawn]
    renewals = []
    for i, r in enumerate(cands.cases):
        day = planned_day.get(i)
        if day is None:
            unscheduled.append(unscheduled_entry(cands, i, full.get(i, Reason.CAPACITY)))
        entry = renewal(cands, i, day, day is not None and current_plan_valid(problem, r, day))
        if entry is not None:
            renewals.append(entry)
    return unscheduled, renewals


def with_history(
    phases: tuple[SolveStats, ...], past: Sequence[Appointment]
) -> tuple[SolveStats, ...]:
    """Phases counted over the whole plan: what was held before today added in.

    The solver plans only from today on; a planner reads planned reassessments
    and visits of the whole wave.
    """
    if not past:
        return phases
    added = {"reassessments": len(past), "visits": len({(a.consultant, a.day) for a in past})}
    return tuple(
        replace(
            p,
            objective=p.objective + added[p.unit],
            bound=None if p.bound is None else p.bound + added[p.unit],
        )
        if p.unit in added
        else p
        for p in phases
    )


def consultant_time(problem: Problem, rules: Sequence[Rule]) -> tuple[ConsultantTime, ...]:
    """Each consultant's available mornings over the whole period, and how many are usable."""
    staff = consultant_mornings(problem, rules)
    return tuple(
        ConsultantTime(
            c.id,
            frozenset(day for day in staff.days if c.id in staff.available[day]),
            staff.available_mornings[c.id],
        )
        for c in problem.consultants
    )


def _against_previous(
    a: Appointment, rerun: Rerun, confirmed: frozenset[str], chosen: frozenset[str] = frozenset()
) -> Appointment:
    """SEQUENCE rises only when the appointment changed; a kept confirmation and a place
    the planner chose stay pinned.

    The interview changes with its consultant, day, time, place, begeleider or
    whether the client comes; the write-up block with its consultant, day and time.
    """
    before = rerun.previous_of(a.dossier)
    if before is None:
        return replace(a, pinned=a.dossier in chosen and a.dossier in confirmed)
    same = (before.consultant, before.day, before.start, before.end, before.location) == (
        a.consultant,
        a.day,
        a.start,
        a.end,
        a.location,
    )
    same_invite = same and (before.begeleider, before.with_) == (a.begeleider, a.with_)
    same_writeup = (before.consultant, before.day, before.writeup_start, before.writeup_end) == (
        a.consultant,
        a.day,
        a.writeup_start,
        a.writeup_end,
    )
    return replace(
        a,
        sequence=before.sequence if same_invite else before.sequence + 1,
        writeup_sequence=before.writeup_sequence if same_writeup else before.writeup_sequence + 1,
        pinned=(same or a.dossier in chosen) and a.dossier in confirmed,
    )
