"""Planner accounts for a server others can reach (README, Web page: login).

Accounts live in ``accounts.json`` in the data folder, readable by its owner
only: per planner an Argon2 hash of the password (``argon2-cffi``), never the
password itself, and the count of wrong passwords. Five wrong passwords in a
row lock the account for a quarter of an hour; a right one resets the count.
Accounts are added from the command line (``herplan serve --add-user NAME``).
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from herplan import clock

FILE = "accounts.json"
MAX_FAILURES = 5
LOCK = timedelta(minutes=15)
NAME = re.compile(r"[A-Za-z0-9._@-]{1,64}")
MIN_PASSWORD = 10


@dataclass(frozen=True)
class Verdict:
    """The outcome of a login: ``ok``, or why not (``wrong``, ``locked`` until when)."""

    ok: bool
    locked_until: datetime | None = None


class Accounts:
    """The accounts file of one data folder."""

    def __init__(self, data: Path) -> None:
        self.path = data / FILE
        self.hasher = PasswordHasher()
        self._lock = threading.Lock()

    def exist(self) -> bool:
        return bool(self._load())

    def add(self, name: str, password: str) -> None:
        """Add or replace ``name``'s password (a short one is refused: ``ValueError``)."""
        if not NAME.fullmatch(name):
            raise ValueError("a name of letters, digits and . _ @ - (at most 64)")
        if len(password) < MIN_PASSWORD:
            raise ValueError(f"a password of at least {MIN_PASSWORD} characters")
        with self._lock:
            users = self._load()
            users[name] = {"hash": self.hasher.hash(password), "failures": 0, "locked_until": None}
            self._save(users)

    def check(self, name: str, password: str, now: datetime | None = None) -> Verdict:
        """Is ``password`` right for ``name``? Counts wrong ones and locks after five."""
        now = now or clock.now()
        with self._lock:
            users = self._load()
            user = users.get(name)
            if user is None:
                self.hasher.hash(password)  # the same time for a name that does not exist
                return Verdict(False)
            until = user.get("locked_until")
            if until and datetime.fromisoformat(until) > now:
                return Verdict(False, datetime.fromisoformat(until))
            try:
                self.hasher.verify(user["hash"], password)
            except (VerificationError, InvalidHashError):
                user["failures"] = int(user.get("failures", 0)) + 1
                locked = user["failures"] >= MAX_FAILURES
                user["locked_until"] = (now + LOCK).isoformat() if locked else None
                user["failures"] = 0 if locked else user["failures"]
                self._save(users)
                return Verdict(False, now + LOCK if locked else None)
            user["failures"], user["locked_until"] = 0, None
            self._save(users)
            return Verdict(True)

    def _load(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        users = data.get("users") if isinstance(data, dict) else None
        return users if isinstance(users, dict) else {}

    def _save(self, users: dict[str, dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"users": users}, f, indent=1)
        os.replace(temporary, self.path)
