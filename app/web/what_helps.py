"""Per case that is not planned: *Mogelijkheden* where a place can exist, otherwise what
would make one: a new support plan by a date, another begeleider, ..."""

from __future__ import annotations

from herplan.app.web.planning_sections import day_label
from herplan.app.web.words import section
from herplan.domain.codes import Reason
from herplan.io.plan_reader import SavedPlan
from herplan.scheduler.explain import PLAN_REASONS

# The main reason, and what would give the case a place (the page's words).
NEEDS: dict[str, str] = {
    Reason.NO_SUPPORT_PLAN: "needs_plan",
    Reason.SUPPORT_PLAN_EXPIRED: "needs_plan",
    Reason.SUPPORT_WORKER_BUSY: "needs_begeleider",
    Reason.ENDS_BEFORE_PERIOD: "needs_end",
    Reason.PERIOD_OVER: "needs_period",
    Reason.LOCATION_CLOSED: "needs_location",
    Reason.CLIENT_UNAVAILABLE: "needs_client",
}


def what_helps(plan: SavedPlan, lang: str) -> dict[str, str]:
    """Per not-planned dossier whose main reason no other place fixes: what would.
    A dossier not named here gets *Mogelijkheden* (or nothing, when cancelled)."""
    w = section(lang, "web_")
    needed_by = {r.dossier: r.needed_by for r in plan.support_plans}
    found: dict[str, str] = {}
    for u in plan.unscheduled:
        reason = u.reasons[0] if u.reasons else ""
        if reason == Reason.WITHDRAWN or reason not in NEEDS:
            continue
        if reason in PLAN_REASONS:
            by = needed_by.get(u.dossier)
            found[u.dossier] = (
                w["needs_plan"].format(date=day_label(by, lang)) if by else w["needs_plan_undated"]
            )
        else:
            found[u.dossier] = w[NEEDS[reason]]
    return found
