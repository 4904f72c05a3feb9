"""A provider who answers ``nee`` sees where else the interview could go, and picks one
or says none fits (README, Answers online): ``/a/<token>/opties/<n>``.

The places are ``herplan suggest``'s, from the same worker the planner's page
asks, limited to those that move nobody else: a provider sees and chooses only
its own client's interview. A pick is stored with the ``nee``; the planner's
next rerun pins it like a chosen option, or, when it is no longer free, plans
the ``nee`` as usual and lists why.
"""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from herplan.app.web import audit
from herplan.app.web.forms import input_of
from herplan.app.web.planning_runs import ask_worker
from herplan.app.web.provider_page import (
    Opened,
    appointment_key,
    changed_since,
    not_found,
    opened_by_request,
    plan_language,
    provider_form,
    shown_as,
)
from herplan.app.web.render import page
from herplan.app.web.state import PLANNING
from herplan.app.web.suggest_page import PLACE, SUGGEST_SECONDS
from herplan.digits import whole_number
from herplan.domain.codes import AnswerCode
from herplan.io.sentences import weekday_date

SHOWN = 5
NONE_FITS = "geen"


async def _places(found: Opened, dossier: str, lang: str, today: date) -> list[dict[str, str]]:
    answer = await ask_worker(
        "suggest",
        str(found.folder / PLANNING),
        dossier,
        "--input",
        str(input_of(found.folder)),
        seconds=SUGGEST_SECONDS,
        today=today,
    )
    if answer is None or answer.get("errors"):
        return []
    names = {cid: p.name for cid, p in found.plan.consultants.items()}
    free = [o for o in answer.get("options", []) if not o["moves"]][:SHOWN]  # the best few
    return [
        {
            "day": weekday_date(date.fromisoformat(o["date"]), lang),
            "time": f"{o['start']}–{o['end']}",
            "location": o.get("location", ""),
            "consultant": names.get(o["consultant"], o["consultant"]),
            "place": f"{o['date']}@{o['consultant']}@{o['start']}",
        }
        for o in sorted(free, key=lambda o: (o["date"], o["start"]))  # in date order
    ]


def _appointment(found: Opened, n: str):
    """Appointment ``n`` of the provider's page; none when held already (no answer asked)."""
    number = whole_number(n, 1, len(found.appointments))
    if number is None:
        return None
    a = found.appointments[number - 1]
    return None if found.held(a) else a


async def provider_options(request: Request) -> Response:
    """GET ``/a/<token>/opties/<n>``: the other places for appointment ``n``."""
    found = opened_by_request(request)
    if isinstance(found, Response):
        return found
    token, n = request.path_params["token"], request.path_params["n"]
    appointment = _appointment(found, n)
    if appointment is None:
        return not_found()
    lang = plan_language(request, found.plan)
    places = await _places(found, appointment.dossier, lang, request.app.state.config.today())
    return page(
        request,
        "provider_options.html",
        lang,
        token=token,
        n=n,
        places=places,
        provider=found.link.provider,
        dossier=appointment.dossier,
        shown=appointment_key(appointment),
        client=appointment.client,
        none_fits=NONE_FITS,
        now=f"{weekday_date(appointment.day, lang)}",
    )


async def provider_pick(request: Request) -> Response:
    """POST ``/a/<token>/kies``: the place picked (or none fits), stored with the nee."""
    posted = await provider_form(request)
    if isinstance(posted, Response):
        return posted
    found, form = posted
    token, lang = request.path_params["token"], plan_language(request, found.plan)
    n, place = form.fields.get("n", ""), form.fields.get("plaats", "")
    appointment = _appointment(found, n)
    if appointment is None and "afspraak" in form.fields:  # shown, then taken by a rerun
        return changed_since(lang, token)
    if appointment is None:
        return not_found()
    if not shown_as(appointment, form.fields, require=True):
        return changed_since(lang, token)
    if place != NONE_FITS and not (
        PLACE.fullmatch(place)
        and place
        in {
            p["place"]
            for p in await _places(
                found, appointment.dossier, lang, request.app.state.config.today()
            )
        }
    ):
        return HTMLResponse(
            "Deze plaats is er niet (meer). / This place is not available.", status_code=400
        )
    earlier = found.store.latest(found.link.provider).get(appointment.dossier)
    remark = earlier.remark if earlier is not None else ""
    found.store.answer(
        appointment,
        found.link.revision,
        AnswerCode.NO,
        remark,
        "online",
        "" if place == NONE_FITS else place,
    )
    audit.record(
        request,
        "answer",
        planning=found.name,
        provider=found.link.provider,
        dossier=appointment.dossier,
        answer=AnswerCode.NO,
        picked=place,
    )
    return RedirectResponse(f"/a/{token}?taal={lang}&opgeslagen={n}#afspraak-{n}", status_code=303)
