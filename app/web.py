"""``herplan serve``: the planner's local web page for the December cycle (SPEC §5).

Every planning is a folder under the data folder: ``<name>/invoer/`` holds the
uploaded input and returned workbooks, ``<name>/planning/`` is exactly the
planning folder ``herplan plan`` writes, so the page and the command line can
take turns. A solve runs in a thread through ``run.plan_input``, the same call
as the command line; the page polls its progress and can stop it (the best
plan so far is kept). One solve at a time per planning; files are served only
from inside the data folder; every text is escaped by Jinja.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
import threading
import time
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from herplan.app.run import RunHooks, RunOptions, plan_input
from herplan.calendar import public_holidays
from herplan.io.errors import InputError
from herplan.io.input_reader import read_problem
from herplan.io.input_writer import write_input_workbook
from herplan.io.plan_json import phase_named_for
from herplan.io.sentences import phase_words, reason_name
from herplan.io.slug import file_slug
from herplan.io.words import WORDS as ALL_WORDS
from herplan.io.words import section
from herplan.scheduler.explain import REASON_ORDER
from herplan.scheduler.solve import Progress

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # far beyond any region's workbook
INPUT, PLANNING, RETURNED = "invoer", "planning", "teruggestuurd"
MESSAGE = re.compile(r"^(?P<file>[^›:]+?)(?: › (?P<sheet>[^›:]+?))?(?: › row (?P<row>\d+))?"
                     r"(?: › (?P<column>[^›:]+?))?: (?P<what>.+)$")  # fmt: skip

WORDS = {lang: section(lang, "web_") for lang in ALL_WORDS}


@dataclass
class Job:
    """One solve of one planning, in a thread."""

    thread: threading.Thread | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    progress: Progress | None = None
    started: float = field(default_factory=time.monotonic)
    error: list[str] = field(default_factory=list)
    done: bool = False

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()


class Plannings:
    """The plannings under the data folder, and the solve of each."""

    def __init__(
        self, data: Path, time_limit: float | None = None, reproducible: bool = False
    ) -> None:
        self.data = data.resolve()
        self.data.mkdir(parents=True, exist_ok=True)
        self.time_limit = time_limit
        self.reproducible = reproducible
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def folder(self, name: str) -> Path:
        """The folder of planning ``name``; a name that is not one of ours is refused."""
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name) or not (self.data / name).is_dir():
            raise LookupError(name)
        return self.data / name

    def names(self) -> list[str]:
        return sorted(p.name for p in self.data.iterdir() if (p / INPUT).is_dir())

    def new_name(self, upload_name: str) -> str:
        base = file_slug(Path(upload_name).stem, "planning")
        name, n = base, 1
        while (self.data / name).exists():
            n += 1
            name = f"{base}-{n}"
        return name

    def start(self, name: str, input_path: Path, feedback: list[Path]) -> bool:
        """Start planning ``name`` in a thread; False when it is already running."""
        with self.lock:
            job = self.jobs.get(name)
            if job is not None and job.running:
                return False
            job = self.jobs[name] = Job()

            def work() -> None:
                try:
                    options = RunOptions(time_limit=self.time_limit,
                                         reproducible=self.reproducible,
                                         feedback=tuple(feedback))  # fmt: skip
                    hooks = RunHooks(progress=lambda p: setattr(job, "progress", p),
                                     stop=job.stop)  # fmt: skip
                    plan_input(input_path, self.data / name / PLANNING, options, hooks)
                except InputError as error:
                    job.error = list(error.messages)
                except Exception as error:  # shown on the page; the folder stays as it was
                    job.error = [f"{type(error).__name__}: {error}"]
                finally:
                    job.done = True

            job.thread = threading.Thread(target=work, name=f"herplan-{name}", daemon=True)
            job.thread.start()
            return True


def _lang(request: Request, plan: dict | None = None) -> str:
    asked = request.query_params.get("taal")
    if asked in WORDS:
        return asked
    if plan is not None and plan.get("settings", {}).get("taal") in WORDS:
        return plan["settings"]["taal"]
    return "nl"


def error_rows(messages: list[str]) -> list[dict[str, str]]:
    """``file › sheet › row N › column: what`` split into the columns of the error table."""
    rows = []
    for message in messages:
        found = MESSAGE.match(message.strip())
        rows.append(found.groupdict(default="") if found else {"file": "", "sheet": "",
                    "row": "", "column": "", "what": message})  # fmt: skip
    return rows


def _read_plan(folder: Path) -> dict | None:
    path = folder / PLANNING / "plan.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def headline(plan: dict, lang: str) -> dict[str, object]:
    """The figures at the top of the planning page, in the planner's words."""
    w = WORDS[lang]
    stats = plan["stats"]
    reasons = Counter(u["reasons"][0] for u in plan["unscheduled"] if u["reasons"])
    counted = phase_named_for("reassessments")
    count = next((p for p in stats["phases"] if p["name"] == counted), None)
    if count is None or count.get("bound") is None:
        quality = "–"
    elif count["objective"] >= count["bound"]:
        quality = w["proven"]
    else:
        share = count["objective"] / count["bound"] if count["bound"] else 1.0
        text = f"{share:.1%}"
        quality = w["share"].format(share=text.replace(".", ",") if lang == "nl" else text,
                                    upper=int(count["bound"]))  # fmt: skip
    return {
        "scheduled": stats["scheduled"], "unscheduled": stats["unscheduled"],
        "reasons": [(reason_name(c, lang), n) for c, n in reasons.most_common()],
        "visits": stats["visits"], "location_days": stats["location_days"], "quality": quality,
    }  # fmt: skip


