"""The planner's page on the bundled example: one filter and a search for the
whole page, moving an appointment by hand (checked by every rule's own ``violations``
before it is kept, pinned at the next rerun, undone until then), deleting a planning,
the print view, and the page's language kept across its actions."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from herplan.app.hand_moves import SAME_DAY, check_move
from herplan.app.suggest import open_region
from herplan.io import hand_moves
from herplan.io.input_reader import read_problem
from tests.checker import check_plan, check_rerun
from tests.conftest import PLANNED_AS
from tests.web.test_web import app, post, token, wait

EXAMPLE = Path(__file__).parents[2] / "examples" / "drechtsteden-2026.xlsx"
NAME = "voorbeeld"


def example_data(planned_example, tmp_path: Path) -> Path:
    """A data folder holding the planned example as the page keeps a planning."""
    folder = tmp_path / "data" / NAME
    (folder / "invoer").mkdir(parents=True)
    shutil.copy(EXAMPLE, folder / "invoer" / "invoer.xlsx")
    shutil.copytree(planned_example[0], folder / "planning")
    return tmp_path / "data"


@pytest.fixture
def page(planned_example, tmp_path):
    data = example_data(planned_example, tmp_path)
    with TestClient(app(data, time_limit=4, reproducible=True)) as client:
        yield client, data / NAME


def plan_of(folder: Path) -> dict:
    return json.loads((folder / "planning" / "plan.json").read_text(encoding="utf-8"))


def an_allowed_move(folder: Path) -> tuple[str, str, str]:
    """A planned appointment and a consultant-morning ``herplan suggest`` offers it."""
    region = open_region(folder / "planning", PLANNED_AS, folder / "invoer" / "invoer.xlsx")
    for a in plan_of(folder)["appointments"]:
        options = region.suggest(a["dossier"], top=5).options
        free = [o for o in options if not o.moves]
        if free:
            p = free[0].place
            return a["dossier"], p.consultant, p.day.isoformat()
    raise AssertionError("no appointment of the example can move")


def an_away_day(plan: dict) -> tuple[dict, str, str]:
    """An appointment, and a consultant's working day away (rule 4)."""
    for cid, person in sorted(plan["consultants"].items()):
        for day in person["away"]:
            if date.fromisoformat(day) > PLANNED_AS:
                return plan["appointments"][0], cid, day
    raise AssertionError("nobody is away in the example")


def a_morning_elsewhere(plan: dict) -> tuple[dict, str, str]:
    """An appointment, and another consultant's morning at another location (rule 3)."""
    first = plan["appointments"][0]
    for a in plan["appointments"]:
        if a["location"] != first["location"] and a["date"] != first["date"]:
            return first, a["consultant"], a["date"]
    raise AssertionError("one location only")


# --- the check itself -----------------------------------------------------------------------


def check(folder: Path, dossier: str, consultant: str, day: date):
    """``check_move`` on the page's copy of the example."""
    return check_move(
        folder / "planning",
        dossier,
        consultant,
        day,
        input_path=folder / "invoer" / "invoer.xlsx",
        today=PLANNED_AS,
    )


def test_a_move_the_suggestions_know_is_allowed_with_its_time(page):
    _client, folder = page
    dossier, consultant, day = an_allowed_move(folder)
    found = check(folder, dossier, consultant, date.fromisoformat(day))
    assert found.allowed and found.refusals == []
    assert found.place.startswith(f"{day}@{consultant}@") and found.start


def test_a_move_to_a_day_away_is_refused_by_rule_4(page):
    _client, folder = page
    a, consultant, day = an_away_day(plan_of(folder))
    found = check(folder, a["dossier"], consultant, date.fromisoformat(day))
    assert not found.allowed
    assert 4 in {r.rule for r in found.refusals}
    assert any(r.finding.subject.consultant == consultant for r in found.refusals if r.rule == 4)


def test_a_move_to_a_morning_at_another_location_is_refused_by_rule_3(page):
    _client, folder = page
    a, consultant, day = a_morning_elsewhere(plan_of(folder))
    found = check(folder, a["dossier"], consultant, date.fromisoformat(day))
    assert not found.allowed
    assert 3 in {r.rule for r in found.refusals}


def test_a_move_to_another_consultant_on_the_same_day_is_left_to_the_engine(page):
    _client, folder = page
    plan = plan_of(folder)
    a = plan["appointments"][0]
    other = next(c for c in sorted(plan["consultants"]) if c != a["consultant"])
    found = check(folder, a["dossier"], other, date.fromisoformat(a["date"]))
    assert not found.allowed and [r.rule for r in found.refusals] == [SAME_DAY]


# --- on the page ------------------------------------------------------------------------------


def move(client: TestClient, dossier: str, consultant: str, day: str, lang: str = "nl", **more):
    fields = {"csrf": token(client), "dossier": dossier, "consulent": consultant, "datum": day}
    return client.post(
        f"/p/{NAME}/verplaats?taal={lang}", data=fields | more, follow_redirects=False
    )


