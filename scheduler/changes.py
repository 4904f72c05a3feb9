"""What changed since the previous revision, and why (README, Rerun after cancellations).

Every previous appointment that is not exactly where it was gets one line:
moved (with its cause: the provider said ``nee``, the consultant is away, the
location is closed, the rules changed, or it made room for a reassessment
that would otherwise stay unplanned, named in the line), cancelled
(withdrawn, or gone from the input) or no longer plannable (with the reason
codes); every new appointment gets one line, and so does every ``ja``
(confirmed). Dropped appointments are returned with SEQUENCE raised, for the
calendar cancellations. Lines carry codes and facts; ``herplan.io.sentences``
renders them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date

from herplan.calendar import iso_week
from herplan.domain.appointment import Appointment
from herplan.domain.codes import Cause, ChangeKind
from herplan.domain.plan import Change, Unscheduled
from herplan.domain.revisions import Rerun
from herplan.scheduler.rerun import RerunStart


def _where(a: Appointment) -> tuple[str, date, int, int, str, str]:
    return (a.consultant, a.day, a.start, a.end, a.provider, a.location)


def _overlaps(before: Appointment, after: Appointment) -> bool:
    """The same day, at a time that overlaps the one it had."""
    return before.day == after.day and after.start < before.end and before.start < after.end


def made_room_for(
    before: Appointment, newly: Iterable[Appointment], now: Appointment | None
) -> Appointment | None:
    """The newly planned appointment that ``before`` moved out of the way for.

    The one that took its place: first one held in its old consultant-morning
    (or, for another time, in its morning now), then one at its location that
    day, one of its begeleider that day, one of its consultant that week, one
    that day; else the first newly planned one.
    """
    newly = sorted(newly, key=lambda a: (a.day, a.start, a.dossier))
    week = iso_week(before.day)
    worker = " ".join(before.begeleider.split()).casefold()
    tests: tuple[Callable[[Appointment], bool], ...] = (
        lambda a: (a.consultant, a.day) == (before.consultant, before.day),
        lambda a: now is not None and (a.consultant, a.day) == (now.consultant, now.day),
        lambda a: (a.provider, a.location, a.day) == (before.provider, before.location, before.day),
        lambda a: (
            bool(worker)
            and a.day == before.day
            and " ".join(a.begeleider.split()).casefold() == worker
        ),
        lambda a: a.consultant == before.consultant and iso_week(a.day) == week,
        lambda a: a.day == before.day,
        lambda a: True,
    )
    for test in tests:
        found = next((a for a in newly if test(a)), None)
        if found is not None:
            return found
    return None


def changes_since(
    rerun: Rerun,
    start: RerunStart,
    appointments: list[Appointment],
    unscheduled: list[Unscheduled],
    remarks: Mapping[str, str] | None = None,
) -> tuple[tuple[Change, ...], tuple[Appointment, ...]]:
    """The change list and the dropped (cancelled) appointments of a rerun; a withdrawn
    reassessment's line carries its input remark (why, as the provider said it)."""
    now = {a.dossier: a for a in appointments}
    why_not = {u.dossier: u for u in unscheduled}
    # Planned now and not kept from the previous plan: released ones planned again,
    # and reassessments the previous plan did not hold.
    newly = [
        a
        for a in appointments
        if a.dossier in start.released or rerun.previous_of(a.dossier) is None
    ]
    changes: list[Change] = []
    cancelled: list[Appointment] = []
    for before in sorted(rerun.previous, key=lambda a: (a.day, a.start, a.dossier)):
        if rerun.held(before):
            continue
        after = now.get(before.dossier)
        if after is not None:
            changes += _kept_or_moved(before, after, rerun, start, newly)
            continue
        cancelled.append(
            replace(
                before, sequence=before.sequence + 1, writeup_sequence=before.writeup_sequence + 1
            )
        )
        changes.append(
            _dropped(
                before,
                rerun,
                start,
                why_not.get(before.dossier),
                (remarks or {}).get(before.dossier, ""),
            )
        )
    for after in sorted(appointments, key=lambda a: (a.day, a.start, a.dossier)):
        if not rerun.held(after) and rerun.previous_of(after.dossier) is None:
            changes.append(
                Change(after.dossier, after.provider, ChangeKind.NEW, Cause.NEW, None, after)
            )
    return tuple(changes), tuple(cancelled)


def _kept_or_moved(
    before: Appointment,
    after: Appointment,
    rerun: Rerun,
    start: RerunStart,
    newly: list[Appointment],
) -> list[Change]:
    """Nothing for an appointment where it was (unless confirmed), else why it moved."""
    verdict = rerun.verdict(before.dossier)
    remark = verdict.remark if verdict is not None else ""
    if verdict is not None and verdict.same_day and _overlaps(before, after):
        # Asked for another time that day; the morning had none: it stays, and says so.
        return [
            Change(
                before.dossier,
                before.provider,
                ChangeKind.NOT_POSSIBLE,
                Cause.SAME_DAY,
                before,
                after,
                remark,
            )
        ]
    if _where(after) == _where(before):
        if verdict is not None and verdict.feasible:
            return [
                Change(
                    before.dossier,
                    before.provider,
                    ChangeKind.CONFIRMED,
                    Cause.CONFIRMED,
                    before,
                    after,
                    remark,
                )
            ]
        return []
    cause = start.released.get(before.dossier)
    room = None
    chosen = start.made_room.get(before.dossier)
    if cause is None or chosen is not None:  # moved to make room (for a chosen place: it)
        same_morning = (after.consultant, after.day) == (before.consultant, before.day)
        cause = Cause.TIME if same_morning else Cause.MORE
        room = next((a for a in newly if a.dossier == chosen), None) or made_room_for(
            before, newly, after
        )
    return [
        Change(
            before.dossier,
            before.provider,
            ChangeKind.MOVED,
            cause,
            before,
            after,
            remark,
            conflict=before.dossier in start.conflicts,
            made_room_for=room.dossier if room else "",
            room_cause=_planned_because(room, rerun, start) if room else None,
        )
    ]


def _dropped(
    before: Appointment,
    rerun: Rerun,
    start: RerunStart,
    entry: Unscheduled | None,
    input_remark: str = "",
) -> Change:
    """A previous appointment gone: cancelled, or no longer plannable with its reasons."""
    cause = start.released.get(before.dossier, Cause.MORE)
    if cause in (Cause.WITHDRAWN, Cause.GONE):
        said = input_remark if cause == Cause.WITHDRAWN else ""
        return Change(
            before.dossier, before.provider, ChangeKind.CANCELLED, cause, before, None, said
        )
    verdict = rerun.verdict(before.dossier)
    remark = verdict.remark if verdict is not None else ""
    reasons = entry.reasons if entry is not None else ()
    return Change(
        before.dossier,
        before.provider,
        ChangeKind.NO_LONGER_PLANNABLE,
        cause,
        before,
        None,
        remark,
        reasons,
        before.dossier in start.conflicts,
    )


def _planned_because(room: Appointment, rerun: Rerun, start: RerunStart) -> Cause:
    """Why the reassessment room was made for needed a place: its release cause, or new."""
    if rerun.previous_of(room.dossier) is None:
        return Cause.NEW
    return start.released.get(room.dossier, Cause.NEW)