def timeline(plan: dict, provider: str | None) -> dict[str, object]:
    """Consultants × the period's working days; each visit a block that opens to its times."""
    appointments = [a for a in plan["appointments"] if provider in (None, a["provider"])]
    settings = plan["settings"]
    start, end = (date.fromisoformat(settings[k]) for k in ("periode_start", "periode_eind"))
    years = tuple(range(start.year, end.year + 1))
    closed = public_holidays(settings.get("feestdagen", "NL"), years)
    days = [
        d.isoformat()
        for d in (start + timedelta(days=n) for n in range((end - start).days + 1))
        if d.weekday() < 5 and d not in closed
    ]  # the period's working days, as the engine counts them
    cells: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for a in sorted(appointments, key=lambda a: a["start"]):
        cells[(a["consultant"], a["date"])][a["location"]].append(a)
    names = plan.get("consultants", {})
    people = sorted({a["consultant"] for a in plan["appointments"]})
    return {
        "days": [(d, date.fromisoformat(d)) for d in days],
        "rows": [
            (c, names.get(c, {}).get("name", ""), [cells.get((c, d), {}) for d in days])
            for c in people
        ],
    }  # fmt: skip


def _within(root: Path, relative: str) -> Path:
    """``root/relative`` if it is a file inside ``root``; no path from a request escapes it."""
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()) or not target.is_file():
        raise LookupError(relative)
    return target


