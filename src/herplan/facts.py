"""A finished plan as the rules check it: the appointments and their groupings.

Each hard rule's ``violations(facts)`` reads a plan through this view, with no
solver involved: the guard before anything is written (``verify``) and the
rules' own solver-free tests both use it. Appointments held before a rerun's
today are history: they are not checked again, but the mornings they took
count against the weekly cap (``held``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from herplan.calendar import iso_week
from herplan.domain.appointment import Appointment
from herplan.domain.problem import Problem, Reassessment
from herplan.findings import Code, Finding, at


@dataclass(frozen=True)
class PlanFacts:
    """The appointments to check, grouped the ways the rules look at them."""

    problem: Problem
    appointments: tuple[Appointment, ...]
    held: Mapping[tuple[str, tuple[int, int]], int] = field(default_factory=dict)
    # A rerun's confirmed appointments: dossier -> (consultant, day, start) they must keep.
    pinned: Mapping[str, tuple[str, date, int]] = field(default_factory=dict)

    def case(self, a: Appointment) -> Reassessment:
        return self.problem.reassessment(a.dossier)

    @cached_property
    def mornings(self) -> dict[tuple[str, date], list[Appointment]]:
        """A consultant's interviews of one day, in clock order."""
        groups: dict[tuple[str, date], list[Appointment]] = defaultdict(list)
        for a in sorted(self.appointments, key=lambda a: (a.start, a.dossier)):
            groups[(a.consultant, a.day)].append(a)
        return dict(groups)

    @cached_property
    def location_days(self) -> dict[tuple[tuple[str, str], date], list[Appointment]]:
        groups: dict[tuple[tuple[str, str], date], list[Appointment]] = defaultdict(list)
        for a in self.appointments:
            groups[((a.provider, a.location), a.day)].append(a)
        return dict(groups)

    @cached_property
    def weeks(self) -> dict[tuple[str, tuple[int, int]], int]:
        """Mornings per consultant and ISO week, held ones included."""
        count: dict[tuple[str, tuple[int, int]], int] = defaultdict(int)
        count.update(self.held)
        for cid, day in self.mornings:
            count[(cid, iso_week(day))] += 1
        return dict(count)


def held_mornings(past: Iterable[Appointment]) -> dict[tuple[str, tuple[int, int]], int]:
    """Mornings already held before a rerun, per consultant and ISO week (rule 4's cap)."""
    held: Counter = Counter()
    for cid, day in {(a.consultant, a.day) for a in past}:
        held[(cid, iso_week(day))] += 1
    return dict(held)


def refused_days(
    allows_day: Callable[[Problem, Reassessment, date], bool], code: Code
) -> Callable[[PlanFacts], list[Finding]]:
    """A rule's check on a finished plan from its day filter: no appointment on a refused day."""

    def violations(facts: PlanFacts) -> list[Finding]:
        return [
            Finding.of(code, at(a))
            for a in facts.appointments
            if not allows_day(facts.problem, facts.case(a), a.day)
        ]

    return violations
