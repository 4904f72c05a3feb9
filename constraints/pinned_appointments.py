"""Rule 10 — Pinned appointments, and the rerun's promise to keep what is out.

"Appointments that are confirmed (see section 6) keep their consultant, day
and time." A provider's ``Haalbaar: ja`` pins an appointment in the slot named
after its consultant (the time is kept by ``timing``); appointments before a
rerun's today are history and are not planned again at all.

The promise of a rerun is a constraint here too, not only a check afterwards:
an untouched appointment (not withdrawn, its consultant available, its
location open, not answered ``nee``, still fitting every hard rule under the
new input: ``rerun.starting_plan``) is never dropped. It may move, to make
room for a reassessment that would otherwise stay unplanned (objective 2
keeps those moves few), but it stays planned. ``violations`` checks that every
confirmed appointment is where it was; the other promises are checked once
more before anything is written (``verify``).
"""

from __future__ import annotations

from herplan.constraints.base import Rule
from herplan.facts import PlanFacts


def add(pm) -> None:
    for i, (_loc, k, day) in sorted(pm.pinned.items()):
        key = (i, k, day)
        if key in pm.x:
            pm.model.add(pm.x[key] == 1)
    for i in sorted(pm.previous):
        pm.model.add(pm.scheduled[i] == 1)


def violations(facts: PlanFacts) -> list[str]:
    """A confirmed appointment that is gone, or not with its consultant, day and time."""
    now = {a.dossier: a for a in facts.appointments}
    found = []
    for dossier, (consultant, day, start) in sorted(facts.pinned.items()):
        a = now.get(dossier)
        if a is None or (a.consultant, a.day, a.start) != (consultant, day, start):
            found.append(f"{dossier} ({consultant}, {day.isoformat()}): confirmed, but not kept")
    return found


RULE = Rule(10, "pinned_appointments", add=add, violations=violations)
