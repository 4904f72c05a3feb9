"""A form posted to one planning: its folder, plan, language and checked fields.

Every action of the planning page (rerun, choose, move, send, delete, ...) starts the
same way: the planning must be one of ours (else 404), the form's token the session's
(else the page says the form expired, in the page's language).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from herplan.app.web.forms import Form, Refused, read_form
from herplan.app.web.planning_sections import read_plan
from herplan.app.web.render import language, missing, problem_page
from herplan.app.web.state import PLANNING, Plannings


@dataclass
class Posted:
    name: str
    folder: Path
    plan: dict | None
    lang: str
    form: Form


async def posted(request: Request) -> Posted | Response:
    """The posted form and its planning; or the response that says why it cannot be taken."""
    name = request.path_params["name"]
    store: Plannings = request.app.state.plannings
    try:
        folder = store.folder(name)
    except LookupError:
        return missing(request)
    plan = read_plan(folder / PLANNING)
    lang = language(request, plan)
    try:
        form = await read_form(request)
    except Refused as refused:
        return problem_page(request, "busy.html", lang, refused.status, refused.word, name=name)
    return Posted(name, folder, plan, lang, form)
