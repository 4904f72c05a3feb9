"""The small interface every rule and objective module exposes (STYLE §1).

A hard rule may do three things, each optional:

- ``allows_day(problem, reassessment, day)``: may this reassessment be held on
  this day at all? A day it refuses is explained with ``reason``;
- ``consultant_available(problem, consultant, day)``: may this consultant
  interview on this day?
- ``add(plan_model)``: constraints on the model's variables.

An objective contributes one named expression; the solver optimises the
objectives one after the other in priority order, so a lower one never trades
away what a higher one achieved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from herplan.scheduler.domain import Consultant, Problem, Reassessment

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

    from herplan.scheduler.model import PlanModel


@dataclass(frozen=True)
class Rule:
    """A hard rule of SPEC §3: a plan never breaks it."""

    number: int
    name: str
    reason: str | Callable[[Problem, Reassessment], str] = "capaciteit"
    allows_day: Callable[[Problem, Reassessment, date], bool] | None = None
    consultant_available: Callable[[Problem, Consultant, date], bool] | None = None
    add: Callable[[PlanModel], None] | None = None

    def reason_code(self, problem: Problem, r: Reassessment) -> str:
        return self.reason(problem, r) if callable(self.reason) else self.reason


@dataclass(frozen=True)
class Objective:
    """An objective of SPEC §3, optimised in the order of ``priority``."""

    priority: int
    name: str
    sense: Literal["max", "min"]
    expression: Callable[[PlanModel], cp_model.LinearExprT]
    # A proven bound on the expression (upper for "max", lower for "min"), added as
    # a redundant constraint: it lets the solver prove optimality as soon as a
    # plan reaches it.
    bound: Callable[[PlanModel], int] | None = None
