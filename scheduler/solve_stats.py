"""How one optimisation phase of the engine ended: the solver's own figures.

A plan carries these as its phases (``herplan.domain.PhaseResult``); the engine alone
knows what CP-SAT's statuses and bounds mean, so the record and its gap live here.
"""

from __future__ import annotations

from dataclasses import dataclass

from herplan.domain.codes import PhaseStatus


@dataclass(frozen=True)
class SolveStats:
    """Quality of one optimisation phase as the solver reports it.

    ``status`` is CP-SAT's (``OPTIMAL``, ``FEASIBLE``, ``UNKNOWN``,
    ``INFEASIBLE``) or ``NOT_RUN`` when the time was spent; the plan then is
    the one the phase started from. ``bound`` is the best bound proven (the
    objective's own, when the solver proved nothing more; ``None`` if there
    is none); the phase's ``gap`` is known only when the solver ran to a plan.
    """

    name: str
    status: PhaseStatus
    objective: float
    bound: float | None
    work: float  # CP-SAT's deterministic time: reproducible, close to seconds of work
    wall_seconds: float = 0.0  # real elapsed time: shown to the user, never written
    headline: bool = False  # one of the objectives whose gap is the plan's gap
    unit: str = ""  # reassessments, visits: the objective as a planner counts it

    @property
    def gap(self) -> float | None:
        if self.bound is None or not self.status.found_a_plan:
            return None
        if self.objective == self.bound:
            return 0.0
        return abs(self.objective - self.bound) / max(1.0, abs(self.objective))
