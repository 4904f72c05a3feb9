"""Read and validate the input workbook (or CSV folder) into a ``Problem`` (README, Input).

Validation happens here, once: every error of the file is collected and
reported together as ``file › sheet › row N › column: what is wrong and what is
expected``; the scheduler trusts what this module returns.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import holidays as holiday_calendars

from herplan import clock
from herplan.domain.codes import DayPart
from herplan.domain.problem import (
    WORKWEEK,
    Absence,
    Consultant,
    Location,
    Problem,
    Reassessment,
    RunSettings,
    Settings,
    TimeWindow,
)
from herplan.findings import Code, Finding, Subject, Value
from herplan.io.errors import InputError
from herplan.io.finding_words import english
from herplan.io.schema import (
    ABSENCES,
    CONSULTANTS,
    LOCATIONS,
    REASSESSMENTS,
    SETTING_KEYS,
    SETTINGS,
    SHEETS,
    Sheet,
    normalise,
)
from herplan.io.source import file_digest
from herplan.io.tables import Table, read_tables

WEEKDAY_NAMES = {
    name: n
    for n, names in enumerate(
        (
            ("ma", "maa", "maan", "maandag", "mon", "monday"),
            ("di", "din", "dins", "dinsdag", "tue", "tuesday"),
            ("wo", "woe", "woens", "woensdag", "wed", "wednesday"),
            ("do", "don", "donder", "donderdag", "thu", "thursday"),
            ("vr", "vrij", "vrijdag", "fri", "friday"),
            ("za", "zat", "zaterdag", "sat", "saturday"),
            ("zo", "zon", "zondag", "sun", "sunday"),
        )
    )
    for name in names
}
EMAIL = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+")
EXCEL_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"}
MAX_TEXT = 1000  # characters in one cell: far beyond any name, address or remark
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # what Excel cannot hold
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)  # dates a planning can mean
MAX_ROOMS = 50
MAX_MORNINGS_PER_WEEK = 7
RANGE_SEPARATOR = re.compile(r"\s*(?:t/m|tot en met|tm|–|—|\.\.)\s*", re.IGNORECASE)


class _Row:
    """Typed access to one row's cells; problems are added to the shared error list."""

    def __init__(
        self, file: str, sheet: str, number: int, cells: dict[str, object], errors, warnings
    ):
        self.file, self.sheet, self.number, self.cells = file, sheet, number, cells
        self.errors, self.warnings = errors, warnings

    def at(self, column: str) -> Subject:
        return Subject(file=self.file, sheet=self.sheet, row=self.number, column=column)

    def error(self, column: str, code: Code, **values: Value) -> None:
        self.errors.append(Finding.of(code, self.at(column), **values))

    def warn(self, column: str, code: Code, **values: Value) -> None:
        self.warnings.append(Finding.of(code, self.at(column), **values))

    def raw(self, column: str) -> object:
        value = self.cells.get(column)
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                return None
            if value.upper() in EXCEL_ERRORS:
                self.error(column, Code.EXCEL_ERROR_VALUE, value=value)
                return None
        return value

    def text(self, column: str, required: bool = False) -> str:
        value = self.raw(column)
        if value is None:
            if required:
                self.error(column, Code.EMPTY_VALUE)
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime | date):
            return value.strftime("%Y-%m-%d")
        text = str(value).strip()
        if len(text) > MAX_TEXT:
            self.error(column, Code.TEXT_TOO_LONG, length=len(text), most=MAX_TEXT)
            return ""
        control = CONTROL.search(text)
        if control:
            self.error(column, Code.CONTROL_CHARACTER, character=f"U+{ord(control.group()):04X}")
            return ""
        return text

    def day(self, column: str, required: bool = False, latest: date | None = LATEST) -> date | None:
        """A date; outside ``EARLIEST``..``latest`` is an error (``latest=None``: any year)."""
        value = self.raw(column)
        if value is None:
            if required:
                self.error(column, Code.EMPTY_DATE)
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.error(column, Code.NOT_A_DATE, value=str(value))
        elif latest is not None and not EARLIEST <= parsed <= latest:
            self.error(column, Code.IMPLAUSIBLE_DATE, day=parsed, earliest=EARLIEST, latest=latest)
            return None
        return parsed

    def integer(self, column: str, minimum: int = 0, maximum: int | None = None) -> int | None:
        value = self.raw(column)
        if value is None:
            return None
        number = _as_int(value)
        if number is None or number < minimum or (maximum is not None and number > maximum):
            if maximum is not None:
                self.error(
                    column,
                    Code.NUMBER_OUT_OF_RANGE,
                    value=str(value),
                    minimum=minimum,
                    maximum=maximum,
                )
            else:
                self.error(column, Code.NUMBER_TOO_SMALL, value=str(value), minimum=minimum)
            return None
        return number

    def weekdays(self, column: str) -> frozenset[int] | None:
        value = self.raw(column)
        if value is None:
            return None
        days, dates = self._days_and_dates(column, str(value), allow_dates=False)
        return days if days or dates else None

    def days_and_dates(self, column: str) -> tuple[frozenset[int], frozenset[date]]:
        value = self.raw(column)
        if value is None:
            return frozenset(), frozenset()
        return self._days_and_dates(column, value, allow_dates=True)

    def _days_and_dates(
        self, column: str, value: object, allow_dates: bool
    ) -> tuple[frozenset[int], frozenset[date]]:
        if isinstance(value, datetime | date):
            day = parse_date(value)
            if allow_dates and day is not None:
                return frozenset(), frozenset({day})
            self.error(column, Code.WEEKDAYS_NOT_A_DATE)
            return frozenset(), frozenset()
        days: set[int] = set()
        dates: set[date] = set()
        for token in re.split(r"[,;]", str(value)):
            token = token.strip()
            if not token:
                continue
            key = token.casefold().rstrip(".")
            if key in WEEKDAY_NAMES:
                days.add(WEEKDAY_NAMES[key])
                continue
            span = _date_range(token) if allow_dates else None
            if span is not None:
                dates.update(span)
                continue
            code = Code.NOT_WEEKDAYS_OR_DATES if allow_dates else Code.NOT_WEEKDAYS
            self.error(column, code, value=token)
        return frozenset(days), frozenset(dates)

    def choice(self, column: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(column)
        if not value:
            return default
        key = " ".join(value.casefold().split())
        if key not in choices:
            self.error(column, Code.NOT_ONE_OF, value=value, choices=", ".join(choices))
            return default
        return key

    def email(self, column: str) -> str:
        value = self.text(column)
        if value and not EMAIL.fullmatch(value):
            self.error(column, Code.NOT_AN_EMAIL, value=value)
            return ""
        return value


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"[+]?[0-9]+", value.strip()):
        return int(value)
    return None


