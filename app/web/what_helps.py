"""Per case that is not planned: *Mogelijkheden* where a place can exist, otherwise what
would make one (issue 36): a new support plan by a date, another begeleider, ..."""

from __future__ import annotations

from herplan.app.web.planning_sections import day_label
from herplan.io.plan_reader import SavedPlan
from herplan.io.words import section
from herplan.scheduler.explain import PLAN_REASONS

# The main reason, and what would give the case a place (the page's words).
NEEDS = {
    "geen_ondersteuningsplan": "needs_plan",
    "ondersteuningsplan_verlopen": "needs_plan",
    "begeleider_bezet": "needs_begeleider",
    "einddatum_voor_periode": "needs_end",
    "periode_voorbij": "needs_period",
    "locatie_gesloten": "needs_location",
    "client_niet_beschikbaar": "needs_client",
}
CANCELLED = "geannuleerd"


def what_helps(plan: SavedPlan, lang: str) -> dict[str, str]:
    """Per not-planned dossier whose main reason no other place fixes: what would.
    A dossier not named here gets *Mogelijkheden* (or nothing, when cancelled)."""
    w = section(lang, "web_")
    needed_by = {r.dossier: r.needed_by for r in plan.support_plans}
    found: dict[str, str] = {}
    for u in plan.unscheduled:
        reason = u.reasons[0] if u.reasons else ""
        if reason == CANCELLED or reason not in NEEDS:
            continue
        if reason in PLAN_REASONS:
            by = needed_by.get(u.dossier)
            found[u.dossier] = (w["needs_plan"].format(date=day_label(by, lang)) if by
                                   else w["needs_plan_undated"])  # fmt: skip
        else:
            found[u.dossier] = w[NEEDS[reason]]
    return found
