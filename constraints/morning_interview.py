"""Rule 1 — Morning interview.

"Every interview lies inside the morning window of a working day in the
period." A reassessment whose interview is longer than the morning can never be
planned (reason ``capaciteit``); on every consultant-morning the interviews
together fit inside the window.
"""

from __future__ import annotations

from datetime import date

from ortools.sat.python import cp_model

from herplan.constraints.base import Rule
from herplan.scheduler.calendar import is_working_day
from herplan.scheduler.domain import Problem, Reassessment


def allows_day(problem: Problem, r: Reassessment, day: date) -> bool:
    s = problem.settings
    in_period = s.period_start <= day <= s.period_end
    fits = r.interview_minutes(s) <= s.morning.minutes
    return in_period and fits and is_working_day(day, s)


def add(pm) -> None:
    window = pm.settings.morning.minutes

    def load(keys):
        minutes = [pm.reassessment(k).interview_minutes(pm.settings) for k in keys]
        return cp_model.LinearExpr.weighted_sum([pm.x[k] for k in keys], minutes)

    for vkey, keys in pm.x_by_visit.items():
        pm.model.add(load(keys) <= window * pm.visit[vkey])
    for keys in pm.x_by_cd.values():
        pm.model.add(load(keys) <= window)


RULE = Rule(1, "morning_interview", "capaciteit", allows_day=allows_day, add=add)
