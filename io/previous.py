"""The previous revision of a planning folder: its ``plan.json`` (README, Rerun after
cancellations).

A rerun starts from the appointments of the previous plan and keeps the
wave's calendar identity (UIDs issued, UIDs cancelled, consultants, file
names). A ``plan.json`` that cannot be read is an input error (exit 2) that
names the file and the field and suggests ``--fresh``; nothing is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from herplan.domain.appointment import Appointment, is_held
from herplan.domain.codes import Attendance, InvitationKind, Role
from herplan.domain.revisions import Invitation, Rerun, StaleAnswer, Verdict
from herplan.findings import Code, Finding
from herplan.io.errors import InputError
from herplan.io.feedback import disagree, read_feedback, saved_at
from herplan.io.plan_json import FORMAT

T = TypeVar("T")
HINT = "; start over with --fresh, or choose another --out folder"
CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
MAX_BYTES = 50_000_000


@dataclass(frozen=True)
class Previous:
    """What a rerun takes over from the previous revision."""

    revision: int
    appointments: tuple[Appointment, ...]
    wave: str = ""
    uids: dict[str, str] = field(default_factory=dict)
    retired: frozenset[str] = frozenset()
    people: dict[str, tuple[str, str]] = field(default_factory=dict)
    file_names: dict[str, dict[str, str]] = field(default_factory=dict)
    invitations: tuple[Invitation, ...] = ()
    answers_seen: int = 0  # online answers up to this one were taken already
    today: date | None = None  # the day it was planned as (README, Today)


@dataclass(frozen=True)
class Online:
    """The online answers as a rerun takes them (the app's answer store reads them)."""

    verdicts: tuple[Verdict, ...]
    stale: tuple[StaleAnswer, ...]
    given: dict[str, datetime]  # when each applied answer was given
    chosen: tuple[str, ...]  # DOSSIER=DATE@CONSULTANT@HH:MM: places picked with a nee
    seen: int = 0  # the last answer read: what the rerun marks as taken once written


# The online answers that apply to the previous revision (its appointments, and the
# answers it took already); the app reads them from its answer store.
OnlineAnswers = Callable[[Previous], Online]


def _minutes(text: object) -> int:
    if not isinstance(text, str) or not CLOCK.fullmatch(text):
        raise ValueError(f"{text!r} is not a time hh:mm")
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _count(a: dict, key: str) -> int:
    value = a.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**6:
        raise ValueError(f"{key} {value!r} is not a whole number")
    return value


def _text(a: dict, key: str, default: str | None = None) -> str:
    value = a.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"{key} {value!r} is not text")
    return value


def _strings(data: dict, key: str, path: Path) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InputError([f"{path} › {key}: expected a mapping of texts{HINT}"])
    return dict(value)


def read_previous(path: Path) -> Previous:
    """The previous plan at ``path``."""
    data = _plan_data(path)
    revision = data.get("revision", 1)
    if isinstance(revision, bool) or not isinstance(revision, int) or not 1 <= revision < 10**6:
        raise InputError([f"{path} › revision: {revision!r} is not a revision number{HINT}"])
    retired = data.get("retired_uids", [])
    if not isinstance(retired, list) or not all(isinstance(u, str) for u in retired):
        raise InputError([f"{path} › retired_uids: expected a list of UIDs{HINT}"])
    wave = data.get("wave", "")
    return Previous(
        revision=revision,
        appointments=each_entry(data, path, "appointments", "appointment", appointment_entry),
        wave=wave if isinstance(wave, str) else "",
        uids=_strings(data, "uids", path),
        retired=frozenset(retired),
        people=_people(data),
        file_names=file_names_of(data, path),
        invitations=each_entry(data, path, "invitations", "invitation", invitation_entry),
        answers_seen=_count(data, "answers_seen"),
        today=_day_of(data.get("today")),
    )


