"""A rerun's starting point: what stays, what had to change, and why (README, Rerun after
cancellations).

- Appointments on or before today are history (README, Today): kept exactly,
  not planned again, even when their row has left the input; their mornings
  count against the weekly caps. Nothing is placed or moved before tomorrow.
- A provider's ``nee`` forbids that day for that client (``Candidates``), so
  no heuristic and no model can put the interview back there; ``zelfde dag``
  (same day, another time) forbids every other day: the interview is planned
  anew on its day, at any time and with any consultant, or not at all.
- Every other previous appointment is kept as the starting plan if it still
  holds: the reassessment is open, its day and consultant are still allowed,
  and, together with the others kept, it still fits every capacity (a morning
  shortened, a cap lowered, a room closed, a begeleider's day split). What
  does not is released with its cause; a confirmed appointment (``ja``, or
  confirmed in an earlier revision) that cannot stay is a *conflict*: it is
  reported and planned anew, never written where it breaks a rule.
- A place the planner chose (``--choose``, a ``herplan suggest`` option)
  replaces the previous appointment: the chosen one is kept there and pinned
  (its cause ``chosen``), and the appointment it moves is kept at its new
  place, a move that made room for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from herplan.calendar import period_days
from herplan.domain.appointment import Appointment
from herplan.domain.codes import Cause, Reason
from herplan.domain.problem import Problem
from herplan.domain.revisions import Rerun
from herplan.scheduler.candidates import Candidates, find_candidates
from herplan.scheduler.mornings import Chosen, Mornings

if TYPE_CHECKING:
    from herplan.constraints.base import Rule


@dataclass
class RerunStart:
    """The kept appointments, and the previous ones that had to change, with their cause."""

    past: tuple[Appointment, ...]
    kept: Chosen = field(default_factory=list)
    confirmed: set[str] = field(default_factory=set)  # dossiers kept and pinned (rule 10)
    released: dict[str, Cause] = field(default_factory=dict)  # dossier -> cause code
    conflicts: dict[str, Cause] = field(default_factory=dict)  # confirmed dossier -> cause
    placed: dict[str, Appointment] = field(default_factory=dict)  # chosen places (--choose)
    # confirmed dossier -> (interview start, write-up start): kept to the minute (rule 10)
    times: dict[str, tuple[int, int]] = field(default_factory=dict)
    # an appointment a chosen place moves -> the chosen dossier it makes room for
    made_room: dict[str, str] = field(default_factory=dict)
    # answered zelfde dag on a day no longer possible (the location closed, ...): it moves
    # as any forced move, and the answer declines no other day
    day_gone: set[str] = field(default_factory=set)


def split_past(
    problem: Problem, rerun: Rerun
) -> tuple[RerunStart, Problem, dict[str, frozenset[date]]]:
    """History up to today, the problem left to plan, and the days answered ``nee``."""
    past = tuple(replace(a, pinned=True) for a in rerun.previous if rerun.held(a))
    done = {a.dossier for a in past}
    solvable = replace(
        problem, reassessments=tuple(r for r in problem.reassessments if r.dossier not in done)
    )
    declined: dict[str, frozenset[date]] = {}
    for v in rerun.verdicts:
        before = rerun.previous_of(v.dossier)
        if not v.feasible and before is not None and not rerun.held(before):
            declined[v.dossier] = frozenset(
                [d for d in period_days(problem.settings) if d != before.day]
                if v.same_day  # the day is kept: every other day is declined
                else [before.day]
            )
    return RerunStart(past=past), solvable, declined


def rerun_candidates(
    problem: Problem, rules: Sequence[Rule], rerun: Rerun
) -> tuple[RerunStart, Candidates]:
    """A rerun's history and what every rule allows after its today: the days
    up to it left out, the mornings held then counted against the weekly caps,
    and the days answered ``nee`` forbidden."""
    start, solvable, declined = split_past(problem, rerun)
    held = [(a.consultant, a.day) for a in start.past]
    cands = find_candidates(solvable, rules, rerun.first_day, held, declined)
    start.day_gone = _day_gone(cands, rerun)
    if start.day_gone:  # "that day, another time" cannot hold: it forbids no other day
        declined = {d: days for d, days in declined.items() if d not in start.day_gone}
        cands = find_candidates(solvable, rules, rerun.first_day, held, declined)
    return start, cands


def _day_gone(cands: Candidates, rerun: Rerun) -> set[str]:
    """The dossiers answered *zelfde dag* whose day no rule allows any more."""
    gone = set()
    for v in rerun.verdicts:
        before = rerun.previous_of(v.dossier)
        i = cands.index.get(v.dossier)
        if not v.same_day or before is None or rerun.held(before) or i is None:
            continue
        if before.day not in cands.candidate_days.get(i, ()):
            gone.add(v.dossier)
    return gone


def is_confirmed(a: Appointment, rerun: Rerun) -> bool:
    """Pinned (rule 10): confirmed in an earlier revision, or answered ``ja``."""
    verdict = rerun.verdict(a.dossier)
    return a.pinned or (verdict is not None and verdict.feasible)


def _cause(cands: Candidates, i: int, a: Appointment) -> Cause:
    """Why a previous appointment's day or consultant no longer holds."""
    if a.consultant not in cands.available.get(a.day, ()):
        return Cause.ABSENT
    codes = cands.excluded.get(i, {}).get(a.day, ())
    for code in (Reason.LOCATION_CLOSED, Reason.CLIENT_UNAVAILABLE):
        if code in codes:
            return Cause(code)
    return Cause.RULE


