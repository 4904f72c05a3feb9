"""The mutation check (``tests/mutation_check.py``) breaks one rule's check at a time.

With ``HERPLAN_MUTATE=<rule name>`` in the environment, that rule's
``violations`` finds nothing, whatever the plan; the rule's own tests here
must then fail. The solver-free tests run first, so a mutant is caught fast.
"""

from __future__ import annotations

import importlib
import os

from herplan.constraints import HARD_RULES

MUTATED = os.environ.get("HERPLAN_MUTATE", "")


def _nothing(_facts) -> list[str]:
    return []


def pytest_configure(config) -> None:
    if not MUTATED:
        return
    rule = next(r for r in HARD_RULES if r.name == MUTATED)
    object.__setattr__(rule, "violations", _nothing)  # the rule as the guard sees it
    module = importlib.import_module(f"herplan.constraints.{MUTATED}")
    if hasattr(module, "violations"):
        module.violations = _nothing


def pytest_collection_modifyitems(config, items) -> None:
    if MUTATED:
        items.sort(key=lambda item: "violations" not in item.name)
