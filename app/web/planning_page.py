"""The planning page (``/p/<naam>``): everything a planner reads of one planning, under its
filter.

The handlers of ``planning_runs``, ``hand_moves`` and ``sending`` end here, with the page
as it is or with one message on top.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from herplan.app.web import leading, outbox_section, provider_page
from herplan.app.web.planning_request import named, plannings
from herplan.app.web.planning_sections import (
    PLACE,
    PageFilter,
    choices,
    day_heads,
    day_label,
    download_cards,
    error_rows,
    failure_rows,
    figures,
    filtered,
    history,
    revisions,
    timeline,
    working_days,
)
from herplan.app.web.render import language, page, problem_page
from herplan.app.web.search_hits import search_hits
from herplan.app.web.state import PLANNING
from herplan.app.web.what_helps import what_helps
from herplan.app.web.words import section
from herplan.domain.codes import CorrectionStatus
from herplan.findings import Finding
from herplan.io import hand_moves
from herplan.io.finding_words import render
from herplan.io.plan_reader import SavedPlan, read_plan
from herplan.io.sentences import reason_name
from herplan.scheduler.explain import REASON_ORDER


async def planning(request: Request) -> Response:
    """``/p/<naam>``: the planning page; the busy page while it plans or before its first plan."""
    name, folder = named(request)
    store = plannings(request)
    plan = read_plan(folder / PLANNING)
    job = store.jobs.get(name)
    if plan is None or (job is not None and job.running):
        return RedirectResponse(f"/p/{name}/bezig?taal={language(request)}", status_code=303)
    return await planning_page(request, name, folder, plan, language(request, plan))


async def planning_page(
    request: Request,
    name: str,
    folder: Path,
    plan: SavedPlan,
    lang: str,
    status: int = 200,
    **extra: object,
) -> Response:
    """The planning page under its filter (``views.PageFilter``): figures, timeline, moves
    by hand, what is not planned, changes, answers, sending and the files. Built in a
    worker thread: a region's outbox, answers and timeline take a moment, and the provider
    pages must keep answering meanwhile."""
    return await run_in_threadpool(_planning_page, request, name, folder, plan, lang, status, extra)


def said(note: Finding, names: dict[str, str], lang: str) -> str:
    """A rerun's note in the page's language, a place in it as the planner reads one."""
    values = tuple(
        (k, place_words(v, names, lang) if isinstance(v, str) and PLACE.fullmatch(v) else v)
        for k, v in note.values
    )
    return render(replace(note, values=values), lang)


def _planning_page(
    request: Request,
    name: str,
    folder: Path,
    plan: SavedPlan,
    lang: str,
    status: int,
    extra: dict[str, object],
) -> Response:
    store = plannings(request)
    job = store.jobs.get(name)
    f = PageFilter.of(request.query_params)
    shown = filtered(plan, f)
    planning = folder / PLANNING
    hand = hand_moves.pending(folder)
    outbox = outbox_section.outbox(planning, store.config.today())
    answers = provider_page.overview(folder, store.config.base_url, lang)
    sent = outbox_section.last_report(request, lang)
    names = {c: p.name for c, p in plan.consultants.items()}
    not_taken = [said(c, names, lang) for c in plan.answer_conflicts]
    return page(
        request,
        "planning.html",
        lang,
        status,
        name=name,
        plan=plan,
        head=figures(plan, shown, f, lang),
        shown=shown,
        line=timeline(plan, f, lang),
        filter=f,
        offered=choices(plan),
        days_all=day_heads([d.isoformat() for d in working_days(plan)], lang),
        reason_names={code: reason_name(code, lang) for code in REASON_ORDER},
        cards=download_cards(planning, plan, f),
        revisions=revisions(planning),
        history=history(planning),
        **_hand_shown(hand, names, lang),
        moved_now=request.query_params.get("verplaatst", ""),
        outbox=outbox,
        mail=outbox_section.settings_shown(store.data),
        sent=sent,
        answers=answers,
        corrections_open=open_corrections(planning),
        not_taken=not_taken,
        **_leads(request, folder, plan, outbox, sent, answers, len(not_taken), lang),
        empty=not plan.appointments and not plan.unscheduled,
        hits=search_hits(plan, f, lang),
        helps=what_helps(plan, lang),
        errors=extra.pop("errors", None)
        or (failure_rows(job.error, lang) if job and job.error else []),
        **extra,
    )


def _hand_shown(hand: list[hand_moves.HandMove], names: dict[str, str], lang: str) -> dict:
    """The moves by hand waiting for the next rerun: where each goes, which visit each
    arrives in, and where an appointment it shifts goes."""
    places = {
        spec: place_words(spec, names, lang)
        for e in hand
        for spec in (e.place, e.before, *(s.split("=", 1)[1] for s in e.shifted))
        if spec
    }
    arrivals: dict[str, list[tuple[str, str]]] = {}
    for e in hand:
        day, consultant, start = e.place.split("@")
        arrivals.setdefault(f"{consultant}@{day}", []).append((e.dossier, start))
    words = section(lang, "web_")
    shifts = {
        e.dossier: ", ".join(
            words["shifts_to"].format(dossier=s.split("=", 1)[0], where=places[s.split("=", 1)[1]])
            for s in e.shifted
        )
        for e in hand
    }
    pending = {e.dossier: e.place for e in hand}
    return {
        "hand": hand,
        "pending": pending,
        "places": places,
        "arrivals": arrivals,
        "shifts": shifts,
    }


def _leads(
    request: Request,
    folder: Path,
    plan: SavedPlan,
    outbox: dict[str, object],
    sent: dict | None,
    answers: list[dict[str, object]],
    not_taken: int,
    lang: str,
) -> dict[str, object]:
    """What the top of the page says: what just happened (a rerun, a send) and what waits."""
    planning, today = folder / PLANNING, plannings(request).config.today()
    just_planned = request.query_params.get("gepland") == "1"
    pending = int(str(outbox["pending"]))
    banner = leading.rerun_banner(folder, plan, pending, lang, not_taken) if just_planned else ""
    return {
        "sent_text": leading.sent_banner(sent, lang) if sent else "",
        "new_answers": leading.new_answers(answers),
        "banner": banner,
        "send_preview": leading.send_preview(planning, today, lang) if pending else "",
    }


def open_corrections(planning: Path) -> int:
    """How many providers' corrections wait for the planner (README, Corrections)."""
    from herplan.app.stores.corrections import FILE, CorrectionStore

    store = planning.parent / FILE
    return (
        len(CorrectionStore(store).listed(status=CorrectionStatus.OPEN)) if store.is_file() else 0
    )


def place_words(spec: str, names: dict[str, str], lang: str) -> str:
    """``2026-12-09@AB05@10:00`` as ``wo 09-12-2026 10:00, AB05 A. Bouzid``."""
    day, consultant, start = spec.split("@")
    return f"{day_label(day, lang)} {start}, {consultant} {names.get(consultant, '')}".strip()


async def planning_problem(
    request: Request, name: str, lang: str, status: int, word: str
) -> Response:
    """The planning page with one message of the page's words on top (the busy page when
    there is no plan to show yet)."""
    folder = named(request).folder
    plan = read_plan(folder / PLANNING)
    if plan is None:
        return problem_page(request, "busy.html", lang, status, word, name=name)
    said = error_rows([section(lang, "web_")[word]])
    return await planning_page(request, name, folder, plan, lang, status=status, errors=said)
