"""A rule's finding on a move by hand reads in Dutch on the Dutch page (``rule_words``),
with the dossier, consultant, date and numbers kept, and in English as the rule says it."""

from __future__ import annotations

import pytest

from herplan.app.web.rule_words import finding_in

SUBJECT = "D00084 (AB05, 2026-12-08 09:00)"
FINDINGS = {
    f"{SUBJECT}: write-up outside the afternoon": "de uitwerking valt buiten de middag",
    f"{SUBJECT}: write-up is not 45 minutes": "de uitwerking duurt geen 45 minuten",
    "AB05 2026-12-08: absent (part of the day) but holds interviews": "(een deel van) de dag",
    "AB05 2026-12-08: write-ups overlap": "uitwerkingen van de middag overlappen",
    f"{SUBJECT}: the client cannot come that day": "de cliënt kan die dag niet",
    f"{SUBJECT}: should be held with the begeleider": "met de begeleider",
    "XX 2026-12-08: not a consultant of the input": "geen consulent in de invoer",
    "AB05 2026-12-08: not working (weekday, holiday or absence)": "werkt niet (vrije dag",
    "AB05: 5 mornings in week 50, cap 4": "5 ochtenden in week 50, terwijl het maximum 4 is",
    "Dordrecht 2026-12-08: 3 consultants at once, 2 rooms": "3 consulenten tegelijk, maar 2",
    f"{SUBJECT}: not a working day of the period": "geen werkdag in de periode",
    f"{SUBJECT}: interview outside the morning": "buiten de ochtend",
    f"{SUBJECT}: interview does not last its length": "niet zo lang als nodig",
    "AB05 2026-12-08: more than one location in one morning": "meer dan één locatie",
    "AB05 2026-12-08: D00054 and D00084 without change-over time": "D00054 en D00084 zonder",
    "D00084 (AB05, 2026-12-08): confirmed, but not kept": "bevestigd, maar niet gehouden",
    f"{SUBJECT}: after the indication ends": "na het einde van de indicatie",
    f"{SUBJECT}: the location is closed that day": "de locatie is die dag dicht",
    f"{SUBJECT}: the support plan is not current that day": "niet actueel",
    "begeleider P. de Vries double-booked on 2026-12-08": "P. de Vries heeft op 2026-12-08",
    "D00084: the provider answered nee for 2026-12-08": "antwoordde nee voor 2026-12-08",
    "2026-11-02 is not after today (2026-12-01)": "2026-11-02 is vandaag of al voorbij",
}


@pytest.mark.parametrize("finding", sorted(FINDINGS))
def test_each_finding_reads_in_dutch_with_its_values(finding):
    dutch = finding_in(finding, "nl")
    assert FINDINGS[finding] in dutch
    who = finding.partition(": ")[0]
    if ": " in finding and "(" in who:
        assert dutch.startswith(who)  # the dossier, consultant, date and time as they are
    assert finding_in(finding, "en") == finding


def test_the_findings_of_a_refused_move_on_the_example_are_dutch(planned_example, tmp_path):
    from starlette.testclient import TestClient

    from tests.test_web import app, token
    from tests.test_web_planner import NAME, an_away_day, example_data, plan_of

    data = example_data(planned_example, tmp_path)
    with TestClient(app(data)) as client:
        a, consultant, day = an_away_day(plan_of(data / NAME))
        fields = {"csrf": token(client), "dossier": a["dossier"], "consulent": consultant,
                  "datum": day, "alleen_controleren": "1"}  # fmt: skip
        said = client.post(f"/p/{NAME}/verplaats", data=fields).json()
    findings = [r["finding"] for r in said["rules"]]
    assert findings and all(
        not any(w in f for w in ("not ", "outside", "overlap", "absent", "cap ")) for f in findings
    ), findings
