"""The web application as data: its routes, its middleware, its state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from herplan.app.web import (
    capacity_page,
    corrections_page,
    files,
    hand_moves,
    home_page,
    login,
    planning_page,
    planning_runs,
    print_page,
    provider_page,
    provider_suggest,
    sending,
    suggest_page,
)
from herplan.app.web.accounts import Accounts
from herplan.app.web.forms import MAX_UPLOAD_BYTES
from herplan.app.web.login import PasswordChecks
from herplan.app.web.planning_request import NoSuchPlanning, no_such_planning
from herplan.app.web.planning_sections import day_label
from herplan.app.web.render import language, problem_page
from herplan.app.web.security import (
    BodyLimit,
    CrossSiteWrites,
    LoginRequired,
    SecurityHeaders,
    TooLarge,
)
from herplan.app.web.state import Plannings, ServerConfig, session_secret
from herplan.app.web.throttle import LoginThrottle

LOOPBACK = ("127.0.0.1", "localhost", "::1")
SESSION_SECONDS = 10 * 3600  # a working day
# The multipart wrapping of the files, on top of the files themselves.
REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024

ROUTES = [
    Route("/", home_page.home),
    Route("/sjabloon", home_page.template_file),
    Route("/nieuw", home_page.new_planning, methods=["POST"]),
    Route("/inloggen", login.login_form),
    Route("/inloggen", login.login, methods=["POST"]),
    Route("/uitloggen", login.logout, methods=["POST"]),
    Route("/p/{name}", planning_page.planning),
    Route("/p/{name}/bezig", planning_runs.busy),
    Route("/p/{name}/status", planning_runs.status),
    Route("/p/{name}/stop", planning_runs.stop, methods=["POST"]),
    Route("/p/{name}/opnieuw", planning_runs.again, methods=["POST"]),
    Route("/p/{name}/wijzigingen", planning_runs.rerun, methods=["POST"]),
    Route("/p/{name}/opties/{dossier}", suggest_page.options),
    Route("/p/{name}/kies", suggest_page.choose, methods=["POST"]),
    Route("/p/{name}/verplaats", hand_moves.move, methods=["POST"]),
    Route("/p/{name}/verplaats/ongedaan", hand_moves.undo, methods=["POST"]),
    Route("/p/{name}/smtp", sending.save_settings, methods=["POST"]),
    Route("/p/{name}/versturen", sending.send, methods=["POST"]),
    Route("/p/{name}/bericht/{path:path}", sending.message),
    Route("/p/{name}/verwijderen", planning_runs.delete, methods=["POST"]),
    Route("/p/{name}/afdrukken", print_page.print_view),
    Route("/p/{name}/alles.zip", files.everything),
    Route("/p/{name}/link", provider_page.renew_link, methods=["POST"]),
    Route("/p/{name}/antwoorden/{stem}.xlsx", provider_page.answered_download),
    Route("/a/{token}", provider_page.provider_page),
    Route("/a/{token}/opties/{n}", provider_suggest.provider_options),
    Route("/a/{token}/kies", provider_suggest.provider_pick, methods=["POST"]),
    Route("/a/{token}", provider_page.provider_answer, methods=["POST"]),
    Route("/a/{token}/gegevens", corrections_page.provider_details),
    Route("/a/{token}/correcties", corrections_page.provider_correction, methods=["POST"]),
    Route("/p/{name}/correcties", corrections_page.planner_corrections),
    Route("/p/{name}/correcties", corrections_page.planner_decide, methods=["POST"]),
    Route("/p/{name}/invoer.xlsx", corrections_page.input_download),
    Route("/p/{name}/capaciteit", capacity_page.show),
    Route("/p/{name}/capaciteit", capacity_page.start, methods=["POST"]),
    Route("/p/{name}/capaciteit/grafiek.{kind}", capacity_page.chart),
    Route("/p/{name}/bestand/{path:path}", files.download),
    Mount("/static", StaticFiles(packages=[("herplan.app.web", "static")]), name="static"),
]


def server_config(
    data: Path,
    host: str = "127.0.0.1",
    allowed_hosts: tuple[str, ...] = (),
    secure_cookies: bool = False,
    time_limit: float | None = None,
    reproducible: bool = False,
    base_url: str | None = None,
    today: date | None = None,
) -> ServerConfig:
    """How to serve ``data`` on ``host``: the Host names answered, whether to sign in."""
    hosts = tuple(dict.fromkeys((*LOOPBACK, host, *allowed_hosts)))
    login_needed = host not in LOOPBACK or Accounts(data).exist()
    base = base_url or f"http://{host}:8000"
    return ServerConfig(
        data, hosts, login_needed, secure_cookies, time_limit, reproducible, base, today
    )


class Page(Starlette):
    """The application with ``SecurityHeaders`` outside everything, Starlette's own error
    handling included: a 400 for another Host and a 500 carry the headers too."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


async def too_large(request: Request, _error: Exception) -> Response:
    return problem_page(request, "home.html", language(request), 413, "too_big", plannings=[])


def create_app(
    data: Path | ServerConfig,
    time_limit: float | None = None,
    reproducible: bool = False,
    hosts: tuple[str, ...] = (),
    today: date | None = None,
) -> Starlette:
    """The web application over the plannings in ``data``.

    ``data`` is a folder (served on 127.0.0.1; ``hosts`` adds Host names, as the
    tests' ``testserver``) or a ``ServerConfig`` (``herplan serve``). ``today``
    fixes the day the page works as (the tests'; default: the clock's).
    """
    config = (
        data
        if isinstance(data, ServerConfig)
        else server_config(
            Path(data),
            allowed_hosts=hosts,
            time_limit=time_limit,
            reproducible=reproducible,
            today=today,
        )
    )
    config.data.mkdir(parents=True, exist_ok=True)
    middleware = [
        Middleware(TrustedHostMiddleware, allowed_hosts=list(config.hosts), www_redirect=False),
        Middleware(BodyLimit, limit=REQUEST_BYTES),
        Middleware(
            SessionMiddleware,
            secret_key=session_secret(config.data),
            session_cookie="herplan_sessie",
            max_age=SESSION_SECONDS,
            same_site="strict",
            https_only=config.secure_cookies,
        ),
        Middleware(CrossSiteWrites),
        Middleware(LoginRequired, required=config.login, accounts=Accounts(config.data)),
    ]
    app = Page(
        routes=ROUTES,
        middleware=middleware,
        exception_handlers={TooLarge: too_large, NoSuchPlanning: no_such_planning},
    )
    app.state.config = config
    app.state.plannings = Plannings(config)
    app.state.accounts = Accounts(config.data)
    app.state.answer_limit = provider_page.RateLimit()
    app.state.login_throttle = LoginThrottle()
    app.state.password_checks = PasswordChecks()
    app.state.templates = Environment(
        loader=PackageLoader("herplan.app.web", "templates"),
        autoescape=select_autoescape(["html"]),
    )
    app.state.templates.filters["datum"] = day_label  # the page's one date style
    return app