def _day_of(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _plan_data(path: Path) -> dict:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError([f"{path}: far too large for a plan{HINT}"])
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise InputError([f"{path}: cannot be read as a herplan plan ({error}){HINT}"]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError([f"{path}: not a {FORMAT} plan{HINT}"])
    return data


def each_entry(
    data: dict, path: Path, key: str, what: str, parse: Callable[[dict], T]
) -> tuple[T, ...]:
    """Every entry of the list ``key``, parsed; a damaged one names its place (``InputError``)."""
    raw = data.get(key, [])
    if not isinstance(raw, list):
        raise InputError([f"{path} › {key}: expected a list of {what}s{HINT}"])
    found = []
    for n, entry in enumerate(raw, start=1):
        try:
            if not isinstance(entry, dict):
                raise ValueError(f"not an {what}")
            found.append(parse(entry))
        except (KeyError, TypeError, ValueError) as error:
            raise InputError([f"{path} › {key} › {n}: damaged {what} ({error}){HINT}"]) from None
    return tuple(found)


def appointment_entry(a: dict) -> Appointment:
    return Appointment(
        uid=_text(a, "uid"),
        dossier=_text(a, "dossier"),
        client=_text(a, "client"),
        provider=_text(a, "provider"),
        location=_text(a, "location"),
        consultant=_text(a, "consultant"),
        day=date.fromisoformat(_text(a, "date")),
        start=_minutes(a.get("start")),
        end=_minutes(a.get("end")),
        writeup_start=_minutes(a.get("writeup_start")),
        writeup_end=_minutes(a.get("writeup_end")),
        with_=Attendance(_text(a, "with")),
        begeleider=_text(a, "begeleider", ""),
        sequence=_count(a, "sequence"),
        writeup_sequence=_count(a, "writeup_sequence"),
        pinned=bool(a.get("pinned", False)),
    )


def invitation_entry(i: dict) -> Invitation:
    return Invitation(
        uid=_text(i, "uid"),
        to=_text(i, "to"),
        name=_text(i, "name", ""),
        role=Role(_text(i, "role")),
        kind=InvitationKind(_text(i, "kind")),
        dossier=_text(i, "dossier"),
        sequence=_count(i, "sequence"),
    )


def _people(data: dict) -> dict[str, tuple[str, str]]:
    people: dict[str, tuple[str, str]] = {}
    raw = data.get("consultants", {})
    if isinstance(raw, dict):
        for cid, who in raw.items():
            if isinstance(who, dict):
                people[str(cid)] = (str(who.get("name", "")), str(who.get("email", "")))
    return people


def file_names_of(data: dict, path: Path) -> dict[str, dict[str, str]]:
    files = data.get("file_names", {})
    names: dict[str, dict[str, str]] = {}
    if isinstance(files, dict):
        for kind in ("aanbieders", "consulenten"):
            names[kind] = _strings(files, kind, path) if kind in files else {}
    return names


def prepare_rerun(
    folder: Path,
    today: date,
    feedback: Sequence[Path] = (),
    online: OnlineAnswers | None = None,
) -> Rerun:
    """The rerun of the planning in ``folder`` as of ``today``: its previous plan, the
    returned sheets and the ``online`` answers (read by the app from its answer store)."""
    previous = read_previous(folder / "plan.json")
    if previous.today is not None and today < previous.today:
        raise InputError(
            [
                f"{folder / 'plan.json'}: revision {previous.revision} was planned as of "
                f"{previous.today.isoformat()}; a rerun as of {today.isoformat()} would go back in "
                f"time and undo what was held since. Give --today {previous.today.isoformat()} "
                "or later (or leave it out: today)"
            ]
        )
    verdicts, stale, conflicts = read_feedback(list(feedback), previous.appointments)
    picked: tuple[str, ...] = ()
    seen = 0
    if online is not None:
        verdicts, stale, both, picked, seen = _with_online(
            verdicts, stale, feedback, online(previous)
        )
        conflicts += both
    issued = {a.dossier: a.uid for a in previous.appointments}
    issued.update(previous.uids)
    held = {a.dossier for a in previous.appointments if is_held(a.day, today)}
    late = tuple(v for v in verdicts if v.dossier in held)
    return Rerun(
        previous=previous.appointments,
        revision=previous.revision,
        today=today,
        verdicts=tuple(v for v in verdicts if v.dossier not in held),
        late=late,
        wave=previous.wave,
        uids=issued,
        retired=previous.retired,
        people=previous.people,
        stale=stale,
        answer_conflicts=conflicts,
        picked_online=picked,
        answers_seen=seen,
        file_names=previous.file_names,
        invitations=previous.invitations,
    )


def _with_online(
    verdicts: tuple[Verdict, ...],
    stale: tuple[StaleAnswer, ...],
    feedback: Sequence[Path],
    online: Online,
) -> tuple[tuple[Verdict, ...], tuple[StaleAnswer, ...], tuple[Finding, ...], tuple[str, ...], int]:
    returned = {p.name: saved_at(p) for p in feedback}
    merged, conflicts = reconcile(verdicts, returned, online.verdicts, online.given)
    kept = {v.dossier for v in merged if v.source.startswith("online")}
    picked = tuple(c for c in online.chosen if c.partition("=")[0] in kept)
    return merged, stale + online.stale, conflicts, picked, online.seen


def reconcile(
    returned: tuple[Verdict, ...],
    returned_at: dict[str, datetime],
    online: tuple[Verdict, ...],
    online_at: dict[str, datetime],
) -> tuple[tuple[Verdict, ...], tuple[Finding, ...]]:
    """Workbook and online answers together: where both answer one dossier differently,
    the later one counts (a workbook's time is when it was saved, ``saved_at``) and the
    conflict is listed (README, Answers online)."""
    merged = {v.dossier: v for v in online}
    conflicts: list[Finding] = []
    for v in returned:
        other = merged.get(v.dossier)
        if other is None or (other.answer, other.remark) == (v.answer, v.remark):
            merged[v.dossier] = v
            continue
        sheet_at = returned_at.get(v.source.split(" › ")[0])
        later = v if sheet_at is not None and sheet_at > online_at[v.dossier] else other
        merged[v.dossier] = later
        conflicts.append(disagree(Code.WORKBOOK_AND_ONLINE_DISAGREE, v, other, later))
    return tuple(merged[d] for d in sorted(merged)), tuple(conflicts)
