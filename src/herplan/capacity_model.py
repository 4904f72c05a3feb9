"""What one consultant-morning holds: the one capacity model of a morning.

Three rules limit a morning (README, The rules): rule 1 gives it a window of
``W`` minutes, rule 3 a change-over ``g`` after every interview and one
location, rule 2 an afternoon that holds ``afternoon // write-up`` write-ups.
Each rule declares its part (``Rule.morning``); ``MorningCapacity.of`` joins
the parts of the rules present, so a rule left out limits nothing. The day
model, the heuristics, a rerun's starting plan and the proven bounds all ask
this one model (through ``Candidates.capacity``).

Interviews with their change-over are *blocks* (``duration + g``); a morning
holds blocks adding up to at most ``W + g`` (``room``). From that follow whole
interviews per morning (``most_per_morning``, ``morning_limits``) and the
fewest mornings a set of interviews needs (``fewest_mornings``), shared by the
bounds, objective 3 and the redundant cuts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class MorningCapacity:
    """A consultant-morning's limits; ``None``: no rule limits it."""

    minutes: int | None = None  # rule 1: the morning's window
    changeover: int = 0  # rule 3: minutes after each interview
    writeups: int | None = None  # rule 2: write-ups the afternoon holds
    one_location: bool = False  # rule 3: one location a morning

    @classmethod
    def of(cls, parts: Iterable[MorningCapacity]) -> MorningCapacity:
        """The limits of several rules together."""
        found = cls()
        for part in parts:
            found = cls(
                _least(found.minutes, part.minutes),
                max(found.changeover, part.changeover),
                _least(found.writeups, part.writeups),
                found.one_location or part.one_location,
            )
        return found

    @property
    def room(self) -> int | None:
        """Minutes of blocks one morning holds (``W + g``), ``None`` without rule 1."""
        return None if self.minutes is None else self.minutes + self.changeover

    def block(self, duration: int) -> int:
        """Minutes an interview takes of a morning: its length and the change-over."""
        return duration + self.changeover


def _least(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def most_per_morning(durations: list[int], capacity: MorningCapacity) -> int:
    """Most interviews of these lengths one morning (and its afternoon) can hold."""
    count = len(durations)
    if capacity.room is not None:
        room, count = capacity.room, 0
        for length in sorted(durations):
            room -= capacity.block(length)
            if room < 0:
                break
            count += 1
    if capacity.writeups is not None:
        count = min(count, capacity.writeups)
    return count


def morning_limits(durations: list[int], capacity: MorningCapacity) -> list[tuple[int, int]]:
    """Pairs ``(k, block)``: one morning holds at most ``k`` interviews whose
    ``duration + change-over`` is at least ``block`` minutes.

    ``k + 1`` such blocks overrun the morning, so a location needs
    ``ceil(count / k)`` mornings for them: with 45-minute interviews a morning
    holds three, even where one 30-minute interview would make four fit.
    The last pair covers all interviews (``most_per_morning``). Without a
    morning window (rule 1) only that last pair holds.
    """
    most = most_per_morning(durations, capacity)
    limits = []
    if capacity.room is not None:
        blocks = [capacity.block(d) for d in durations]
        for k in range(1, most):
            block = capacity.room // (k + 1) + 1
            if any(b >= block for b in blocks):
                limits.append((k, block))
    if most:
        limits.append((most, 0))
    return limits


def fewest_mornings(durations: list[int], capacity: MorningCapacity) -> int:
    """A lower bound on the mornings that can hold interviews of these lengths."""
    blocks = [capacity.block(d) for d in durations]
    floor = -(-sum(blocks) // capacity.room) if capacity.room else 0
    for k, block in morning_limits(durations, capacity):
        floor = max(floor, -(-sum(b >= block for b in blocks) // k))
    return floor


def gaps(taken: Iterable[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The free intervals between the ``taken`` ones within ``[start, end]``, in order
    (a confirmed interview keeps its clock time: the others of its morning fit around it)."""
    found, at = [], start
    for begin, finish in sorted(taken):
        if min(begin, end) > at:
            found.append((at, min(begin, end)))
        at = max(at, finish)
    if end > at:
        found.append((at, end))
    return found
