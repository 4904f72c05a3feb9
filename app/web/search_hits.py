"""The search's hits as a list: each with its day, time, consultant, location,
provider and what matched, and a link to the week it is in, so a hit is never a blank
grid with the appointment far off to the side."""

from __future__ import annotations

from herplan.app.web.planning_sections import PageFilter, day_label, week_of
from herplan.app.web.words import section
from herplan.io.plan_reader import NotPlanned, SavedPlan, Slot

FIELDS = (("dossier", "dossier"), ("client", "client"), ("begeleider", "begeleider"))


def _plain(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def matched(record: Slot | NotPlanned, search: str, lang: str) -> str:
    """What the search matched, in words: ``begeleider J. Bos``."""
    w = section(lang, "web_")
    wanted = _plain(search)
    return ", ".join(
        f"{w['matched_' + word]} {getattr(record, key) or ''}".strip()
        for key, word in FIELDS
        if wanted and wanted in _plain(str(getattr(record, key) or ""))
    )


def search_hits(plan: SavedPlan, f: PageFilter, lang: str) -> list[dict[str, object]]:
    """Every appointment and not-planned case the search finds (under the rest of the
    filter), by date; each with the page's query for its week."""
    if not f.search:
        return []
    w = section(lang, "web_")
    hits: list[dict[str, object]] = []
    for a in sorted(plan.appointments, key=lambda a: (a.date, a.start)):
        if not f.appointment(a):
            continue
        week = week_of(a.date)
        hits.append(
            {
                "dossier": a.dossier,
                "day": day_label(a.date, lang),
                "time": f"{a.start}–{a.end}",
                "consultant": f"{a.consultant} {plan.name_of(a.consultant)}".strip(),
                "location": a.location,
                "provider": a.provider,
                "matched": matched(a, f.search, lang),
                "week": week,
                "query": {**f.params(), "week": str(week)},
            }
        )
    for u in plan.unscheduled:
        if _case_found(u, f):
            hits.append(
                {
                    "dossier": u.dossier,
                    "day": w["not_planned_short"],
                    "time": "",
                    "consultant": "",
                    "location": u.location,
                    "provider": u.provider,
                    "matched": matched(u, f.search, lang),
                    "week": None,
                    "query": None,
                }
            )
    return hits


def _case_found(u: NotPlanned, f: PageFilter) -> bool:
    wanted = _plain(f.search)
    return (
        f.provider in ("", u.provider)
        and f.location in ("", u.location)
        and any(wanted in _plain(str(getattr(u, k) or "")) for k, _ in FIELDS)
    )
