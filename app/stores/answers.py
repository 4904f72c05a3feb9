"""Providers' online answers and their personal links (README, Answers online).

One SQLite file, ``antwoorden.sqlite``, beside the planning folder (in the web
page's data folder: ``<naam>/antwoorden.sqlite``), in WAL mode with one
transaction per answer, so answers given at the same moment by many providers
are all kept and none twice.

**Links.** A provider's link holds a token that opens the current revision of
the planning, whichever it is, until the end of the period, unless the planner
renews it: every message ever sent carries a link that works. The token is an
HMAC (SHA-256) of a random 128-bit nonce under a key kept beside the database,
readable by its owner only; the database stores only the token's SHA-256. So a
copy of the database alone opens nothing, and the planner can still list the
links already sent; renewing draws a new nonce, and the old link stops working
(it then opens a page that says so, ``Closed``).

**Answers.** Each answer is stored with the revision and the appointment's
date and time it was given on. The newest answer per dossier counts; an answer
whose appointment has moved since is outdated and never applied.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from herplan import clock
from herplan.app.stores.sqlite import transaction
from herplan.domain.appointment import Appointment
from herplan.domain.codes import AnswerCode
from herplan.domain.revisions import StaleAnswer, Verdict
from herplan.io.errors import InputError
from herplan.io.previous import Online, OnlineAnswers, Previous

FILE, KEY = "antwoorden.sqlite", ".linksleutel"
ANSWERS = tuple(AnswerCode)
MAX_REMARK = 500
SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    provider TEXT NOT NULL, revision INTEGER NOT NULL, nonce TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE, valid_until TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT, provider TEXT NOT NULL, dossier TEXT NOT NULL,
    revision INTEGER NOT NULL, day TEXT NOT NULL, start INTEGER NOT NULL,
    answer TEXT NOT NULL, remark TEXT NOT NULL, given TEXT NOT NULL, origin TEXT NOT NULL,
    choice TEXT NOT NULL DEFAULT '', processed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS answers_by_dossier ON answers (dossier, id);
"""


@dataclass(frozen=True)
class Link:
    """A provider's personal link, as it opens ``revision`` (the current one)."""

    provider: str
    revision: int
    token: str
    valid_until: date
    issued: date | None = None


@dataclass(frozen=True)
class Closed:
    """A link that no longer opens: ``renewed`` by the planner, or ``expired`` (the
    period ended). Its page says so, in the provider's language."""

    provider: str
    why: str  # renewed | expired


@dataclass(frozen=True)
class Answer:
    """One answer as given: on which appointment (revision, day, start) and when."""

    provider: str
    dossier: str
    revision: int
    day: date
    start: int
    answer: str  # ja | nee | zelfde_dag
    remark: str
    given: datetime
    origin: str
    choice: str = ""  # with a nee: the place picked from the alternatives (DATE@CONSULTANT@HH:MM)
    processed: int = 0  # the revision whose rerun took it (0: not taken yet)
    id: int = 0  # its place in the store: later answers have higher ids


def store_of(folder: Path) -> Path:
    """The answer store of a planning folder, or of the data folder that holds it."""
    folder = Path(folder)
    if folder.suffix == ".sqlite":
        return folder
    return folder.parent / FILE if (folder / "plan.json").exists() else folder / FILE


def online_answers(answers: Path) -> OnlineAnswers:
    """The online answers in ``answers`` (a data folder or its ``antwoorden.sqlite``) as a
    rerun of the previous revision takes them (``io.previous.prepare_rerun``)."""

    def of(previous: Previous) -> Online:
        path = store_of(answers)
        if not path.is_file():
            raise InputError([f"{answers}: holds no online answers ({FILE})"])
        return AnswerStore(path).for_rerun(previous.appointments, previous.answers_seen)

    return of


