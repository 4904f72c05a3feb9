"""What keeps the plannings in: middleware declared once, for every request.

- **Only our own host** (Starlette's ``TrustedHostMiddleware``, in ``app``): a
  request for any other ``Host`` (a website that rebinds its name to
  127.0.0.1) gets 400 before any handler runs.
- **No cross-site writes** (``CrossSiteWrites``): a request that changes
  something (any method but GET/HEAD) must come from the page itself: a
  browser says so in ``Sec-Fetch-Site`` and ``Origin``, and the form carries
  the session's token (checked where the form is read, ``forms.read_form``).
- **Bounded uploads** (``BodyLimit``): the limit holds on the stream, whatever
  ``Content-Length`` says (or does not say).
- **Headers** (``SecurityHeaders``, wrapped around everything by ``app.Page``,
  so errors carry them too): a strict Content-Security-Policy (scripts and
  styles from our own files only), ``nosniff``, no framing, no referrer,
  ``no-store``; and no ``ETag``/``Last-Modified``, so no browser keeps a copy
  of personal data.
- **Login** (``LoginRequired``): where accounts exist, every page but the
  login page and a provider's own link (``/a/<token>`` and the pages under it:
  ``provider_page``, ``provider_suggest``, ``corrections_page``) asks for a
  signed-in planner; a session counts only while its account still has
  the session version it signed in with (``accounts``).
"""

from __future__ import annotations

import re
import secrets
from typing import Protocol
from urllib.parse import quote, urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from herplan.digits import whole_number

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
DROPPED = {b"etag", b"last-modified"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
TOKEN_FIELD = "csrf"


class SecurityHeaders:
    """The same protective headers on every response, and nothing that invites caching."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in DROPPED]
                kept = [(k, v) for k, v in kept if k.lower() not in dict(HEADERS)]
                message["headers"] = kept + HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


class TooLarge(Exception):
    """The request's body passed the limit while it was being read."""


class BodyLimit:
    """At most ``limit`` bytes of request body, counted on the stream as it arrives."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        size = whole_number(declared)
        too_large = size is not None and size > self.limit
        seen = 0

        async def counted() -> Message:
            # Raised where the handler reads the body, so its page says what happened.
            nonlocal seen
            if too_large:
                raise TooLarge()
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge()
            return message

        await self.app(scope, counted, send)


def same_origin(headers: Headers) -> bool:
    """Did a browser send this from our own page? (``True`` when it does not say.)"""
    site = headers.get("sec-fetch-site")
    if site is not None and site != "same-origin":
        return False
    origin = headers.get("origin")
    if origin is None or origin == "null":  # "null": our own no-referrer policy hides it
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc == headers.get("host", "")


class CrossSiteWrites:
    """A write (POST) from another website gets 403 before any handler runs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        writes = scope["type"] == "http" and scope["method"] not in SAFE_METHODS
        if writes and not same_origin(Headers(scope=scope)):
            refused = PlainTextResponse(
                "Geweigerd: dit verzoek kwam niet van de eigen pagina. / Refused: this "
                "request did not come from the page itself.",
                status_code=403,
            )
            await refused(scope, receive, send)
            return
        await self.app(scope, receive, send)


def session_token(session: dict) -> str:
    """The session's token for its forms (made on first use)."""
    token = session.get(TOKEN_FIELD)
    if not isinstance(token, str) or len(token) < 32:
        token = session[TOKEN_FIELD] = secrets.token_urlsafe(32)
    return token


def token_matches(session: dict, given: object) -> bool:
    expected = session.get(TOKEN_FIELD)
    return (
        isinstance(expected, str)
        and isinstance(given, str)
        and secrets.compare_digest(expected.encode(), given.encode())
    )


OPEN_PATHS = ("/inloggen", "/static/")
PROVIDER_LINK = re.compile(
    r"/a/[A-Za-z0-9_-]{1,100}(/opties/[0-9]{1,4}|/kies|/gegevens|/correcties)?"
)  # a provider's own link: no login


class SessionVersions(Protocol):
    def version(self, name: str) -> str | None: ...


def signed_in(session: dict, accounts: SessionVersions | None) -> bool:
    """Does the session belong to an account that still has its version? A session
    that no longer does (signed out, a new password, the account removed) is
    emptied, so it is never renewed either."""
    user = session.get("user")
    if not user:
        return False
    if accounts is None or accounts.version(str(user)) != session.get("v"):
        session.clear()
        return False
    return True


class LoginRequired:
    """Where planners must sign in, every page but the login page and the static files;
    on every request a session's account and version are checked (``accounts``)."""

    def __init__(self, app: ASGIApp, required: bool, accounts: SessionVersions | None = None):
        self.app = app
        self.required = required
        self.accounts = accounts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = scope.get("session")
        known = isinstance(session, dict) and signed_in(session, self.accounts)
        if not self.required:
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if known or path.startswith(OPEN_PATHS) or PROVIDER_LINK.fullmatch(path):
            await self.app(scope, receive, send)
            return
        back = quote(path + ("?" + scope["query_string"].decode() if scope["query_string"] else ""))
        await RedirectResponse(f"/inloggen?volgende={back}", status_code=303)(scope, receive, send)
