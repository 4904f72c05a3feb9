"""What every rule allows: candidate days per reassessment, consultants per day.

This is the one place where the rules' day and consultant filters are applied.
The CP-SAT model, the hand planner, the construction and local searches, the
bounds and the explanations all read the same ``Candidates``, so a heuristic
can never hint a day the model forbids, and an explanation never names a
reason the model did not see (docs/design.md). A rerun adds what it forbids:
days before its today, and the day a provider answered ``nee`` for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from herplan.calendar import is_working_day, iso_week, period_days
from herplan.capacity_model import MorningCapacity
from herplan.constraints.views import LocKey, Week
from herplan.domain.codes import Reason
from herplan.domain.problem import Problem, Reassessment, Settings

if TYPE_CHECKING:
    from herplan.constraints.base import Rule

DECLINED = Reason.CLIENT_UNAVAILABLE  # a provider's "nee": the client cannot that day


@dataclass
class Candidates:
    """Allowed days per open reassessment and available consultants per day."""

    problem: Problem
    cases: list[Reassessment]
    days: list[date]
    capacity: MorningCapacity = field(default_factory=MorningCapacity)  # rules 1-3
    weekly_caps: bool = False  # rule 4 caps a consultant's mornings per week
    worker_one_morning: bool = False  # rule 8: a begeleider's day in one morning
    available: dict[date, list[str]] = field(default_factory=dict)
    candidate_days: dict[int, list[date]] = field(default_factory=dict)
    excluded: dict[int, dict[date, tuple[Reason, ...]]] = field(default_factory=dict)
    slots: dict[LocKey, int] = field(default_factory=dict)
    held: dict[tuple[str, Week], int] = field(default_factory=dict)
    declined: dict[int, frozenset[date]] = field(default_factory=dict)
    first_day: date | None = None  # days before it are not planned (README, Today)

    @property
    def settings(self) -> Settings:
        return self.problem.settings

    @cached_property
    def index(self) -> dict[str, int]:
        return {r.dossier: i for i, r in enumerate(self.cases)}

    @cached_property
    def _day_sets(self) -> dict[int, frozenset[date]]:
        return {i: frozenset(days) for i, days in self.candidate_days.items()}

    @cached_property
    def _available_sets(self) -> dict[date, frozenset[str]]:
        return {d: frozenset(cids) for d, cids in self.available.items()}

    def allows(self, i: int, consultant: str, day: date) -> bool:
        """May reassessment ``i`` be interviewed by ``consultant`` on ``day``?"""
        return day in self._day_sets[i] and consultant in self._available_sets.get(day, ())

    def location(self, i: int) -> LocKey:
        return self.cases[i].location_key

    @property
    def gap(self) -> int:
        """Change-over minutes between interviews (rule 3)."""
        return self.capacity.changeover

    @cached_property
    def block(self) -> dict[int, int]:
        """Minutes an interview takes of a morning: its length plus the change-over."""
        s = self.settings
        return {i: self.capacity.block(r.interview_minutes(s)) for i, r in enumerate(self.cases)}

    @cached_property
    def worker(self) -> dict[int, str]:
        """The begeleider as a key (case and spaces ignored); empty when none."""
        return {i: " ".join(r.begeleider.split()).casefold() for i, r in enumerate(self.cases)}

    @property
    def morning_room(self) -> int:
        """A morning holds interviews whose blocks add up to this (rules 1 and 3)."""
        room = self.capacity.room
        return 10**9 if room is None else room

    @property
    def writeups(self) -> int:
        """Write-ups one afternoon holds (rule 2)."""
        most = self.capacity.writeups
        return 10**6 if most is None else most

    @cached_property
    def available_mornings(self) -> dict[str, int]:
        """Mornings each consultant can work in the period: days available, within caps."""
        weeks: dict[tuple[str, Week], int] = {}
        for day in self.days:
            for cid in self.available.get(day, ()):
                key = (cid, iso_week(day))
                weeks[key] = weeks.get(key, 0) + 1
        total: dict[str, int] = {}
        for (cid, week), n in weeks.items():
            left = self.cap_left(cid, week)
            total[cid] = total.get(cid, 0) + (n if left is None else min(n, left))
        return {c.id: total.get(c.id, 0) for c in self.problem.consultants}

    def cap_left(self, consultant: str, week: Week) -> int | None:
        """Mornings the consultant may still hold in ``week`` (rule 4), ``None``: no cap."""
        if not self.weekly_caps:
            return None
        cap = self.problem.consultant(consultant).weekly_cap(week)
        if cap is None:
            return None
        return max(0, cap - self.held.get((consultant, week), 0))

    @cached_property
    def plannable(self) -> list[int]:
        return [i for i, days in self.candidate_days.items() if days]

    @cached_property
    def by_location_day(self) -> dict[tuple[LocKey, date], list[int]]:
        groups: dict[tuple[LocKey, date], list[int]] = {}
        for i, days in self.candidate_days.items():
            for day in days:
                groups.setdefault((self.location(i), day), []).append(i)
        return groups


def staffing(
    problem: Problem, rules: Sequence[Rule], days: Sequence[date]
) -> dict[date, list[str]]:
    """The consultants every rule's consultant filter lets interview on each day."""
    tests = [r.consultant_available for r in rules if r.consultant_available is not None]
    return {
        day: [c.id for c in problem.consultants if all(ok(problem, c, day) for ok in tests)]
        for day in days
    }


