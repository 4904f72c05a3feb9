"""Whole interviews per morning: the arithmetic behind the bounds and the cuts.

A morning of ``W`` minutes with change-over ``g`` holds interviews whose
blocks (``duration + g``) add up to at most ``W + g``; its afternoon holds
``afternoon // write-up`` write-ups. Shared by the proven bounds
(``bounds``), objective 3 (``clustering``) and the redundant cuts.
"""

from __future__ import annotations

from herplan.domain import Settings


def most_per_morning(durations: list[int], settings: Settings) -> int:
    """Most interviews of these lengths one morning (and its afternoon) can hold."""
    room = settings.morning.minutes + settings.changeover_min
    count = 0
    for length in sorted(durations):
        room -= length + settings.changeover_min
        if room < 0:
            break
        count += 1
    if settings.writeup_min:
        count = min(count, settings.afternoon.minutes // settings.writeup_min)
    return count


def morning_limits(durations: list[int], settings: Settings) -> list[tuple[int, int]]:
    """Pairs ``(k, block)``: one morning holds at most ``k`` interviews whose
    ``duration + change-over`` is at least ``block`` minutes.

    ``k + 1`` such blocks overrun the morning, so a location needs
    ``ceil(count / k)`` mornings for them: with 45-minute interviews a morning
    holds three, even where one 30-minute interview would make four fit.
    The last pair covers all interviews (``most_per_morning``).
    """
    capacity = settings.morning.minutes + settings.changeover_min
    most = most_per_morning(durations, settings)
    blocks = [d + settings.changeover_min for d in durations]
    limits = []
    for k in range(1, most):
        block = capacity // (k + 1) + 1
        if any(b >= block for b in blocks):
            limits.append((k, block))
    if most:
        limits.append((most, 0))
    return limits


def fewest_mornings(durations: list[int], settings: Settings) -> int:
    """A lower bound on the mornings that can hold interviews of these lengths."""
    capacity = settings.morning.minutes + settings.changeover_min
    blocks = [d + settings.changeover_min for d in durations]
    floor = -(-sum(blocks) // capacity)
    for k, block in morning_limits(durations, settings):
        floor = max(floor, -(-sum(b >= block for b in blocks) // k))
    return floor
