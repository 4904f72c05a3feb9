"""Reruns as a planner meets them in December, on a region and on a tight region.

    python -m benchmarks.rerun [--sizes M L-tight] [--seed 0] [--write benchmarks/RESULTS.md]

Each size is planned once (``herplan plan``, the benchmark's time limit), then
every scenario of ``SCENARIOS`` is applied to a copy of the input and the
planning folder and rerun with the same command a planner types, in a fresh
process: once with the default rerun limit and once with ``--time-limit 20``.
Reported per rerun: the exit status (the guard's verdict: 0 means the plan
passed its final check and was written), the whole run's wall time (starting
the program included), the appointments moved to make room, the reassessments
newly planned, and the independent checker's count of broken rules and
rerun promises (``tests/checker.py``). The slow tests
(``tests/scheduler/test_rerun_scenarios.py``) run the same scenarios.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook

from benchmarks.instances import shape, write

TODAY = "2026-11-30"
MID_PERIOD = "2026-12-14"  # scenario e: new reassessments arrive halfway December
FIRST_LIMITS = {"M": 30.0, "L-tight": 60.0}
RERUN_LIMITS: tuple[str | None, ...] = (None, "20")  # the default, and 20 s


@dataclass
class Edit:
    """What a scenario changed: returned workbooks, today, and each answer given."""

    feedback: list[Path] = field(default_factory=list)
    today: str = TODAY
    answers: dict[str, str] = field(default_factory=dict)


def plan_of(folder: Path) -> dict:
    return json.loads((folder / "plan.json").read_text(encoding="utf-8"))


def _rows(ws) -> tuple[list[str], list]:
    header = [str(c.value) if c.value is not None else "" for c in ws[1]]
    return header, list(ws.iter_rows(min_row=2))


def answer_sheets(root: Path, plan: dict, providers: int = 3) -> Edit:
    """The largest providers each return their workbook with one ``nee``."""
    by_provider = Counter(a["provider"] for a in plan["appointments"])
    edit = Edit()
    for k, (provider, _n) in enumerate(by_provider.most_common(providers)):
        slug = plan["file_names"]["aanbieders"][provider]
        wb = load_workbook(root / "planning" / "aanbieders" / f"{slug}.xlsx")
        ws = wb["Planning"]
        header, rows = _rows(ws)
        row = rows[len(rows) * (k + 1) // (providers + 1)]
        row[header.index("Haalbaar")].value = "nee"
        row[header.index("Opmerking")].value = "cliënt is die dag naar de tandarts"
        edit.answers[str(row[header.index("Dossier")].value)] = "nee"
        target = root / f"terug-{slug}.xlsx"
        wb.save(target)
        edit.feedback.append(target)
    return edit


def _busiest(plan: dict, key: Callable[[dict], object]) -> object:
    return Counter(key(a) for a in plan["appointments"]).most_common(1)[0][0]


def three_nee(root: Path, plan: dict) -> Edit:
    return answer_sheets(root, plan)


def nee_and_lower_cap(root: Path, plan: dict) -> Edit:
    """Three ``nee`` answers, and the busiest consultant may work one morning a week less."""
    edit = answer_sheets(root, plan)
    cid = _busiest(plan, lambda a: a["consultant"])
    weeks = Counter(
        date.fromisoformat(day).isocalendar()[1]
        for c, day in {(a["consultant"], a["date"]) for a in plan["appointments"]}
        if c == cid
    )
    wb = load_workbook(root / "invoer.xlsx")
    header, rows = _rows(wb["Consulenten"])
    for row in rows:
        if row[header.index("consulent")].value == cid:
            cell = row[header.index("max_ochtenden_per_week")]
            cell.value = max(1, min(cell.value or 5, max(weeks.values())) - 1)
    wb.save(root / "invoer.xlsx")
    return edit


def absent_week(root: Path, plan: dict) -> Edit:
    """The busiest consultant is away for the whole week in which they hold the most."""
    cid = _busiest(plan, lambda a: a["consultant"])
    week = _busiest(
        {"appointments": [a for a in plan["appointments"] if a["consultant"] == cid]},
        lambda a: date.fromisoformat(a["date"]).isocalendar()[:2],
    )
    monday = date.fromisocalendar(*week, 1)  # type: ignore[misc]
    wb = load_workbook(root / "invoer.xlsx")
    ws = wb["Afwezigheid"]
    ws.append([cid, monday, monday + timedelta(days=4), "dag"])
    wb.save(root / "invoer.xlsx")
    return Edit()


def closed_day(root: Path, plan: dict) -> Edit:
    """The busiest location is closed on its busiest day."""
    provider, location, day = _busiest(plan, lambda a: (a["provider"], a["location"], a["date"]))  # type: ignore[misc]
    wb = load_workbook(root / "invoer.xlsx")
    header, rows = _rows(wb["Locaties"])
    for row in rows:
        if (row[header.index("aanbieder")].value, row[header.index("locatie")].value) == (
            provider,
            location,
        ):
            cell = row[header.index("gesloten")]
            cell.value = ", ".join(p for p in (cell.value, day) if p)
    wb.save(root / "invoer.xlsx")
    return Edit()


def new_cases(root: Path, plan: dict, n: int = 20) -> Edit:
    """Halfway December twenty new reassessments arrive, with a current support plan."""
    wb = load_workbook(root / "invoer.xlsx")
    ws = wb["Herindicaties"]
    header, rows = _rows(ws)
    planned = {a["dossier"] for a in plan["appointments"]}
    models = [r for r in rows if r[header.index("dossier")].value in planned]
    for k in range(n):
        values = [c.value for c in models[(k * 37) % len(models)]]
        values[header.index("dossier")] = f"N{k + 1:04d}"
        values[header.index("datum_ondersteuningsplan")] = date(2026, 11, 2)
        values[header.index("nieuw_ondersteuningsplan_verwacht")] = None
        values[header.index("einddatum_indicatie")] = date(2027, 3, 1)
        values[header.index("client_niet_beschikbaar")] = None
        values[header.index("status")] = None
        ws.append(values)
    wb.save(root / "invoer.xlsx")
    return Edit(today=MID_PERIOD)


def withdrawals(root: Path, plan: dict, n: int = 5) -> Edit:
    """Five planned reassessments are withdrawn (status geannuleerd)."""
    appointments = plan["appointments"]
    gone = {appointments[k * len(appointments) // n]["dossier"] for k in range(n)}
    wb = load_workbook(root / "invoer.xlsx")
    header, rows = _rows(wb["Herindicaties"])
    for row in rows:
        if row[header.index("dossier")].value in gone:
            row[header.index("status")].value = "geannuleerd"
    wb.save(root / "invoer.xlsx")
    return Edit()


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    edit: Callable[[Path, dict], Edit]


SCENARIOS = (
    Scenario("a", "three nee answers", three_nee),
    Scenario("b", "nee answers and a lowered weekly cap", nee_and_lower_cap),
    Scenario("c", "a consultant absent for a whole week", absent_week),
    Scenario("d", "a location closed for a day", closed_day),
    Scenario("e", "20 new reassessments halfway the period", new_cases),
    Scenario("f", "five withdrawals", withdrawals),
)


def prepare(first: Path, target: Path, scenario: Scenario) -> Edit:
    """A copy of the first run's input and planning folder, changed as ``scenario`` says."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(first / "invoer.xlsx", target / "invoer.xlsx")
    shutil.copytree(first / "planning", target / "planning")
    return scenario.edit(target, plan_of(target / "planning"))


