"""The capacity advice as JSON (``herplan capacity --json``) and as the terminal's table.

README, Capacity advice. The JSON object: ``current`` (planned now),
``points`` (each with ``extra_mornings``, ``planned``, ``bound`` or null, and
``mornings``: ``consultant``, ``date``, ``over_cap``), ``blocked`` (per cause,
the reassessments no extra morning plans) and ``weeks``; ``scenarios`` when
scenarios were asked for. Words come from the catalogue, in the planning's
language.
"""

from __future__ import annotations

from collections.abc import Callable

from herplan.io.sentences import long_date, weekday_date
from herplan.io.words import section
from herplan.scheduler.capacity_advice import (
    Advice,
    AdvicePoint,
    BlockedCase,
    ScenarioOutcome,
    WeekShortage,
)
from herplan.scheduler.capacity_curve import Blocked
from herplan.scheduler.capacity_model import AddedMorning

Names = Callable[[str], str]


def advice_dict(advice: Advice) -> dict[str, object]:
    found: dict[str, object] = {
        "current": advice.current,
        "points": [_point(p) for p in advice.points],
        "blocked": {
            cause.value: [_blocked(b) for b in advice.blocked if b.cause is cause]
            for cause in Blocked
        },
        "weeks": [_week(w) for w in advice.weeks],
    }
    if advice.scenarios:
        found["scenarios"] = [_scenario(s) for s in advice.scenarios]
    return found


def _week(w: WeekShortage) -> dict[str, object]:
    return {
        "week": f"{w.week[0]}-W{w.week[1]:02d}",
        "monday": w.monday.isoformat(),
        "extra_mornings": w.mornings,
        "planned": w.planned,
        "blocked": {cause.value: n for cause, n in w.blocked.items()},
    }


def _point(p: AdvicePoint) -> dict[str, object]:
    return {
        "extra_mornings": p.extra,
        "planned": p.planned,
        "bound": p.bound,
        "mornings": [
            {"consultant": m.consultant, "date": m.day.isoformat(), "over_cap": m.over_cap}
            for m in p.mornings
        ],
    }


def _blocked(b: BlockedCase) -> dict[str, object]:
    return {
        "dossier": b.dossier,
        "provider": b.provider,
        "location": b.location,
        "reasons": list(b.reasons),
        "needed_by": b.needed_by.isoformat() if b.needed_by else None,
    }


def _scenario(s: ScenarioOutcome) -> dict[str, object]:
    return {
        "scenario": s.name,
        "planned": s.planned,
        "visits": s.visits,
        "points": [{"extra_mornings": k, "planned": n, "bound": b} for k, n, b in s.points],
        "errors": list(s.errors),
    }


def morning_words(m: AddedMorning, names: Names, language: str) -> str:
    """``A. Bouzid, woensdag 16 december (boven het weekmaximum)``."""
    w = section(language, "cap_")
    said = w["over_cap"] if m.over_cap else w["day_off"]
    return said.format(name=names(m.consultant), day=weekday_date(m.day, language))


def advice_text(advice: Advice, language: str, names: Names, folder: str) -> str:
    """The terminal's advice: the curve with the morning each point adds, what blocks the
    rest, per week, and the scenarios side by side."""
    w = section(language, "cap_")
    lines = [
        w["title"],
        w["headline"].format(
            current=advice.current, visits=advice.visits, today=long_date(advice.today, language)
        ),
        w["kept"],
        "",
    ]
    lines += _curve_lines(advice, language, names)
    lines += ["", w["blocked_title"].format(n=len(advice.blocked))]
    for cause in Blocked:
        n = sum(1 for b in advice.blocked if b.cause is cause)
        if n:
            lines.append(f"  {n:>4}  {w['blocked_' + cause.value]}")
    lines += [
        "",
        w["weeks_title"],
        _row(w["week"], w["week_mornings"], w["week_planned"], w["week_blocked"]),
    ]
    for week in advice.weeks:
        label = f"{week.week[0]}-W{week.week[1]:02d}"
        lines.append(_row(label, week.mornings, week.planned, sum(week.blocked.values())))
    if advice.scenarios:
        lines += ["", *scenario_lines(advice, language)]
    return "\n".join([*lines, "", w["files"].format(folder=folder)]) + "\n"


def _row(*cells: object) -> str:
    return "  " + "  ".join(f"{c!s:>16}" if n else f"{c!s:<10}" for n, c in enumerate(cells))


def _curve_lines(advice: Advice, language: str, names: Names) -> list[str]:
    w = section(language, "cap_")
    if not advice.points:
        return [w["none"]]
    lines = [f"  {w['extra']:>16}  {w['planned']:>10}  {w['bound']:>10}  {w['mornings']}"]
    before: set[AddedMorning] = set()
    for p in advice.points:
        added = [m for m in p.mornings if m not in before] or None
        before |= set(p.mornings)
        said = ", ".join(morning_words(m, names, language) for m in added) if added else w["free"]
        bound = w["unknown"] if p.bound is None else p.bound
        lines.append(f"  {p.extra:>16}  {p.planned:>10}  {bound!s:>10}  {said}")
    return lines


def scenario_lines(advice: Advice, language: str, first: int = 3) -> list[str]:
    """The current plan and each scenario side by side: planned, visits, the first points."""
    w = section(language, "cap_")
    columns: list[tuple[str, int, int, dict[int, int], tuple[str, ...]]] = [
        (
            w["current"],
            advice.current,
            advice.visits,
            {p.extra: p.planned for p in advice.points},
            (),
        )
    ]
    for s in advice.scenarios:
        columns.append((s.name, s.planned, s.visits, {k: n for k, n, _ in s.points}, s.errors))
    lines = [w["scenarios_title"], "  " + " " * 16 + " | ".join(f"{c[0]:<24}" for c in columns)]
    rows = [(w["planned"], 1), (w["visits"], 2)]
    for label, at in rows:
        cells = [w["failed"] if c[4] else str(c[at]) for c in columns]
        lines.append(f"  {label:<16}" + " | ".join(f"{x:<24}" for x in cells))
    for k in range(1, first + 1):
        cells = ["" if c[4] else str(c[3].get(k, "")) for c in columns]
        lines.append(f"  {w['point'].format(k=k):<16}" + " | ".join(f"{x:<24}" for x in cells))
    return lines
