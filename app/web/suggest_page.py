"""Options for one reassessment on the page, and choosing one (README, Suggestions).

``/p/<naam>/opties/<dossier>`` shows ``herplan suggest`` for a reassessment
that is not planned or was answered ``nee``: each option with a button. The
options are found in a child process (``worker suggest``: reading the
workbook is seconds of pure Python), never on the event loop. Choosing one
posts ``/p/<naam>/kies``, which reruns the planning with ``--choose`` and so
pins the option as the command line would.
"""

from __future__ import annotations

import re
from datetime import date

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from herplan.app.web import audit, leading, provider_page
from herplan.app.web.forms import input_of
from herplan.app.web.planning_request import named, posted
from herplan.app.web.planning_runs import ask_worker, pending_run
from herplan.app.web.planning_sections import PLACE, day_label
from herplan.app.web.render import language, missing, page, problem_page
from herplan.app.web.state import PLANNING, Plannings
from herplan.app.web.words import section
from herplan.io import hand_moves
from herplan.io.plan_reader import read_plan

SUGGEST_SECONDS = 60
DOSSIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}")


async def _suggested(request: Request, name: str, dossier: str, lang: str) -> dict:
    folder = named(request).folder
    found = await ask_worker(
        "suggest",
        str(folder / PLANNING),
        dossier,
        "--input",
        str(input_of(folder)),
        "--language",
        lang,
        seconds=SUGGEST_SECONDS,
        today=request.app.state.config.today(),
    )
    return found if found is not None else {"errors": ["no answer"]}


async def options(request: Request) -> Response:
    (name, folder), dossier = named(request), request.path_params["dossier"]
    store: Plannings = request.app.state.plannings
    plan = read_plan(folder / PLANNING)
    if plan is None or not DOSSIER.fullmatch(dossier):
        return missing(request)
    lang = language(request, plan)
    found = await _suggested(request, name, dossier, lang)
    if found.get("errors"):
        return missing(request)
    names = {code: person.name for code, person in plan.consultants.items()}
    places = [found.get("current"), found.get("would_fit_with"), *found["options"]]
    places += [moved for option in found["options"] for moved in option["moves"]]
    for place in filter(None, places):  # the day and the consultant as a planner reads them
        place["day"] = day_label(date.fromisoformat(place["date"]), lang)
        place["name"] = names.get(place["consultant"], place["consultant"])
    w = section(lang, "web_")
    answers = provider_page.overview(folder, store.config.base_url, lang)
    new = leading.new_answers(answers)
    also = w["confirm_choose_pending"].format(
        answers=w["new_answer_one"] if new == 1 else w["new_answers"].format(n=new),
        hand=leading.counted(len(hand_moves.pending(folder)), "moves", lang),
    )
    for option in found["options"]:
        option["place"] = f"{option['date']}@{option['consultant']}@{option['start']}"
        said = [
            w["confirm_choose"].format(
                revision=plan.revision + 1,
                dossier=dossier,
                day=option["day"],
                start=option["start"],
                end=option["end"],
                name=option["name"],
            )
        ]
        if option["moves"]:
            said.append(
                w["confirm_choose_moves"].format(
                    moves=", ".join(
                        w["shifts_to"].format(
                            dossier=m["dossier"], where=f"{m['day']} {m['start']}, {m['name']}"
                        )
                        for m in option["moves"]
                    )
                )
            )
        option["confirm"] = " ".join([*said, also])
    return page(request, "options.html", lang, name=name, found=found)


async def choose(request: Request) -> Response:
    got = await posted(request)
    if isinstance(got, Response):
        return got
    name, folder, lang, form = got.name, got.folder, got.lang, got.form
    store: Plannings = request.app.state.plannings
    dossier, place = form.fields.get("dossier", ""), form.fields.get("optie", "")
    if not DOSSIER.fullmatch(dossier) or not PLACE.fullmatch(place):
        return problem_page(request, "busy.html", lang, 400, "refused", name=name)
    if not store.start(name, pending_run(folder, choose=[f"{dossier}={place}"])):
        return problem_page(request, "busy.html", lang, 409, "busy_other", name=name)
    audit.record(request, "choose", planning=name, dossier=dossier, option=place)
    return RedirectResponse(f"/p/{name}/bezig?taal={lang}", status_code=303)
