"""How the work is spread over the consultants (objective 6, fair load).

Per consultant: the mornings they are available (working day, no absence or
holiday), how many of those the weekly cap lets them use, the mornings they
hold interviews and the interviews. The measure is interviews per usable
morning; a consultant more than ``OUTLIER`` above or below the median of the
consultants who can work is marked, so the planner sees at a glance who is
loaded far more or less than the rest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from statistics import median

from herplan.domain.plan import Plan
from herplan.domain.problem import Consultant

OUTLIER = 0.25  # a quarter above or below the median is worth a look


@dataclass(frozen=True)
class Load:
    consultant: Consultant
    available: int  # mornings without absence on a working day
    usable: int  # of those, what the weekly cap allows
    mornings: int  # mornings with interviews
    interviews: int
    mark: str = ""  # "high", "low" or ""

    @property
    def per_morning(self) -> float:
        """Interviews per usable morning (0 for a consultant who cannot work)."""
        return self.interviews / self.usable if self.usable else 0.0


def consultant_loads(plan: Plan) -> tuple[list[Load], float]:
    """Each consultant's load, outliers marked, and the median interviews per usable morning."""
    time = {t.consultant: t for t in plan.staff}
    interviews: Counter[str] = Counter(a.consultant for a in plan.appointments)
    mornings = Counter(cid for cid, _day in {(a.consultant, a.day) for a in plan.appointments})
    loads = [
        Load(
            consultant=c,
            available=len(time[c.id].days) if c.id in time else 0,
            usable=time[c.id].usable if c.id in time else 0,
            mornings=mornings[c.id],
            interviews=interviews[c.id],
        )
        for c in plan.problem.consultants
    ]
    working = [x.per_morning for x in loads if x.usable]
    middle = median(working) if working else 0.0
    return [_marked(x, middle) for x in loads], middle


def _marked(load: Load, middle: float) -> Load:
    if not load.usable or not middle:
        return load
    if load.per_morning > middle * (1 + OUTLIER):
        return replace(load, mark="high")
    if load.per_morning < middle * (1 - OUTLIER):
        return replace(load, mark="low")
    return load