def parse_date(value: object) -> date | None:
    """Excel dates, ISO text ``2025-12-04`` and Dutch ``4-12-2025`` (or ``4/12/2025``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}( 00:00:00)?", text):
            y, m, d = (int(p) for p in text.split()[0].split("-"))
            return date(y, m, d)
        if re.fullmatch(r"[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}", text):
            d, m, y = (int(p) for p in re.split(r"[-/.]", text))
            return date(y, m, d)
    except ValueError:
        return None
    return None


def _date_range(token: str) -> set[date] | None:
    parts = RANGE_SEPARATOR.split(token)
    if len(parts) == 1:
        single = parse_date(token)
        return {single} if single else None
    if len(parts) != 2:
        return None
    first, last = parse_date(parts[0]), parse_date(parts[1])
    if first is None or last is None or last < first or (last - first).days > 366:
        return None
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


def _rows(file: str, table: Table, sheet: Sheet, errors: list[Finding], warnings: list[Finding]):
    """Map headers to the sheet's columns; yield one ``_Row`` per data row."""
    known = {normalise(c.name): c.name for c in sheet.columns}
    index: dict[str, int] = {}
    for n, header in enumerate(table.headers):
        key = normalise(header)
        if not key:
            continue
        if key in known:
            if known[key] in index:  # the first one counts; no error per row for the other
                errors.append(Finding.of(Code.COLUMN_TWICE, _at(file, table, 1, str(header))))
                continue
            index[known[key]] = n
        else:
            warnings.append(Finding.of(Code.UNKNOWN_COLUMN, _at(file, table, 1, str(header))))
    missing = [c.name for c in sheet.columns if c.required and c.name not in index]
    if missing:
        moved = _header_row(table, set(known))
        if moved is not None:
            errors.append(Finding.of(Code.HEADER_NOT_ON_ROW_1, _at(file, table, moved), row=moved))
            return
    for name in missing:
        errors.append(Finding.of(Code.MISSING_COLUMN, _at(file, table, 1, name)))
    if missing:
        return
    for number, column, problem in table.problems:
        header = table.headers[column] if column < len(table.headers) else None
        where = str(header) if header is not None else f"column {column + 1}"
        errors.append(replace(problem, subject=_at(file, table, number, where)))
    for number, values in table.rows:
        if _is_header(values, set(known)):
            errors.append(Finding.of(Code.REPEATED_HEADER, _at(file, table, number)))
            continue
        cells = {name: values[i] if i < len(values) else None for name, i in index.items()}
        yield _Row(file, table.name, number, cells, errors, warnings)


