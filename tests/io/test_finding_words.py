"""Every finding reads in Dutch on the Dutch page and in English on the command line,
from one catalogue (``herplan.io.finding_words``): a rule's finding, a refused move by
hand and a mistake in the input are data (a code, a subject and values), never a
sentence the page translates back."""

from __future__ import annotations

import html
import re
import string
from datetime import date

import pytest

from herplan.findings import Code, Finding, Subject
from herplan.io.errors import InputError
from herplan.io.finding_words import WORDS, render, what
from herplan.io.input_reader import read_input
from tests.web.test_web import client  # noqa: F401  (a fixture)

# Words that give an English sentence away (none of them is Dutch).
ENGLISH = re.compile(
    r"\b(the|is not|not|expected|outside|overlap|absent|cap|twice|empty|required|does|"
    r"cannot|should|without|after|before|column|sheet|row|missing|unknown|ignored|file|"
    r"found|with|and|more|than|only|must|ended|run|answered|confirmed|kept|already|fits|"
    r"please|check|save|type|delete|keep|plausible|number|dates?|weekdays|understood)\b"
)
ENGLISH_ONLY = {Code.TEXT}  # a command-line option's own message, said as it is
DAY, TODAY = date(2026, 12, 8), date(2026, 12, 1)
APPOINTMENT = Subject(dossier="D00084", consultant="AB05", day=DAY, start=9 * 60)
CELL = Subject(file="invoer.xlsx", sheet="Herindicaties", row=3, column="dossier")


def _sample(code: Code) -> Finding:
    """A finding of ``code`` with a value of the right kind for each of its names."""
    names = {n for _, n, _, _ in string.Formatter().parse(WORDS[code][1]) if n}
    dated = {
        "day",
        "today",
        "earliest",
        "latest",
        "plan_date",
        "indication_end",
        "start",
        "end",
        "replay",
        "moved_to",
    }
    values = {n: DAY if n in dated else 7 if n not in {"value", "worker"} else "X7" for n in names}
    return Finding.of(code, APPOINTMENT, **values)


@pytest.mark.parametrize("code", [c for c in Code if c not in ENGLISH_ONLY])
def test_every_finding_has_dutch_words_without_english(code):
    assert code in WORDS, f"{code} has no words"
    finding = _sample(code)
    dutch, english = render(finding, "nl"), render(finding, "en")
    assert dutch != english
    assert not ENGLISH.search(what(finding, "nl")), what(finding, "nl")


def test_every_code_has_words_and_every_word_a_code():
    assert set(WORDS) == set(Code)


