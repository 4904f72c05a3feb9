"""How fast the planner's page answers on the regions planners work with.

    python -m benchmarks.page [--sizes L-tight XL] [--repeat 10] [--moves 20] [--seed 0]

Each size is planned once with the command line (outbox included), and put in a data
folder as the page keeps a planning. Then, through the application itself (Starlette's
test client, no network):

- the planning page: the first view after a plan (the outbox is read then), and the
  median and slowest of ``--repeat`` views, with its size;
- one week (``?week=50``) and a search (``?zoek=<initials>``), median of ``--repeat``;
- a move checked by hand (``POST /p/<naam>/verplaats``, ``alleen_controleren``): a
  worker process per check, as on the page, median and slowest of ``--moves`` random
  appointments to random consultant-mornings, and how many were allowed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.instances import shape, write
from benchmarks.suggest import PLAN_LIMITS, TODAY

NAME = "regio"


def timed(call) -> tuple[float, object]:
    started = time.monotonic()
    result = call()
    return time.monotonic() - started, result


def measure(size: str, repeat: int, moves: int, seed: int, root: Path) -> dict[str, object]:
    import json

    from starlette.testclient import TestClient

    from herplan.app.web import create_app

    folder = root / "data" / NAME
    (folder / "invoer").mkdir(parents=True)
    source = write(folder / "invoer" / "invoer.xlsx", shape(size), seed=seed)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "herplan.app.cli",
            "plan",
            str(source),
            "--out",
            str(folder / "planning"),
            "--time-limit",
            str(PLAN_LIMITS[size]),
            "--today",
            TODAY.isoformat(),
        ],
        check=True,
        capture_output=True,
    )
    plan = json.loads((folder / "planning" / "plan.json").read_text(encoding="utf-8"))
    client = TestClient(create_app(root / "data", hosts=("testserver",)))
    first, answer = timed(lambda: client.get(f"/p/{NAME}"))
    size_kb = len(answer.text.encode()) // 1024
    views = [timed(lambda: client.get(f"/p/{NAME}"))[0] for _ in range(repeat)]
    weeks = [timed(lambda: client.get(f"/p/{NAME}?week=50"))[0] for _ in range(repeat)]
    person = plan["appointments"][0]["client"]
    searches = [
        timed(lambda: client.get(f"/p/{NAME}", params={"zoek": person}))[0] for _ in range(repeat)
    ]
    token = re.search(r'name="csrf" value="([^"]+)"', answer.text).group(1)  # type: ignore[union-attr]
    pick = random.Random(seed)
    people = sorted(plan["consultants"])
    checks, allowed = [], 0
    for _ in range(moves):
        a = pick.choice(plan["appointments"])
        day = pick.choice(plan["appointments"])["date"]
        fields = {
            "csrf": token,
            "dossier": a["dossier"],
            "consulent": pick.choice(people),
            "datum": day,
            "alleen_controleren": "1",
        }
        seconds, said = timed(lambda f=fields: client.post(f"/p/{NAME}/verplaats", data=f))
        checks.append(seconds)
        allowed += bool(said.json().get("allowed"))  # type: ignore[attr-defined]
    return {
        "size": size,
        "cases": len(plan["appointments"]) + len(plan["unscheduled"]),
        "messages": len(list((folder / "planning" / "uitgaand").glob("*.eml"))),
        "first": first,
        "median": statistics.median(views),
        "slowest": max(views),
        "kb": size_kb,
        "week": statistics.median(weeks),
        "search": statistics.median(searches),
        "check": statistics.median(checks),
        "check_slowest": max(checks),
        "allowed": allowed,
        "moves": moves,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", default=["L-tight", "XL"])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    print(
        "| region | cases | messages | first view | median | slowest | size | one week "
        "| search | move checked (median / slowest) | allowed |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size in arguments.sizes:
        root = Path(tempfile.mkdtemp(prefix=f"herplan-page-{size}-"))
        os.environ["HERPLAN_CACHE_DIR"] = str(root / "cache")
        try:
            r = measure(size, arguments.repeat, arguments.moves, arguments.seed, root)
        finally:
            shutil.rmtree(root, ignore_errors=True)
        print(
            f"| {r['size']} | {r['cases']} | {r['messages']} | {r['first']:.2f} s "
            f"| {r['median']:.2f} s | {r['slowest']:.2f} s | {r['kb']} KB | {r['week']:.2f} s "
            f"| {r['search']:.2f} s | {r['check']:.2f} / {r['check_slowest']:.2f} s "
            f"| {r['allowed']} of {r['moves']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
