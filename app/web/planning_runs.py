"""A planning's runs: watch one (the busy page), stop it, plan again, rerun with what is
pending, delete the planning.

Each handler is a plain function of the request; what it needs lives on
``request.app.state`` (``plannings``, ``config``, ``templates``). Reading a workbook,
suggesting and checking a move run in a child process (``ask_worker``), never on the
event loop, so the page keeps answering while a large or crafted file is looked at.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import date
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from herplan.app.stores.answers import FILE as ANSWERS_FILE
from herplan.app.web import audit
from herplan.app.web.forms import (
    Refused,
    adopt_input,
    discard,
    input_of,
    read_form,
    save_returned,
    stage_input,
)
from herplan.app.web.planning_page import planning_problem
from herplan.app.web.planning_request import named, plannings, posted
from herplan.app.web.planning_sections import (
    error_rows,
    failure_rows,
)
from herplan.app.web.render import language, page, problem_page
from herplan.app.web.state import PLANNING, Run
from herplan.io import hand_moves
from herplan.io.plan_reader import read_plan
from herplan.io.sentences import phase_words


async def ask_worker(*args: str, seconds: float, today: date) -> dict | None:
    """Run ``worker`` with ``args`` as of ``today`` in a child process; its last JSON line,
    or ``None`` when it said nothing or took longer than ``seconds`` (then it is stopped)."""
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "herplan.app.web.worker",
        *args,
        "--today",
        today.isoformat(),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, _err = await asyncio.wait_for(child.communicate(), seconds)
    except TimeoutError:
        child.kill()
        await child.wait()
        return None
    lines = out.decode().strip().splitlines()
    return json.loads(lines[-1]) if lines else None


def _to(name: str, lang: str, page_name: str = "") -> RedirectResponse:
    return RedirectResponse(f"/p/{name}{page_name}?taal={lang}", status_code=303)


async def busy(request: Request) -> Response:
    name, folder = named(request)
    store = plannings(request)
    lang = language(request)
    job = store.jobs.get(name)
    if job is None and read_plan(folder / PLANNING) is None:  # stopped before its first plan
        return problem_page(request, "busy.html", lang, 200, "not_yet", name=name, again=True)
    if job is None or (job.done and not job.error):
        return RedirectResponse(f"/p/{name}?taal={lang}&gepland=1", status_code=303)
    failed = job.done and bool(job.error)
    if failed and read_plan(folder / PLANNING) is None:  # nothing to go back to: plan again
        said = failure_rows(job.error, lang)
        return page(request, "busy.html", lang, name=name, errors=said, again=True)
    said = failure_rows(job.error, lang) if failed else error_rows(job.error, lang)
    return page(request, "busy.html", lang, name=name, failed=failed, errors=said)


async def status(request: Request) -> Response:
    name, _folder = named(request)
    job = plannings(request).jobs.get(name)
    if job is None:
        return JSONResponse({"running": False, "done": True, "errors": []})
    lang = language(request)
    p = job.progress
    return JSONResponse(
        {
            "running": job.running,
            "done": job.done,
            "errors": job.error,
            "phase": phase_words(p.phase, lang) if p else "",
            "planned": p.planned if p else None,
            "upper": p.upper if p else None,
            "elapsed": round(time.monotonic() - job.started, 1),
            "limit": round(p.limit, 1) if p else None,
        }
    )


async def stop(request: Request) -> Response:
    name, _folder = named(request)
    lang = language(request)
    try:
        await read_form(request)
    except Refused as refused:
        return problem_page(request, "busy.html", lang, refused.status, refused.word, name=name)
    if plannings(request).stop(name):
        audit.record(request, "stop", planning=name)
    return _to(name, lang, "/bezig")


async def again(request: Request) -> Response:
    name, folder = named(request)
    lang = language(request)
    store = plannings(request)
    try:
        await read_form(request)
    except Refused as refused:
        return problem_page(request, "busy.html", lang, refused.status, refused.word, name=name)
    if store.start(name, pending_run(folder)):
        audit.record(request, "again", planning=name)
    return _to(name, lang, "/bezig")


def pending_run(
    folder: Path,
    staged: Path | None = None,
    returned: list[Path] | None = None,
    choose: list[str] | None = None,
) -> Run:
    """A rerun that takes everything pending (README, Web page): the online answers, the
    moves by hand, the returned workbooks and a chosen option, whichever button
    started it. Once it planned, the changed input becomes the planning's and the
    moves it pinned leave the list; a failed run keeps nothing of what it was sent."""
    rerun = (folder / PLANNING / "plan.json").is_file()  # answers and moves need a plan
    by_hand = hand_moves.pending(folder) if rerun else []
    returned = returned or []

    def afterwards(written: bool) -> None:
        if written and staged is not None:
            adopt_input(folder, staged)
        if written:
            hand_moves.taken(folder, by_hand)
        else:
            discard(staged, returned)

    online = folder / ANSWERS_FILE
    return Run(
        staged or input_of(folder),
        returned,
        choose=choose or [],
        afterwards=afterwards,
        answers=online if rerun and online.is_file() else None,
        hand=[e.spec for e in by_hand],
        hand_reasons=[f"{e.dossier}={e.reason}" for e in by_hand if e.reason],
    )


async def rerun(request: Request) -> Response:
    got = await posted(request)
    if isinstance(got, Response):
        return got
    name, folder, lang, form, store = got.name, got.folder, got.lang, got.form, plannings(request)
    job = store.jobs.get(name)
    if job is not None and job.running:
        return problem_page(request, "busy.html", lang, 409, "busy_other", name=name)
    new_input = form.files.get("invoer", [])
    staged = stage_input(folder, new_input) if new_input else None
    returned = save_returned(folder, form.files.get("teruggestuurd", []))
    run = pending_run(folder, staged, returned)
    if not store.start(name, run):
        assert run.afterwards is not None
        run.afterwards(False)
        return problem_page(request, "busy.html", lang, 409, "busy_other", name=name)
    audit.record(
        request,
        "rerun",
        planning=name,
        input=bool(new_input),
        by_hand=len(run.hand),
        returned=[f for f, _ in form.files.get("teruggestuurd", [])],
    )
    return _to(name, lang, "/bezig")


async def delete(request: Request) -> Response:
    """Delete a planning with everything in it, once its name is typed to confirm."""
    got = await posted(request)
    if isinstance(got, Response):
        return got
    name, lang, form, store = got.name, got.lang, got.form, plannings(request)
    job = store.jobs.get(name)
    if job is not None and job.running:
        return problem_page(request, "busy.html", lang, 409, "busy_other", name=name)
    if form.fields.get("bevestig", "").strip() != name:
        return await planning_problem(request, name, lang, 400, "delete_confirm")
    store.remove(name)
    store.jobs.pop(name, None)
    audit.record(request, "delete", planning=name)
    return RedirectResponse(f"/?taal={lang}&verwijderd={name}", status_code=303)
