"""How long the capacity advice takes, and how much memory, on the tight and the largest regions.

    python -m benchmarks.capacity [--sizes L-tight XL] [--seed 0]

Each size is planned once (``herplan plan``, the time limit below, as of 30
November 2026). Then ``herplan capacity`` runs in a fresh process twice: the
advice alone, and with two scenarios side by side (the busiest consultant
away in week 50, the period extended to 8 January 2027). Reported: wall
time, the peak of the summed resident memory of the whole process tree
(scenario workers included, ``benchmarks.peak``), the points of the curve,
how many reach their proven bound, what no extra morning plans, and the
independent checker (``tests/checker.py``) on every point's plan with the
point's mornings added to the input. The targets (README, Capacity advice):
L-tight within 60 s and XL within 4 minutes on 2 cores, under 1 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from benchmarks.instances import shape, write
from benchmarks.peak import PeakMemory

PLAN_LIMITS = {"T": 30.0, "L-tight": 60.0, "XL": 120.0, "XL-tight": 120.0}
TARGETS = {"L-tight": 60.0, "XL": 240.0}
TODAY = "2026-11-30"


def herplan(*args: str, cache: Path) -> tuple[float, float, str]:
    """The command line in a fresh process: wall seconds, peak MiB of its tree, stdout."""
    env = {**os.environ, "HERPLAN_CACHE_DIR": str(cache)}
    started = time.monotonic()
    with PeakMemory() as peak:
        done = subprocess.run(
            [sys.executable, "-m", "herplan.app.cli", *args],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
    return time.monotonic() - started, peak.mib, done.stdout


def busiest(folder: Path) -> str:
    plan = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    return Counter(a["consultant"] for a in plan["appointments"]).most_common(1)[0][0]


def checked(source: Path, folder: Path) -> int:
    """Violations the independent checker finds on every point's plan (0 is right)."""
    from herplan.io.input_reader import read_problem
    from herplan.scheduler.capacity_curve import with_mornings
    from herplan.scheduler.capacity_model import AddedMorning
    from tests.checker import check_plan

    problem, _ = read_problem(source, date.fromisoformat(TODAY))
    advice = json.loads((folder / "capaciteit" / "advies.json").read_text(encoding="utf-8"))
    found = 0
    for point in advice["points"]:
        mornings = [
            AddedMorning(m["consultant"], date.fromisoformat(m["date"]), m["over_cap"])
            for m in point["mornings"]
        ]
        plan = json.loads(
            (folder / "capaciteit" / f"plan-{point['extra_mornings']}.json").read_text(
                encoding="utf-8"
            )
        )
        found += len(check_plan(with_mornings(problem, mornings), plan))
    return found


def measure(size: str, seed: int, root: Path) -> dict[str, object]:
    source = write(root / "invoer.xlsx", shape(size), seed=seed)
    folder, cache = root / "planning", root / "cache"
    herplan(
        "plan",
        str(source),
        "--out",
        str(folder),
        "--today",
        TODAY,
        "--time-limit",
        str(PLAN_LIMITS.get(size, 60.0)),
        cache=cache,
    )
    load = os.getloadavg()[0]
    alone, alone_mib, out = herplan(
        "capacity", str(folder), "--today", TODAY, "--json", cache=cache
    )
    advice = json.loads(out)
    scenarios = [f"{busiest(folder)} afwezig week 50", "periode tot 2027-01-08"]
    both, both_mib, out = herplan(
        "capacity",
        str(folder),
        "--today",
        TODAY,
        "--json",
        *[a for s in scenarios for a in ("--scenario", s)],
        cache=cache,
    )
    side = json.loads(out)["scenarios"]
    points = advice["points"]
    return {
        "size": size,
        "load": round(load, 1),
        "current": advice["current"],
        "points": len(points),
        "last": points[-1]["planned"] if points else advice["current"],
        "at_bound": sum(1 for p in points if p["bound"] == p["planned"]),
        "blocked": sum(len(v) for v in advice["blocked"].values()),
        "alone_s": round(alone, 1),
        "alone_mib": round(alone_mib),
        "scenarios_s": round(both, 1),
        "scenarios_mib": round(both_mib),
        "scenarios": "; ".join(f"{s['scenario']}: {s['planned']}" for s in side),
        "violations": checked(source, folder),
        "target_s": TARGETS.get(size),
    }


COLUMNS = (
    ("size", "instance"),
    ("load", "load"),
    ("current", "planned now"),
    ("points", "points"),
    ("last", "planned at the last point"),
    ("at_bound", "at bound"),
    ("blocked", "no morning helps"),
    ("alone_s", "advice s"),
    ("alone_mib", "MiB"),
    ("scenarios_s", "with 2 scenarios s"),
    ("scenarios_mib", "MiB"),
    ("violations", "checker violations"),
    ("target_s", "target s"),
)


def table(rows: list[dict[str, object]]) -> str:
    head = "| " + " | ".join(title for _, title in COLUMNS) + " |"
    rule = "|" + "---|" * len(COLUMNS)
    body = ["| " + " | ".join(str(r[key]) for key, _ in COLUMNS) + " |" for r in rows]
    scenarios = [f"- {r['size']}: {r['scenarios']}" for r in rows]
    return "\n".join([head, rule, *body, "", "Scenarios (planned):", *scenarios])


def main_cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["L-tight", "XL"])
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    rows = []
    for size in arguments.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(measure(size, arguments.seed, Path(tmp)))
        print(rows[-1], file=sys.stderr, flush=True)
    print(table(rows))


if __name__ == "__main__":
    main_cli()
