"""``plan.json``: the machine-readable plan (README, Outputs: format ``herplan-plan/1``).

Besides the fields the README lists it records what the next rerun needs to keep its
promises: the wave and every calendar UID issued (a reassessment keeps its UID
for the wave, a cancelled one is never reused), the consultants' names and
addresses (a consultant removed from the input still gets cancellations), and
the file name of every provider and consultant (a file never changes owner).
"""

from __future__ import annotations

import json
from datetime import date

from herplan.calendar import working_days
from herplan.constraints import OBJECTIVES
from herplan.constraints.consultant_availability import consultant_available
from herplan.constraints.location_availability import is_open
from herplan.domain.appointment import Appointment
from herplan.domain.codes import PhaseStatus
from herplan.domain.plan import Change, PhaseResult, Plan, PlanRenewal, Unscheduled
from herplan.domain.problem import Location, RunSettings, Settings
from herplan.domain.revisions import Invitation, StaleAnswer, Verdict
from herplan.io.finding_words import english
from herplan.io.invitations import invitations
from herplan.io.sentences import change_reason, explanation
from herplan.io.words import WORDS
from herplan.scheduler.timing import hhmm

FORMAT = "herplan-plan/1"


def settings_dict(s: Settings, run: RunSettings) -> dict[str, object]:
    """Sheet ``Instellingen`` as read: the region's settings and the input's run settings."""
    return {
        "periode_start": s.period_start.isoformat(),
        "periode_eind": s.period_end.isoformat(),
        "ochtend": f"{hhmm(s.morning.start)}-{hhmm(s.morning.end)}",
        "middag": f"{hhmm(s.afternoon.start)}-{hhmm(s.afternoon.end)}",
        "gespreksduur_min": s.interview_min,
        "wisseltijd_min": s.changeover_min,
        "uitwerktijd_min": s.writeup_min,
        "max_leeftijd_ondersteuningsplan_maanden": s.max_plan_age_months,
        "voorbereiding_werkdagen": s.preparation_workdays,
        "feestdagen": s.holidays,
        "tijdzone": s.timezone,
        "taal": s.language,
        "rekentijd_s": run.time_limit_s,
        "organisator_naam": s.organizer_name,
        "organisator_email": s.organizer_email,
        "planner_naam": s.planner_name,
        "planner_email": s.planner_email,
        "planner_telefoon": s.planner_phone,
        "reactie_werkdagen": s.answer_workdays,
        "bewaartermijn_maanden": s.retention_months,
    }


def calendar_settings(settings: dict[str, object]) -> Settings:
    """The calendar part of a ``plan.json``'s settings (the period and its holidays)."""
    return Settings(
        period_start=date.fromisoformat(str(settings["periode_start"])),
        period_end=date.fromisoformat(str(settings["periode_eind"])),
        holidays=str(settings.get("feestdagen", "NL")),
    )


def overall_status(phases: tuple[PhaseResult, ...]) -> str:
    """OPTIMAL when every phase proved its optimum; a headline phase that found
    nothing gives its own status (UNKNOWN); otherwise FEASIBLE."""
    if not phases:
        return PhaseStatus.UNKNOWN
    if all(p.status == PhaseStatus.OPTIMAL for p in phases):
        return PhaseStatus.OPTIMAL
    for p in phases:
        if p.headline and not p.status.found_a_plan:
            return p.status
    return PhaseStatus.FEASIBLE


def headline_phase(phases: tuple[PhaseResult, ...]) -> PhaseResult | None:
    """The phase in visits: the objective the planner sees (visits); else the first phase."""
    for p in phases:
        if p.unit == "visits":
            return p
    return phases[0] if phases else None


def phase_named_for(unit: str) -> str:
    """The name the phase reported in ``unit`` has in ``plan.json`` (``stats.phases``)."""
    return next((o.name for o in OBJECTIVES if o.unit == unit), "")


def headline_gap(phases: tuple[PhaseResult, ...]) -> float | None:
    """The largest gap of the phases that shape the plan; ``None`` when one proved nothing.

    The later phases (continuity, preferred days, fairness) only choose among
    equally good plans; their own gaps are listed per phase.
    """
    gaps = [p.gap for p in phases if p.headline]
    if not gaps or any(g is None for g in gaps):
        return None
    return max(g for g in gaps if g is not None)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def stats_dict(plan: Plan) -> dict[str, object]:
    head = headline_phase(plan.phases)
    return {
        "scheduled": len(plan.appointments),
        "unscheduled": len(plan.unscheduled),
        "visits": plan.visits,
        "location_days": plan.location_days,
        "status": overall_status(plan.phases),
        "objective": head.objective if head else 0,
        "bound": head.bound if head else None,
        "gap": _round(headline_gap(plan.phases)),
        "start_planned": plan.start_planned,
        "solve_seconds": round(sum(p.work for p in plan.phases), 2),
        "phases": [
            {
                "name": p.name,
                "status": p.status,
                "objective": p.objective,
                "bound": p.bound,
                "gap": _round(p.gap),
                "solve_seconds": p.work,
            }
            for p in plan.phases
        ],
    }


def consultant_name(plan: Plan, cid: str) -> str:
    name = plan.people.get(cid, ("", ""))[0]
    return name or cid


