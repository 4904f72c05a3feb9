"""An appointment: one planned interview and its write-up block, and when it is held.

The record the plan, the rerun and the history of revisions all speak of.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from herplan.domain.codes import Attendance


def is_held(day: date, today: date) -> bool:
    """A day on or before today is under way or past (README, Today): what stands on it
    is held as it is, and nothing new is planned there."""
    return day <= today


def first_open_day(today: date) -> date:
    """The first day a plan may still place or move an interview on: tomorrow."""
    return today + timedelta(days=1)


@dataclass(frozen=True)
class Appointment:
    """A planned reassessment interview and its write-up block."""

    uid: str
    dossier: str
    client: str
    provider: str
    location: str
    consultant: str
    day: date
    start: int
    end: int
    writeup_start: int
    writeup_end: int
    with_: Attendance  # with the client, or with the begeleider in their place
    begeleider: str = ""
    sequence: int = 0
    pinned: bool = False
    writeup_sequence: int = 0  # the write-up block's own SEQUENCE: it can move alone
