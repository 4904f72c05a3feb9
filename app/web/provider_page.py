"""A provider answers online (README, Answers online): ``/a/<token>``.

The link in the provider's e-mail opens its own appointments in the current
revision, the same as its workbook shows, and nothing of anyone else's. Per
appointment it answers ``ja``, ``nee`` or ``zelfde dag, andere tijd`` with a
remark; each answer is stored at once (``app.stores.answers``) and can be changed
until the planner reruns. A token that opens nothing (unknown, revoked, of an
earlier revision or past the period) gets the same 404 as any other, after the
same work; every provider request is counted against a rate limit per address.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import cast
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from herplan import clock
from herplan.app.stores.answers import ANSWERS, FILE, AnswerStore, Closed, Link
from herplan.app.web import audit, provider_weeks
from herplan.app.web.forms import Form, Refused, read_form
from herplan.app.web.planning_request import NoSuchPlanning, named
from herplan.app.web.planning_sections import day_label
from herplan.app.web.render import page
from herplan.app.web.state import PLANNING, Plannings
from herplan.app.web.words import WORDS, section
from herplan.calendar import add_working_days
from herplan.digits import whole_number
from herplan.domain.appointment import Appointment, is_held
from herplan.io.errors import InputError
from herplan.io.plan_reader import SavedPlan, read_plan
from herplan.io.previous import read_previous
from herplan.io.sentences import weekday_date
from herplan.scheduler.timing import hhmm

REQUESTS_PER_MINUTE = 60
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RateLimit:
    """At most ``per_minute`` requests per client address in any minute."""

    def __init__(self, per_minute: int = REQUESTS_PER_MINUTE) -> None:
        self.per_minute = per_minute
        self.seen: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def allows(self, address: str) -> bool:
        now = time.monotonic()
        with self.lock:
            times = self.seen.setdefault(address, deque())
            while times and times[0] <= now - 60:
                times.popleft()
            if len(times) >= self.per_minute:
                return False
            times.append(now)
            return True


@dataclass
class Opened:
    """What a valid token opens: one provider's appointments in one planning."""

    name: str  # the planning
    folder: Path
    link: Link
    plan: SavedPlan
    appointments: list[Appointment]
    store: AnswerStore
    today: date

    def held(self, a: Appointment) -> bool:
        """Held already (on or before today): shown, no answer asked (README, Today)."""
        return is_held(a.day, self.today)


@dataclass
class Gone:
    """A link that no longer opens (renewed, or the period ended), with the plan it
    belonged to: its page speaks the provider's language and names the planner."""

    closed: Closed
    plan: SavedPlan


def opened(plannings: Plannings, token: str) -> Opened | Gone | None:
    """The planning and provider ``token`` opens (always its current revision). Every
    planning's store is asked, whichever holds it, so an unknown token takes as long
    as a known one."""
    found: Opened | Gone | None = None
    today = plannings.config.today()
    for name in plannings.names():
        folder = plannings.data / name
        if not (folder / FILE).is_file() or not (folder / PLANNING / "plan.json").is_file():
            continue
        try:
            previous = read_previous(folder / PLANNING / "plan.json")
        except InputError:
            continue
        store = AnswerStore(folder / FILE)
        link = store.opened_by(token[:100], previous.revision, today)
        if link is None or found is not None:
            continue
        plan = read_plan(folder / PLANNING)
        if plan is None:
            continue
        if isinstance(link, Closed):
            found = Gone(link, plan)
            continue
        mine = [a for a in previous.appointments if a.provider == link.provider]
        found = Opened(name, folder, link, plan, sorted(mine, key=_order), store, today)
    return found


def _order(a: Appointment) -> tuple:
    return (a.day, a.start, a.location, a.dossier)


