"""The baseline: how a planner fills mornings by hand (SPEC §7).

Day by day, each free consultant goes to the location with the most work that
can be done there that day and fills the morning in deadline order
(``herplan.scheduler.greedy``, which keeps every hard rule). No local search,
no solver. The plan goes through the same assembly as herplan's, so it has the
same ``plan.json``, the same reasons for unplanned cases, and passes the same
independent checker.
"""

from __future__ import annotations

from herplan.scheduler.domain import Plan, Problem
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import SolverOptions


def plan_by_hand(problem: Problem, seed: int = 0) -> Plan:
    """The hand planner's plan for ``problem``."""
    return make_plan(problem, SolverOptions(seed=seed, local_search=False), objectives=())
