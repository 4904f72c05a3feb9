"""``herplan send``: deliver the outbox by SMTP, once and only once (README, Calendars).

The outboxes of every revision are read (``uitgaand/`` and
``revisies/<n>/uitgaand/``), and per recipient and event (UID) only the
newest message counts: an older one that was never sent is superseded by it,
and a cancellation of an event the recipient was never sent is not needed.
Every delivered message is recorded in ``verzonden.jsonl`` in the planning
folder at once (one line appended and synced to disk per message; a line cut
short by a crash is ignored), so a failure halfway (the server down,
one address refused) loses nothing and the next ``send`` sends only what is
still missing; nothing is sent twice. The folder is locked while sending, so
a rerun cannot swap it away underneath.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import smtplib
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import getaddresses, parseaddr
from pathlib import Path

from icalendar import Calendar

from herplan import clock
from herplan.app.stores.answers import AnswerStore, store_of
from herplan.digits import whole_number
from herplan.io.atomic import folder_lock, recover_folder
from herplan.io.errors import InputError
from herplan.io.outbox import OUTBOX

SENT_LOG = "verzonden.jsonl"


@dataclass(frozen=True)
class Outgoing:
    """One ``.eml`` of an outbox, with what identifies it."""

    path: Path
    revision: int
    message_id: str
    sender: str
    to: str
    uid: str
    method: str
    sequence: int
    day: date | None = None  # the event's day (DTSTART)

    @property
    def key(self) -> tuple[str, str]:
        return (self.uid, self.to.casefold())

    @property
    def order(self) -> tuple[int, int, bool]:
        return (self.revision, self.sequence, self.method == "CANCEL")


@dataclass
class SendReport:
    """What ``send`` did: sent, skipped (and why), failed (and why)."""

    sent: list[Outgoing] = field(default_factory=list)
    already: list[Outgoing] = field(default_factory=list)
    superseded: list[Outgoing] = field(default_factory=list)
    not_needed: list[Outgoing] = field(default_factory=list)
    failed: list[tuple[Outgoing, str]] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)  # what went wrong, one of FAILURE_KINDS
    pending: list[Outgoing] = field(default_factory=list)  # what a dry run would send
    passed: list[Outgoing] = field(default_factory=list)  # for a day gone by: never sent


def _read(path: Path, revision: int) -> Outgoing:
    try:
        # compat32: the headers as they are (only addresses and ids are read), ten times
        # faster than the default policy's header objects on a region's outbox
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
        part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            raise ValueError("no calendar part")
        method, uid, sequence, day = _identity(payload)
        recipients = getaddresses([str(msg.get("To", ""))])
        if len(recipients) != 1 or not recipients[0][1]:
            raise ValueError("expected one recipient")
        return Outgoing(
            path=path,
            revision=revision,
            message_id=str(msg["Message-ID"]).strip(),
            sender=parseaddr(str(msg["From"]))[1],
            to=recipients[0][1],
            uid=uid,
            method=method,
            sequence=sequence,
            day=day,
        )
    except (OSError, ValueError, KeyError, StopIteration, TypeError) as error:
        raise InputError([f"{path}: not a herplan outbox message ({error})"]) from None


def _identity(payload: bytes) -> tuple[str, str, int, date | None]:
    """The calendar's METHOD and its event's UID, SEQUENCE and day. herplan writes these
    as plain properties, read here from the unfolded lines (a region's outbox in a
    fraction of a second); anything else is read by icalendar."""
    lines = payload.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").decode("utf-8").splitlines()
    found: dict[str, str] = {}
    in_event = False
    for line in lines:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            in_event = True
        elif line == "END:VEVENT":
            break
        elif (name == "METHOD" and not in_event) or (name in ("UID", "SEQUENCE") and in_event):
            found.setdefault(name, value)
        elif in_event and name.split(";")[0] == "DTSTART":
            found.setdefault("DTSTART", value)
    if "METHOD" in found and "UID" in found:
        return (
            found["METHOD"].upper(),
            found["UID"],
            int(found.get("SEQUENCE", "0")),
            _day(found.get("DTSTART", "")),
        )
    cal = Calendar.from_ical(payload)
    event = next(iter(cal.walk("VEVENT")))
    start = event.get("DTSTART")
    moment = start.dt if start is not None else None
    day = moment.date() if isinstance(moment, datetime) else moment
    return (
        str(cal["METHOD"]).upper(),
        str(event["UID"]),
        int(event.get("SEQUENCE", 0)),
        day if isinstance(day, date) else None,
    )


def _day(value: str) -> date | None:
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


def _revision(folder: Path) -> int:
    try:
        revision = json.loads((folder / "plan.json").read_text(encoding="utf-8"))["revision"]
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(
            [f"{folder}: not a herplan planning folder (no readable plan.json)"]
        ) from None
    if not isinstance(revision, int):
        raise InputError([f"{folder / 'plan.json'} › revision: {revision!r} is not a number"])
    return revision


def read_outboxes(folder: Path) -> list[Outgoing]:
    """Every message of every revision's outbox, oldest revision first."""
    found: list[Outgoing] = []
    revisions = folder / "revisies"
    if revisions.is_dir():
        for entry in sorted(revisions.iterdir(), key=lambda p: (len(p.name), p.name)):
            if whole_number(entry.name) is not None and (entry / OUTBOX).is_dir():
                found += [_read(p, int(entry.name)) for p in sorted((entry / OUTBOX).glob("*.eml"))]
    if (folder / OUTBOX).is_dir():
        current = _revision(folder)
        found += [_read(p, current) for p in sorted((folder / OUTBOX).glob("*.eml"))]
    return found


