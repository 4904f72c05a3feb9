"""The guard before anything is written (README, Rerun after cancellations).

A plan is re-checked, without the solver, against every hard rule (each
rule's own ``violations``), against its own consistency (each open
reassessment planned once or listed with a reason, nothing withdrawn planned,
the input's provider, location and client), and on a rerun against every
promise: history kept, every ``nee`` honoured, every confirmed appointment
kept (or reported as a conflict), nothing untouched dropped, and nothing
untouched moved unless its change names the newly planned reassessment it
made room for. And a run never plans fewer than its own first
plan. If anything fails, ``PlanRejected`` says what, and nothing is written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from herplan.domain.appointment import Appointment
from herplan.domain.plan import Plan
from herplan.domain.revisions import Rerun
from herplan.facts import PlanFacts, held_mornings
from herplan.findings import Code, Finding, Subject, at
from herplan.scheduler.rerun import RerunStart

if TYPE_CHECKING:
    from herplan.constraints.base import Rule

MAX_LISTED = 20


@dataclass(frozen=True)
class Broken:
    """A hard rule's own finding on the plan (its words are chosen where it is shown)."""

    rule: int
    name: str
    finding: Finding


Failure = Finding | Broken


def _coded(finding: Finding) -> str:
    """A finding by its code and values, for where no words are at hand."""
    values = ", ".join(f"{k}={v}" for k, v in finding.values)
    return f"{finding.code}" + (f" ({values})" if values else "") + f" {finding.subject}"


class PlanRejected(Exception):
    """The plan breaks a rule or a promise; nothing may be written. Every failure is a
    finding (a rule's one wrapped in ``Broken``); the words are chosen where it is shown."""

    def __init__(self, failures: Sequence[Failure]) -> None:
        self.failures = list(failures)
        super().__init__(self.said(_coded))

    @property
    def findings(self) -> list[Finding]:
        """The failures as findings, at most ``MAX_LISTED``, then how many more there are."""
        found = [f.finding if isinstance(f, Broken) else f for f in self.failures]
        return found[:MAX_LISTED] + _more(len(found))

    def said(self, words: Callable[[Finding], str]) -> str:
        """The failures, each finding in ``words`` (a rule's after its number and name);
        at most ``MAX_LISTED`` of them."""
        lines = [
            f"rule {f.rule} ({f.name}): {words(f.finding)}" if isinstance(f, Broken) else words(f)
            for f in self.failures[:MAX_LISTED]
        ]
        return "; ".join([*lines, *map(words, _more(len(self.failures)))])


def _more(count: int) -> list[Finding]:
    """How many failures are not listed, as a finding (none when all are)."""
    more = count - MAX_LISTED
    return [Finding.of(Code.MORE_FAILURES, more=more)] if more > 0 else []


def violations(
    plan: Plan,
    rules: Sequence[Rule],
    rerun: Rerun | None = None,
    start: RerunStart | None = None,
) -> list[Failure]:
    """Everything wrong with ``plan``; an empty list means it may be written."""
    past = {a.dossier: a for a in (start.past if start else ())}
    future = tuple(a for a in plan.appointments if a.dossier not in past)
    found: list[Failure] = [*_consistency(plan, past, future)]
    if found:
        return found  # the rules below assume a consistent plan
    pinned = {}
    if rerun is not None and start is not None:
        for dossier in start.confirmed:
            before = start.placed.get(dossier) or rerun.previous_of(dossier)
            if before is not None:
                pinned[dossier] = (before.consultant, before.day, before.start)
    facts = PlanFacts(plan.problem, future, held_mornings(past.values()), pinned)
    for rule in rules:
        if rule.violations is not None:
            found += [Broken(rule.number, rule.name, v) for v in rule.violations(facts)]
    if rerun is not None and start is not None:
        found += _promises(plan, rerun, start)
    if len(future) < plan.start_planned:
        found.append(
            Finding.of(Code.FEWER_THAN_FIRST_PLAN, planned=len(future), first=plan.start_planned)
        )
    return found


