"""Clock times on a rerun (``scheduler.timing``): confirmed interviews keep theirs, and
the others of the morning are fitted around them even where first fit would fail."""

from __future__ import annotations

from herplan.domain.problem import TimeWindow
from herplan.scheduler.timing import _first_fit, _keeping
from tests.conftest import case, settings

# Morning 09:00-12:00, change-over 15: X confirmed at 10:15 leaves 09:00-10:15 (75
# minutes with change-over) and 11:15-12:15 (60).
S = settings(morning=TimeWindow(9 * 60, 12 * 60), changeover_min=15, interview_min=45)
X = case("X")
P, Q = case("P"), case("Q", duration_min=60)  # blocks of 60 and 75 minutes


def test_first_fit_alone_would_not_keep_the_confirmed_time():
    busy = [(10 * 60 + 15, 11 * 60 + 15)]
    assert _first_fit([P, Q], busy, S, {}) is None  # P takes 09:00, Q fits nowhere after


def test_the_others_are_packed_around_a_confirmed_time():
    times = _keeping([X, P, Q], {"X": (10 * 60 + 15, 13 * 60)}, S)
    assert times is not None
    (x, _), (p, _), (q, _) = times
    assert x == 10 * 60 + 15
    assert q == 9 * 60 and p == 11 * 60 + 15  # Q before X, P after it
    assert p + 45 <= 12 * 60


def test_nothing_fits_when_the_gaps_are_too_small():
    assert _keeping([X, P, Q, case("R")], {"X": (10 * 60 + 15, 13 * 60)}, S) is None
