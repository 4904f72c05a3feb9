"""Signing in and out, where the server asks for it (``accounts``, ``security.LoginRequired``)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from herplan import clock
from herplan.app.web import audit
from herplan.app.web.accounts import Accounts
from herplan.app.web.forms import Refused, read_form
from herplan.app.web.render import language, page, problem_page


def _next(request: Request, given: str | None) -> str:
    """Where to go after signing in: a page of ours, never another site."""
    target = given or "/"
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


async def login_form(request: Request) -> Response:
    lang = language(request)
    return page(
        request, "login.html", lang, next=_next(request, request.query_params.get("volgende"))
    )


async def login(request: Request) -> Response:
    lang = language(request)
    try:
        form = await read_form(request)
    except Refused as refused:
        return problem_page(request, "login.html", lang, refused.status, refused.word, next="/")
    name, target = form.fields.get("naam", "").strip(), _next(request, form.fields.get("volgende"))
    accounts: Accounts = request.app.state.accounts
    verdict = accounts.check(name, form.fields.get("wachtwoord", ""))
    if not verdict.ok:
        audit.record(request, "login refused", name=name, locked=verdict.locked_until is not None)
        if verdict.locked_until is not None:
            left = (verdict.locked_until - clock.now()).total_seconds()
            return problem_page(request, "login.html", lang, 429, "locked",
                                {"minutes": max(1, int(left // 60) + 1)}, next=target)  # fmt: skip
        return problem_page(request, "login.html", lang, 401, "wrong_login", next=target)
    request.session.clear()  # a new session for the signed-in planner (and a new token)
    request.session["user"] = name
    audit.record(request, "login")
    return RedirectResponse(target, status_code=303)


async def logout(request: Request) -> Response:
    try:
        await read_form(request)
    except Refused as refused:
        return problem_page(request, "login.html", language(request), refused.status,
                            refused.word, next="/")  # fmt: skip
    audit.record(request, "logout")
    request.session.clear()
    return RedirectResponse("/inloggen", status_code=303)
