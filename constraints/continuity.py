"""Objective 4 — Continuity.

"Continuity: the ``vaste_consulent`` when possible." Counts interviews held by
another consultant than the client's preferred one.
"""

from __future__ import annotations

from herplan.constraints.base import Objective


def expression(pm):
    return sum(
        var
        for key, var in pm.x.items()
        if (preferred := pm.reassessment(key).preferred_consultant) and key[1] != preferred
    )


OBJECTIVE = Objective(4, "continuity", "min", expression)
