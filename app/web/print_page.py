"""The timeline to print (``/p/<naam>/afdrukken``): one week per A4 landscape page."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request
from starlette.responses import Response

from herplan.app.web.planning_request import named
from herplan.app.web.planning_sections import PageFilter, choices, timeline
from herplan.app.web.render import language, missing, page
from herplan.app.web.state import PLANNING
from herplan.io.plan_reader import read_plan


async def print_view(request: Request) -> Response:
    """The timeline to print: one week per A4 landscape page, under the page's filter."""
    name, folder = named(request)
    plan = read_plan(folder / PLANNING)
    if plan is None:
        return missing(request)
    lang = language(request, plan)
    f = PageFilter.of(request.query_params)
    weeks = [f.week] if f.week else choices(plan)["weeks"]
    pages = [(week, timeline(plan, replace(f, week=week), lang)) for week in weeks]
    return page(request, "print.html", lang, name=name, plan=plan, pages=pages, filter=f)
