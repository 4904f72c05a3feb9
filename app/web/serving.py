"""How ``herplan serve`` listens: uvicorn with limits, and proxy headers only when asked.

- **Proxy headers** (``X-Forwarded-For``, ``X-Forwarded-Proto``) are believed
  only from the proxies named (``--trusted-proxy ADDRESS``; ``--behind-https``
  alone: a proxy on this computer). Otherwise they are ignored: anyone on the
  machine could forge the address the throttles and the audit log see.
- **Slow clients** cannot hold connections: a request's headers must arrive
  within ``Limits.header_seconds`` and its body within ``body_seconds``, and
  while it comes a body delivers at least ``min_body_bytes`` every
  ``body_rate_seconds`` (uvicorn itself only times out idle connections
  between requests, so the HTTP protocol is uvicorn's own with these timers
  added; a body the page has not read yet, reading paused, is never counted
  as slow); an idle connection closes after ``keep_alive_seconds``; a header
  section is at most ``max_header_bytes``.
- **One client cannot take the page from the others**: at most
  ``max_connections`` are served at once, and at most ``max_per_address`` of
  them from one address (an IPv6 address counts with its whole /64); more get
  503 at once, only that address's. Connections from a trusted proxy are not
  capped per address (they carry everyone's requests: the proxy caps them).
"""

from __future__ import annotations

import asyncio
import ipaddress
from dataclasses import dataclass
from typing import Any, ClassVar

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

LOCAL_PROXY = ("127.0.0.1", "::1")


@dataclass(frozen=True)
class Limits:
    """What a connection may take (README, Web page: behind a reverse proxy)."""

    header_seconds: float = 10.0
    body_seconds: float = 120.0  # a 20 MB upload at 1.5 Mbit/s
    body_rate_seconds: float = 10.0
    min_body_bytes: int = 1024  # every body_rate_seconds while a body comes
    keep_alive_seconds: float = 5.0
    max_connections: int = 64
    max_per_address: int = 16
    max_header_bytes: int = 16 * 1024


BUSY_TEXT = (
    b"Te veel verbindingen vanaf uw adres; probeer het zo opnieuw. / Too many connections "
    b"from your address; try again shortly.\n"
)
BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: " + str(len(BUSY_TEXT)).encode() + b"\r\nconnection: close\r\n"
    b"retry-after: 10\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\n"
    b"\r\n" + BUSY_TEXT
)


def address_key(host: str) -> str:
    """What one client's connections are counted under: its IPv4 address, or its IPv6
    address's /64 (one subscriber's usual share)."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class TimedProtocol(H11Protocol):
    """uvicorn's h11 protocol that closes a connection whose request is too slow, and
    refuses one beyond its address's share."""

    limits = Limits()
    uncapped: tuple[str, ...] = ()  # trusted proxies: no per-address cap
    open_per_address: ClassVar[dict[str, int]] = {}  # one dict per server (timed_protocol)
    _timer: asyncio.TimerHandle | None = None
    _rate_timer: asyncio.TimerHandle | None = None
    _waiting_for: str | None = None
    _counted_as: str | None = None
    _window_bytes = 0
    _window_paused = False  # the page paused reading in this window: not the client's fault

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        host = self.client[0] if self.client else ""
        if host not in self.uncapped and "*" not in self.uncapped:
            key = address_key(host)
            if self.open_per_address.get(key, 0) >= self.limits.max_per_address:
                transport.write(BUSY)
                transport.close()
                return
            self.open_per_address[key] = self.open_per_address.get(key, 0) + 1
            self._counted_as = key
        self._watch()

    def data_received(self, data: bytes) -> None:
        self._window_bytes += len(data)
        super().data_received(data)
        self._window_paused = self._window_paused or self.flow.read_paused
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._stop()  # idle now: uvicorn's keep-alive timer takes over

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop()
        if self._counted_as is not None:
            left = self.open_per_address.get(self._counted_as, 1) - 1
            if left > 0:
                self.open_per_address[self._counted_as] = left
            else:
                self.open_per_address.pop(self._counted_as, None)
            self._counted_as = None
        super().connection_lost(exc)

    def _watch(self) -> None:
        """A timer for what the client still has to send: headers, then the body."""
        state = self.conn.their_state
        if state is h11.SEND_BODY:
            wanted, seconds = "body", self.limits.body_seconds
        elif state is h11.IDLE:
            wanted, seconds = "headers", self.limits.header_seconds
        else:  # the whole request is in
            self._stop()
            return
        if self._waiting_for != wanted:  # a trickle of bytes never restarts the timer
            self._stop()
            self._waiting_for = wanted
            self._timer = self.loop.call_later(seconds, self._too_slow)
            if wanted == "body":
                self._window_bytes, self._window_paused = 0, self.flow.read_paused
                self._rate_timer = self.loop.call_later(
                    self.limits.body_rate_seconds, self._check_rate
                )

    def _check_rate(self) -> None:
        """Has the body brought enough in the last window? (Not asked of a window in
        which the page itself paused reading: then the client is not the slow one.)"""
        self._rate_timer = None
        if self._waiting_for != "body":
            return
        paused = self._window_paused or self.flow.read_paused
        if self._window_bytes < self.limits.min_body_bytes and not paused:
            self._too_slow()
            return
        self._window_bytes, self._window_paused = 0, self.flow.read_paused
        self._rate_timer = self.loop.call_later(self.limits.body_rate_seconds, self._check_rate)

    def _stop(self) -> None:
        for timer in (self._timer, self._rate_timer):
            if timer is not None:
                timer.cancel()
        self._timer, self._rate_timer, self._waiting_for = None, None, None

    def _too_slow(self) -> None:
        self._timer = None
        if not self.transport.is_closing():
            self.transport.close()


def timed_protocol(limits: Limits, uncapped: tuple[str, ...] = ()) -> type[H11Protocol]:
    """``TimedProtocol`` with ``limits``, its own count of connections per address, and
    no per-address cap for ``uncapped`` (the trusted proxies)."""
    own = {"limits": limits, "uncapped": uncapped, "open_per_address": {}}
    return type("TimedProtocol", (TimedProtocol,), own)


def uvicorn_config(
    app: Any,
    host: str,
    port: int,
    trusted_proxies: tuple[str, ...] = (),
    limits: Limits | None = None,
) -> uvicorn.Config:
    """The server's settings: proxy headers only from ``trusted_proxies``, and ``limits``."""
    limits = limits or Limits()
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=list(trusted_proxies) if trusted_proxies else [],
        http=timed_protocol(limits, trusted_proxies),
        timeout_keep_alive=int(limits.keep_alive_seconds),
        limit_concurrency=limits.max_connections,
        h11_max_incomplete_event_size=limits.max_header_bytes,
        server_header=False,
    )


def trusted(behind_https: bool, proxies: tuple[str, ...]) -> tuple[str, ...]:
    """The proxies whose forwarded headers are believed: those named; with
    ``--behind-https`` and none named, a proxy on this computer."""
    if proxies:
        return proxies
    return LOCAL_PROXY if behind_https else ()
