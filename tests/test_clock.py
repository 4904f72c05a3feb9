"""herplan reads the clock in one place, ``herplan.clock`` (README, Today).

Everything else takes today (or now) as a parameter, so every test sets the day
it runs as, and the suite passes on any date (``.ci/run`` runs it again under
a clock after the period).
"""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

from herplan import clock

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = [ROOT / part for part in ("app", "io", "scheduler", "constraints", "src/herplan")]
CLOCK_READS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
}


def clock_reads(path: Path, root: Path = ROOT) -> list[str]:
    """``Name.attr(...)`` calls in ``path`` that read the date or the wall clock."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
        if (name, node.func.attr) in CLOCK_READS:
            found.append(f"{path.relative_to(root)}:{node.lineno}: {name}.{node.func.attr}()")
    return found


def test_only_the_clock_module_reads_the_clock():
    reads = [
        read
        for folder in PACKAGE
        for path in sorted(folder.rglob("*.py"))
        if path != ROOT / "src/herplan/clock.py"
        for read in clock_reads(path)
    ]
    assert reads == []


def test_the_check_finds_a_clock_read(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text(
        "import datetime as dt\nfrom datetime import date\n"
        "x = date.today()\ny = dt.datetime.now()\n",
        encoding="utf-8",
    )
    assert clock_reads(sneaky, tmp_path) == [
        "sneaky.py:3: date.today()",
        "sneaky.py:4: datetime.now()",
    ]


def test_now_and_today_are_dutch_time():
    now = clock.now()
    assert now.tzinfo is not None and now.utcoffset() in {
        datetime(2026, 1, 1, tzinfo=clock.DUTCH_TIME).utcoffset(),
        datetime(2026, 7, 1, tzinfo=clock.DUTCH_TIME).utcoffset(),
    }
    assert clock.today() in {now.date(), clock.now().date()}


def test_a_stored_utc_moment_reads_as_dutch_time():
    # 06:44 UTC on a December morning is 07:44 in the Netherlands; in summer 08:44.
    assert clock.dutch(datetime(2026, 12, 2, 6, 44, tzinfo=UTC)).strftime("%H:%M") == "07:44"
    assert clock.dutch(datetime(2026, 7, 2, 6, 44)).strftime("%H:%M") == "08:44"
    late = clock.dutch(datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    assert late.date() == date(2027, 1, 1)
