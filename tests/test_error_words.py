"""The input's errors on the Dutch page are Dutch (``app/web/error_words``): a workbook
with many kinds of mistakes, read as the page reads it, leaves no English sentence."""

from __future__ import annotations

import pytest

from herplan.app.web.error_words import in_language
from herplan.app.web.planning_sections import error_rows
from herplan.io.errors import InputError
from herplan.io.input_reader import read_problem
from tests.io.test_input_reader import CASE, CONSULTANTS, workbook

MISTAKES = [
    CASE | {"dossier": "D1", "einddatum_indicatie": "morgen"},  # not a date
    CASE | {"dossier": "D1"},  # the same dossier twice
    CASE | {"dossier": "D2", "aanbieder": "Onbekend"},  # no such provider
    CASE | {"dossier": "D3", "locatie": "Elders"},  # no such location of Yulius
    CASE | {"dossier": "D4", "vaste_consulent": "ZZ"},  # no such consultant
    CASE | {"dossier": "D5", "gespreksduur_min": "lang"},  # not a number
    CASE | {"dossier": "D6", "gespreksduur_min": 500},  # longer than the morning
    CASE | {"dossier": "D7", "client_niet_beschikbaar": "maandag, soms"},  # not understood
    CASE | {"dossier": "D8", "begeleider_email": "geen-adres"},  # not an e-mail address
    CASE | {"dossier": "D9", "client": "#N/A"},  # an Excel error value
    CASE | {"dossier": "", "client": "X.Y."},  # empty where a value is needed
    CASE | {"dossier": "D11", "aanwezigheid_client": "misschien"},  # not one of the choices
]


def test_every_mistake_of_a_workbook_reads_in_dutch(tmp_path):
    twice = [*CONSULTANTS, CONSULTANTS[0]]  # the same consultant id twice
    path = workbook(tmp_path, cases=MISTAKES, consultants=twice)
    with pytest.raises(InputError) as raised:
        read_problem(path)
    rows = error_rows(raised.value.messages, "nl")
    assert len(rows) >= len(MISTAKES) - 1
    english = [r["what"] for r in rows
               if any(w in r["what"] for w in (" is not ", "expected", "appears twice", "empty",
                                               "Excel error", "does not fit"))]  # fmt: skip
    assert english == [], english
    assert {r["column"] for r in rows} >= {"einddatum_indicatie", "dossier", "aanbieder",
                                           "vaste_consulent", "gespreksduur_min"}  # fmt: skip
    said = error_rows(raised.value.messages, "en")
    assert [r["what"] for r in said] == [m.split(": ", 1)[1] for m in raised.value.messages]


def test_a_message_without_an_entry_is_shown_as_it_is():
    assert in_language("something new went wrong", "nl") == "something new went wrong"
    assert in_language("'x' is not a date; expected e.g. 2026-12-04 or 4-12-2026", "nl") == (
        "'x' is geen datum; typ bijvoorbeeld 4-12-2026 of 2026-12-04"
    )