class AnswerStore:
    """The links and answers of one planning (module doc)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")  # kept in the file: readers never wait
            db.executescript(SCHEMA)
        finally:
            db.close()
        self.path.chmod(0o600)
        self._key()

    def _db(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.path)

    # --- links -----------------------------------------------------------------------

    def _key(self) -> bytes:
        key_file = self.path.parent / KEY
        try:
            return key_file.read_bytes()
        except FileNotFoundError:
            pass
        key, part = secrets.token_bytes(32), key_file.with_name(f"{KEY}.{secrets.token_hex(4)}")
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(key)
        try:
            os.link(part, key_file)  # the first process to get here sets the key
        except FileExistsError:
            pass
        finally:
            part.unlink()
        return key_file.read_bytes()

    def _token(self, nonce: str) -> str:
        digest = hmac.new(self._key(), nonce.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def links(self, providers: list[str], revision: int, valid_until: date) -> list[Link]:
        """Each provider's link as it opens ``revision``: the one issued before (for
        any revision), else a new one. It stays valid until ``valid_until``, the
        period's end (a longer period lengthens it)."""
        found = []
        with self._db() as db:
            for provider in providers:
                row = db.execute(
                    "SELECT rowid, nonce, created FROM links WHERE provider = ? AND revoked = 0 "
                    "ORDER BY rowid DESC LIMIT 1",
                    (provider,),
                ).fetchone()
                if row is None:
                    nonce = self._issue(db, provider, revision, valid_until)
                    issued = _now().date()
                else:
                    db.execute(
                        "UPDATE links SET valid_until = ? WHERE rowid = ?",
                        (valid_until.isoformat(), row[0]),
                    )
                    nonce, issued = row[1], datetime.fromisoformat(row[2]).date()
                found.append(Link(provider, revision, self._token(nonce), valid_until, issued))
        return found

    def _issue(self, db: sqlite3.Connection, provider: str, revision: int, until: date) -> str:
        nonce = secrets.token_urlsafe(16)  # 128 random bits
        token_hash = hashlib.sha256(self._token(nonce).encode()).hexdigest()
        db.execute(
            "INSERT INTO links VALUES (?, ?, ?, ?, ?, 0, ?)",
            (provider, revision, nonce, token_hash, until.isoformat(), _now().isoformat()),
        )
        return nonce

    def renew(self, provider: str, revision: int, valid_until: date) -> Link:
        """Revoke the provider's link and issue a new one."""
        self.revoke(provider)
        return self.links([provider], revision, valid_until)[0]

    def revoke(self, provider: str) -> None:
        with self._db() as db:
            db.execute("UPDATE links SET revoked = 1 WHERE provider = ?", (provider,))

    def opened_by(self, token: str, revision: int, today: date) -> Link | Closed | None:
        """The link ``token`` is, opening ``revision`` (the current one); ``Closed`` when
        it was renewed or the period ended; None for a token that was never issued.

        Looked up by the token's SHA-256, so the time taken does not depend on how
        much of a guessed token is right.
        """
        token_hash = hashlib.sha256(token.encode()).hexdigest()
        with self._db() as db:
            row = db.execute(
                "SELECT provider, revision, valid_until, revoked, created FROM links "
                "WHERE token_sha256 = ?",
                (token_hash,),
            ).fetchone()
        if row is None:
            return None
        if row[3]:
            return Closed(str(row[0]), "renewed")
        if date.fromisoformat(row[2]) < today:
            return Closed(str(row[0]), "expired")
        issued = datetime.fromisoformat(row[4]).date()
        return Link(str(row[0]), revision, token, date.fromisoformat(row[2]), issued)

    def replacements(self) -> dict[str, str]:
        """Every renewed link's token and the token that replaced it (its provider's
        current one): a message written before a renewal is sent with the link that
        works (``herplan send``)."""
        with self._db() as db:
            rows = db.execute(
                "SELECT provider, nonce, revoked FROM links ORDER BY rowid"
            ).fetchall()
        current = {provider: self._token(nonce) for provider, nonce, revoked in rows if not revoked}
        return {
            self._token(nonce): current[provider]
            for provider, nonce, revoked in rows
            if revoked and provider in current
        }

    # --- answers ---------------------------------------------------------------------

    def answer(
        self,
        appointment: Appointment,
        revision: int,
        answer: str,
        remark: str,
        origin: str,
        choice: str = "",
    ) -> Answer:
        """Record one answer on ``appointment`` as it stands in ``revision``."""
        if answer not in ANSWERS or (choice and answer != AnswerCode.NO):
            raise ValueError(f"{answer!r}: expected one of {', '.join(ANSWERS)}")
        given = Answer(
            appointment.provider,
            appointment.dossier,
            revision,
            appointment.day,
            appointment.start,
            answer,
            " ".join(remark.split())[:MAX_REMARK],
            _now(),
            origin,
            choice,
        )
        with self._db() as db:
            db.execute(
                "INSERT INTO answers (provider, dossier, revision, day, start, answer, remark, "
                "given, origin, choice) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    given.provider,
                    given.dossier,
                    given.revision,
                    given.day.isoformat(),
                    given.start,
                    given.answer,
                    given.remark,
                    given.given.isoformat(),
                    origin,
                    choice,
                ),
            )
        return given

    def latest(self, provider: str | None = None) -> dict[str, Answer]:
        """The newest answer per dossier (of ``provider``, or of everyone)."""
        with self._db() as db:
            return self._latest(db, provider)

    def _latest(self, db: sqlite3.Connection, provider: str | None) -> dict[str, Answer]:
        query = (
            "SELECT provider, dossier, revision, day, start, answer, remark, given, origin, "
            "choice, processed, id FROM answers WHERE ? IS NULL OR provider = ? ORDER BY id"
        )
        rows = db.execute(query, (provider, provider)).fetchall()
        newest: dict[str, Answer] = {}
        for row in rows:
            provider_, dossier, revision, day, start, answer, remark, given, origin = row[:9]
            newest[dossier] = Answer(
                provider_,
                dossier,
                revision,
                date.fromisoformat(day),
                start,
                answer,
                remark,
                datetime.fromisoformat(given),
                origin,
                *row[9:],
            )
        return newest

    def for_rerun(self, previous: tuple[Appointment, ...], taken_up_to: int = 0) -> Online:
        """The answers that apply to ``previous`` (the plan), those that are outdated,
        when each applied one was given (to reconcile with returned workbooks), and the
        places picked with a ``nee``. Answers up to ``taken_up_to`` were taken by the
        revision ``previous`` is (``plan.json`` records it with the plan itself)."""
        current = {a.dossier: a for a in previous}
        verdicts, stale, given, chosen = [], [], {}, []
        with self._db() as db:  # one transaction: what is read is exactly what is marked
            seen = db.execute("SELECT COALESCE(MAX(id), 0) FROM answers").fetchone()[0]
            latest = self._latest(db, None)
        for dossier, answer in sorted(latest.items()):
            if answer.processed or answer.id <= taken_up_to:  # taken before: never twice
                continue
            source = f"online › {answer.provider} › {answer.given:%d-%m-%Y %H:%M}"
            verdict = Verdict(
                dossier,
                answer.answer == AnswerCode.YES,
                answer.remark,
                source,
                same_day=answer.answer == AnswerCode.SAME_DAY,
            )
            now = current.get(dossier)
            if now is None or (now.day, now.start, now.provider) != (
                answer.day,
                answer.start,
                answer.provider,
            ):
                stale.append(StaleAnswer(verdict))
                continue
            verdicts.append(verdict)
            given[dossier] = answer.given
            if answer.choice:
                chosen.append(f"{dossier}={answer.choice}")
        return Online(tuple(verdicts), tuple(stale), given, tuple(chosen), seen)

    def mark_processed(self, seen: int, revision: int) -> None:
        """The answers up to ``seen`` were taken by the rerun that wrote ``revision``;
        answers given while it ran stay for the next one."""
        with self._db() as db:
            db.execute(
                "UPDATE answers SET processed = ? WHERE id <= ? AND processed = 0", (revision, seen)
            )


def _now() -> datetime:
    return clock.now().astimezone(UTC)