def create_app(
    data: Path, time_limit: float | None = None, reproducible: bool = False
) -> Starlette:
    """The web application over the plannings in ``data`` (the CLI's options, for tests)."""
    store = Plannings(data, time_limit, reproducible)
    env = Environment(loader=PackageLoader("herplan.app", "templates"),
                      autoescape=select_autoescape(["html"]))  # fmt: skip

    def page(template: str, request: Request, lang: str, status: int = 200, **values) -> Response:
        html = env.get_template(template).render(w=WORDS[lang], lang=lang, request=request,
                                                 **values)  # fmt: skip
        return HTMLResponse(html, status_code=status)

    def missing(request: Request) -> Response:
        return HTMLResponse("Niet gevonden / not found", status_code=404)

    async def home(request: Request) -> Response:
        lang = _lang(request)
        return page("home.html", request, lang, plannings=store.names(), errors=[])

    async def template_file(request: Request) -> Response:
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "herplan-invoer.xlsx"
            write_input_workbook(path)
            return Response(
                path.read_bytes(), media_type=XLSX,
                headers={"Content-Disposition": 'attachment; filename="herplan-invoer.xlsx"'},
            )  # fmt: skip

    async def uploads(request: Request) -> tuple[dict[str, list[tuple[str, bytes]]], str]:
        """The uploaded files per form field, or the word for what is wrong with them."""
        if int(request.headers.get("content-length", 0) or 0) > MAX_UPLOAD_BYTES:
            return {}, "too_big"
        found: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
        async with request.form(max_files=50, max_part_size=MAX_UPLOAD_BYTES) as form:
            for field_name, item in form.multi_items():
                if not isinstance(item, UploadFile) or not item.filename:
                    continue
                name = Path(item.filename).name
                if Path(name).suffix.lower() not in (".xlsx", ".csv"):
                    return {}, "wrong_type"
                found[field_name].append((name, await item.read()))
        return found, ""

    def save_input(folder: Path, files: list[tuple[str, bytes]]) -> Path:
        """Store the upload as the planning's input: one workbook, or a folder of CSV files."""
        target = folder / INPUT
        if files[0][0].lower().endswith(".xlsx"):
            path = target / "invoer.xlsx"
            path.write_bytes(files[0][1])
            return path
        csv_folder = target / "csv"
        shutil.rmtree(csv_folder, ignore_errors=True)
        csv_folder.mkdir(parents=True)
        for name, content in files:
            (csv_folder / name).write_bytes(content)
        return csv_folder

    async def new_planning(request: Request) -> Response:
        lang = _lang(request)
        found, problem = await uploads(request)
        files = found.get("invoer", [])
        if problem or not files:
            return page("home.html", request, lang, 400, plannings=store.names(),
                        errors=error_rows([WORDS[lang][problem or "no_file"]]))  # fmt: skip
        name = store.new_name(files[0][0])
        folder = store.data / name
        (folder / INPUT).mkdir(parents=True)
        path = save_input(folder, files)
        try:
            read_problem(path)
        except InputError as error:
            shutil.rmtree(folder)
            return page("home.html", request, lang, 400, plannings=store.names(),
                        errors=error_rows(error.messages))  # fmt: skip
        store.start(name, path, [])
        return RedirectResponse(f"/p/{name}/bezig?taal={lang}", status_code=303)

    async def busy(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            folder = store.folder(name)
        except LookupError:
            return missing(request)
        lang = _lang(request)
        job = store.jobs.get(name)
        if job is None and _read_plan(folder) is None:  # stopped before its first plan
            return page("busy.html", request, lang, name=name, again=True,
                        errors=error_rows([WORDS[lang]["not_yet"]]))  # fmt: skip
        if job is None or (job.done and not job.error):
            return RedirectResponse(f"/p/{name}?taal={lang}", status_code=303)
        return page("busy.html", request, lang, name=name, errors=error_rows(job.error))

    async def again(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            folder = store.folder(name)
        except LookupError:
            return missing(request)
        store.start(name, _input_of(folder), [])
        return RedirectResponse(f"/p/{name}/bezig?taal={_lang(request)}", status_code=303)

    async def status(request: Request) -> Response:
        name = request.path_params["name"]
        job = store.jobs.get(name)
        if job is None:
            return JSONResponse({"running": False, "done": True, "errors": []})
        lang = _lang(request)
        p = job.progress
        return JSONResponse({
            "running": job.running, "done": job.done, "errors": job.error,
            "phase": phase_words(p.phase, lang) if p else "",
            "planned": p.planned if p else None, "upper": p.upper if p else None,
            "elapsed": round(time.monotonic() - job.started, 1),
            "limit": round(p.limit, 1) if p else None,
        })  # fmt: skip

    async def stop(request: Request) -> Response:
        name = request.path_params["name"]
        job = store.jobs.get(name)
        if job is not None:
            job.stop.set()
        return RedirectResponse(f"/p/{name}/bezig", status_code=303)

    async def planning(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            folder = store.folder(name)
        except LookupError:
            return missing(request)
        plan = _read_plan(folder)
        job = store.jobs.get(name)
        if plan is None or (job is not None and job.running):
            return RedirectResponse(f"/p/{name}/bezig", status_code=303)
        lang = _lang(request, plan)
        provider = request.query_params.get("aanbieder") or None
        out = folder / PLANNING
        kept = out / "revisies"
        revisions = sorted((int(p.name) for p in kept.glob("*") if p.name.isdigit()), reverse=True)
        return page(
            "planning.html", request, lang, name=name, plan=plan, head=headline(plan, lang),
            line=timeline(plan, provider), provider=provider,
            providers=sorted({a["provider"] for a in plan["appointments"]}),
            reason_names={c: reason_name(c, lang) for c in REASON_ORDER},
            files=_listed(out),
            revisions=revisions, errors=error_rows(job.error) if job and job.error else [],
        )  # fmt: skip

    async def download(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            path = _within(store.folder(name) / PLANNING, request.path_params["path"])
        except LookupError:
            return missing(request)
        return FileResponse(path, filename=path.name)

    async def everything(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            out = store.folder(name) / PLANNING
        except LookupError:
            return missing(request)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(out.rglob("*")):
                if path.is_file() and path.relative_to(out).parts[0] != "revisies":
                    archive.write(path, zip_name(path.relative_to(out)))
        disposition = f'attachment; filename="{name}.zip"'
        return Response(
            buffer.getvalue(), media_type="application/zip",
            headers={"Content-Disposition": disposition},
        )  # fmt: skip

    async def rerun(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            folder = store.folder(name)
        except LookupError:
            return missing(request)
        lang = _lang(request, _read_plan(folder))
        found, problem = await uploads(request)
        if problem:
            return page("busy.html", request, lang, 400, name=name,
                        errors=error_rows([WORDS[lang][problem]]))  # fmt: skip
        new_input, returned = found.get("invoer", []), found.get("teruggestuurd", [])
        job = store.jobs.get(name)
        if job is not None and job.running:
            return page("busy.html", request, lang, 409, name=name,
                        errors=error_rows([WORDS[lang]["busy_other"]]))  # fmt: skip
        path = save_input(folder, new_input) if new_input else _input_of(folder)
        back = folder / INPUT / RETURNED / str(int(time.time() * 1000))
        back.mkdir(parents=True)
        feedback = []
        for file_name, content in returned:
            (back / file_name).write_bytes(content)
            feedback.append(back / file_name)
        if not store.start(name, path, feedback):
            return page("busy.html", request, lang, 409, name=name,
                        errors=error_rows([WORDS[lang]["busy_other"]]))  # fmt: skip
        return RedirectResponse(f"/p/{name}/bezig?taal={lang}", status_code=303)

    return Starlette(
        routes=[
            Route("/", home),
            Route("/sjabloon", template_file),
            Route("/nieuw", new_planning, methods=["POST"]),
            Route("/p/{name}", planning),
            Route("/p/{name}/bezig", busy),
            Route("/p/{name}/status", status),
            Route("/p/{name}/stop", stop, methods=["POST"]),
            Route("/p/{name}/opnieuw", again, methods=["POST"]),
            Route("/p/{name}/wijzigingen", rerun, methods=["POST"]),
            Route("/p/{name}/alles.zip", everything),
            Route("/p/{name}/bestand/{path:path}", download),
        ]
    )


def _listed(out: Path) -> list[str]:
    """The files of the current revision a planner downloads (not the history or the outbox)."""
    return sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.relative_to(out).parts[0] not in ("revisies", "uitgaand")
    )


def zip_name(relative: Path) -> str:
    """A provider's files together in the zip: ``aanbieders/<naam>/`` with its cancellations."""
    parts = relative.parts
    if parts[0] != "aanbieders" or len(parts) < 2:
        return relative.as_posix()
    if parts[1] == "geannuleerd" and len(parts) == 4:  # aanbieders/geannuleerd/<naam>/<file>
        return f"aanbieders/{parts[2]}/geannuleerd/{parts[3]}"
    if len(parts) == 2:
        return f"aanbieders/{relative.stem}/{parts[1]}"
    return relative.as_posix()


def _input_of(folder: Path) -> Path:
    xlsx = folder / INPUT / "invoer.xlsx"
    return xlsx if xlsx.is_file() else folder / INPUT / "csv"
