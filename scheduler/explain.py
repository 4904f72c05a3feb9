"""Why a reassessment could not be planned: reason codes and the facts behind them.

The reason codes come from the rules themselves: while finding the candidate
days, every rule that refuses a day for a reassessment names its code
(``Candidates.excluded``). A case that still had possible days but was not
planned lost out on capacity, and the final plan says whose: ``capaciteit``
where every morning it could use is full (no room in the visits at its
location, no room or no consultant free within the weekly caps for a new
one), ``begeleider_bezet`` where a morning had room but its begeleider's day
is spent in another morning (rule 8). So an explanation is never given that
the model did not see (docs/design.md, Rules and objectives). The engine only
gathers codes and facts (dates, counts); ``herplan.io.sentences`` turns them
into a provider's words.
"""

from __future__ import annotations

from datetime import date

from herplan.calendar import plan_needed_by, plan_valid_until
from herplan.domain.codes import Reason
from herplan.domain.plan import PlanRenewal, Unscheduled
from herplan.domain.problem import Reassessment, Settings
from herplan.scheduler.candidates import DECLINED, Candidates
from herplan.scheduler.mornings import Chosen, Mornings, from_chosen

# The order a provider can act on them: the first is the main reason.
REASON_ORDER = tuple(Reason)
PLAN_REASONS = frozenset({Reason.NO_SUPPORT_PLAN, Reason.SUPPORT_PLAN_EXPIRED})


def reasons_for(cands: Candidates, i: int, full: Reason = Reason.CAPACITY) -> tuple[Reason, ...]:
    """Reason codes for an open reassessment that was not planned, main reason first;
    ``full`` says what was full where it had days (``what_is_full``)."""
    if cands.candidate_days[i]:
        return (full,)
    if not cands.excluded[i]:
        if cands.first_day is not None and cands.first_day > cands.settings.period_start:
            return (Reason.PERIOD_OVER,)  # no working day is left after today
        # The period holds no working day at all: nobody can hold an interview.
        return (Reason.NO_CONSULTANT,)
    firsts = {min(codes, key=REASON_ORDER.index) for codes in cands.excluded[i].values()}
    return tuple(code for code in REASON_ORDER if code in firsts) or (Reason.CAPACITY,)


def what_is_full(state: Mornings, i: int) -> Reason:
    """Why the plan in ``state`` holds no place for plannable ``i``.

    ``capaciteit``: on every day it could have, each visit at its location is
    full and no new one can be opened (no room, or no consultant free that
    morning within the weekly caps, even after handing a morning over).
    ``begeleider_bezet``: on some day there was room, but its begeleider's
    interviews that day are in another morning (rule 8). ``niet_ingepast``:
    the plan still has room for it; the search ended before it was fitted in.
    """
    c = state.cands
    worker = c.worker[i] if c.worker_one_morning else ""
    location, worker_bound = c.location(i), False
    for day in c.candidate_days[i]:
        fitting = [mid for mid in state.at.get((location, day), ()) if _room_in(state, i, mid)]
        new = state.room_at(location, day) and state.can_staff(day)
        if not fitting and not new:
            continue
        taken = state.worker_day.get((worker, day)) if worker else None
        if taken is None or taken in fitting:
            return Reason.NOT_FITTED
        worker_bound = True
    return Reason.SUPPORT_WORKER_BUSY if worker_bound else Reason.CAPACITY


def what_is_full_in(cands: Candidates, chosen: Chosen) -> dict[int, Reason]:
    """``what_is_full`` for every plannable reassessment ``chosen`` leaves out."""
    state = from_chosen(cands, chosen)
    return {i: what_is_full(state, i) for i in state.unplanned()}


def _room_in(state: Mornings, i: int, mid: int) -> bool:
    """Morning ``mid`` has room for ``i``, whoever its begeleider is."""
    m, c = state.items[mid], state.cands
    return (
        c.allows(i, m.consultant, m.day)
        and m.used + c.block[i] <= c.morning_room
        and len(m.cases) < c.writeups
    )


def latest_day_for_new_plan(cands: Candidates, i: int) -> date | None:
    """The last day that only the support plan stands in the way of, if any."""
    days = [d for d, codes in cands.excluded[i].items() if set(codes) <= PLAN_REASONS]
    return max(days) if days else None


def plan_facts(r: Reassessment, settings: Settings) -> dict[str, object]:
    """Facts about the support plan on file that an explanation may need."""
    facts: dict[str, object] = {}
    if r.support_plan_date is not None:
        facts["plan_date"] = r.support_plan_date
        facts["valid_until"] = plan_valid_until(r.support_plan_date, settings)
        if r.support_plan_date > r.indication_end:
            facts["plan_after_end"] = True
        elif r.support_plan_date > settings.period_start:
            facts["plan_not_yet_valid"] = True
    return facts


def unscheduled_entry(cands: Candidates, i: int, full: Reason = Reason.CAPACITY) -> Unscheduled:
    r = cands.cases[i]
    s = cands.settings
    codes = reasons_for(cands, i, full)
    facts: dict[str, object] = {
        "location": r.location,
        "indication_end": r.indication_end,
        "free_days": len(cands.candidate_days[i]),
        "no_working_day": not cands.excluded[i] and not cands.candidate_days[i],
        "period_start": s.period_start,
        "period_end": s.period_end,
        "first_day": cands.first_day,
        "attendance_required": r.attendance_required,
        "has_begeleider": bool(r.begeleider.strip()),
        "begeleider": " ".join(r.begeleider.split()),
        **plan_facts(r, s),
    }
    latest = latest_day_for_new_plan(cands, i)
    if latest is not None:
        facts["needed_by"] = plan_needed_by(latest, s)
    declined = sorted(
        d for d in cands.declined.get(i, ()) if DECLINED in cands.excluded[i].get(d, ())
    )
    if declined:
        facts["declined"] = declined
    return Unscheduled(r.dossier, codes, facts)


def withdrawn_entry(r: Reassessment) -> Unscheduled:
    return Unscheduled(r.dossier, (Reason.WITHDRAWN,), {})


def renewal(
    cands: Candidates, i: int, planned_day: date | None, current_plan_ok: bool
) -> PlanRenewal | None:
    """A support plan to renew: planned on a promised plan, or unplanned for want of one."""
    r = cands.cases[i]
    s = cands.settings
    if planned_day is not None:
        if current_plan_ok:
            return None
        needed = plan_needed_by(planned_day, s)
    else:
        latest = latest_day_for_new_plan(cands, i)
        if latest is None:
            return None
        needed = plan_needed_by(latest, s)
    return PlanRenewal(
        dossier=r.dossier,
        provider=r.provider,
        location=r.location,
        client=r.client,
        plan_date=r.support_plan_date,
        valid_until=plan_valid_until(r.support_plan_date, s) if r.support_plan_date else None,
        promised=r.new_plan_expected,
        needed_by=needed,
        planned_day=planned_day,
    )