SUBJECT = "D00084 (AB05, 2026-12-08 09:00)"
MORNING = Subject(consultant="AB05", day=DAY)
# A rule's finding as the command line says it (the same words as before findings were data).
SAID = [
    (
        Finding.of(Code.WRITEUP_OUTSIDE_AFTERNOON, APPOINTMENT),
        f"{SUBJECT}: write-up outside the afternoon",
        "de uitwerking valt buiten de middag",
    ),
    (
        Finding.of(Code.WRITEUP_WRONG_LENGTH, APPOINTMENT, minutes=45),
        f"{SUBJECT}: write-up is not 45 minutes",
        "de uitwerking duurt geen 45 minuten",
    ),
    (
        Finding.of(Code.ABSENT_BUT_INTERVIEWS, MORNING),
        "AB05 2026-12-08: absent (part of the day) but holds interviews",
        "(een deel van) de dag",
    ),
    (
        Finding.of(Code.SHOULD_BE_WITH_WORKER, APPOINTMENT),
        f"{SUBJECT}: should be held with the begeleider",
        "met de begeleider",
    ),
    (
        Finding.of(Code.NOT_A_CONSULTANT, Subject(consultant="XX", day=DAY)),
        "XX 2026-12-08: not a consultant of the input",
        "geen consulent in de invoer",
    ),
    (
        Finding.of(
            Code.WEEKLY_CAP_EXCEEDED, Subject(consultant="AB05"), mornings=5, week=50, cap=4
        ),
        "AB05: 5 mornings in week 50, cap 4",
        "5 ochtenden in week 50, terwijl het maximum 4 is",
    ),
    (
        Finding.of(
            Code.TOO_FEW_ROOMS, Subject(location="Dordrecht", day=DAY), consultants=3, rooms=2
        ),
        "Dordrecht 2026-12-08: 3 consultants at once, 2 rooms",
        "3 consulenten tegelijk, maar 2",
    ),
    (
        Finding.of(Code.NO_CHANGEOVER, MORNING, first="D00054", second="D00084"),
        "AB05 2026-12-08: D00054 and D00084 without change-over time",
        "D00054 en D00084 zonder",
    ),
    (
        Finding.of(Code.CONFIRMED_NOT_KEPT, Subject("D00084", "AB05", DAY)),
        "D00084 (AB05, 2026-12-08): confirmed, but not kept",
        "bevestigd, maar niet gehouden",
    ),
    (
        Finding.of(Code.WORKER_DOUBLE_BOOKED, worker="p. de vries", day=DAY),
        "begeleider p. de vries double-booked on 2026-12-08",
        "p. de vries heeft op 2026-12-08",
    ),
    (
        Finding.of(Code.PROVIDER_ANSWERED_NEE, Subject(dossier="D00084"), day=DAY),
        "D00084: the provider answered nee for 2026-12-08",
        "antwoordde nee voor 2026-12-08",
    ),
    (
        Finding.of(
            Code.HELD_ALREADY,
            Subject(file="--choose D00084=2"),
            dossier="D00084",
            day=TODAY,
            today=DAY,
        ),
        "--choose D00084=2: D00084 is held already (on 2026-12-01, today is 2026-12-08); it "
        "stays as it was",
        "D00084 is al gehouden (op 2026-12-01; vandaag is 2026-12-08)",
    ),
    (
        Finding.of(Code.DAY_NOT_AFTER_TODAY, day=TODAY, today=DAY),
        "2026-12-01 is not after today (2026-12-08)",
        "2026-12-01 is vandaag of al voorbij",
    ),
    (
        Finding.of(
            Code.IMPLAUSIBLE_DATE,
            CELL,
            day=date(1850, 1, 2),
            earliest=date(1900, 1, 1),
            latest=date(2100, 12, 31),
        ),
        "invoer.xlsx › Herindicaties › row 3 › dossier: 02-01-1850 is not a plausible date here; "
        "expected a date from 01-01-1900 to 31-12-2100 (check the year)",
        "02-01-1850 is hier geen aannemelijke datum",
    ),
    # The guard's findings, said as the command line said them before they were data.
    (
        Finding.of(Code.PLANNED_TWICE, Subject(dossier="D00084"), times=2),
        "D00084: planned 2 times",
        "D00084: 2 keer ingepland",
    ),
    (
        Finding.of(Code.NOT_IN_INPUT, APPOINTMENT),
        f"{SUBJECT}: not in the input",
        "staat niet in de invoer",
    ),
    (
        Finding.of(Code.WITHDRAWN_BUT_PLANNED, APPOINTMENT),
        f"{SUBJECT}: withdrawn but planned",
        "ingetrokken, maar toch ingepland",
    ),
    (
        Finding.of(Code.DIFFERS_FROM_INPUT, APPOINTMENT),
        f"{SUBJECT}: provider, location or client differ from the input",
        "aanbieder, locatie of cliënt wijkt af van de invoer",
    ),
    (
        Finding.of(Code.PLANNED_AND_LISTED, Subject(dossier="D00084"), planned=0, listed=2),
        "D00084: planned 0 times and listed 2 times",
        "0 keer ingepland en 2 keer vermeld als niet ingepland",
    ),
    (
        Finding.of(Code.LISTED_WITHOUT_REASON, Subject(dossier="D00084")),
        "D00084: listed as not planned without a reason",
        "vermeld als niet ingepland, maar zonder reden",
    ),
    (
        Finding.of(Code.HELD_NOT_KEPT, APPOINTMENT),
        f"{SUBJECT}: held by today but not kept as it was",
        "is al gehouden, maar staat niet meer zoals het was",
    ),
    (
        Finding.of(Code.SAME_DAY_MOVED, Subject(dossier="D00084"), day=TODAY, moved_to=DAY),
        "D00084: the provider kept 2026-12-01 (zelfde dag), but the interview moved to 2026-12-08",
        "hield 2026-12-01 aan (zelfde dag), maar het gesprek is verplaatst naar 2026-12-08",
    ),
    (
        Finding.of(Code.NEE_DAY_KEPT, Subject(dossier="D00084"), day=DAY),
        "D00084: the provider answered nee for 2026-12-08, but the interview is still that day",
        "antwoordde nee voor 2026-12-08, maar het gesprek staat nog op die dag",
    ),
    (
        Finding.of(Code.DROPPED_WITHOUT_CAUSE, APPOINTMENT),
        f"{SUBJECT}: dropped without a cause",
        "uit de planning gehaald zonder oorzaak",
    ),
    (
        Finding.of(Code.MOVED_WITHOUT_ROOM, APPOINTMENT),
        f"{SUBJECT}: moved without making room for a newly planned reassessment",
        "verplaatst zonder ruimte te maken voor een nieuw ingeplande herindicatie",
    ),
    (
        Finding.of(Code.FEWER_THAN_FIRST_PLAN, planned=40, first=42),
        "the plan holds 40 reassessments, fewer than its first plan (42)",
        "de planning bevat 40 herindicaties, minder dan de eerste planning (42)",
    ),
    (Finding.of(Code.MORE_FAILURES, more=3), "and 3 more", "en nog 3 andere"),
    (
        Finding.of(Code.NOT_OPEN, Subject(file="--choose D00999=2"), dossier="D00999"),
        "--choose D00999=2: D00999 is not an open reassessment of the input",
        "D00999 is geen open herindicatie in de invoer",
    ),
    (
        Finding.of(Code.HELD_ALREADY, dossier="D00084", day=TODAY, today=DAY),
        "D00084 is held already (on 2026-12-01, today is 2026-12-08); it stays as it was",
        "D00084 is al gehouden (op 2026-12-01; vandaag is 2026-12-08)",
    ),
]


