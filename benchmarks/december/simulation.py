"""The simulated December, day by day (``benchmarks.december``, module doc)."""

from __future__ import annotations

import json
import random
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import holidays

from benchmarks.december.events import Events
from benchmarks.december.ledger import Ledger
from benchmarks.december.mail import MailServer
from benchmarks.december.region import make_input

# How likely each event is on a working day; the faults each happen at least once.
CHANCES = {
    "answers": 0.9,
    "answer_twice": 0.3,
    "answer_late": 0.3,
    "sheet": 0.3,
    "contradiction": 0.15,
    "withdraw": 0.3,
    "add": 0.2,
    "ill": 0.12,
    "closed": 0.1,
    "renew": 0.2,
    "hand_move": 0.25,
    "choose": 0.15,
    "rerun": 0.75,
    "send": 0.55,
}
FAULTS = (
    "provider_leaves",
    "kill",
    "disk_full",
    "store_busy",
    "restart",
    "answers_during_rerun",
    "mail_faults",
)
FAULT_CHANCE = 0.05
BEFORE_RERUN = (
    "answers",
    "answer_twice",
    "answer_late",
    "sheet",
    "contradiction",
    "withdraw",
    "add",
    "ill",
    "closed",
    "provider_leaves",
    "renew",
    "hand_move",
)


@dataclass
class Report:
    """What was simulated and checked (``report.json``)."""

    region: str
    seed: int
    days: list[str] = field(default_factory=list)
    events: Counter = field(default_factory=Counter)
    invariants: Counter = field(default_factory=Counter)
    failures: list[dict[str, object]] = field(default_factory=list)
    history: list[dict[str, object]] = field(default_factory=list)
    timing: list[float] = field(default_factory=list)  # seconds per step, as in history
    seconds: float = 0.0
    stopped_at: str = ""  # a replay's last day and step

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict[str, object]:
        return {
            "region": self.region,
            "seed": self.seed,
            "days": self.days,
            "simulated_days": len(self.days),
            "events": dict(sorted(self.events.items())),
            "invariants_checked": dict(sorted(self.invariants.items())),
            "failures": self.failures,
            "history": self.history,
            "timing": self.timing,
            "seconds": round(self.seconds, 1),
            "stopped_at": self.stopped_at,
        }


def period_of(source: Path) -> tuple[date, date]:
    """The period as the input's sheet Instellingen gives it (read here on its own)."""
    from openpyxl import load_workbook

    rows = load_workbook(source, read_only=True)["Instellingen"].iter_rows(values_only=True)
    found = {str(r[0]).strip(): r[1] for r in rows if r and r[0]}
    start, end = found.get("periode_start"), found.get("periode_eind")
    return (
        start.date() if hasattr(start, "date") else date(2026, 12, 1),  # type: ignore[union-attr]
        end.date() if hasattr(end, "date") else date(2026, 12, 31),
    )  # type: ignore[union-attr]


def days_of(start: date, end: date) -> list[date]:
    """A first plan in late November, then every working day to the end of the period."""
    free = holidays.country_holidays("NL", years=range(start.year - 1, end.year + 1))
    first = start - timedelta(days=5)
    while first.weekday() >= 5:
        first -= timedelta(days=1)
    days, day = [first], first + timedelta(days=1)
    while day <= end:
        if day.weekday() < 5 and day not in free:
            days.append(day)
        day += timedelta(days=1)
    return days


def schedule(days: list[date], seed: int) -> dict[str, list[str]]:
    """Each day's events, drawn from the seed: the chances above, every fault and every
    kind of news at least once (on a day of its own drawn from the seed), and a last
    rerun and send."""
    rng = random.Random(f"{seed}/schedule")
    must = {kind: rng.choice(days[2:-2]).isoformat() for kind in FAULTS}
    must |= {kind: rng.choice(days[2:-2]).isoformat() for kind in BEFORE_RERUN if kind not in must}
    plan: dict[str, list[str]] = {days[0].isoformat(): ["first_plan", "send"]}
    for day in days[1:]:
        r = random.Random(f"{seed}/{day.isoformat()}")
        todays = {k for k in FAULTS if must[k] == day.isoformat() or r.random() < FAULT_CHANCE}
        todays.discard("provider_leaves") if must["provider_leaves"] != day.isoformat() else None
        todays |= {k for k in BEFORE_RERUN if must[k] == day.isoformat()}
        steps = [k for k in BEFORE_RERUN if k in todays or r.random() < CHANCES.get(k, 0)]
        if "store_busy" in todays:
            steps.insert(0, "store_busy")
        steps += _reruns(r, todays, last=day == days[-1])
        if "disk_full" in todays:
            steps.append("disk_full")
        if r.random() < CHANCES["send"] or day == days[-1] or "mail_faults" in todays:
            steps.append("send_faulty" if "mail_faults" in todays else "send")
        plan[day.isoformat()] = steps
    return plan


