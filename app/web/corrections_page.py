"""Corrections on the web page (README, Corrections).

The provider's side, ``/a/<token>/gegevens``: every client of that provider on
the planning's input, planned or not, with what the input says and a form per
kind of correction; ``POST /a/<token>/correcties`` (``dossier``, ``soort``,
``waarde`` and the form token) stores one proposal at once or says why not. The
planner's side, ``/p/<naam>/correcties``: the proposals per provider, what the
input says beside what the provider says, with *Overnemen* and *Afwijzen*; taking
writes a new revision of the input (the previous one kept in ``invoer/eerder/``),
which the next *Opnieuw plannen* plans from. Nothing a provider proposes
changes the plan before the planner takes it.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from herplan import clock
from herplan.app.correction_taking import decide, problem_of, propose, store_for
from herplan.app.web import audit
from herplan.app.web.forms import adopt_input, input_of, stage_input
from herplan.app.web.planning_request import named, posted
from herplan.app.web.provider_page import (
    XLSX,
    Opened,
    opened_by_request,
    plan_language,
    provider_form,
)
from herplan.app.web.render import language, missing, page
from herplan.app.web.state import INPUT, PLANNING
from herplan.app.web.words import WORDS
from herplan.corrections import KINDS, REASONS, Correction, missing_value
from herplan.domain.codes import CorrectionKind, CorrectionStatus
from herplan.domain.problem import Problem, Reassessment
from herplan.io.errors import InputError
from herplan.io.plan_reader import read_plan
from herplan.io.sentences import long_date, refusal_text, weekday_date
from herplan.scheduler.timing import hhmm

EARLIER = "eerder"  # invoer/eerder/: the input as it was before each decision
TYPED = (CorrectionKind.OUT_OF_CARE, CorrectionKind.UNAVAILABLE)  # posted as waarde itself


def _problem(folder: Path, today: date) -> Problem:
    return problem_of(input_of(folder), today)


def _value_from_parts(fields: dict[str, str]) -> str:
    """The page's fields as one ``waarde`` (scripts post ``waarde`` itself)."""
    kind = fields.get("soort", "")
    if fields.get("waarde", "").strip() or kind in TYPED:
        return fields.get("waarde", "")
    if kind == CorrectionKind.SUPPORT_PLAN:
        day = fields.get("datum", "").strip()
        return f"verwacht {day}" if fields.get("wanneer") == "verwacht" else day
    if kind == CorrectionKind.SUPPORT_WORKER:
        return f"{fields.get('naam', '').strip()} <{fields.get('email', '').strip()}>"
    if kind == CorrectionKind.MISSING:
        parts = [fields.get(k, "").strip() for k in ("initialen", "locatie", "einddatum")]
        plan = fields.get("plandatum", "").strip()
        return "; ".join(parts + ([plan] if plan else []))
    return ""


def _client_rows(found: Opened, problem: Problem, lang: str) -> list[dict[str, object]]:
    """Each client of the provider: what the input says, where it is planned or why not,
    by when a new support plan is needed, and the proposals given for it."""
    provider = found.link.provider
    planned = {a.dossier: a for a in found.appointments}
    needed = {r.dossier: r.needed_by for r in found.plan.support_plans if r.needed_by}
    why = {u.dossier: u.explanation_in.get(lang) or u.explanation for u in found.plan.unscheduled}
    given: dict[str, list[Correction]] = {}
    for c in store_for(found.folder).listed(provider=provider):
        if c.status != CorrectionStatus.REPLACED:
            given.setdefault(c.dossier, []).append(c)
    rows: list[dict[str, object]] = []
    for r in sorted(problem.reassessments, key=lambda r: (r.location, r.dossier)):
        if r.provider != provider or r.withdrawn:
            continue
        a = planned.get(r.dossier)
        rows.append(
            {
                "dossier": r.dossier,
                "client": r.client,
                "location": r.location,
                "plan": _long(r.support_plan_date, lang),
                "expected": _long(r.new_plan_expected, lang),
                "begeleider": _worker(r),
                "unavailable": _unavailable(r, lang),
                "planned": f"{weekday_date(a.day, lang)} {hhmm(a.start)}" if a else "",
                "why": "" if a else why.get(r.dossier, ""),
                "needed_by": _day(date.fromisoformat(str(needed[r.dossier])), lang)
                if needed.get(r.dossier) and not a
                else "",
                "given": [_given(c, lang) for c in given.get(r.dossier, [])],
            }
        )
    return rows


def _day(day: date | None, lang: str) -> str:
    return weekday_date(day, lang) if day else ""


def _long(day: date | None, lang: str) -> str:
    """A date that may lie in another year (a support plan): with its year."""
    return long_date(day, lang) if day else ""


def _worker(r: Reassessment) -> str:
    return f"{r.begeleider} <{r.begeleider_email}>" if r.begeleider_email else r.begeleider


