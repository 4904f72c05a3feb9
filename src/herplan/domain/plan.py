"""The plan: the appointments, what could not be planned and why, the changes since the
previous revision, and how well each solver phase did; ``herplan.io`` writes it to files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol

from herplan.domain.appointment import Appointment, is_held
from herplan.domain.codes import Cause, ChangeKind, PhaseStatus, Reason
from herplan.domain.problem import Problem
from herplan.domain.revisions import Invitation, StaleAnswer, Verdict
from herplan.findings import Finding


@dataclass(frozen=True)
class Unscheduled:
    """A reassessment that could not be planned: reason codes (README, The rules) and the facts
    its explanation is made of (dates, counts); ``herplan.io`` renders the words."""

    dossier: str
    reasons: tuple[Reason, ...]
    facts: dict[str, object] = field(default_factory=dict, hash=False)

    @property
    def main_reason(self) -> Reason:
        """The reason a provider can act on first (the first code)."""
        return self.reasons[0]


@dataclass(frozen=True)
class PlanRenewal:
    """A support plan that must be renewed, and by when (sheet Ondersteuningsplannen)."""

    dossier: str
    provider: str
    location: str
    client: str
    plan_date: date | None
    valid_until: date | None
    promised: date | None
    needed_by: date | None
    planned_day: date | None


class PhaseResult(Protocol):
    """How one optimisation phase ended, as a plan reports it (the quality lines,
    sheet Overzicht's Technisch part, ``plan.json``'s ``stats``).

    The engine makes these (``herplan.scheduler.solve_stats.SolveStats``) and says what
    its statuses and bounds mean; the plan only carries them to the files. ``status``
    is ``OPTIMAL``, ``FEASIBLE``, ``UNKNOWN``, ``INFEASIBLE`` or ``NOT_RUN``; ``gap`` is
    ``None`` when nothing was proven; ``work`` is the reproducible solve time written
    to the files, ``wall_seconds`` the real time shown to the user only; ``headline``
    marks the phases whose gap is the plan's, ``unit`` what the objective counts.
    """

    @property
    def name(self) -> str: ...
    @property
    def status(self) -> PhaseStatus: ...
    @property
    def objective(self) -> float: ...
    @property
    def bound(self) -> float | None: ...
    @property
    def gap(self) -> float | None: ...
    @property
    def work(self) -> float: ...
    @property
    def wall_seconds(self) -> float: ...
    @property
    def headline(self) -> bool: ...
    @property
    def unit(self) -> str: ...


@dataclass(frozen=True)
class Change:
    """One line of sheet ``Wijzigingen``: what happened to an appointment, and why.

    ``kind`` a ``ChangeKind`` and ``cause`` a ``Cause`` (``herplan.domain.codes``), which
    the words catalogue renders;
    ``remark`` is the provider's own remark with a ``nee`` or ``ja``;
    ``reasons`` the reason codes when it can no longer be planned. An
    appointment nothing forced to move (cause ``more`` or ``time``) moved to
    make room for reassessment ``made_room_for``, planned because of
    ``room_cause`` (its own release cause, or ``new``: not planned before).
    """

    dossier: str
    provider: str
    kind: ChangeKind
    cause: Cause
    before: Appointment | None = None
    after: Appointment | None = None
    remark: str = ""
    reasons: tuple[Reason, ...] = ()
    conflict: bool = False  # a confirmed appointment that could not stay
    made_room_for: str = ""
    room_cause: Cause | None = None


@dataclass(frozen=True)
class ConsultantTime:
    """When a consultant can hold interviews in the period (rules 2 and 4).

    ``days``: working weekdays without a holiday or any absence; ``usable``:
    how many of those mornings the weekly caps let them use.
    """

    consultant: str
    days: frozenset[date]
    usable: int


@dataclass(frozen=True)
class Plan:
    """A complete plan: appointments, unplanned reassessments and statistics."""

    problem: Problem
    appointments: tuple[Appointment, ...]
    unscheduled: tuple[Unscheduled, ...]
    renewals: tuple[PlanRenewal, ...]
    phases: tuple[PhaseResult, ...]  # how each solver phase ended
    created: str
    revision: int = 1
    seed: int = 0
    changes: tuple[Change, ...] = ()
    cancelled: tuple[Appointment, ...] = ()  # previous appointments that were dropped
    wave: str = ""
    uids: dict[str, str] = field(default_factory=dict, hash=False)  # every UID issued
    retired: frozenset[str] = frozenset()  # cancelled UIDs, never issued again
    people: dict[str, tuple[str, str]] = field(default_factory=dict, hash=False)
    start_planned: int = 0  # the run's first plan: it never writes fewer
    stale: tuple[StaleAnswer, ...] = ()
    late: tuple[Verdict, ...] = ()  # answers that came after their interview was held
    answer_conflicts: tuple[Finding, ...] = ()  # README, Answers online
    # the last online answer this revision took: none up to it is ever taken again, even
    # when the run was killed between writing the folder and marking them in the store
    answers_seen: int = 0
    file_names: dict[str, dict[str, str]] = field(default_factory=dict, hash=False)
    invited_before: tuple[Invitation, ...] = ()  # the previous revision's invitations
    staff: tuple[ConsultantTime, ...] = ()  # each consultant's available mornings
    today: date | None = None  # the day planned as: what stands on or before it is held
    # provider -> its personal answer link (README, Answers online); in its workbook and
    # e-mails only, never in plan.json
    answer_links: dict[str, str] = field(default_factory=dict, hash=False)
    # dossier -> why the planner moved its confirmed appointment by hand (in its e-mails)
    hand_reasons: dict[str, str] = field(default_factory=dict, hash=False)

    def held(self, a: Appointment) -> bool:
        """Held already, as of the day the plan was made: no answer is asked any more."""
        return self.today is not None and is_held(a.day, self.today)

    def available(self, consultant: str, day: date) -> bool:
        """May ``consultant`` hold interviews on ``day`` (for the roster's empty cells)?"""
        return day in self._days.get(consultant, ())

    @cached_property
    def _days(self) -> dict[str, frozenset[date]]:
        return {t.consultant: t.days for t in self.staff}

    @property
    def visits(self) -> int:
        return len({(a.consultant, a.day) for a in self.appointments})

    @property
    def location_days(self) -> int:
        return len({(a.provider, a.location, a.day) for a in self.appointments})
