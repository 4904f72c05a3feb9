"""Moving an appointment by hand on the planning page (README, Web page: moving by hand).

``POST /p/<naam>/verplaats`` (dossier, consulent, datum) checks the move in a
child process (``worker move``: ``app.hand_moves.check_move``, every hard rule's
own ``violations``). With ``alleen_controleren`` it only answers, as JSON (the
timeline's drag and drop asks this first); otherwise an allowed move is kept
in ``handwerk.json`` until the next rerun pins it like a ``ja``, and a refused
one is shown on the page with the rule it would break, in the page's words.
``POST /p/<naam>/verplaats/ongedaan`` takes a kept move back.

An appointment its provider confirmed (``ja``) is refused unless the planner
ticks ``ja_verplaatsen`` and gives a ``reden``: the reason is kept with the move
(``handwerk.json``), and the rerun sends the provider a changed invitation.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from herplan.app.hand_moves import CONFIRMED, NO_ROOM, PROMISE, SAME_DAY
from herplan.app.web import audit
from herplan.app.web.forms import input_of
from herplan.app.web.planning_page import planning_page
from herplan.app.web.planning_request import Posted, posted
from herplan.app.web.planning_runs import ask_worker
from herplan.app.web.planning_sections import PageFilter, day_label
from herplan.app.web.render import missing
from herplan.app.web.state import PLANNING
from herplan.app.web.suggest_page import DOSSIER
from herplan.app.web.words import section
from herplan.findings import Finding
from herplan.io import hand_moves
from herplan.io.finding_words import render
from herplan.io.plan_reader import SavedPlan

CHECK_SECONDS = 60
REASON_CHARS = 300
CONSULTANT = re.compile(r"[A-Za-z0-9._-]{1,40}")


def explained(found: dict, lang: str) -> dict[str, object]:
    """The check in the planner's words: per broken rule its name and what it means,
    with the rule's own finding beside it (``finding_words``)."""
    w = section(lang, "web_")
    day = date.fromisoformat(found["date"])
    rules = []
    for r in found.get("refusals", []):
        own = {
            PROMISE: "rule_promise",
            NO_ROOM: "rule_no_room",
            SAME_DAY: "rule_same_day",
            CONFIRMED: "rule_confirmed",
        }
        key = own.get(r["rule"], f"rule_{r['rule']}")
        rules.append(
            {
                "rule": r["rule"],
                "title": w[key],
                "why": w[f"{key}_why"],
                "finding": render(Finding.from_dict(r["finding"]), lang),
            }
        )
    where = f"{found['consultant']}, {day_label(day, lang)}"
    if found.get("allowed"):
        text = w["move_ok"].format(dossier=found["dossier"], where=where, start=found["start"])
        shifted = [s.split("=", 1) for s in found.get("shifted", [])]
        if shifted:
            text += " " + w["move_makes_room"].format(
                moves=", ".join(
                    w["shifts_to"].format(dossier=d, where=_place(p, lang)) for d, p in shifted
                )
            )
        elif found.get("moves"):
            text += " " + w["move_makes_room"].format(moves=", ".join(found["moves"]))
    else:
        text = w["move_refused"].format(dossier=found["dossier"], where=where)
    return {**found, "text": text, "rules": rules}


def _place(spec: str, lang: str) -> str:
    """``2026-12-09@AB05@10:30`` as ``wo 09-12-2026 10:30, AB05``."""
    day, consultant, start = spec.split("@")
    return f"{day_label(day, lang)} {start}, {consultant}"


async def move(request: Request) -> Response:
    got = await posted(request)
    if isinstance(got, Response):
        return got
    if got.plan is None:
        return missing(request)
    name, folder, plan, lang, form = got.name, got.folder, got.plan, got.lang, got.form
    dossier = form.fields.get("dossier", "").strip()
    consultant = form.fields.get("consulent", "").strip()
    try:
        day = date.fromisoformat(form.fields.get("datum", ""))
    except ValueError:
        day = None
    only_check = bool(form.fields.get("alleen_controleren"))
    if not DOSSIER.fullmatch(dossier) or not CONSULTANT.fullmatch(consultant) or day is None:
        return await _refused_form(request, got, only_check)
    confirmed = bool(form.fields.get("ja_verplaatsen"))
    reason = " ".join(form.fields.get("reden", "").split())[:REASON_CHARS]
    if confirmed and not reason:
        return await _refused_form(request, got, only_check, "move_reason_needed")
    found = await _checked_move(request, folder, dossier, consultant, day, confirmed)
    if found is None or found.get("errors"):
        words = section(lang, "web_")
        result = {
            "allowed": False,
            "text": words["move_unknown"].format(dossier=dossier),
            "rules": [],
        }
        if only_check:
            return JSONResponse(result)
        return await planning_page(request, name, folder, plan, lang, status=400, moved=result)
    result = explained(found, lang)
    audit.record(
        request,
        "move-check" if only_check else "move",
        planning=name,
        dossier=found["dossier"],
        to=f"{day.isoformat()}@{found['consultant']}",
        allowed=result["allowed"],
        confirmed_moved=confirmed,
    )
    if only_check:
        return JSONResponse(result)
    if not result["allowed"]:
        return await planning_page(request, name, folder, plan, lang, status=409, moved=result)
    _keep(request, folder, plan, found, reason if confirmed else "")
    kept = {**PageFilter.of(request.query_params).params(), "taal": lang}
    kept["verplaatst"] = found["dossier"]
    return RedirectResponse(f"/p/{name}?{urlencode(kept)}", status_code=303)


async def _checked_move(
    request: Request, folder: Path, dossier: str, consultant: str, day: date, confirmed: bool
) -> dict | None:
    """The move checked against every hard rule in a child process (``worker move``)."""
    return await ask_worker(
        "move",
        str(folder / PLANNING),
        dossier,
        consultant,
        day.isoformat(),
        "--input",
        str(input_of(folder)),
        *(["--confirmed"] if confirmed else []),
        seconds=CHECK_SECONDS,
        today=request.app.state.config.today(),
    )


def _keep(request: Request, folder: Path, plan: SavedPlan, found: dict, reason: str) -> None:
    """A checked move kept for the next rerun, with who moved it and why."""
    before = next((a for a in plan.appointments if a.dossier == found["dossier"]), None)
    hand_moves.add(
        folder,
        hand_moves.HandMove(
            found["dossier"],
            found["place"],
            before=before.place if before else "",
            moves=tuple(found["moves"]),
            shifted=tuple(found.get("shifted", ())),
            by=request.session.get("user", ""),
            reason=reason,
        ),
    )


async def _refused_form(
    request: Request, got: Posted, only_check: bool, word: str = "move_incomplete"
) -> Response:
    words = section(got.lang, "web_")
    result = {"allowed": False, "text": words[word], "rules": []}
    if only_check:
        return JSONResponse(result, status_code=400)
    assert got.plan is not None
    return await planning_page(
        request, got.name, got.folder, got.plan, got.lang, status=400, moved=result
    )


async def undo(request: Request) -> Response:
    got = await posted(request)
    if isinstance(got, Response):
        return got
    dossier = got.form.fields.get("dossier", "")
    if hand_moves.undo(got.folder, dossier):
        audit.record(request, "move-undo", planning=got.name, dossier=dossier)
    return RedirectResponse(f"/p/{got.name}?taal={got.lang}#verplaatsen", status_code=303)
