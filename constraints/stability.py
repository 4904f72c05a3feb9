"""Objective 2 — Stability on a rerun.

"On a rerun, change as few appointments as possible." Counts the open
reassessments whose previous appointment (consultant and day) is not kept.
It is optimised right after ``most_reassessments``, so an appointment that is
already out moves only when that lets more reassessments be planned, and
before ``clustering``, so it never moves for fewer visits (SPEC §3, §6).
Clock times are kept by ``timing`` wherever the morning allows.
"""

from __future__ import annotations

from herplan.constraints.base import Objective


def expression(pm):
    kept = [pm.x[key] for key in pm.previous.values() if key in pm.x]
    return len(pm.previous) - sum(kept)


OBJECTIVE = Objective(2, "stability", "min", expression)
