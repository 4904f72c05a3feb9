"""Slowing down password guessing without locking anyone out (README, Web page: login).

Wrong logins are counted per address and per account name (known or not: an
unknown name is treated exactly as a known one, so the answers tell nothing).
The first few are free; after that each next try waits twice as long as the
one before, up to a cap: short for an account (whoever guesses at it cannot
keep its owner out for long), long for an address (the guesser's own). A try
within the wait is answered at once, without checking the password; a right
password clears both counts. A browser the planner signed in with before
carries a signed device cookie (``login``): for it the account's count does
not apply, so someone guessing at an account never keeps its owner out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

FREE_FAILURES = 3
ACCOUNT_MAX_SECONDS = 60.0
ADDRESS_MAX_SECONDS = 15 * 60.0
FORGET_SECONDS = 24 * 3600.0  # a count without a failure for a day is forgotten
MAX_KEPT = 10_000  # counts kept at most (a flood of made-up names cannot fill memory)


@dataclass
class _Count:
    failures: int = 0
    last: float = 0.0


def delay(failures: int, cap: float) -> float:
    """Seconds to wait after ``failures`` wrong tries in a row."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(cap, 2.0 ** (failures - FREE_FAILURES + 1))


class LoginThrottle:
    """Wrong logins per address and per account name, in this server's memory."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self.addresses: dict[str, _Count] = {}
        self.accounts: dict[str, _Count] = {}

    def wait(self, address: str, name: str, known_device: bool = False) -> float:
        """Seconds until a try from ``address`` for ``name`` is taken (0: now); from a
        ``known_device`` of ``name``, the address's wait only."""
        now = self.now()
        found = 0.0
        for counts, key, cap in self._keys(address, name)[: 1 if known_device else 2]:
            c = counts.get(key)
            if c is not None:
                found = max(found, c.last + delay(c.failures, cap) - now)
        return max(0.0, found)

    def failed(self, address: str, name: str, known_device: bool = False) -> None:
        now = self.now()
        for counts, key, _cap in self._keys(address, name)[: 1 if known_device else 2]:
            c = counts.get(key)
            if c is None or now - c.last > FORGET_SECONDS:
                c = counts[key] = _Count()
            c.failures += 1
            c.last = now
            if len(counts) > MAX_KEPT:
                oldest = min(counts, key=lambda k: counts[k].last)
                del counts[oldest]

    def succeeded(self, address: str, name: str) -> None:
        for counts, key, _cap in self._keys(address, name):
            counts.pop(key, None)

    def _keys(self, address: str, name: str) -> list[tuple[dict[str, _Count], str, float]]:
        return [
            (self.addresses, address, ADDRESS_MAX_SECONDS),
            (self.accounts, name.casefold(), ACCOUNT_MAX_SECONDS),
        ]
