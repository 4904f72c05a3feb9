"""From a validated ``Problem`` to a ``Plan``: build, solve, time, explain.

This is the library entry point the command line calls (STYLE §6); everything
the CLI does is callable from Python through ``make_plan``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from herplan.constraints import HARD_RULES, OBJECTIVES
from herplan.constraints.base import Objective, Rule
from herplan.constraints.client_availability import held_with
from herplan.constraints.support_plan_freshness import current_plan_valid
from herplan.scheduler.domain import Appointment, Plan, Problem, Reassessment
from herplan.scheduler.explain import renewal, unscheduled_entry, withdrawn_entry
from herplan.scheduler.model import build_variables
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
    objectives: Sequence[Objective] = OBJECTIVES,
    created: datetime | None = None,
) -> Plan:
    """Plan ``problem``: every hard rule holds, objectives in priority order."""
    options = options or SolverOptions(time_limit_s=problem.settings.time_limit_s)
    pm = build_variables(problem, rules)
    result = solve(pm, objectives, options)

    chosen = [(pm.reassessments[i], cid, day) for i, cid, day in result.chosen]
    appointments = tuple(
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
        for t in assign_times(chosen, problem.settings)
    )
    planned_day = {i: day for i, _cid, day in result.chosen}
    unscheduled = [withdrawn_entry(r) for r in problem.reassessments if r.withdrawn]
    renewals = []
    for i, r in enumerate(pm.reassessments):
        day = planned_day.get(i)
        if day is None:
            unscheduled.append(unscheduled_entry(pm, i))
        entry = renewal(pm, i, day, day is not None and current_plan_valid(problem, r, day))
        if entry is not None:
            renewals.append(entry)

    order = {r.dossier: n for n, r in enumerate(problem.reassessments)}
    return Plan(
        problem=problem,
        appointments=tuple(sorted(appointments, key=lambda a: (a.day, a.consultant, a.start))),
        unscheduled=tuple(sorted(unscheduled, key=lambda u: order[u.dossier])),
        renewals=tuple(renewals),
        phases=tuple(result.phases),
        created=(created or datetime.now().astimezone()).isoformat(timespec="seconds"),
        seed=options.seed,
    )
