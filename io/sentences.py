"""The sentences a provider or planner reads, rendered from codes and facts.

The engine says *why* with a code and the facts behind it (``Unscheduled``,
``Change``, ``SolveStats``); these functions say it in Dutch or English with
the words of the catalogue (``io/words.py``). Every reason code (README, The
rules) and every change cause has a sentence in both languages, and
``tests/io/test_sentences.py`` checks that each is true to a case built to
trigger it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from herplan.corrections import Refusal
from herplan.domain.codes import Cause, ChangeKind, Reason
from herplan.domain.plan import Change, PhaseResult, Plan, Unscheduled
from herplan.io.words import WORDS, language_of, words
from herplan.scheduler.timing import hhmm


def _w(language: str) -> dict[str, str]:
    return words(language_of(language))


def long_date(day: date, language: str = "nl") -> str:
    """``3 april 2026`` (nl) or ``3 April 2026`` (en)."""
    return f"{day.day} {_w(language)[f'month_{day.month}']} {day.year}"


def day_month(day: date, language: str = "nl") -> str:
    return f"{day.day} {_w(language)[f'month_{day.month}']}"


def weekday_date(day: date, language: str = "nl") -> str:
    """``dinsdag 1 december`` / ``Tuesday 1 December``."""
    return f"{_w(language)[f'weekday_{day.weekday()}']} {day_month(day, language)}"


def weekday_short(day: date, language: str = "nl") -> str:
    """``di`` / ``Tue``."""
    return _w(language)[f"weekday_short_{day.weekday()}"]


def number(n: int, language: str) -> str:
    """A small number as a word where the language writes it so (``zes``)."""
    return _w(language).get(f"number_{n}", str(n))


def percent(share: float, language: str) -> str:
    """``98,9%`` (nl) or ``98.9%`` (en)."""
    return f"{share:.1%}".replace(".", _w(language)["decimal_mark"])


# --- why a reassessment could not be planned -----------------------------------------

Facts = dict[str, object]


def _deliver(f: Facts, lang: str) -> str:
    needed = f.get("needed_by")
    if not isinstance(needed, date):
        return "."
    return _w(lang)["why_deliver"].format(date=day_month(needed, lang))


def _withdrawn(f: Facts, lang: str, months: int) -> str:
    return _w(lang)["why_geannuleerd"]


def _ends_before(f: Facts, lang: str, months: int) -> str:
    end = f["indication_end"]
    assert isinstance(end, date)
    return _w(lang)["why_einddatum_voor_periode"].format(end=long_date(end, lang))


def _no_plan(f: Facts, lang: str, months: int) -> str:
    return _w(lang)["why_geen_ondersteuningsplan"].format(deliver=_deliver(f, lang))


def _after_end(plan_date: date, end: date, lang: str) -> str:
    return _w(lang)["why_plan_after_end"].format(
        plan=long_date(plan_date, lang), end=long_date(end, lang)
    )


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
        return _w(lang)["note_plan_not_yet_valid"].format(plan=long_date(plan_date, lang))
    return ""


def _stale_plan(f: Facts, lang: str, months: int) -> str:
    plan_date, end = f.get("plan_date"), f.get("indication_end")
    assert isinstance(plan_date, date) and isinstance(end, date)
    if f.get("plan_after_end"):
        return _after_end(plan_date, end, lang)
    deliver = _deliver(f, lang)
    if f.get("plan_not_yet_valid"):
        return _w(lang)["why_plan_not_yet_valid"].format(
            plan=long_date(plan_date, lang), deliver=deliver
        )
    valid = f.get("valid_until")
    assert isinstance(valid, date)
    return _w(lang)["why_ondersteuningsplan_verlopen"].format(
        plan=long_date(plan_date, lang),
        valid=long_date(valid, lang),
        months=number(months, lang),
        deliver=deliver,
    )


def _closed(f: Facts, lang: str, months: int) -> str:
    return _w(lang)["why_locatie_gesloten"].format(location=f["location"])


def _client(f: Facts, lang: str, months: int) -> str:
    declined = f.get("declined")
    if isinstance(declined, list) and declined:
        days = ", ".join(day_month(d, lang) for d in declined)
        return _w(lang)["why_declined"].format(days=days)
    key = "why_client_required" if f.get("attendance_required") else "why_client_no_begeleider"
    return _w(lang)[key]


def _nobody(f: Facts, lang: str, months: int) -> str:
    start, end = f["period_start"], f["period_end"]
    assert isinstance(start, date) and isinstance(end, date)
    if f.get("no_working_day"):
        return _w(lang)["why_no_working_day"].format(
            start=long_date(start, lang), end=long_date(end, lang)
        )
    return _w(lang)["why_geen_consulent_beschikbaar"]


def _period_over(f: Facts, lang: str, months: int) -> str:
    end = f["period_end"]
    assert isinstance(end, date)
    return _w(lang)["why_periode_voorbij"].format(end=long_date(end, lang))


def _capacity(f: Facts, lang: str, months: int) -> str:
    n = f.get("free_days", 0)
    if n:
        return _w(lang)["why_capaciteit"].format(n=n)
    return _w(lang)["why_no_morning"]


def _support_worker(f: Facts, lang: str, months: int) -> str:
    return _w(lang)["why_begeleider_bezet"].format(begeleider=f.get("begeleider", ""))


def _not_fitted(f: Facts, lang: str, months: int) -> str:
    return _w(lang)["why_niet_ingepast"]


REASONS: dict[str, Callable[[Facts, str, int], str]] = {
    Reason.WITHDRAWN: _withdrawn,
    Reason.PERIOD_OVER: _period_over,
    Reason.ENDS_BEFORE_PERIOD: _ends_before,
    Reason.NO_SUPPORT_PLAN: _no_plan,
    Reason.SUPPORT_PLAN_EXPIRED: _stale_plan,
    Reason.LOCATION_CLOSED: _closed,
    Reason.CLIENT_UNAVAILABLE: _client,
    Reason.NO_CONSULTANT: _nobody,
    Reason.CAPACITY: _capacity,
    Reason.SUPPORT_WORKER_BUSY: _support_worker,
    Reason.NOT_FITTED: _not_fitted,
}


def reason_name(code: str, language: str) -> str:
    """The short name of a reason code, for counts and headings."""
    return _w(language)[f"reason_{code}"]


def explanation(u: Unscheduled, language: str, months: int = 6) -> str:
    """Why ``u`` could not be planned: one sentence per reason, main reason first."""
    return " ".join(REASONS[code](u.facts, language, months) for code in u.reasons)


# --- what changed on a rerun, and why ---------------------------------------------------


def _slot(a, lang: str, name: Callable[[str], str]) -> str:
    return _w(lang)["slot"].format(
        day=weekday_date(a.day, lang), time=hhmm(a.start), consultant=name(a.consultant)
    )


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
    lang = language_of(language)
    w = _w(lang)
    day = weekday_date(c.before.day, lang) if c.before else ""
    remark = f": “{c.remark}”" if c.remark else ""
    if c.made_room_for and c.cause in (Cause.MORE, Cause.TIME):
        case = c.made_room_for if name_room else w["room_other"]
        why = w.get(f"room_cause_{c.room_cause}", w["room_cause_new"])
        return w[f"room_{c.cause}"].format(case=case, why=why)
    text = w[f"cause_{c.cause}"].format(day=day, remark=remark)
    if c.conflict:
        text = w["conflict"] + text
    if c.kind == ChangeKind.NOT_POSSIBLE and c.after is not None:
        return text + w["same_day_not_possible"].format(time=hhmm(c.after.start))
    if c.cause in (
        Cause.DECLINED,
        Cause.SAME_DAY,
        Cause.ABSENT,
        Cause.LOCATION_CLOSED,
        Cause.CLIENT_UNAVAILABLE,
        Cause.RULE,
        Cause.MOVED_LOCATION,
    ):
        if c.after is not None:
            text += w["now_moved"].format(slot=_slot(c.after, lang, name))
        elif unscheduled is not None:
            text += w["now_none"].format(why=explanation(unscheduled, lang, months))
    elif c.kind == ChangeKind.NO_LONGER_PLANNABLE and unscheduled is not None:
        text += " " + explanation(unscheduled, lang, months)
    return text


def answer_summary(c: Change, language: str, name: Callable[[str], str] = str) -> str:
    """One line for the terminal: what happened to a provider's answer."""
    w = _w(language)
    if c.cause == Cause.CONFIRMED:
        return w["answer_confirmed"].format(dossier=c.dossier)
    if c.kind == ChangeKind.NOT_POSSIBLE and c.after is not None:
        return w["answer_same_day_not_possible"].format(dossier=c.dossier, time=hhmm(c.after.start))
    if c.after is not None:
        slot = _slot(c.after, language_of(language), name)
        key = "answer_same_day_moved" if c.cause == Cause.SAME_DAY else "answer_moved"
        return w[key].format(dossier=c.dossier, slot=slot)
    return w["answer_not_again"].format(dossier=c.dossier)