def _consistency(
    plan: Plan, past: dict[str, Appointment], future: tuple[Appointment, ...]
) -> list[Failure]:
    """Each open reassessment planned once or listed with a reason, as the input has it."""
    found: list[Failure] = []
    counts = Counter(a.dossier for a in plan.appointments)
    found += [
        Finding.of(Code.PLANNED_TWICE, Subject(dossier=d), times=n)
        for d, n in sorted(counts.items())
        if n > 1
    ]
    cases = {r.dossier: r for r in plan.problem.reassessments}
    for a in future:
        r = cases.get(a.dossier)
        if r is None:
            found.append(Finding.of(Code.NOT_IN_INPUT, at(a)))
        elif r.withdrawn:
            found.append(Finding.of(Code.WITHDRAWN_BUT_PLANNED, at(a)))
        elif (a.provider, a.location, a.client) != (r.provider, r.location, r.client):
            found.append(Finding.of(Code.DIFFERS_FROM_INPUT, at(a)))
    listed = {u.dossier: u for u in plan.unscheduled}
    times_listed = Counter(u.dossier for u in plan.unscheduled)
    for r in plan.problem.reassessments:
        if r.dossier in past:
            continue
        planned, unlisted = counts.get(r.dossier, 0), times_listed.get(r.dossier, 0)
        case = Subject(dossier=r.dossier)
        if planned + unlisted != 1:
            found.append(
                Finding.of(Code.PLANNED_AND_LISTED, case, planned=planned, listed=unlisted)
            )
        elif unlisted and not listed[r.dossier].reasons:
            found.append(Finding.of(Code.LISTED_WITHOUT_REASON, case))
    return found


def _promises(plan: Plan, rerun: Rerun, start: RerunStart) -> list[Failure]:
    found: list[Failure] = []
    now = {a.dossier: a for a in plan.appointments}
    for a in start.past:
        kept = now.get(a.dossier)
        if kept is None or (kept.consultant, kept.day, kept.start) != (
            a.consultant,
            a.day,
            a.start,
        ):
            found.append(Finding.of(Code.HELD_NOT_KEPT, at(a)))
    for v in rerun.verdicts:
        before = rerun.previous_of(v.dossier)
        after = now.get(v.dossier)
        if v.feasible or before is None or rerun.held(before) or after is None:
            continue
        case = Subject(dossier=v.dossier)
        if v.same_day:
            if after.day != before.day and v.dossier not in start.day_gone:
                found.append(
                    Finding.of(Code.SAME_DAY_MOVED, case, day=before.day, moved_to=after.day)
                )
        elif after.day == before.day:
            found.append(Finding.of(Code.NEE_DAY_KEPT, case, day=before.day))
    # Planned now and not kept: released ones planned again, and new ones.
    newly = {
        a.dossier
        for a in plan.appointments
        if not rerun.held(a)
        and (a.dossier in start.released or rerun.previous_of(a.dossier) is None)
    }
    room = {c.dossier: c.made_room_for for c in plan.changes}
    for before in rerun.previous:
        if rerun.held(before) or before.dossier in start.released:
            continue
        after = now.get(before.dossier)
        confirmed = before.dossier in start.confirmed
        if after is None:
            found.append(Finding.of(Code.DROPPED_WITHOUT_CAUSE, at(before)))
            continue
        moved = (after.consultant, after.day, after.start) != (
            before.consultant,
            before.day,
            before.start,
        )
        if moved and not confirmed and room.get(before.dossier, "") not in newly:
            found.append(Finding.of(Code.MOVED_WITHOUT_ROOM, at(before)))
    return found


def check(
    plan: Plan,
    rules: Sequence[Rule],
    rerun: Rerun | None = None,
    start: RerunStart | None = None,
) -> None:
    """Raise ``PlanRejected`` when ``plan`` breaks a rule or a promise."""
    failures = violations(plan, rules, rerun, start)
    if failures:
        raise PlanRejected(failures)