NOT_FOUND = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Niet gevonden / Not found</title>
<link rel="stylesheet" href="/static/herplan.css"></head>
<body class="provider"><main>
<h1>Niet gevonden</h1>
<p>Deze link opent niets. Controleer of u de hele link uit de e-mail hebt gebruikt, of vraag de
planner om een nieuwe link.</p>
<h1 lang="en">Not found</h1>
<p lang="en">This link opens nothing. Check that you used the whole link from the e-mail, or ask
the planner for a new link.</p>
</main></body></html>
"""


def not_found() -> Response:
    """The one answer for every token that opens nothing: bilingual, made for a phone."""
    return HTMLResponse(NOT_FOUND, status_code=404)


def closed_page(request: Request, gone: Gone) -> Response:
    """A renewed or expired link: what happened and how to reach the planner (410)."""
    lang = plan_language(request, gone.plan)
    s = gone.plan.settings
    contact = [s.planner_name, s.planner_phone, s.planner_email]
    return page(
        request,
        "provider_closed.html",
        lang,
        410,
        provider=gone.closed.provider,
        why=gone.closed.why,
        contact=[c for c in contact if c],
        email=s.planner_email,
    )


def rate_limited(request: Request) -> Response | None:
    limit: RateLimit = request.app.state.answer_limit
    address = request.client.host if request.client else ""
    if limit.allows(address):
        return None
    return HTMLResponse(
        "Te veel verzoeken; probeer het over een minuut opnieuw. / Too many "
        "requests; try again in a minute.",
        status_code=429,
    )


def opened_by_request(request: Request) -> Opened | Response:
    """What the request's token opens, or the answer to give: 429 past the rate limit,
    404 for a token that opens nothing."""
    limited = rate_limited(request)
    if limited is not None:
        return limited
    found = opened(request.app.state.plannings, request.path_params["token"])
    if isinstance(found, Gone):
        return closed_page(request, found)
    return found if found is not None else not_found()


async def provider_form(request: Request) -> tuple[Opened, Form] | Response:
    """A provider's posted form with what its token opens, or the answer to give."""
    found = opened_by_request(request)
    if isinstance(found, Response):
        return found
    try:
        return found, await read_form(request)
    except Refused:
        return HTMLResponse("Geweigerd / refused", status_code=403)


def appointment_key(a: Appointment) -> str:
    """The appointment as a page showed it (``JJJJ-MM-DD@HH:MM``), posted back with an
    answer so that one given on a page from before a rerun is never applied to the time
    the rerun gave it, or to another client."""
    return f"{a.day.isoformat()}@{hhmm(a.start)}"


def shown_as(a: Appointment, fields: dict[str, str], require: bool = False) -> bool:
    """Does the posted form speak of ``a`` as it is now (same client, same time)?"""
    shown = fields.get("afspraak")
    if shown is None:
        return not require
    return shown == appointment_key(a) and fields.get("dossier", a.dossier) == a.dossier


def changed_since(lang: str, token: str) -> Response:
    """409: the planning changed since the page was opened; nothing is stored."""
    w = section(lang, "web_")
    text, back = w["answer_changed"], w["corr_back"]
    return HTMLResponse(
        f'<!doctype html><html lang="{lang}"><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width"><p id="changed">'
        f'{text}</p><p><a href="/a/{token}?taal={lang}">{back}</a></p>',
        status_code=409,
    )


def plan_language(request: Request, plan: SavedPlan | None) -> str:
    asked = request.query_params.get("taal", "")
    if asked in WORDS:
        return asked
    taal = plan.settings.language if plan is not None else ""
    return taal if taal in WORDS else "nl"


