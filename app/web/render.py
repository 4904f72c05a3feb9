"""Rendering a page: the template, the page's language, its words and the form token."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from herplan.app.web.planning_sections import error_rows
from herplan.app.web.security import session_token
from herplan.app.web.words import WORDS, section
from herplan.io.plan_reader import SavedPlan


def language(request: Request, plan: SavedPlan | None = None) -> str:
    """``?taal=`` if given, else the planning's language, else Dutch."""
    asked = request.query_params.get("taal", "")
    if asked in WORDS:
        return asked
    taal = plan.settings.language if plan is not None else ""
    return taal if taal in WORDS else "nl"


def language_links(request: Request) -> dict[str, str]:
    """The same page in each language: this address with another ``taal`` (the filter
    kept), or, after a form was posted, the page it came from."""
    if request.method == "GET":
        return {
            code: str(request.url.include_query_params(taal=code).replace(scheme="", netloc=""))
            for code in WORDS
        }
    parts = request.url.path.split("/")
    back = f"/p/{parts[2]}" if len(parts) > 2 and parts[1] == "p" else "/"
    return {code: f"{back}?taal={code}" for code in WORDS}


def page(
    request: Request, template: str, lang: str, status: int = 200, **values: object
) -> Response:
    """``template`` in ``lang``, with the form token every form of it carries."""
    env = request.app.state.templates
    html = env.get_template(template).render(
        w=section(lang, "web_"),
        lang=lang,
        request=request,
        switch=language_links(request),
        csrf=session_token(request.session),
        user=request.session.get("user", ""),
        errors=values.pop("errors", []),
        **values,
    )
    return HTMLResponse(html, status_code=status)


def problem_page(
    request: Request,
    template: str,
    lang: str,
    status: int,
    word: str,
    fill: dict[str, object] | None = None,
    **values: object,
) -> Response:
    """``template`` with one message of the page's own words (``fill``ed in) as its error."""
    message = section(lang, "web_")[word].format(**(fill or {}))
    return page(request, template, lang, status, errors=error_rows([message]), **values)


def missing(request: Request) -> Response:
    """Not found, in the page's language, with the way back to the list of plannings."""
    return page(request, "missing.html", language(request), 404)
