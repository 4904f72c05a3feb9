"""The planning page leads, read as HTML: a banner after a rerun, the sections
in a menu at the top, search hits listed with their week, *Mogelijkheden* only where a
place can exist, one date style, no jargon, explanations in the page's language; and
the home page after an upload error names the uploaded file and keeps its list."""

from __future__ import annotations

import json
import re
from datetime import date

from openpyxl import Workbook
from starlette.testclient import TestClient

from herplan.app.links import planning_links
from herplan.app.suggest import open_region
from herplan.findings import Code, Finding, Subject
from herplan.io.finding_words import render
from herplan.io.input_writer import write_input_workbook
from tests.conftest import PLANNED_AS
from tests.web.test_planner import NAME, move, page, plan_of  # noqa: F401 (a fixture)
from tests.web.test_web import app, post, upload, wait

SECTIONS = ("tijdlijn", "niet-ingepland", "antwoorden", "wijzigingen", "versturen", "bestanden")


def test_every_section_is_in_the_menu_at_the_top(page):  # noqa: F811
    client, _folder = page
    html = client.get(f"/p/{NAME}").text
    menu = html.split('id="sections"')[1].split("</nav>")[0]
    assert re.findall(r'href="#([a-z-]+)"', menu) == list(SECTIONS)
    for part in SECTIONS:  # each a section of its own, below the menu
        assert html.index(f'<section id="{part}" class="tab"') > html.index('id="sections"')
    assert html.index('id="rerun"') < html.index('id="sections"')  # plan again from the top


def test_after_a_rerun_the_banner_says_what_happened(page):  # noqa: F811
    client, folder = page
    assert post(client, f"/p/{NAME}/wijzigingen").status_code == 303
    assert wait(client, NAME)["errors"] == []
    done = client.get(f"/p/{NAME}/bezig", follow_redirects=False)
    assert "gepland=1" in done.headers["location"]
    html = client.get(done.headers["location"]).text
    changes = len(plan_of(folder)["changes"])
    banner = re.search(r'id="banner"><p>([^<]+)</p>', html).group(1)
    said = "1 wijziging" if changes == 1 else f"{changes} wijzigingen"
    assert banner.startswith(f"Revisie 2 is klaar: {said}, 0 antwoorden verwerkt")
    assert html.index('id="banner"') < html.index('id="sections"')
    assert 'id="banner"' not in client.get(f"/p/{NAME}").text  # said once, after the rerun


def test_search_hits_are_listed_with_what_matched_and_their_week(page):  # noqa: F811
    client, folder = page
    plan = plan_of(folder)
    a = next(a for a in plan["appointments"] if a["begeleider"])
    html = client.get(f"/p/{NAME}", params={"zoek": a["begeleider"]}).text
    hits = html.split('id="hit-list"')[1].split("</table>")[0]
    week = date.fromisoformat(a["date"]).isocalendar()[1]
    assert a["dossier"] in hits and f"begeleider {a['begeleider']}" in hits
    assert f"week={week}" in hits and a["location"] in hits
    d = a["date"]
    assert f"{d[8:10]}-{d[5:7]}-{d[:4]}" in hits  # the page's one date style
    nothing = client.get(f"/p/{NAME}", params={"zoek": "zzzz"}).text
    assert 'id="hits-none"' in nothing


def test_possibilities_only_where_a_place_can_exist(page):  # noqa: F811
    client, folder = page
    plan = plan_of(folder)
    html = client.get(f"/p/{NAME}").text
    rows = html.split('id="unplanned"')[1].split("</table>")[0].split("<tr>")[2:]
    assert len(rows) == len(plan["unscheduled"])
    for u, row in zip(plan["unscheduled"], rows, strict=True):
        if u["reasons"][0] in ("geen_ondersteuningsplan", "ondersteuningsplan_verlopen"):
            assert "/opties/" not in row and "Nieuw ondersteuningsplan nodig" in row
    assert html.count('class="needs"') > 0


def test_the_english_page_explains_in_english_without_jargon(page):  # noqa: F811
    client, folder = page
    plan = plan_of(folder)
    html = client.get(f"/p/{NAME}", params={"taal": "en"}).text
    u = plan["unscheduled"][0]
    assert u["explanation_in"]["en"] in html.replace("&#39;", "'")
    assert u["explanation"] not in html  # the Dutch one
    for jargon in ("plan.json", "STARTTLS", ".eml"):
        assert jargon not in re.sub(r'href="[^"]*"', "", html), jargon
    dutch = client.get(f"/p/{NAME}").text
    assert not re.search(r">\d{4}-\d\d-\d\d<", dutch)  # no ISO date in a table cell


def test_an_upload_error_names_the_uploaded_file_and_keeps_the_list(page, tmp_path):  # noqa: F811
    client, _folder = page
    bad = tmp_path / "regio-zuid december.xlsx"
    book = Workbook()
    book.active.title = "Niets"
    book.save(bad)
    answer = upload(client, bad)
    assert answer.status_code == 400
    errors = answer.text.split('id="errors"')[1].split("</table>")[0]
    assert "regio-zuid december.xlsx" in errors and "invoer.xlsx" not in errors
    listed = answer.text.split('id="plannings"')[1].split("</table>")[0]
    assert f">{NAME}</a></td><td>1</td><td>{len(plan_of(_folder)['appointments'])}</td>" in listed
    assert "<h2>Planningen</h2>" in answer.text


