"""An independent checker of every hard rule (README, The rules) on any ``plan.json``.

It shares no rule code with the scheduler: working days, the six-month
arithmetic, overlaps and capacities are recomputed here from the input and
the written plan, with the plain ``holidays`` and ``dateutil`` libraries. It
also checks that every open reassessment is planned or listed with a reason
that is true: a static reason only when no day at all was possible, a full
one (``capaciteit``, ``begeleider_bezet``, ``niet_ingepast``) only when some day
was, and on a first plan only what the plan shows to be full
(``tests/fullness.py``).
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import holidays
from dateutil.relativedelta import relativedelta

from herplan.domain.problem import Problem, Reassessment
from herplan.io.input_reader import read_problem
from tests.fullness import FULL_REASONS, Fullness, weekly_cap

REASON_CODES = {
    "geannuleerd",
    "geen_ondersteuningsplan",
    "ondersteuningsplan_verlopen",
    "einddatum_voor_periode",
    "locatie_gesloten",
    "geen_consulent_beschikbaar",
    "client_niet_beschikbaar",
    "periode_voorbij",
    *FULL_REASONS,
}


def _minutes(text: str) -> int:
    h, m = text.split(":")
    return int(h) * 60 + int(m)


class Checker:
    """Re-verifies a plan against its problem; ``violations`` lists what is wrong."""

    def __init__(self, problem: Problem, plan: dict) -> None:
        self.problem = problem
        self.plan = plan
        self.s = problem.settings
        years = range(self.s.period_start.year - 1, self.s.period_end.year + 2)
        self.holidays = (
            set()
            if self.s.holidays == "geen"
            else set(holidays.country_holidays(self.s.holidays, years=years))
        )
        self.cases = {r.dossier: r for r in problem.reassessments}
        self.consultants = {c.id: c for c in problem.consultants}
        self.locations = {(loc.provider, loc.name): loc for loc in problem.locations}
        self.violations: list[str] = []
        self.fullness: Fullness | None = None
        # The day the plan was made as: what stands on or before it is history (held).
        today = plan.get("today")
        self.today = date.fromisoformat(today) if today else None
        self.first_plan = plan.get("revision", 1) == 1
        # A provider's nee: that day is no longer possible for that client (rule 9).
        self.declined = {
            (c["dossier"], date.fromisoformat(c["before"]["date"]))
            for c in plan.get("changes", [])
            if c["cause"] == "nee" and c.get("before")
        }

    def held(self, day: date) -> bool:
        return self.today is not None and day <= self.today

    def fail(self, message: str) -> None:
        self.violations.append(message)

    # --- calendar facts, recomputed -------------------------------------------------
    def working(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def plus_working_days(self, day: date, n: int) -> date:
        while n:
            day += timedelta(days=1)
            if self.working(day):
                n -= 1
        return day

    def plan_ok(self, r: Reassessment, day: date) -> bool:
        months = relativedelta(months=self.s.max_plan_age_months)
        if r.support_plan_date and r.support_plan_date <= day <= r.support_plan_date + months:
            return True
        if r.new_plan_expected:
            ready = self.plus_working_days(r.new_plan_expected, self.s.preparation_workdays)
            return ready <= day <= r.new_plan_expected + months
        return False

    def client_unavailable(self, r: Reassessment, day: date) -> bool:
        return day in r.unavailable_dates or day.weekday() in r.unavailable_weekdays

    def said_no(self, r: Reassessment, day: date) -> bool:
        return (r.dossier, day) in self.declined

    def absent(self, cid: str, day: date) -> bool:
        return any(a.consultant == cid and a.start <= day <= a.end for a in self.problem.absences)

    def possible_day(self, r: Reassessment, day: date) -> bool:
        """Every static rule allows ``r`` on ``day`` with at least one consultant."""
        loc = self.locations[(r.provider, r.location)]
        length = r.duration_min or self.s.interview_min
        if not (self.s.period_start <= day <= self.s.period_end and self.working(day)):
            return False
        if length > self.s.morning.end - self.s.morning.start:
            return False
        if loc.open_weekdays is not None and day.weekday() not in loc.open_weekdays:
            return False
        if day in loc.closed_dates or not self.plan_ok(r, day):
            return False
        if r.indication_end >= self.s.period_start and day > r.indication_end:
            return False
        if self.client_unavailable(r, day) and (r.attendance_required or not r.begeleider):
            return False
        if self.said_no(r, day):
            return False
        return any(self.may_work(c.id, day) for c in self.problem.consultants)

    def refuses(self, code: str, r: Reassessment, day: date) -> bool:
        """Does the rule behind reason ``code`` refuse ``r`` on ``day``?"""
        loc = self.locations[(r.provider, r.location)]
        if code == "geen_ondersteuningsplan":
            return r.support_plan_date is None and not self.plan_ok(r, day)
        if code == "ondersteuningsplan_verlopen":
            return r.support_plan_date is not None and not self.plan_ok(r, day)
        if code == "einddatum_voor_periode":
            return self.s.period_start <= r.indication_end < day
        if code == "locatie_gesloten":
            closed_weekday = (
                loc.open_weekdays is not None and day.weekday() not in loc.open_weekdays
            )
            return closed_weekday or day in loc.closed_dates
        if code == "geen_consulent_beschikbaar":
            return not any(self.may_work(c.id, day) for c in self.problem.consultants)
        if code == "client_niet_beschikbaar":
            must_come = r.attendance_required or not r.begeleider
            return (self.client_unavailable(r, day) and must_come) or self.said_no(r, day)
        return code in FULL_REASONS  # checked above against the possible days and the plan

    # --- the rules -------------------------------------------------------------------
    def run(self) -> list[str]:
        appointments = self.plan["appointments"]
        seen: set[str] = set()
        mornings: dict[tuple[str, date], list[dict]] = defaultdict(list)
        for a in appointments:
            day = date.fromisoformat(a["date"])
            a["_day"] = day
            a["_start"], a["_end"] = _minutes(a["start"]), _minutes(a["end"])
            a["_wstart"], a["_wend"] = _minutes(a["writeup_start"]), _minutes(a["writeup_end"])
            if self.held(day):
                self.check_held(a, day, seen)
            else:
                self.check_appointment(a, day, seen)
            mornings[(a["consultant"], day)].append(a)
        for (cid, day), group in mornings.items():
            self.check_morning(cid, day, group)
        self.check_weekly_cap(mornings)
        self.check_rooms(appointments)
        self.check_support_workers(appointments)
        self.check_unscheduled(seen)
        return self.violations

    def check_held(self, a: dict, day: date, seen: set[str]) -> None:
        """History: an appointment on or before today is kept as it was held, whatever the
        input says now (``check_rerun`` compares it with the previous plan); a first plan
        holds none."""
        d = a["dossier"]
        if d in seen:
            self.fail(f"{d}: planned twice")
        seen.add(d)
        if self.first_plan:
            self.fail(f"{d}: planned on {day}, not after today ({self.today})")

    def check_appointment(self, a: dict, day: date, seen: set[str]) -> None:
        d = a["dossier"]
        r = self.cases.get(d)
        if r is None:
            self.fail(f"{d}: not in the input")
            return
        if d in seen:
            self.fail(f"{d}: planned twice")
        seen.add(d)
        if r.withdrawn:
            self.fail(f"{d}: withdrawn but planned")
        if (a["provider"], a["location"], a["client"]) != (r.provider, r.location, r.client):
            self.fail(f"{d}: provider, location or client differ from the input")
        self.check_times(a, r, day)
        self.check_consultant(a, day)
        self.check_day(a, r, day)
        self.check_client(a, r, day)

    def check_times(self, a: dict, r: Reassessment, day: date) -> None:
        """Rules 1 and 2: a working day's morning, its length; the write-up the afternoon."""
        d, s = a["dossier"], self.s
        length = r.duration_min or s.interview_min
        if not (s.period_start <= day <= s.period_end and self.working(day)):
            self.fail(f"{d}: {day} is not a working day in the period")
        if not (s.morning.start <= a["_start"] and a["_end"] <= s.morning.end):
            self.fail(f"{d}: interview {a['start']}-{a['end']} outside the morning")
        if a["_end"] - a["_start"] != length:
            self.fail(f"{d}: interview lasts {a['_end'] - a['_start']} min, not {length}")
        if not (s.afternoon.start <= a["_wstart"] and a["_wend"] <= s.afternoon.end):
            self.fail(f"{d}: write-up {a['writeup_start']}-{a['writeup_end']} outside afternoon")
        if a["_wend"] - a["_wstart"] != s.writeup_min:
            self.fail(f"{d}: write-up is not {s.writeup_min} min")

    def check_consultant(self, a: dict, day: date) -> None:
        """Rule 4: a consultant of the input, on a working weekday, not absent."""
        d, c = a["dossier"], self.consultants.get(a["consultant"])
        if c is None:
            self.fail(f"{d}: unknown consultant {a['consultant']}")
            return
        if day.weekday() not in c.workdays and day not in c.extra_mornings:
            self.fail(f"{d}: {c.id} does not work on {day:%A}")
        if self.absent(c.id, day):
            self.fail(f"{d}: {c.id} is absent (part of) {day}")

    def check_day(self, a: dict, r: Reassessment, day: date) -> None:
        """Rules 5, 6 and 7: the location open, the support plan current, before the end."""
        d = a["dossier"]
        loc = self.locations[(r.provider, r.location)]
        if loc.open_weekdays is not None and day.weekday() not in loc.open_weekdays:
            self.fail(f"{d}: location not open on {day:%A}")
        if day in loc.closed_dates:
            self.fail(f"{d}: location closed on {day}")
        if not self.plan_ok(r, day):
            self.fail(f"{d}: support plan not current on {day}")
        if r.indication_end >= self.s.period_start and day > r.indication_end:
            self.fail(f"{d}: after the indication ends ({r.indication_end})")

    def check_client(self, a: dict, r: Reassessment, day: date) -> None:
        """Rule 9: the client can come, or the begeleider stands in and it says so."""
        d = a["dossier"]
        if self.client_unavailable(r, day):
            if r.attendance_required or not r.begeleider:
                self.fail(f"{d}: client unavailable on {day} and must attend")
            elif a["with"] != "begeleider":
                self.fail(f"{d}: client unavailable on {day}, must be with begeleider")
        elif a["with"] != "client":
            self.fail(f"{d}: client available on {day} but marked with {a['with']}")

    def check_morning(self, cid: str, day: date, group: list[dict]) -> None:
        # rule 3: one location, change-over between interviews
        places = {(a["provider"], a["location"]) for a in group}
        if len(places) > 1:
            self.fail(f"{cid} {day}: {len(places)} locations in one morning")
        ordered = sorted(group, key=lambda a: a["_start"])
        for first, second in itertools.pairwise(ordered):
            if second["_start"] < first["_end"] + self.s.changeover_min:
                self.fail(f"{cid} {day}: {first['dossier']} and {second['dossier']} too close")
        # rule 2: write-ups of one afternoon do not overlap
        writeups = sorted(group, key=lambda a: a["_wstart"])
        for first, second in itertools.pairwise(writeups):
            if second["_wstart"] < first["_wend"]:
                self.fail(f"{cid} {day}: write-ups overlap")

    def check_weekly_cap(self, mornings: dict) -> None:
        per_week: dict[tuple[str, tuple[int, int]], int] = defaultdict(int)
        for cid, day in mornings:
            per_week[(cid, day.isocalendar()[:2])] += 1
        for (cid, week), count in per_week.items():
            if cid not in self.consultants:
                continue  # reported per appointment
            cap = weekly_cap(self.consultants[cid], week)
            if cap is not None and count > cap:
                self.fail(f"{cid}: {count} mornings in week {week}, cap {cap}")

    def check_rooms(self, appointments: list[dict]) -> None:
        by_place_day: dict[tuple, list[dict]] = defaultdict(list)
        for a in appointments:
            by_place_day[(a["provider"], a["location"], a["_day"])].append(a)
        for (provider, location, day), group in by_place_day.items():
            if (provider, location) not in self.locations:
                continue  # held there before the location left the input: history
            rooms = self.locations[(provider, location)].rooms
            for a in group:
                busy = {
                    b["consultant"]
                    for b in group
                    if b["_start"] < a["_end"] and a["_start"] < b["_end"]
                }
                if len(busy) > rooms:
                    self.fail(f"{location} {day}: {len(busy)} consultants at once, {rooms} rooms")
                    break

    def check_support_workers(self, appointments: list[dict]) -> None:
        by_worker: dict[tuple[str, date], list[dict]] = defaultdict(list)
        for a in appointments:
            if a["begeleider"].strip():
                by_worker[(a["begeleider"].strip().casefold(), a["_day"])].append(a)
        for (worker, day), group in by_worker.items():
            ordered = sorted(group, key=lambda a: a["_start"])
            for first, second in itertools.pairwise(ordered):
                if second["_start"] < first["_end"]:
                    self.fail(f"begeleider {worker} double-booked on {day}")

    def check_unscheduled(self, planned: set[str]) -> None:
        listed = {u["dossier"]: u for u in self.plan["unscheduled"]}
        for dossier in planned & listed.keys():
            self.fail(f"{dossier}: both planned and listed as not planned")
        # The days up to today are history: no longer possible.
        first = self.s.period_start
        if self.today is not None:
            first = max(first, self.today + timedelta(days=1))
        days = [first + timedelta(days=n) for n in range((self.s.period_end - first).days + 1)]
        for r in self.problem.reassessments:
            if r.dossier in planned:
                continue
            entry = listed.get(r.dossier)
            if entry is None:
                self.fail(f"{r.dossier}: neither planned nor listed")
                continue
            reasons = set(entry["reasons"])
            if not reasons or not reasons <= REASON_CODES:
                self.fail(f"{r.dossier}: reasons {sorted(reasons)} are not valid codes")
            if not entry["explanation"].strip():
                self.fail(f"{r.dossier}: no explanation")
            if r.withdrawn and reasons != {"geannuleerd"}:
                self.fail(f"{r.dossier}: withdrawn but reasons {sorted(reasons)}")
            if not r.withdrawn:
                self.check_reasons(r, reasons, days)

    def check_reasons(self, r: Reassessment, reasons: set[str], days: list[date]) -> None:
        """The reasons of an open reassessment not planned are true of its days."""
        possible = any(self.possible_day(r, day) for day in days)
        working = [d for d in days if self.working(d)]
        length = r.duration_min or self.s.interview_min
        too_long = length > self.s.morning.end - self.s.morning.start
        full = reasons & FULL_REASONS
        if full and len(reasons) == 1 and not possible and working and not too_long:
            self.fail(f"{r.dossier}: {sorted(full)} but no day was possible at all")
        if not working:
            left = self.today is not None and self.today >= self.s.period_start
            expected = {"periode_voorbij"} if left else {"geen_consulent_beschikbaar"}
            if reasons != expected:
                self.fail(f"{r.dossier}: no working day left in the period, but {sorted(reasons)}")
            return
        if not full and possible:
            self.fail(f"{r.dossier}: reasons {sorted(reasons)} but a day was possible")
        for code in sorted(reasons - FULL_REASONS):
            if not any(self.refuses(code, r, d) for d in working):
                self.fail(f"{r.dossier}: '{code}' is not true on any day of the period")
        if full and possible and self.first_plan:  # a rerun's answers: not here
            self.check_full(r, full, days)

    def check_full(self, r: Reassessment, claimed: set[str], days: list[date]) -> None:
        """What the plan shows full is what the reason says (first plans)."""
        if self.fullness is None:
            self.fullness = Fullness(self.problem, self.plan["appointments"])
        rooms = self.locations[(r.provider, r.location)].rooms
        possible = [d for d in days if self.possible_day(r, d)]
        shown = self.fullness.verdicts(r, possible, rooms, self.may_work)
        if not shown & claimed:
            self.fail(
                f"{r.dossier}: {sorted(claimed)} but the plan shows {' or '.join(sorted(shown))}"
            )

    def may_work(self, cid: str, day: date) -> bool:
        c = self.consultants.get(cid)
        works = c is not None and (day.weekday() in c.workdays or day in c.extra_mornings)
        return works and not self.absent(cid, day)