def consultant_mornings(problem: Problem, rules: Sequence[Rule]) -> Candidates:
    """Who can work which morning of the whole period, without any reassessment's days.

    Enough for ``available_mornings`` (the overview's load figures) at a
    fraction of ``find_candidates``' cost.
    """
    days = period_days(problem.settings)
    return Candidates(
        problem=problem,
        cases=[],
        days=days,
        capacity=morning_capacity(rules, problem.settings),
        weekly_caps=any(rule.weekly_cap for rule in rules),
        available=staffing(problem, rules, days),
    )


def morning_capacity(rules: Sequence[Rule], settings: Settings) -> MorningCapacity:
    """What one consultant-morning holds under ``rules`` (each declares its part)."""
    return MorningCapacity.of(rule.morning(settings) for rule in rules if rule.morning)


def find_candidates(
    problem: Problem,
    rules: Sequence[Rule],
    first_day: date | None = None,
    held: Sequence[tuple[str, date]] = (),
    declined: Mapping[str, frozenset[date]] | None = None,
) -> Candidates:
    """Apply every rule's day and consultant filter to the open reassessments.

    ``first_day`` (the day after today) leaves out the days before it; ``held``
    lists the (consultant, day) mornings already held before it, which count
    against the weekly caps; ``declined`` maps a dossier to the days its
    provider answered ``nee`` for.
    """
    declined = declined or {}
    open_cases = [r for r in problem.reassessments if not r.withdrawn]
    days = [d for d in period_days(problem.settings) if first_day is None or d >= first_day]
    cands = Candidates(
        problem=problem,
        cases=open_cases,
        days=days,
        capacity=morning_capacity(rules, problem.settings),
        weekly_caps=any(rule.weekly_cap for rule in rules),
        worker_one_morning=any(rule.worker_one_morning for rule in rules),
        first_day=first_day,
    )
    for cid, day in sorted(set(held)):
        week = (cid, iso_week(day))
        cands.held[week] = cands.held.get(week, 0) + 1
    day_rules = [(rule, rule.allows_day) for rule in rules if rule.allows_day is not None]
    slot_limits = [rule.slots for rule in rules if rule.slots is not None]
    cands.available = staffing(problem, rules, days)
    for loc in problem.locations:
        limits = [slots(problem, loc) for slots in slot_limits]
        cands.slots[loc.key] = min([len(problem.consultants), *limits])
    for i, r in enumerate(open_cases):
        refused = declined.get(r.dossier, frozenset())
        if refused:
            cands.declined[i] = refused
        excluded: dict[date, tuple[Reason, ...]] = {}
        allowed: list[date] = []
        for day in days:
            failing = tuple(
                rule.reason_code(problem, r)
                for rule, allows in day_rules
                if not allows(problem, r, day)
            )
            if day in refused:
                failing += (DECLINED,)
            if not cands.available[day]:
                failing += (Reason.NO_CONSULTANT,)
            if not failing:
                allowed.append(day)
            elif is_working_day(day, problem.settings):
                excluded[day] = failing
        cands.excluded[i] = excluded
        cands.candidate_days[i] = allowed
    return cands
