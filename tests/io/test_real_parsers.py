"""Every calendar herplan writes, judged by programs that are not ours (README, Outputs).

- libical (the C library behind Evolution, Debian ``gir1.2-ical-3.0``) checks
  each file and each e-mail's calendar part against the iTIP restrictions of
  its METHOD (RFC 5546): PUBLISH files, REQUEST and CANCEL messages, the
  one-event CANCEL files.
- ical.js (Mozilla's parser, used by Thunderbird) parses them and resolves
  every start and end through the file's own VTIMEZONE; the instants must be
  the wall-clock times of ``plan.json`` in Europe/Amsterdam.

``.ci/run`` installs both; a test is skipped, with the reason shown, only on
a machine where they cannot be had.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from benchmarks.instances import withdraw_and_absent, write
from herplan.io.vtimezone import vtimezone
from tests.app.test_outbox import SHAPE, TODAY, plan_json, run

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
ZONE = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def planning(tmp_path_factory) -> Path:
    """A plan and a rerun (a withdrawal, an absence): REQUESTs, CANCELs and every file."""
    base = tmp_path_factory.mktemp("parsers")
    source = write(base / "invoer.xlsx", SHAPE, seed=3)
    folder = base / "planning"
    run(
        "plan",
        "--today",
        "2026-11-30",
        str(source),
        "--out",
        str(folder),
        "--reproducible",
        "--time-limit",
        "5",
    )
    before = plan_json(folder)
    gone, away = before["appointments"][1], before["appointments"][-1]
    withdraw_and_absent(
        source, [gone["dossier"]], (away["consultant"], date.fromisoformat(away["date"]))
    )
    run(
        "plan",
        "--today",
        "2026-11-30",
        str(source),
        "--out",
        str(folder),
        "--today",
        TODAY,
        "--reproducible",
    )
    return folder


@pytest.fixture(scope="module")
def calendars(planning, tmp_path_factory) -> list[Path]:
    """Every .ics of the folder (revisions included) and every e-mail's calendar part."""
    parts = tmp_path_factory.mktemp("parts")
    found = sorted(planning.rglob("*.ics"))
    for n, eml in enumerate(sorted(planning.rglob("*.eml"))):
        msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
        earlier = "revisies-" if "revisies" in eml.relative_to(planning).parts else ""
        target = parts / f"{n:04d}-{earlier}{eml.stem}.ics"
        target.write_bytes(part.get_payload(decode=True))
        found.append(target)
    methods = {str(icalendar.Calendar.from_ical(p.read_bytes())["METHOD"]) for p in found}
    assert methods == {"PUBLISH", "REQUEST", "CANCEL"}, "the fixture covers every METHOD"
    return found


def _libical_available() -> str | None:
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
        capture_output=True,
    )
    if probe.returncode:
        return "libical's GObject bindings are missing: apt-get install gir1.2-ical-3.0 python3-gi"
    return None


def test_libical_accepts_every_file_and_message(calendars):
    missing = _libical_available()
    if missing:
        pytest.skip(missing)
    result = subprocess.run(
        [SYSTEM_PYTHON, str(ROOT / "tests" / "itip_check.py"), *map(str, calendars)],
        capture_output=True,
        text=True,
        check=True,
    )
    complaints = {path: errors for path, errors in json.loads(result.stdout).items() if errors}
    assert complaints == {}


def _icaljs() -> Path | None:
    for candidate in (os.environ.get("ICALJS"), ROOT / ".ci-node" / "node_modules" / "ical.js"):
        if candidate and (Path(candidate) / "dist" / "ical.es5.cjs").exists():
            return Path(candidate)
    return None


def test_icaljs_reads_the_times_the_plan_says(planning, calendars):
    package = _icaljs()
    if shutil.which("node") is None or package is None:
        pytest.skip("node or ical.js missing: npm install --prefix .ci-node ical.js@2")
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "icaljs_parse.cjs"), *map(str, calendars)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "ICALJS": str(package)},
    )
    parsed = json.loads(result.stdout)
    expected: dict[str, tuple[int, int]] = {}
    for a in plan_json(planning)["appointments"]:
        day = date.fromisoformat(a["date"])
        for uid, start, end in (
            (a["uid"], a["start"], a["end"]),
            (a["uid"].replace("@", "-uitwerking@"), a["writeup_start"], a["writeup_end"]),
        ):
            expected[uid] = tuple(  # type: ignore[assignment]
                int(datetime.combine(day, datetime.strptime(t, "%H:%M").time(), ZONE).timestamp())
                for t in (start, end)
            )
    checked = 0
    for path, content in parsed.items():
        if "revisies" in path or content["method"] == "CANCEL":
            continue  # earlier revisions and cancellations hold earlier times
        for event in content["events"]:
            assert event["zone"] == "Europe/Amsterdam"
            assert (event["start"], event["end"]) == expected[event["uid"]], path
            checked += 1
    assert checked > 100


def test_files_have_no_calendar_name_and_a_rule_based_zone(calendars):
    for path in calendars:
        text = path.read_text(encoding="utf-8")
        assert "X-WR-CALNAME" not in text, path
        assert "RDATE" not in text and "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text, path


@pytest.mark.parametrize(
    "tzid", ["Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Tokyo"]
)
def test_the_zone_rules_give_the_offsets_of_the_iana_database(tzid):
    """Resolved by icalendar through our VTIMEZONE: the same UTC offsets as zoneinfo."""
    cal = icalendar.Calendar()
    cal.add_component(vtimezone(tzid, 2026))
    zone = ZoneInfo(tzid)
    resolved = cal.walk("VTIMEZONE")[0].to_tz()
    for year in (2025, 2026, 2027):
        for month in range(1, 13):
            for day in (1, 15, 28):
                moment = datetime(year, month, day, 12)
                assert (
                    moment.replace(tzinfo=resolved).utcoffset()
                    == moment.replace(tzinfo=zone).utcoffset()
                ), (tzid, moment)
