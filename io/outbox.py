"""The e-mail outbox ``DIR/uitgaand/``: invitations calendar programs apply (iMIP, README).

Outlook, Google and Apple apply an invitation that arrives by e-mail (RFC
6047): a ``METHOD:REQUEST`` adds or updates an event (a higher SEQUENCE
wins), a ``METHOD:CANCEL`` removes it. So every run writes one ``.eml`` per
message to send, each with one event (one UID) for one recipient:

- a new appointment: a REQUEST to the begeleider (or the location's contact
  when no begeleider e-mail is known) and one to the consultant, plus the
  consultant's write-up block;
- a changed appointment: a REQUEST with the raised SEQUENCE (a consultant who
  lost it gets a CANCEL, the one who got it a new REQUEST);
- a removed appointment: a CANCEL to everyone who was invited;
- an unchanged appointment: nothing.

What was invited is recorded in ``plan.json`` (``invitations``); the next
revision compares against it. The planning office (``organisator_email``)
is the ORGANIZER; without it no outbox is written (the summary says so) and
the record carries over unchanged, so adding the address later invites
everything once. A message holds only what its recipient needs: one
client's dossier reference and initials, time and address.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from email.charset import QP, Charset
from email.encoders import encode_base64
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.policy import SMTP
from email.utils import format_datetime, formataddr

from icalendar import Event

from herplan.domain.appointment import Appointment
from herplan.domain.codes import Role
from herplan.domain.plan import Plan
from herplan.domain.revisions import Invitation
from herplan.io.calendar_events import (
    address,
    calendar,
    cancelled_event,
    interview_event,
    support_plan_note,
    writeup_event,
)
from herplan.io.invitations import WRITEUP, can_mail, invitations, writeup_uid
from herplan.io.sentences import long_date
from herplan.io.slug import unique_slugs
from herplan.io.words import section, words

OUTBOX = "uitgaand"


@dataclass(frozen=True)
class Message:
    """One e-mail of the outbox: one event for one recipient."""

    method: str  # REQUEST or CANCEL
    invitation: Invitation
    appointment: Appointment  # as the recipient should now see it (or last saw it)
    changed: bool  # a REQUEST that replaces an earlier one


def _earlier(plan: Plan) -> dict[str, Appointment]:
    """Each UID's appointment as it was before this revision (for cancellations)."""
    found: dict[str, Appointment] = {a.uid: a for a in plan.appointments}
    for change in plan.changes:
        if change.before is not None:
            found[change.before.uid] = change.before
    found.update({a.uid: a for a in plan.cancelled})
    by_writeup = {writeup_uid(a): a for a in found.values()}
    return found | by_writeup


def messages(plan: Plan) -> list[Message]:
    """Every message to send for this revision, in a stable order."""
    if not can_mail(plan):
        return []
    before = {i.key: i for i in plan.invited_before}
    now = {i.key: i for i in invitations(plan)}
    current = {a.uid: a for a in plan.appointments}
    current |= {writeup_uid(a): a for a in plan.appointments}
    earlier = _earlier(plan)
    found: list[Message] = []
    for key, invitation in now.items():
        previous = before.get(key)
        if previous is None or previous.sequence != invitation.sequence:
            changed = previous is not None or any(k[0] == key[0] for k in before)
            found.append(Message("REQUEST", invitation, current[invitation.uid], changed))
    for key, previous in before.items():
        if key in now:
            continue
        a = earlier.get(previous.uid)
        if a is None:  # nothing known of it any more: cannot describe it
            continue
        sequence = previous.sequence + 1
        if previous.uid in current:
            now_a = current[previous.uid]
            latest = now_a.writeup_sequence if previous.kind == WRITEUP else now_a.sequence
            sequence = max(sequence, latest)
        if previous.kind == WRITEUP:
            a = replace(a, writeup_sequence=sequence)
        else:
            a = replace(a, sequence=sequence)
        found.append(Message("CANCEL", replace(previous, sequence=sequence), a, False))
    return sorted(
        found,
        key=lambda m: (m.invitation.dossier, m.invitation.kind, m.invitation.role, m.method),
    )