def check_plan(problem: Problem, plan: dict) -> list[str]:
    """Every hard-rule violation of ``plan`` (a parsed ``plan.json``) against ``problem``."""
    return Checker(problem, plan).run()


def check_files(input_path: Path, plan_json: Path) -> list[str]:
    problem, _ = read_problem(input_path)
    return check_plan(problem, json.loads(plan_json.read_text(encoding="utf-8")))


# --- the promises of a rerun (README, Rerun after cancellations) -----------------------

RELEASE_CAUSES = {
    "nee",
    "same_day",
    "chosen",
    "absent",
    "locatie_gesloten",
    "client_niet_beschikbaar",
    "moved_location",
    "rule",
}


def _where(a: dict) -> tuple:
    return (a["consultant"], a["date"], a["start"], a["end"], a["provider"], a["location"])


def _over_cap(problem: Problem, before: dict) -> set[tuple[str, int, int]]:
    """(consultant, ISO year, week) where the previous plan holds more mornings than the
    input's weekly cap now allows: some of those mornings must go."""
    weeks: dict[tuple[str, int, int], int] = defaultdict(int)
    for cid, day in {(a["consultant"], a["date"]) for a in before["appointments"]}:
        year, week, _ = date.fromisoformat(day).isocalendar()
        weeks[(cid, year, week)] += 1
    caps = {c.id: c.max_mornings_per_week for c in problem.consultants}
    return {key for key, n in weeks.items() if caps.get(key[0]) is not None and n > caps[key[0]]}


