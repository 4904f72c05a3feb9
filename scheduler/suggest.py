"""Alternatives for one reassessment against the current plan (README, Suggestions).

"Contact the consultant in time when the planning is not feasible, so that we
can think along": for one reassessment (answered ``nee``, not planned, or new)
every place the plan could give it without solving the region again, from the
same ``Candidates`` (rules 6, 7, 9 and the ``nee`` days) and the same model of
consultant-mornings (``Mornings``: rules 1-5 and 8) as the engine:

- a free place in a visit that is already planned (no extra visit);
- a new visit on a consultant-morning that is free, within the weekly caps;
- one other appointment, never a pinned one, moved to a place of its own
  so that this one fits (only when the first two give too few).

Every other appointment keeps its consultant, day and clock time, so an
option applied keeps every rerun promise. Without any option, the reasons
are the files' own (``explain``), and ``would_fit_with`` names the cheapest
extra consultant-morning: a consultant free that day but at the weekly cap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import TYPE_CHECKING

from herplan.domain.appointment import Appointment
from herplan.domain.codes import Reason
from herplan.domain.plan import Unscheduled
from herplan.domain.problem import Problem
from herplan.domain.revisions import Rerun
from herplan.findings import Code, Finding
from herplan.scheduler.candidates import DECLINED, Candidates
from herplan.scheduler.explain import unscheduled_entry, what_is_full
from herplan.scheduler.mornings import Mornings, from_chosen
from herplan.scheduler.rerun import rerun_candidates
from herplan.scheduler.timing import appointment_at, assign_times

if TYPE_CHECKING:
    from herplan.constraints.base import Rule


class NotOpen(ValueError):
    """The dossier is unknown, withdrawn, or held before today: nothing to suggest. It
    carries its finding (``Code.NOT_OPEN`` or ``Code.HELD_ALREADY``); the words are
    chosen where it is shown."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(str(finding.code))
        self.finding = finding


@dataclass(frozen=True)
class Place(Appointment):
    """Where an interview would be held: an appointment the plan does not hold (yet)."""

    new_visit: bool = False  # on a consultant-morning the plan does not hold yet

    @classmethod
    def of(cls, a: Appointment, new_visit: bool = False) -> Place:
        """The place ``a`` would take."""
        return cls(**{f.name: getattr(a, f.name) for f in fields(a)}, new_visit=new_visit)


@dataclass(frozen=True)
class Cost:
    """What an option costs, in the order options are ranked by."""

    moves: int  # other appointments moved
    extra_visit: bool  # a consultant-morning more
    off_preferred_day: bool  # the location has preferred days and this is not one
    other_consultant: bool  # the reassessment has a vaste consulent and this is not them
    begeleider_elsewhere: bool  # the begeleider has no other interview in this visit
    days_before_end: int  # days between the interview and the end of the indication

    def key(self) -> tuple[int, ...]:
        return (
            self.moves,
            self.extra_visit,
            self.off_preferred_day,
            self.other_consultant,
            self.begeleider_elsewhere,
            -self.days_before_end,
        )


@dataclass(frozen=True)
class Option:
    place: Place
    extra_visit: bool
    moves: tuple[Place, ...]
    cost: Cost


@dataclass(frozen=True)
class ExtraMorning:
    """A consultant-morning above the weekly cap that would give the reassessment a place."""

    consultant: str
    day: date
    weekly_cap: int


@dataclass
class Suggestions:
    dossier: str
    provider: str
    location: str
    options: list[Option] = field(default_factory=list)
    unplanned: Unscheduled | None = None  # the reasons, when there is no option
    would_fit_with: ExtraMorning | None = None
    current: Appointment | None = None  # its place in the plan, if it has one


class Suggester:
    """The plan of a region, ready to be asked about one reassessment after another.

    The candidate days of every open reassessment are found once (the costly
    part); each question then only takes the asked one's refused days away.
    """

    def __init__(self, problem: Problem, rules: Sequence[Rule], rerun: Rerun) -> None:
        start, self.cands = rerun_candidates(problem, rules, rerun)
        self.problem = problem
        self.rerun = rerun
        self.past = {a.dossier for a in start.past}
        self.future = [a for a in rerun.previous if not rerun.held(a)]

    def suggest(self, dossier: str, top: int = 5, not_days: Iterable[date] = ()) -> Suggestions:
        """The ``top`` best options for ``dossier``, best first (module doc).

        A dossier planned after today gets other places than its own: its
        day is treated as answered ``nee``, as are ``not_days``.
        """
        held = self.rerun.previous_of(dossier)
        if dossier in self.past and held is not None:
            raise NotOpen(
                Finding.of(Code.HELD_ALREADY, dossier=dossier, day=held.day, today=self.rerun.today)
            )
        if dossier not in self.cands.index:
            raise NotOpen(Finding.of(Code.NOT_OPEN, dossier=dossier))
        i = self.cands.index[dossier]
        current = self.rerun.previous_of(dossier)
        refused = set(not_days)
        if current is not None and not self.rerun.held(current):
            refused.add(current.day)
        others = [a for a in self.future if a.dossier != dossier]
        board = Board(declining(self.cands, i, refused), i, others)
        case = self.cands.cases[i]
        found = Suggestions(dossier, case.provider, case.location, current=current)
        options = board.without_moves()
        if len(options) < top:
            options += board.with_one_move({(o.place.consultant, o.place.day) for o in options})
        found.options = sorted(options, key=_rank)[:top]
        if not found.options:
            found.unplanned = board.reasons()
            found.would_fit_with = board.extra_morning()
        return found


