"""The home page: the plannings, the input template, and a new planning from an upload.

The uploaded workbook is read in a child process (``worker check``), never on the event
loop, so the page keeps answering while a large or crafted file is looked at.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from herplan.app.web import audit
from herplan.app.web.forms import Refused, read_form, save_input
from herplan.app.web.planning_request import plannings
from herplan.app.web.planning_runs import ask_worker
from herplan.app.web.planning_sections import error_rows, listing
from herplan.app.web.render import language, page, problem_page
from herplan.app.web.state import Plannings, Run
from herplan.io.input_writer import write_input_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHECK_SECONDS = 120  # reading a region's workbook takes a few; a crafted one is stopped


async def check_input(path: Path, today: date) -> dict:
    """The input read in a child process (``worker check``): its errors, if any."""
    checked = await ask_worker("check", str(path), seconds=CHECK_SECONDS, today=today)
    return checked if checked is not None else {"errors": [], "too_big": True}


async def home(request: Request) -> Response:
    lang = language(request)
    store = plannings(request)
    gone = request.query_params.get("verwijderd", "")
    return page(
        request,
        "home.html",
        lang,
        plannings=_listed(store, lang),
        deleted=gone if gone and gone not in store.names() else "",
    )


def _listed(store: Plannings, lang: str) -> list[dict[str, object]]:
    """The plannings as the home page lists them (also under an upload's error)."""
    running = {name for name, job in store.jobs.items() if job.running}
    return listing(store.data, store.names(), running, lang)


def as_uploaded(findings: list[dict], kept: Path, uploaded: str) -> list[dict]:
    """The check's findings naming the file the planner uploaded, not the name it is
    kept under (``invoer.xlsx``)."""
    return [_uploaded(f, kept, uploaded) for f in findings]


def _uploaded(finding: dict, kept: Path, uploaded: str) -> dict:
    subject = finding.get("subject", {})
    if subject.get("file") == kept.name:
        return {**finding, "subject": {**subject, "file": uploaded}}
    text = finding.get("values", {}).get("text")
    if isinstance(text, str) and text.startswith(kept.name):  # a message of its own
        return {**finding, "values": {"text": uploaded + text[len(kept.name) :]}}
    return finding


async def template_file(request: Request) -> Response:
    def build() -> bytes:
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "herplan-invoer.xlsx"
            write_input_workbook(path)
            return path.read_bytes()

    content = await run_in_threadpool(build)
    disposition = 'attachment; filename="herplan-invoer.xlsx"'
    return Response(content, media_type=XLSX, headers={"Content-Disposition": disposition})


async def new_planning(request: Request) -> Response:
    lang = language(request)
    store = plannings(request)
    listed = _listed(store, lang)
    try:
        form = await read_form(request)
    except Refused as refused:
        return problem_page(
            request, "home.html", lang, refused.status, refused.word, plannings=listed
        )
    files = form.files.get("invoer", [])
    if not files:
        return problem_page(request, "home.html", lang, 400, "no_file", plannings=listed)
    name, folder = store.new_folder(files[0][0])
    path = save_input(folder, files)
    checked = await check_input(path, request.app.state.config.today())
    if checked.get("unpacks_to") or checked.get("too_big") or checked["errors"]:
        store.remove(name)
    if checked.get("unpacks_to"):  # a crafted file: said in the page's own words
        return problem_page(
            request,
            "home.html",
            lang,
            400,
            "unpacks_to",
            {"mb": checked["unpacks_to"]},
            plannings=listed,
        )
    if checked.get("too_big"):
        return problem_page(request, "home.html", lang, 400, "too_big", plannings=listed)
    if checked["errors"]:
        return page(
            request,
            "home.html",
            lang,
            400,
            plannings=listed,
            errors=error_rows(as_uploaded(checked["errors"], path, files[0][0]), lang),
        )
    store.start(name, Run(path))
    audit.record(request, "upload", planning=name, files=[f for f, _ in files])
    return RedirectResponse(f"/p/{name}/bezig?taal={lang}", status_code=303)
