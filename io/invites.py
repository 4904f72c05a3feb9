"""iCalendar files: one per provider and one per consultant (SPEC §4).

Every file is a VCALENDAR with ``METHOD:PUBLISH``, a VTIMEZONE for the
configured zone and one VEVENT per appointment. Why PUBLISH: these files are
imported by hand (Outlook: File › Open & Export › Import; Google Calendar:
Settings › Import; Apple Calendar: File › Import). ``REQUEST`` would make
Outlook treat each file as a meeting invitation that must be answered, and iTIP
allows only one UID per REQUEST, while these files hold many appointments;
PUBLISH is the method for "put these events in my calendar" and is what the
big calendar programs themselves write when they export. ORGANIZER (the
consultant) and ATTENDEE (the begeleider) are added where an e-mail address is
known, with ``RSVP=FALSE`` so no program asks the reader to reply.

The UID comes from the reassessment and the wave (``plan.json`` ``uid``), so an
appointment keeps its UID across reruns and a re-import updates it instead of
duplicating it; SEQUENCE is the appointment's ``sequence``; DTSTAMP is the
plan's creation time, so the same plan gives byte-identical files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from icalendar import Calendar, Event, vCalAddress, vText

from herplan.io.labels import labels
from herplan.io.sentences import long_date
from herplan.scheduler.domain import Appointment, Plan, PlanRenewal, Problem

PRODID = "-//herplan//herindicaties//NL"


def _at(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=zone)


def _address(email: str, name: str, role: str | None = None) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = vText(name)
    if role:
        address.params["ROLE"] = vText(role)
        address.params["PARTSTAT"] = vText("ACCEPTED")
        address.params["RSVP"] = vText("FALSE")
    return address


def _calendar(plan: Plan, name: str, method: str = "PUBLISH") -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add("x-wr-calname", name)
    if method == "PUBLISH":
        cal.add("x-wr-timezone", plan.problem.settings.timezone)
    return cal


def _event(
    plan: Plan, uid: str, a: Appointment, start: int, end: int, summary: str, stamp: datetime
) -> Event:
    """The properties every event shares: identity, version, time and summary."""
    zone = ZoneInfo(plan.problem.settings.timezone)
    event = Event()
    event.add("uid", uid)
    event.add("sequence", a.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", _at(a.day, start, zone))
    event.add("dtend", _at(a.day, end, zone))
    event.add("summary", summary)
    return event


def _finish(cal: Calendar) -> bytes:
    cal.add_missing_timezones()
    return cal.to_ical()


def renewal_of(plan: Plan, dossier: str) -> PlanRenewal | None:
    """The support plan ``dossier`` must renew, if any."""
    return next((r for r in plan.renewals if r.dossier == dossier), None)


def support_plan_note(plan: Plan, a: Appointment) -> str:
    """What the provider must prepare: a support plan fresh enough on the day."""
    s = plan.problem.settings
    lang = s.language
    t = labels(lang)
    renewal = renewal_of(plan, a.dossier)
    if renewal is not None and renewal.needed_by is not None:
        return t["desc_prepare_renew"].format(
            day=long_date(a.day, lang), needed=long_date(renewal.needed_by, lang)
        )
    since = a.day - relativedelta(months=s.max_plan_age_months)
    return t["desc_prepare"].format(
        day=long_date(a.day, lang), months=s.max_plan_age_months, since=long_date(since, lang)
    )


def _interview(plan: Plan, a: Appointment, summary: str, stamp: datetime) -> Event:
    problem: Problem = plan.problem
    t = labels(problem.settings.language)
    address = problem.address((a.provider, a.location))
    name, email = plan.people.get(a.consultant, (a.consultant, ""))
    case = problem.reassessments_by_dossier.get(a.dossier)
    lines = [
        f"{t['interview']}",
        f"{t['desc_dossier']}: {a.dossier}",
        f"{t['desc_client']}: {a.client}",
        f"{t['desc_begeleider']}: {a.begeleider or '–'}",
        f"{t['desc_with']}: {t['desc_with_' + a.with_]}",
        f"{t['desc_consultant']}: {name} ({a.consultant})",
        f"{t['desc_location']}: {a.provider}, {a.location}",
        "",
        support_plan_note(plan, a),
    ]
    event = _event(plan, a.uid, a, a.start, a.end, summary, stamp)
    event.add("location", ", ".join(p for p in (a.location, address) if p))
    event.add("description", "\n".join(lines))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    if email:
        event.add("organizer", _address(email, name))
    if case is not None and case.begeleider_email:
        event.add(
            "attendee", _address(case.begeleider_email, a.begeleider or a.client, "REQ-PARTICIPANT")
        )
    return event


def _writeup(plan: Plan, a: Appointment, stamp: datetime) -> Event:
    t = labels(plan.problem.settings.language)
    summary = t["summary_writeup"].format(dossier=a.dossier)
    event = _event(plan, writeup_uid(a), a, a.writeup_start, a.writeup_end, summary, stamp)
    event.add("description", t["desc_writeup"].format(client=a.client, dossier=a.dossier))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def writeup_uid(a: Appointment) -> str:
    """The write-up block's UID: the interview's, marked, so it is just as stable."""
    stem, _, domain = a.uid.partition("@")
    return f"{stem}-uitwerking@{domain}"


def _stamp(plan: Plan) -> datetime:
    return datetime.fromisoformat(plan.created).astimezone(UTC)


def _ordered(appointments: Iterable[Appointment]) -> list[Appointment]:
    return sorted(appointments, key=lambda a: (a.day, a.start, a.consultant, a.dossier))


def provider_calendar(plan: Plan, provider: str) -> bytes:
    """The provider's appointments only (privacy: no other provider's clients)."""
    t = labels(plan.problem.settings.language)
    stamp = _stamp(plan)
    cal = _calendar(plan, f"{t['interview']} – {provider}")
    for a in _ordered(a for a in plan.appointments if a.provider == provider):
        summary = t["summary_provider"].format(dossier=a.dossier, client=a.client)
        cal.add_component(_interview(plan, a, summary, stamp))
    return _finish(cal)


def consultant_calendar(plan: Plan, consultant_id: str) -> bytes:
    """A consultant's interviews and the afternoon write-up block of each."""
    t = labels(plan.problem.settings.language)
    stamp = _stamp(plan)
    name = plan.people.get(consultant_id, (consultant_id, ""))[0]
    cal = _calendar(plan, f"{t['interview']} – {name}")
    for a in _ordered(a for a in plan.appointments if a.consultant == consultant_id):
        summary = t["summary_consultant"].format(dossier=a.dossier, location=a.location)
        cal.add_component(_interview(plan, a, summary, stamp))
        cal.add_component(_writeup(plan, a, stamp))
    return _finish(cal)


