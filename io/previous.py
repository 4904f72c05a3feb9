"""The previous revision of a planning folder (SPEC §6): its ``plan.json``.

A rerun starts from the appointments of the previous plan. A ``plan.json`` that
cannot be read is an input error (exit 2) that names the file and suggests
``--fresh``; nothing is written.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from herplan.io.errors import InputError
from herplan.io.plan_json import FORMAT
from herplan.scheduler.domain import Appointment


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def read_previous(path: Path) -> tuple[int, tuple[Appointment, ...]]:
    """Revision number and appointments of the plan at ``path``."""
    hint = "; start over with --fresh, or choose another --out folder"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError([f"{path}: cannot be read as a herplan plan ({error}){hint}"]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError([f"{path}: not a {FORMAT} plan{hint}"])
    appointments = []
    for n, a in enumerate(data.get("appointments", []), start=1):
        try:
            appointments.append(
                Appointment(
                    uid=a["uid"],
                    dossier=a["dossier"],
                    client=a["client"],
                    provider=a["provider"],
                    location=a["location"],
                    consultant=a["consultant"],
                    day=date.fromisoformat(a["date"]),
                    start=_minutes(a["start"]),
                    end=_minutes(a["end"]),
                    writeup_start=_minutes(a["writeup_start"]),
                    writeup_end=_minutes(a["writeup_end"]),
                    with_=a["with"],
                    begeleider=a.get("begeleider", ""),
                    sequence=int(a.get("sequence", 0)),
                    pinned=bool(a.get("pinned", False)),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(
                [f"{path} › appointments › {n}: damaged appointment ({error}){hint}"]
            ) from None
    return int(data.get("revision", 1)), tuple(appointments)
