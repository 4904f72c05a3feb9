"""How ``herplan serve`` listens: uvicorn with limits, and proxy headers only when asked.

- **Proxy headers** (``X-Forwarded-For``, ``X-Forwarded-Proto``) are believed
  only from the proxies named (``--trusted-proxy ADDRESS``; ``--behind-https``
  alone: a proxy on this computer). Otherwise they are ignored: anyone on the
  machine could forge the address the throttles and the audit log see.
- **Slow clients** cannot hold connections: a request's headers must arrive
  within ``Limits.header_seconds`` and its body within ``body_seconds``
  (uvicorn itself only times out idle connections between requests, so the
  HTTP protocol is uvicorn's own with these two timers added); an idle
  connection closes after ``keep_alive_seconds``; at most ``max_connections``
  are served at once (more get 503); a header section is at most
  ``max_header_bytes``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

LOCAL_PROXY = ("127.0.0.1", "::1")


@dataclass(frozen=True)
class Limits:
    """What a connection may take (README, Web page: behind a reverse proxy)."""

    header_seconds: float = 10.0
    body_seconds: float = 120.0  # a 20 MB upload at 1.5 Mbit/s
    keep_alive_seconds: float = 5.0
    max_connections: int = 64
    max_header_bytes: int = 16 * 1024


class TimedProtocol(H11Protocol):
    """uvicorn's h11 protocol that closes a connection whose request is too slow."""

    limits = Limits()
    _timer: asyncio.TimerHandle | None = None
    _waiting_for: str | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._watch()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._stop()  # idle now: uvicorn's keep-alive timer takes over

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop()
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

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer, self._waiting_for = None, None

    def _too_slow(self) -> None:
        self._timer = None
        if not self.transport.is_closing():
            self.transport.close()


def timed_protocol(limits: Limits) -> type[H11Protocol]:
    """``TimedProtocol`` with ``limits``."""
    return type("TimedProtocol", (TimedProtocol,), {"limits": limits})


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
        app, host=host, port=port, log_level="warning",
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=list(trusted_proxies) if trusted_proxies else [],
        http=timed_protocol(limits),
        timeout_keep_alive=int(limits.keep_alive_seconds),
        limit_concurrency=limits.max_connections,
        h11_max_incomplete_event_size=limits.max_header_bytes,
        server_header=False,
    )  # fmt: skip


def trusted(behind_https: bool, proxies: tuple[str, ...]) -> tuple[str, ...]:
    """The proxies whose forwarded headers are believed: those named; with
    ``--behind-https`` and none named, a proxy on this computer."""
    if proxies:
        return proxies
    return LOCAL_PROXY if behind_https else ()