def _affected(
    problem: Problem, a: dict, answer: str | None, over_cap: set[tuple[str, int, int]]
) -> str | None:
    """Why a previous appointment may not stay, recomputed from the input alone."""
    day = date.fromisoformat(a["date"])
    case = next((r for r in problem.reassessments if r.dossier == a["dossier"]), None)
    if case is None or case.withdrawn:
        return "withdrawn"
    if answer in ("nee", "chosen"):  # chosen: the planner picked a herplan suggest option
        return answer
    if answer == "zelfde_dag":  # the day kept, the time free; a day now closed moves it
        return "same_day" if _open_for(problem, case, day) is None else "same_day_gone"
    if (case.provider, case.location) != (a["provider"], a["location"]):
        return "moved_location"
    if a["consultant"] not in {c.id for c in problem.consultants}:
        return "absent"  # the consultant left the input
    if any(x.consultant == a["consultant"] and x.start <= day <= x.end for x in problem.absences):
        return "absent"
    closed = _open_for(problem, case, day)
    if closed is not None:
        return closed
    if (a["consultant"], *day.isocalendar()[:2]) in over_cap:
        return "rule"
    return None


def _open_for(problem: Problem, case, day: date) -> str | None:
    """Why the case's location or client rules ``day`` out, if they do."""
    place = next(
        x for x in problem.locations if (x.provider, x.name) == (case.provider, case.location)
    )
    if day in place.closed_dates or (
        place.open_weekdays is not None and day.weekday() not in place.open_weekdays
    ):
        return "locatie_gesloten"
    if day in case.unavailable_dates or day.weekday() in case.unavailable_weekdays:
        return "client_niet_beschikbaar"
    return None


