"""``herplan plan --choose DOSSIER=OPTION``: a ``herplan suggest`` option, applied.

``OPTION`` is the number ``herplan suggest`` printed (against the same plan and
``--today``, without ``--not``), or the place itself: ``DATE@CONSULTANT`` or
``DATE@CONSULTANT@HH:MM``. The option is found again among the suggestions
for the plan in the folder, so only a place that keeps every hard rule and
promise can be chosen; the rerun pins it like a ``ja`` and moves the
appointment it makes room with (README, Suggestions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from herplan.app.suggest import MOST_OPTIONS
from herplan.constraints import HARD_RULES
from herplan.digits import whole_number
from herplan.domain.appointment import Appointment, is_held
from herplan.domain.problem import Problem
from herplan.domain.revisions import Choice, Rerun
from herplan.findings import Code, Finding, Subject
from herplan.io.errors import InputError
from herplan.scheduler.suggest import NotOpen, Option, Place, Suggester
from herplan.scheduler.timing import hhmm


def parse_choice(spec: str) -> tuple[str, str]:
    dossier, sep, option = spec.partition("=")
    if not sep or not dossier.strip() or not option.strip():
        raise InputError([f"--choose {spec}: expected DOSSIER=OPTION, e.g. D00193=2"])
    return dossier.strip(), option.strip()


def _matches(option: Option, wanted: str) -> bool:
    parts = wanted.split("@")
    p = option.place
    try:
        day = date.fromisoformat(parts[0])
    except ValueError:
        return False
    if len(parts) not in (2, 3) or (p.day, p.consultant.casefold()) != (day, parts[1].casefold()):
        return False
    return len(parts) == 2 or hhmm(p.start) == parts[2]


def day_passed(place: str, rerun: Rerun) -> date | None:
    """The day of a place ``DATE@...`` that can no longer be taken: not after today."""
    try:
        day = date.fromisoformat(place.split("@")[0])
    except ValueError:
        return None
    return day if is_held(day, rerun.today) else None


def with_chosen(rerun: Rerun, chosen: Sequence[Choice]) -> Rerun:
    """The previous plan as it stands once ``chosen`` are taken: each chosen place, and
    each appointment it moves, where the option puts it."""
    if not chosen:
        return rerun
    placed = {a.dossier: a for c in chosen for a in (c.place, *c.moves)}
    kept = [placed.pop(a.dossier, a) for a in rerun.previous]
    return replace(rerun, previous=tuple(kept + list(placed.values())))


def resolve_choices(
    problem: Problem, rerun: Rerun, specs: Sequence[str], before: Sequence[Choice] = ()
) -> tuple[Choice, ...]:
    """The options ``specs`` name, as ``Choice``s for the rerun; a bad one is an InputError.

    Each is found among the options of the plan with the ones before it (and
    ``before``) taken, so two choices never claim the same place.
    """
    if not specs:
        return ()
    known = {r.dossier.casefold(): r.dossier for r in problem.reassessments}
    found: list[Choice] = []
    errors: list[Finding | str] = []
    for spec in specs:
        # The options as ``herplan suggest`` shows them: against the plan, before any answer.
        taken = with_chosen(rerun, [*before, *found])
        suggester = Suggester(problem, HARD_RULES, replace(taken, verdicts=()))
        dossier, wanted = parse_choice(spec)
        dossier = known.get(dossier.casefold(), dossier)
        passed = day_passed(wanted, rerun)
        if passed:
            where = Subject(file=f"--choose {spec}")
            errors.append(
                Finding.of(Code.DAY_NOT_AFTER_TODAY, where, day=passed, today=rerun.today)
            )
            continue
        try:
            option = _option(suggester, dossier, wanted)
        except NotOpen as error:
            errors.append(_not_open(spec, dossier, rerun, error))
            continue
        if option is None:
            errors.append(
                f"--choose {spec}: no such option for {dossier}; see herplan suggest DIR {dossier}"
            )
            continue
        moves = tuple(_appointment(problem, rerun, m) for m in option.moves)
        found.append(Choice(_appointment(problem, rerun, option.place, pinned=True), moves))
    if errors:
        raise InputError(errors)
    chosen = [c.place.dossier for c in found]
    moved = [m.dossier for c in found for m in c.moves]
    if len(set(chosen + moved)) < len(chosen + moved):
        raise InputError(
            [
                "--choose: two choices move the same reassessment; choose one, "
                "rerun, and ask herplan suggest again"
            ]
        )
    return tuple(found)


def _not_open(spec: str, dossier: str, rerun: Rerun, error: NotOpen) -> Finding:
    """A choice of a reassessment held already, or not open, as data about the choice."""
    where = Subject(file=f"--choose {spec}")
    held = rerun.previous_of(dossier)
    if held is None or not rerun.held(held):
        return replace(error.finding, subject=where)
    return Finding.of(Code.HELD_ALREADY, where, dossier=dossier, day=held.day, today=rerun.today)


def picked_online(problem: Problem, rerun: Rerun) -> Rerun:
    """The places providers picked online with a ``nee`` (README, Answers online), added
    to the planner's choices. One the planner chose otherwise, or that is no longer
    free, is left out and listed: its ``nee`` still holds."""
    return _add_picks(
        problem,
        rerun,
        rerun.picked_online,
        Code.PICKED_ONLINE_TAKEN,
    )


def set_by_hand(problem: Problem, rerun: Rerun, specs: Sequence[str]) -> Rerun:
    """The appointments the planner moved by hand on the page (README, Web page), pinned
    like a ``ja``. One whose place is no longer free (an answer came in meanwhile) is
    left out and listed, and the engine plans it as any other."""
    return _add_picks(problem, rerun, specs, Code.SET_BY_HAND_TAKEN)


def _add_picks(problem: Problem, rerun: Rerun, specs: Sequence[str], note: Code) -> Rerun:
    chosen = list(rerun.chosen)
    notes = list(rerun.answer_conflicts)
    for spec in specs:
        dossier = spec.partition("=")[0]
        taken = {c.place.dossier for c in chosen} | {m.dossier for c in chosen for m in c.moves}
        passed = day_passed(spec.partition("=")[2], rerun)
        if passed:
            gone = Subject(dossier=dossier)
            notes.append(Finding.of(Code.CHOSEN_DAY_PASSED, gone, day=passed, today=rerun.today))
            continue
        try:
            found = () if dossier in taken else resolve_choices(problem, rerun, [spec], chosen)
        except InputError:
            found = ()
        if found and not {found[0].place.dossier, *(m.dossier for m in found[0].moves)} & taken:
            chosen += found
        else:
            place = spec.partition("=")[2]
            notes.append(Finding.of(note, Subject(dossier=dossier), place=place))
    return replace(rerun, chosen=tuple(chosen), answer_conflicts=tuple(notes))


def _option(suggester: Suggester, dossier: str, wanted: str) -> Option | None:
    n = whole_number(wanted)
    if n is not None:
        options = suggester.suggest(dossier, top=n).options if n >= 1 else []
        return options[n - 1] if len(options) >= n else None
    options = suggester.suggest(dossier, top=MOST_OPTIONS).options
    return next((o for o in options if _matches(o, wanted)), None)


def _appointment(problem: Problem, rerun: Rerun, p: Place, pinned: bool = False) -> Appointment:
    r = next(x for x in problem.reassessments if x.dossier == p.dossier)
    before = rerun.previous_of(p.dossier)
    return Appointment(
        uid=before.uid if before else "",
        dossier=p.dossier,
        client=r.client,
        provider=p.provider,
        location=p.location,
        consultant=p.consultant,
        day=p.day,
        start=p.start,
        end=p.end,
        writeup_start=p.writeup_start,
        writeup_end=p.writeup_end,
        with_=p.with_,
        begeleider=r.begeleider,
        pinned=pinned,
    )
