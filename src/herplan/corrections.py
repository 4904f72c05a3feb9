"""Corrections a provider proposes to the input (README, Corrections).

A provider knows its clients better than the planner's list: a new support plan,
a client no longer in care, another begeleider, days a client cannot come, a
client missing from the list. Each correction is a *proposal*: it is stored
(``herplan.app.stores.corrections``) and changes nothing until the planner takes it; a
taken one is written into a new revision of the input (``herplan.io.input_corrections``)
that the next rerun plans from.

``refusals`` checks a proposal against the planning's input before it is
stored: a dossier of another provider, a support plan dated in the future or
before the one on file, a date outside the period, an unknown location, a
duplicate dossier: each a ``Refusal``, a code and its values, worded at the edge
(the page, the terminal) from the catalogue's ``corr_refused_<code>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parseaddr

from herplan.domain.codes import CorrectionKind, CorrectionStatus
from herplan.domain.problem import Problem, Reassessment

KINDS = tuple(CorrectionKind)
REASONS = ("verhuisd", "uitgestroomd", "andere_zorg", "overleden", "anders")
EXPECTED = ("verwacht", "expected")  # ``verwacht JJJJ-MM-DD``: when a new plan is expected
MAX_VALUE = 200
INITIALS = re.compile(r"^(?:[A-Za-zÀ-ÿ]\.\s?){1,5}(?:[a-z]{1,3}\s)?$|^(?:[A-Za-zÀ-ÿ]\.){1,5}$")


@dataclass(frozen=True)
class Correction:
    """One proposal as stored: who proposed what for which client, and its fate."""

    id: int
    provider: str
    dossier: str
    kind: CorrectionKind
    value: str
    source: str  # "online" or the returned workbook's name
    given: datetime
    status: CorrectionStatus = CorrectionStatus.OPEN
    decided_by: str = ""
    decided: datetime | None = None

    def as_dict(self) -> dict[str, object]:
        """What ``herplan corrections --json`` prints for it."""
        return {
            "id": self.id,
            "provider": self.provider,
            "dossier": self.dossier,
            "kind": self.kind,
            "value": self.value,
            "source": self.source,
            "given": self.given.isoformat(),
            "status": self.status,
            "decided_by": self.decided_by,
            "decided": self.decided.isoformat() if self.decided else None,
        }


@dataclass(frozen=True)
class Refusal:
    """Why a proposal is not stored: a code of ``corr_refused_<code>`` and its values."""

    code: str
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Missing:
    """A client missing from the list (``ontbreekt``): ``initials; location; end date``
    and, when there is one, ``; support plan date``."""

    initials: str
    location: str
    indication_end: date
    support_plan: date | None = None


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def plan_value(value: str) -> tuple[date | None, bool]:
    """``JJJJ-MM-DD`` (a plan made) or ``verwacht JJJJ-MM-DD`` (expected): date, expected."""
    text = value.strip()
    word = next((w for w in EXPECTED if text.casefold().startswith(w)), "")
    return parse_date(text[len(word) :]), bool(word)


def dates_value(value: str) -> list[date | None]:
    return [parse_date(part) for part in value.replace(";", ",").split(",") if part.strip()]


def worker_value(value: str) -> tuple[str, str]:
    """``naam <e-mail>``: the name and the address (empty where not given well)."""
    name, address = parseaddr(value)
    ok = "@" in address and "." in address.rsplit("@", 1)[-1] and " " not in address
    return name.strip(), address if ok else ""


def missing_value(value: str) -> Missing | None:
    parts = [p.strip() for p in value.split(";")]
    if len(parts) not in (3, 4) or not parts[0] or not parts[1]:
        return None
    end, plan = parse_date(parts[2]), parse_date(parts[3]) if len(parts) == 4 else None
    if end is None or (len(parts) == 4 and parts[3] and plan is None):
        return None
    return Missing(parts[0], parts[1], end, plan)


def _r(code: str, **values: object) -> Refusal:
    return Refusal(code, tuple((k, str(v)) for k, v in values.items()))


def refusals(
    problem: Problem, provider: str, dossier: str, kind: str, value: str, today: date
) -> list[Refusal]:
    """What is wrong with this proposal of ``provider`` (empty: it may be stored)."""
    if kind not in KINDS:
        return [_r("kind")]
    if len(value) > MAX_VALUE or len(dossier) > 40:
        return [_r("too_long", n=MAX_VALUE)]
    if kind == CorrectionKind.MISSING:
        return _missing_refusals(problem, provider, dossier.strip(), value, today)
    case = next((r for r in problem.reassessments if r.dossier == dossier), None)
    if case is None or case.provider != provider:  # never says whose it is
        return [_r("not_yours", dossier=dossier)]
    check = {
        CorrectionKind.SUPPORT_PLAN: _plan_refusals,
        CorrectionKind.OUT_OF_CARE: _reason_refusals,
        CorrectionKind.SUPPORT_WORKER: _worker_refusals,
        CorrectionKind.UNAVAILABLE: _days_refusals,
    }[CorrectionKind(kind)]
    return check(problem, case, value, today)


def _plan_refusals(problem: Problem, case: Reassessment, value: str, today: date) -> list[Refusal]:
    day, expected = plan_value(value)
    if day is None:
        return [_r("date", value=value)]
    s = problem.settings
    if expected:
        if day <= today or day > s.period_end:
            return [
                _r(
                    "expected",
                    value=day.isoformat(),
                    today=today.isoformat(),
                    end=s.period_end.isoformat(),
                )
            ]
        return []
    if day > today:
        return [_r("future", value=day.isoformat())]
    if case.support_plan_date is not None and day <= case.support_plan_date:
        return [_r("older", value=day.isoformat(), on_file=case.support_plan_date.isoformat())]
    return []


def _reason_refusals(problem: Problem, case: Reassessment, value: str, today: date):
    return [] if value.strip() in REASONS else [_r("reason")]


def _worker_refusals(problem: Problem, case: Reassessment, value: str, today: date):
    name, address = worker_value(value)
    return [] if name and address else [_r("worker")]


def _days_refusals(problem: Problem, case: Reassessment, value: str, today: date):
    days = dates_value(value)
    if not days or None in days:
        return [_r("date", value=value)]
    s = problem.settings
    wrong = [d for d in days if d is not None and not (today < d <= s.period_end)]
    if wrong:
        return [
            _r(
                "period",
                value=wrong[0].isoformat(),
                today=today.isoformat(),
                end=s.period_end.isoformat(),
            )
        ]
    return []


def _missing_refusals(problem: Problem, provider: str, dossier: str, value: str, today: date):
    missing = missing_value(value)
    if missing is None:
        return [_r("missing")]
    if not INITIALS.match(missing.initials):
        return [_r("initials")]
    if (provider, missing.location) not in {loc.key for loc in problem.locations}:
        return [_r("location", value=missing.location, provider=provider)]
    if missing.indication_end <= today:
        return [_r("ended", value=missing.indication_end.isoformat())]
    if dossier and any(r.dossier == dossier for r in problem.reassessments):
        return [_r("duplicate", dossier=dossier)]
    if missing.support_plan is not None and missing.support_plan > today:
        return [_r("future", value=missing.support_plan.isoformat())]
    return []


def key_of(provider: str, dossier: str, kind: str, value: str) -> str:
    """What a later proposal replaces: the same client and kind (a missing client: the
    same initials at the same location)."""
    if kind == CorrectionKind.MISSING:
        missing = missing_value(value)
        who = f"{missing.initials}@{missing.location}" if missing else value
        return f"{provider}|{dossier or who}|{kind}"
    return f"{provider}|{dossier}|{kind}"
