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
from herplan.io.sentences import (
    CAUSES,
    OUTCOMES,
    PHASES,
    REASON_NAMES,
    REASONS,
    answer_summary,
    change_reason,
    explanation,
)
from herplan.scheduler.candidates import find_candidates
from herplan.scheduler.domain import Absence, Appointment, Change
from herplan.scheduler.explain import unscheduled_entry
from herplan.scheduler.timing import assign_times
from tests.conftest import case, consultant, location, problem

LANGUAGES = ("nl", "en")


@pytest.mark.parametrize("catalogue", [REASON_NAMES, CAUSES, PHASES, OUTCOMES])
def test_every_entry_has_dutch_and_english(catalogue):
    assert set(catalogue) == set(LANGUAGES)
    assert set(catalogue["nl"]) == set(catalogue["en"])
    assert all(text.strip() for lang in LANGUAGES for text in catalogue[lang].values())


def test_every_reason_code_has_a_name_and_a_sentence():
    assert set(REASONS) == set(REASON_NAMES["nl"])


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


def test_stale_plan_sentence_names_the_plan_date_and_the_age():
    cands = find_candidates(problem([CASES["ondersteuningsplan_verlopen"][0]]), HARD_RULES)
    text = explanation(unscheduled_entry(cands, 0), "nl")
    assert "3 april 2026" in text and "ouder dan zes maanden" in text


def _appointment(dossier: str, day: date, start: int) -> Appointment:
    return Appointment(uid=f"{dossier}@t", dossier=dossier, client="A.B.", provider="Yulius",
                       location="Noord", consultant="AH", day=day, start=start, end=start + 45,
                       writeup_start=13 * 60, writeup_end=13 * 60 + 45, with_="client")  # fmt: skip


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
    for cause in CAUSES["nl"]:
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
    timed = {t.reassessment.dossier: t for t in
             assign_times([(r, "AH", day) for r in p.reassessments], p.settings, keep)}  # fmt: skip
    assert (timed["B"].start, timed["B"].writeup_start) == (540, 780)
    assert timed["A"].start >= 540 + 45 + 15 and timed["A"].writeup_start >= 780 + 45


def test_timing_uses_the_change_over_it_is_given():
    p = problem([case("A"), case("B")])
    day = date(2026, 12, 1)
    timed = assign_times([(r, "AH", day) for r in p.reassessments], p.settings, gap=0)
    assert [t.start for t in timed] == [540, 585]


def test_a_begeleiders_interviews_follow_each_other():
    p = problem([case("A", begeleider="Els"), case("B"), case("C", begeleider="els ")],
                consultants=[consultant("AH")])  # fmt: skip
    timed = assign_times([(r, "AH", date(2026, 12, 1)) for r in p.reassessments], p.settings)
    order = [t.reassessment.dossier for t in sorted(timed, key=lambda t: t.start)]
    assert order.index("C") == order.index("A") + 1
