"""Sending the invitations from the page (README, Web page: sending), as ``herplan send``.

The outbox is shown per recipient: how many messages still go to each, and of
what kind (new, changed, cancelled), each one open to read. *Versturen* sends
through the mail server the planner entered once (``app.stores.mail_settings``) with
``mailer.send_outbox``: the same once-and-only-once record
(``verzonden.jsonl``) as the command line, so the two can take turns.

The page never shows what a mail server answered (a port that is no mail server
would show its banner: the form would scan the network); per kind of failure it
says one fixed sentence (``outbox_section.last_report``). A password goes over TLS
only, unless the planner ticked the exception for a relay on a closed network;
the one from ``HERPLAN_SMTP_PASSWORD`` over TLS only, always.
"""

from __future__ import annotations

import email
import email.policy

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from herplan.app.mailer import send_outbox
from herplan.app.mailer import smtp_connection as connection
from herplan.app.stores import mail_settings
from herplan.app.web import audit
from herplan.app.web.files import inside
from herplan.app.web.planning_page import planning_problem
from herplan.app.web.planning_request import named, posted
from herplan.app.web.render import language, missing, page
from herplan.app.web.state import PLANNING, Plannings
from herplan.digits import whole_number
from herplan.io.errors import InputError
from herplan.io.plan_reader import read_plan


async def save_settings(request: Request) -> Response:
    got = await posted(request)
    if isinstance(got, Response):
        return got
    name, lang, form = got.name, got.lang, got.form
    port = whole_number(form.fields.get("poort"), 1, 65535) or 0
    settings = mail_settings.MailSettings(
        form.fields.get("server", "").strip(),
        port,
        bool(form.fields.get("starttls")),
        form.fields.get("gebruiker", "").strip(),
        bool(form.fields.get("zonder_tls")),
    )
    if not settings.complete:
        return await planning_problem(request, name, lang, 400, "smtp_incomplete")
    given = form.fields.get("wachtwoord", "")
    forget = bool(form.fields.get("wachtwoord_vergeten"))
    store: Plannings = request.app.state.plannings
    mail_settings.save(store.data, settings, "" if forget else (given or None))
    audit.record(
        request,
        "smtp-settings",
        planning=name,
        host=settings.host,
        port=settings.port,
        smtp_user=settings.user,
        auth_without_tls=settings.auth_without_tls,
    )
    return RedirectResponse(f"/p/{name}?taal={lang}#versturen", status_code=303)


async def send(request: Request) -> Response:
    got = await posted(request)
    if isinstance(got, Response):
        return got
    name, folder, lang = got.name, got.folder, got.lang
    store: Plannings = request.app.state.plannings
    job = store.jobs.get(name)
    if job is not None and job.running:
        return await planning_problem(request, name, lang, 409, "busy_other")
    s = mail_settings.load(store.data)
    if not s.complete:
        return await planning_problem(request, name, lang, 400, "smtp_incomplete")
    connect = connection(
        s.host,
        s.port,
        s.starttls,
        s.user or None,
        mail_settings.password(store.data),
        not mail_settings.tls_required(store.data, s),
    )
    try:
        report = await run_in_threadpool(
            send_outbox, folder / PLANNING, connect, False, request.app.state.config.today()
        )
    except InputError as error:  # our own outbox or record unreadable: our own words
        request.session["verzonden"] = {"sent": 0, "failed": 0, "own": error.messages[0]}
    else:
        request.session["verzonden"] = {
            "sent": len(report.sent),
            "failed": len(report.failed),
            "kinds": sorted(report.kinds),
            "to": len({m.to for m in report.sent}),
        }
        audit.record(
            request,
            "send",
            planning=name,
            sent=len(report.sent),
            failed=len(report.failed),
            kinds=sorted(report.kinds),
        )
    return RedirectResponse(f"/p/{name}?taal={lang}#versturen", status_code=303)


async def message(request: Request) -> Response:
    """One message of the outbox, to read before sending: to, subject and text."""
    name, folder = named(request)
    planning = folder / PLANNING
    relative = request.path_params["path"]
    parts = relative.split("/")
    in_outbox = parts[:1] == ["uitgaand"] or (parts[:1] == ["revisies"] and "uitgaand" in parts)
    try:
        path = inside(planning, relative)
    except LookupError:
        return missing(request)
    if not in_outbox or path.suffix != ".eml":
        return missing(request)
    lang = language(request, read_plan(planning))
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    body = msg.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    return page(
        request,
        "message.html",
        lang,
        name=name,
        to=str(msg.get("To", "")),
        subject=str(msg.get("Subject", "")),
        text=text,
    )
