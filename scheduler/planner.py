"""From a validated ``Problem`` to a ``Plan``: build, solve, time, explain.

This is the library entry point the command line calls (STYLE §6); everything
the CLI does is callable from Python through ``make_plan``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from herplan.constraints import HARD_RULES, OBJECTIVES, RERUN_OBJECTIVES
from herplan.constraints.base import Objective, Rule
from herplan.constraints.client_availability import held_with
from herplan.constraints.support_plan_freshness import current_plan_valid
from herplan.scheduler.changes import changes_since
from herplan.scheduler.domain import Appointment, Change, Plan, Problem, Reassessment, Rerun
from herplan.scheduler.explain import renewal, unscheduled_entry, withdrawn_entry
from herplan.scheduler.model import PlanModel, XKey, build_variables
from herplan.scheduler.solve import SolverOptions, solve
from herplan.scheduler.timing import assign_times


def appointment_uid(r: Reassessment, problem: Problem) -> str:
    """Stable iCalendar UID: the same reassessment in the same wave keeps its UID."""
    digest = hashlib.sha256(
        f"{r.dossier}|{problem.settings.period_start.isoformat()}".encode()
    ).hexdigest()
    return f"{digest[:32]}@herplan"


def make_plan(
    problem: Problem,
    options: SolverOptions | None = None,
    *,
    rules: Sequence[Rule] = HARD_RULES,
    objectives: Sequence[Objective] | None = None,
    created: datetime | None = None,
    rerun: Rerun | None = None,
) -> Plan:
    """Plan ``problem``: every hard rule holds, objectives in priority order.

    With ``rerun`` the previous plan is the starting point (SPEC §6): what lies
    before ``rerun.today`` and what a provider confirmed is pinned, a provider's
    ``nee`` releases that day for that client, and objective 2 (stability)
    keeps every other appointment unless moving it plans more reassessments.
    """
    options = options or SolverOptions(time_limit_s=problem.settings.time_limit_s)
    if objectives is None:
        objectives = RERUN_OBJECTIVES if rerun else OBJECTIVES
    past: tuple[Appointment, ...] = ()
    solvable = problem
    if rerun:
        past = tuple(replace(a, pinned=True) for a in rerun.previous if a.day < rerun.today)
        done = {a.dossier for a in past}
        solvable = replace(
            problem, reassessments=tuple(r for r in problem.reassessments if r.dossier not in done)
        )
    held = [(a.consultant, a.day) for a in past]
    pm = build_variables(solvable, rules, first_day=rerun.today if rerun else None, held=held)
    start = _prepare_rerun(pm, rerun) if rerun else None
    result = solve(pm, objectives, options, start=start)

    chosen = [(pm.reassessments[i], cid, day) for i, cid, day in result.chosen]
    keep = (
        {a.dossier: (a.consultant, a.day, a.start, a.writeup_start) for a in rerun.previous}
        if rerun
        else None
    )
    appointments = [
        Appointment(
            uid=appointment_uid(t.reassessment, problem),
            dossier=t.reassessment.dossier,
            client=t.reassessment.client,
            provider=t.reassessment.provider,
            location=t.reassessment.location,
            consultant=t.consultant,
            day=t.day,
            start=t.start,
            end=t.end,
            writeup_start=t.writeup_start,
            writeup_end=t.writeup_end,
            with_=held_with(t.reassessment, t.day),
            begeleider=t.reassessment.begeleider,
        )
        for t in assign_times(chosen, problem.settings, keep)
    ]
    changes: tuple[Change, ...] = ()
    cancelled: tuple[Appointment, ...] = ()
    if rerun:
        appointments = [*past, *(_confirmed(sequenced(a, rerun), rerun) for a in appointments)]
    planned_day = {i: day for i, _cid, day in result.chosen}
    unscheduled = [withdrawn_entry(r) for r in solvable.reassessments if r.withdrawn]
    renewals = []
    for i, r in enumerate(pm.reassessments):
        day = planned_day.get(i)
        if day is None:
            unscheduled.append(unscheduled_entry(pm, i))
        entry = renewal(pm, i, day, day is not None and current_plan_valid(problem, r, day))
        if entry is not None:
            renewals.append(entry)
    if rerun:
        changes, cancelled = changes_since(rerun, appointments, unscheduled, pm)

    order = {r.dossier: n for n, r in enumerate(problem.reassessments)}
    return Plan(
        problem=problem,
        appointments=tuple(sorted(appointments, key=lambda a: (a.day, a.consultant, a.start))),
        unscheduled=tuple(sorted(unscheduled, key=lambda u: order[u.dossier])),
        renewals=tuple(renewals),
        phases=tuple(result.phases),
        created=(created or datetime.now().astimezone()).isoformat(timespec="seconds"),
        seed=options.seed,
        revision=rerun.revision + 1 if rerun else 1,
        changes=changes,
        cancelled=cancelled,
    )


def _prepare_rerun(pm: PlanModel, rerun: Rerun) -> list[XKey]:
    """Pin, release and remember the previous appointments; return the starting plan."""
    pm.stable = True
    index = {r.dossier: i for i, r in enumerate(pm.reassessments)}
    start: list[XKey] = []
    for a in rerun.previous:
        i = index.get(a.dossier)
        if i is None or a.day < rerun.today:
            continue
        key = (i, a.consultant, a.day)
        verdict = rerun.verdict(a.dossier)
        if verdict is not None and not verdict.feasible:
            for other in pm.x_by_i[i]:
                if other[2] == a.day:  # "nee": not this day, with any consultant
                    pm.model.add(pm.x[other] == 0)
            continue
        confirmed = a.pinned or (verdict is not None and verdict.feasible)
        if confirmed and key in pm.x:
            pm.model.add(pm.x[key] == 1)  # "ja": confirmed, pinned
        pm.previous[i] = key
        if key in pm.x:
            start.append(key)
    return start


def sequenced(a: Appointment, rerun: Rerun) -> Appointment:
    """SEQUENCE rises only when the appointment changed (iCalendar updates in place)."""
    before = rerun.previous_of(a.dossier)
    if before is None:
        return a
    same = (before.consultant, before.day, before.start, before.end, before.location) == (
        a.consultant, a.day, a.start, a.end, a.location,
    )  # fmt: skip
    return replace(a, sequence=before.sequence if same else before.sequence + 1)


def _confirmed(a: Appointment, rerun: Rerun) -> Appointment:
    verdict = rerun.verdict(a.dossier)
    before = rerun.previous_of(a.dossier)
    kept = before is not None and (before.consultant, before.day) == (a.consultant, a.day)
    confirmed = (verdict is not None and verdict.feasible) or (before and before.pinned)
    return replace(a, pinned=True) if confirmed and kept else a