def _event(plan: Plan, m: Message) -> Event:
    a, invitation = m.appointment, m.invitation
    t = words(plan.problem.settings.language)
    if m.method == "CANCEL":
        event = cancelled_event(plan, a, writeup=invitation.kind == WRITEUP)
    elif invitation.kind == WRITEUP:
        event = writeup_event(plan, a)
    elif invitation.role == Role.CONSULTANT:
        summary = t["summary_consultant"].format(dossier=a.dossier, location=a.location)
        event = interview_event(plan, a, summary)
    else:
        summary = t["summary_provider"].format(dossier=a.dossier, client=a.client)
        event = interview_event(plan, a, summary)
    event.add("attendee", address(invitation.to, invitation.name, "REQ-PARTICIPANT"))
    return event


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _text(plan: Plan, m: Message) -> tuple[str, str]:
    """Subject and plain-text body, in the planning's language."""
    s = plan.problem.settings
    w = section(s.language, "mail_")
    a, invitation = m.appointment, m.invitation
    writeup = invitation.kind == WRITEUP
    start, end = (a.writeup_start, a.writeup_end) if writeup else (a.start, a.end)
    day = long_date(a.day, s.language)
    when = w["at"].format(day=day, start=_clock(start), end=_clock(end))
    short = w["short"].format(day=day, start=_clock(start))
    facts = {"client": a.client, "dossier": a.dossier, "when": when}
    lines = [w["greeting"].format(name=invitation.name), ""]
    if m.method == "CANCEL":
        subject = w["subject_writeup_cancel" if writeup else "subject_cancel"]
        lines.append(w["writeup_cancel" if writeup else "cancel"].format(**facts))
    elif writeup:
        subject = w["subject_writeup"]
        lines.append(w["writeup"].format(**facts))
    else:
        subject = w["subject_changed" if m.changed else "subject_new"]
        where = plan.problem.address((a.provider, a.location))
        consultant = plan.people.get(a.consultant, (a.consultant, ""))[0]
        lines += [
            w["changed" if m.changed else "new"],
            "",
            f"{w['when']}: {when}",
            f"{w['where']}: {', '.join(p for p in (a.provider, a.location, where) if p)}",
            f"{w['dossier']}: {a.dossier} ({a.client})",
            f"{w['with']}: {w['with_' + a.with_]}",
            f"{w['consultant']}: {consultant}",
            "",
            support_plan_note(plan, a),
        ]
    reason = plan.hand_reasons.get(a.dossier, "")
    if m.method == "REQUEST" and m.changed and not writeup and reason:
        lines += ["", w["moved_reason"].format(reason=reason)]
    if m.method == "REQUEST":
        lines += ["", w["calendar"]]
        link = plan.answer_links.get(a.provider)
        if link and invitation.role != Role.CONSULTANT and not writeup:
            lines += ["", w["online"].format(link=link)]
    contact = ", ".join(p for p in (s.planner_name, s.planner_email, s.planner_phone) if p)
    if contact:
        lines += ["", w["questions"].format(who=contact)]
    lines += ["", w["regards"], s.organizer_name or s.organizer_email]
    return subject.format(dossier=a.dossier, when=short), "\n".join(lines) + "\n"


def _email(plan: Plan, m: Message, name: str) -> bytes:
    s = plan.problem.settings
    subject, body = _text(plan, m)
    ics = calendar(plan, m.method, [_event(plan, m)])
    digest = hashlib.sha256(f"{plan.wave}|{plan.revision}|{name}".encode()).hexdigest()[:24]
    domain = s.organizer_email.rpartition("@")[2]
    msg = MIMEMultipart("alternative", boundary=f"herplan-{digest}")
    msg["From"] = formataddr((s.organizer_name, s.organizer_email), charset="utf-8")
    msg["To"] = formataddr((m.invitation.name, m.invitation.to), charset="utf-8")
    msg["Subject"] = Header(subject, "utf-8").encode()
    msg["Date"] = format_datetime(datetime.fromisoformat(plan.created))
    msg["Message-ID"] = f"<{digest}@{domain}>"
    text = Charset("utf-8")
    text.body_encoding = QP
    plain = MIMENonMultipart("text", "plain")
    plain.set_payload(body, charset=text)
    msg.attach(plain)
    invite = MIMENonMultipart("text", "calendar", method=m.method, charset="UTF-8")
    invite.set_payload(ics)
    encode_base64(invite)
    msg.attach(invite)
    return msg.as_bytes(policy=SMTP)


def outbox_files(plan: Plan, part: int = 0, parts: int = 1) -> dict[str, bytes]:
    """``uitgaand/``: one ``.eml`` per message, named by dossier, event and recipient.

    ``part`` of ``parts``: every ``parts``-th message from the ``part``-th on,
    so the messages can be written by several processes.
    """
    found = messages(plan)
    names = unique_slugs({m.invitation.dossier for m in found})
    files: dict[str, bytes] = {}
    for m in found[part::parts]:
        i = m.invitation
        stem = f"{names[i.dossier]}-{i.kind}-{i.role}"
        name = f"{stem}-annulering.eml" if m.method == "CANCEL" else f"{stem}.eml"
        files[name] = _email(plan, m, name)
    return files
