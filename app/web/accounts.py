"""Planner accounts for a server others can reach (README, Web page: login).

Accounts live in ``accounts.json`` in the data folder, readable by its owner
only: per planner an Argon2 hash of the password (``argon2-cffi``), never the
password itself, and a session version: a random nonce, drawn anew whenever the
account's sessions end, so a version never comes back (not when the account is
removed and made again, nor when ``accounts.json`` is lost; a counter would
restart and let an old cookie in). A session carries the version it was
signed in with and is taken only while the account still has it
(``security.LoginRequired`` asks on every request): signing out, a new
password (``herplan serve --add-user NAME`` again) and removing the account
(``--remove-user NAME``) each end every session of that account at once.
Wrong passwords are slowed down by ``throttle``, never answered with a lock
that anyone could put on someone else's account.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

FILE = "accounts.json"
NAME_MAX = 64
NAME = re.compile(rf"[A-Za-z0-9._@-]{{1,{NAME_MAX}}}")
MIN_PASSWORD = 10


@dataclass(frozen=True)
class Verdict:
    """The outcome of a login: ``ok``, and the session version to sign in with."""

    ok: bool
    version: str = ""


def new_version() -> str:
    """A session version no session has carried before."""
    return secrets.token_urlsafe(16)


class Accounts:
    """The accounts file of one data folder."""

    def __init__(self, data: Path) -> None:
        self.path = data / FILE
        self.hasher = PasswordHasher()
        self._lock = threading.Lock()
        self._seen: tuple[tuple[int, int, int], dict[str, dict]] | None = None
        self._dummy: str | None = None

    def exist(self) -> bool:
        return bool(self._load())

    def add(self, name: str, password: str) -> None:
        """Add ``name``, or give it a new password (its sessions end); a short one is
        refused (``ValueError``)."""
        if not NAME.fullmatch(name):
            raise ValueError("a name of letters, digits and . _ @ - (at most 64)")
        if len(password) < MIN_PASSWORD:
            raise ValueError(f"a password of at least {MIN_PASSWORD} characters")
        with self._lock:
            users = self._load()
            users[name] = {"hash": self.hasher.hash(password), "version": new_version()}
            self._save(users)

    def remove(self, name: str) -> bool:
        """Remove ``name``'s account (and with it every session); False when there is none."""
        with self._lock:
            users = self._load()
            if users.pop(name, None) is None:
                return False
            self._save(users)
            return True

    def end_sessions(self, name: str) -> None:
        """End every session of ``name`` (signing out does this)."""
        with self._lock:
            users = self._load()
            if name in users:
                users[name]["version"] = new_version()
                self._save(users)

    def version(self, name: str) -> str | None:
        """The session version ``name``'s sessions must carry; None: no such account."""
        user = self._load().get(name)
        return str(user.get("version", "")) if isinstance(user, dict) else None

    def check(self, name: str, password: str) -> Verdict:
        """Is ``password`` right for ``name``? An unknown name costs the same hash check."""
        user = self._load().get(name)
        stored = user.get("hash") if isinstance(user, dict) else None
        try:
            self.hasher.verify(stored if isinstance(stored, str) else self._dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return Verdict(False)
        if user is None:  # the dummy's password is random: never reached in practice
            return Verdict(False)
        return Verdict(True, str(user.get("version", "")))

    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = self.hasher.hash(secrets.token_urlsafe(32))
        return self._dummy

    def _load(self) -> dict[str, dict]:
        """The accounts, read again only when the file changed (asked on every request)."""
        try:
            s = self.path.stat()
        except OSError:
            return {}
        stamp = (s.st_mtime_ns, s.st_size, s.st_ino)
        if self._seen is not None and self._seen[0] == stamp:
            return {k: dict(v) for k, v in self._seen[1].items()}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        users = data.get("users") if isinstance(data, dict) else None
        found = (
            {k: v for k, v in users.items() if isinstance(v, dict)}
            if isinstance(users, dict)
            else {}
        )
        self._seen = (stamp, found)
        return {k: dict(v) for k, v in found.items()}

    def _save(self, users: dict[str, dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"users": users}, f, indent=1)
        os.replace(temporary, self.path)
        self._seen = None
