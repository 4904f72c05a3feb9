"""A planner's hand method, used as the solver's first hint and as the baseline.

Day by day, each free consultant goes to the location with the most work that
can be done there that day, and fills the morning in deadline order. It works
on the candidates of a ``PlanModel`` (so it sees exactly the days every rule
allows) and keeps every hard rule: morning and afternoon capacity, one location
per morning, weekly caps, rooms, and one consultant per begeleider per day.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from herplan.scheduler.calendar import iso_week
from herplan.scheduler.model import PlanModel, XKey


def greedy_plan(pm: PlanModel) -> list[XKey]:
    """Chosen ``x`` keys of a feasible plan built by hand-planner rules."""
    s = pm.settings
    gap = s.changeover_min
    capacity = s.morning.minutes + gap
    writeups = s.afternoon.minutes // s.writeup_min if s.writeup_min else 10**6
    planned: set[int] = set()
    chosen: list[XKey] = []
    mornings_in_week: dict[tuple[str, tuple[int, int]], int] = defaultdict(int)
    mornings_in_week.update(pm.booked_mornings)  # a rerun's mornings already held
    visitors: dict[tuple[tuple[str, str], date], int] = defaultdict(int)
    worker_with: dict[tuple[str, date], str] = {}
    remaining_days = {i: len(days) for i, days in pm.candidate_days.items()}

    by_day_location: dict[date, dict[tuple[str, str], list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for i, days in pm.candidate_days.items():
        for day in days:
            by_day_location[day][pm.reassessments[i].location_key].append(i)

    for day in pm.days:
        for cid in pm.available.get(day, []):
            cap = pm.problem.consultant(cid).max_mornings_per_week
            week = (cid, iso_week(day))
            if cap is not None and mornings_in_week[week] >= cap:
                continue
            best: tuple[tuple[int, int], tuple[str, str], list[int]] | None = None
            for loc, cases in sorted(by_day_location[day].items()):
                if visitors[(loc, day)] >= pm.problem.location(loc).rooms:
                    continue
                fill = _fill(pm, cases, planned, cid, day, capacity, writeups, worker_with)
                if not fill:
                    continue
                score = (len(fill), -sum(remaining_days[i] for i in fill))
                if best is None or score > best[0]:
                    best = (score, loc, fill)
            if best is None:
                continue
            _, loc, fill = best
            visitors[(loc, day)] += 1
            mornings_in_week[week] += 1
            for i in fill:
                planned.add(i)
                chosen.append((i, cid, day))
                worker = pm.reassessments[i].begeleider.strip().casefold()
                if worker:
                    worker_with[(worker, day)] = cid
        for cases in by_day_location[day].values():
            for i in cases:
                remaining_days[i] -= 1
    return chosen


def _fill(pm, cases, planned, cid, day, capacity, writeups, worker_with) -> list[int]:
    """Cases for one consultant-morning, most urgent first, as many as fit."""
    s = pm.settings
    used, fill = 0, []
    claimed: dict[str, str] = {}
    open_cases = [i for i in cases if i not in planned and (i, cid, day) in pm.x]
    for i in sorted(open_cases, key=lambda i: (pm.reassessments[i].indication_end, i)):
        r = pm.reassessments[i]
        need = r.interview_minutes(s) + s.changeover_min
        if used + need > capacity or len(fill) >= writeups:
            continue
        if r.interview_minutes(s) > s.morning.minutes:
            continue
        worker = r.begeleider.strip().casefold()
        if worker and worker_with.get((worker, day), claimed.get(worker, cid)) != cid:
            continue
        used += need
        fill.append(i)
        if worker:
            claimed[worker] = cid
    return fill
