"""The planning problem as plain, frozen data: the region's settings, the reassessments,
the consultants, their absences and the locations, as the input workbook gives them.

The workbook reader (``herplan.io``) reports every problem of a file with its
row and column; a ``Problem`` built in Python is checked on construction and
raises ``ValueError`` naming the field and value (unknown references,
duplicates, a reversed period, settings that contradict each other), so the
scheduler can trust what it gets. Times inside a day are minutes after
midnight, local wall-clock time in the configured zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from herplan.domain.codes import DayPart
from herplan.findings import Code, Finding, Subject, Value

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

    def problems(self) -> list[Finding]:
        """Settings that contradict each other, as findings about the setting (its key
        as the column); their words are chosen where they are shown."""
        found: list[Finding] = []

        def add(key: str, code: Code, **values: Value) -> None:
            found.append(Finding.of(code, Subject(column=key), **values))

        if self.period_end < self.period_start:
            add("periode_eind", Code.PERIOD_ENDS_BEFORE_START)
        if self.morning.start >= self.morning.end:
            add("ochtend", Code.MORNING_ENDS_BEFORE_START)
        if self.afternoon.start >= self.afternoon.end:
            add("middag", Code.AFTERNOON_ENDS_BEFORE_START)
        if self.afternoon.start < self.morning.end:
            end = f"{self.morning.end // 60:02d}:{self.morning.end % 60:02d}"
            add("middag", Code.AFTERNOON_BEFORE_MORNING_ENDS, time=end)
        if self.interview_min > self.morning.minutes:
            add(
                "gespreksduur_min",
                Code.SETTING_INTERVIEW_TOO_LONG,
                minutes=self.interview_min,
                morning=self.morning.minutes,
            )
        if self.writeup_min > self.afternoon.minutes:
            add(
                "uitwerktijd_min",
                Code.SETTING_WRITEUP_TOO_LONG,
                minutes=self.writeup_min,
                afternoon=self.afternoon.minutes,
            )
        return found


@dataclass(frozen=True)
class RunSettings:
    """What the input asks of a run rather than of the plan (sheet ``Instellingen``): how
    many seconds the engine may search (``rekentijd_s``). Not a rule of the region: the
    run's ``--time-limit`` overrides it, and a rerun takes less (README, Rerun after
    cancellations)."""

    time_limit_s: float = 30.0


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
    part: DayPart = DayPart.DAY


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
    run: RunSettings = RunSettings()  # the input's own run settings, not a rule

    def __post_init__(self) -> None:
        errors = [_setting_problem(f) for f in self.settings.problems()]
        ids = _unique(errors, "consultants: id", [c.id for c in self.consultants])
        places = _unique(errors, "locations:", [loc.key for loc in self.locations])
        errors += [
            f"locations: {loc.name!r} has rooms={loc.rooms}; at least 1"
            for loc in self.locations
            if loc.rooms < 1
        ]
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


def _setting_problem(finding: Finding) -> str:
    """A settings problem of a problem built in code (the input reader says it in words,
    ``herplan.io.finding_words``): the setting, the code and its values, in English."""
    values = ", ".join(f"{k}={v}" for k, v in finding.values)
    return f"settings.{finding.subject.column}: {finding.code}" + (f" ({values})" if values else "")


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
        found.append(
            f"reassessments: dossier {r.dossier!r} has location {r.provider!r} / "
            f"{r.location!r}, which is not in locations"
        )
    if r.preferred_consultant and r.preferred_consultant not in consultants:
        found.append(
            f"reassessments: dossier {r.dossier!r} has preferred_consultant "
            f"{r.preferred_consultant!r}, which is not a consultant"
        )
    if r.duration_min is not None and r.duration_min < 1:
        found.append(
            f"reassessments: dossier {r.dossier!r} has duration_min={r.duration_min}; at least 1"
        )
    return found
