"""The sentences a provider or planner reads, rendered from codes and facts.

The engine says *why* with a code and the facts behind it (``Unscheduled``,
``Change``); this catalogue says it in Dutch or English. Every reason code of
SPEC §3 and every change cause has a sentence in both languages here, and
``tests/io/test_sentences.py`` checks that none is missing and that each is
true to a case built to trigger it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from herplan.scheduler.domain import Change, Unscheduled
from herplan.scheduler.timing import hhmm

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
WEEKDAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
NUMBERS_NL = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht",
              "negen", "tien", "elf", "twaalf")  # fmt: skip


def long_date(day: date, language: str = "nl") -> str:
    """``3 april 2026`` (nl) or ``3 April 2026`` (en)."""
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


def day_month(day: date, language: str = "nl") -> str:
    return f"{day.day} {MONTHS[language][day.month - 1]}"


def weekday_date(day: date, language: str = "nl") -> str:
    """``dinsdag 1 december`` / ``Tuesday 1 December``."""
    return f"{WEEKDAYS[language][day.weekday()]} {day_month(day, language)}"


def _months(n: int, language: str) -> str:
    if language == "nl":
        return NUMBERS_NL[n] if n < len(NUMBERS_NL) else str(n)
    return str(n)


# --- why a reassessment could not be planned -----------------------------------------

Facts = dict[str, object]


def _deliver(f: Facts, lang: str) -> str:
    needed = f.get("needed_by")
    if not isinstance(needed, date):
        return "."
    if lang == "nl":
        return f"; lever uiterlijk {day_month(needed)} een actueel plan aan."
    return f"; please send a current plan by {day_month(needed, 'en')}."


def _withdrawn(f: Facts, lang: str, months: int) -> str:
    if lang == "nl":
        return "De herindicatie is ingetrokken (status geannuleerd) en wordt niet ingepland."
    return "The reassessment was withdrawn (status geannuleerd) and is not planned."


def _ends_before(f: Facts, lang: str, months: int) -> str:
    end = f["indication_end"]
    assert isinstance(end, date)
    if lang == "nl":
        return (f"De indicatie eindigt op {long_date(end)}, vóór de dagen waarop het gesprek "
                "verder had gekund.")  # fmt: skip
    return (f"The indication ends on {long_date(end, 'en')}, before the days the interview "
            "could otherwise be held.")  # fmt: skip


def _no_plan(f: Facts, lang: str, months: int) -> str:
    if lang == "nl":
        return "Er is geen ondersteuningsplan bekend" + _deliver(f, lang)
    return "No support plan is on file" + _deliver(f, lang)


def _after_end(plan_date: date, end: date, lang: str) -> str:
    if lang == "nl":
        return (f"Het ondersteuningsplan is gedateerd op {long_date(plan_date)}, na de "
                f"einddatum van de indicatie ({long_date(end)}); controleer de datum van het "
                "plan.")  # fmt: skip
    return (f"The support plan is dated {long_date(plan_date, 'en')}, after the indication "
            f"ends ({long_date(end, 'en')}); please check the plan's date.")  # fmt: skip


def plan_date_note(plan_date: date | None, end: date, period_start: date, lang: str) -> str:
    """A word on a support plan dated after the indication ends or after the period starts.

    Both are accepted as given (``herplan check`` warns), but the reader of a
    renewal should know why a plan that looks current still needs renewing.
    """
    if plan_date is None:
        return ""
    if plan_date > end:
        return _after_end(plan_date, end, lang)
    if plan_date > period_start:
        if lang == "nl":
            return (f"Het ondersteuningsplan is gedateerd op {long_date(plan_date)} en geldt pas "
                    "vanaf die dag.")  # fmt: skip
        return f"The support plan is dated {long_date(plan_date, 'en')} and only counts from then."
    return ""


def _stale_plan(f: Facts, lang: str, months: int) -> str:
    plan_date, end = f.get("plan_date"), f.get("indication_end")
    assert isinstance(plan_date, date) and isinstance(end, date)
    if f.get("plan_after_end"):
        return _after_end(plan_date, end, lang)
    if f.get("plan_not_yet_valid"):
        if lang == "nl":
            return (f"Het ondersteuningsplan is gedateerd op {long_date(plan_date)} en geldt pas "
                    "vanaf die dag; op de dagen ervoor kan het gesprek niet"
                    + _deliver(f, lang))  # fmt: skip
        return (
            f"The support plan is dated {long_date(plan_date, 'en')} and only counts from "
            "that day; the interview cannot be held before it" + _deliver(f, lang)
        )
    valid = f.get("valid_until")
    assert isinstance(valid, date)
    if lang == "nl":
        return (f"Het ondersteuningsplan is van {long_date(plan_date)} en is na "
                f"{long_date(valid)} ouder dan {_months(months, lang)} maanden"
                + _deliver(f, lang))  # fmt: skip
    return (
        f"The support plan dates from {long_date(plan_date, 'en')} and is more than "
        f"{months} months old after {long_date(valid, 'en')}" + _deliver(f, lang)
    )


def _closed(f: Facts, lang: str, months: int) -> str:
    if lang == "nl":
        return (
            f"Locatie {f['location']} is gesloten op de dagen waarop het gesprek verder had gekund."
        )
    return f"Location {f['location']} is closed on the days the interview could otherwise be held."


def _client(f: Facts, lang: str, months: int) -> str:
    declined = f.get("declined")
    if isinstance(declined, list) and declined:
        days = ", ".join(day_month(d, lang) for d in declined)
        if lang == "nl":
            return (f"U gaf aan dat {days} niet haalbaar is, en op de andere dagen kon het gesprek "
                    "niet.")  # fmt: skip
        return f"You answered that {days} is not feasible, and no other day was possible."
    if lang == "nl":
        tail = (" en de aanwezigheid van de cliënt is vereist." if f.get("attendance_required")
                else ", en er is geen begeleider bekend die het gesprek kan voeren.")  # fmt: skip
        return (
            "De cliënt is niet beschikbaar op de dagen waarop het gesprek verder had gekund" + tail
        )
    tail = (" and must attend in person." if f.get("attendance_required")
            else ", and no support worker is on file to stand in.")  # fmt: skip
    return "The client is unavailable on the days the interview could otherwise be held" + tail


def _nobody(f: Facts, lang: str, months: int) -> str:
    start, end = f["period_start"], f["period_end"]
    assert isinstance(start, date) and isinstance(end, date)
    if f.get("no_working_day"):
        if lang == "nl":
            return (f"De planperiode ({long_date(start)} t/m {long_date(end)}) bevat geen werkdag; "
                    "er is geen consulent beschikbaar.")  # fmt: skip
        return (f"The planning period ({long_date(start, 'en')} to {long_date(end, 'en')}) has no "
                "working day; no consultant is available.")  # fmt: skip
    if lang == "nl":
        return "Er is geen consulent beschikbaar op de dagen waarop het gesprek verder had gekund."
    return "No consultant is available on the days the interview could otherwise be held."


def _capacity(f: Facts, lang: str, months: int) -> str:
    n = f.get("free_days", 0)
    if n:
        if lang == "nl":
            return (f"Alle ochtenden waarop het gesprek kan ({n} dagen) zijn al vol; de "
                    "planner neemt contact op over een extra ochtend.")  # fmt: skip
        return (f"Every morning the interview could use ({n} days) is full; the planner will "
                "get in touch about an extra morning.")  # fmt: skip
    if lang == "nl":
        return "Er is in de planperiode geen ochtend waarin dit gesprek past."
    return "No morning in the planning period can hold this interview."


REASONS: dict[str, Callable[[Facts, str, int], str]] = {
    "geannuleerd": _withdrawn,
    "einddatum_voor_periode": _ends_before,
    "geen_ondersteuningsplan": _no_plan,
    "ondersteuningsplan_verlopen": _stale_plan,
    "locatie_gesloten": _closed,
    "client_niet_beschikbaar": _client,
    "geen_consulent_beschikbaar": _nobody,
    "capaciteit": _capacity,
}

# Short names of the reason codes, for counts and headings.
REASON_NAMES = {
    "nl": {
        "geannuleerd": "ingetrokken",
        "einddatum_voor_periode": "indicatie eindigt eerder",
        "geen_ondersteuningsplan": "geen ondersteuningsplan",
        "ondersteuningsplan_verlopen": "ondersteuningsplan niet actueel",
        "locatie_gesloten": "locatie gesloten",
        "client_niet_beschikbaar": "cliënt niet beschikbaar",
        "geen_consulent_beschikbaar": "geen consulent beschikbaar",
        "capaciteit": "alle ochtenden vol",
    },
    "en": {
        "geannuleerd": "withdrawn",
        "einddatum_voor_periode": "indication ends earlier",
        "geen_ondersteuningsplan": "no support plan",
        "ondersteuningsplan_verlopen": "support plan not current",
        "locatie_gesloten": "location closed",
        "client_niet_beschikbaar": "client not available",
        "geen_consulent_beschikbaar": "no consultant available",
        "capaciteit": "every morning full",
    },
}


def explanation(u: Unscheduled, language: str, months: int = 6) -> str:
    """Why ``u`` could not be planned: one sentence per reason, main reason first."""
    return " ".join(REASONS[code](u.facts, language, months) for code in u.reasons)


# --- what changed on a rerun, and why ---------------------------------------------------


def _slot(a, lang: str, name: Callable[[str], str]) -> str:
    at = "om" if lang == "nl" else "at"
    by = "bij" if lang == "nl" else "with"
    return f"{weekday_date(a.day, lang)} {at} {hhmm(a.start)} {by} {name(a.consultant)}"


CAUSES = {
    "nl": {
        "nee": "U meldde dat het gesprek op {day} niet haalbaar is{remark}.",
        "absent": "De consulent is niet beschikbaar op {day}.",
        "locatie_gesloten": "De locatie is gesloten op {day}.",
        "client_niet_beschikbaar": "De cliënt is niet beschikbaar op {day}.",
        "moved_location": "De herindicatie staat nu bij een andere locatie.",
        "rule": "Het gesprek past niet meer in de planning van {day} (gewijzigde gegevens).",
        "time": "Andere tijd in dezelfde ochtend.",
        "more": "Verplaatst zodat meer herindicaties ingepland konden worden.",
        "new": "Nieuw ingepland.",
        "withdrawn": "De herindicatie is ingetrokken.",
        "gone": "De herindicatie staat niet meer in de invoer.",
        "confirmed": "Bevestigd door de aanbieder{remark}.",
    },
    "en": {
        "nee": "You reported that the interview on {day} is not feasible{remark}.",
        "absent": "The consultant is not available on {day}.",
        "locatie_gesloten": "The location is closed on {day}.",
        "client_niet_beschikbaar": "The client is not available on {day}.",
        "moved_location": "The reassessment now belongs to another location.",
        "rule": "The interview no longer fits the planning of {day} (changed data).",
        "time": "Another time in the same morning.",
        "more": "Moved so that more reassessments could be planned.",
        "new": "Newly planned.",
        "withdrawn": "The reassessment was withdrawn.",
        "gone": "The reassessment is no longer in the input.",
        "confirmed": "Confirmed by the provider{remark}.",
    },
}
ROOM = {  # an appointment moved to make room for another reassessment
    "nl": {
        "more": "Verplaatst om ruimte te maken voor {case} ({why}).",
        "time": "Andere tijd in dezelfde ochtend, om ruimte te maken voor {case} ({why}).",
        "other": "een ander gesprek",
    },
    "en": {
        "more": "Moved to make room for {case} ({why}).",
        "time": "Another time in the same morning, to make room for {case} ({why}).",
        "other": "another interview",
    },
}
ROOM_CAUSES = {  # why the reassessment room was made for needed a place
    "nl": {
        "nee": "antwoord nee", "absent": "consulent afwezig",
        "locatie_gesloten": "locatie gesloten",
        "client_niet_beschikbaar": "cliënt niet beschikbaar",
        "rule": "gewijzigde gegevens", "moved_location": "andere locatie",
        "new": "nog niet ingepland",
    },
    "en": {
        "nee": "answered no", "absent": "consultant absent", "locatie_gesloten": "location closed",
        "client_niet_beschikbaar": "client not available", "rule": "changed data",
        "moved_location": "another location", "new": "not planned yet",
    },
}  # fmt: skip
CONFLICT = {
    "nl": "Let op: deze afspraak was bevestigd, maar kan niet blijven staan. ",
    "en": "Note: this appointment was confirmed but cannot stay. ",
}
NOW = {
    "nl": {"moved": " Nieuwe afspraak: {slot}.", "none": " Het gesprek kon niet opnieuw "
           "worden ingepland: {why}"},
    "en": {"moved": " New appointment: {slot}.", "none": " The interview could not be planned "
           "again: {why}"},
}  # fmt: skip


def change_reason(
    c: Change,
    language: str,
    name: Callable[[str], str] = str,
    unscheduled: Unscheduled | None = None,
    months: int = 6,
    name_room: bool = True,
) -> str:
    """The ``Wijzigingen`` line's explanation; ``name`` turns a consultant code into a name.

    ``name_room=False`` (another provider's file) says that room was made for
    another interview without naming that reassessment.
    """
    lang = language if language in CAUSES else "nl"
    day = weekday_date(c.before.day, lang) if c.before else ""
    remark = f": “{c.remark}”" if c.remark else ""
    if c.made_room_for and c.cause in ROOM[lang]:
        case = c.made_room_for if name_room else ROOM[lang]["other"]
        why = ROOM_CAUSES[lang].get(c.room_cause, ROOM_CAUSES[lang]["new"])
        return ROOM[lang][c.cause].format(case=case, why=why)
    text = CAUSES[lang][c.cause].format(day=day, remark=remark)
    if c.conflict:
        text = CONFLICT[lang] + text
    if c.cause in ("nee", "absent", "locatie_gesloten", "client_niet_beschikbaar", "rule",
                   "moved_location"):  # fmt: skip
        if c.after is not None:
            text += NOW[lang]["moved"].format(slot=_slot(c.after, lang, name))
        elif unscheduled is not None:
            text += NOW[lang]["none"].format(why=explanation(unscheduled, lang, months))
    elif c.kind == "niet_meer_inplanbaar" and unscheduled is not None:
        text += " " + explanation(unscheduled, lang, months)
    return text


def answer_summary(c: Change, language: str, name: Callable[[str], str] = str) -> str:
    """One line for the terminal: what happened to a provider's answer."""
    lang = language if language in CAUSES else "nl"
    if c.cause == "confirmed":
        return f"{c.dossier}: ja — bevestigd" if lang == "nl" else f"{c.dossier}: yes — confirmed"
    if c.after is not None:
        slot = _slot(c.after, lang, name)
        return (f"{c.dossier}: nee — verplaatst naar {slot}" if lang == "nl"
                else f"{c.dossier}: no — moved to {slot}")  # fmt: skip
    return (f"{c.dossier}: nee — kon niet opnieuw worden ingepland" if lang == "nl"
            else f"{c.dossier}: no — could not be planned again")  # fmt: skip


# --- what the engine is doing, and how each phase ended ----------------------------------

PHASES = {  # the plain words for each solver phase
    "nl": {
        "most_reassessments": "zoveel mogelijk herindicaties inplannen",
        "stability": "bestaande afspraken behouden",
        "clustering": "gesprekken bundelen in weinig bezoeken",
        "continuity_days": "vaste consulent waar mogelijk",
        "continuity": "vaste consulent waar mogelijk",
        "preferred_days": "voorkeursdagen van aanbieders",
        "urgent_early": "urgente gesprekken vroeg",
        "fair_load": "werk eerlijk verdelen",
        "done": "klaar",
    },
    "en": {
        "most_reassessments": "planning as many reassessments as possible",
        "stability": "keeping existing appointments",
        "clustering": "clustering interviews into few visits",
        "continuity_days": "the vaste consulent where possible",
        "continuity": "the vaste consulent where possible",
        "preferred_days": "providers' preferred days",
        "urgent_early": "urgent interviews early",
        "fair_load": "spreading the work fairly",
        "done": "done",
    },
}
OUTCOMES = {
    "nl": {
        "OPTIMAL": "bewezen het beste",
        "FEASIBLE": "goed, niet bewezen het beste",
        "UNKNOWN": "geen uitkomst (te weinig tijd)",
        "INFEASIBLE": "onmogelijk",
        "NOT_RUN": "niet nodig",
    },
    "en": {
        "OPTIMAL": "proven best",
        "FEASIBLE": "good, not proven best",
        "UNKNOWN": "no outcome (too little time)",
        "INFEASIBLE": "impossible",
        "NOT_RUN": "not needed",
    },
}
