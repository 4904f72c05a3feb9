"""Signing in and out, where the server asks for it (``accounts``, ``security.LoginRequired``).

A password is checked in a small pool of threads of its own (Argon2 takes a
tenth of a second of CPU on purpose), never on the event loop, so a flood of
logins never holds up provider pages or static files; beyond ``MAX_WAITING``
logins in the queue a try is answered at once, as a throttled one is. Wrong
tries are slowed down per address and per name (``throttle``); an unknown
name and a wrong password get the same answer after the same work. A browser
that signed in carries a signed device cookie for its planner (half a year):
for it, guesses at the account by others do not count (``throttle``).
"""

from __future__ import annotations

import asyncio
import math
from concurrent.futures import ThreadPoolExecutor

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from herplan.app.web import audit
from herplan.app.web.accounts import NAME_MAX, Accounts, Verdict
from herplan.app.web.forms import Refused, read_form
from herplan.app.web.render import language, page, problem_page
from herplan.app.web.state import session_secret
from herplan.app.web.throttle import LoginThrottle

HASH_THREADS = 2  # the machine's other work keeps its cores
DEVICE_COOKIE = "herplan_apparaat"
DEVICE_SECONDS = 183 * 24 * 3600
MAX_WAITING = 8  # logins queued for a check at most; more are told to wait


class PasswordChecks:
    """The bounded pool that checks passwords, and how many wait for it."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(HASH_THREADS, thread_name_prefix="herplan-wachtwoord")
        self.waiting = 0

    async def check(self, accounts: Accounts, name: str, password: str) -> Verdict | None:
        """The verdict, or None when too many logins wait already."""
        if self.waiting >= MAX_WAITING:
            return None
        self.waiting += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self.pool, accounts.check, name, password)
        finally:
            self.waiting -= 1


def _devices(request: Request) -> URLSafeSerializer:
    return URLSafeSerializer(session_secret(request.app.state.config.data), salt="apparaat")


def known_device(request: Request, name: str) -> bool:
    """Did this browser sign in as ``name`` before (its signed device cookie says so)?"""
    given = request.cookies.get(DEVICE_COOKIE)
    if not given or not name:
        return False
    try:
        return _devices(request).loads(given) == name
    except BadSignature:
        return False


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
    # A name is cut before it is counted, throttled or logged: one character beyond the
    # longest account name, so a cut one still names no account (and is refused as any).
    name = form.fields.get("naam", "").strip()[: NAME_MAX + 1]
    target = _next(request, form.fields.get("volgende"))
    address = request.client.host if request.client else ""
    gate: LoginThrottle = request.app.state.login_throttle
    accounts: Accounts = request.app.state.accounts
    device = known_device(request, name)
    wait = gate.wait(address, name, device)
    verdict = None
    if wait <= 0:
        checks: PasswordChecks = request.app.state.password_checks
        verdict = await checks.check(accounts, name, form.fields.get("wachtwoord", "")[:1024])
    if verdict is None:  # slowed down, or the queue is full: the same answer for all
        audit.record(request, "login slowed", name=name)
        return problem_page(
            request,
            "login.html",
            lang,
            429,
            "slow_down",
            {"seconds": max(1, math.ceil(wait))},
            next=target,
        )
    if not verdict.ok:
        gate.failed(address, name, device)
        audit.record(request, "login refused", name=name)
        return problem_page(request, "login.html", lang, 401, "wrong_login", next=target)
    gate.succeeded(address, name)
    request.session.clear()  # a new session for the signed-in planner (and a new token)
    request.session["user"] = name
    request.session["v"] = verdict.version
    audit.record(request, "login")
    done = RedirectResponse(target, status_code=303)
    done.set_cookie(
        DEVICE_COOKIE,
        _devices(request).dumps(name),
        max_age=DEVICE_SECONDS,
        httponly=True,
        samesite="strict",
        secure=request.app.state.config.secure_cookies,
    )
    return done


async def logout(request: Request) -> Response:
    """Sign out: every session of this planner ends, on every computer."""
    try:
        await read_form(request)
    except Refused as refused:
        return problem_page(
            request, "login.html", language(request), refused.status, refused.word, next="/"
        )
    audit.record(request, "logout")
    user = request.session.get("user")
    if isinstance(user, str) and user:
        accounts: Accounts = request.app.state.accounts
        accounts.end_sessions(user)
    request.session.clear()
    return RedirectResponse("/inloggen", status_code=303)