@pytest.mark.parametrize(("finding", "english", "dutch"), SAID)
def test_a_finding_reads_as_before_in_english_and_in_dutch_with_its_values(finding, english, dutch):
    assert render(finding) == english
    assert dutch in render(finding, "nl")
    if finding.subject.dossier and finding.subject.day:  # who and when as they are
        assert render(finding, "nl").startswith(english.partition(": ")[0])


def test_what_a_setting_expects_reads_in_both_languages():
    from herplan.io.finding_words import EXPECTED
    from herplan.io.input_reader import SETTING_PARSERS

    assert set(EXPECTED) == set(SETTING_PARSERS)
    for key in EXPECTED:
        bad = Finding.of(Code.SETTING_NOT_VALID, Subject(column=key), value="x", setting=key)
        assert what(bad) == f"'x' is not valid; expected {EXPECTED[key][1]}"
        assert not ENGLISH.search(what(bad, "nl")), what(bad, "nl")
    ochtend = Finding.of(Code.SETTING_NOT_VALID, CELL, value="9-12", setting="ochtend")
    assert what(ochtend) == "'9-12' is not valid; expected a time window like 09:00-12:30"


def test_a_finding_travels_as_data_and_comes_back_the_same():
    for finding, _, _ in SAID:
        assert Finding.from_dict(finding.as_dict()) == finding