def _unavailable(r: Reassessment, lang: str) -> str:
    return ", ".join(weekday_date(d, lang) for d in sorted(r.unavailable_dates))


def _given(c: Correction, lang: str) -> dict[str, str]:
    return {
        "kind": WORDS[lang][f"corr_kind_{c.kind}"],
        "value": _shown_value(c, lang),
        "status": WORDS[lang][f"corr_status_{c.status}"],
        "when": clock.dutch(c.given).strftime("%d-%m %H:%M"),
    }


def _shown_value(c: Correction, lang: str) -> str:
    if c.kind == CorrectionKind.OUT_OF_CARE and c.value in REASONS:
        return WORDS[lang][f"corr_reason_{c.value}"]
    missing = missing_value(c.value) if c.kind == CorrectionKind.MISSING else None
    if missing is not None:
        parts = [missing.initials, missing.location, long_date(missing.indication_end, lang)]
        return ", ".join(parts)
    return c.value


async def provider_details(request: Request) -> Response:
    """GET ``/a/<token>/gegevens``: the provider's clients and the forms to correct them."""
    found = opened_by_request(request)
    if isinstance(found, Response):
        return found
    lang = plan_language(request, found.plan)
    try:
        problem = await run_in_threadpool(_problem, found.folder, found.today)
    except InputError:
        return _unreadable(request, lang, found.link.provider)
    rows = await run_in_threadpool(_client_rows, found, problem, lang)
    missing_given = [
        _given(c, lang)
        for c in store_for(found.folder).listed(found.link.provider)
        if c.kind == CorrectionKind.MISSING and c.status != CorrectionStatus.REPLACED
    ]
    locations = sorted(loc.name for loc in problem.locations if loc.provider == found.link.provider)
    return page(
        request,
        "provider_details.html",
        lang,
        provider=found.link.provider,
        rows=rows,
        token=request.path_params["token"],
        kinds=KINDS,
        reasons=[(code, WORDS[lang][f"corr_reason_{code}"]) for code in REASONS],
        locations=locations,
        missing_given=missing_given,
        saved=request.query_params.get("opgeslagen", "")[:40],
        today=found.today.isoformat(),
        end=found.plan.settings.period_end.isoformat(),
    )


async def provider_correction(request: Request) -> Response:
    """POST ``/a/<token>/correcties``: one proposal, stored at once, or why not (400)."""
    got = await provider_form(request)
    if isinstance(got, Response):
        return got
    found, form = got
    lang = plan_language(request, found.plan)
    fields = dict(form.fields)
    fields["waarde"] = _value_from_parts(fields)
    try:
        problem = await run_in_threadpool(_problem, found.folder, found.today)
    except InputError:
        return _unreadable(request, lang, found.link.provider)
    store = store_for(found.folder)
    said = await run_in_threadpool(
        propose, store, problem, found.link.provider, fields, "online", found.today
    )
    if isinstance(said, list):
        anchor = f"#c-{fields['dossier']}" if fields.get("dossier") else "#ontbreekt"
        back = f"/a/{request.path_params['token']}/gegevens?taal={lang}{anchor}"
        return page(
            request,
            "provider_refused.html",
            lang,
            400,
            provider=found.link.provider,
            message=" ".join(refusal_text(r, lang) for r in said),
            back=back,
        )
    audit.record(
        request,
        "correction",
        planning=found.name,
        provider=found.link.provider,
        kind=fields.get("soort", ""),
        id=said,
    )
    anchor = f"#c-{fields['dossier']}" if fields.get("dossier") else "#ontbreekt"
    return RedirectResponse(
        f"/a/{request.path_params['token']}/gegevens?taal={lang}&opgeslagen={said}{anchor}",
        status_code=303,
    )


def _unreadable(request: Request, lang: str, provider: str) -> Response:
    """The planning's input cannot be read now (the planner is changing it): say so."""
    return page(
        request,
        "provider_refused.html",
        lang,
        503,
        provider=provider,
        message=WORDS[lang]["web_corr_unreadable"],
        back=f"/a/{request.path_params['token']}?taal={lang}",
    )


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


# --- the planner's side ----------------------------------------------------------------


