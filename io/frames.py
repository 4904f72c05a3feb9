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

from herplan.domain.appointment import Appointment
from herplan.domain.plan import Plan, Unscheduled
from herplan.io.sentences import explanation, reason_name
from herplan.scheduler.load import Load, consultant_loads
from herplan.scheduler.timing import hhmm

if TYPE_CHECKING:
    import pandas as pd


def to_frames(plan: Plan) -> dict[str, pd.DataFrame]:
    import pandas as pd  # only notebook users pay for the import

    lang = plan.problem.settings.language
    months = plan.problem.settings.max_plan_age_months
    loads, _ = consultant_loads(plan)
    appointments = [_appointment_row(a) for a in plan.appointments]
    unscheduled = [_unscheduled_row(u, lang, months) for u in plan.unscheduled]
    load = [_load_row(x) for x in loads]
    return {
        "appointments": pd.DataFrame(appointments, columns=APPOINTMENT_COLUMNS),
        "unscheduled": pd.DataFrame(unscheduled, columns=UNSCHEDULED_COLUMNS),
        "load": pd.DataFrame(load, columns=LOAD_COLUMNS),
    }


APPOINTMENT_COLUMNS = [
    "date",
    "start",
    "end",
    "consultant",
    "provider",
    "location",
    "dossier",
    "client",
    "with",
    "writeup_start",
    "writeup_end",
    "sequence",
    "pinned",
]
UNSCHEDULED_COLUMNS = ["dossier", "main_reason", "reason", "reasons", "explanation"]
LOAD_COLUMNS = [
    "consultant",
    "name",
    "available_mornings",
    "visits",
    "interviews",
    "per_available_morning",
    "stands_out",
]


def _appointment_row(a: Appointment) -> dict[str, object]:
    return {
        "date": a.day,
        "start": hhmm(a.start),
        "end": hhmm(a.end),
        "consultant": a.consultant,
        "provider": a.provider,
        "location": a.location,
        "dossier": a.dossier,
        "client": a.client,
        "with": a.with_,
        "writeup_start": hhmm(a.writeup_start),
        "writeup_end": hhmm(a.writeup_end),
        "sequence": a.sequence,
        "pinned": a.pinned,
    }


def _unscheduled_row(u: Unscheduled, lang: str, months: int) -> dict[str, object]:
    return {
        "dossier": u.dossier,
        "main_reason": u.main_reason,
        "reason": reason_name(u.main_reason, lang),
        "reasons": ", ".join(u.reasons),
        "explanation": explanation(u, lang, months),
    }


def _load_row(x: Load) -> dict[str, object]:
    return {
        "consultant": x.consultant.id,
        "name": x.consultant.name,
        "available_mornings": x.usable,
        "visits": x.mornings,
        "interviews": x.interviews,
        "per_available_morning": round(x.per_morning, 2),
        "stands_out": x.mark,
    }