def test_a_reruns_note_reads_as_before_in_english_and_travels_as_data():
    """The notes ``plan.json`` keeps in English (``answer_conflicts``) read as they did
    when they were sentences; their findings go beside them, for the page."""
    who = Subject(dossier="D00999")
    notes = [
        (
            Finding.of(Code.SET_BY_HAND_TAKEN, who, place="2026-12-08@AB05@09:00"),
            "D00999: the place set by hand (2026-12-08@AB05@09:00) is no longer free; planned anew",
        ),
        (
            Finding.of(Code.CHOSEN_DAY_PASSED, who, day=TODAY, today=DAY),
            "D00999: 2026-12-01 is not after today (2026-12-08); planned anew",
        ),
        (
            Finding.of(
                Code.WORKBOOKS_DISAGREE,
                who,
                answer="ja",
                source="a.xlsx › Planning › row 4",
                other="nee",
                other_source="b.xlsx › Planning › row 7",
                counts="nee",
            ),
            "D00999: ja in a.xlsx › Planning › row 4, nee in b.xlsx › Planning › row 7; nee counts",
        ),
        (
            Finding.of(
                Code.WORKBOOK_AND_ONLINE_DISAGREE,
                who,
                answer="nee",
                source="a.xlsx › Planning › row 4",
                other="ja",
                other_source="online › Yulius › 01-12-2026 10:00",
                counts="ja",
            ),
            "D00999: nee in a.xlsx › Planning › row 4, ja online (online › Yulius › "
            "01-12-2026 10:00); ja counts",
        ),
    ]
    for finding, english in notes:
        assert render(finding) == english
        assert Finding.from_dict(finding.as_dict()) == finding
        assert render(finding, "nl").startswith("D00999: ") and render(finding, "nl") != english


