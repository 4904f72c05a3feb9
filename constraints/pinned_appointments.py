"""Rule 10 — Pinned appointments.

"Appointments that are confirmed (see section 6) keep their consultant, day
and time." A provider's ``Haalbaar: ja`` pins an appointment in the slot named
after its consultant (the time is kept by ``timing``); appointments before a
rerun's today are history and are not planned again at all. Whether every pin
held is checked with the other rerun promises (``verify``).
"""

from __future__ import annotations

from herplan.constraints.base import Rule


def add(pm) -> None:
    for i, (_loc, k, day) in sorted(pm.pinned.items()):
        key = (i, k, day)
        if key in pm.x:
            pm.model.add(pm.x[key] == 1)


RULE = Rule(10, "pinned_appointments", add=add)
