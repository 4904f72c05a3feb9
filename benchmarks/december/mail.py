"""A local mail server that misbehaves as real ones do: now and then it refuses a
recipient (550) or drops the connection after the message's DATA, without
accepting it. What it accepted is kept in order, as delivered."""

from __future__ import annotations

import email
import email.policy
import random
import socket
import threading
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


@dataclass(frozen=True)
class Delivered:
    """One accepted message: its recipient and the calendar event it carries."""

    to: str
    method: str
    uid: str
    sequence: int
    message_id: str
    text: str  # the plain-text part, where the answer link is


@dataclass
class Handler:
    """The server's behaviour; ``refuse`` and ``drop`` are chances per message."""

    rng: random.Random
    refuse: float = 0.0
    drop: float = 0.0
    delivered: list[Delivered] = field(default_factory=list)
    refused: int = 0
    dropped: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            if self.rng.random() < self.refuse:
                self.refused += 1
                return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.rng.random() < self.drop:
                self.dropped += 1
                server.transport.close()  # gone before it said 250: nothing accepted
                return "421 4.3.0 closing"
            self.delivered.append(read(envelope.rcpt_tos[0], envelope.content))
        return "250 Message accepted for delivery"


def read(to: str, raw: bytes) -> Delivered:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    calendar, text = "", ""
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            calendar = part.get_content()
        elif part.get_content_type() == "text/plain":
            text = part.get_content()
    unfolded = calendar.replace("\r\n ", "").replace("\n ", "")
    fields: dict[str, str] = {}
    in_event = False
    for line in unfolded.splitlines():
        name, _, value = line.partition(":")
        in_event = in_event or line == "BEGIN:VEVENT"
        if (name == "METHOD" and not in_event) or (in_event and name in ("UID", "SEQUENCE")):
            fields.setdefault(name, value.strip())
    sequence = int(fields.get("SEQUENCE", "0"))
    return Delivered(
        to.casefold(),
        fields.get("METHOD", ""),
        fields.get("UID", ""),
        sequence,
        str(message["Message-ID"]),
        text,
    )


class MailServer:
    """The server on a free local port, for the whole simulation."""

    def __init__(self, rng: random.Random) -> None:
        self.handler = Handler(rng)
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=_free_port())

    def __enter__(self) -> MailServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    @property
    def address(self) -> tuple[str, int]:
        return "127.0.0.1", self.controller.port

    def faults(self, refuse: float, drop: float) -> None:
        """How the server behaves for the next send."""
        self.handler.refuse, self.handler.drop = refuse, drop


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
