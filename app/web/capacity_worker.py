"""The capacity advice for the page, in a process of its own (``capacity_page``).

``python -m herplan.app.web.capacity_worker PLANNING --input INPUT --today DATE
[--scenario CHANGE ...] [--reproducible]``: ``herplan.capacity`` as the command
line runs it, writing ``PLANNING/capaciteit/``; one JSON line per progress
report ``{"line": ...}``, then ``{"done": true, "errors": [...]}``.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path


def _say(line: dict[str, object]) -> None:
    print(json.dumps(line, ensure_ascii=False), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="herplan.app.web.capacity_worker")
    parser.add_argument("planning", type=Path)
    parser.add_argument("--input", type=Path, required=True)
    parser.add_argument("--today", type=date.fromisoformat, required=True)
    parser.add_argument("--scenario", action="append", default=[])
    parser.add_argument("--reproducible", action="store_true")
    arguments = parser.parse_args()
    from herplan.app.web.worker import findings_data, limit_memory

    limit_memory("plan")  # as a run: the capacity advice plans several times
    from herplan.app.capacity import CapacityOptions, capacity
    from herplan.io.errors import InputError
    from herplan.scheduler.verify import PlanRejected

    options = CapacityOptions(
        today=arguments.today,
        input_path=arguments.input,
        scenarios=tuple(arguments.scenario),
        scenario_files=False,  # the page's scenarios are changes, never a file's name
        reproducible=arguments.reproducible,
        progress=lambda line: _say({"line": line}),
    )
    errors: list = []
    try:
        capacity(arguments.planning, options)
    except InputError as error:
        errors = list(error.findings)
    except PlanRejected as error:  # the guard's findings, in the page's words
        errors = error.findings
    except Exception as error:  # shown on the page; the folder stays as it was
        errors = [f"{type(error).__name__}: {error}"]
    _say({"done": True, "errors": findings_data(errors)})


if __name__ == "__main__":
    main()