def test_every_mistake_of_a_workbook_is_a_finding_that_reads_in_dutch(tmp_path):
    from herplan.app.web.planning_sections import error_rows
    from tests.io.test_input_reader import CASE, CONSULTANTS, workbook

    mistakes = [
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
    twice = [*CONSULTANTS, CONSULTANTS[0]]  # the same consultant id twice
    path = workbook(tmp_path, cases=mistakes, consultants=twice)
    with pytest.raises(InputError) as raised:
        read_input(path)
    findings = raised.value.findings
    assert Code.TEXT not in {f.code for f in findings}
    assert {f.code for f in findings} >= {
        Code.NOT_A_DATE,
        Code.DOSSIER_TWICE,
        Code.UNKNOWN_PROVIDER,
        Code.UNKNOWN_LOCATION,
        Code.UNKNOWN_CONSULTANT,
        Code.NUMBER_TOO_SMALL,
        Code.INTERVIEW_TOO_LONG,
        Code.NOT_WEEKDAYS_OR_DATES,
        Code.NOT_AN_EMAIL,
        Code.EXCEL_ERROR_VALUE,
        Code.EMPTY_VALUE,
        Code.NOT_ONE_OF,
        Code.CONSULTANT_TWICE,
    }
    provider = next(f for f in findings if f.code is Code.UNKNOWN_PROVIDER)
    assert provider.value("value") == "Onbekend" and provider.subject.column == "aanbieder"
    rows = error_rows([f.as_dict() for f in findings], "nl")
    assert [r["what"] for r in rows if ENGLISH.search(r["what"])] == []
    said = error_rows(findings, "en")
    assert [r["what"] for r in said] == [m.split(": ", 1)[1] for m in raised.value.messages]


def test_the_page_shows_a_refused_move_by_hand_in_dutch(planned_example, tmp_path):
    from starlette.testclient import TestClient

    from tests.web.test_planner import NAME, an_away_day, example_data, plan_of
    from tests.web.test_web import app, token

    data = example_data(planned_example, tmp_path)
    with TestClient(app(data)) as browser:
        a, consultant, day = an_away_day(plan_of(data / NAME))
        fields = {
            "csrf": token(browser),
            "dossier": a["dossier"],
            "consulent": consultant,
            "datum": day,
        }
        checked = browser.post(f"/p/{NAME}/verplaats", data={**fields, "alleen_controleren": "1"})
        page = html.unescape(browser.post(f"/p/{NAME}/verplaats", data=fields).text)
    findings = [r["finding"] for r in checked.json()["rules"]]
    assert findings and [f for f in findings if ENGLISH.search(f.partition(": ")[2])] == []
    assert all(f in page for f in findings)


def test_the_page_shows_a_bad_upload_in_dutch(client, tmp_path):  # noqa: F811
    from tests.io.test_input_reader import CASE, workbook
    from tests.web.test_web import upload

    bad = workbook(tmp_path, cases=[CASE | {"gespreksduur_min": 500, "client": "#N/A"}])
    page = html.unescape(upload(client, bad).text)
    assert "een gesprek van 500 minuten past niet in de ochtend" in page
    assert "Excel-foutwaarde #N/A; vul een echte waarde in" in page
    cells = re.findall(r"<td>([^<]*)</td></tr>", page)  # the *what* of each row
    assert cells and [c for c in cells if ENGLISH.search(c)] == []


def test_a_refused_correction_reads_in_the_corrections_words_as_before():
    from herplan.corrections import Refusal
    from herplan.io.sentences import refusal_text

    where = Subject(file="fout.xlsx", sheet="Correcties", row=5)
    for refusal in (Refusal("too_long", (("n", "300"),)), Refusal("kind")):
        found = Finding.of(
            Code.CORRECTION_REFUSED, where, refused=refusal.code, **dict(refusal.values)
        )
        assert render(found) == f"fout.xlsx › Correcties › row 5: {refusal_text(refusal, 'en')}"
        assert what(found, "nl") == refusal_text(refusal, "nl")
        assert Finding.from_dict(found.as_dict()) == found


SCENARIO = Subject(file='--scenario "XX afwezig week 49"')


@pytest.mark.parametrize(
    ("finding", "english"),
    [
        (
            Finding.of(Code.SCENARIO_NOT_A_CONSULTANT, SCENARIO, value="XX"),
            "'XX' is not a consultant in sheet Consulenten",
        ),
        (
            Finding.of(Code.SCENARIO_NOT_A_DATE, SCENARIO, value="31-31-2026"),
            "'31-31-2026' is not a date; expected e.g. 2026-12-14 or 14-12-2026",
        ),
        (
            Finding.of(Code.SCENARIO_WEEK_NOT_IN_PERIOD, SCENARIO, week="30"),
            "week 30 is not a week of the period",
        ),
        (
            Finding.of(Code.SCENARIO_ENDS_BEFORE_START, SCENARIO, end=TODAY, start=DAY),
            "2026-12-01 is before 2026-12-08",
        ),
        (
            Finding.of(Code.SCENARIO_PERIOD_ENDS_BEFORE_START, SCENARIO),
            "the period would end before it starts",
        ),
        (
            Finding.of(Code.SCENARIO_NOT_WEEKDAYS, SCENARIO, value="xx"),
            "'xx' are not weekdays; expected e.g. ma,di,do",
        ),
        (Finding.of(Code.SCENARIO_NO_INPUT, SCENARIO), "no input file or folder there"),
        (
            Finding.of(Code.SCENARIO_NOT_UNDERSTOOD, SCENARIO, value="meer koffie"),
            '"meer koffie" is not a change herplan knows; expected e.g. "AB05 afwezig week 51", '
            '"periode tot 2027-01-08", "AB05 max 3 per week" or "AB05 werkdagen ma,di,do"',
        ),
    ],
)
def test_a_scenario_herplan_cannot_make_reads_as_before(finding, english):
    assert render(finding) == f'--scenario "XX afwezig week 49": {english}'
    assert not ENGLISH.search(what(finding, "nl")), what(finding, "nl")


def test_a_folder_another_run_is_writing_is_a_finding_that_reads_as_before(tmp_path):
    from herplan.io.atomic import folder_lock

    folder = tmp_path / "planning"
    with folder_lock(folder), pytest.raises(InputError) as busy, folder_lock(folder):
        pass
    (finding,) = busy.value.findings
    assert finding.code is Code.FOLDER_BUSY
    assert busy.value.messages == [
        f"{folder.resolve()}: another herplan run (plan or send) is busy with this folder; "
        "try again when it has finished"
    ]


def test_an_input_without_its_main_sheet_cannot_take_corrections(tmp_path):
    from openpyxl import Workbook

    from herplan.io.input_corrections import corrected_input

    path = tmp_path / "invoer.xlsx"
    Workbook().save(path)
    with pytest.raises(InputError) as missing:
        corrected_input(path, [], {})
    (finding,) = missing.value.findings
    assert (finding.code, finding.subject.sheet) == (Code.MISSING_SHEET, "Herindicaties")
    assert not ENGLISH.search(what(finding, "nl"))
