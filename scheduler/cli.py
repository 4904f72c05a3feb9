"""The ``herplan`` command line: a thin shell over the library (SPEC §5).

Exit status: 0 = plan written (unplanned reassessments are an outcome, not an
error), 1 = no plan could be made (internal failure), 2 = bad input or usage.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from herplan.io.errors import InputError
from herplan.io.feedback import read_feedback
from herplan.io.input_reader import read_problem
from herplan.io.input_writer import write_input_workbook
from herplan.io.plan_json import stats_dict
from herplan.io.planning_folder import write_planning_folder
from herplan.io.previous import read_previous
from herplan.scheduler.domain import Plan, Problem, Rerun
from herplan.scheduler.planner import make_plan
from herplan.scheduler.solve import SolverOptions


def _fail_input(error: InputError) -> None:
    click.echo("The input has errors; nothing was written:", err=True)
    for message in error.messages:
        click.echo(f"  {message}", err=True)
    sys.exit(2)


def _load(path: Path) -> Problem:
    try:
        problem, warnings = read_problem(path)
    except InputError as error:
        _fail_input(error)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    return problem


def _created(input_path: Path, timezone: str) -> datetime:
    """The plan's creation time: the input's last change, or ``SOURCE_DATE_EPOCH``.

    Taken from the input rather than the clock so that planning the same input
    again writes byte-identical files (a planner comparing two runs sees no
    difference), while an edited input gives a newer time. Shown in the
    planning's own time zone, whatever the machine's.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        seconds = float(epoch)
    else:
        files = [input_path, *input_path.glob("*.csv")] if input_path.is_dir() else [input_path]
        seconds = max(f.stat().st_mtime for f in files)
    return datetime.fromtimestamp(int(seconds), tz=UTC).astimezone(ZoneInfo(timezone))


# A rerun starts from a complete plan and mostly keeps it: a short search suffices,
# and a planner reacting to a cancellation should not wait (SPEC §6).
RERUN_TIME_LIMIT_S = 3.0


class _Progress:
    """Live solver progress on stderr: best plan so far, bound, elapsed time."""

    def __init__(self) -> None:
        self.interactive = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, phase: str, objective: float, bound: float, elapsed: float) -> None:
        now = time.monotonic()
        if now - self.last < 0.5:
            return
        self.last = now
        line = f"  {phase:<20} best {objective:>12,.0f}   bound {bound:>12,.0f}   {elapsed:6.1f} s"
        if self.interactive:
            click.echo("\r" + line, nl=False, err=True)
        else:
            click.echo(line, err=True)

    def done(self) -> None:
        if self.interactive and self.last:
            click.echo("", err=True)


def summary(plan: Plan, elapsed: float) -> str:
    stats = stats_dict(plan)
    lines = [
        f"Planned      {stats['scheduled']}",
        f"Not planned  {stats['unscheduled']}",
    ]
    reasons = Counter(code for u in plan.unscheduled for code in u.reasons)
    for code, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {code:<28} {count}")
    lines += [
        f"Visits       {stats['visits']} consultant-mornings",
        f"Location-days {stats['location_days']}",
        f"Solver       {stats['status']}, gap {stats['gap']:.2%}, {elapsed:.1f} s",
    ]
    if plan.revision > 1:
        kinds = Counter(c.kind for c in plan.changes)
        lines.append(
            f"Revision     {plan.revision}: {len(plan.changes)} changes "
            + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
        )
        why = Counter(c.reason for c in plan.changes if c.kind == "verplaatst")
        for reason, n in sorted(why.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  moved {n:>3}  {reason}")
    for p in plan.phases:
        lines.append(
            f"  {p.name:<20} {p.status:<9} objective {p.objective:>10,.0f}  "
            f"bound {p.bound:>10,.0f}  gap {p.gap:6.2%}"
        )
    return "\n".join(lines)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="herplan")
