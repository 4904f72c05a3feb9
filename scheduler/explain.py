"""Why a reassessment could not be planned, in words a provider understands.

The reason codes come from the rules themselves: while building the model,
every rule that refuses a day for a reassessment names its code
(``PlanModel.excluded``). A case that still had possible days but was not
planned lost out on capacity. So an explanation is never given that the model
did not see (STYLE §4).
"""

from __future__ import annotations

from datetime import date

from herplan.scheduler.calendar import plan_needed_by, plan_valid_until
from herplan.scheduler.domain import PlanRenewal, Reassessment, Settings, Unscheduled
from herplan.scheduler.model import PlanModel

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

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
WITHDRAWN = {
    "nl": "De herindicatie is ingetrokken (status geannuleerd) en wordt niet ingepland.",
    "en": "The reassessment was withdrawn (status geannuleerd) and is not planned.",
}
NUMBERS_NL = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht",
              "negen", "tien", "elf", "twaalf")  # fmt: skip


def long_date(day: date, language: str = "nl") -> str:
    """``3 april 2026`` (nl) or ``3 April 2026`` (en)."""
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


def _day_month(day: date, language: str) -> str:
    return f"{day.day} {MONTHS[language][day.month - 1]}"


def reasons_for(pm: PlanModel, i: int) -> tuple[str, ...]:
    """Reason codes for an open reassessment that was not planned."""
    if pm.candidate_days[i]:
        return ("capaciteit",)
    if not pm.excluded[i]:
        # The period holds no working day at all: nobody can hold an interview.
        return ("geen_consulent_beschikbaar",)
    firsts = {min(codes, key=REASON_ORDER.index) for codes in pm.excluded[i].values()}
    return tuple(code for code in REASON_ORDER if code in firsts) or ("capaciteit",)


def latest_day_for_new_plan(pm: PlanModel, i: int) -> date | None:
    """The last day that only the support plan stands in the way of, if any."""
    days = [d for d, codes in pm.excluded[i].items() if set(codes) <= PLAN_REASONS]
    return max(days) if days else None


def _sentence(code: str, r: Reassessment, pm: PlanModel, i: int, lang: str) -> str:
    s = pm.settings
    loc = r.location
    needed = latest_day_for_new_plan(pm, i)
    deliver = (
        f" lever uiterlijk {_day_month(plan_needed_by(needed, s), 'nl')} een actueel plan aan."
        if needed
        else ""
    )
    deliver_en = (
        f" please send a current plan by {_day_month(plan_needed_by(needed, s), 'en')}."
        if needed
        else ""
    )
    months = s.max_plan_age_months
    months_nl = NUMBERS_NL[months] if months < len(NUMBERS_NL) else str(months)
    month_name = MONTHS[lang][s.period_start.month - 1]
    n_free = len(pm.candidate_days[i])
    no_working_day = not pm.excluded[i] and not n_free
    period_nl = f"{long_date(s.period_start)} t/m {long_date(s.period_end)}"
    period_en = f"{long_date(s.period_start, 'en')} to {long_date(s.period_end, 'en')}"
    if lang == "nl":
        texts = {
            "geannuleerd": WITHDRAWN["nl"],
            "einddatum_voor_periode": f"De indicatie eindigt op {long_date(r.indication_end)}, "
            "vóór de dagen waarop het gesprek verder had gekund.",
            "geen_ondersteuningsplan": "Er is geen ondersteuningsplan bekend"
            + (f";{deliver}" if deliver else "."),
            "ondersteuningsplan_verlopen": (
                f"Het ondersteuningsplan is van {long_date(r.support_plan_date)} en is in "
                f"{month_name} ouder dan {months_nl} maanden" + (f";{deliver}" if deliver else ".")
            )
            if r.support_plan_date
            else "",
            "locatie_gesloten": f"Locatie {loc} is gesloten op de dagen waarop het gesprek "
            "verder had gekund.",
            "client_niet_beschikbaar": "De cliënt is niet beschikbaar op de dagen waarop het "
            "gesprek verder had gekund"
            + (
                " en de aanwezigheid van de cliënt is vereist."
                if r.attendance_required
                else ", en er is geen begeleider bekend die het gesprek kan voeren."
            ),
            "geen_consulent_beschikbaar": (
                f"De planperiode ({period_nl}) bevat geen werkdag; er is geen consulent "
                "beschikbaar."
            )
            if no_working_day
            else "Er is geen consulent beschikbaar op de dagen waarop het gesprek verder had "
            "gekund.",
            "capaciteit": (
                f"Alle ochtenden waarop het gesprek kan ({n_free} dagen) zijn al vol; de "
                "consulent neemt contact op over een extra ochtend."
            )
            if n_free
            else "Er is in de planperiode geen ochtend waarin dit gesprek past.",
        }
    else:
        texts = {
            "geannuleerd": WITHDRAWN["en"],
            "einddatum_voor_periode": f"The indication ends on {long_date(r.indication_end, 'en')}"
            ", before the days the interview could otherwise be held.",
            "geen_ondersteuningsplan": "No support plan is on file"
            + (f";{deliver_en}" if deliver_en else "."),
            "ondersteuningsplan_verlopen": (
                f"The support plan dates from {long_date(r.support_plan_date, 'en')} and is more "
                f"than {months} months old in {month_name}"
                + (f";{deliver_en}" if deliver_en else ".")
            )
            if r.support_plan_date
            else "",
            "locatie_gesloten": f"Location {loc} is closed on the days the interview could "
            "otherwise be held.",
            "client_niet_beschikbaar": "The client is unavailable on the days the interview "
            "could otherwise be held"
            + (
                " and must attend in person."
                if r.attendance_required
                else ", and no support worker is on file to stand in."
            ),
            "geen_consulent_beschikbaar": (
                f"The planning period ({period_en}) has no working day; no consultant is available."
            )
            if no_working_day
            else "No consultant is available on the days the interview could otherwise be held.",
            "capaciteit": (
                f"Every morning the interview could use ({n_free} days) is full; the consultant "
                "will get in touch about an extra morning."
            )
            if n_free
            else "No morning in the planning period can hold this interview.",
        }
    return texts[code]


def unscheduled_entry(pm: PlanModel, i: int) -> Unscheduled:
    r = pm.reassessments[i]
    codes = reasons_for(pm, i)
    nl = " ".join(_sentence(c, r, pm, i, "nl") for c in codes)
    en = " ".join(_sentence(c, r, pm, i, "en") for c in codes)
    return Unscheduled(r.dossier, codes, nl, en)


def withdrawn_entry(r: Reassessment) -> Unscheduled:
    return Unscheduled(r.dossier, ("geannuleerd",), WITHDRAWN["nl"], WITHDRAWN["en"])


def renewal(
    pm: PlanModel, i: int, planned_day: date | None, current_plan_ok: bool
) -> PlanRenewal | None:
    """A support plan to renew: planned on a promised plan, or unplanned for want of one."""
    r = pm.reassessments[i]
    s: Settings = pm.settings
    if planned_day is not None:
        if current_plan_ok:
            return None
        needed = plan_needed_by(planned_day, s)
    else:
        latest = latest_day_for_new_plan(pm, i)
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
