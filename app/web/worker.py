"""The page's heavy work, in a process of its own: reading a workbook, planning.

Reading a workbook and planning are seconds of pure Python; in the server's
own process they would take turns with the page (one interpreter lock), and a
crafted file could take its memory. So the page starts this module as a child
process and only passes lines to and fro:

Every command runs under a memory limit (``MEMORY_BYTES``, ``RLIMIT_AS``), so
a crafted workbook stops its own process, never the server or the machine.

- ``python -m herplan.app.web.worker check INPUT``: the input read as
  ``herplan check`` does; one JSON line
  ``{"errors": [...], "warnings": [...]}``, each a finding as data
  (``herplan.findings.Finding.as_dict``), its words chosen by the page.
- ``python -m herplan.app.web.worker suggest PLANNING DOSSIER --input INPUT [--language L]``:
  ``herplan suggest`` as JSON (one line), or ``{"errors": [...]}``; ``--language``
  gives its explanation in the page's language.
- ``python -m herplan.app.web.worker move PLANNING DOSSIER CONSULTANT DATE --input
  INPUT [--confirmed]``: ``app.hand_moves.check_move`` as JSON (one line), or
  ``{"errors": [...]}``; ``--confirmed``: a ``ja`` may be moved (the planner said so).
- ``python -m herplan.app.web.worker plan INPUT OUT [--time-limit S]
  [--reproducible] [--feedback FILE ...] [--choose DOSSIER=OPTION ...]
  [--hand DOSSIER=PLACE ...] [--answers DB]``: ``plan_input``, as the command line runs
  it; one JSON line per progress report, then ``{"done": true,
  "errors": [...]}``. A line ``stop`` on standard input ends the run with the
  best plan so far.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from datetime import date
from pathlib import Path

CHECK_MEMORY_BYTES = 2 * 1024**3  # far beyond any real input; a crafted one is stopped
# Planning a region takes a few hundred MB; the solver's threads reserve more address
# space than they use, so the commands that build a model get a wider limit. Every
# command has one.
RUN_MEMORY_BYTES = 4 * 1024**3
MEMORY_BYTES = {
    "check": CHECK_MEMORY_BYTES,
    "suggest": RUN_MEMORY_BYTES,
    "move": RUN_MEMORY_BYTES,
    "plan": RUN_MEMORY_BYTES,
}


def limit_memory(command: str) -> None:
    """This process's address space at most ``MEMORY_BYTES[command]``: past it,
    allocations fail (``MemoryError``) instead of taking the machine's memory."""
    import resource

    limit = MEMORY_BYTES[command]
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _say(line: dict[str, object]) -> None:
    print(json.dumps(line, ensure_ascii=False), flush=True)


def findings_data(findings: list) -> list[dict[str, object]]:
    """Findings (or a plain message) as JSON-able data for the page."""
    from herplan.findings import text

    return [(text(f) if isinstance(f, str) else f).as_dict() for f in findings]


def check(path: Path, today: date) -> None:
    from herplan.app.run import check_period
    from herplan.io.errors import InputError
    from herplan.io.input_reader import read_input
    from herplan.io.tables import WorkbookTooLarge

    try:
        problem, warnings = read_input(path, today)
        check_period(problem, today)
    except WorkbookTooLarge as error:
        _say({"errors": findings_data(error.findings), "unpacks_to": error.megabytes})
        return
    except InputError as error:
        _say({"errors": findings_data(error.findings)})
        return
    except MemoryError:
        _say({"errors": [], "too_big": True})
        return
    _say({"errors": [], "warnings": findings_data(warnings)})