def test_a_refused_move_says_the_rule_in_the_pages_language_and_keeps_nothing(page):
    client, folder = page
    a, consultant, day = an_away_day(plan_of(folder))
    answer = move(client, a["dossier"], consultant, day)
    assert answer.status_code == 409
    assert "Regel 4, beschikbaarheid consulent" in answer.text
    assert "werkt die dag niet" in answer.text
    assert f'href="/p/{NAME}?taal=en" lang="en"' in answer.text  # not back to the POST
    assert hand_moves.pending(folder) == []
    checked = move(client, a["dossier"], consultant, day, lang="en", alleen_controleren="1").json()
    assert checked["allowed"] is False
    assert "Rule 4, consultant availability" in {r["title"] for r in checked["rules"]}


def test_a_move_is_kept_until_undone(page):
    client, folder = page
    dossier, consultant, day = an_allowed_move(folder)
    checked = move(client, dossier, consultant, day, alleen_controleren="1").json()
    assert checked["allowed"] and hand_moves.pending(folder) == []  # a check keeps nothing
    answer = move(client, dossier, consultant, day)
    assert answer.status_code == 303 and "taal=nl" in answer.headers["location"]
    [kept] = hand_moves.pending(folder)
    assert kept.dossier == dossier and kept.place.startswith(f"{day}@{consultant}@")
    shown = client.get(f"/p/{NAME}").text
    assert 'id="hand"' in shown and "Ongedaan maken" in shown
    day_, who, start = kept.place.split("@")
    name = plan_of(folder)["consultants"][who]["name"]
    place = f"{date.fromisoformat(day_):%d-%m-%Y} {start}, {who} {name}"
    assert f"{place} (verplaatst, wacht op opnieuw plannen)" in shown  # at the old place
    arrival = shown.index(f'id="arrival-{dossier}"')  # and at the new one
    assert shown.rindex("data-consultant=", 0, arrival) == shown.index(
        f'data-consultant="{who}" data-day="{day_}"'
    )
    undone = client.post(
        f"/p/{NAME}/verplaats/ongedaan?taal=en",
        follow_redirects=False,
        data={"csrf": token(client), "dossier": dossier},
    )
    assert undone.status_code == 303 and "taal=en" in undone.headers["location"]
    assert hand_moves.pending(folder) == []