def rerun_args(root: Path, edit: Edit, limit: str | None) -> list[str]:
    args = [
        "plan",
        str(root / "invoer.xlsx"),
        "--out",
        str(root / "planning"),
        "--today",
        edit.today,
    ]
    for sheet in edit.feedback:
        args += ["--feedback", str(sheet)]
    if limit is not None:
        args += ["--time-limit", limit]
    return args


def outcome(root: Path, before: dict, edit: Edit, status: int) -> dict[str, object]:
    """The rerun's figures and the independent checker's verdict."""
    from herplan.io.input_reader import read_problem
    from tests.checker import check_plan, check_rerun

    if status != 0:
        return {"exit": status}
    after = plan_of(root / "planning")
    problem, _ = read_problem(root / "invoer.xlsx")
    broken = check_plan(problem, after)
    broken += check_rerun(problem, before, after, edit.answers, date.fromisoformat(edit.today))
    return {
        "exit": status,
        "planned_before": len(before["appointments"]),
        "planned_after": len(after["appointments"]),
        "moved_to_make_room": sum(1 for c in after["changes"] if c.get("made_room_for")),
        "newly_planned": sum(
            1
            for c in after["changes"]
            if c["kind"] == "nieuw"
            or (c["kind"] == "verplaatst" and c["cause"] not in ("more", "time"))
        ),
        "changes": len(after["changes"]),
        "violations": len(broken),
    }


