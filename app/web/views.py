"""What the pages show, built from a planning's ``plan.json``: plain data for the templates."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

from herplan.calendar import is_working_day
from herplan.io.plan_json import calendar_settings, phase_named_for
from herplan.io.sentences import percent, reason_name, weekday_short
from herplan.io.words import section

PALETTE = 8  # provider colours on the timeline (herplan.css, .p0 to .p7)

MESSAGE = re.compile(r"^(?P<file>[^›:]+?)(?: › (?P<sheet>[^›:]+?))?(?: › row (?P<row>\d+))?"
                     r"(?: › (?P<column>[^›:]+?))?: (?P<what>.+)$")  # fmt: skip


def error_rows(messages: list[str]) -> list[dict[str, str]]:
    """``file › sheet › row N › column: what`` split into the columns of the error table."""
    rows = []
    for message in messages:
        found = MESSAGE.match(message.strip())
        rows.append(found.groupdict(default="") if found else {"file": "", "sheet": "",
                    "row": "", "column": "", "what": message})  # fmt: skip
    return rows


def read_plan(planning: Path) -> dict | None:
    path = planning / "plan.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def headline(plan: dict, lang: str) -> dict[str, object]:
    """The figures at the top of the planning page, in the planner's words."""
    w = section(lang, "web_")
    stats = plan["stats"]
    reasons = Counter(u["reasons"][0] for u in plan["unscheduled"] if u["reasons"])
    counted = phase_named_for("reassessments")
    count = next((p for p in stats["phases"] if p["name"] == counted), None)
    if count is None or count.get("bound") is None:
        quality = "–"
    elif count["objective"] >= count["bound"]:
        quality = w["proven"]
    else:
        share = count["objective"] / count["bound"] if count["bound"] else 1.0
        quality = w["share"].format(share=percent(share, lang), upper=int(count["bound"]))
    return {
        "scheduled": stats["scheduled"], "unscheduled": stats["unscheduled"],
        "reasons": [(reason_name(c, lang), n) for c, n in reasons.most_common()],
        "visits": stats["visits"], "location_days": stats["location_days"], "quality": quality,
    }  # fmt: skip


def working_days(plan: dict) -> list[date]:
    """The period's working days, as the engine counts them (``herplan.calendar``)."""
    settings = calendar_settings(plan["settings"])
    start, end = settings.period_start, settings.period_end
    days = [date.fromordinal(n) for n in range(start.toordinal(), end.toordinal() + 1)]
    return [d for d in days if is_working_day(d, settings)]


def timeline(plan: dict, provider: str | None, lang: str = "nl") -> dict[str, object]:
    """Consultants × the period's working days, with the weekday and a break at every new
    week; each visit a block in its provider's colour that opens to its interviews; per
    consultant the interviews of each week."""
    appointments = [a for a in plan["appointments"] if provider in (None, a["provider"])]
    days = [d.isoformat() for d in working_days(plan)]
    cells: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    load: dict[str, Counter] = defaultdict(Counter)
    for a in sorted(appointments, key=lambda a: a["start"]):
        cells[(a["consultant"], a["date"])][a["location"]].append(a)
        load[a["consultant"]][date.fromisoformat(a["date"]).isocalendar()[1]] += 1
    names = plan.get("consultants", {})
    people = sorted({a["consultant"] for a in plan["appointments"]})
    providers = sorted({a["provider"] for a in plan["appointments"]})
    colours = {p: n % PALETTE for n, p in enumerate(providers)}
    weeks = [date.fromisoformat(d).isocalendar()[1] for d in days]
    heads = [
        {"iso": d, "label": f"{weekday_short(date.fromisoformat(d), lang)} "
                            f"{date.fromisoformat(d):%d-%m}",
         "new_week": n > 0 and weeks[n] != weeks[n - 1], "week": weeks[n]}
        for n, d in enumerate(days)
    ]  # fmt: skip
    return {
        "days": heads,
        "colours": colours,
        "rows": [
            (
                c,
                names.get(c, {}).get("name", ""),
                [cells.get((c, d), {}) for d in days],
                sorted(load[c].items()),
            )
            for c in people
        ],
    }


def listed_files(planning: Path) -> list[str]:
    """The files of the current revision a planner downloads (not the history or the outbox)."""
    return sorted(
        p.relative_to(planning).as_posix()
        for p in planning.rglob("*")
        if p.is_file()
        and not p.is_symlink()
        and p.relative_to(planning).parts[0] not in ("revisies", "uitgaand")
    )


def revisions(planning: Path) -> list[int]:
    kept = planning / "revisies"
    return sorted((int(p.name) for p in kept.glob("*") if p.name.isdigit()), reverse=True)


def history(planning: Path) -> list[tuple[int, list[dict]]]:
    """The changes of every earlier revision, newest first (``revisies/<n>/plan.json``)."""
    found = []
    for n in revisions(planning):
        plan = read_plan(planning / "revisies" / str(n))
        if plan is not None and plan.get("changes"):
            found.append((n, plan["changes"]))
    return found


def listing(data: Path, names: list[str], running: set[str]) -> list[dict[str, object]]:
    """The plannings for the home page: revision, when it was last planned, how many."""
    rows = []
    for name in names:
        plan = read_plan(data / name / "planning")
        when = ""
        if plan is not None:
            changed = (data / name / "planning" / "plan.json").stat().st_mtime
            when = datetime.fromtimestamp(changed).strftime("%d-%m-%Y %H:%M")
        rows.append({"name": name, "revision": plan["revision"] if plan else None,
                     "scheduled": plan["stats"]["scheduled"] if plan else None,
                     "when": when, "running": name in running})  # fmt: skip
    return rows
