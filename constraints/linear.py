"""Sums of solver variables for the rules' constraints and objectives.

CP-SAT (and pandas, which it imports) is loaded only when a model is built, so
what only reads a plan, such as ``herplan suggest``, starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


def total(terms: Sequence[cp_model.LinearExprT]) -> cp_model.LinearExpr:
    """The sum of ``terms`` as one CP-SAT expression."""
    from ortools.sat.python import cp_model

    # CP-SAT types the sum of a list as ``Any``; it is always an expression.
    expression: cp_model.LinearExpr = cp_model.LinearExpr.sum(list(terms))
    return expression


def weighted(
    terms: Sequence[cp_model.LinearExprT], coefficients: Sequence[int]
) -> cp_model.LinearExpr:
    """``sum(c * t)`` over ``terms`` and ``coefficients`` as one CP-SAT expression."""
    from ortools.sat.python import cp_model

    return cp_model.LinearExpr.weighted_sum(list(terms), list(coefficients))