def check_rerun(
    problem: Problem, before: dict, after: dict, answers: dict[str, str], today: date
) -> list[str]:
    """Every broken rerun promise between two ``plan.json`` revisions.

    ``answers`` maps a dossier to the provider's ``ja``, ``nee`` or ``zelfde_dag``, or to ``chosen``
    (the planner chose a ``herplan suggest`` option for it). Promises:
    the past stays as it was; a withdrawn reassessment is cancelled; a ``nee``
    day is never used again for that client; a ``ja`` stays exactly (or is
    listed as a conflict with its cause); any other appointment stays unless
    it moved within its morning or to plan more reassessments, never dropped,
    and a move names the newly planned reassessment it made room for; every
    change is listed; and no fewer are planned than the previous plan less
    what had to go.
    """
    found: list[str] = []
    now = {a["dossier"]: a for a in after["appointments"]}
    changes = {c["dossier"]: c for c in after["changes"]}
    released = 0
    over_cap = _over_cap(problem, before)
    held = {a["dossier"] for a in before["appointments"] if date.fromisoformat(a["date"]) <= today}
    for a in after["appointments"]:
        if date.fromisoformat(a["date"]) <= today and a["dossier"] not in held:
            found.append(f"{a['dossier']}: placed on {a['date']}, not after today ({today})")
    for a in before["appointments"]:
        d, day = a["dossier"], date.fromisoformat(a["date"])
        new = now.get(d)
        if day <= today:
            if new is None or _where(new) != _where(a):
                found.append(f"{d}: an appointment held by today changed")
            continue
        answer = answers.get(d)
        why = _affected(problem, a, answer, over_cap)
        released += why is not None
        found += _promise_kept(a, new, changes.get(d), why, answer, before, now)
    if len(after["appointments"]) < len(before["appointments"]) - released:
        found.append(
            f"fewer planned ({len(after['appointments'])}) than the previous plan less what "
            f"had to change ({len(before['appointments']) - released})"
        )
    return found