def plan(arguments: argparse.Namespace) -> None:
    from herplan.app.run import RunHooks, RunOptions, plan_input
    from herplan.io.errors import InputError
    from herplan.scheduler.verify import PlanRejected

    stop = threading.Event()

    def listen() -> None:
        for line in sys.stdin:
            if line.strip() == "stop":
                stop.set()

    threading.Thread(target=listen, daemon=True).start()

    def report(p) -> None:
        _say(
            {
                "phase": p.phase,
                "planned": p.planned,
                "upper": p.upper,
                "elapsed": p.elapsed,
                "limit": p.limit,
            }
        )

    options = RunOptions(
        time_limit=arguments.time_limit,
        reproducible=arguments.reproducible,
        today=arguments.today,
        feedback=tuple(arguments.feedback),
        choose=tuple(arguments.choose),
        hand=tuple(arguments.hand),
        hand_reasons=tuple(arguments.hand_reason),
        answers=arguments.answers,
        base_url=arguments.base_url,
    )
    errors: list = []
    try:
        plan_input(arguments.input, arguments.out, options, RunHooks(progress=report, stop=stop))
    except InputError as error:
        errors = list(error.findings)
    except MemoryError:
        errors = [
            f"the run needed more than {MEMORY_BYTES['plan'] // 1024**3} GB of memory and "
            "was stopped; check the returned workbooks (a crafted one?)"
        ]
    except PlanRejected as error:  # the guard's findings, in the page's words
        errors = error.findings
    except Exception as error:  # shown on the page; the folder stays as it was
        errors = [f"{type(error).__name__}: {error}"]
    _say({"done": True, "errors": findings_data(errors)})


def suggest(arguments: argparse.Namespace) -> None:
    from herplan.app.suggest import open_region
    from herplan.io.errors import InputError
    from herplan.io.suggest import suggestions_dict

    try:
        region = open_region(arguments.planning, arguments.today, input_path=arguments.input)
        found = region.suggest(arguments.dossier, top=arguments.top)
    except InputError as error:
        _say({"errors": findings_data(error.findings)})
        return
    s = region.problem.settings
    _say(suggestions_dict(found, arguments.language or s.language, s.max_plan_age_months))


def move(arguments: argparse.Namespace) -> None:
    from herplan.app.hand_moves import check_move
    from herplan.io.errors import InputError

    try:
        found = check_move(
            arguments.planning,
            arguments.dossier,
            arguments.consultant,
            arguments.day,
            input_path=arguments.input,
            today=arguments.today,
            confirmed_ok=arguments.confirmed,
        )
    except InputError as error:
        _say({"errors": findings_data(error.findings)})
        return
    _say(found.as_dict())


def main() -> None:
    parser = argparse.ArgumentParser(prog="herplan.app.web.worker")
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check")
    checking.add_argument("input", type=Path)
    planning = commands.add_parser("plan")
    planning.add_argument("input", type=Path)
    planning.add_argument("out", type=Path)
    planning.add_argument("--time-limit", type=float)
    planning.add_argument("--reproducible", action="store_true")
    planning.add_argument("--feedback", type=Path, nargs="*", default=[])
    planning.add_argument("--choose", nargs="*", default=[])
    planning.add_argument("--hand", nargs="*", default=[])
    planning.add_argument("--hand-reason", nargs="*", default=[])
    planning.add_argument("--answers", type=Path)
    planning.add_argument("--base-url")
    moving = commands.add_parser("move")
    moving.add_argument("planning", type=Path)
    moving.add_argument("dossier")
    moving.add_argument("consultant")
    moving.add_argument("day", type=date.fromisoformat)
    moving.add_argument("--input", type=Path, required=True)
    moving.add_argument("--confirmed", action="store_true")  # the planner moves a ja anyway
    asking = commands.add_parser("suggest")
    asking.add_argument("planning", type=Path)
    asking.add_argument("dossier")
    asking.add_argument("--input", type=Path, required=True)
    asking.add_argument("--top", type=int, default=10)
    asking.add_argument("--language", choices=("nl", "en"))  # the page's, else the planning's
    for command in commands.choices.values():
        command.add_argument("--today", type=date.fromisoformat, required=True)
    arguments = parser.parse_args()
    limit_memory(arguments.command)
    if arguments.command == "check":
        check(arguments.input, arguments.today)
    elif arguments.command == "suggest":
        suggest(arguments)
    elif arguments.command == "move":
        move(arguments)
    else:
        plan(arguments)


if __name__ == "__main__":
    main()