def _at(file: str, table: Table, row: int | None, column: str = "") -> Subject:
    return Subject(file=file, sheet=table.name, row=row, column=column)


def _is_header(values: list[object], names: set[str]) -> bool:
    """A row of at least three of the sheet's column names (a header, not data)."""
    found = {normalise(v) for v in values if isinstance(v, str)} & names
    return len(found) >= min(3, len(names))


def _header_row(table: Table, names: set[str]) -> int | None:
    """The row number the column names were typed on, if not row 1 (looked for in 20 rows)."""
    return next((n for n, values in table.rows[:20] if _is_header(values, names)), None)


def _find_sheet(tables: dict[str, Table], name: str) -> Table | None:
    for title, table in tables.items():
        if normalise(title) == normalise(name):
            return table
    return None


def default_period(today: date) -> tuple[date, date]:
    """The coming December: the one of today's year (the wave runs in December)."""
    return date(today.year, 12, 1), date(today.year, 12, 31)


def _time_window(text: str) -> TimeWindow | None:
    match = re.fullmatch(
        r"([0-9]{1,2})[:.]([0-9]{2})\s*[-–]\s*([0-9]{1,2})[:.]([0-9]{2})", text.strip()
    )
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        return None
    start, end = h1 * 60 + m1, h2 * 60 + m2
    return TimeWindow(start, end) if start < end else None


def _setting_values(
    file: str, table: Table | None, errors: list[Finding], warnings: list[Finding]
) -> dict[str, tuple[int, object]]:
    """The sheet's settings by key: (row, value); unknown keys are warned about."""
    values: dict[str, tuple[int, object]] = {}
    if table is None:
        return values
    for row in _rows(file, table, SETTINGS, errors, warnings):
        key = normalise(row.raw("sleutel") or "").replace(" ", "_")
        if not key:
            continue
        if key not in SETTING_KEYS:
            warnings.append(Finding.of(Code.UNKNOWN_SETTING, row.at("sleutel"), key=key))
            continue
        values[key] = (row.number, row.cells.get("waarde"))
    return values


def _read_settings(
    file: str, table: Table | None, errors: list[Finding], warnings: list[Finding], today: date
) -> tuple[Settings, RunSettings]:
    """Sheet ``Instellingen``: the region's settings, and the run settings it also holds."""
    values = _setting_values(file, table, errors, warnings)
    sheet = table.name if table else SETTINGS.name

    def where(key: str) -> Subject:
        return Subject(file=file, sheet=sheet, row=values.get(key, (None,))[0], column=key)

    kwargs: dict[str, object] = {}
    for key, (field_name, parse) in SETTING_PARSERS.items():
        value = values.get(key, (0, None))[1]
        value = (value.strip() or None) if isinstance(value, str) else value
        if value is None:
            continue
        if isinstance(value, time):
            value = value.strftime("%H:%M")
        parsed = parse(value)
        if parsed is None:
            errors.append(
                Finding.of(Code.SETTING_NOT_VALID, where(key), value=str(value), setting=key)
            )
        else:
            kwargs[field_name] = parsed
    start, end = default_period(today)
    kwargs.setdefault("period_start", start)
    kwargs.setdefault("period_end", end)
    run = {f.name: kwargs.pop(f.name) for f in fields(RunSettings) if f.name in kwargs}
    settings = Settings(**kwargs)  # type: ignore[arg-type]
    errors += [replace(f, subject=where(f.subject.column)) for f in settings.problems()]
    if (settings.period_end - settings.period_start).days > 366:
        errors.append(Finding.of(Code.PERIOD_TOO_LONG, where("periode_eind")))
    return settings, RunSettings(**run)  # type: ignore[arg-type]