def first_plan(size: str, seed: int, root: Path) -> Path:
    write(root / "invoer.xlsx", shape(size), seed=seed)
    subprocess.run(
        [
            "herplan",
            "plan",
            str(root / "invoer.xlsx"),
            "--out",
            str(root / "planning"),
            "--time-limit",
            str(FIRST_LIMITS.get(size, 30.0)),
            "--today",
            TODAY,
        ],
        check=True,
        capture_output=True,
    )
    return root


def measure(size: str, seed: int) -> list[dict[str, object]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        first = first_plan(size, seed, Path(tmp) / "first")
        before = plan_of(first / "planning")
        for scenario in SCENARIOS:
            for limit in RERUN_LIMITS:
                root = Path(tmp) / f"{scenario.key}-{limit or 'default'}"
                edit = prepare(first, root, scenario)
                started = time.perf_counter()
                done = subprocess.run(
                    ["herplan", *rerun_args(root, edit, limit)], capture_output=True, text=True
                )
                seconds = time.perf_counter() - started
                row = {
                    "size": size,
                    "scenario": f"{scenario.key}: {scenario.title}",
                    "limit": limit or "default",
                    "wall_s": round(seconds, 1),
                    **outcome(root, before, edit, done.returncode),
                }
                if done.returncode != 0:
                    row["message"] = done.stderr.strip().splitlines()[-1:]
                print(json.dumps(row, ensure_ascii=False), flush=True)
                rows.append(row)
    return rows


COLUMNS = (
    ("scenario", "scenario"),
    ("limit", "limit"),
    ("exit", "exit (guard)"),
    ("wall_s", "wall s"),
    ("planned_before", "planned before"),
    ("planned_after", "planned after"),
    ("newly_planned", "newly planned"),
    ("moved_to_make_room", "moved to make room"),
    ("changes", "changes"),
    ("violations", "checker violations"),
)


def table(rows: list[dict[str, object]]) -> str:
    lines = []
    for size in dict.fromkeys(r["size"] for r in rows):
        lines += [f"### Reruns on {size}", ""]
        lines.append("| " + " | ".join(title for _, title in COLUMNS) + " |")
        lines.append("|" + "---|" * len(COLUMNS))
        for r in rows:
            if r["size"] == size:
                lines.append("| " + " | ".join(str(r.get(k, "–")) for k, _ in COLUMNS) + " |")
        lines.append("")
    return "\n".join(lines)


def main_cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["M", "L-tight"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    args = parser.parse_args()
    rows = [row for size in args.sizes for row in measure(size, args.seed)]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    print(table(rows))
    sys.exit(0 if all(r["exit"] == 0 and r.get("violations") == 0 for r in rows) else 1)


if __name__ == "__main__":
    main_cli()
