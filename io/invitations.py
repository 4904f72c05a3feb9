"""Who is invited to each appointment (README, Outputs): what ``plan.json`` records
(``invitations``) and the next revision's outbox compares against.

A new appointment invites the begeleider (or the location's contact when no begeleider
e-mail is known) and the consultant, who also gets the write-up block; without the
planning office's mailbox (``organisator_email``) nothing is mailed and the record
carries over unchanged. Plain records: no calendar library is needed to know them.
"""

from __future__ import annotations

from herplan.domain.appointment import Appointment
from herplan.domain.codes import InvitationKind, Role
from herplan.domain.plan import Plan
from herplan.domain.revisions import Invitation

INTERVIEW, WRITEUP = InvitationKind.INTERVIEW, InvitationKind.WRITEUP


def writeup_uid(a: Appointment) -> str:
    """The write-up block's UID: the interview's, marked, so it is just as stable."""
    stem, _, domain = a.uid.partition("@")
    return f"{stem}-uitwerking@{domain}"


def can_mail(plan: Plan) -> bool:
    """An outbox needs the planning office's mailbox as organiser (``organisator_email``)."""
    return bool(plan.problem.settings.organizer_email)


def _invitee(plan: Plan, a: Appointment) -> tuple[Role, str, str] | None:
    """(role, name, e-mail) of whoever is invited on the provider's side, if anyone."""
    problem = plan.problem
    case = problem.reassessments_by_dossier.get(a.dossier)
    if case is not None and case.begeleider_email:
        name = a.begeleider or case.begeleider or a.client
        return (Role.SUPPORT_WORKER, name, case.begeleider_email)
    try:
        location = problem.location((a.provider, a.location))
    except KeyError:  # a kept appointment at a location gone from the input
        return None
    if location.contact_email:
        return (Role.CONTACT, location.contact or a.provider, location.contact_email)
    return None


def invitations(plan: Plan) -> tuple[Invitation, ...]:
    """What the recipients' calendars hold once this plan's outbox is sent.

    A held appointment keeps the invitations it had: it is never re-sent or
    cancelled, whatever its row in the input says now (README, Today).
    """
    if not can_mail(plan):
        return plan.invited_before
    held = {uid for a in plan.appointments if plan.held(a) for uid in (a.uid, writeup_uid(a))}
    found = [i for i in plan.invited_before if i.uid in held]
    for a in plan.appointments:
        if plan.held(a):
            continue
        who = _invitee(plan, a)
        if who is not None:
            role, name, email = who
            found.append(Invitation(a.uid, email, name, role, INTERVIEW, a.dossier, a.sequence))
        name, email = plan.people.get(a.consultant, (a.consultant, ""))
        if email:
            found += [
                Invitation(a.uid, email, name, Role.CONSULTANT, INTERVIEW, a.dossier, a.sequence),
                Invitation(
                    writeup_uid(a),
                    email,
                    name,
                    Role.CONSULTANT,
                    WRITEUP,
                    a.dossier,
                    a.writeup_sequence,
                ),
            ]
    return tuple(sorted(found, key=lambda i: (i.dossier, i.kind, i.role, i.to)))


def uninvited(plan: Plan) -> list[Appointment]:
    """Appointments whose provider side has no e-mail address (no begeleider, no contact)."""
    return [a for a in plan.appointments if not plan.held(a) and _invitee(plan, a) is None]
