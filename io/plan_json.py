"""``plan.json``: the machine-readable plan (SPEC §4 schema ``herplan-plan/1``)."""

from __future__ import annotations

import json

from herplan.scheduler.domain import Plan, Settings, SolveStats
from herplan.scheduler.timing import hhmm

FORMAT = "herplan-plan/1"


def settings_dict(s: Settings) -> dict[str, object]:
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
        "rekentijd_s": s.time_limit_s,
    }


def overall_status(phases: tuple[SolveStats, ...]) -> str:
    """OPTIMAL when every phase proved its optimum, else FEASIBLE (a plan, not proven best)."""
    if not phases:
        return "UNKNOWN"
    return "OPTIMAL" if all(p.status == "OPTIMAL" for p in phases) else "FEASIBLE"


def headline_phase(phases: tuple[SolveStats, ...]) -> SolveStats | None:
    """The clustering phase: the objective the planner sees (visits); else the first phase."""
    for p in phases:
        if p.name == "clustering":
            return p
    return phases[0] if phases else None


HEADLINE_PHASES = ("most_reassessments", "clustering")


def headline_gap(phases: tuple[SolveStats, ...]) -> float:
    """The largest gap of the phases that decide the plan: planned count and visits.

    The later phases (continuity, preferred days, fairness) only choose among
    equally good plans; their own gaps are listed per phase.
    """
    return max((p.gap for p in phases if p.name in HEADLINE_PHASES), default=0.0)


def stats_dict(plan: Plan) -> dict[str, object]:
    head = headline_phase(plan.phases)
    return {
        "scheduled": len(plan.appointments),
        "unscheduled": len(plan.unscheduled),
        "visits": plan.visits,
        "location_days": plan.location_days,
        "status": overall_status(plan.phases),
        "objective": head.objective if head else 0,
        "bound": head.bound if head else 0,
        "gap": round(headline_gap(plan.phases), 6),
        "solve_seconds": round(sum(p.seconds for p in plan.phases), 2),
        "phases": [
            {
                "name": p.name,
                "status": p.status,
                "objective": p.objective,
                "bound": p.bound,
                "gap": round(p.gap, 6),
                "solve_seconds": p.seconds,
            }
            for p in plan.phases
        ],
    }


def plan_dict(plan: Plan) -> dict[str, object]:
    return {
        "format": FORMAT,
        "revision": plan.revision,
        "created": plan.created,
        "input": plan.problem.source,
        "input_sha256": plan.problem.input_sha256,
        "seed": plan.seed,
        "settings": settings_dict(plan.problem.settings),
        "appointments": [
            {
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
                "pinned": a.pinned,
            }
            for a in plan.appointments
        ],
        "unscheduled": [
            {
                "dossier": u.dossier,
                "reasons": list(u.reasons),
                "explanation": u.explanation
                if plan.problem.settings.language == "nl"
                else u.explanation_en,
            }
            for u in plan.unscheduled
        ],
        "support_plans": [
            {
                "dossier": r.dossier,
                "provider": r.provider,
                "plan_date": r.plan_date.isoformat() if r.plan_date else None,
                "valid_until": r.valid_until.isoformat() if r.valid_until else None,
                "promised": r.promised.isoformat() if r.promised else None,
                "needed_by": r.needed_by.isoformat() if r.needed_by else None,
                "planned_date": r.planned_day.isoformat() if r.planned_day else None,
            }
            for r in plan.renewals
        ],
        "changes": [
            {
                "dossier": c.dossier,
                "provider": c.provider,
                "kind": c.kind,
                "reason": c.reason,
                "before": _where(c.before),
                "after": _where(c.after),
            }
            for c in plan.changes
        ],
        "stats": stats_dict(plan),
    }


def _where(a) -> dict[str, str] | None:
    if a is None:
        return None
    return {"date": a.day.isoformat(), "start": hhmm(a.start), "end": hhmm(a.end),
            "consultant": a.consultant}  # fmt: skip


def dumps(plan: Plan) -> bytes:
    return (json.dumps(plan_dict(plan), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
