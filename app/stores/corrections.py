"""Where providers' corrections wait for the planner (README, Corrections).

One SQLite file per planning (``correcties.sqlite``, beside the answer store):
every proposal as given, a later one for the same client and kind replacing an
earlier open one (changeable until the planner takes it), and the planner's
decision (taken or rejected, by whom, when). One transaction per call, so a
provider saving while the planner decides never loses either.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path

from herplan import clock
from herplan.app.stores.sqlite import transaction
from herplan.corrections import Correction, key_of
from herplan.domain.codes import CorrectionKind, CorrectionStatus

FILE = "correcties.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    provider TEXT NOT NULL,
    dossier TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    source TEXT NOT NULL,
    given TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    decided_by TEXT NOT NULL DEFAULT '',
    decided TEXT
);
"""
COLUMNS = "id, provider, dossier, kind, value, source, given, status, decided_by, decided"


def correction_store_of(folder: Path) -> Path:
    """The store of a planning folder (beside it) or of the data folder holding it."""
    folder = Path(folder)
    return folder.parent / FILE if (folder / "plan.json").exists() else folder / FILE


class CorrectionStore:
    """The corrections of one planning (module doc)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute(SCHEMA)
        self.path.chmod(0o600)

    def _db(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.path)

    def propose(
        self,
        provider: str,
        dossier: str,
        kind: str,
        value: str,
        source: str,
        given: datetime | None = None,
    ) -> int:
        """Store a proposal; an open one for the same client and kind is replaced. The
        same proposal from the same source again (a workbook read twice) is no news."""
        key = key_of(provider, dossier, kind, value)
        when = (given or clock.now()).astimezone(UTC).isoformat()
        with self._db() as db:
            same = db.execute(
                "SELECT id FROM corrections WHERE key = ? AND value = ? AND source = ? "
                "AND status != ? ORDER BY id DESC LIMIT 1",
                (key, value, source, CorrectionStatus.REPLACED),
            ).fetchone()
            if same is not None:
                return int(same[0])
            later = db.execute(
                "SELECT given FROM corrections WHERE key = ? AND status = ? AND given > ?",
                (key, CorrectionStatus.OPEN, when),
            ).fetchone()
            # the later one counts
            status = CorrectionStatus.REPLACED if later is not None else CorrectionStatus.OPEN
            if status == CorrectionStatus.OPEN:
                db.execute(
                    "UPDATE corrections SET status = ? WHERE key = ? AND status = ?",
                    (CorrectionStatus.REPLACED, key, CorrectionStatus.OPEN),
                )
            row = db.execute(
                "INSERT INTO corrections (key, provider, dossier, kind, value, source, given, "
                "status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, provider, dossier, kind, value, source, when, status),
            )
            return int(row.lastrowid or 0)

    def listed(
        self, provider: str | None = None, status: CorrectionStatus | None = None
    ) -> list[Correction]:
        """Every proposal (of ``provider``, with ``status``), oldest first."""
        with self._db() as db:
            rows = db.execute(
                f"SELECT {COLUMNS} FROM corrections WHERE (? IS NULL OR provider = ?) "
                "AND (? IS NULL OR status = ?) ORDER BY id",
                (provider, provider, status, status),
            ).fetchall()
        return [_correction(row) for row in rows]

    def decide(self, ids: list[int], status: CorrectionStatus, by: str) -> list[Correction]:
        """Mark the open proposals ``ids`` taken or rejected; the ones it changed."""
        if status not in (CorrectionStatus.TAKEN, CorrectionStatus.REJECTED):
            raise ValueError(status)
        when = clock.now().astimezone(UTC).isoformat()
        with self._db() as db:
            for n in ids:
                db.execute(
                    "UPDATE corrections SET status = ?, decided_by = ?, decided = ? "
                    "WHERE id = ? AND status = ?",
                    (status, by, when, n, CorrectionStatus.OPEN),
                )
            rows = db.execute(
                f"SELECT {COLUMNS} FROM corrections WHERE decided = ? ORDER BY id", (when,)
            ).fetchall()
        return [_correction(row) for row in rows]

    def undo(self, ids: list[int]) -> None:
        """Open again what a failed write of the corrected input took."""
        with self._db() as db:
            for n in ids:
                db.execute(
                    "UPDATE corrections SET status = ?, decided_by = '', decided = NULL "
                    "WHERE id = ?",
                    (CorrectionStatus.OPEN, n),
                )


def _correction(row: tuple) -> Correction:
    n, provider, dossier, kind, value, source, given, status, by, decided = row
    return Correction(
        n,
        provider,
        dossier,
        CorrectionKind(kind),
        value,
        source,
        datetime.fromisoformat(given),
        CorrectionStatus(status),
        by,
        datetime.fromisoformat(decided) if decided else None,
    )