def read_log(folder: Path) -> list[dict]:
    """What was sent before, from ``verzonden.jsonl`` (empty when nothing was)."""
    path = folder / SENT_LOG
    if not path.exists():
        return []
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError as error:
        raise InputError(
            [
                f"{path}: cannot be read ({error.strerror}); it records what was sent, "
                "so nothing is sent"
            ]
        ) from None
    found = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            if n == len(lines):  # the last line, cut short by a crash while writing
                continue
            raise InputError(
                [f"{path} › line {n}: damaged; it records what was sent, so nothing is sent"]
            ) from None
        if isinstance(entry, dict):
            found.append(entry)
    return found


def _record(folder: Path, message: Outgoing) -> None:
    """Append one line for a delivered message and make sure it is on disk."""
    entry = json.dumps(
        {
            "message_id": message.message_id,
            "file": message.path.relative_to(folder).as_posix(),
            "revision": message.revision,
            "to": message.to,
            "uid": message.uid,
            "method": message.method,
            "sequence": message.sequence,
            "sent": clock.now().isoformat(timespec="seconds"),
        },
        ensure_ascii=False,
    )
    path = folder / SENT_LOG
    with path.open("ab") as log:
        if log.tell() and not _ends_with_newline(path):
            log.write(b"\n")  # after a line cut short: start afresh
        log.write(entry.encode("utf-8") + b"\n")
        log.flush()
        os.fsync(log.fileno())


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"


def plan_sending(
    messages: list[Outgoing], log: list[dict], today: date | None = None
) -> SendReport:
    """Decide, per recipient and event, which message still has to go.

    A cancellation goes only to whom the event stands in the calendar of: the
    last message that reached them was an invitation (not never, not a
    cancellation already). Nothing goes out for an event on ``today`` or before
    (README, Today): it has been held, or is too close to reach anyone.
    """
    sent_ids = {entry.get("message_id") for entry in log}
    last: dict[tuple[str, str], str] = {}
    for entry in log:  # in the order sent
        last[(str(entry.get("uid")), str(entry.get("to", "")).casefold())] = str(
            entry.get("method")
        )
    invited = {key for key, method in last.items() if method == "REQUEST"}
    report = SendReport()
    groups: dict[tuple[str, str], list[Outgoing]] = {}
    for m in messages:
        groups.setdefault(m.key, []).append(m)
    for key, group in groups.items():
        *older, newest = sorted(group, key=lambda m: m.order)
        for m in older:
            (report.already if m.message_id in sent_ids else report.superseded).append(m)
        if newest.message_id in sent_ids:
            report.already.append(newest)
        elif today is not None and newest.day is not None and newest.day <= today:
            report.passed.append(newest)
        elif newest.method == "CANCEL" and key not in invited:
            report.not_needed.append(newest)
        else:
            report.pending.append(newest)
    report.pending.sort(key=lambda m: (m.revision, m.path.name))
    return report


Connect = Callable[[], smtplib.SMTP]
IMPLICIT_TLS_PORT = 465
# What can go wrong, as the page names it (a fixed sentence each; never the server's words).
FAILURE_KINDS = ("login", "tls", "connection", "refused", "other")


class AuthWithoutTls(smtplib.SMTPException):
    """A password would cross the network unencrypted: refused before connecting."""