def _rows(found: Opened, lang: str) -> list[dict[str, object]]:
    """The provider's appointments as its workbook shows them, with the answer given."""
    names = {cid: p.name for cid, p in found.plan.consultants.items()}
    given = found.store.latest(found.link.provider)
    w = section(lang, "")
    rows = []
    for n, a in enumerate(found.appointments, start=1):
        answer = given.get(a.dossier)
        current = answer is not None and (answer.revision, answer.day, answer.start) == (
            found.link.revision,
            a.day,
            a.start,
        )
        rows.append(
            {
                "n": n,
                "dossier": a.dossier,
                "client": a.client,
                "day": weekday_date(a.day, lang),
                "time": f"{hhmm(a.start)}–{hhmm(a.end)}",
                "location": a.location,
                "consultant": names.get(a.consultant, a.consultant),
                "begeleider": a.begeleider,
                "with": w.get(f"with_{a.with_}", a.with_),
                "answer": answer.answer if current and answer else "",
                "remark": answer.remark if current and answer else "",
                "choice": _readable(answer.choice, names, lang) if current and answer else "",
                "held": found.held(a),
                "date": a.day,
                "shown": appointment_key(a),
            }
        )
    return rows


def _deadline(found: Opened, lang: str) -> str:
    settings = found.plan.settings
    days = settings.answer_workdays
    issued = min(found.link.issued or found.today, found.today)  # never after today
    return weekday_date(max(add_working_days(issued, days, settings), found.today), lang)


async def provider_page(request: Request) -> Response:
    """GET ``/a/<token>``: the provider's appointments and its answers."""
    found = opened_by_request(request)
    if isinstance(found, Response):
        return found
    lang = plan_language(request, found.plan)
    answered = request.query_params.get("opgeslagen")
    rows = _rows(found, lang)
    who = request.query_params.get(provider_weeks.FILTER, "")
    shown = [r for r in rows if who in ("", r["begeleider"])]
    grouped = provider_weeks.weeks(shown, found.today)
    ordered = [r for week in grouped for r in cast(list, week["rows"])]
    return page(
        request,
        "provider.html",
        lang,
        provider=found.link.provider,
        weeks=grouped,
        deadline=_deadline(found, lang),
        answers=ANSWERS,
        token=request.path_params["token"],
        saved=answered if whole_number(answered) is not None else "",
        any=bool(rows),
        begeleiders=provider_weeks.begeleiders(rows),
        who=who,
        first_open=provider_weeks.first_open(ordered),
        counted=(sum(1 for r in rows if r["answer"]), sum(1 for r in rows if not r["held"])),
    )


async def provider_answer(request: Request) -> Response:
    """POST ``/a/<token>``: one answer, stored at once; back to the page."""
    posted = await provider_form(request)
    if isinstance(posted, Response):
        return posted
    found, form = posted
    token, lang = request.path_params["token"], plan_language(request, found.plan)
    mine = {a.dossier: (n, a) for n, a in enumerate(found.appointments, start=1)}
    dossier, answer = form.fields.get("dossier", ""), form.fields.get("antwoord", "")
    if dossier not in mine:  # another provider's, or no appointment at all
        if "afspraak" in form.fields:  # a page that showed it, before a rerun took it away
            return changed_since(lang, token)
        return not_found()
    if answer not in ANSWERS:
        return HTMLResponse(section(lang, "web_")["answer_missing"], status_code=400)
    n, appointment = mine[dossier]
    if found.held(appointment):
        return HTMLResponse(section(lang, "web_")["answer_held"], status_code=400)
    if not shown_as(appointment, form.fields):
        return changed_since(lang, token)
    found.store.answer(
        appointment, found.link.revision, answer, form.fields.get("opmerking", ""), "online"
    )
    audit.record(
        request,
        "answer",
        planning=found.name,
        provider=found.link.provider,
        dossier=dossier,
        answer=answer,
        revision=found.link.revision,
    )
    kept = urlencode(
        {
            "taal": lang,
            "opgeslagen": n,
            **(
                {provider_weeks.FILTER: who}
                if (who := form.fields.get(provider_weeks.FILTER, ""))
                else {}
            ),
        }
    )
    return RedirectResponse(f"/a/{token}?{kept}#afspraak-{n}", status_code=303)


# --- the planner's side ----------------------------------------------------------------


