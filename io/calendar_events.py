"""iCalendar events and files: the import files of README, Outputs and the events the outbox mails.

The files per provider and per consultant are ``METHOD:PUBLISH``, for import
by hand and for printing (Outlook: File › Open & Export › Import; Google
Calendar: Settings › Import; Apple Calendar: File › Import). Every event
passes the iTIP restrictions of its METHOD (RFC 5546, as libical checks
them): an ORGANIZER on every event (the planning office's mailbox, else the
consultant's), no ATTENDEE under PUBLISH (the begeleider is named in the
description), one UID per ``METHOD:CANCEL`` object. The VTIMEZONE has yearly
rules (``io.vtimezone``), and there is no ``X-WR-CALNAME``: Outlook opens a
file that has one as a new calendar instead of updating the existing one.

The UID comes from the reassessment and the wave (``plan.json`` ``uid``), so
an appointment keeps its UID across reruns; SEQUENCE is the appointment's
``sequence`` (``writeup_sequence`` for the write-up block); DTSTAMP is the
plan's creation time, so the same plan gives byte-identical files. Updates
travel by e-mail (``io.outbox``), built from the same events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from icalendar import Calendar, Event, vCalAddress, vText

from herplan.domain.appointment import Appointment
from herplan.domain.plan import Plan, PlanRenewal
from herplan.domain.problem import Problem
from herplan.io.invitations import writeup_uid
from herplan.io.sentences import long_date
from herplan.io.vtimezone import vtimezone
from herplan.io.words import words

PRODID = "-//herplan//herindicaties//NL"
NOBODY = ("herplan", "planning@herplan.invalid")  # RFC 2606: never delivered


def _at(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=zone)


def address(email: str, name: str, role: str | None = None) -> vCalAddress:
    """A CAL-ADDRESS; with ``role`` an attendee who is not asked to reply."""
    cal_address = vCalAddress(f"mailto:{email}")
    cal_address.params["CN"] = vText(name)
    if role:
        cal_address.params["ROLE"] = vText(role)
        cal_address.params["PARTSTAT"] = vText("NEEDS-ACTION")
        cal_address.params["RSVP"] = vText("FALSE")
    return cal_address


def organizer(plan: Plan, consultant_id: str) -> tuple[str, str]:
    """Who organises an event: the planning office, else the consultant, else nobody.

    The planning office (``organisator_naam``/``organisator_email``) is the
    ORGANIZER of every invitation it mails; without it the consultant's
    address is used in the import files, and a never-delivered placeholder
    where not even that is known (PUBLISH requires an ORGANIZER).
    """
    s = plan.problem.settings
    if s.organizer_email:
        return (s.organizer_name or s.organizer_email, s.organizer_email)
    name, email = plan.people.get(consultant_id, (consultant_id, ""))
    return (name, email) if email else NOBODY


def calendar(plan: Plan, method: str, events: Iterable[Event]) -> bytes:
    """One iCalendar object: header, the zone with yearly rules, the events."""
    s = plan.problem.settings
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add_component(vtimezone(s.timezone, s.period_start.year))
    for event in events:
        cal.add_component(event)
    return cal.to_ical()


def _event(
    plan: Plan,
    uid: str,
    sequence: int,
    a: Appointment,
    start: int,
    end: int,
    summary: str,
) -> Event:
    """The properties every event shares: identity, version, time, summary, organiser."""
    zone = ZoneInfo(plan.problem.settings.timezone)
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", stamp(plan))
    event.add("dtstart", _at(a.day, start, zone))
    event.add("dtend", _at(a.day, end, zone))
    event.add("summary", summary)
    event.add("organizer", address(*reversed(organizer(plan, a.consultant))))
    return event


def renewal_of(plan: Plan, dossier: str) -> PlanRenewal | None:
    """The support plan ``dossier`` must renew, if any."""
    return next((r for r in plan.renewals if r.dossier == dossier), None)


def support_plan_note(plan: Plan, a: Appointment) -> str:
    """What the provider must prepare: a support plan fresh enough on the day."""
    s = plan.problem.settings
    lang = s.language
    t = words(lang)
    renewal = renewal_of(plan, a.dossier)
    if renewal is not None and renewal.needed_by is not None:
        return t["desc_prepare_renew"].format(
            day=long_date(a.day, lang), needed=long_date(renewal.needed_by, lang)
        )
    since = a.day - relativedelta(months=s.max_plan_age_months)
    return t["desc_prepare"].format(
        day=long_date(a.day, lang), months=s.max_plan_age_months, since=long_date(since, lang)
    )


def interview_event(plan: Plan, a: Appointment, summary: str) -> Event:
    """The interview: time, place, who comes and what to prepare."""
    problem: Problem = plan.problem
    t = words(problem.settings.language)
    where = problem.address((a.provider, a.location))
    name = plan.people.get(a.consultant, (a.consultant, ""))[0]
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
    event = _event(plan, a.uid, a.sequence, a, a.start, a.end, summary)
    event.add("location", ", ".join(p for p in (a.location, where) if p))
    event.add("description", "\n".join(lines))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def writeup_event(plan: Plan, a: Appointment) -> Event:
    """The consultant's afternoon block for writing the interview up."""
    t = words(plan.problem.settings.language)
    summary = t["summary_writeup"].format(dossier=a.dossier)
    event = _event(
        plan, writeup_uid(a), a.writeup_sequence, a, a.writeup_start, a.writeup_end, summary
    )
    event.add("description", t["desc_writeup"].format(client=a.client, dossier=a.dossier))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def cancelled_event(plan: Plan, a: Appointment, writeup: bool) -> Event:
    """The event of a ``METHOD:CANCEL``: the UID, a raised SEQUENCE, the time it had."""
    t = words(plan.problem.settings.language)
    if writeup:
        uid, sequence = writeup_uid(a), a.writeup_sequence
        start, end = a.writeup_start, a.writeup_end
    else:
        uid, sequence, start, end = a.uid, a.sequence, a.start, a.end
    summary = t["summary_cancelled"].format(dossier=a.dossier)
    event = _event(plan, uid, sequence, a, start, end, summary)
    event.add("status", "CANCELLED")
    return event


