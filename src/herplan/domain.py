"""The planning domain as plain, frozen data (README: Input, Outputs).

The workbook reader (``herplan.io``) reports every problem of a file with its
row and column; a ``Problem`` built in Python is checked on construction and
raises ``ValueError`` naming the field and value (unknown references,
duplicates, a reversed period, settings that contradict each other), so the
scheduler can trust what it gets. Times inside a day are minutes after
midnight, local wall-clock time in the configured zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache

WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
WORKWEEK = frozenset(range(5))


def is_held(day: date, today: date) -> bool:
    """A day on or before today is under way or past (README, Today): what stands on it
    is held as it is, and nothing new is planned there."""
    return day <= today


def first_open_day(today: date) -> date:
    """The first day a plan may still place or move an interview on: tomorrow."""
    return today + timedelta(days=1)


@dataclass(frozen=True)
class TimeWindow:
    """A window within a day, in minutes after midnight, ``start < end``."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start


@lru_cache(maxsize=32)
def _public_holidays(country: str, years: tuple[int, ...]) -> frozenset[date]:
    """Public holidays of ``country`` (ISO code, e.g. ``NL``) in ``years``; none for ``geen``."""
    if not country or country.lower() in {"geen", "none", "-"}:
        return frozenset()
    import holidays  # loads every country: only when asked

    return frozenset(holidays.country_holidays(country.upper(), years=years).keys())


@dataclass(frozen=True)
class Settings:
    """Sheet ``Instellingen``; every value has the default of README, Input."""

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
    organizer_name: str = ""
    organizer_email: str = ""
    planner_name: str = ""
    planner_email: str = ""
    planner_phone: str = ""
    answer_workdays: int = 5
    retention_months: int = 3  # the page keeps a planning this long after the period ends

    @cached_property
    def holiday_dates(self) -> frozenset[date]:
        """The public holidays of the period's years and one either side.

        Kept with the settings (and so in a cached problem): asked for every day,
        and the holidays library takes a tenth of a second to load.
        """
        years = tuple(range(self.period_start.year - 1, self.period_end.year + 2))
        return _public_holidays(self.holidays, years)

    def problems(self) -> list[tuple[str, str]]:
        """Settings that contradict each other, as (setting, what is wrong)."""
        found: list[tuple[str, str]] = []
        if self.period_end < self.period_start:
            found.append(("periode_eind", "the period ends before it starts"))
        if self.morning.start >= self.morning.end:
            found.append(("ochtend", "the morning ends before it starts"))
        if self.afternoon.start >= self.afternoon.end:
            found.append(("middag", "the afternoon ends before it starts"))
        if self.afternoon.start < self.morning.end:
            found.append(
                (
                    "middag",
                    "the afternoon must start after the morning ends "
                    f"({self.morning.end // 60:02d}:{self.morning.end % 60:02d})",
                )
            )
        if self.interview_min > self.morning.minutes:
            found.append(
                (
                    "gespreksduur_min",
                    f"an interview of {self.interview_min} minutes does "
                    f"not fit in the morning of {self.morning.minutes} minutes",
                )
            )
        if self.writeup_min > self.afternoon.minutes:
            found.append(
                (
                    "uitwerktijd_min",
                    f"a write-up of {self.writeup_min} minutes does not "
                    f"fit in the afternoon of {self.afternoon.minutes} minutes",
                )
            )
        return found


@dataclass(frozen=True)
class Reassessment:
    """One open reassessment (sheet ``Herindicaties``, one row)."""

    dossier: str
    client: str
    provider: str
    location: str
    indication_end: date
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
    """A consultant of the social service (sheet ``Consulenten``).

    ``extra_mornings`` are dates on which they hold one interview morning more
    than their week allows (README, Capacity advice): a day they do not usually
    work, or a morning above their weekly cap. Each counts on top of the cap of
    its ISO week; a public holiday or a day away stays one.
    """

    id: str
    name: str
    email: str = ""
    workdays: frozenset[int] = WORKWEEK
    max_mornings_per_week: int | None = None
    extra_mornings: frozenset[date] = frozenset()

    def works_on(self, day: date) -> bool:
        """A weekday they work, or one of their extra mornings (rule 4)."""
        return day.weekday() in self.workdays or day in self.extra_mornings

    def weekly_cap(self, week: tuple[int, int]) -> int | None:
        """Mornings they may hold in ISO ``week``: the cap and the extra mornings in it."""
        cap = self.max_mornings_per_week
        if cap is None or not self.extra_mornings:  # asked very often: the usual case first
            return cap
        return cap + sum(1 for d in self.extra_mornings if d.isocalendar()[:2] == week)


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

    def __post_init__(self) -> None:
        errors = [f"settings.{key}: {message}" for key, message in self.settings.problems()]
        ids = _unique(errors, "consultants: id", [c.id for c in self.consultants])
        places = _unique(errors, "locations:", [loc.key for loc in self.locations])
        errors += [f"locations: {loc.name!r} has rooms={loc.rooms}; at least 1"
                   for loc in self.locations if loc.rooms < 1]  # fmt: skip
        _unique(errors, "reassessments: dossier", [r.dossier for r in self.reassessments])
        for r in self.reassessments:
            errors += _case_problems(r, places, ids)
        for a in self.absences:
            if a.consultant not in ids:
                errors.append(f"absences: consultant {a.consultant!r} is not a consultant")
            if a.end < a.start:
                errors.append(f"absences: {a.consultant!r} ends {a.end} before {a.start}")
        if errors:
            raise ValueError("; ".join(errors))

    @property
    def consultants_by_id(self) -> dict[str, Consultant]:
        return self._consultants

    @property
    def reassessments_by_dossier(self) -> dict[str, Reassessment]:
        return self._reassessments

    def location(self, key: tuple[str, str]) -> Location:
        return self._locations[key]

    def address(self, key: tuple[str, str]) -> str:
        """The location's address; empty for a location no longer in the input (history)."""
        loc = self._locations.get(key)
        return loc.full_address if loc is not None else ""

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