def _planner_rows(folder: Path, lang: str) -> list[dict[str, object]]:
    """Per provider, its proposals: what the input says → what the provider says."""
    problem = _problem(folder, clock.today())
    cases = {r.dossier: r for r in problem.reassessments}
    per: dict[str, list[dict[str, object]]] = {}
    for c in store_for(folder / PLANNING).listed():
        if c.status == CorrectionStatus.REPLACED:
            continue
        per.setdefault(c.provider, []).append(
            {
                "id": c.id,
                "dossier": c.dossier or "—",
                "kind": WORDS[lang][f"corr_kind_{c.kind}"],
                "now": _input_says(cases.get(c.dossier), c.kind, lang),
                "says": _shown_value(c, lang),
                "when": clock.dutch(c.given).strftime("%d-%m %H:%M"),
                "source": c.source,
                "status": c.status,
                "status_words": WORDS[lang][f"corr_status_{c.status}"],
                "by": c.decided_by,
            }
        )
    return [
        {
            "provider": p,
            "rows": rows,
            "open": sum(1 for r in rows if r["status"] == CorrectionStatus.OPEN),
        }
        for p, rows in sorted(per.items())
    ]


def _input_says(r: Reassessment | None, kind: str, lang: str) -> str:
    if r is None:
        return "—"
    if kind == CorrectionKind.SUPPORT_PLAN:
        return _long(r.support_plan_date, lang) or "—"
    if kind == CorrectionKind.SUPPORT_WORKER:
        return _worker(r) or "—"
    if kind == CorrectionKind.UNAVAILABLE:
        return _unavailable(r, lang) or "—"
    return "—"


async def planner_corrections(request: Request) -> Response:
    """GET ``/p/<naam>/correcties``: the providers' proposals, to take or reject."""
    name, folder = named(request)
    plan = read_plan(folder / PLANNING)
    lang = language(request, plan)
    if plan is None:
        return missing(request)
    try:
        groups = await run_in_threadpool(_planner_rows, folder, lang)
    except InputError as error:
        return HTMLResponse("<br>".join(_escape(e) for e in error.messages), status_code=409)
    return page(
        request,
        "corrections.html",
        lang,
        name=name,
        groups=groups,
        done=request.query_params.get("klaar", "")[:20],
        earlier=(folder / INPUT / EARLIER).is_dir(),
    )


async def planner_decide(request: Request) -> Response:
    """POST ``/p/<naam>/correcties``: take or reject the ticked ones (or all of a provider);
    the taken ones become a new revision of the input."""
    got = await posted(request)
    if isinstance(got, Response):
        return got
    fields = got.form.fields
    decision = fields.get("besluit", "")
    ids = [
        int(key[3:])
        for key in fields
        if key.startswith("id-") and key[3:].isdecimal() and key[3:].isascii() and len(key) < 15
    ]
    provider = fields.get("aanbieder", "")
    if provider:
        store = store_for(got.folder / PLANNING)
        ids = [c.id for c in store.listed(provider, CorrectionStatus.OPEN)]
    if decision not in ("overnemen", "afwijzen") or not ids:
        return RedirectResponse(f"/p/{got.name}/correcties?taal={got.lang}", status_code=303)
    job = request.app.state.plannings.jobs.get(got.name)
    if job is not None and job.running:  # its input would replace the corrected one
        return HTMLResponse(WORDS[got.lang]["web_corr_busy"], status_code=409)
    by = request.session.get("user", "") or "planner"
    try:
        await run_in_threadpool(_decide, got.folder, ids, decision == "overnemen", by, got.lang)
    except InputError as error:
        return HTMLResponse("<br>".join(_escape(e) for e in error.messages), status_code=400)
    audit.record(request, "corrections", planning=got.name, decision=decision, ids=ids)
    return RedirectResponse(
        f"/p/{got.name}/correcties?taal={got.lang}&klaar={len(ids)}", status_code=303
    )


async def input_download(request: Request) -> Response:
    """GET ``/p/<naam>/invoer.xlsx``: the input the next rerun plans from (with the
    corrections taken so far and their sheet)."""
    name, folder = named(request)
    source = input_of(folder)
    if not source.is_file():
        return missing(request)
    audit.record(request, "download", planning=name, file="invoer.xlsx")
    disposition = f'attachment; filename="{name}-invoer.xlsx"'
    return Response(
        await run_in_threadpool(source.read_bytes),
        media_type=XLSX,
        headers={"Content-Disposition": disposition},
    )


def _decide(folder: Path, ids: list[int], take: bool, by: str, lang: str) -> None:
    """Decide, write the corrected input beside the planning's, then make it the input;
    the input as it was stays in ``invoer/eerder/``."""
    source = input_of(folder)
    staged = stage_input(folder, [("invoer.xlsx", b"")])
    try:
        decide(
            folder / PLANNING, ids if take else [], [] if take else ids, by, staged, source, lang
        )
    except BaseException:
        shutil.rmtree(staged.parent, ignore_errors=True)
        raise
    earlier = folder / INPUT / EARLIER
    earlier.mkdir(parents=True, exist_ok=True)
    n = 1 + len(list(earlier.iterdir()))
    if source.is_dir():
        shutil.copytree(source, earlier / f"{n}-csv")
    else:
        shutil.copy2(source, earlier / f"{n}-invoer.xlsx")
    adopt_input(folder, staged)
