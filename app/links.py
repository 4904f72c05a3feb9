"""The providers' personal answer links of a planning (README, Answers online).

``herplan links`` prints them for a planner who mails them by hand; the web
page lists them, and the e-mails of the outbox carry them. One link per
provider with appointments in the current revision, valid until the end of the
period; asking again gives the same links until the planner renews one.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from herplan.app.stores.answers import FILE, AnswerStore, Link, store_of
from herplan.domain.plan import Plan
from herplan.io.errors import InputError
from herplan.io.previous import read_previous

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def base_url(value: str) -> str:
    """``value`` as the base of the links: http(s), a host, no query; no trailing slash."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise InputError([f"--base-url {value!r}: expected http(s)://host[:port][/path]"])
    return value.strip().rstrip("/")


def link_url(base: str, link: Link) -> str:
    return f"{base_url(base)}/a/{link.token}"


def _period_end(folder: Path) -> date:
    data = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    return date.fromisoformat(str(data["settings"]["periode_eind"]))


def planning_links(folder: Path, base: str = DEFAULT_BASE_URL) -> list[tuple[Link, str]]:
    """Each provider's link for the planning in ``folder``, with its URL."""
    folder = Path(folder)
    previous = read_previous(folder / "plan.json")
    providers = sorted({a.provider for a in previous.appointments})
    store = AnswerStore(store_of(folder))
    found = store.links(providers, previous.revision, _period_end(folder))
    return [(link, link_url(base, link)) for link in found]


def renew_link(folder: Path, provider: str) -> Link:
    """A new link for ``provider`` in the planning in ``folder``; the old one stops working."""
    folder = Path(folder)
    previous = read_previous(folder / "plan.json")
    if provider not in {a.provider for a in previous.appointments}:
        raise InputError([f"{provider!r}: no provider of this planning"])
    return AnswerStore(store_of(folder)).renew(provider, previous.revision, _period_end(folder))


def revision_links(folder: Path, plan: Plan, base: str) -> dict[str, str]:
    """The links of the revision ``plan`` is about to become in planning ``folder``, for
    its workbooks and e-mails: issued now in the store beside the folder."""
    store = AnswerStore(Path(folder).parent / FILE)
    providers = sorted({a.provider for a in plan.appointments})
    found = store.links(providers, plan.revision, plan.problem.settings.period_end)
    return {link.provider: link_url(base, link) for link in found}