def _answer_kept(a: dict, new: dict | None, change: dict | None, why: str | None) -> list[str]:
    """A ``nee`` day never used again and listed; a ``zelfde dag`` day kept."""
    d, found = a["dossier"], []
    if why == "nee" and new is not None and new["date"] == a["date"]:
        found.append(f"{d}: planned again on the day the provider said nee")
    if why == "nee" and (change is None or change["cause"] != "nee"):
        found.append(f"{d}: the nee is not listed with its cause")
    if why == "same_day" and new is not None and new["date"] != a["date"]:
        found.append(f"{d}: answered zelfde dag but moved to another day")
    if why == "same_day" and new is not None and new["date"] == a["date"]:
        overlap = _minutes(new["start"]) < _minutes(a["end"]) and _minutes(a["start"]) < _minutes(
            new["end"]
        )
        if change is None:
            found.append(f"{d}: answered zelfde dag, but no line says what became of it")
        elif overlap and change["kind"] != "niet_mogelijk":
            found.append(f"{d}: answered zelfde dag, kept its time, not listed as not possible")
    return found


def _promise_kept(
    a: dict,
    new: dict | None,
    change: dict | None,
    why: str | None,
    answer: str | None,
    before: dict,
    now: dict[str, dict],
) -> list[str]:
    """What is wrong with one previous appointment of today or later, after the rerun."""
    d = a["dossier"]
    if why == "withdrawn":
        if new is not None or change is None or change["kind"] != "geannuleerd":
            return [f"{d}: withdrawn but not cancelled"]
        return []
    found = _answer_kept(a, new, change, why)
    if new is not None and _where(new) == _where(a):
        if new["uid"] != a["uid"] or new["sequence"] != a["sequence"]:
            found.append(f"{d}: kept, but its UID or SEQUENCE changed")
        if answer == "ja" and (change is None or change["kind"] != "bevestigd"):
            found.append(f"{d}: the ja is not listed as confirmed")
        return found
    if change is None:
        return [*found, f"{d}: moved or dropped without a line in Wijzigingen"]
    if why is None:
        found += _untouched_moved(a, new, change, answer, before, now)
    elif change["cause"] not in RELEASE_CAUSES:
        found.append(f"{d}: released for {why} but listed as {change['cause']!r}")
    if new is not None and new["sequence"] <= a["sequence"]:
        found.append(f"{d}: moved without a higher SEQUENCE")
    return found


def _untouched_moved(
    a: dict,
    new: dict | None,
    change: dict,
    answer: str | None,
    before: dict,
    now: dict[str, dict],
) -> list[str]:
    """An appointment nothing affected that is not where it was: only to make room."""
    d, found = a["dossier"], []
    if new is None:
        found.append(f"{d}: dropped though nothing affected it")
    elif change["cause"] in ("more", "time"):
        room = change.get("made_room_for")
        old = next((b for b in before["appointments"] if b["dossier"] == room), None)
        if room not in now or (old is not None and _where(old) == _where(now[room])):
            found.append(f"{d}: moved, but not to make room for a newly planned case")
    if answer == "ja" and not change["conflict"]:
        found.append(f"{d}: confirmed, moved without a conflict")
    if change["cause"] not in ("more", "time"):
        found.append(f"{d}: moved with cause {change['cause']!r} but nothing affected it")
    same_morning = new is not None and (new["consultant"], new["date"]) == (
        a["consultant"],
        a["date"],
    )
    if change["cause"] == "time" and not same_morning:
        found.append(f"{d}: 'another time' but not in the same morning")
    return found