def smtp_connection(
    host: str,
    port: int,
    starttls: bool,
    user: str | None,
    password: str | None,
    auth_without_tls: bool = False,
) -> Connect:
    """A factory for the SMTP session: implicit TLS on port 465, else STARTTLS if asked.

    A login (``user``) happens over TLS only; ``auth_without_tls`` is the planner's
    explicit exception for a relay on the same computer or a closed network.
    """

    def connect() -> smtplib.SMTP:
        if user and port != IMPLICIT_TLS_PORT and not starttls and not auth_without_tls:
            raise AuthWithoutTls("a login needs TLS (STARTTLS or port 465)")
        context = ssl.create_default_context()
        server: smtplib.SMTP
        if port == IMPLICIT_TLS_PORT:
            server = smtplib.SMTP_SSL(host, port, timeout=60, context=context)
        else:
            server = smtplib.SMTP(host, port, timeout=60)
            if starttls:
                server.starttls(context=context)
        if user:
            server.login(user, password or "")
        return server

    return connect


@contextmanager
def _session(connect: Connect) -> Iterator[smtplib.SMTP]:
    server = connect()
    try:
        yield server
    finally:
        try:
            server.quit()
        except (smtplib.SMTPException, OSError):
            server.close()


LINK = re.compile(r"/a/([A-Za-z0-9_-]{20,100})")


def renewed_links(folder: Path) -> dict[str, str]:
    """Each renewed answer link's token and its provider's current one (README, Answers
    online); none when the planning has no answer store."""
    path = store_of(folder)
    return AnswerStore(path).replacements() if path.is_file() else {}


def with_current_links(raw: bytes, replacements: dict[str, str]) -> bytes:
    """The message as it goes out: a link renewed since it was written carries the
    provider's current link instead, so every message sent opens the provider's page."""
    if not replacements or b"/a/" not in raw.replace(b"=\r\n", b""):
        return raw
    msg = email.message_from_bytes(raw, policy=email.policy.SMTP)
    changed = False
    for part in msg.walk():
        if part.get_content_type() != "text/plain":
            continue
        text = part.get_content()
        new = LINK.sub(lambda m: "/a/" + replacements.get(m.group(1), m.group(1)), text)
        if new != text:
            part.set_content(new, charset="utf-8", cte="quoted-printable")
            changed = True
    return msg.as_bytes(policy=email.policy.SMTP) if changed else raw


def send_outbox(
    folder: Path, connect: Connect | None, dry_run: bool = False, today: date | None = None
) -> SendReport:
    """Send what has not been sent yet, for events after ``today`` (None: every event);
    ``dry_run`` only says what that would be."""
    with folder_lock(folder):
        recover_folder(folder)  # a rerun killed mid-swap: the planning comes back first
        report = plan_sending(read_outboxes(folder), read_log(folder), today)
        if dry_run or not report.pending:
            return report
        assert connect is not None
        replacements = renewed_links(folder)
        todo = list(report.pending)
        report.pending = []
        try:
            with _session(connect) as server:
                while todo:
                    m = todo[0]
                    try:
                        raw = with_current_links(m.path.read_bytes(), replacements)
                        refused = server.sendmail(m.sender, [m.to], raw)
                    except smtplib.SMTPRecipientsRefused as error:
                        code, text = next(iter(error.recipients.values()))
                        report.failed.append((m, f"{code} {_text(text)}"))
                        report.kinds.add("refused")
                    except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as error:
                        report.failed.append((m, f"{error.smtp_code} {_text(error.smtp_error)}"))
                        report.kinds.add("refused")
                    else:
                        if refused:
                            code, text = refused[m.to]
                            report.failed.append((m, f"{code} {_text(text)}"))
                            report.kinds.add("refused")
                        else:
                            _record(folder, m)
                            report.sent.append(m)
                    todo.pop(0)
        except (smtplib.SMTPException, OSError) as error:
            reason = _reason(error)
            report.failed += [(m, reason) for m in todo]
            report.kinds.add(failure_kind(error))
        return report


def failure_kind(error: Exception) -> str:
    """Which of ``FAILURE_KINDS`` an error of the whole session is."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "login"
    if isinstance(error, AuthWithoutTls | ssl.SSLError | smtplib.SMTPNotSupportedError):
        return "tls"  # also: STARTTLS asked of a server without it, or AUTH not offered
    if isinstance(error, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected | OSError):
        return "connection"
    if isinstance(error, smtplib.SMTPResponseException):
        return "refused"
    return "other"


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _reason(error: Exception) -> str:
    if isinstance(error, AuthWithoutTls):
        return "login refused before connecting: a password goes over TLS only"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return f"login refused ({error.smtp_code} {_text(error.smtp_error)})"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    if isinstance(error, OSError):
        return f"no connection to the mail server ({error.strerror or error})"
    return str(error) or type(error).__name__
