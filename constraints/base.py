"""The small interface every rule and objective module exposes (docs/design.md).

A hard rule may do these things, each optional:

- ``allows_day(problem, reassessment, day)``: may this reassessment be held on
  this day at all? A day it refuses is explained with ``reason``;
- ``consultant_available(problem, consultant, day)``: may this consultant
  interview on this day?
- ``slots(problem, location)``: how many consultants a location can host in
  one morning (the model gets that many consultant *slots* per location-day);
- ``morning(settings)``: what it limits in one consultant-morning (the window,
  the change-over, the write-ups, one location: ``herplan.capacity_model``),
  ``weekly_cap``: whether it caps a consultant's mornings per week, and
  ``worker_one_morning``: whether it keeps a begeleider's interviews of one day
  in one consultant-morning. The model, the heuristics, a rerun and the bounds
  ask these, never a rule's name;
- ``add(plan_model)``: constraints on the day model's variables;
- ``assign(assignment_model)``: constraints on the small model that hands
  consultants to the day model's slots;
- ``violations(facts)``: the rule checked on a finished plan, without a
  solver: the guard before anything is written, and the rule's own tests.

An objective is declared once, with everything the solver needs to know of
it: its place in the README's list, its sense, the expression it optimises in the day
model and/or the consultant model, a proven bound, its share of the time, when
it runs and whether the summary's headline shows its gap. What the engine does
around an objective (which one counts planned reassessments, where its local
search and its bound search go) is the engine's own phase plan
(``herplan.scheduler.phases``).

A hook sees the engine's models only as ``herplan.constraints.views`` shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from herplan.capacity_model import MorningCapacity
from herplan.constraints.views import CandidatesView, ConsultantModelView, DayModelView
from herplan.domain.codes import Reason
from herplan.domain.problem import Consultant, Location, Problem, Reassessment, Settings

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

    from herplan.facts import PlanFacts
    from herplan.findings import Finding


@dataclass(frozen=True)
class Rule:
    """A hard rule (README, The rules): a plan never breaks it."""

    number: int
    name: str
    reason: Reason | Callable[[Problem, Reassessment], Reason] = Reason.CAPACITY
    allows_day: Callable[[Problem, Reassessment, date], bool] | None = None
    consultant_available: Callable[[Problem, Consultant, date], bool] | None = None
    slots: Callable[[Problem, Location], int] | None = None
    morning: Callable[[Settings], MorningCapacity] | None = None
    weekly_cap: bool = False
    worker_one_morning: bool = False
    add: Callable[[DayModelView], None] | None = None
    assign: Callable[[ConsultantModelView], None] | None = None
    violations: Callable[[PlanFacts], list[Finding]] | None = None

    def reason_code(self, problem: Problem, r: Reassessment) -> Reason:
        return self.reason(problem, r) if callable(self.reason) else self.reason


When = Literal["always", "fresh", "rerun"]


@dataclass(frozen=True)
class Objective:
    """An objective (README, The rules), optimised after every objective listed before it.

    ``on_days`` is its expression in the day model (which reassessment on which
    day in which consultant slot), ``on_consultants`` in the small model that
    then hands consultants to the slots; an objective may have both (the day
    model then optimises what the days allow, the consultant model the rest).
    ``bound`` is a proven bound (upper for ``max``, lower for ``min``): added as
    a redundant constraint, it lets a phase stop as soon as a plan reaches it.
    """

    number: int
    name: str
    sense: Literal["max", "min"]
    on_days: Callable[[DayModelView], cp_model.LinearExprT] | None = None
    on_consultants: Callable[[ConsultantModelView], cp_model.LinearExprT] | None = None
    bound: Callable[[DayModelView], int] | None = None
    # What planning each case is worth on a first plan: its LP bound is proven in the
    # background from the start of the run (``integer_bound.LinearBounds``).
    worth: Callable[[CandidatesView], dict[int, int]] | None = None
    # How the phase is reported: (objective, bound) in the planner's units (visits).
    shown: Callable[[DayModelView, float, float], tuple[float, float | None]] | None = None
    # In the consultant model: the reported objective, from the assignment's values.
    shown_assignment: Callable[[ConsultantModelView, dict[int, int]], float] | None = None
    # What the phase is reported in, as a planner counts (``shown``): ``reassessments``
    # (planned), ``visits`` (consultant-mornings); empty: the objective's own units.
    unit: str = ""
    time_share: float = 0.05
    # Its share of a rerun's short time (``None``: ``time_share``): a rerun starts
    # from a complete plan, so the objectives that decide what moves come first.
    rerun_share: float | None = None
    when: When = "always"
    headline: bool = False  # its gap is the plan's gap (the objectives that shape the plan)

    def runs(self, rerun: bool) -> bool:
        return self.when == "always" or (self.when == "rerun") == rerun

    def share(self, rerun: bool) -> float:
        return self.rerun_share if rerun and self.rerun_share is not None else self.time_share


def ordered(objectives: Sequence[Objective]) -> tuple[Objective, ...]:
    """Objectives in the README's order; a stable sort keeps the declared order within a number."""
    return tuple(sorted(objectives, key=lambda o: o.number))