def starting_plan(cands: Candidates, rerun: Rerun, start: RerunStart) -> RerunStart:
    """Keep what still holds; release the rest with its cause (see module doc)."""
    withdrawn = {r.dossier for r in cands.problem.reassessments if r.withdrawn}
    start.placed = {a.dossier: a for c in rerun.chosen for a in (c.place, *c.moves)}
    start.made_room = {m.dossier: c.place.dossier for c in rerun.chosen for m in c.moves}
    keep: list[tuple[int, Appointment]] = []
    for a in sorted(rerun.previous, key=lambda a: (a.day, a.start, a.dossier)):
        if rerun.held(a) or a.dossier in start.placed:
            continue
        i = cands.index.get(a.dossier)
        verdict = rerun.verdict(a.dossier)
        if i is None:
            start.released[a.dossier] = Cause.WITHDRAWN if a.dossier in withdrawn else Cause.GONE
        elif verdict is not None and not verdict.feasible:
            start.released[a.dossier] = Cause.SAME_DAY if verdict.same_day else Cause.DECLINED
        elif cands.location(i) != (a.provider, a.location) or not cands.allows(
            i, a.consultant, a.day
        ):
            cause = Cause.MOVED_LOCATION if cands.location(i) != (a.provider, a.location) else None
            start.released[a.dossier] = cause or _cause(cands, i, a)
            if is_confirmed(a, rerun):
                start.conflicts[a.dossier] = start.released[a.dossier]
        else:
            keep.append((i, a))
    keep += _chosen(cands, rerun, start)
    for _i, a in _over_capacity(cands, keep, rerun):
        start.released[a.dossier] = Cause.RULE
        if is_confirmed(a, rerun):
            start.conflicts[a.dossier] = Cause.RULE
    dropped = set(start.released)
    for i, a in keep:
        if a.dossier in dropped:
            continue
        start.kept.append((i, a.consultant, a.day))
        if is_confirmed(a, rerun):
            start.confirmed.add(a.dossier)
            start.times[a.dossier] = (a.start, a.writeup_start)
    start.kept.sort()
    _moved_by_choice(rerun, start)
    return start


def _moved_by_choice(rerun: Rerun, start: RerunStart) -> None:
    """A chosen place kept: the previous appointment it replaces changes for ``chosen``."""
    for c in rerun.chosen:
        before = rerun.previous_of(c.place.dossier)
        if before is not None and not rerun.held(before) and c.place.dossier in start.confirmed:
            start.released[c.place.dossier] = Cause.CHOSEN


def _chosen(cands: Candidates, rerun: Rerun, start: RerunStart) -> list[tuple[int, Appointment]]:
    """The chosen places that still hold; one that does not is released as a conflict."""
    keep = []
    for a in start.placed.values():
        i = cands.index.get(a.dossier)
        if (
            i is not None
            and cands.location(i) == (a.provider, a.location)
            and cands.allows(i, a.consultant, a.day)
        ):
            keep.append((i, a))
            continue
        start.released[a.dossier] = Cause.WITHDRAWN if i is None else Cause.RULE
        if a.pinned:
            start.conflicts[a.dossier] = start.released[a.dossier]
    return keep


def _over_capacity(
    cands: Candidates, keep: list[tuple[int, Appointment]], rerun: Rerun
) -> list[tuple[int, Appointment]]:
    """Kept appointments that no longer fit together, confirmed and earlier ones kept first.

    They are put back one by one into consultant-mornings (``Mornings``, the one
    model of what a morning, a location, a week and a begeleider's day hold:
    rules 1-5 and 8); whatever no longer fits is released.
    """
    state = Mornings(cands)
    dropped: list[tuple[int, Appointment]] = []
    for i, a in sorted(
        keep,
        key=lambda item: (
            not is_confirmed(item[1], rerun),
            item[1].day,
            item[1].start,
            item[1].dossier,
        ),
    ):
        mid = state.busy.get((a.consultant, a.day))
        opened = mid is None
        if opened:
            mid = state.open_with(cands.location(i), a.day, a.consultant)
        if mid is not None and state.fits(i, mid):
            state.add_case(i, mid)
            continue
        if opened and mid is not None:
            state.close(mid)
        dropped.append((i, a))
    return dropped