def phase_words(phase: str, language: str) -> str:
    """What a solver phase does, in plain words (the phase's name if it has none)."""
    return _w(language).get(f"phase_{phase}", phase)


def outcome_words(status: str, language: str) -> str:
    """How a solver phase ended, in plain words."""
    return _w(language)[f"outcome_{status}"]


# --- how close the plan is to the best possible ------------------------------------------


def phase_in(plan: Plan, unit: str) -> PhaseResult | None:
    """The solver phase reported in ``unit`` (reassessments, visits), if it ran."""
    return next((p for p in plan.phases if p.unit == unit), None)


def quality_lines(plan: Plan, lang: str) -> list[str]:
    """Planned against the most any plan holds, visits against the fewest needed."""
    w = _w(lang)
    lines = []
    count, visits = phase_in(plan, "reassessments"), phase_in(plan, "visits")
    if count is not None:  # the bound is proven even where the search had no time
        if count.bound is None:
            lines.append(w["quality_unknown"])
        elif count.objective >= count.bound:
            lines.append(w["quality_all_proven"])
        else:
            share = percent(count.objective / count.bound if count.bound else 1, lang)
            lines.append(w["quality_of_most"].format(share=share, upper=int(count.bound)))
    if visits is not None and visits.bound is not None:
        if visits.objective <= visits.bound:
            lines.append(w["quality_visits_proven"])
        else:
            lines.append(
                w["quality_visits_of"].format(
                    extra=int(visits.objective - visits.bound), fewest=int(visits.bound)
                )
            )
    return lines


def refusal_text(refusal: Refusal, lang: str) -> str:
    """Why a provider's correction is refused, in ``lang`` (README, Corrections)."""
    return WORDS[lang][f"corr_refused_{refusal.code}"].format(**dict(refusal.values))