def test_a_kept_move_is_pinned_by_the_rerun_and_every_rule_and_promise_holds(page):
    client, folder = page
    before = plan_of(folder)
    dossier, consultant, day = an_allowed_move(folder)
    assert move(client, dossier, consultant, day).status_code == 303
    [kept] = hand_moves.pending(folder)
    answer = client.post(
        f"/p/{NAME}/wijzigingen", data={"csrf": token(client)}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert wait(client, NAME)["errors"] == []
    after = plan_of(folder)
    moved = next(a for a in after["appointments"] if a["dossier"] == dossier)
    assert f"{moved['date']}@{moved['consultant']}@{moved['start']}" == kept.place
    assert moved["pinned"] is True
    assert dossier in {c["dossier"] for c in after["changes"]}
    assert hand_moves.pending(folder) == []  # taken by the rerun
    problem, _ = read_problem(folder / "invoer" / "invoer.xlsx")
    assert check_plan(problem, after) == []
    assert check_rerun(problem, before, after, {dossier: "chosen"}, PLANNED_AS) == []


def test_a_move_whose_place_was_taken_meanwhile_is_listed_and_planned_anew(page):
    client, folder = page
    a, consultant, day = an_away_day(plan_of(folder))
    hand_moves.add(folder, hand_moves.HandMove(a["dossier"], f"{day}@{consultant}@09:00"))
    client.post(f"/p/{NAME}/wijzigingen", data={"csrf": token(client)})
    assert wait(client, NAME)["errors"] == []
    after = plan_of(folder)
    assert any(a["dossier"] in note and "set by hand" in note for note in after["answer_conflicts"])
    assert a["dossier"] in {x["dossier"] for x in after["appointments"]}


# --- the filter and the search ------------------------------------------------------------


def figure(html: str, label: str) -> int:
    found = re.search(rf'<th scope="row">{label}</th><td>(\d+)', html)
    assert found is not None, label
    return int(found.group(1))


def test_one_filter_narrows_every_part_of_the_page(page):
    client, folder = page
    plan = plan_of(folder)
    provider = plan["unscheduled"][0]["provider"]
    week = date.fromisoformat(plan["appointments"][0]["date"]).isocalendar()[1]
    html = client.get(f"/p/{NAME}", params={"aanbieder": provider, "week": week}).text
    expected = [
        a
        for a in plan["appointments"]
        if a["provider"] == provider and date.fromisoformat(a["date"]).isocalendar()[1] == week
    ]
    assert figure(html, "Ingepland") == len(expected) > 0
    assert 'id="filtered-note"' in html
    unplanned = html.split('id="unplanned"')[1].split("</table>")[0]
    others = {u["dossier"] for u in plan["unscheduled"] if u["provider"] != provider}
    assert not any(f"<td>{d}</td>" in unplanned for d in others)
    assert f"<td>{plan['unscheduled'][0]['dossier']}</td>" in unplanned  # no day: every week
    timeline = html.split('id="timeline"')[1].split("</table>\n</div>")[0]
    assert timeline.count('scope="col"') - 1 <= 5  # one week's working days
    assert html.count('<div class="card"') == 1 + 2  # its card, the consultants', the planner's
    for odd in ("0", "99", "x"):  # not a week: the whole period
        html = client.get(f"/p/{NAME}", params={"week": odd}).text
        assert figure(html, "Ingepland") == len(plan["appointments"])


def test_search_finds_a_dossier_by_its_initials_or_begeleider(page):
    client, folder = page
    a = plan_of(folder)["appointments"][3]
    for query in (a["dossier"].lower(), a["client"].replace(".", "").lower()):
        html = client.get(f"/p/{NAME}", params={"zoek": query}).text
        assert f"<td>{a['dossier']}</td>" in html.split('id="timeline"')[1]
    html = client.get(f"/p/{NAME}", params={"zoek": a["begeleider"]}).text
    assert figure(html, "Ingepland") == sum(
        1 for x in plan_of(folder)["appointments"] if x["begeleider"] == a["begeleider"]
    )


def test_the_timeline_marks_days_away_and_the_visit_shows_the_address(page):
    client, folder = page
    plan = plan_of(folder)
    _a, consultant, day = an_away_day(plan)
    html = client.get(f"/p/{NAME}").text
    cell = re.search(
        rf'<td class="cell[^"]* away[^"]*" data-consultant="{consultant}" '
        rf'data-day="{day}">\s*<span class="tag">afwezig',
        html,
    )
    assert cell is not None
    address = plan["locations"][0]["address"]
    assert f"Adres: {address}" in html or all(
        loc["name"] not in {a["location"] for a in plan["appointments"]}
        for loc in plan["locations"][:1]
    )


# --- the rest a planner expects -------------------------------------------------------------


def test_deleting_a_planning_needs_its_name(page):
    client, folder = page
    wrong = post(client, f"/p/{NAME}/verwijderen?taal=nl")
    assert wrong.status_code == 400 and "Typ de naam van de planning" in wrong.text
    assert folder.is_dir()
    right = client.post(
        f"/p/{NAME}/verwijderen?taal=en",
        follow_redirects=False,
        data={"csrf": token(client), "bevestig": NAME},
    )
    assert right.status_code == 303 and "taal=en" in right.headers["location"]
    assert not folder.exists()
    assert f"Planning {NAME} was deleted." in client.get(right.headers["location"]).text


def test_the_print_view_has_one_page_per_week(page):
    client, folder = page
    plan = plan_of(folder)
    weeks = {date.fromisoformat(a["date"]).isocalendar()[1] for a in plan["appointments"]}
    html = client.get(f"/p/{NAME}/afdrukken").text
    assert html.count('<section class="week-page"') >= len(weeks)
    assert "size: A4 landscape" in client.get("/static/print.css").text


def test_the_language_is_kept_by_the_links_and_a_failed_run_says_what_next(page):
    client, folder = page
    html = client.get(f"/p/{NAME}", params={"taal": "en", "aanbieder": "Yulius"}).text
    assert "aanbieder=Yulius" in re.search(r'href="([^"]*)" lang="nl"', html).group(1)
    assert f'action="/p/{NAME}/verplaats?taal=en&amp;aanbieder=Yulius"' in html  # filter kept
    assert f'action="/p/{NAME}/wijzigingen?taal=en"' in html
    (folder / "invoer" / "invoer.xlsx").write_bytes(b"not a workbook")
    client.post(f"/p/{NAME}/wijzigingen?taal=en", data={"csrf": token(client)})
    wait(client, NAME)
    shown = client.get(f"/p/{NAME}/bezig?taal=en").text
    assert "The planning failed; nothing changed." in shown


def test_a_page_that_is_not_there_says_so_in_the_pages_language(page):
    client, _folder = page
    answer = client.get("/p/bestaat-niet?taal=en")
    assert answer.status_code == 404 and "This page does not exist" in answer.text
    assert 'href="/?taal=en"' in answer.text
    assert "Deze pagina bestaat niet" in client.get(f"/p/{NAME}/opties/X!").text


def test_the_new_forms_refuse_a_foreign_origin_and_a_missing_token(page):
    client, folder = page
    dossier, consultant, day = an_allowed_move(folder)
    forms = {
        "verplaats": {"dossier": dossier, "consulent": consultant, "datum": day},
        "verplaats/ongedaan": {"dossier": dossier},
        "smtp": {"server": "evil.example", "poort": "25"},
        "versturen": {},
        "verwijderen": {"bevestig": NAME},
    }
    for action, fields in forms.items():
        url = f"/p/{NAME}/{action}"
        foreign = client.post(
            url, data={"csrf": token(client), **fields}, headers={"origin": "https://evil.example"}
        )
        assert foreign.status_code == 403, action
        assert client.post(url, data=fields).status_code == 403, action  # no token
    assert folder.is_dir() and hand_moves.pending(folder) == []
    assert not (folder.parent / "smtp.json").exists()
