"""The planning a request names (``/p/<naam>/...``), and a form posted to it.

Every page and action of a planning starts the same way: the planning must be one of
ours, else the page answers 404 (``named``, ``NoSuchPlanning``); a form's token must be
the session's, else the page says the form expired, in the page's language (``posted``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from herplan.app.web.forms import Form, Refused, read_form
from herplan.app.web.render import language, missing, problem_page
from herplan.app.web.state import PLANNING, Plannings
from herplan.io.plan_reader import SavedPlan, read_plan


class NoSuchPlanning(HTTPException):
    """The request names no planning of ours: 404, the page that leads back home."""

    def __init__(self, name: str) -> None:
        super().__init__(404, name)


class Named(NamedTuple):
    """A planning of ours, as a request names it: its name and folders."""

    name: str
    folder: Path  # <data>/<naam>: the uploads, the stores and the planning folder

    @property
    def planning(self) -> Path:
        """The planning folder ``herplan plan`` writes (``<naam>/planning``)."""
        return self.folder / PLANNING


def plannings(request: Request) -> Plannings:
    """The page's plannings (its data folder and the runs going on)."""
    return request.app.state.plannings


def named(request: Request) -> Named:
    """The planning ``request.path_params["name"]`` names, or ``NoSuchPlanning`` (404)."""
    name = request.path_params["name"]
    try:
        return Named(name, plannings(request).folder(name))
    except LookupError:
        raise NoSuchPlanning(name) from None


async def no_such_planning(request: Request, _error: Exception) -> Response:
    """``NoSuchPlanning`` answered as every unknown page is: ``missing``."""
    return missing(request)


@dataclass
class Posted:
    name: str
    folder: Path
    plan: SavedPlan | None
    lang: str
    form: Form


async def posted(request: Request) -> Posted | Response:
    """The posted form and its planning; or the response that says why it cannot be taken
    (``NoSuchPlanning`` for a planning not of ours)."""
    found = named(request)
    plan = read_plan(found.planning)
    lang = language(request, plan)
    try:
        form = await read_form(request)
    except Refused as refused:
        return problem_page(
            request, "busy.html", lang, refused.status, refused.word, name=found.name
        )
    return Posted(found.name, found.folder, plan, lang, form)
