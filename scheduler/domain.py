"""The planning domain as plain, frozen data (SPEC §2 input, §4 output).

Reading and validation happen once, in ``herplan.io``; everything here trusts its
input. Times inside a day are minutes after midnight, local wall-clock time in
the configured zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
WORKWEEK = frozenset(range(5))


@dataclass(frozen=True)
class TimeWindow:
    """A window within a day, in minutes after midnight, ``start < end``."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Settings:
    """Sheet ``Instellingen``; every value has the default of SPEC §2."""

    period_start: date
    period_end: date
    morning: TimeWindow = TimeWindow(9 * 60, 12 * 60 + 30)
    afternoon: TimeWindow = TimeWindow(13 * 60, 17 * 60)
    interview_min: int = 45
    changeover_min: int = 15
    writeup_min: int = 45
    max_plan_age_months: int = 6
    preparation_workdays: int = 2
    holidays: str = "NL"
    timezone: str = "Europe/Amsterdam"
    language: str = "nl"
    time_limit_s: float = 30.0


@dataclass(frozen=True)
class Reassessment:
    """One open reassessment (sheet ``Herindicaties``, one row)."""

    dossier: str
    client: str
    provider: str
    location: str
    indication_end: date
    product: str = ""
    support_plan_date: date | None = None
    new_plan_expected: date | None = None
    begeleider: str = ""
    begeleider_email: str = ""
    attendance_required: bool = True
    unavailable_dates: frozenset[date] = frozenset()
    unavailable_weekdays: frozenset[int] = frozenset()
    preferred_consultant: str = ""
    duration_min: int | None = None
    withdrawn: bool = False
    remark: str = ""

    @property
    def location_key(self) -> tuple[str, str]:
        return (self.provider, self.location)

    def interview_minutes(self, settings: Settings) -> int:
        return self.duration_min or settings.interview_min


@dataclass(frozen=True)
class Consultant:
    """A consultant of the social service (sheet ``Consulenten``)."""

    id: str
    name: str
    email: str = ""
    workdays: frozenset[int] = WORKWEEK
    max_mornings_per_week: int | None = None


@dataclass(frozen=True)
class Absence:
    """A consultant's absence (sheet ``Afwezigheid``); ``part`` is dag/ochtend/middag."""

    consultant: str
    start: date
    end: date
    part: str = "dag"


@dataclass(frozen=True)
class Location:
    """A provider location where interviews can be held (sheet ``Locaties``)."""

    provider: str
    name: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    rooms: int = 1
    open_weekdays: frozenset[int] | None = None
    closed_dates: frozenset[date] = frozenset()
    preferred_weekdays: frozenset[int] = frozenset()
    preferred_dates: frozenset[date] = frozenset()
    contact: str = ""
    contact_email: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.provider, self.name)

    @property
    def full_address(self) -> str:
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (self.address, town) if p)

    @property
    def has_preference(self) -> bool:
        return bool(self.preferred_weekdays or self.preferred_dates)

    def is_preferred(self, day: date) -> bool:
        return day.weekday() in self.preferred_weekdays or day in self.preferred_dates


@dataclass(frozen=True)
class Problem:
    """Validated planning input: everything the scheduler needs, nothing more."""

    settings: Settings
    reassessments: tuple[Reassessment, ...]
    consultants: tuple[Consultant, ...]
    locations: tuple[Location, ...]
    absences: tuple[Absence, ...] = ()
    source: str = ""
    input_sha256: str = ""

    def location(self, key: tuple[str, str]) -> Location:
        return self._locations[key]

    def consultant(self, consultant_id: str) -> Consultant:
        return self._consultants[consultant_id]

    def reassessment(self, dossier: str) -> Reassessment:
        return self._reassessments[dossier]

    # Lookups by key, built once per (immutable) problem; cached_property writes the
    # instance dict directly, which a frozen dataclass allows.
    @cached_property
    def _locations(self) -> dict[tuple[str, str], Location]:
        return {loc.key: loc for loc in self.locations}

    @cached_property
    def _consultants(self) -> dict[str, Consultant]:
        return {c.id: c for c in self.consultants}

    @cached_property
    def _reassessments(self) -> dict[str, Reassessment]:
        return {r.dossier: r for r in self.reassessments}


@dataclass(frozen=True)
class Appointment:
    """A planned reassessment interview and its write-up block."""

    uid: str
    dossier: str
    client: str
    provider: str
    location: str
    consultant: str
    day: date
    start: int
    end: int
    writeup_start: int
    writeup_end: int
    with_: str  # "client" or "begeleider"
    begeleider: str = ""
    sequence: int = 0
    pinned: bool = False


@dataclass(frozen=True)
class Unscheduled:
    """A reassessment that could not be planned, with reason codes (SPEC §3)."""

    dossier: str
    reasons: tuple[str, ...]
    explanation: str
    explanation_en: str = ""


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


@dataclass(frozen=True)
class SolveStats:
    """Quality of one optimisation phase as the solver reports it."""

    name: str
    status: str
    objective: float
    bound: float
    seconds: float  # CP-SAT deterministic time: reproducible, close to seconds of work
    wall_seconds: float = 0.0  # real elapsed time: shown to the user, never written

    @property
    def gap(self) -> float:
        if self.objective == self.bound:
            return 0.0
        return abs(self.objective - self.bound) / max(1.0, abs(self.objective))


@dataclass(frozen=True)
class Verdict:
    """A provider's answer in a returned sheet: ``Haalbaar`` ja/nee and the remark."""

    dossier: str
    feasible: bool
    remark: str = ""
    source: str = ""  # file › sheet › row, for messages


@dataclass(frozen=True)
class Rerun:
    """What a rerun starts from (SPEC §6): the previous plan, today, returned sheets."""

    previous: tuple[Appointment, ...]
    revision: int
    today: date
    verdicts: tuple[Verdict, ...] = ()

    def previous_of(self, dossier: str) -> Appointment | None:
        return self._previous.get(dossier)

    def verdict(self, dossier: str) -> Verdict | None:
        return self._verdicts.get(dossier)

    @cached_property
    def _previous(self) -> dict[str, Appointment]:
        return {a.dossier: a for a in self.previous}

    @cached_property
    def _verdicts(self) -> dict[str, Verdict]:
        return {v.dossier: v for v in self.verdicts}


@dataclass(frozen=True)
class Change:
    """One line of sheet ``Wijzigingen``: what happened to an appointment, and why."""

    dossier: str
    provider: str
    kind: str  # verplaatst, geannuleerd, nieuw, niet_meer_inplanbaar
    reason: str
    before: Appointment | None = None
    after: Appointment | None = None


@dataclass(frozen=True)
class Plan:
    """A complete plan: appointments, unplanned reassessments and statistics."""

    problem: Problem
    appointments: tuple[Appointment, ...]
    unscheduled: tuple[Unscheduled, ...]
    renewals: tuple[PlanRenewal, ...]
    phases: tuple[SolveStats, ...]
    created: str
    revision: int = 1
    seed: int = 0
    changes: tuple[Change, ...] = ()
    cancelled: tuple[Appointment, ...] = ()  # previous appointments that were dropped

    @property
    def visits(self) -> int:
        return len({(a.consultant, a.day) for a in self.appointments})

    @property
    def location_days(self) -> int:
        return len({(a.provider, a.location, a.day) for a in self.appointments})
