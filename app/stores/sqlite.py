"""One SQLite transaction, as every store of a planning writes (README, Answers online).

A connection per call, ``BEGIN IMMEDIATE`` and a long busy timeout: a provider saving
while the planner reruns waits its turn, and what a call writes is committed whole or
not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def transaction(path: Path) -> Iterator[sqlite3.Connection]:
    """One connection, one transaction: committed whole, or not at all (every store of a
    planning writes this way, so a provider saving while the planner reruns loses nothing)."""
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("BEGIN IMMEDIATE")
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    finally:
        db.close()