def _cancel(plan: Plan, a: Appointment, stamp: datetime, writeup: bool) -> Event:
    t = labels(plan.problem.settings.language)
    uid, start, end = (
        (writeup_uid(a), a.writeup_start, a.writeup_end) if writeup else (a.uid, a.start, a.end)
    )
    summary = t["summary_cancelled"].format(dossier=a.dossier)
    event = _event(plan, uid, a, start, end, summary, stamp)
    event.add("status", "CANCELLED")
    name, email = plan.people.get(a.consultant, (a.consultant, ""))
    if email:
        event.add("organizer", _address(email, name))
    return event


def cancellations(plan: Plan, dropped: Iterable[Appointment], with_writeups: bool) -> bytes:
    """``METHOD:CANCEL`` for appointments that are gone from this calendar (reruns).

    A file of its own, because one iCalendar object has one METHOD: importing it
    removes the events with these UIDs (SEQUENCE raised) from Outlook, Google
    and Apple calendars that imported the earlier files.
    """
    t = labels(plan.problem.settings.language)
    stamp = _stamp(plan)
    cal = _calendar(plan, t["summary_cancelled"].format(dossier="").rstrip(), method="CANCEL")
    for a in _ordered(dropped):
        cal.add_component(_cancel(plan, a, stamp, writeup=False))
        if with_writeups:
            cal.add_component(_cancel(plan, a, stamp, writeup=True))
    return _finish(cal)


def dropped_for_consultant(plan: Plan, consultant_id: str) -> list[Appointment]:
    """Previous appointments gone from a consultant's calendar: dropped or moved away."""
    gone = [a for a in plan.cancelled if a.consultant == consultant_id]
    for change in plan.changes:
        before, after = change.before, change.after
        if before and after and before.consultant == consultant_id != after.consultant:
            gone.append(replace(before, sequence=before.sequence + 1))
    return gone