def stamp(plan: Plan) -> datetime:
    """DTSTAMP: the plan's creation time in UTC (never the clock: reproducible files)."""
    return datetime.fromisoformat(plan.created).astimezone(UTC)


def _ordered(appointments: Iterable[Appointment]) -> list[Appointment]:
    return sorted(appointments, key=lambda a: (a.day, a.start, a.consultant, a.dossier))


def provider_calendar(plan: Plan, provider: str) -> bytes:
    """The provider's appointments only (privacy: no other provider's clients)."""
    t = words(plan.problem.settings.language)
    events = [
        interview_event(plan, a, t["summary_provider"].format(dossier=a.dossier, client=a.client))
        for a in _ordered(a for a in plan.appointments if a.provider == provider)
    ]
    return calendar(plan, "PUBLISH", events)


def consultant_calendar(plan: Plan, consultant_id: str) -> bytes:
    """A consultant's interviews and the afternoon write-up block of each."""
    t = words(plan.problem.settings.language)
    events: list[Event] = []
    for a in _ordered(a for a in plan.appointments if a.consultant == consultant_id):
        summary = t["summary_consultant"].format(dossier=a.dossier, location=a.location)
        events += [interview_event(plan, a, summary), writeup_event(plan, a)]
    return calendar(plan, "PUBLISH", events)


def cancellation(plan: Plan, a: Appointment, writeup: bool = False) -> bytes:
    """``METHOD:CANCEL`` for one appointment (or its write-up block) that is gone.

    One UID per object, as iTIP requires: a file of its own per cancelled event.
    Apple Calendar and Thunderbird remove the event on import; Outlook and
    Google do not apply a CANCEL *file*, which is why updates travel by e-mail.
    """
    return calendar(plan, "CANCEL", [cancelled_event(plan, a, writeup)])


def dropped_for_consultant(plan: Plan, consultant_id: str) -> list[Appointment]:
    """Previous appointments gone from a consultant's calendar: dropped or moved away."""
    gone = [a for a in plan.cancelled if a.consultant == consultant_id]
    for change in plan.changes:
        before, after = change.before, change.after
        if before and after and before.consultant == consultant_id != after.consultant:
            gone.append(
                replace(
                    before,
                    sequence=before.sequence + 1,
                    writeup_sequence=before.writeup_sequence + 1,
                )
            )
    return gone
