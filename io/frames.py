"""A plan as pandas DataFrames, for notebook users (one table per question).

``appointments``: one row per interview (date, times, consultant, provider,
location, dossier, client, with whom); ``unscheduled``: one row per
reassessment that could not be planned, with its main reason and the
sentence a provider reads; ``load``: per consultant the mornings available,
visits, interviews, interviews per available morning and whether that stands
out (``scheduler/load.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from herplan.domain import Plan
from herplan.io.sentences import explanation, reason_name
from herplan.scheduler.load import consultant_loads
from herplan.scheduler.timing import hhmm

if TYPE_CHECKING:
    import pandas as pd


def to_frames(plan: Plan) -> dict[str, pd.DataFrame]:
    import pandas as pd  # only notebook users pay for the import

    lang = plan.problem.settings.language
    appointments = pd.DataFrame(
        [
            {
                "date": a.day, "start": hhmm(a.start), "end": hhmm(a.end),
                "consultant": a.consultant, "provider": a.provider, "location": a.location,
                "dossier": a.dossier, "client": a.client, "with": a.with_,
                "writeup_start": hhmm(a.writeup_start), "writeup_end": hhmm(a.writeup_end),
                "sequence": a.sequence, "pinned": a.pinned,
            }
            for a in plan.appointments
        ],
        columns=["date", "start", "end", "consultant", "provider", "location", "dossier",
                 "client", "with", "writeup_start", "writeup_end", "sequence", "pinned"],
    )  # fmt: skip
    unscheduled = pd.DataFrame(
        [
            {
                "dossier": u.dossier, "main_reason": u.main_reason,
                "reason": reason_name(u.main_reason, lang), "reasons": ", ".join(u.reasons),
                "explanation": explanation(u, lang, plan.problem.settings.max_plan_age_months),
            }
            for u in plan.unscheduled
        ],
        columns=["dossier", "main_reason", "reason", "reasons", "explanation"],
    )  # fmt: skip
    loads, _ = consultant_loads(plan)
    load = pd.DataFrame(
        [
            {
                "consultant": x.consultant.id, "name": x.consultant.name,
                "available_mornings": x.usable, "visits": x.mornings, "interviews": x.interviews,
                "per_available_morning": round(x.per_morning, 2), "stands_out": x.mark,
            }
            for x in loads
        ],
        columns=["consultant", "name", "available_mornings", "visits", "interviews",
                 "per_available_morning", "stands_out"],
    )  # fmt: skip
    return {"appointments": appointments, "unscheduled": unscheduled, "load": load}
