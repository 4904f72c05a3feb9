"""``plan.json`` read back for the web page: typed records of what the page shows.

``plan_json`` writes the file (README, Outputs: format ``herplan-plan/1``); this reads
it for the planner's and the providers' pages, so that they are coupled to these
records, not to the file's keys. Appointments and invitations are read by the
rerun's own parser (``previous``); a day and a time stay as the file writes them
(``2026-12-09``, ``09:00``), the way the page shows and filters them. A field the
file lacks (a plan of an earlier version) reads as empty.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from herplan.domain.appointment import Appointment
from herplan.domain.problem import Settings
from herplan.domain.revisions import Invitation
from herplan.findings import Finding, text
from herplan.io.plan_json import calendar_settings
from herplan.io.previous import appointment_entry, each_entry, file_names_of, invitation_entry
from herplan.scheduler.timing import hhmm

FILE = "plan.json"


@dataclass(frozen=True)
class Slot:
    """A planned interview as the page shows it: its day and times as written."""

    uid: str
    dossier: str
    client: str
    provider: str
    location: str
    consultant: str
    date: str  # 2026-12-09
    start: str  # 09:00
    end: str
    begeleider: str = ""
    with_: str = ""
    pinned: bool = False

    @classmethod
    def of(cls, a: Appointment) -> Slot:
        return cls(
            a.uid,
            a.dossier,
            a.client,
            a.provider,
            a.location,
            a.consultant,
            a.day.isoformat(),
            hhmm(a.start),
            hhmm(a.end),
            a.begeleider,
            a.with_,
            a.pinned,
        )

    @property
    def place(self) -> str:
        """``2026-12-09@AB05@09:00``: where it is, as a move by hand names it."""
        return f"{self.date}@{self.consultant}@{self.start}"


@dataclass(frozen=True)
class NotPlanned:
    """A reassessment without a place, why (the reason codes, the main one first, and
    the explanation in either language), and whose it is."""

    dossier: str
    reasons: tuple[str, ...] = ()
    explanation: str = ""
    explanation_in: dict[str, str] = field(default_factory=dict)
    provider: str = ""
    location: str = ""
    client: str = ""
    begeleider: str = ""


@dataclass(frozen=True)
class Renewal:
    """A support plan to renew, with by when (days as written, or ``None``)."""

    dossier: str
    provider: str = ""
    plan_date: str | None = None
    valid_until: str | None = None
    promised: str | None = None
    needed_by: str | None = None
    planned_date: str | None = None


@dataclass(frozen=True)
class Where:
    """Where an appointment was or is, in a change: day, times and consultant."""

    date: str
    start: str
    end: str
    consultant: str


@dataclass(frozen=True)
class Changed:
    """A change since the previous revision: its kind, cause and reason in words."""

    dossier: str
    provider: str = ""
    kind: str = ""
    cause: str = ""
    conflict: bool = False
    reason: str = ""
    reason_in: dict[str, str] = field(default_factory=dict)
    made_room_for: str | None = None
    remark: str = ""
    before: Where | None = None
    after: Where | None = None


@dataclass(frozen=True)
class Noted:
    """An answer the rerun noted without taking it: stale (for a time since changed)
    or late (for an interview held already)."""

    dossier: str
    source: str = ""
    remark: str = ""
    answer: str = ""


@dataclass(frozen=True)
class Person:
    """A consultant: name, address and the working days they do not interview."""

    name: str = ""
    email: str = ""
    away: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A location: its address and the working days it is closed."""

    name: str
    provider: str = ""
    address: str = ""
    closed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Phase:
    """One phase of the search: what it found and the bound it proved."""

    name: str
    status: str = ""
    objective: float = 0
    bound: float | None = None


@dataclass(frozen=True)
class Figures:
    """The plan's counts as the file gives them, and the phases of its search."""

    scheduled: int = 0
    unscheduled: int = 0
    visits: int = 0
    location_days: int = 0
    phases: tuple[Phase, ...] = ()


@dataclass(frozen=True)
class SavedPlan:
    """A planning's ``plan.json``, as the pages read it."""

    revision: int
    settings: Settings
    appointments: tuple[Slot, ...] = ()
    unscheduled: tuple[NotPlanned, ...] = ()
    support_plans: tuple[Renewal, ...] = ()
    changes: tuple[Changed, ...] = ()
    stale_answers: tuple[Noted, ...] = ()
    late_answers: tuple[Noted, ...] = ()
    answer_conflicts: tuple[Finding, ...] = ()  # a rerun's notes (README, Answers online)
    consultants: dict[str, Person] = field(default_factory=dict)
    locations: tuple[Place, ...] = ()
    file_names: dict[str, dict[str, str]] = field(default_factory=dict)
    invitations: tuple[Invitation, ...] = ()
    stats: Figures = Figures()

    def name_of(self, consultant: str, default: str = "") -> str:
        """A consultant's name (``default`` for one the plan does not know)."""
        person = self.consultants.get(consultant)
        return person.name if person is not None else default


def read_plan(planning: Path) -> SavedPlan | None:
    """The ``plan.json`` of the planning folder ``planning``; ``None`` when there is none."""
    path = planning / FILE
    if not path.is_file():
        return None
    return saved_plan(json.loads(path.read_text(encoding="utf-8")), path)