def _reruns(r: random.Random, todays: set[str], last: bool) -> list[str]:
    steps = []
    if r.random() < CHANCES["choose"]:
        steps.append("choose")
    if "kill" in todays:
        steps += ["kill", "rerun_cli"]
    if "restart" in todays:
        steps += ["restart", "rerun_web"]
    if "answers_during_rerun" in todays:
        steps.append("answers_during_rerun")
    if not steps and (last or r.random() < CHANCES["rerun"]):
        steps.append(r.choice(["rerun_cli", "rerun_web"]))
    if last and steps[-1:] != ["rerun_cli"]:
        steps.append("rerun_cli")  # the period ends with every answer taken
    return steps


class Simulation:
    """One December of one region and seed, in ``out``."""

    def __init__(
        self,
        region: str,
        seed: int,
        out: Path,
        limit: float = 1.0,
        first_limit: float = 4.0,
        until: tuple[str, int] | None = None,
    ) -> None:
        self.region, self.seed, self.out = region, seed, out
        self.limit, self.first_limit, self.until = limit, first_limit, until
        self.report = Report(region, seed)
        self.ledger = Ledger()
        self.data = out / "web"
        self.source = out / "work" / "invoer.xlsx"

    def run(self) -> Report:
        started = time.monotonic()
        if self.out.exists():
            shutil.rmtree(self.out)
        make_input(self.region, self.seed, self.source)
        days = days_of(*period_of(self.source))
        plan = schedule(days, self.seed)
        with MailServer(random.Random(f"{self.seed}/mail")) as server:
            events = Events(self, server)
            try:
                for day in days:
                    if not self._day(events, day, plan[day.isoformat()]):
                        break
            finally:
                events.close()
        self._keep_results(events)
        self.report.seconds = time.monotonic() - started
        (self.out / "report.json").write_text(
            json.dumps(self.report.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        return self.report

    def _day(self, events: Events, day: date, steps: list[str]) -> bool:
        """One day's steps, each followed by its invariants; False to stop (a replay)."""
        self.report.days.append(day.isoformat())
        print(f"{day.isoformat()}: {', '.join(steps)}", file=sys.stderr, flush=True)
        events.morning(day)
        for n, kind in enumerate(steps, start=1):
            rng = random.Random(f"{self.seed}/{day.isoformat()}/{n}/{kind}")
            began = time.monotonic()
            said = events.do(kind, rng, n)
            self.report.timing.append(round(time.monotonic() - began, 2))
            self.report.events[kind] += 1
            self.report.history.append({"day": day.isoformat(), "step": n, "event": kind, **said})
            if self.until == (day.isoformat(), n):
                self.report.stopped_at = f"{day.isoformat()}:{n}"
                return False
        return True

    def _keep_results(self, events: Events) -> None:
        """The final input and planning folder beside the report."""
        if events.name:
            folder = self.data / events.name
            shutil.copytree(folder / "planning", self.out / "planning", dirs_exist_ok=True)
            shutil.copyfile(folder / "invoer" / "invoer.xlsx", self.out / "invoer.xlsx")


def simulate(
    region: str = "example",
    seed: int = 0,
    out: Path | str = "december",
    limit: float = 1.0,
    first_limit: float = 4.0,
    until: tuple[str, int] | None = None,
) -> Report:
    """Simulate one December (module doc); ``until`` (day, step) stops there: a replay."""
    return Simulation(region, seed, Path(out), limit, first_limit, until).run()
