"""What the planning page shows of the outbox and the mail server (README, Web page).

Per recipient how many messages still go, new, changed and cancelled, as
``mailer.plan_sending`` decides them for *Versturen* and ``herplan send``; the mail
settings without the password; and what the last *Versturen* of this session did.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from starlette.requests import Request

from herplan.app.mailer import FAILURE_KINDS, SENT_LOG, plan_sending, read_log, read_outboxes
from herplan.app.stores import mail_settings
from herplan.app.web.words import section
from herplan.io.errors import InputError

_seen: dict[tuple, dict] = {}  # outbox views, by planning and the files they were read from


def stamp(path: Path) -> int:
    """When a file last changed (0 when it is not there): what a cached answer is keyed on."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def outbox(planning: Path, today: date | None = None) -> dict[str, object]:
    """What still has to go, per recipient: new, changed and cancelled, with a message to
    read of each recipient; and how many were sent before. Nothing for an interview on
    ``today`` or before."""
    key = (str(planning), stamp(planning / "plan.json"), stamp(planning / SENT_LOG), today)
    if key in _seen:
        return _seen[key]
    try:
        report = plan_sending(read_outboxes(planning), read_log(planning), today)
    except InputError as error:
        return {"recipients": [], "pending": 0, "sent": 0, "problem": error.messages[0]}
    per: dict[str, dict] = defaultdict(
        lambda: {"new": 0, "changed": 0, "cancelled": 0, "files": []}
    )
    for m in report.pending:
        kind = "cancelled" if m.method == "CANCEL" else "changed" if m.sequence else "new"
        row = per[m.to]
        row[kind] += 1
        row["files"].append(m.path.relative_to(planning).as_posix())
    found = {
        "recipients": [{"to": to, **row} for to, row in sorted(per.items())],
        "pending": len(report.pending),
        "sent": len(report.already),
        "problem": "",
    }
    _seen.clear()
    _seen[key] = found
    return found


def settings_shown(data: Path) -> dict[str, object]:
    """The mail settings as the form shows them: never the password, only where it is."""
    s = mail_settings.load(data)
    return {
        "host": s.host,
        "port": s.port,
        "starttls": s.starttls,
        "user": s.user,
        "auth_without_tls": s.auth_without_tls,
        "complete": s.complete,
        "password": mail_settings.password_source(data),
    }


def last_report(request: Request, lang: str) -> dict | None:
    """What the last *Versturen* of this session did (shown once): counts, and per kind
    of failure one fixed sentence of ours; never what the mail server said."""
    said = request.session.pop("verzonden", None)
    if not isinstance(said, dict):
        return None
    w = section(lang, "web_")
    kinds = [k for k in FAILURE_KINDS if k in said.get("kinds", [])]
    said_ours = [w[f"send_failed_{kind}"] for kind in kinds] + [str(said.get("own", ""))]
    problem = "; ".join(s for s in said_ours if s)
    return {
        "sent": said.get("sent", 0),
        "failed": said.get("failed", 0),
        "problem": problem,
        "to": said.get("to", 0),
    }
