"""A plan as pandas DataFrames, for notebook users (one table per question).

``appointments``: one row per interview (date, times, consultant, provider,
location, dossier, client, with whom); ``unscheduled``: one row per
reassessment that could not be planned, with its main reason and the
sentence a provider reads; ``load``: per consultant the mornings available,
visits, interviews and interviews per available morning.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from herplan.constraints import HARD_RULES
from herplan.io.sentences import REASON_NAMES, explanation
from herplan.scheduler.candidates import find_candidates
from herplan.scheduler.domain import Plan
from herplan.scheduler.timing import hhmm

if TYPE_CHECKING:
    import pandas as pd


def available_mornings(plan: Plan) -> dict[str, int]:
    """Mornings each consultant can work in the period: days available, within caps."""
    return find_candidates(plan.problem, HARD_RULES).available_mornings


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
                "reason": REASON_NAMES[lang][u.main_reason], "reasons": ", ".join(u.reasons),
                "explanation": explanation(u, lang, plan.problem.settings.max_plan_age_months),
            }
            for u in plan.unscheduled
        ],
        columns=["dossier", "main_reason", "reason", "reasons", "explanation"],
    )  # fmt: skip
    available = available_mornings(plan)
    interviews = Counter(a.consultant for a in plan.appointments)
    visits = Counter((a.consultant, a.day) for a in plan.appointments)
    mornings = Counter(cid for cid, _day in visits)
    load = pd.DataFrame(
        [
            {
                "consultant": c.id, "name": c.name, "available_mornings": available.get(c.id, 0),
                "visits": mornings[c.id], "interviews": interviews[c.id],
                "per_available_morning": (round(interviews[c.id] / available[c.id], 2)
                                          if available.get(c.id) else 0.0),
            }
            for c in plan.problem.consultants
        ],
        columns=["consultant", "name", "available_mornings", "visits", "interviews",
                 "per_available_morning"],
    )  # fmt: skip
    return {"appointments": appointments, "unscheduled": unscheduled, "load": load}
