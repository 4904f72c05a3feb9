"""The hand-planning baseline of benchmarks/RESULTS.md: a planner filling mornings by hand.

``herplan.scheduler.greedy.hand_plan`` over every consultant, day by day and
location by location, without local search or solver; it keeps every hard
rule (it is the same plan herplan starts from), so it is a fair baseline: it
sees the same candidate days and consultants, plans only what the rules
allow, and passes the same independent checker.
"""

from __future__ import annotations

from herplan.domain.plan import Plan
from herplan.domain.problem import Problem
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import SolverOptions


def plan_by_hand(problem: Problem, seed: int = 0) -> Plan:
    """The hand planner's plan for ``problem``."""
    return make_plan(
        problem, SolverOptions(seed=seed, local_search=False, reproducible=True), objectives=()
    )
