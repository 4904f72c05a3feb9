"""The history of revisions (README, Rerun after cancellations): what one revision invited,
the providers' answers to it, the places the planner chose, and what a rerun starts from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from herplan.domain.appointment import Appointment, first_open_day, is_held
from herplan.domain.codes import AnswerCode, InvitationKind, Role
from herplan.findings import Finding


@dataclass(frozen=True)
class Invitation:
    """One calendar entry that one person was invited to by e-mail (README, Calendars; iMIP).

    ``kind`` is ``gesprek`` (the interview) or ``uitwerking`` (the write-up
    block); ``role`` the recipient's: ``begeleider``, ``contactpersoon`` (the
    location's contact, when no begeleider e-mail is known) or ``consulent``.
    A plan records the invitations its outbox brings about, so the next
    revision sends only what differs: a new or changed one, or a CANCEL for
    one that is gone.
    """

    uid: str
    to: str
    name: str
    role: Role
    kind: InvitationKind
    dossier: str
    sequence: int

    @property
    def key(self) -> tuple[str, str]:
        return (self.uid, self.to.casefold())


@dataclass(frozen=True)
class Verdict:
    """A provider's answer in a returned sheet: ``Haalbaar`` ja/nee and the remark."""

    dossier: str
    feasible: bool
    remark: str = ""
    source: str = ""  # file › sheet › row, for messages
    same_day: bool = False  # "zelfde dag, andere tijd": keep the day, not the time

    @property
    def answer(self) -> AnswerCode:
        """``ja``, ``nee`` or ``zelfde_dag``."""
        if self.feasible:
            return AnswerCode.YES
        return AnswerCode.SAME_DAY if self.same_day else AnswerCode.NO


@dataclass(frozen=True)
class StaleAnswer:
    """An answer given for an appointment that has changed since the sheet was sent."""

    verdict: Verdict


@dataclass(frozen=True)
class Choice:
    """A place the planner chose for one reassessment (README, Suggestions): pinned in
    the rerun like a ``ja``; ``moves`` are the appointments moved to make room for
    it, each at its new place (not pinned)."""

    place: Appointment
    moves: tuple[Appointment, ...] = ()


@dataclass(frozen=True)
class Rerun:
    """What a rerun starts from (README, Rerun after cancellations): the previous plan, today,
    returned sheets.

    ``wave`` identifies the December wave: a reassessment's calendar UID comes
    from it and the dossier, so it stays the same whatever the settings;
    ``uids`` are the UIDs issued so far and ``retired`` those that were
    cancelled (never used again); ``people`` the previous plan's consultants
    (name and e-mail), so a consultant removed from the input still gets the
    cancellations of their appointments.
    """

    previous: tuple[Appointment, ...]
    revision: int
    today: date
    verdicts: tuple[Verdict, ...] = ()
    wave: str = ""
    uids: dict[str, str] = field(default_factory=dict, hash=False)
    retired: frozenset[str] = frozenset()
    people: dict[str, tuple[str, str]] = field(default_factory=dict, hash=False)
    stale: tuple[StaleAnswer, ...] = ()
    late: tuple[Verdict, ...] = ()  # answers on an appointment held by today: listed, not applied
    answer_conflicts: tuple[Finding, ...] = ()  # answers disagreed, a choice fell through
    picked_online: tuple[str, ...] = ()  # DOSSIER=PLACE a provider picked with its nee
    answers_seen: int = 0  # the last online answer read (marked as taken once written)
    file_names: dict[str, dict[str, str]] = field(default_factory=dict, hash=False)
    invitations: tuple[Invitation, ...] = ()  # what the earlier outboxes invited
    chosen: tuple[Choice, ...] = ()  # places the planner chose (``--choose``)

    def previous_of(self, dossier: str) -> Appointment | None:
        return self._previous.get(dossier)

    def held(self, a: Appointment) -> bool:
        """Was ``a`` held already (on or before today)? Then it stays exactly as it was."""
        return is_held(a.day, self.today)

    @property
    def first_day(self) -> date:
        """The first day this rerun may place or move an interview on."""
        return first_open_day(self.today)

    def verdict(self, dossier: str) -> Verdict | None:
        return self._verdicts.get(dossier)

    @cached_property
    def _previous(self) -> dict[str, Appointment]:
        return {a.dossier: a for a in self.previous}

    @cached_property
    def _verdicts(self) -> dict[str, Verdict]:
        return {v.dossier: v for v in self.verdicts}
