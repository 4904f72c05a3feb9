"""Personal data not kept longer than needed (README, What is kept where).

A planning of the page (``DATA/<naam>/``: its input, plans, calendars,
e-mails, answers) is deleted whole once its period ended more than
``bewaartermijn_maanden`` months ago (a setting of the input, default 3).
``herplan serve`` does this at start and once a day, ``herplan cleanup DATA``
when asked. The audit log keeps a line for each: the planning's name, its
period's end, when and by whom, nothing of its contents.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

from herplan import clock
from herplan.app.web import audit

DEFAULT_MONTHS = 3


@dataclass(frozen=True)
class Expired:
    """A planning past its retention: its name, its period's end, the last day kept."""

    name: str
    period_end: date
    kept_until: date


def _expiry(planning: Path) -> Expired | None:
    try:
        settings = json.loads((planning / "planning" / "plan.json").read_text("utf-8"))["settings"]
        end = date.fromisoformat(str(settings["periode_eind"]))
        months = int(settings.get("bewaartermijn_maanden", DEFAULT_MONTHS))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no plan (yet): nothing to measure by, kept
    return Expired(planning.name, end, end + relativedelta(months=max(0, months)))


def expired(data: Path, today: date) -> list[Expired]:
    """The plannings of ``data`` kept past their retention on ``today``."""
    if not data.is_dir():
        return []
    found = [
        _expiry(p)
        for p in sorted(data.iterdir())
        if p.is_dir() and not p.is_symlink() and (p / "invoer").is_dir()
    ]
    return [e for e in found if e is not None and today > e.kept_until]


def clean_up(data: Path, today: date, by: str, skip: Collection[str] = ()) -> list[Expired]:
    """Delete every planning past its retention (but those in ``skip``: running now), each
    with a line in the audit log; the ones deleted."""
    done = []
    for e in expired(data, today):
        if e.name in skip:
            continue
        try:
            shutil.rmtree(data / e.name)
        except OSError:  # left for the next time; the page and the log say nothing false
            continue
        audit.append(
            data,
            {
                "time": clock.now().isoformat(timespec="seconds"),
                "user": by,
                "from": "",
                "action": "retention-delete",
                "planning": e.name,
                "period_end": e.period_end.isoformat(),
                "kept_until": e.kept_until.isoformat(),
            },
        )
        done.append(e)
    return done
