"""How fast ``herplan suggest`` answers, on the tight and the largest regions.

    python -m benchmarks.suggest [--sizes L-tight XL] [--dossiers 50] [--seed 0]

Each size is planned once (``herplan plan``, the time limit below); then the
planning is loaded once (``herplan.open_region``: reading the workbook and
finding every reassessment's candidate days) and asked about randomly chosen
open dossiers, each answer timed on its own. Reported: the load time, the
median and the slowest answer, how many had a place without moving anyone,
with one move, or none, and the whole ``herplan suggest`` command, each in a
fresh process (starting Python included):

- *cold*: with an empty cache, so the workbook is read;
- *first*: the first question after ``herplan plan`` (which keeps what it read);
- *median*: the median over the same dossiers, asked one command at a time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.instances import shape, write

PLAN_LIMITS = {"M": 20.0, "L-tight": 30.0, "XL": 60.0, "XL-tight": 60.0}
TODAY = date(2026, 11, 30)


def herplan(*args: str, cache: Path) -> float:
    """Run the command line in a fresh process (with its own cache); its wall time."""
    started = time.monotonic()
    env = {**os.environ, "HERPLAN_CACHE_DIR": str(cache)}
    subprocess.run(
        [sys.executable, "-m", "herplan.app.cli", *args], check=True, capture_output=True, env=env
    )
    return time.monotonic() - started


def measure(size: str, dossiers: int, seed: int, root: Path) -> dict[str, object]:
    from herplan.app.suggest import open_region

    source = write(root / "invoer.xlsx", shape(size), seed=seed)
    folder, cache, empty = root / "planning", root / "cache", root / "empty"
    herplan(
        "plan",
        str(source),
        "--out",
        str(folder),
        "--time-limit",
        str(PLAN_LIMITS[size]),
        "--today",
        TODAY.isoformat(),
        cache=cache,
    )
    started = time.monotonic()
    region = open_region(folder, TODAY)
    load = time.monotonic() - started
    open_cases = [r.dossier for r in region.problem.reassessments if not r.withdrawn]
    asked = random.Random(seed).sample(open_cases, min(dossiers, len(open_cases)))
    times, kinds = [], {"join or new visit": 0, "one move": 0, "none": 0}
    for dossier in asked:
        started = time.monotonic()
        found = region.suggest(dossier)
        times.append(time.monotonic() - started)
        if not found.options:
            kinds["none"] += 1
        elif found.options[0].moves:
            kinds["one move"] += 1
        else:
            kinds["join or new visit"] += 1
    day = ("--today", TODAY.isoformat())
    first = herplan("suggest", str(folder), asked[0], *day, cache=cache)
    cold = herplan("suggest", str(folder), asked[0], *day, cache=empty)
    commands = [herplan("suggest", str(folder), d, *day, cache=cache) for d in asked]
    return {
        "size": size,
        "cases": len(region.problem.reassessments),
        "load_s": round(load, 2),
        "median_s": round(statistics.median(times), 4),
        "max_s": round(max(times), 4),
        **kinds,
        "cold_s": round(cold, 2),
        "first_s": round(first, 2),
        "command_median_s": round(statistics.median(commands), 2),
        "command_max_s": round(max(commands), 2),
    }


def table(rows: list[dict[str, object]]) -> str:
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r[k]) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["L-tight", "XL"])
    parser.add_argument("--dossiers", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(measure(size, args.dossiers, args.seed, Path(tmp)))
            print(table(rows[-1:]).splitlines()[-1], file=sys.stderr)
    print(table(rows))


if __name__ == "__main__":
    main()
