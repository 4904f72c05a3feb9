"""The VTIMEZONE of the planning's time zone, as Outlook and Google write it (README, Outputs).

Outlook ignores RDATE-based time zone definitions (it maps them to a fixed
offset, "West-Central Africa" for Amsterdam), so the zone is described the way
Outlook and Google export it themselves: one STANDARD and one DAYLIGHT part,
each with a yearly ``RRULE`` (``BYMONTH=3;BYDAY=-1SU``). The rule is read off
the IANA database (``zoneinfo``) for the planning's year and checked against
the years around it; a zone whose rule does not repeat falls back to
icalendar's own RDATE definition, which is still correct for every client
that reads RDATE.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.rrule import YEARLY, rrule, weekday
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

FIRST_YEAR = 1970  # DTSTART of the yearly rules, as Google writes it
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class _Transition:
    local: datetime  # wall-clock time of the change, in the offset before it (naive)
    before: timedelta
    after: timedelta
    name: str
    daylight: bool


def _transitions(zone: ZoneInfo, year: int) -> list[_Transition]:
    """Every change of UTC offset in ``year``, found hour by hour, then to the minute."""
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(zone).utcoffset()
    while moment < end:
        step = moment + timedelta(hours=1)
        now = step.astimezone(zone).utcoffset()
        if now != offset:
            low = moment
            while step - low > timedelta(minutes=1):
                mid = low + (step - low) / 2
                if mid.astimezone(zone).utcoffset() == offset:
                    low = mid
                else:
                    step = mid
            after = step.astimezone(zone)
            assert offset is not None and now is not None
            found.append(
                _Transition(
                    local=(step + offset).replace(tzinfo=None),
                    before=offset,
                    after=now,
                    name=after.tzname() or "",
                    daylight=bool(after.dst()),
                )
            )
            offset = now
        moment += timedelta(hours=1)
    return found


def _byday(day: date) -> tuple[int, int]:
    """The day as "n-th weekday of its month": -1 for the last, else 1..4."""
    last = (day + timedelta(days=7)).month != day.month
    return day.weekday(), -1 if last else (day.day - 1) // 7 + 1


def _rule(t: _Transition) -> rrule:
    wd, n = _byday(t.local.date())
    start = next(
        iter(
            rrule(
                YEARLY,
                dtstart=t.local.replace(year=FIRST_YEAR, month=1, day=1),
                bymonth=t.local.month,
                byweekday=weekday(wd, n),
            )
        )
    )
    return rrule(YEARLY, dtstart=start, bymonth=t.local.month, byweekday=weekday(wd, n))


def _yearly(zone: ZoneInfo, year: int) -> list[tuple[_Transition, rrule]] | None:
    """The zone's changes of ``year`` as yearly rules, if they repeat in the years around."""
    changes = _transitions(zone, year)
    rules = [(t, _rule(t)) for t in changes]
    for other in (year - 1, year + 1):
        expected = sorted(t.local for t in _transitions(zone, other))
        first, last = datetime(other, 1, 1), datetime(other + 1, 1, 1)
        produced = sorted(d for _t, r in rules for d in r.between(first, last, inc=True))
        if produced != expected:
            return None
    return rules


def vtimezone(tzid: str, year: int) -> Timezone:
    """``tzid``'s VTIMEZONE with yearly rules, valid for ``year`` and the years around it.

    Built once per zone and year and shared: callers add it to calendars, never change it.
    """
    return _build(tzid, year)


@lru_cache(maxsize=8)
def _build(tzid: str, year: int) -> Timezone:
    zone = ZoneInfo(tzid)
    rules = _yearly(zone, year)
    if rules is None:
        return Timezone.from_tzinfo(
            zone, tzid, first_date=date(year - 1, 1, 1), last_date=date(year + 2, 1, 1)
        )
    tz = Timezone()
    tz.add("tzid", tzid)
    if not rules:  # no daylight saving time: one STANDARD standard
        noon = datetime(year, 1, 1, 12, tzinfo=zone)
        offset = noon.utcoffset()
        standard = TimezoneStandard()
        standard.add("dtstart", datetime(FIRST_YEAR, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", noon.tzname() or tzid)
        tz.add_component(standard)
        return tz
    for t, rule in sorted(rules, key=lambda item: item[0].daylight, reverse=True):
        part = TimezoneDaylight() if t.daylight else TimezoneStandard()
        wd, n = _byday(t.local.date())
        part.add("dtstart", rule[0])
        part.add("tzoffsetfrom", t.before)
        part.add("tzoffsetto", t.after)
        part.add("tzname", t.name)
        byday = f"{n}{WEEKDAYS[wd]}"
        part.add("rrule", {"freq": "YEARLY", "bymonth": t.local.month, "byday": byday})
        tz.add_component(part)
    return tz
