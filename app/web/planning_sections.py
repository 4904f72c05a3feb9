"""What the sections of the planning page show, built from a planning's ``plan.json``
(``io.plan_reader``): plain data for the templates."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from herplan import clock
from herplan.app.web.words import section
from herplan.calendar import is_working_day, period_days
from herplan.digits import whole_number
from herplan.findings import Code, Finding
from herplan.io.finding_words import render, what
from herplan.io.plan_json import phase_named_for
from herplan.io.plan_reader import Changed, NotPlanned, Renewal, SavedPlan, Slot, read_plan
from herplan.io.sentences import percent, reason_name, weekday_short

# A place as the page names it: ``DATE@CONSULTANT@HH:MM``.
PLACE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}@[A-Za-z0-9._-]{1,40}@[0-9]{2}:[0-9]{2}")

PALETTE = 8  # provider colours on the timeline (herplan.css, .p0 to .p7)

MESSAGE = re.compile(
    r"^(?P<file>[^›:]+?)(?: › (?P<sheet>[^›:]+?))?(?: › row (?P<row>\d+))?"
    r"(?: › (?P<column>[^›:]+?))?: (?P<what>.+)$"
)


def error_rows(
    messages: Sequence[str | Finding | Mapping[str, object]], lang: str = "en"
) -> list[dict[str, str]]:
    """Findings (``herplan.findings``, or as the worker sends them) in the columns of the
    error table: file, sheet, row, column, and the *what* in the page's language
    (``finding_words``). A plain text (the page's own words, a message of the command
    line's) is split at ``file › sheet › row N › column: what`` as it is."""
    rows = []
    for message in messages:
        found = Finding.from_dict(dict(message)) if isinstance(message, Mapping) else message
        if isinstance(found, Finding) and found.code is not Code.TEXT:
            s = found.subject
            row = "" if s.row is None else str(s.row)
            said = what(found, lang) if s.file else render(found, lang)
            rows.append(
                {"file": s.file, "sheet": s.sheet, "row": row, "column": s.column, "what": said}
            )
            continue
        plain = what(found) if isinstance(found, Finding) else found
        split = MESSAGE.match(plain.strip())
        rows.append(
            split.groupdict(default="")
            if split
            else {"file": "", "sheet": "", "row": "", "column": "", "what": plain}
        )
    return rows


def headline(plan: SavedPlan, lang: str) -> dict[str, object]:
    """The figures at the top of the planning page, in the planner's words."""
    w = section(lang, "web_")
    stats = plan.stats
    reasons = Counter(u.reasons[0] for u in plan.unscheduled if u.reasons)
    counted = phase_named_for("reassessments")
    count = next((p for p in stats.phases if p.name == counted), None)
    if count is None or count.bound is None:
        quality = "–"
    elif count.objective >= count.bound:
        quality = w["proven"]
    else:
        share = count.objective / count.bound if count.bound else 1.0
        quality = w["share"].format(share=percent(share, lang), upper=int(count.bound))
    return {
        "scheduled": stats.scheduled,
        "unscheduled": stats.unscheduled,
        "reasons": [(reason_name(c, lang), n) for c, n in reasons.most_common()],
        "visits": stats.visits,
        "location_days": stats.location_days,
        "quality": quality,
    }


def working_days(plan: SavedPlan) -> list[date]:
    """The period's working days, as the engine counts them (``herplan.calendar``)."""
    settings = plan.settings
    start, end = settings.period_start, settings.period_end
    days = [date.fromordinal(n) for n in range(start.toordinal(), end.toordinal() + 1)]
    return [d for d in days if is_working_day(d, settings)]


def _plain(text: str) -> str:
    """``J.B.`` and ``j b`` alike: letters and digits only, case folded."""
    return "".join(c for c in text.casefold() if c.isalnum())


def week_of(day: str) -> int:
    return date.fromisoformat(day).isocalendar()[1]


@dataclass(frozen=True)
class PageFilter:
    """One filter for the whole planning page (``?aanbieder=&consulent=&locatie=&week=``)
    and a search (``?zoek=``) by dossier, client initials or begeleider."""

    provider: str = ""
    consultant: str = ""
    location: str = ""
    week: int | None = None
    search: str = ""

    @classmethod
    def of(cls, query: Mapping[str, str]) -> PageFilter:
        week = query.get("week", "")
        return cls(
            query.get("aanbieder", "").strip(),
            query.get("consulent", "").strip(),
            query.get("locatie", "").strip(),
            whole_number(week, 1, 53),
            query.get("zoek", "").strip()[:100],
        )

    @property
    def active(self) -> bool:
        return bool(self.provider or self.consultant or self.location or self.week or self.search)

    def params(self) -> dict[str, str]:
        """The filter as query parameters (kept across every link and form of the page)."""
        found = {
            "aanbieder": self.provider,
            "consulent": self.consultant,
            "locatie": self.location,
            "week": str(self.week or ""),
            "zoek": self.search,
        }
        return {k: v for k, v in found.items() if v}

    def _found(self, *texts: str) -> bool:
        wanted = _plain(self.search)
        return not wanted or any(wanted in _plain(t or "") for t in texts)

    def appointment(self, a: Slot) -> bool:
        return (
            self.provider in ("", a.provider)
            and self.consultant in ("", a.consultant)
            and self.location in ("", a.location)
            and self.week in (None, week_of(a.date))
            and self._found(a.dossier, a.client, a.begeleider)
        )

    def case(self, c: NotPlanned | Renewal | Changed, who: dict[str, dict[str, str]]) -> bool:
        """A not-planned case, a renewal or a change: matched on what the plan knows of
        it (``who``: dossier → provider, location, client, begeleider, consultant, date).
        A case without a day (not planned) is shown in every week."""
        own = {k: str(getattr(c, k, "") or "") for k in WHO}
        known = {**who.get(c.dossier, {}), **{k: v for k, v in own.items() if v}}
        placed = (c.after or c.before) if isinstance(c, Changed) else None
        consultant = (placed.consultant if placed else "") or known.get("consultant", "")
        day = (placed.date if placed else "") or known.get("date", "")
        return (
            self.provider in ("", known.get("provider", ""))
            and self.location in ("", known.get("location", ""))
            and self.consultant in ("", consultant)
            and (self.week is None or not day or week_of(day) == self.week)
            and self._found(c.dossier, known.get("client", ""), known.get("begeleider", ""))
        )


WHO = ("provider", "location", "client", "begeleider", "consultant", "date")


def who_is_who(plan: SavedPlan) -> dict[str, dict[str, str]]:
    """Per dossier what the plan knows of it: provider, location, client, begeleider and,
    when planned, consultant and date."""
    found: dict[str, dict[str, str]] = {}
    for u in plan.unscheduled:
        found[u.dossier] = {k: getattr(u, k) for k in WHO[:4]}
    for a in plan.appointments:
        found[a.dossier] = {k: getattr(a, k) or "" for k in WHO}
    return found


def filtered(plan: SavedPlan, f: PageFilter) -> dict[str, list]:
    """What the page lists, under its filter."""
    who = who_is_who(plan)
    return {
        "appointments": [a for a in plan.appointments if f.appointment(a)],
        "unscheduled": [u for u in plan.unscheduled if f.case(u, who)],
        "support_plans": [r for r in plan.support_plans if f.case(r, who)],
        "changes": [c for c in plan.changes if f.case(c, who)],
    }


def choices(plan: SavedPlan) -> dict[str, list]:
    """What the filter offers: providers, consultants (code, name), locations, weeks."""
    names = plan.consultants
    return {
        "providers": sorted(
            {a.provider for a in plan.appointments} | {u.provider for u in plan.unscheduled} - {""}
        ),
        "consultants": [
            (c, plan.name_of(c))
            for c in sorted(set(names) | {a.consultant for a in plan.appointments})
        ],
        "locations": sorted(
            {a.location for a in plan.appointments} | {u.location for u in plan.unscheduled} - {""}
        ),
        "weeks": sorted({week_of(d.isoformat()) for d in working_days(plan)}),
    }


def figures(plan: SavedPlan, shown: dict[str, list], f: PageFilter, lang: str) -> dict[str, object]:
    """The headline figures; under a filter, counted over what the filter shows."""
    head = headline(plan, lang)
    if not f.active:
        return head
    reasons = Counter(u.reasons[0] for u in shown["unscheduled"] if u.reasons)
    apps = shown["appointments"]
    return {
        **head,
        "scheduled": len(apps),
        "unscheduled": len(shown["unscheduled"]),
        "reasons": [(reason_name(c, lang), n) for c, n in reasons.most_common()],
        "visits": len({(a.consultant, a.date) for a in apps}),
        "location_days": len({(a.location, a.date) for a in apps}),
        "filtered": True,
    }


def timeline(plan: SavedPlan, f: PageFilter | None = None, lang: str = "nl") -> dict[str, object]:
    """Consultants × the period's working days, with the weekday and a break at every new
    week; each visit a block in its provider's colour that opens to its interviews and
    address; a consultant's days away and a location's closed days marked; per consultant
    the interviews of each week. The filter's week narrows the days, its consultant the
    rows."""
    f = f or PageFilter()
    appointments = [a for a in plan.appointments if f.appointment(a)]
    days = [d.isoformat() for d in working_days(plan) if f.week in (None, week_of(d.isoformat()))]
    cells: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    load: dict[str, Counter] = defaultdict(Counter)
    for a in sorted(appointments, key=lambda a: a.start):
        cells[(a.consultant, a.date)][a.location].append(a)
        load[a.consultant][date.fromisoformat(a.date).isocalendar()[1]] += 1
    names = plan.consultants
    people = [
        c
        for c in sorted(set(names) | {a.consultant for a in plan.appointments})
        if f.consultant in ("", c)
    ]
    away = {c: set(names[c].away if c in names else ()) for c in people}
    closed = set()
    if f.location:
        closed = {d for loc in plan.locations if loc.name == f.location for d in loc.closed}
    addresses = {loc.name: loc.address for loc in plan.locations}
    providers = sorted({a.provider for a in plan.appointments})
    colours = {p: n % PALETTE for n, p in enumerate(providers)}
    heads = day_heads(days, lang)
    return {
        "days": heads,
        "colours": colours,
        "addresses": addresses,
        "holidays": holidays(plan, f.week),
        "rows": [
            (
                c,
                plan.name_of(c),
                [
                    {
                        "visits": cells.get((c, d), {}),
                        "day": d,
                        "away": d in away[c],
                        "closed": d in closed,
                    }
                    for d in days
                ],
                sorted(load[c].items()),
            )
            for c in people
        ],
    }


def day_label(day: str | date, lang: str) -> str:
    """The page's one date style: ``di 01-12-2026`` (``Tue 01-12-2026``); ``""`` for none."""
    if not day:
        return ""
    d = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return f"{weekday_short(d, lang)} {d:%d-%m-%Y}"


def day_heads(days: list[str], lang: str) -> list[dict[str, object]]:
    """``di 01-12-2026`` for each day, with its ISO week and whether a new week starts there."""
    weeks = [week_of(d) for d in days]
    return [
        {
            "iso": d,
            "label": day_label(d, lang),
            "new_week": n > 0 and weeks[n] != weeks[n - 1],
            "week": weeks[n],
        }
        for n, d in enumerate(days)
    ]


def holidays(plan: SavedPlan, week: int | None) -> list[str]:
    """The period's weekdays that are no working day (public holidays): closed for all."""
    settings = plan.settings
    return [
        d.isoformat()
        for d in period_days(settings)
        if d.weekday() < 5
        and not is_working_day(d, settings)
        and week in (None, week_of(d.isoformat()))
    ]


def failure_rows(messages: Sequence[str | Mapping[str, object]], lang: str) -> list[dict[str, str]]:
    """A failed run's messages under a sentence in the page's language that says what
    happened and what to do next (the messages themselves name file, sheet and row)."""
    return error_rows([section(lang, "web_")["failed_next"], *messages], lang)


def download_cards(planning: Path, plan: SavedPlan, f: PageFilter) -> list[dict[str, object]]:
    """The current revision's files, one card per recipient: each provider its workbook
    and calendar (with how many of its appointments changed), the consultants their
    calendars, the planner the overview (``plan.json`` is herplan's own, in the zip)."""
    names = plan.file_names
    changed = Counter(c.provider for c in plan.changes)
    cards: list[dict[str, object]] = []
    for provider, stem in sorted(names.get("aanbieders", {}).items()):
        if f.provider not in ("", provider):
            continue
        files = [
            (label, f"aanbieders/{stem}.{kind}")
            for label, kind in (("card_workbook", "xlsx"), ("card_calendar", "ics"))
            if (planning / "aanbieders" / f"{stem}.{kind}").is_file()
        ]
        cards.append(
            {
                "who": "provider",
                "title": provider,
                "files": files,
                "changes": changed.get(provider, 0),
            }
        )
    calendars = [
        (f"{cid} {plan.name_of(cid)}".strip(), f"consulenten/{stem}.ics")
        for cid, stem in sorted(names.get("consulenten", {}).items())
        if f.consultant in ("", cid) and (planning / "consulenten" / f"{stem}.ics").is_file()
    ]
    if calendars:
        cards.append({"who": "consultants", "title": "", "files": calendars, "changes": 0})
    own = [("card_overview", "overzicht.xlsx")] if (planning / "overzicht.xlsx").is_file() else []
    cards.append({"who": "planner", "title": "", "files": own, "changes": 0})
    return cards


def revisions(planning: Path) -> list[int]:
    kept = planning / "revisies"
    found = (whole_number(p.name) for p in kept.glob("*"))
    return sorted((n for n in found if n is not None), reverse=True)


def history(planning: Path) -> list[tuple[int, tuple[Changed, ...]]]:
    """The changes of every earlier revision, newest first (``revisies/<n>/plan.json``)."""
    found = []
    for n in revisions(planning):
        plan = read_plan(planning / "revisies" / str(n))
        if plan is not None and plan.changes:
            found.append((n, plan.changes))
    return found


def listing(
    data: Path, names: list[str], running: set[str], lang: str = "nl"
) -> list[dict[str, object]]:
    """The plannings for the home page: revision, when it was last planned, how many."""
    rows: list[dict[str, object]] = []
    for name in names:
        plan = read_plan(data / name / "planning")
        when = ""
        if plan is not None:
            changed = (data / name / "planning" / "plan.json").stat().st_mtime
            moment = clock.dutch(datetime.fromtimestamp(changed, UTC))
            when = f"{day_label(moment.date(), lang)} {moment:%H:%M}"
        rows.append(
            {
                "name": name,
                "revision": plan.revision if plan else None,
                "scheduled": plan.stats.scheduled if plan else None,
                "when": when,
                "running": name in running,
            }
        )
    return rows
