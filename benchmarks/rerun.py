"""Rerun speed and stability on a region-size instance (issue: reruns, SPEC §6).

    python -m benchmarks.rerun [--size M] [--seed 0] [--time-limit 30]

Plans the instance, then withdraws five planned reassessments and gives one
consultant a day of absence (on a day with interviews), reruns the same
command and reports the rerun's wall time, how many appointments moved and
whether any unaffected appointment moved without planning more.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from benchmarks.instances import shape, withdraw_and_absent, write
from herplan.scheduler.cli import main


def _plan(folder: Path) -> dict:
    return json.loads((folder / "plan.json").read_text(encoding="utf-8"))


def _run(*args: str) -> float:
    started = time.perf_counter()
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return time.perf_counter() - started


def measure(size: str, seed: int, time_limit: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = write(root / "invoer.xlsx", shape(size), seed=seed)
        out = root / "planning"
        first_seconds = _run(
            "plan", str(source), "--out", str(out), "--time-limit", str(time_limit)
        )
        before = _plan(out)
        by_day: dict[tuple[str, str], list[str]] = {}
        for a in before["appointments"]:
            by_day.setdefault((a["consultant"], a["date"]), []).append(a["dossier"])
        (cid, day), absent_cases = max(by_day.items(), key=lambda kv: (len(kv[1]), kv[0]))
        withdrawn = [
            a["dossier"] for a in before["appointments"] if a["dossier"] not in absent_cases
        ][:5]

        withdraw_and_absent(source, withdrawn, (cid, date.fromisoformat(day)))

        rerun_seconds = _run("plan", str(source), "--out", str(out), "--today", "2026-11-30")
        after = _plan(out)
        old = {a["dossier"]: a for a in before["appointments"]}
        new = {a["dossier"]: a for a in after["appointments"]}
        affected = set(withdrawn) | set(absent_cases)
        moved_unaffected = [
            d for d, a in old.items()
            if d not in affected and d in new
            and (new[d]["consultant"], new[d]["date"], new[d]["start"])
            != (a["consultant"], a["date"], a["start"])
        ]  # fmt: skip
        return {
            "size": size,
            "first_plan_s": round(first_seconds, 1),
            "rerun_s": round(rerun_seconds, 1),
            "planned_before": len(old),
            "planned_after": len(new),
            "withdrawn": len(withdrawn),
            "absent_day_interviews": len(absent_cases),
            "changes": len(after["changes"]),
            "moved_unaffected": len(moved_unaffected),
            "planned_more": len(new) - (len(old) - len(withdrawn)) > 0,
        }


def main_cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="M")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--time-limit", type=float, default=30.0)
    args = parser.parse_args()
    for key, value in measure(args.size, args.seed, args.time_limit).items():
        print(f"{key:<22} {value}")


if __name__ == "__main__":
    main_cli()
