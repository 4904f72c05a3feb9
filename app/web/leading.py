"""What the top of the planning page says: what just happened and what waits.

After a rerun the banner names the revision, its changes, the answers it took and the
moves by hand it pinned; after *Versturen*, how many messages went to how many
recipients. The confirmations say beforehand what *Versturen* and *Kiezen* will do.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from herplan.app.mailer import SENT_LOG, plan_sending, read_log, read_outboxes
from herplan.app.stores.answers import FILE as ANSWERS_FILE
from herplan.app.stores.answers import AnswerStore
from herplan.app.web.outbox_section import stamp
from herplan.app.web.words import section
from herplan.domain.appointment import is_held
from herplan.domain.codes import Cause
from herplan.io.errors import InputError
from herplan.io.plan_reader import SavedPlan, read_plan

CHOSEN = Cause.CHOSEN  # a change's cause when a chosen place or a move by hand was pinned


def answers_taken(folder: Path, revision: int) -> int:
    """How many providers' answers the rerun that made ``revision`` took."""
    path = folder / ANSWERS_FILE
    if not path.is_file():
        return 0
    return sum(1 for a in AnswerStore(path).latest().values() if a.processed == revision)


def counted(n: int, what: str, lang: str) -> str:
    """``1 wijziging``, ``3 wijzigingen``: ``what`` is ``changes``, ``answers`` or ``moves``."""
    w = section(lang, "web_n_")
    return w[f"{what}_one"] if n == 1 else w[what].format(n=n)


def rerun_banner(folder: Path, plan: SavedPlan, pending: int, lang: str, not_taken: int = 0) -> str:
    """``Revisie 3 is klaar: 14 wijzigingen, 5 antwoorden verwerkt, ...``; what it could
    not take (listed under Wijzigingen) and the messages now ready."""
    w = section(lang, "web_")
    changes = plan.changes
    chosen = sum(1 for c in changes if c.cause == CHOSEN)
    said = [
        w["banner_rerun"].format(
            revision=plan.revision,
            changes=counted(len(changes), "changes", lang),
            answers=counted(answers_taken(folder, plan.revision), "answers", lang),
            hand=chosen,
        )
    ]
    if not_taken:
        said.append(w["banner_not_taken"].format(n=not_taken))
    if pending:
        said.append(w["banner_to_send"].format(n=pending))
    return " ".join(said)


def sent_banner(sent: dict, lang: str) -> str:
    """What the last *Versturen* of this session did, in one sentence."""
    w = section(lang, "web_")
    said = w["banner_sent"].format(sent=sent["sent"], to=sent.get("to", 0), failed=sent["failed"])
    if sent.get("problem"):
        said += " " + w["send_problem"].format(problem=sent["problem"])
    return said


def new_answers(answers: list[dict[str, object]]) -> int:
    """Answers given since the last rerun, still to be taken (outdated ones not counted)."""
    given: list[list[dict]] = [p["answers"] for p in answers]  # type: ignore[misc]
    return sum(1 for mine in given for a in mine if not a["outdated"])


def _days_by_uid(planning: Path) -> dict[str, date]:
    """The day of every appointment an invitation was made for, in this revision or an
    earlier one (a cancellation's appointment is gone from the current plan)."""
    kept = sorted((planning / "revisies").glob("*"))
    plans = [read_plan(planning), *(read_plan(p) for p in kept)]
    days: dict[str, date] = {}
    for plan in filter(None, plans):
        by_dossier = {a.dossier: a.date for a in plan.appointments}
        for i in plan.invitations:
            if i.dossier in by_dossier and i.uid not in days:
                days[i.uid] = date.fromisoformat(by_dossier[i.dossier])
    return days


_previews: dict[tuple, str] = {}  # by planning, the files it was read from, day and language


def send_preview(planning: Path, today: date, lang: str) -> str:
    """``687 berichten aan 83 ontvangers, waarvan 135 voor vandaag of eerder.`` (kept
    until the plan or the record of what was sent changes: a region's outbox is
    hundreds of messages to read)."""
    key = (str(planning), stamp(planning / "plan.json"), stamp(planning / SENT_LOG), today, lang)
    if key not in _previews:
        _previews.clear()
        _previews[key] = _preview(planning, today, lang)
    return _previews[key]


def _preview(planning: Path, today: date, lang: str) -> str:
    w = section(lang, "web_")
    try:
        pending = plan_sending(read_outboxes(planning), read_log(planning)).pending
    except InputError:
        return ""
    days = _days_by_uid(planning)
    past = sum(1 for m in pending if m.uid in days and is_held(days[m.uid], today))
    said = w["confirm_send"].format(n=len(pending), to=len({m.to for m in pending}))
    return said + (w["confirm_send_past"].format(n=past) if past else "") + "."
