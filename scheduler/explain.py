"""Why a reassessment could not be planned: reason codes and the facts behind them.

The reason codes come from the rules themselves: while finding the candidate
days, every rule that refuses a day for a reassessment names its code
(``Candidates.excluded``). A case that still had possible days but was not
planned lost out on capacity. So an explanation is never given that the model
did not see (docs/design.md, Rules and objectives). The engine only gathers codes and facts (dates,
counts); ``herplan.io.sentences`` turns them into a provider's words.
"""

from __future__ import annotations

from datetime import date

from herplan.calendar import plan_needed_by, plan_valid_until
from herplan.domain import PlanRenewal, Reassessment, Unscheduled
from herplan.scheduler.candidates import DECLINED, Candidates

# The order a provider can act on them: the first is the main reason.
REASON_ORDER = (
    "geannuleerd",
    "einddatum_voor_periode",
    "geen_ondersteuningsplan",
    "ondersteuningsplan_verlopen",
    "locatie_gesloten",
    "client_niet_beschikbaar",
    "geen_consulent_beschikbaar",
    "capaciteit",
)
PLAN_REASONS = frozenset({"geen_ondersteuningsplan", "ondersteuningsplan_verlopen"})


def reasons_for(cands: Candidates, i: int) -> tuple[str, ...]:
    """Reason codes for an open reassessment that was not planned, main reason first."""
    if cands.candidate_days[i]:
        return ("capaciteit",)
    if not cands.excluded[i]:
        # The period holds no working day at all: nobody can hold an interview.
        return ("geen_consulent_beschikbaar",)
    firsts = {min(codes, key=REASON_ORDER.index) for codes in cands.excluded[i].values()}
    return tuple(code for code in REASON_ORDER if code in firsts) or ("capaciteit",)


def latest_day_for_new_plan(cands: Candidates, i: int) -> date | None:
    """The last day that only the support plan stands in the way of, if any."""
    days = [d for d, codes in cands.excluded[i].items() if set(codes) <= PLAN_REASONS]
    return max(days) if days else None


def plan_facts(r: Reassessment, settings) -> dict[str, object]:
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


def unscheduled_entry(cands: Candidates, i: int) -> Unscheduled:
    r = cands.cases[i]
    s = cands.settings
    codes = reasons_for(cands, i)
    facts: dict[str, object] = {
        "location": r.location,
        "indication_end": r.indication_end,
        "free_days": len(cands.candidate_days[i]),
        "no_working_day": not cands.excluded[i] and not cands.candidate_days[i],
        "period_start": s.period_start,
        "period_end": s.period_end,
        "attendance_required": r.attendance_required,
        "has_begeleider": bool(r.begeleider.strip()),
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
    return Unscheduled(r.dossier, ("geannuleerd",), {})


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
