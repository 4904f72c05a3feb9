"""Clock times within a morning and an afternoon (rules 1, 2, 3 and 8).

The model decides who is seen by which consultant on which day; this module
turns each consultant-morning into clock times. Interviews start at the
beginning of the morning and follow each other with the change-over time in
between; one begeleider's interviews are kept back to back. The write-ups
follow the same order from the start of the afternoon, each its own block.
The model guarantees that the durations fit, so the times always do. A
provider who answered *zelfde dag, andere tijd* gets a time that does not
overlap the one it had (``avoid``) wherever its morning has another.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from herplan.capacity_model import gaps
from herplan.constraints.client_availability import held_with
from herplan.domain.appointment import Appointment
from herplan.domain.problem import Reassessment, Settings


def appointment_at(
    r: Reassessment, consultant: str, day: date, start: int, writeup: int, settings: Settings
) -> Appointment:
    """``r``'s interview on ``consultant``'s morning of ``day`` from ``start`` and its write-up
    from ``writeup`` (minutes after midnight); no UID issued yet."""
    return Appointment(
        uid="",
        dossier=r.dossier,
        client=r.client,
        provider=r.provider,
        location=r.location,
        consultant=consultant,
        day=day,
        start=start,
        end=start + r.interview_minutes(settings),
        writeup_start=writeup,
        writeup_end=writeup + settings.writeup_min,
        with_=held_with(r, day),
        begeleider=r.begeleider,
    )


def _order_key(r: Reassessment) -> tuple[str, str]:
    worker = r.begeleider.strip().casefold()
    return (worker or "~" + r.dossier, r.dossier)


def assign_times(
    chosen: list[tuple[Reassessment, str, date]],
    settings: Settings,
    keep: dict[str, tuple[str, date, int, int]] | None = None,
    pinned: frozenset[str] = frozenset(),
    gap: int | None = None,
    avoid: dict[str, tuple[int, int]] | None = None,
) -> list[Appointment]:
    """Clock times for every chosen (reassessment, consultant, day): its appointment.

    ``keep`` (a rerun) maps a dossier to its previous (consultant, day, start,
    write-up start): an interview on the same consultant-morning keeps its
    times wherever they still fit, and the others fill the gaps. Where that is
    impossible only the ``pinned`` (confirmed) ones keep their times; only a
    morning where even that is impossible is laid out afresh. ``gap`` is the
    change-over (rule 3; the setting when not given). ``avoid`` maps a dossier to
    the interview time (start, end) it asked to leave (*zelfde dag*).
    """
    avoid = avoid or {}
    if gap is not None and gap != settings.changeover_min:
        settings = replace(settings, changeover_min=gap)
    mornings: dict[tuple[str, date], list[Reassessment]] = defaultdict(list)
    for r, cid, day in chosen:
        mornings[(cid, day)].append(r)
    timed: list[Appointment] = []
    for (cid, day), cases in sorted(mornings.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        ordered = sorted(cases, key=_order_key)
        kept = {
            r.dossier: keep[r.dossier][2:]
            for r in ordered
            if keep and r.dossier in keep and keep[r.dossier][:2] == (cid, day)
        }
        elsewhere = {r.dossier: avoid[r.dossier] for r in ordered if r.dossier in avoid}
        times = _keeping(ordered, kept, settings, elsewhere) if kept or elsewhere else None
        confirmed = {d: t for d, t in kept.items() if d in pinned}
        if times is None and confirmed:
            times = _keeping(ordered, confirmed, settings, elsewhere)
        if times is None:
            times = _in_sequence(ordered, settings)
        timed.extend(
            appointment_at(r, cid, day, start, up, settings)
            for r, (start, up) in zip(ordered, times, strict=True)
        )
    return timed


def _in_sequence(cases: list[Reassessment], settings: Settings) -> list[tuple[int, int]]:
    """Back to back from the start of the morning and of the afternoon."""
    clock, writeup, times = settings.morning.start, settings.afternoon.start, []
    for r in cases:
        times.append((clock, writeup))
        clock += r.interview_minutes(settings) + settings.changeover_min
        writeup += settings.writeup_min
    return times


def _keeping(
    cases: list[Reassessment],
    kept: dict[str, tuple[int, int]],
    settings: Settings,
    avoid: dict[str, tuple[int, int]] | None = None,
) -> list[tuple[int, int]] | None:
    """Previous times for ``kept``, first free gaps for the rest (away from ``avoid``);
    ``None`` if it cannot."""
    gap = settings.changeover_min
    busy: list[tuple[int, int]] = []  # interviews, with change-over after each
    desk: list[tuple[int, int]] = []  # write-up blocks
    times: dict[str, tuple[int, int]] = {}

    def free(intervals: list[tuple[int, int]], start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in intervals)

    for r in cases:
        if r.dossier not in kept:
            continue
        start, up = kept[r.dossier]
        end = start + r.interview_minutes(settings)
        up_end = up + settings.writeup_min
        inside = settings.morning.start <= start and end <= settings.morning.end
        inside = inside and settings.afternoon.start <= up and up_end <= settings.afternoon.end
        if not (inside and free(busy, start, end + gap) and free(desk, up, up_end)):
            return None
        busy.append((start, end + gap))
        desk.append((up, up_end))
        times[r.dossier] = (start, up)
    rest = [r for r in cases if r.dossier not in times]
    starts = _first_fit(rest, busy, settings, avoid or {}) or _packed(rest, busy, settings)
    if starts is None:
        return None
    for r in rest:
        length = r.interview_minutes(settings)
        begin = starts[r.dossier]
        desk_at = next(
            (
                t
                for t in range(
                    settings.afternoon.start, settings.afternoon.end - settings.writeup_min + 1, 5
                )
                if free(desk, t, t + settings.writeup_min)
            ),
            None,
        )
        if desk_at is None:
            return None
        busy.append((begin, begin + length + gap))
        desk.append((desk_at, desk_at + settings.writeup_min))
        times[r.dossier] = (begin, desk_at)
    return [times[r.dossier] for r in cases]


def _first_fit(
    rest: list[Reassessment],
    busy: list[tuple[int, int]],
    settings: Settings,
    avoid: dict[str, tuple[int, int]],
) -> dict[str, int] | None:
    """Each of ``rest`` at the first free time of the morning that does not overlap the
    time it asked to leave, those that asked first; None if one has none."""
    gap, taken, found = settings.changeover_min, list(busy), {}
    for r in sorted(rest, key=lambda r: r.dossier not in avoid):
        length = r.interview_minutes(settings)
        left = [avoid[r.dossier]] if r.dossier in avoid else []
        begin = next(
            (
                t
                for t in range(settings.morning.start, settings.morning.end - length + 1, 5)
                if all(t + length + gap <= s or t >= e for s, e in taken)
                and all(t + length <= s or t >= e for s, e in left)
            ),
            None,
        )
        if begin is None:
            return None
        taken.append((begin, begin + length + gap))
        found[r.dossier] = begin
    return found


def _packed(
    rest: list[Reassessment], busy: list[tuple[int, int]], settings: Settings
) -> dict[str, int] | None:
    """``rest`` packed into the gaps around ``busy`` (the kept times) when first fit
    fails: a few interviews, a few gaps, so every assignment can be tried (the model
    only allows a morning whose interviews fit its gaps: rule 10)."""
    gap = settings.changeover_min
    free = gaps(busy, settings.morning.start, settings.morning.end + gap)
    order = sorted(rest, key=lambda r: -r.interview_minutes(settings))
    room = [end - begin for begin, end in free]
    chosen: list[int] = []

    def place(n: int) -> bool:
        if n == len(order):
            return True
        block = order[n].interview_minutes(settings) + gap
        for j, left in enumerate(room):
            if block <= left:
                room[j] -= block
                chosen.append(j)
                if place(n + 1):
                    return True
                chosen.pop()
                room[j] += block
        return False

    if not place(0):
        return None
    found, clock = {}, [begin for begin, _ in free]
    for r, j in zip(order, chosen, strict=True):
        found[r.dossier] = clock[j]
        clock[j] += r.interview_minutes(settings) + gap
    return found


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
