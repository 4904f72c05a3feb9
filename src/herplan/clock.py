"""The one place herplan reads the clock (README, Today).

Everything else takes *today* (a ``date``) or *now* (an aware ``datetime``) as a
parameter, so tests set the day they run as and a run can replay another day
on purpose (``--today``). Both are Dutch time: the region works in
Europe/Amsterdam whatever the machine's zone (a server in UTC included).
``tests/test_clock.py`` fails when any other module of the package reads the
clock itself.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")


def now() -> datetime:
    """The current moment in Dutch time (aware)."""
    return datetime.now(DUTCH_TIME)


def today() -> date:
    """The current date in Dutch time: what a planner in the region calls today."""
    return now().date()


def dutch(moment: datetime) -> datetime:
    """``moment`` shown in Dutch time (a naive moment is taken as UTC, as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(DUTCH_TIME)
