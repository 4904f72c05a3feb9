"""Consultant teams per location, so that large regions stay solvable.

In a region the size of SPEC §7's M every consultant is a candidate for every
interview. Beyond that (L: 25 consultants, 120 locations; XL: 60 and 300) the
model would hold millions of interview variables, so herplan does what a
planning office of that size does: each location gets a small *team* of
consultants, and a reassessment is planned only with its location's team or
with its own ``vaste_consulent`` (objective 4).

Teams are drawn up deterministically, busiest location first, from the
consultants with the largest share of their capacity still free who can come
on the location's days, so the work is spread in proportion to availability
(objective 6). The benchmarks measure what this costs against the full
max-flow bound (``benchmarks/bounds.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from herplan.scheduler.calendar import iso_week

if TYPE_CHECKING:
    from herplan.scheduler.model import PlanModel

LocKey = tuple[str, str]
# Up to this many candidate interviews (case × day × consultant) the model keeps
# every consultant as a candidate: size M has 34 000 and solves well.
MAX_INTERVIEW_VARIABLES = 60_000
MIN_TEAM = 3  # a location's team never has fewer consultants than this


def candidate_count(candidate_days: Mapping[int, Sequence[date]], available) -> int:
    """Interview variables of the full model: every available consultant, every allowed day."""
    return sum(len(available[d]) for days in candidate_days.values() for d in days)


def team_size(n_consultants: int, full: int) -> int | None:
    """Consultants per location, or ``None`` when every consultant can be a candidate."""
    if full <= MAX_INTERVIEW_VARIABLES:
        return None
    size = max(MIN_TEAM, n_consultants * MAX_INTERVIEW_VARIABLES // full)
    return None if size >= n_consultants else size


def consultant_teams(pm: PlanModel, size: int) -> dict[LocKey, frozenset[str]]:
    """Each location's team of ``size`` consultants, spread by capacity.

    Called while ``pm`` is built: its candidate days and available consultants
    are known, its interview variables not yet.
    """
    problem, candidate_days, available = pm.problem, pm.candidate_days, pm.available
    s = problem.settings
    per_morning = s.morning.minutes + s.changeover_min
    mornings: dict[str, dict[tuple[int, int], int]] = defaultdict(lambda: defaultdict(int))
    for day, cids in available.items():
        for cid in cids:
            mornings[cid][iso_week(day)] += 1
    capacity: dict[str, float] = {}
    for c in problem.consultants:
        cap = c.max_mornings_per_week
        weeks = mornings[c.id].values()
        capacity[c.id] = per_morning * sum(n if cap is None else min(n, cap) for n in weeks)

    # Each consultant's capacity not yet promised to a team, as a share of it.
    share_left = {cid: 1.0 for cid, minutes in capacity.items() if minutes > 0}
    load: dict[LocKey, int] = defaultdict(int)
    days_at: dict[LocKey, set[date]] = defaultdict(set)
    for i, r in enumerate(pm.reassessments):
        if candidate_days.get(i):
            load[r.location_key] += r.interview_minutes(s) + s.changeover_min
            days_at[r.location_key].update(candidate_days[i])

    teams: dict[LocKey, frozenset[str]] = {}
    for loc in sorted(load, key=lambda key: (-load[key], key)):
        days = days_at[loc]

        def reach(cid: str, days=days) -> float:
            """Share of the location's days this consultant can come."""
            return sum(cid in available[d] for d in days) / len(days)

        ranked = sorted(share_left, key=lambda cid: (-share_left[cid] * reach(cid), cid))
        team = [cid for cid in ranked if reach(cid) > 0][:size]
        for cid in team:
            share_left[cid] -= load[loc] / len(team) / capacity[cid]
        teams[loc] = frozenset(team)
    return teams