def test_an_empty_template_is_planned_with_a_warning(page, tmp_path):  # noqa: F811
    client, _folder = page
    empty = tmp_path / "leeg.xlsx"
    write_input_workbook(empty)
    answer = upload(client, empty)
    assert answer.status_code == 303, answer.text
    name = answer.headers["location"].split("/")[2]
    wait(client, name)
    html = client.get(f"/p/{name}").text
    assert 'id="empty-warning"' in html and "bevat geen herindicaties" in html


def test_the_options_page_explains_in_the_pages_language(page):  # noqa: F811
    client, folder = page
    u = plan_of(folder)["unscheduled"][0]
    english = client.get(f"/p/{NAME}/opties/{u['dossier']}", params={"taal": "en"}).text
    assert u["explanation_in"]["en"] in english.replace("&#39;", "'")


def test_what_a_rerun_could_not_take_is_listed_in_the_pages_words(page):  # noqa: F811
    client, folder = page
    plan = plan_of(folder)
    a = plan["appointments"][0]
    spot = f"{a['date']}@{a['consultant']}@{a['start']}"
    note = Finding.of(Code.SET_BY_HAND_TAKEN, Subject(dossier="D00999"), place=spot)
    plan["answer_conflicts"] = [render(note)]
    plan["answer_conflict_findings"] = [note.as_dict()]
    (folder / "planning" / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    html = client.get(f"/p/{NAME}", params={"gepland": "1"}).text
    listed = html.split('id="not-taken"')[1].split("</ul>")[0]
    d = a["date"]
    assert "D00999: de met de hand gekozen plaats (" in listed and "niet meer vrij" in listed
    assert f"{d[8:10]}-{d[5:7]}-{d[:4]} {a['start']}, {a['consultant']}" in listed
    assert "1 niet toegepast: zie Wijzigingen." in html.split('id="banner"')[1]


def test_new_answers_are_counted_at_the_top_with_when_they_came_in(page):  # noqa: F811
    client, folder = page
    link = next(u for _l, u in planning_links(folder / "planning", "http://testserver"))
    mine = client.get(link).text
    dossier = re.search(r'name="dossier" value="([^"]+)"', mine).group(1)
    csrf = re.search(r'name="csrf" value="([^"]+)"', mine).group(1)
    client.post(
        link, data={"csrf": csrf, "dossier": dossier, "antwoord": "nee", "opmerking": "ziek"}
    )
    html = client.get(f"/p/{NAME}").text
    assert re.search(r'id="new-answers">1 nieuw antwoord</a>', html)
    assert re.search(
        rf"{dossier}: Nee, niet op deze dag</td><td colspan=\"2\">ziek "
        r"<small>\w\w \d\d-\d\d-\d{4} \d\d:\d\d</small>",
        html,
    )


def test_versturen_says_how_many_messages_are_for_today_or_earlier(page):  # noqa: F811
    _client, folder = page
    plan = plan_of(folder)
    today = date(2026, 12, 9)
    past = {a["dossier"] for a in plan["appointments"] if date.fromisoformat(a["date"]) <= today}
    with TestClient(app(folder.parent, today=today)) as later:
        html = later.get(f"/p/{NAME}").text
    said = re.search(
        r'id="send-preview">(\d+) berichten aan (\d+) ontvangers, waarvan (\d+) '
        r"voor vandaag of eerder\.<",
        html,
    )
    assert said and 0 < int(said.group(3)) < int(said.group(1))
    invited = [i for i in plan["invitations"] if i["dossier"] in past]
    assert int(said.group(3)) == len(invited)


def a_move_that_shifts(folder) -> tuple[str, str, str]:
    """A planned appointment and a consultant-morning it reaches only by shifting another."""
    region = open_region(folder / "planning", PLANNED_AS, folder / "invoer" / "invoer.xlsx")
    for a in plan_of(folder)["appointments"]:
        options = region.suggest(a["dossier"], top=10).options
        free = {(o.place.consultant, o.place.day) for o in options if not o.moves}
        for o in options:
            if o.moves and (o.place.consultant, o.place.day) not in free:
                return a["dossier"], o.place.consultant, o.place.day.isoformat()
    raise AssertionError("no move of the example shifts another")


def test_a_move_that_shifts_another_says_where_that_one_goes(page):  # noqa: F811
    client, folder = page
    dossier, consultant, day = a_move_that_shifts(folder)
    checked = move(client, dossier, consultant, day, alleen_controleren="1").json()
    [shifted] = checked["shifted"]
    other, place = shifted.split("=")
    to_day, to_consultant, start = place.split("@")
    where = f"{to_day[8:10]}-{to_day[5:7]}-{to_day[:4]} {start}, {to_consultant}"
    assert f"Daarvoor verschuift: {other} naar " in checked["text"] and where in checked["text"]
    assert move(client, dossier, consultant, day).status_code == 303
    html = client.get(f"/p/{NAME}").text
    row = html.split('id="hand"')[1].split("</table>")[0]
    assert f"{other} naar " in row and where in row  # the list of moves says it too