def suggest(
    problem: Problem,
    rules: Sequence[Rule],
    rerun: Rerun,
    dossier: str,
    top: int = 5,
    not_days: Iterable[date] = (),
) -> Suggestions:
    """The ``top`` best options for ``dossier`` against ``rerun.previous`` (the plan)."""
    return Suggester(problem, rules, rerun).suggest(dossier, top, not_days)


def declining(cands: Candidates, i: int, refused: set[date]) -> Candidates:
    """``cands`` with the ``refused`` days taken from reassessment ``i`` (as a ``nee``)."""
    excluded = dict(cands.excluded[i])
    for day in refused:
        if day in cands.candidate_days[i] or day in excluded:
            excluded[day] = (*excluded.get(day, ()), DECLINED)
    return replace(
        cands,
        candidate_days={
            **cands.candidate_days,
            i: [d for d in cands.candidate_days[i] if d not in refused],
        },
        excluded={**cands.excluded, i: excluded},
        declined={**cands.declined, i: cands.declined.get(i, frozenset()) | refused},
    )


def _rank(option: Option) -> tuple[int | date | str | list[str], ...]:
    p = option.place
    return (*option.cost.key(), p.day, p.start, p.consultant, [m.dossier for m in option.moves])


class Board:
    """The plan as consultant-mornings, without the reassessment ``i`` asked about."""

    def __init__(self, cands: Candidates, i: int, others: list[Appointment]) -> None:
        self.cands, self.i = cands, i
        index = cands.index
        self.times = {a.dossier: (a.consultant, a.day, a.start, a.writeup_start) for a in others}
        self.pinned = {index[a.dossier] for a in others if a.pinned and a.dossier in index}
        chosen = [(index[a.dossier], a.consultant, a.day) for a in others if a.dossier in index]
        self.state: Mornings = from_chosen(cands, chosen, fixed=True)

    # --- options ---------------------------------------------------------------------
    def without_moves(self) -> list[Option]:
        return [*self._joins(self.i), *self._new_visits(self.i)]

    def with_one_move(self, direct: set[tuple[str, date]]) -> list[Option]:
        """Each unpinned interview that stands in the way, moved to a place of its own;
        only for consultant-mornings ``direct`` (reached without a move) does not hold."""
        found: list[Option] = []
        state, i = self.state, self.i
        for j in sorted(self._in_the_way()):
            mid = state.planned[j]
            state.remove_case(j)
            try:
                for place in self._joins(i) + self._new_visits(i):
                    if (place.place.consultant, place.place.day) not in direct:
                        found += self._with_moved(j, mid, place)
            finally:
                state.add_case(j, mid)
        return found

    def _with_moved(self, j: int, old: int, option: Option) -> list[Option]:
        """``option`` for ``i`` with ``j`` moved: each place ``j`` can then have."""
        state, i = self.state, self.i
        mid = self._morning_of(option.place)
        opened = mid is None
        if mid is None:
            mid = state.open_with(self.cands.location(i), option.place.day, option.place.consultant)
            if mid is None:
                return []
        state.add_case(i, mid)
        p = option.place
        self.times[p.dossier] = (p.consultant, p.day, p.start, p.writeup_start)
        try:
            places = [
                o for o in self._joins(j) + self._new_visits(j) if self._morning_of(o.place) != old
            ]
        finally:
            del self.times[p.dossier]
            state.remove_case(i)
            if opened:
                state.close(mid)
        return [self._moved(option, o) for o in places]

    def _moved(self, option: Option, moved: Option) -> Option:
        extra = option.extra_visit or moved.extra_visit
        cost = Cost(1, extra, *_rest(option.cost))
        return Option(option.place, extra, (moved.place,), cost)

    def _in_the_way(self) -> set[int]:
        """Interviews whose leaving could make room: in full visits at the location on
        its days, or its begeleider's in another visit those days."""
        state, c, i = self.state, self.cands, self.i
        worker = c.worker[i] if c.worker_one_morning else ""
        found: set[int] = set()
        for day in c.candidate_days[i]:
            for mid in state.at.get((c.location(i), day), ()):
                found.update(state.items[mid].cases)
            if worker and (worker, day) in state.worker_day:
                found.update(state.items[state.worker_day[(worker, day)]].cases)
        return found - self.pinned

    def _joins(self, i: int) -> list[Option]:
        state, c = self.state, self.cands
        found = []
        for day in c.candidate_days[i]:
            for mid in state.at.get((c.location(i), day), ()):
                if state.fits(i, mid):
                    place = self._timed(i, mid)
                    if place is not None:
                        found.append(Option(place, False, (), self._cost(i, place)))
        return found

    def _free_mornings(self, i: int) -> list[tuple[date, str]]:
        """(day, consultant) free for a new visit at ``i``'s location, caps aside: the
        location has a room, the begeleider's day is not spent elsewhere (rule 8)."""
        state, c = self.state, self.cands
        worker = c.worker[i] if c.worker_one_morning else ""
        return [
            (day, cid)
            for day in c.candidate_days[i]
            if state.room_at(c.location(i), day)
            and not (worker and (worker, day) in state.worker_day)
            for cid in c.available.get(day, ())
            if (cid, day) not in state.busy and c.allows(i, cid, day)
        ]

    def _new_visits(self, i: int) -> list[Option]:
        c = self.cands
        found = []
        for day, cid in self._free_mornings(i):
            if self.state.cap_free(cid, day):
                first = appointment_at(c.cases[i], cid, day, *_first_times(c), c.settings)
                place = Place.of(first, new_visit=True)
                found.append(Option(place, True, (), self._cost(i, place)))
        return found

    # --- places and what they cost --------------------------------------------------------
    def _morning_of(self, place: Place) -> int | None:
        return self.state.busy.get((place.consultant, place.day))

    def _timed(self, i: int, mid: int) -> Place | None:
        """``i``'s clock times in morning ``mid`` with every other interview kept where it is."""
        m, c = self.state.items[mid], self.cands
        cases = [c.cases[j] for j in m.cases] + [c.cases[i]]
        chosen = [(r, m.consultant, m.day) for r in cases]
        timed = assign_times(chosen, c.settings, self.times, gap=c.gap)
        for t in timed:
            if t.dossier in self.times and self.times[t.dossier][2:] != (t.start, t.writeup_start):
                return None  # it would shift another interview's time
        return Place.of(next(t for t in timed if t.dossier == c.cases[i].dossier))

    def _cost(self, i: int, place: Place) -> Cost:
        c, state = self.cands, self.state
        r = c.cases[i]
        loc = c.problem.location(r.location_key)
        worker, mid = c.worker[i], self._morning_of(place)
        joined = (
            bool(worker) and mid is not None and state.worker_day.get((worker, place.day)) == mid
        )
        return Cost(
            moves=0,
            extra_visit=mid is None,
            off_preferred_day=loc.has_preference and not loc.is_preferred(place.day),
            other_consultant=bool(r.preferred_consultant)
            and r.preferred_consultant != place.consultant,
            begeleider_elsewhere=not joined,
            days_before_end=(r.indication_end - place.day).days,
        )

    # --- no option ---------------------------------------------------------------------------
    def reasons(self) -> Unscheduled:
        """Why no place is left: the same reason codes and facts as the files."""
        c = self.cands
        full = what_is_full(self.state, self.i) if c.candidate_days[self.i] else Reason.CAPACITY
        return unscheduled_entry(c, self.i, full)

    def extra_morning(self) -> ExtraMorning | None:
        """The cheapest consultant-morning above a weekly cap that gives it a place:
        its vaste consulent first, then the earliest day."""
        c, i = self.cands, self.i
        found = []
        for day, cid in self._free_mornings(i):
            cap = c.problem.consultant(cid).max_mornings_per_week
            if cap is not None and not self.state.cap_free(cid, day):
                vaste = c.cases[i].preferred_consultant == cid
                found.append((not vaste, day, cid, ExtraMorning(cid, day, cap)))
        return min(found)[-1] if found else None


def _rest(cost: Cost) -> tuple[bool, bool, bool, int]:
    return (
        cost.off_preferred_day,
        cost.other_consultant,
        cost.begeleider_elsewhere,
        cost.days_before_end,
    )


def _first_times(c: Candidates) -> tuple[int, int]:
    """A new visit: the interview first thing in the morning, its write-up first thing after."""
    return c.settings.morning.start, c.settings.afternoon.start