def main() -> None:
    """Plan the December wave of reassessments (herindicaties)."""


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Planning folder to write (plan.json, overzicht.xlsx, ...).",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    help="Planning time in seconds, building the model included (a rerun: search time).",
)
@click.option("--seed", default=0, show_default=True, type=int, help="Solver random seed.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="1 gives a reproducible plan; more runs CP-SAT's parallel portfolio on that many "
    "threads: often better plans, but not the same on every run.",
)
@click.option("--fresh", is_flag=True, help="Ignore the previous plan in --out; plan anew.")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    help="On a rerun: appointments before this day are pinned (default: today).",
)
@click.option(
    "--feedback",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A provider workbook sent back (Haalbaar ja/nee); repeat for several.",
)
def plan(
    input_path: Path,
    out: Path,
    time_limit: float | None,
    seed: int,
    workers: int,
    fresh: bool,
    today: datetime | None,
    feedback: tuple[Path, ...],
) -> None:
    """Plan INPUT (an .xlsx workbook or a folder of CSV files) into --out.

    When --out already holds a plan.json this is a rerun: the previous plan is
    the starting point and only what has to change moves (use --fresh to start
    over). The previous revision is kept under revisies/.
    """
    problem = _load(input_path)
    if out.exists() and any(out.iterdir()) and not (out / "plan.json").exists():
        click.echo(
            f"{out}: folder exists and is not a herplan planning folder; choose a new or "
            "empty folder",
            err=True,
        )
        sys.exit(2)
    rerun = None
    if (out / "plan.json").exists() and not fresh:
        try:
            revision, previous = read_previous(out / "plan.json")
            verdicts = read_feedback(list(feedback), previous)
        except InputError as error:
            _fail_input(error)
        day = today.date() if today else date.today()
        rerun = Rerun(previous, revision, day, verdicts)
    elif feedback:
        raise click.UsageError("--feedback needs a previous plan in --out (a rerun)")
    limit = time_limit if time_limit is not None else problem.settings.time_limit_s
    if rerun and time_limit is None:
        limit = min(limit, RERUN_TIME_LIMIT_S)
    progress = _Progress()
    click.echo(
        f"Planning {len(problem.reassessments)} reassessments, {len(problem.consultants)} "
        f"consultants, {len(problem.locations)} locations (limit {limit:g} s)...",
        err=True,
    )
    started = time.monotonic()
    try:
        result = make_plan(
            problem,
            SolverOptions(
                time_limit_s=limit,
                seed=seed,
                workers=workers,
                deterministic=workers == 1,
                progress=progress,
            ),
            created=_created(input_path, problem.settings.timezone),
            rerun=rerun,
        )
        progress.done()
        write_planning_folder(result, out)
    except OSError as error:
        progress.done()
        click.echo(f"{out}: cannot write the planning ({error.strerror or error}); "
                   "nothing was changed there.", err=True)  # fmt: skip
        sys.exit(1)
    except Exception as error:  # an internal failure: say so plainly, keep DIR as it was
        progress.done()
        if os.environ.get("HERPLAN_DEBUG"):
            raise
        click.echo(
            f"Internal error ({type(error).__name__}: {error}); nothing was written and "
            f"{out} is unchanged. Please report it with the input file "
            "(set HERPLAN_DEBUG=1 for details).",
            err=True,
        )
        sys.exit(1)
    click.echo(summary(result, time.monotonic() - started))
    click.echo(f"Written to {out}")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def template(file: Path) -> None:
    """Write an empty input workbook with every sheet and column explained."""
    if file.suffix.lower() != ".xlsx":
        raise click.UsageError("the template is an .xlsx file; give a name ending in .xlsx")
    write_input_workbook(file)
    click.echo(f"Template written to {file}")


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
def check(input_path: Path) -> None:
    """Validate INPUT only; report every error at once."""
    problem = _load(input_path)
    open_cases = sum(1 for r in problem.reassessments if not r.withdrawn)
    click.echo(
        f"{input_path.name}: OK — {open_cases} open reassessments, "
        f"{len(problem.consultants)} consultants, {len(problem.locations)} locations, "
        f"period {problem.settings.period_start:%d-%m-%Y} to {problem.settings.period_end:%d-%m-%Y}"
    )


if __name__ == "__main__":
    main()
