"""The previous revision of a planning folder (SPEC §6): its ``plan.json``.

A rerun starts from the appointments of the previous plan and keeps the
wave's calendar identity (UIDs issued, UIDs cancelled, consultants, file
names). A ``plan.json`` that cannot be read is an input error (exit 2) that
names the file and the field and suggests ``--fresh``; nothing is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from herplan.domain import Appointment, Invitation
from herplan.io.errors import InputError
from herplan.io.plan_json import FORMAT

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
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError([f"{path}: far too large for a plan{HINT}"])
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise InputError([f"{path}: cannot be read as a herplan plan ({error}){HINT}"]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError([f"{path}: not a {FORMAT} plan{HINT}"])
    revision = data.get("revision", 1)
    if isinstance(revision, bool) or not isinstance(revision, int) or not 1 <= revision < 10**6:
        raise InputError([f"{path} › revision: {revision!r} is not a revision number{HINT}"])
    raw = data.get("appointments", [])
    if not isinstance(raw, list):
        raise InputError([f"{path} › appointments: expected a list of appointments{HINT}"])
    appointments = []
    for n, a in enumerate(raw, start=1):
        try:
            if not isinstance(a, dict):
                raise ValueError("not an appointment")
            sequence = _count(a, "sequence")
            writeup_sequence = _count(a, "writeup_sequence")
            appointments.append(
                Appointment(
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
                    with_=_text(a, "with"),
                    begeleider=_text(a, "begeleider", ""),
                    sequence=sequence,
                    writeup_sequence=writeup_sequence,
                    pinned=bool(a.get("pinned", False)),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(
                [f"{path} › appointments › {n}: damaged appointment ({error}){HINT}"]
            ) from None
    retired = data.get("retired_uids", [])
    if not isinstance(retired, list) or not all(isinstance(u, str) for u in retired):
        raise InputError([f"{path} › retired_uids: expected a list of UIDs{HINT}"])
    people_raw = data.get("consultants", {})
    people: dict[str, tuple[str, str]] = {}
    if isinstance(people_raw, dict):
        for cid, who in people_raw.items():
            if isinstance(who, dict):
                people[str(cid)] = (str(who.get("name", "")), str(who.get("email", "")))
    files = data.get("file_names", {})
    names: dict[str, dict[str, str]] = {}
    if isinstance(files, dict):
        for kind in ("aanbieders", "consulenten"):
            names[kind] = _strings(files, kind, path) if kind in files else {}
    wave = data.get("wave", "")
    invited = data.get("invitations", [])
    if not isinstance(invited, list):
        raise InputError([f"{path} › invitations: expected a list of invitations{HINT}"])
    found = []
    for n, i in enumerate(invited, start=1):
        try:
            if not isinstance(i, dict):
                raise ValueError("not an invitation")
            found.append(
                Invitation(
                    uid=_text(i, "uid"),
                    to=_text(i, "to"),
                    name=_text(i, "name", ""),
                    role=_text(i, "role"),
                    kind=_text(i, "kind"),
                    dossier=_text(i, "dossier"),
                    sequence=_count(i, "sequence"),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(
                [f"{path} › invitations › {n}: damaged invitation ({error}){HINT}"]
            ) from None
    return Previous(
        revision=revision,
        appointments=tuple(appointments),
        wave=wave if isinstance(wave, str) else "",
        uids=_strings(data, "uids", path),
        retired=frozenset(retired),
        people=people,
        file_names=names,
        invitations=tuple(found),
    )
