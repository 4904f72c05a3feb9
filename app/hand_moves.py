"""Moving one appointment by hand, checked before it is kept (README, Web page).

The planner names a reassessment and a consultant-morning. The move is
allowed when ``herplan suggest`` knows a place for it there: every hard rule
and every rerun promise kept, every other appointment at its own time (or one
other moved to a place of its own, which the answer names). A rerun then pins
it like a ``ja`` (``--choose``). When there is no such place, the move is laid
out as it would be (the reassessment after the morning's last interview) and
every rule's own ``violations`` says what it would break: the page shows that
rule in the planner's words, with the rule's own finding beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from herplan.app.suggest import MOST_OPTIONS, open_region
from herplan.constraints import HARD_RULES
from herplan.domain.appointment import Appointment, is_held
from herplan.domain.codes import Attendance
from herplan.facts import PlanFacts, held_mornings
from herplan.findings import Code, Finding, Subject
from herplan.io.errors import InputError
from herplan.scheduler.rerun import is_confirmed
from herplan.scheduler.suggest import NotOpen, Option, Suggester
from herplan.scheduler.timing import assign_times, hhmm

# Refusals that are no rule's: a rerun promise, no room as the morning is, the same day,
# an appointment the provider confirmed (``ja``) that the planner did not say to move.
PROMISE, NO_ROOM, SAME_DAY, CONFIRMED = 0, -1, -2, -3


@dataclass(frozen=True)
class Refusal:
    """A rule the move would break: its number (``PROMISE``: a rerun's promise;
    ``NO_ROOM``: every rule holds, but only with other interviews shifted) and finding."""

    rule: int
    finding: Finding


@dataclass
class MoveCheck:
    """The answer to "may this reassessment go to that consultant-morning?"."""

    dossier: str
    consultant: str
    day: date
    place: str = ""  # DATE@CONSULTANT@HH:MM when allowed
    start: str = ""
    end: str = ""
    moves: list[str] = field(default_factory=list)  # dossiers moved to make room
    shifted: list[str] = field(default_factory=list)  # where they go: DOSSIER=PLACE
    refusals: list[Refusal] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return bool(self.place)

    def as_dict(self) -> dict[str, object]:
        return {
            "dossier": self.dossier,
            "consultant": self.consultant,
            "date": self.day.isoformat(),
            "allowed": self.allowed,
            "place": self.place,
            "start": self.start,
            "end": self.end,
            "moves": self.moves,
            "shifted": self.shifted,
            "refusals": [{"rule": r.rule, "finding": r.finding.as_dict()} for r in self.refusals],
        }


def check_move(
    planning: Path,
    dossier: str,
    consultant: str,
    day: date,
    input_path: Path | None = None,
    today: date | None = None,
    confirmed_ok: bool = False,
) -> MoveCheck:
    """May ``dossier`` go to ``consultant``'s morning of ``day``? (module doc)

    An appointment its provider confirmed (``ja``) is refused (``CONFIRMED``) unless
    ``confirmed_ok``: the planner said explicitly, with a reason, to move it anyway.
    """
    region = open_region(planning, today=today, input_path=input_path)
    suggester = region.suggester
    known = {r.dossier.casefold(): r.dossier for r in region.problem.reassessments}
    dossier = known.get(dossier.strip().casefold(), dossier.strip())
    wanted = consultant.strip()
    cid = next(
        (c.id for c in region.problem.consultants if c.id.casefold() == wanted.casefold()), wanted
    )
    found = MoveCheck(dossier, cid, day)
    current = suggester.rerun.previous_of(dossier)
    if current is not None and is_confirmed(current, suggester.rerun) and not confirmed_ok:
        found.refusals = [
            Refusal(CONFIRMED, Finding.of(Code.PROVIDER_CONFIRMED, Subject(dossier=dossier)))
        ]
        return found
    try:
        options = suggester.suggest(dossier, top=MOST_OPTIONS).options
    except NotOpen as error:
        raise InputError([error.finding]) from None
    here = [o for o in options if (o.place.consultant, o.place.day) == (cid, day)]
    if here:
        best = min(here, key=lambda o: (len(o.moves), o.place.start))
        return _allowed(found, best)
    found.refusals = _why_not(suggester, dossier, cid, day)
    return found


def _allowed(found: MoveCheck, option: Option) -> MoveCheck:
    p = option.place
    found.place = f"{p.day.isoformat()}@{p.consultant}@{hhmm(p.start)}"
    found.start, found.end = hhmm(p.start), hhmm(p.end)
    found.moves = [m.dossier for m in option.moves]
    found.shifted = [
        f"{m.dossier}={m.day.isoformat()}@{m.consultant}@{hhmm(m.start)}" for m in option.moves
    ]
    return found


def _why_not(suggester: Suggester, dossier: str, cid: str, day: date) -> list[Refusal]:
    """What the move would break, as the rules themselves find it on the moved plan."""
    problem, rerun = suggester.problem, suggester.rerun
    if cid not in {c.id for c in problem.consultants}:
        return [Refusal(4, Finding.of(Code.NOT_A_CONSULTANT, Subject(consultant=cid)))]
    if is_held(day, rerun.today):
        return [Refusal(PROMISE, Finding.of(Code.DAY_NOT_AFTER_TODAY, day=day, today=rerun.today))]
    verdict = rerun.verdict(dossier)
    current = rerun.previous_of(dossier)
    if (
        verdict is not None
        and not verdict.feasible
        and not verdict.same_day
        and current is not None
        and current.day == day
    ):
        nee = Finding.of(Code.PROVIDER_ANSWERED_NEE, Subject(dossier=dossier), day=day)
        return [Refusal(PROMISE, nee)]
    if current is not None and current.day == day and current.consultant != cid:
        return [Refusal(SAME_DAY, Finding.of(Code.ALREADY_ON_DAY, dossier=dossier, day=day))]
    others = [a for a in suggester.future if a.dossier != dossier]
    moved = _laid_out(suggester, dossier, cid, day, others)
    before = _findings(suggester, others + ([current] if current in suggester.future else []))
    after = _findings(suggester, [*others, moved])
    new = [r for r in after if r not in before]
    if new:
        return new
    room = Finding.of(Code.NEEDS_ANOTHER_MOVED, dossier=dossier, consultant=cid, day=day)
    return [Refusal(NO_ROOM, room)]


def _laid_out(
    suggester: Suggester, dossier: str, cid: str, day: date, others: list[Appointment]
) -> Appointment:
    """``dossier`` on ``cid``'s morning of ``day``, after that morning's own interviews."""
    problem = suggester.problem
    r = problem.reassessment(dossier)
    morning = [a for a in others if (a.consultant, a.day) == (cid, day)]
    chosen = [(problem.reassessment(a.dossier), cid, day) for a in morning] + [(r, cid, day)]
    keep = {a.dossier: (cid, day, a.start, a.writeup_start) for a in morning}
    timed = next(t for t in assign_times(chosen, problem.settings, keep) if t.dossier == dossier)
    before = suggester.rerun.previous_of(dossier)
    base = before or Appointment(
        uid="",
        dossier=dossier,
        client=r.client,
        provider=r.provider,
        location=r.location,
        consultant=cid,
        day=day,
        start=0,
        end=0,
        writeup_start=0,
        writeup_end=0,
        with_=Attendance.CLIENT,
        begeleider=r.begeleider,
    )
    s = problem.settings
    return replace(
        base,
        consultant=cid,
        day=day,
        start=timed.start,
        end=timed.start + r.interview_minutes(s),
        writeup_start=timed.writeup_start,
        writeup_end=timed.writeup_start + s.writeup_min,
        pinned=False,
    )


def _findings(suggester: Suggester, future: list[Appointment]) -> list[Refusal]:
    """Every hard rule's ``violations`` on these appointments (held mornings and
    confirmed appointments as the guard counts them)."""
    rerun = suggester.rerun
    held = held_mornings(a for a in rerun.previous if rerun.held(a))
    pinned = {
        a.dossier: (a.consultant, a.day, a.start)
        for a in suggester.future
        if is_confirmed(a, rerun)
    }
    facts = PlanFacts(suggester.problem, tuple(future), held, pinned)
    return [
        Refusal(rule.number, v)
        for rule in HARD_RULES
        if rule.violations is not None
        for v in rule.violations(facts)
    ]
