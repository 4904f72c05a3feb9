"""The engine's phase plan names objectives that exist (docs/design.md, Rules and objectives).

The plan is keyed by the objective's name: a renamed objective must not leave the
engine counting, searching locally before or proving the bound until nothing.
"""

from herplan.constraints import OBJECTIVES
from herplan.scheduler.phases import PHASES


def _the(name: str):
    return next(o for o in OBJECTIVES if o.name == name)


def test_the_phase_plan_counts_objective_1_and_closes_visits_before_objective_3():
    assert [o.number for o in OBJECTIVES if PHASES.counts(o)] == [1]
    assert [o.number for o in OBJECTIVES if PHASES.local_search_first(o)] == [3]
    assert [o.number for o in OBJECTIVES if PHASES.ends_bound_search(o)] == [3]
    assert _the(PHASES.counted).sense == "max" and _the(PHASES.counted).unit == "reassessments"
    assert _the(PHASES.bound_search_until).unit == "visits"
