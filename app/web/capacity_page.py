"""The page *Capaciteit* of a planning: the capacity advice with its chart and tables.

README, Capacity advice. ``/p/<naam>/capaciteit`` shows the advice last
computed for the planning (``planning/capaciteit/``): the chart beside the
curve's table, what no extra morning plans and what would, per week, and the
scenarios side by side. A form starts a new advice, with scenarios, in a
child process (``capacity_worker``; the page keeps answering), whose
progress the page shows until it is done. Dutch by default, English with
``taal=en`` or the language link.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from herplan.app.web import audit
from herplan.app.web.forms import input_of
from herplan.app.web.planning_request import named, posted
from herplan.app.web.planning_sections import error_rows
from herplan.app.web.render import language, missing, page, problem_page
from herplan.app.web.state import PLANNING
from herplan.app.web.words import section
from herplan.io.plan_reader import SavedPlan, read_plan
from herplan.io.planning_folder import CAPACITY as FOLDER
from herplan.io.sentences import long_date, weekday_date

MAX_SCENARIOS = 6
MAX_SCENARIO_CHARS = 200


@dataclass
class CapacityJob:
    """One advice being computed for one planning."""

    lines: list[str] = field(default_factory=list)
    errors: list[str | dict[str, Any]] = field(default_factory=list)  # findings as data
    done: bool = False
    thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()


_JOBS: dict[tuple[int, str], CapacityJob] = {}  # (app, planning) -> its advice run
_LOCK = threading.Lock()


def _job(request: Request, name: str) -> CapacityJob | None:
    return _JOBS.get((id(request.app), name))


async def show(request: Request) -> Response:
    name, folder = named(request)
    plan = read_plan(folder / PLANNING)
    if plan is None:
        return missing(request)
    lang = language(request, plan)
    advice, source = await run_in_threadpool(_read_advice, folder / PLANNING / FOLDER)
    job = _job(request, name)
    values = _shown(advice, plan, lang)
    if source is not None:
        source = {**source, "today": long_date(_day(source["today"]), lang)}
    errors = job.errors if job is not None and job.done else []
    return page(
        request,
        "capacity.html",
        lang,
        name=name,
        job=job,
        source=source,
        revision=plan.revision,
        running=job is not None and job.running,
        failed=bool(errors),
        errors=error_rows(errors, lang),
        **values,
    )


def _read_advice(folder: Path) -> tuple[dict | None, dict | None]:
    """The advice last written (``advies.json``) and what it was computed on (``bron.json``)."""
    found = []
    for name in ("advies.json", "bron.json"):
        try:
            found.append(json.loads((folder / name).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            found.append(None)
    return found[0], found[1]


def _shown(advice: dict | None, plan: SavedPlan, lang: str) -> dict[str, Any]:
    """What the template shows of ``advice``: days and names as a planner reads them."""
    if advice is None:
        return {"advice": None}
    names = {code: plan.name_of(code, code) for code in plan.consultants}
    c = section(lang, "cap_")
    before: set[tuple[str, str]] = set()
    rows = []
    for point in advice["points"]:
        added = [m for m in point["mornings"] if (m["consultant"], m["date"]) not in before]
        before |= {(m["consultant"], m["date"]) for m in point["mornings"]}
        said = [
            (c["over_cap"] if m["over_cap"] else c["day_off"]).format(
                name=names.get(m["consultant"], m["consultant"]),
                day=weekday_date(_day(m["date"]), lang),
            )
            for m in added
        ]
        rows.append({**point, "added": said or [c["free"]]})
    blocked = [
        {"cause": cause, "what": c[f"blocked_{cause}"], "cases": cases}
        for cause, cases in advice["blocked"].items()
        if f"blocked_{cause}" in c
    ]
    return {
        "advice": advice,
        "rows": rows,
        "blocked": [b for b in blocked if b["cases"]],
        "c": c,
        "scenarios": advice.get("scenarios", []),
    }


def _day(text: str) -> date:
    return date.fromisoformat(text)


async def start(request: Request) -> Response:
    got = await posted(request)
    if isinstance(got, Response):
        return got
    name, folder, lang = got.name, got.folder, got.lang
    scenarios = [
        line.strip() for line in got.form.fields.get("scenarios", "").splitlines() if line.strip()
    ]
    if len(scenarios) > MAX_SCENARIOS or any(len(s) > MAX_SCENARIO_CHARS for s in scenarios):
        return problem_page(request, "busy.html", lang, 400, "refused", name=name)
    if got.plan is None:
        return missing(request)
    if not _start(request, name, folder, scenarios):
        return problem_page(request, "busy.html", lang, 409, "busy_other", name=name)
    audit.record(request, "capacity", planning=name, scenarios=scenarios)
    return RedirectResponse(f"/p/{name}/capaciteit?taal={lang}", status_code=303)


def _start(request: Request, name: str, folder: Path, scenarios: list[str]) -> bool:
    """Start the advice in a child process; False when one is running already."""
    config = request.app.state.config
    command = [
        sys.executable,
        "-m",
        "herplan.app.web.capacity_worker",
        str(folder / PLANNING),
        "--input",
        str(input_of(folder)),
        "--today",
        config.today().isoformat(),
    ]
    if config.reproducible:
        command.append("--reproducible")
    for scenario in scenarios:
        command += ["--scenario", scenario]
    with _LOCK:
        job = _job(request, name)
        if job is not None and job.running:
            return False
        job = _JOBS[(id(request.app), name)] = CapacityJob()
        job.thread = threading.Thread(
            target=_run, args=(job, command), daemon=True, name=f"herplan-capaciteit-{name}"
        )
        job.thread.start()
    return True


def _run(job: CapacityJob, command: list[str]) -> None:
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None and process.stderr is not None
        for line in process.stdout:
            said = json.loads(line)
            if said.get("done"):
                job.errors = list(said["errors"])
            else:
                job.lines.append(str(said.get("line", "")))
        process.wait()
        if process.returncode and not job.errors:
            job.errors = [
                f"exit status {process.returncode}",
                *process.stderr.read().strip().splitlines()[-1:],
            ]
    except OSError as error:
        job.errors = [f"{type(error).__name__}: {error}"]
    finally:
        job.done = True


async def chart(request: Request) -> Response:
    """The advice's chart, shown on the page (PNG) or opened on its own (SVG)."""
    kind = request.path_params["kind"]
    folder = named(request).planning / FOLDER
    path = folder / f"capaciteit.{kind}"
    own = folder / f"capaciteit-{language(request)}.{kind}"  # the page's language, if drawn
    if own.is_file() and not own.is_symlink():
        path = own
    if kind not in ("png", "svg") or path.is_symlink() or not path.is_file():
        return missing(request)
    media = "image/png" if kind == "png" else "image/svg+xml"
    return Response(await run_in_threadpool(path.read_bytes), media_type=media)