def saved_plan(data: dict, path: Path) -> SavedPlan:
    """The records of a ``plan.json``'s content (``path`` names it in an error)."""
    return SavedPlan(
        revision=int(data.get("revision", 1)),
        settings=_settings(data.get("settings", {})),
        appointments=tuple(
            Slot.of(a)
            for a in each_entry(data, path, "appointments", "appointment", appointment_entry)
        ),
        unscheduled=tuple(_not_planned(u) for u in _entries(data, "unscheduled")),
        support_plans=tuple(_renewal(r) for r in _entries(data, "support_plans")),
        changes=tuple(_changed(c) for c in _entries(data, "changes")),
        stale_answers=tuple(_noted(x) for x in _entries(data, "stale_answers")),
        late_answers=tuple(_noted(x) for x in _entries(data, "late_answers")),
        answer_conflicts=_notes(data),
        consultants={
            str(cid): _person(p)
            for cid, p in _mapping(data, "consultants").items()
            if isinstance(p, dict)
        },
        locations=tuple(_place(loc) for loc in _entries(data, "locations")),
        file_names=file_names_of(data, path),
        invitations=each_entry(data, path, "invitations", "invitation", invitation_entry),
        stats=_figures(_mapping(data, "stats")),
    )


def _notes(data: dict) -> tuple[Finding, ...]:
    """A rerun's notes as findings; a ``plan.json`` written before they were kept as data
    has their English only, which is said as it is."""
    english = [str(c) for c in data.get("answer_conflicts", []) if isinstance(c, str)]
    kept = _entries(data, "answer_conflict_findings")
    try:
        return tuple(Finding.from_dict(f) for f in kept) if kept else tuple(map(text, english))
    except (KeyError, TypeError, ValueError, AssertionError):  # a note this version cannot read
        return tuple(map(text, english))


def _entries(data: dict, key: str) -> list[dict]:
    found = data.get(key, [])
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def _mapping(data: dict, key: str) -> dict:
    found = data.get(key, {})
    return found if isinstance(found, dict) else {}


def _text(d: dict, key: str) -> str:
    return str(d.get(key) or "")


def _day(d: dict, key: str) -> str | None:
    value = d.get(key)
    return str(value) if value else None


def _words(d: dict, key: str) -> dict[str, str]:
    """A text in either language (``{"nl": ..., "en": ...}``)."""
    return {str(k): str(v) for k, v in _mapping(d, key).items()}


def _settings(raw: dict) -> Settings:
    """What the pages use of the run's settings: the period and its holidays (the
    calendar), the language, the answer time and how to reach the planner."""
    calendar = calendar_settings(raw)
    return Settings(
        period_start=calendar.period_start,
        period_end=calendar.period_end,
        holidays=calendar.holidays,
        language=_text(raw, "taal") or "nl",
        answer_workdays=int(raw.get("reactie_werkdagen", 5)),
        planner_name=_text(raw, "planner_naam"),
        planner_email=_text(raw, "planner_email"),
        planner_phone=_text(raw, "planner_telefoon"),
    )


def _not_planned(u: dict) -> NotPlanned:
    return NotPlanned(
        dossier=_text(u, "dossier"),
        reasons=tuple(str(r) for r in u.get("reasons", [])),
        explanation=_text(u, "explanation"),
        explanation_in=_words(u, "explanation_in"),
        provider=_text(u, "provider"),
        location=_text(u, "location"),
        client=_text(u, "client"),
        begeleider=_text(u, "begeleider"),
    )


def _renewal(r: dict) -> Renewal:
    return Renewal(
        _text(r, "dossier"),
        _text(r, "provider"),
        _day(r, "plan_date"),
        _day(r, "valid_until"),
        _day(r, "promised"),
        _day(r, "needed_by"),
        _day(r, "planned_date"),
    )


def _where(w: object) -> Where | None:
    if not isinstance(w, dict):
        return None
    return Where(_text(w, "date"), _text(w, "start"), _text(w, "end"), _text(w, "consultant"))


def _changed(c: dict) -> Changed:
    return Changed(
        dossier=_text(c, "dossier"),
        provider=_text(c, "provider"),
        kind=_text(c, "kind"),
        cause=_text(c, "cause"),
        conflict=bool(c.get("conflict")),
        reason=_text(c, "reason"),
        reason_in=_words(c, "reason_in"),
        made_room_for=c.get("made_room_for") or None,
        remark=_text(c, "remark"),
        before=_where(c.get("before")),
        after=_where(c.get("after")),
    )


def _noted(x: dict) -> Noted:
    return Noted(_text(x, "dossier"), _text(x, "source"), _text(x, "remark"), _text(x, "answer"))


def _person(p: dict) -> Person:
    return Person(_text(p, "name"), _text(p, "email"), tuple(str(d) for d in p.get("away", ())))


def _place(loc: dict) -> Place:
    return Place(
        _text(loc, "name"),
        _text(loc, "provider"),
        _text(loc, "address"),
        tuple(str(d) for d in loc.get("closed", ())),
    )


def _figures(s: dict) -> Figures:
    phases = tuple(
        Phase(_text(p, "name"), _text(p, "status"), p.get("objective") or 0, p.get("bound"))
        for p in _entries(s, "phases")
    )
    return Figures(
        int(s.get("scheduled", 0)),
        int(s.get("unscheduled", 0)),
        int(s.get("visits", 0)),
        int(s.get("location_days", 0)),
        phases,
    )
