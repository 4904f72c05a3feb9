"""Clock times within a morning and an afternoon (rules 1, 2, 3 and 8).

The model decides who is seen by which consultant on which day; this module
turns each consultant-morning into clock times. Interviews start at the
beginning of the morning and follow each other with the change-over time in
between; one begeleider's interviews are kept back to back. The write-ups
follow the same order from the start of the afternoon, each its own block.
The model guarantees that the durations fit, so the times always do.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from herplan.scheduler.domain import Reassessment, Settings


@dataclass(frozen=True)
class Timed:
    """One interview with its clock times (minutes after midnight)."""

    reassessment: Reassessment
    consultant: str
    day: date
    start: int
    end: int
    writeup_start: int
    writeup_end: int


def _order_key(r: Reassessment) -> tuple[str, str]:
    worker = r.begeleider.strip().casefold()
    return (worker or "~" + r.dossier, r.dossier)


def assign_times(chosen: list[tuple[Reassessment, str, date]], settings: Settings) -> list[Timed]:
    """Clock times for every chosen (reassessment, consultant, day)."""
    mornings: dict[tuple[str, date], list[Reassessment]] = defaultdict(list)
    for r, cid, day in chosen:
        mornings[(cid, day)].append(r)
    timed: list[Timed] = []
    for (cid, day), cases in sorted(mornings.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        clock = settings.morning.start
        writeup = settings.afternoon.start
        for r in sorted(cases, key=_order_key):
            length = r.interview_minutes(settings)
            timed.append(
                Timed(r, cid, day, clock, clock + length, writeup, writeup + settings.writeup_min)
            )
            clock += length + settings.changeover_min
            writeup += settings.writeup_min
    return timed


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