def overview(folder: Path, base: str, lang: str) -> list[dict[str, object]]:
    """Per provider of the current revision: its link, how many of its appointments
    are answered, and every answer (an outdated one marked so)."""
    from herplan.app.links import planning_links

    planning = folder / PLANNING
    previous = read_previous(planning / "plan.json")
    store = AnswerStore(folder / FILE)
    given = store.latest()
    w = section(lang, "web_")
    rows = []
    for link, url in planning_links(planning, base):
        mine = [a for a in previous.appointments if a.provider == link.provider]
        answers = []
        for a in sorted(mine, key=_order):
            answer = given.get(a.dossier)
            if answer is None or answer.processed:  # taken by a rerun: its change is listed
                continue
            outdated = (answer.revision, answer.day, answer.start) != (
                link.revision,
                a.day,
                a.start,
            )
            answers.append(
                {
                    "dossier": a.dossier,
                    "answer": w[f"answer_{answer.answer}"],
                    "code": answer.answer,
                    "remark": answer.remark,
                    "given": _moment(answer.given, lang),
                    "outdated": outdated,
                }
            )
        current = sum(1 for x in answers if not x["outdated"])
        stem = previous.file_names.get("aanbieders", {}).get(link.provider)
        rows.append(
            {
                "provider": link.provider,
                "url": url,
                "total": len(mine),
                "answered": current,
                "answers": answers,
                "file": stem,
            }
        )
    return rows


def _moment(when: datetime, lang: str) -> str:
    """When an answer came in, Dutch time, in the page's one date style."""
    dutch = clock.dutch(when)
    return f"{day_label(dutch.date(), lang)} {dutch:%H:%M}"


async def renew_link(request: Request) -> Response:
    """POST ``/p/<naam>/link``: a new link for one provider; the old one stops working."""
    from herplan.app.links import renew_link

    try:
        name, folder = named(request)
        form = await read_form(request)
        provider = form.fields.get("aanbieder", "")
        renew_link(folder / PLANNING, provider)
    except (NoSuchPlanning, InputError):
        return not_found()
    except Refused:
        return HTMLResponse("Geweigerd / refused", status_code=403)
    audit.record(request, "renew_link", planning=name, provider=provider)
    lang = request.query_params.get("taal", "nl")
    return RedirectResponse(
        f"/p/{name}?taal={lang if lang in WORDS else 'nl'}#antwoorden", status_code=303
    )


def _readable(place: str, names: dict[str, str], lang: str) -> str:
    """``2026-12-09@AB05@10:00`` as ``woensdag 9 december, 10:00, A. Bouzid``."""
    if not place:
        return ""
    day, consultant, start = place.split("@")
    name = names.get(consultant, consultant)
    return f"{weekday_date(date.fromisoformat(day), lang)}, {start}, {name}"


async def answered_download(request: Request) -> Response:
    """GET ``/p/<naam>/antwoorden/<aanbieder>.xlsx``: a provider's workbook with its online
    answers filled in, as if it had sent it back."""
    from starlette.concurrency import run_in_threadpool

    from herplan.io.answer_export import answered_workbook

    stem = request.path_params["stem"]
    try:
        name, folder = named(request)
    except NoSuchPlanning:
        return not_found()
    previous = read_previous(folder / PLANNING / "plan.json")
    owners = {v: k for k, v in previous.file_names.get("aanbieders", {}).items()}
    path = folder / PLANNING / "aanbieders" / f"{stem}.xlsx"
    if stem not in owners or not path.is_file() or not (folder / FILE).is_file():
        return not_found()
    provider = owners[stem]
    answers = AnswerStore(folder / FILE).latest(provider)
    current = {a.dossier: a for a in previous.appointments if a.provider == provider}
    lang = plan_language(request, read_plan(folder / PLANNING))
    content = await run_in_threadpool(answered_workbook, path, answers, current, lang)
    audit.record(request, "download", planning=name, file=f"antwoorden/{stem}.xlsx")
    return Response(
        content,
        media_type=XLSX,
        headers={"content-disposition": f'attachment; filename="{stem}-antwoorden.xlsx"'},
    )