def plan_dict(plan: Plan) -> dict[str, object]:
    s = plan.problem.settings
    why_not = {u.dossier: u for u in plan.unscheduled}
    return {
        "format": FORMAT,
        "revision": plan.revision,
        "created": plan.created,
        "today": plan.today.isoformat() if plan.today else None,
        "input": plan.problem.source,
        "input_sha256": plan.problem.input_sha256,
        "seed": plan.seed,
        "wave": plan.wave,
        "settings": settings_dict(s, plan.problem.run),
        "appointments": [_appointment(a) for a in plan.appointments],
        "unscheduled": [_unscheduled(plan, u) for u in plan.unscheduled],
        "support_plans": [_renewal(r) for r in plan.renewals],
        "changes": [_change(plan, c, why_not.get(c.dossier)) for c in plan.changes],
        "stale_answers": [_stale(x) for x in plan.stale],
        "late_answers": [_late(v) for v in plan.late],
        "answer_conflicts": english(list(plan.answer_conflicts)),
        **_conflict_findings(plan),
        "answers_seen": plan.answers_seen,
        "uids": plan.uids,
        "retired_uids": sorted(plan.retired),
        "consultants": {
            cid: {"name": n, "email": e, "away": _away(plan, cid)}
            for cid, (n, e) in plan.people.items()
        },
        "locations": [_location(plan, loc) for loc in plan.problem.locations],
        "file_names": plan.file_names,
        "invitations": [_invitation(i) for i in invitations(plan)],
        "stats": stats_dict(plan),
    }


def _conflict_findings(plan: Plan) -> dict[str, object]:
    """A rerun's notes as data beside their English (README, Answers online): the page
    says them in its own language. Written only when there are any, so a plan without
    notes reads as it always did."""
    if not plan.answer_conflicts:
        return {}
    return {"answer_conflict_findings": [f.as_dict() for f in plan.answer_conflicts]}


def _unscheduled(plan: Plan, u: Unscheduled) -> dict[str, object]:
    """Why a case is not planned, and whose it is (the page filters and searches on it)."""
    s = plan.problem.settings
    r = plan.problem.reassessments_by_dossier.get(u.dossier)
    return {
        "dossier": u.dossier,
        "reasons": list(u.reasons),
        "explanation": explanation(u, s.language, s.max_plan_age_months),
        "explanation_in": {
            lang: explanation(u, lang, s.max_plan_age_months) for lang in WORDS
        },  # the page in either language
        "provider": r.provider if r else "",
        "location": r.location if r else "",
        "client": r.client if r else "",
        "begeleider": r.begeleider if r else "",
    }


def _away(plan: Plan, cid: str) -> list[str]:
    """The period's working days on which a consultant of the input does not interview
    (rule 4: not a weekday they work, or a whole day absent)."""
    person = next((c for c in plan.problem.consultants if c.id == cid), None)
    if person is None:
        return []
    return [
        d.isoformat()
        for d in working_days(plan.problem.settings)
        if not consultant_available(plan.problem, person, d)
    ]


def _location(plan: Plan, loc: Location) -> dict[str, object]:
    """A location's address and the working days it is closed (rule 5)."""
    closed = [d.isoformat() for d in working_days(plan.problem.settings) if not is_open(loc, d)]
    return {
        "provider": loc.provider,
        "name": loc.name,
        "address": loc.full_address,
        "closed": closed,
    }


def _late(v: Verdict) -> dict[str, object]:
    return {"dossier": v.dossier, "answer": v.answer, "source": v.source, "remark": v.remark}


def _stale(x: StaleAnswer) -> dict[str, object]:
    v = x.verdict
    return {"dossier": v.dossier, "feasible": v.feasible, "source": v.source}


def _invitation(i: Invitation) -> dict[str, object]:
    return {
        "uid": i.uid,
        "to": i.to,
        "name": i.name,
        "role": i.role,
        "kind": i.kind,
        "dossier": i.dossier,
        "sequence": i.sequence,
    }


def _appointment(a: Appointment) -> dict[str, object]:
    return {
        "uid": a.uid,
        "dossier": a.dossier,
        "client": a.client,
        "provider": a.provider,
        "location": a.location,
        "consultant": a.consultant,
        "date": a.day.isoformat(),
        "start": hhmm(a.start),
        "end": hhmm(a.end),
        "writeup_start": hhmm(a.writeup_start),
        "writeup_end": hhmm(a.writeup_end),
        "with": a.with_,
        "begeleider": a.begeleider,
        "sequence": a.sequence,
        "writeup_sequence": a.writeup_sequence,
        "pinned": a.pinned,
    }


def _renewal(r: PlanRenewal) -> dict[str, object]:
    def day(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "dossier": r.dossier,
        "provider": r.provider,
        "plan_date": day(r.plan_date),
        "valid_until": day(r.valid_until),
        "promised": day(r.promised),
        "needed_by": day(r.needed_by),
        "planned_date": day(r.planned_day),
    }


def _change(plan: Plan, c: Change, unscheduled: Unscheduled | None) -> dict[str, object]:
    s = plan.problem.settings

    def reason(lang: str) -> str:
        return change_reason(
            c, lang, lambda cid: consultant_name(plan, cid), unscheduled, s.max_plan_age_months
        )

    return {
        "dossier": c.dossier,
        "provider": c.provider,
        "kind": c.kind,
        "cause": c.cause,
        "conflict": c.conflict,
        "reason": reason(s.language),
        "reason_in": {lang: reason(lang) for lang in WORDS},  # the page in either language
        "made_room_for": c.made_room_for or None,
        "remark": c.remark,
        "before": _where(c.before),
        "after": _where(c.after),
    }


def _where(a) -> dict[str, str] | None:
    if a is None:
        return None
    return {
        "date": a.day.isoformat(),
        "start": hhmm(a.start),
        "end": hhmm(a.end),
        "consultant": a.consultant,
    }


def dumps(plan: Plan) -> bytes:
    return (json.dumps(plan_dict(plan), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