def _unique(errors: list[str], what: str, keys: list) -> set:
    """The keys, each said once in ``errors`` when it appears twice."""
    seen: set = set()
    for key in keys:
        if key in seen:
            shown = " / ".join(repr(k) for k in key) if isinstance(key, tuple) else repr(key)
            errors.append(f"{what} {shown} appears twice")
        seen.add(key)
    return seen


def _case_problems(
    r: Reassessment, places: set[tuple[str, str]], consultants: set[str]
) -> list[str]:
    found = []
    if r.location_key not in places:
        found.append(f"reassessments: dossier {r.dossier!r} has location {r.provider!r} / "
                     f"{r.location!r}, which is not in locations")  # fmt: skip
    if r.preferred_consultant and r.preferred_consultant not in consultants:
        found.append(f"reassessments: dossier {r.dossier!r} has preferred_consultant "
                     f"{r.preferred_consultant!r}, which is not a consultant")  # fmt: skip
    if r.duration_min is not None and r.duration_min < 1:
        found.append(f"reassessments: dossier {r.dossier!r} has duration_min={r.duration_min}; "
                     "at least 1")  # fmt: skip
    return found


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
    writeup_sequence: int = 0  # the write-up block's own SEQUENCE: it can move alone


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
    role: str
    kind: str
    dossier: str
    sequence: int

    @property
    def key(self) -> tuple[str, str]:
        return (self.uid, self.to.casefold())


@dataclass(frozen=True)
class Unscheduled:
    """A reassessment that could not be planned: reason codes (README, The rules) and the facts
    its explanation is made of (dates, counts); ``herplan.io`` renders the words."""

    dossier: str
    reasons: tuple[str, ...]
    facts: dict[str, object] = field(default_factory=dict, hash=False)

    @property
    def main_reason(self) -> str:
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


@dataclass(frozen=True)
class SolveStats:
    """Quality of one optimisation phase as the solver reports it.

    ``status`` is CP-SAT's (``OPTIMAL``, ``FEASIBLE``, ``UNKNOWN``,
    ``INFEASIBLE``) or ``NOT_RUN`` when the time was spent; the plan then is
    the one the phase started from. ``bound`` is the best bound proven (the
    objective's own, when the solver proved nothing more; ``None`` if there
    is none); the phase's ``gap`` is known only when the solver ran to a plan.
    """

    name: str
    status: str
    objective: float
    bound: float | None
    work: float  # CP-SAT's deterministic time: reproducible, close to seconds of work
    wall_seconds: float = 0.0  # real elapsed time: shown to the user, never written
    headline: bool = False  # one of the objectives whose gap is the plan's gap
    unit: str = ""  # reassessments, visits: the objective as a planner counts it

    @property
    def gap(self) -> float | None:
        if self.bound is None or self.status not in ("OPTIMAL", "FEASIBLE"):
            return None
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
    same_day: bool = False  # "zelfde dag, andere tijd": keep the day, not the time

    @property
    def answer(self) -> str:
        """``ja``, ``nee`` or ``zelfde_dag``."""
        return "ja" if self.feasible else "zelfde_dag" if self.same_day else "nee"


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
    """What a rerun starts from (README, Rerun): the previous plan, today, returned sheets.

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
    answer_conflicts: tuple[str, ...] = ()  # a workbook and an online answer disagreed
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


@dataclass(frozen=True)
class Change:
    """One line of sheet ``Wijzigingen``: what happened to an appointment, and why.

    ``kind``: verplaatst, geannuleerd, nieuw, niet_meer_inplanbaar, bevestigd.
    ``cause`` is a code the words catalogue renders (``nee``, ``absent``,
    ``locatie_gesloten``, ``client_niet_beschikbaar``, ``rule``, ``time``,
    ``more``, ``new``, ``withdrawn``, ``gone``, ``confirmed``, ``conflict``);
    ``remark`` is the provider's own remark with a ``nee`` or ``ja``;
    ``reasons`` the reason codes when it can no longer be planned. An
    appointment nothing forced to move (cause ``more`` or ``time``) moved to
    make room for reassessment ``made_room_for``, planned because of
    ``room_cause`` (its own release cause, or ``new``: not planned before).
    """

    dossier: str
    provider: str
    kind: str
    cause: str
    before: Appointment | None = None
    after: Appointment | None = None
    remark: str = ""
    reasons: tuple[str, ...] = ()
    conflict: bool = False  # a confirmed appointment that could not stay
    made_room_for: str = ""
    room_cause: str = ""


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
    phases: tuple[SolveStats, ...]
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
    answer_conflicts: tuple[str, ...] = ()  # README, Answers online
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
