"""``handwerk.json``: the appointments a planner moved by hand, waiting for the next rerun.

A hand edit is a place the page checked against every hard rule (README, Web
page: moving by hand). It is kept beside the planning folder (the folder is
swapped whole at every revision) until a rerun pins it like a ``ja``; until
then the planner can take it back. One edit per dossier: a second move of the
same dossier replaces the first.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock

from herplan import clock
from herplan.io.atomic import write_bytes_atomic

FILE = "handwerk.json"
LOCK_SECONDS = 10  # two planners saving at once: the second waits for the first


def _lock(folder: Path) -> FileLock:
    return FileLock(folder / f".{FILE}.lock", timeout=LOCK_SECONDS)


@dataclass(frozen=True)
class HandMove:
    """One appointment moved by hand: ``place`` is ``DATE@CONSULTANT@HH:MM``."""

    dossier: str
    place: str
    before: str = ""  # where it was, as the page showed it ("" when not planned)
    moves: tuple[str, ...] = ()  # the other dossiers it makes room by moving
    shifted: tuple[str, ...] = ()  # where each of them goes: DOSSIER=DATE@CONSULTANT@HH:MM
    by: str = ""
    at: str = ""
    reason: str = ""  # why a confirmed (ja) appointment is moved anyway: the planner's words

    @property
    def spec(self) -> str:
        """As ``herplan plan --choose`` takes it: ``DOSSIER=DATE@CONSULTANT@HH:MM``."""
        return f"{self.dossier}={self.place}"


def pending(folder: Path) -> list[HandMove]:
    """The edits waiting for the next rerun, oldest first (none when the file is unreadable)."""
    try:
        raw = json.loads((folder / FILE).read_text(encoding="utf-8"))
        return [
            HandMove(
                **{**e, "moves": tuple(e.get("moves", ())), "shifted": tuple(e.get("shifted", ()))}
            )
            for e in raw["pending"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _write(folder: Path, edits: list[HandMove]) -> None:
    data = {"pending": [asdict(e) for e in edits]}
    write_bytes_atomic(
        folder / FILE, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    )


def add(folder: Path, edit: HandMove) -> None:
    """Keep ``edit``; an earlier edit of the same dossier gives way to it."""
    stamped = edit if edit.at else HandMove(**{**asdict(edit), "at": _now()})
    with _lock(folder):
        _write(folder, [e for e in pending(folder) if e.dossier != edit.dossier] + [stamped])


def undo(folder: Path, dossier: str) -> bool:
    """Take the edit of ``dossier`` back; False when there was none."""
    with _lock(folder):
        edits = pending(folder)
        kept = [e for e in edits if e.dossier != dossier]
        if len(kept) == len(edits):
            return False
        _write(folder, kept)
        return True


def taken(folder: Path, edits: list[HandMove]) -> None:
    """A rerun planned ``edits``: they leave the list (an edit made meanwhile stays)."""
    done = {(e.dossier, e.place, e.at) for e in edits}
    with _lock(folder):
        _write(folder, [e for e in pending(folder) if (e.dossier, e.place, e.at) not in done])


def _now() -> str:
    return clock.now().isoformat(timespec="seconds")
