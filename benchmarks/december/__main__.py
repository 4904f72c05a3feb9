"""``python -m benchmarks.december [--region example|M|L-tight] [--seed N] [--out DIR]
[--replay DAY:STEP]``: one simulated December (``benchmarks.december``).

Prints what was simulated and checked; a failure prints its seed, day and step and
the command that replays up to it, and exits 1. ``DIR/report.json`` holds the days,
the events per kind, the invariants checked and every failure, beside the final
input (``DIR/invoer.xlsx``) and planning folder (``DIR/planning``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.december import simulate


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.december")
    parser.add_argument("--region", default="example", choices=["example", "S", "M", "L-tight"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("december"))
    parser.add_argument("--limit", type=float, default=1.0, help="each rerun's time limit (s)")
    parser.add_argument(
        "--replay",
        metavar="DAY:STEP",
        help="stop after this step, e.g. 2026-12-09:3, leaving the folder as it was then",
    )
    args = parser.parse_args()
    until = None
    if args.replay:
        day, _, step = args.replay.partition(":")
        until = (day, int(step))
    report = simulate(args.region, args.seed, args.out, limit=args.limit, until=until)
    print(
        f"{args.region}, seed {args.seed}: {len(report.days)} days, "
        f"{sum(report.events.values())} events, {sum(report.invariants.values())} invariant "
        f"checks, {len(report.failures)} failures, {report.seconds:.0f} s → {args.out}"
    )
    for failure in report.failures[:20]:
        print(
            f"  {failure['day']} step {failure['step']} ({failure['event']}): "
            f"{failure['invariant']}: {failure['what']}"
        )
    if report.failures:
        first = report.failures[0]
        print(
            f"replay: python -m benchmarks.december --region {args.region} --seed {args.seed} "
            f"--out {args.out}-replay --replay {first['day']}:{first['step']}"
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
