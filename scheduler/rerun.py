"""A rerun's starting point (SPEC §6): what stays, what had to change, and why.

- Appointments before today are history: kept exactly, not planned again;
  their mornings count against the weekly caps.
- A provider's ``nee`` forbids that day for that client (``Candidates``), so
  no heuristic and no model can put the interview back there.
- Every other previous appointment is kept as the starting plan if it still
  holds: the reassessment is open, its day and consultant are still allowed,
  and, together with the others kept, it still fits every capacity (a morning
  shortened, a cap lowered, a room closed, a begeleider's day split). What
  does not is released with its cause; a confirmed appointment (``ja``, or
  confirmed in an earlier revision) that cannot stay is a *conflict*: it is
  reported and planned anew, never written where it breaks a rule.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from herplan.calendar import iso_week
from herplan.domain import Appointment, Problem, Rerun
from herplan.scheduler.candidates import Candidates, LocKey
from herplan.scheduler.mornings import Chosen


@dataclass
class RerunStart:
    """The kept appointments, and the previous ones that had to change, with their cause."""

    past: tuple[Appointment, ...]
    kept: Chosen = field(default_factory=list)
    confirmed: set[str] = field(default_factory=set)  # dossiers kept and pinned (rule 10)
    released: dict[str, str] = field(default_factory=dict)  # dossier -> cause code
    conflicts: dict[str, str] = field(default_factory=dict)  # confirmed dossier -> cause


def split_past(
    problem: Problem, rerun: Rerun
) -> tuple[RerunStart, Problem, dict[str, frozenset[date]]]:
    """History before today, the problem left to plan, and the days answered ``nee``."""
    past = tuple(replace(a, pinned=True) for a in rerun.previous if a.day < rerun.today)
    done = {a.dossier for a in past}
    solvable = replace(
        problem, reassessments=tuple(r for r in problem.reassessments if r.dossier not in done)
    )
    declined: dict[str, frozenset[date]] = {}
    for v in rerun.verdicts:
        before = rerun.previous_of(v.dossier)
        if not v.feasible and before is not None and before.day >= rerun.today:
            declined[v.dossier] = frozenset({before.day})
    return RerunStart(past=past), solvable, declined


def _confirmed(a: Appointment, rerun: Rerun) -> bool:
    verdict = rerun.verdict(a.dossier)
    return a.pinned or (verdict is not None and verdict.feasible)


def _cause(cands: Candidates, i: int, a: Appointment) -> str:
    """Why a previous appointment's day or consultant no longer holds."""
    if a.consultant not in cands.available.get(a.day, ()):
        return "absent"
    codes = cands.excluded.get(i, {}).get(a.day, ())
    for code in ("locatie_gesloten", "client_niet_beschikbaar"):
        if code in codes:
            return code
    return "rule"


def starting_plan(cands: Candidates, rerun: Rerun, start: RerunStart) -> RerunStart:
    """Keep what still holds; release the rest with its cause (see module doc)."""
    withdrawn = {r.dossier for r in cands.problem.reassessments if r.withdrawn}
    keep: list[tuple[int, Appointment]] = []
    for a in sorted(rerun.previous, key=lambda a: (a.day, a.start, a.dossier)):
        if a.day < rerun.today:
            continue
        i = cands.index.get(a.dossier)
        verdict = rerun.verdict(a.dossier)
        if i is None:
            start.released[a.dossier] = "withdrawn" if a.dossier in withdrawn else "gone"
        elif verdict is not None and not verdict.feasible:
            start.released[a.dossier] = "nee"
        elif cands.location(i) != (a.provider, a.location) or not cands.allows(
            i, a.consultant, a.day
        ):
            cause = "moved_location" if cands.location(i) != (a.provider, a.location) else None
            start.released[a.dossier] = cause or _cause(cands, i, a)
            if _confirmed(a, rerun):
                start.conflicts[a.dossier] = start.released[a.dossier]
        else:
            keep.append((i, a))
    for _i, a in _over_capacity(cands, keep, rerun):
        start.released[a.dossier] = "rule"
        if _confirmed(a, rerun):
            start.conflicts[a.dossier] = "rule"
    dropped = set(start.released)
    for i, a in keep:
        if a.dossier in dropped:
            continue
        start.kept.append((i, a.consultant, a.day))
        if _confirmed(a, rerun):
            start.confirmed.add(a.dossier)
    start.kept.sort()
    return start


def _over_capacity(
    cands: Candidates, keep: list[tuple[int, Appointment]], rerun: Rerun
) -> list[tuple[int, Appointment]]:
    """Kept appointments that no longer fit together; unconfirmed and later ones go first."""

    def order(item: tuple[int, Appointment]) -> tuple[bool, int, str]:
        _i, a = item
        return (not _confirmed(a, rerun), a.start, a.dossier)

    dropped: list[tuple[int, Appointment]] = []
    mornings: dict[tuple[str, date], list[tuple[int, Appointment]]] = defaultdict(list)
    for item in keep:
        mornings[(item[1].consultant, item[1].day)].append(item)
    # Rules 1–3: the morning's interviews and write-ups still fit.
    for group in mornings.values():
        used, count = 0, 0
        for item in sorted(group, key=order):
            block = cands.block[item[0]]
            if used + block > cands.morning_room or count + 1 > cands.writeups:
                dropped.append(item)
            else:
                used += block
                count += 1
    gone = {a.dossier for _, a in dropped}
    # Rule 8: a begeleider's interviews of a day stay in one morning.
    by_worker: dict[tuple[str, date], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for i, a in keep:
        if a.dossier not in gone and cands.worker[i]:
            by_worker[(cands.worker[i], a.day)][a.consultant].append((i, a))
    for per_consultant in by_worker.values():
        if len(per_consultant) < 2:
            continue
        ranked = sorted(per_consultant.values(), key=lambda items: min(map(order, items)))
        for items in ranked[1:]:
            dropped.extend(items)
    gone = {a.dossier for _, a in dropped}

    def morning_order(cid_day: tuple[str, date]) -> tuple[bool, date, str]:
        items = [x for x in mornings[cid_day] if x[1].dossier not in gone]
        confirmed = any(_confirmed(a, rerun) for _, a in items)
        return (not confirmed, cid_day[1], cid_day[0])

    def drop_morning(cid_day: tuple[str, date]) -> None:
        for item in mornings[cid_day]:
            if item[1].dossier not in gone:
                dropped.append(item)
                gone.add(item[1].dossier)

    live = [cd for cd in mornings if any(a.dossier not in gone for _, a in mornings[cd])]
    # Rule 5: no more consultants at a location-day than it has rooms.
    places: dict[tuple[LocKey, date], list[tuple[str, date]]] = defaultdict(list)
    for cid, day in live:
        i = mornings[(cid, day)][0][0]
        places[(cands.location(i), day)].append((cid, day))
    for (loc, _day), at_place in places.items():
        for cid_day in sorted(at_place, key=morning_order)[cands.slots.get(loc, 1) :]:
            drop_morning(cid_day)
    # Rule 4: the weekly cap, mornings held before today included.
    weeks: dict[tuple[str, tuple[int, int]], list[tuple[str, date]]] = defaultdict(list)
    for cid, day in live:
        if any(a.dossier not in gone for _, a in mornings[(cid, day)]):
            weeks[(cid, iso_week(day))].append((cid, day))
    for (cid, week), in_week in weeks.items():
        left = cands.cap_left(cid, week)
        if left is not None and len(in_week) > left:
            for cid_day in sorted(in_week, key=morning_order)[left:]:
                drop_morning(cid_day)
    return dropped