def _name(value: object) -> str | None:
    text = " ".join(str(value).split())
    return text if len(text) <= 200 and text.isprintable() else None


def _email(value: object) -> str | None:
    text = str(value).strip()
    return text if EMAIL.fullmatch(text) else None


def _positive(value: object) -> int | None:
    n = _as_int(value)
    return n if n is not None and n > 0 else None


def _at_most(n: int | None, limit: int) -> int | None:
    return n if n is not None and n <= limit else None


def _non_negative(value: object) -> int | None:
    n = _as_int(value)
    return n if n is not None and n >= 0 else None


def _seconds(value: object) -> float | None:
    try:
        seconds = float(str(value).replace(",", "."))
    except ValueError:
        return None
    return seconds if 0 < seconds <= 24 * 3600 else None


def _country(value: object) -> str | None:
    code = str(value).strip()
    if code.casefold() in {"geen", "none", "-"}:
        return "geen"
    return code.upper() if code.upper() in holiday_calendars.list_supported_countries() else None


def _zone(value: object) -> str | None:
    try:
        zoneinfo.ZoneInfo(str(value).strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return str(value).strip()


def _language(value: object) -> str | None:
    code = str(value).strip().casefold()
    return code if code in {"nl", "en"} else None


# Each setting: the Settings or RunSettings field it fills and how its text is read (what it
# expects is said by ``finding_words.EXPECTED``).
SETTING_PARSERS: dict[str, tuple[str, Callable[[object], object | None]]] = {
    "periode_start": ("period_start", parse_date),
    "periode_eind": ("period_end", parse_date),
    "ochtend": ("morning", lambda v: _time_window(str(v))),
    "middag": ("afternoon", lambda v: _time_window(str(v))),
    "gespreksduur_min": ("interview_min", _positive),
    "wisseltijd_min": ("changeover_min", lambda v: _at_most(_non_negative(v), 240)),
    "uitwerktijd_min": ("writeup_min", _positive),
    "max_leeftijd_ondersteuningsplan_maanden": (
        "max_plan_age_months",
        lambda v: _at_most(_positive(v), 36),
    ),
    "voorbereiding_werkdagen": ("preparation_workdays", lambda v: _at_most(_non_negative(v), 60)),
    "feestdagen": ("holidays", _country),
    "tijdzone": ("timezone", _zone),
    "taal": ("language", _language),
    "rekentijd_s": ("time_limit_s", _seconds),
    "organisator_naam": ("organizer_name", _name),
    "organisator_email": ("organizer_email", _email),
    "planner_naam": ("planner_name", _name),
    "planner_email": ("planner_email", _email),
    "planner_telefoon": ("planner_phone", _name),
    "reactie_werkdagen": ("answer_workdays", lambda v: _at_most(_non_negative(v), 60)),
    "bewaartermijn_maanden": ("retention_months", lambda v: _at_most(_non_negative(v), 120)),
}


def _read_consultants(file: str, table: Table, errors, warnings) -> list[Consultant]:
    consultants: list[Consultant] = []
    seen: set[str] = set()
    for row in _rows(file, table, CONSULTANTS, errors, warnings):
        cid = row.text("consulent", required=True)
        if cid and cid.casefold() in seen:
            row.error("consulent", Code.CONSULTANT_TWICE, value=cid)
            continue
        seen.add(cid.casefold())
        workdays = row.weekdays("werkdagen")
        extra_days, extra = row.days_and_dates("extra_ochtenden")
        if extra_days:
            row.error("extra_ochtenden", Code.EXTRA_MORNINGS_NOT_DATES)
        consultants.append(
            Consultant(
                id=cid,
                name=row.text("naam", required=True),
                email=row.email("email"),
                workdays=workdays if workdays is not None else WORKWEEK,
                max_mornings_per_week=row.integer(
                    "max_ochtenden_per_week", maximum=MAX_MORNINGS_PER_WEEK
                ),
                extra_mornings=extra,
            )
        )
    return consultants


def _read_locations(file: str, table: Table, errors, warnings) -> list[Location]:
    locations: list[Location] = []
    seen: set[tuple[str, str]] = set()
    for row in _rows(file, table, LOCATIONS, errors, warnings):
        provider = row.text("aanbieder", required=True)
        name = row.text("locatie", required=True)
        key = (provider.casefold(), name.casefold())
        if provider and name and key in seen:
            row.error("locatie", Code.LOCATION_TWICE, value=f"{provider} / {name}")
            continue
        seen.add(key)
        closed_days, closed = row.days_and_dates("gesloten")
        if closed_days:
            row.error("gesloten", Code.CLOSED_NOT_DATES)
        pref_days, pref_dates = row.days_and_dates("voorkeursdagen")
        locations.append(
            Location(
                provider=provider,
                name=name,
                address=row.text("adres"),
                postcode=row.text("postcode"),
                city=row.text("plaats"),
                rooms=row.integer("gesprekskamers", minimum=1, maximum=MAX_ROOMS) or 1,
                open_weekdays=row.weekdays("open_dagen"),
                closed_dates=closed,
                preferred_weekdays=pref_days,
                preferred_dates=pref_dates,
                contact=row.text("contactpersoon"),
                contact_email=row.email("contact_email"),
            )
        )
    return locations


def _read_absences(file: str, table: Table | None, known: dict[str, str], errors, warnings):
    absences: list[Absence] = []
    if table is None:
        return absences
    for row in _rows(file, table, ABSENCES, errors, warnings):
        cid = row.text("consulent", required=True)
        if cid and cid.casefold() not in known:
            row.error("consulent", Code.UNKNOWN_CONSULTANT, value=cid)
        cid = known.get(cid.casefold(), cid)
        start = row.day("van", required=True)
        end = row.day("tot") or start
        if start and end and end < start:
            row.error("tot", Code.ENDS_BEFORE_START)
        part = DayPart(row.choice("dagdeel", tuple(DayPart), DayPart.DAY))
        if cid and start and end:
            absences.append(Absence(cid, start, end, part))
    return absences


def _read_reassessments(
    file: str,
    table: Table,
    locations: dict[tuple[str, str], Location],
    consultants: dict[str, str],
    errors,
    warnings,
    today: date,
    morning: int,
) -> list[Reassessment]:
    """The reassessments; ``consultants`` maps a casefolded code to the code as written."""
    cases: list[Reassessment] = []
    seen: set[str] = set()
    for row in _rows(file, table, REASSESSMENTS, errors, warnings):
        dossier = row.text("dossier", required=True)
        if dossier and dossier.casefold() in seen:
            row.error("dossier", Code.DOSSIER_TWICE, value=dossier)
        seen.add(dossier.casefold())
        provider, loc_name = _place(row, locations)
        preferred = _preferred(row, consultants)
        days, dates = row.days_and_dates("client_niet_beschikbaar")
        attendance = row.choice("aanwezigheid_client", ("vereist", "niet vereist"), "vereist")
        status = row.choice("status", ("open", "geannuleerd"), "open")
        case = Reassessment(
            dossier=dossier,
            client=row.text("client", required=True),
            provider=provider,
            location=loc_name,
            # 31-12-9999 is how many systems write "no end date"
            indication_end=row.day("einddatum_indicatie", required=True, latest=None) or date.min,
            support_plan_date=row.day("datum_ondersteuningsplan"),
            new_plan_expected=row.day("nieuw_ondersteuningsplan_verwacht"),
            begeleider=row.text("begeleider"),
            begeleider_email=row.email("begeleider_email"),
            attendance_required=attendance == "vereist",
            unavailable_dates=dates,
            unavailable_weekdays=days,
            preferred_consultant=preferred,
            duration_min=_duration(row, morning),
            withdrawn=status == "geannuleerd",
            remark=row.text("opmerking"),
        )
        _check_plan_date(row, case, today)
        cases.append(case)
    return cases


def _place(row: _Row, locations: dict[tuple[str, str], Location]) -> tuple[str, str]:
    """The row's provider and location, both known in sheet Locaties."""
    provider = row.text("aanbieder", required=True)
    loc_name = row.text("locatie", required=True)
    if provider and loc_name and (provider, loc_name) not in locations:
        if any(p == provider for p, _ in locations):
            row.error("locatie", Code.UNKNOWN_LOCATION, value=loc_name, provider=provider)
        else:
            row.error("aanbieder", Code.UNKNOWN_PROVIDER, value=provider)
    return provider, loc_name


def _preferred(row: _Row, consultants: dict[str, str]) -> str:
    """The vaste consulent as sheet Consulenten writes the code (any case matches)."""
    preferred = row.text("vaste_consulent")
    if preferred and preferred.casefold() in consultants:
        return consultants[preferred.casefold()]
    if preferred:
        row.error("vaste_consulent", Code.UNKNOWN_CONSULTANT, value=preferred)
    return preferred


def _duration(row: _Row, morning: int) -> int | None:
    """A case's own interview length must fit in the morning (rule 1)."""
    minutes = row.integer("gespreksduur_min", minimum=1)
    if minutes is not None and minutes > morning:
        row.error("gespreksduur_min", Code.INTERVIEW_TOO_LONG, minutes=minutes, morning=morning)
        return None
    return minutes


def _check_plan_date(row: _Row, case: Reassessment, today: date) -> None:
    """Warn about a support plan dated after the indication ends or after today (README, The rules).

    Both are accepted (the rule uses the date as given) but are almost always a
    typing error, and the explanation of the case says so too.
    """
    plan_date = case.support_plan_date
    if plan_date is None or case.withdrawn:
        return
    if plan_date > case.indication_end:
        row.warn(
            "datum_ondersteuningsplan",
            Code.PLAN_DATE_AFTER_INDICATION,
            plan_date=plan_date,
            indication_end=case.indication_end,
        )
    elif plan_date > today:
        row.warn(
            "datum_ondersteuningsplan", Code.PLAN_DATE_AFTER_TODAY, plan_date=plan_date, today=today
        )


def read_problem(path: Path | str, today: date | None = None) -> tuple[Problem, list[str]]:
    """Read ``path`` (``.xlsx`` or CSV folder); return the problem and any warnings, in
    English as the command line says them (``read_input`` gives them as findings)."""
    problem, warnings = read_input(path, today)
    return problem, english(warnings)


def read_input(path: Path | str, today: date | None = None) -> tuple[Problem, list[Finding]]:
    """Read ``path`` (``.xlsx`` or CSV folder); return the problem and any warnings.

    ``today`` (default: the clock's, in Dutch time) gives the default period (the
    coming December) and the warnings about support plans dated after it.

    Raises ``InputError`` with every error of the file when anything is wrong.
    """
    path, today = Path(path), today or clock.today()
    file = path.name or str(path)
    tables = read_tables(path)
    errors: list[Finding] = []
    warnings: list[Finding] = []
    found = {sheet.name: _find_sheet(tables, sheet.name) for sheet in SHEETS}
    for sheet in SHEETS:
        if sheet.required and found[sheet.name] is None:
            errors.append(Finding.of(Code.MISSING_SHEET, Subject(file=file, sheet=sheet.name)))
    if errors:
        raise InputError(errors)
    settings, run = _read_settings(file, found[SETTINGS.name], errors, warnings, today)
    consultant_table, location_table = found[CONSULTANTS.name], found[LOCATIONS.name]
    case_table = found[REASSESSMENTS.name]
    assert consultant_table and location_table and case_table  # required, checked above
    consultants = _read_consultants(file, consultant_table, errors, warnings)
    locations = _read_locations(file, location_table, errors, warnings)
    consultant_ids = {c.id.casefold(): c.id for c in consultants}
    absences = _read_absences(file, found[ABSENCES.name], consultant_ids, errors, warnings)
    cases = _read_reassessments(
        file,
        case_table,
        {loc.key: loc for loc in locations},
        consultant_ids,
        errors,
        warnings,
        today,
        settings.morning.minutes,
    )
    if errors:
        raise InputError(errors)
    problem = Problem(
        settings=settings,
        reassessments=tuple(cases),
        consultants=tuple(consultants),
        locations=tuple(locations),
        absences=tuple(absences),
        source=file,
        input_sha256=file_digest(path),
        run=run,
    )
    return problem, warnings
