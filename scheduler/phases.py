"""The engine's plan of its phases: what it does around which objective.

The rules declare the objectives, their order, expressions and bounds
(``herplan.constraints.OBJECTIVES``); how the engine serves them is its own
choice, kept here and named by the objective (docs/design.md, The engine):

- ``counted``: the objective that counts planned reassessments (objective 1).
  Its count bound is proven beside the run, the neighbourhood search serves
  it, progress reports its count, and a rerun puts back needless moves after it;
- ``local_search_before``: on a first plan, the local search that closes visits
  runs just before this objective's phase (objective 3);
- ``bound_search_until``: the proof of the count bound may go on until this
  objective's phase is decided (objective 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from herplan.constraints.base import Objective


@dataclass(frozen=True)
class PhasePlan:
    """Which objective the engine counts, searches locally before, proves the bound until."""

    counted: str = "most_reassessments"
    local_search_before: str = "clustering"
    bound_search_until: str = "clustering"

    def counts(self, objective: Objective) -> bool:
        return objective.name == self.counted

    def local_search_first(self, objective: Objective) -> bool:
        return objective.name == self.local_search_before

    def ends_bound_search(self, objective: Objective) -> bool:
        return objective.name == self.bound_search_until


PHASES = PhasePlan()
