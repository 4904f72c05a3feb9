"""The sentence catalogue (``herplan.io.sentences``) and the engine's codes, without the solver.

Every reason code, cause, phase and outcome has words in Dutch and in English;
each reason is rendered from the facts the engine records, for tiny instances
where exactly that rule refuses every day (``explain.unscheduled_entry`` on the
candidates alone); changes are rendered with their cause; timing lays out a
morning and keeps previous times.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from herplan.constraints import HARD_RULES
from herplan.domain.appointment import Appointment
from herplan.domain.plan import Change
from herplan.domain.problem import Absence
from herplan.io.sentences import (
    REASONS,
    answer_summary,
    change_reason,
    explanation,
    plan_date_note,
)
from herplan.scheduler.candidates import find_candidates
from herplan.scheduler.explain import unscheduled_entry, withdrawn_entry
from herplan.scheduler.timing import assign_times
from tests.conftest import case, consultant, location, problem

LANGUAGES = ("nl", "en")


def test_every_reason_code_has_a_name_and_a_sentence():
    from herplan.io.words import section
    from herplan.scheduler.explain import REASON_ORDER

    assert set(REASONS) == set(REASON_ORDER)
    names = {k for k in section("nl", "reason_")}
    assert names == set(REASON_ORDER)


CASES = {
    "ondersteuningsplan_verlopen": (case("A", support_plan_date=date(2026, 4, 3)), {}),
    "geen_ondersteuningsplan": (case("A", support_plan_date=None), {}),
    "einddatum_voor_periode": (
        case(
            "A",
            indication_end=date(2026, 12, 2),
            support_plan_date=None,
            new_plan_expected=date(2026, 12, 8),
        ),
        {},
    ),  # the new plan comes after the indication ends
    "locatie_gesloten": (
        case("A"),
        {
            "locations": [
                location("Noord", closed_dates=frozenset(date(2026, 12, d) for d in range(1, 32)))
            ]
        },
    ),
    "geen_consulent_beschikbaar": (
        case("A"),
        {"absences": [Absence("AH", date(2026, 11, 30), date(2026, 12, 31))]},
    ),
    "client_niet_beschikbaar": (case("A", unavailable_weekdays=frozenset(range(5))), {}),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_reason_is_found_and_explained_in_both_languages(code):
    r, extra = CASES[code]
    cands = find_candidates(problem([r], **extra), HARD_RULES)
    entry = unscheduled_entry(cands, 0)
    assert entry.main_reason == code and code in entry.reasons
    nl, en = explanation(entry, "nl"), explanation(entry, "en")
    assert nl and en and nl != en
    assert "{" not in nl + en  # every placeholder filled


# What each sentence must say about the case built for it (Dutch; English mirrors it).
SAYS = {
    "ondersteuningsplan_verlopen": (
        "3 april 2026",
        "ouder dan zes maanden",
        "na 3 oktober 2026",
        "lever uiterlijk 2 december",
    ),
    "geen_ondersteuningsplan": ("geen ondersteuningsplan bekend", "lever uiterlijk"),
    "einddatum_voor_periode": ("De indicatie eindigt op 2 december 2026",),
    "locatie_gesloten": ("Locatie Noord is gesloten",),
    "geen_consulent_beschikbaar": ("geen consulent beschikbaar",),
    "client_niet_beschikbaar": (
        "cliënt is niet beschikbaar",
        "aanwezigheid van de cliënt is vereist",
    ),
    "capaciteit": ("Alle ochtenden waarop het gesprek kan (4 dagen) zijn al vol",),
}
CASES["capaciteit"] = (case("A"), {})  # nothing refuses a day: the mornings were full


@pytest.mark.parametrize("code", sorted(SAYS))
def test_each_reasons_sentence_states_the_facts_of_its_case(code):
    r, extra = CASES[code]
    entry = unscheduled_entry(find_candidates(problem([r], **extra), HARD_RULES), 0)
    assert entry.main_reason == code
    text = explanation(entry, "nl")
    assert all(part in text for part in SAYS[code]), text


def test_a_withdrawn_case_says_so():
    entry = withdrawn_entry(case("A", withdrawn=True))
    assert entry.reasons == ("geannuleerd",)
    assert "ingetrokken" in explanation(entry, "nl") and "withdrawn" in explanation(entry, "en")


def test_a_plan_dated_after_the_indication_ends_says_so_and_not_that_it_is_old():
    r = case("A", indication_end=date(2026, 12, 3), support_plan_date=date(2026, 12, 4))
    entry = unscheduled_entry(find_candidates(problem([r]), HARD_RULES), 0)
    text = explanation(entry, "nl")
    assert "gedateerd op 4 december 2026, na de einddatum van de indicatie (3 december 2026)" in (
        text
    )
    assert "ouder dan" not in text and "geldig" not in text.casefold()
    assert plan_date_note(r.support_plan_date, r.indication_end, date(2026, 12, 1), "nl") in text


def test_a_plan_dated_in_the_period_says_from_when_it_counts():
    r = case(
        "A",
        support_plan_date=date(2026, 12, 3),
        unavailable_dates=frozenset({date(2026, 12, 3), date(2026, 12, 4)}),
    )
    entry = unscheduled_entry(find_candidates(problem([r]), HARD_RULES), 0)
    assert "ondersteuningsplan_verlopen" in entry.reasons
    text = explanation(entry, "nl")
    assert "gedateerd op 3 december 2026 en geldt pas vanaf die dag" in text
    assert "ouder dan" not in text


def test_stale_plan_sentence_names_the_plan_date_and_the_age():
    cands = find_candidates(problem([CASES["ondersteuningsplan_verlopen"][0]]), HARD_RULES)
    text = explanation(unscheduled_entry(cands, 0), "nl")
    assert "3 april 2026" in text and "ouder dan zes maanden" in text


def _appointment(dossier: str, day: date, start: int) -> Appointment:
    return Appointment(
        uid=f"{dossier}@t",
        dossier=dossier,
        client="A.B.",
        provider="Yulius",
        location="Noord",
        consultant="AH",
        day=day,
        start=start,
        end=start + 45,
        writeup_start=13 * 60,
        writeup_end=13 * 60 + 45,
        with_="client",
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_nee_is_rendered_with_the_remark_and_where_it_went(lang):
    before = _appointment("D1", date(2026, 12, 1), 9 * 60)
    after = replace(before, day=date(2026, 12, 3))
    change = Change("D1", "Yulius", "verplaatst", "nee", before, after, "dagbesteding")
    text = change_reason(change, lang)
    assert "dagbesteding" in text and ("1 december" in text or "1 December" in text)
    summary = answer_summary(change, lang, lambda cid: "A. Hendriks")
    assert "3" in summary and "A. Hendriks" in summary


def test_every_cause_renders_in_both_languages():
    before = _appointment("D1", date(2026, 12, 1), 9 * 60)
    from herplan.io.words import section

    for cause in section("nl", "cause_"):
        for lang in LANGUAGES:
            change = Change("D1", "Yulius", "verplaatst", cause, before, before, "")
            assert change_reason(change, lang).strip()


def test_timing_lays_out_a_morning_back_to_back_with_change_over():
    p = problem([case("A"), case("B")])
    day = date(2026, 12, 1)
    timed = assign_times([(r, "AH", day) for r in p.reassessments], p.settings)
    assert [(t.start, t.writeup_start) for t in timed] == [(540, 780), (600, 825)]


def test_timing_keeps_a_previous_time_and_fills_the_gap_around_it():
    p = problem([case("A"), case("B")])
    day = date(2026, 12, 1)
    keep = {"B": ("AH", day, 9 * 60, 13 * 60)}
    timed = {
        t.dossier: t
        for t in assign_times([(r, "AH", day) for r in p.reassessments], p.settings, keep)
    }
    assert (timed["B"].start, timed["B"].writeup_start) == (540, 780)
    assert timed["A"].start >= 540 + 45 + 15 and timed["A"].writeup_start >= 780 + 45


def test_timing_uses_the_change_over_it_is_given():
    p = problem([case("A"), case("B")])
    day = date(2026, 12, 1)
    timed = assign_times([(r, "AH", day) for r in p.reassessments], p.settings, gap=0)
    assert [t.start for t in timed] == [540, 585]


def test_a_begeleiders_interviews_follow_each_other():
    p = problem(
        [case("A", begeleider="Els"), case("B"), case("C", begeleider="els ")],
        consultants=[consultant("AH")],
    )
    timed = assign_times([(r, "AH", date(2026, 12, 1)) for r in p.reassessments], p.settings)
    order = [t.dossier for t in sorted(timed, key=lambda t: t.start)]
    assert order.index("C") == order.index("A") + 1


@pytest.mark.parametrize(
    ("full", "says"),
    [
        ("begeleider_bezet", ("Begeleider Team Noord", "één ochtend", "eigen begeleider")),
        ("niet_ingepast", ("nog plaats", "volgende herplanning")),
    ],
)
def test_what_the_plan_found_full_is_explained_in_both_languages(full, says):
    cands = find_candidates(problem([case("A", begeleider="Team  Noord")]), HARD_RULES)
    entry = unscheduled_entry(cands, 0, full)
    assert entry.reasons == (full,)
    nl, en = explanation(entry, "nl"), explanation(entry, "en")
    assert all(part in nl for part in says), nl
    assert en and en != nl and "{" not in nl + en
