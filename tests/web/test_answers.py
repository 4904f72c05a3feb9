"""Providers answer online: a personal link per provider, answers straight
into the rerun, and nobody sees another provider's clients.

Through Starlette's test client on a region of two providers; the browser test
(``test_web_browser.py``) answers on a phone-sized screen.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import shutil
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from starlette.testclient import TestClient

from herplan.app.cli import main
from herplan.app.links import planning_links
from herplan.app.stores.answers import AnswerStore, online_answers
from herplan.findings import Code
from herplan.io.finding_words import english
from herplan.io.previous import read_previous
from herplan.io.slug import file_slug
from tests.checker import check_rerun
from tests.conftest import EXAMPLE
from tests.io.test_input_reader import CASE, CONSULTANTS, LOCATIONS, workbook
from tests.web.test_web import app, token, upload, wait

TODAY = date(2026, 11, 30)


def two_providers(folder: Path, mail: bool = False, cases: list | None = None) -> Path:
    """Two providers of four clients each; with ``mail``, invitations go out by e-mail."""
    locations = [
        LOCATIONS[0]
        | {
            "aanbieder": p,
            "locatie": "Noord",
            "open_dagen": "",
            "contact_email": f"planning@{p.lower()}.example.nl",
        }
        for p in ("Yulius", "Lelie")
    ]
    cases = cases or [
        CASE
        | {
            "dossier": f"D{n}",
            "client": f"C.{n}.",
            "aanbieder": p,
            "locatie": "Noord",
            "client_niet_beschikbaar": "",
        }
        for n, p in enumerate(["Yulius"] * 4 + ["Lelie"] * 4)
    ]
    consultants = [
        CONSULTANTS[0] | {"werkdagen": "ma, di, wo, do, vr", "email": "a.dehaan@sdd.example.nl"}
    ]
    settings = {"organisator_email": "planning@sdd.example.nl"} if mail else None
    return workbook(
        folder, cases=cases, consultants=consultants, locations=locations, settings=settings
    )


@pytest.fixture(params=[False])
def region(tmp_path, request):
    """The two providers planned on the page (``request.param``: with e-mail)."""
    with TestClient(app(tmp_path / "data", time_limit=3, reproducible=True)) as client:
        answer = upload(client, two_providers(tmp_path, request.param))
        assert answer.status_code == 303, answer.text
        name = answer.headers["location"].split("/")[2]
        assert wait(client, name)["errors"] == []
        yield client, name, tmp_path / "data" / name


def links_on_page(client: TestClient, name: str) -> dict[str, str]:
    page = client.get(f"/p/{name}").text
    rows = re.findall(
        r"<tr><td>([^<]+)</td><td>\d+ van \d+</td>\s*<td><input class=\"link\" "
        r"type=\"text\" readonly value=\"([^\"]+)\"",
        page,
    )
    return {provider: url.split("/a/")[1] for provider, url in rows}


def answer(client, token_: str, dossier: str, what: str, remark: str = ""):
    page = client.get(f"/a/{token_}").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return client.post(
        f"/a/{token_}",
        data={"csrf": csrf, "dossier": dossier, "antwoord": what, "opmerking": remark},
        follow_redirects=False,
    )


def shown(dossier: str, page: str) -> bool:
    """Is ``dossier`` on ``page`` (as itself, not as letters inside a random token)?"""
    return re.search(rf"(?<![A-Za-z0-9_-]){re.escape(dossier)}(?![A-Za-z0-9_-])", page) is not None


def returned_sheet(planning: Path, path: Path, rows: dict[str, dict[str, object]]) -> Path:
    """Yulius's workbook sent back to ``path``: per dossier, the columns given filled in."""
    wb = load_workbook(planning / "aanbieders" / "yulius.xlsx")
    ws = wb["Planning"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for column, value in rows.get(row[header.index("Dossier")].value, {}).items():
            row[header.index(column)].value = value
    wb.save(path)
    return path


def mine(folder: Path, provider: str) -> list[str]:
    plan = read_previous(folder / "planning" / "plan.json")
    return [a.dossier for a in plan.appointments if a.provider == provider]


def test_each_provider_sees_its_own_appointments_only(region):
    client, name, folder = region
    links = links_on_page(client, name)
    assert set(links) == {"Yulius", "Lelie"}
    assert all(len(t) >= 43 for t in links.values())
    page = client.get(f"/a/{links['Yulius']}").text
    for dossier in mine(folder, "Yulius"):
        assert f"({dossier})" in page
    for dossier in mine(folder, "Lelie"):
        assert not shown(dossier, page)
    assert "Lelie" not in page and "uiterlijk" in page  # what happens next, and by when
    assert "Same day, another time" in client.get(f"/a/{links['Yulius']}?taal=en").text


def test_an_answer_is_kept_at_once_and_can_be_changed(region):
    client, name, folder = region
    links = links_on_page(client, name)
    dossier = mine(folder, "Yulius")[0]
    sent = answer(client, links["Yulius"], dossier, "nee", "cliënt is dan ziek")
    assert sent.status_code == 303 and "opgeslagen=" in sent.headers["location"]
    assert dossier not in sent.headers["location"]  # no client data in the URL
    assert AnswerStore(folder / "antwoorden.sqlite").latest()[dossier].answer == "nee"
    page = client.get(f"/p/{name}").text
    assert f"{dossier}: Nee, niet op deze dag" in page and "cliënt is dan ziek" in page
    answer(client, links["Yulius"], dossier, "ja")
    assert AnswerStore(folder / "antwoorden.sqlite").latest()[dossier].answer == "ja"
    assert '"action": "answer"' in (folder.parent / "audit.log").read_text()


def test_nobody_opens_or_answers_another_providers_appointments(region):
    client, name, folder = region
    links = links_on_page(client, name)
    for dossier in mine(folder, "Lelie"):  # every other provider's appointment, by id
        refused = answer(client, links["Yulius"], dossier, "nee")
        assert refused.status_code == 404
    assert AnswerStore(folder / "antwoorden.sqlite").latest() == {}
    for bad in ("x", links["Yulius"][:-2] + "AA", "A" * 43, "..%2Fp%2F" + name):
        assert client.get(f"/a/{bad}").status_code == 404
    assert (
        answer(client, links["Yulius"], mine(folder, "Yulius")[0], "misschien").status_code == 400
    )


def test_a_renewed_link_replaces_the_old_one(region):
    client, name, _ = region
    old = links_on_page(client, name)["Yulius"]
    renewed = client.post(
        f"/p/{name}/link",
        data={"csrf": token(client), "aanbieder": "Yulius"},
        follow_redirects=False,
    )
    assert renewed.status_code == 303
    new = links_on_page(client, name)
    gone = client.get(f"/a/{old}")  # says what happened, how to reach the planner
    assert new["Yulius"] != old and gone.status_code == 410
    assert "vervangen door een nieuwe" in gone.text and 'name="viewport"' in gone.text
    assert "replaced by a new one" in client.get(f"/a/{old}?taal=en").text
    assert client.get(f"/a/{new['Yulius']}").status_code == 200


def test_answers_are_rate_limited(region):
    client, name, _ = region
    link = links_on_page(client, name)["Yulius"]
    codes = [client.get(f"/a/{link}").status_code for _ in range(70)]
    assert codes[0] == 200 and codes[-1] == 429


def test_the_rerun_from_the_page_takes_the_answers_and_the_links_open_the_new_revision(region):
    client, name, folder = region
    links = links_on_page(client, name)
    before = json.loads((folder / "planning" / "plan.json").read_text())
    nee, same, ja = mine(folder, "Yulius")[:3]
    answer(client, links["Yulius"], nee, "nee", "ziek")
    answer(client, links["Yulius"], same, "zelfde_dag")
    answer(client, links["Yulius"], ja, "ja")
    rerun = client.post(
        f"/p/{name}/wijzigingen", data={"csrf": token(client)}, follow_redirects=False
    )
    assert rerun.status_code == 303
    assert wait(client, name)["errors"] == []
    after = json.loads((folder / "planning" / "plan.json").read_text())
    assert after["revision"] == 2
    causes = {c["dossier"]: c["cause"] for c in after["changes"]}
    assert causes[nee] == "nee" and causes[ja] == "confirmed"
    days = {a["dossier"]: a["date"] for a in after["appointments"]}
    was = {a["dossier"]: a["date"] for a in before["appointments"]}
    assert days.get(nee) != was[nee] and days.get(same, was[same]) == was[same]
    answers_now = client.get(f"/p/{name}").text  # taken answers leave the list: no "outdated"
    assert f"{nee}: Nee" not in answers_now and "verouderd" not in answers_now
    opened = client.get(f"/a/{links['Yulius']}")  # the link in every message: revision 2
    assert opened.status_code == 200 and f"({ja})" in opened.text
    assert links_on_page(client, name)["Yulius"] == links["Yulius"]
    again = client.post(
        f"/p/{name}/wijzigingen", data={"csrf": token(client)}, follow_redirects=False
    )
    assert again.status_code == 303 and wait(client, name)["errors"] == []
    page = client.get(f"/p/{name}").text  # revision 3; the changes of 2 are kept below
    assert f"Wijzigingen, revisie 2 ({len(after['changes'])})" in page


def test_online_answers_give_the_same_plan_as_the_same_answers_in_workbooks(region, tmp_path):
    _, _, folder = region
    planning = folder / "planning"
    yulius = mine(folder, "Yulius")
    store = AnswerStore(folder / "antwoorden.sqlite")
    previous = {a.dossier: a for a in read_previous(planning / "plan.json").appointments}
    store.answer(previous[yulius[0]], 1, "nee", "ziek", "test")
    store.answer(previous[yulius[1]], 1, "ja", "", "test")
    by_page, by_sheet = tmp_path / "page", tmp_path / "sheet"
    shutil.copytree(planning, by_page / "planning")
    shutil.copytree(planning, by_sheet / "planning")
    shutil.copy(folder / "antwoorden.sqlite", by_page / "antwoorden.sqlite")
    shutil.copy(folder / ".linksleutel", by_page / ".linksleutel")
    given = {yulius[0]: {"Haalbaar": "nee", "Opmerking": "ziek"}, yulius[1]: {"Haalbaar": "ja"}}
    returned = returned_sheet(planning, tmp_path / "yulius-terug.xlsx", given)
    source = folder / "invoer" / "invoer.xlsx"
    common = [
        "plan",
        str(source),
        "--reproducible",
        "--time-limit",
        "3",
        "--today",
        TODAY.isoformat(),
    ]
    page = CliRunner().invoke(
        main, [*common, "--out", str(by_page / "planning"), "--answers", str(by_page)]
    )
    sheet = CliRunner().invoke(
        main, [*common, "--out", str(by_sheet / "planning"), "--feedback", str(returned)]
    )
    assert page.exit_code == 0 and sheet.exit_code == 0, page.output + sheet.output
    online = json.loads((by_page / "planning" / "plan.json").read_text())
    on_paper = json.loads((by_sheet / "planning" / "plan.json").read_text())
    assert online["appointments"] == on_paper["appointments"]
    assert [(c["dossier"], c["cause"]) for c in online["changes"]] == [
        (c["dossier"], c["cause"]) for c in on_paper["changes"]
    ]
    from herplan.io.input_reader import read_problem

    problem, _ = read_problem(source)
    first = json.loads((planning / "plan.json").read_text())
    answers = {yulius[0]: "nee", yulius[1]: "ja"}
    assert check_rerun(problem, first, online, answers, TODAY) == []


def test_a_workbook_and_an_online_answer_that_differ_the_later_counts(region, tmp_path):
    _, _, folder = region
    planning = folder / "planning"
    dossier = mine(folder, "Yulius")[0]
    previous = {a.dossier: a for a in read_previous(planning / "plan.json").appointments}
    # the sheet first ...
    returned = returned_sheet(planning, tmp_path / "terug.xlsx", {dossier: {"Haalbaar": "nee"}})
    AnswerStore(folder / "antwoorden.sqlite").answer(previous[dossier], 1, "ja", "", "test")
    from herplan.io.previous import prepare_rerun  # ... then the page: the page counts

    rerun = prepare_rerun(planning, TODAY, [returned], online_answers(folder))
    assert rerun.verdict(dossier).feasible
    (conflict,) = rerun.answer_conflicts
    assert conflict.code is Code.WORKBOOK_AND_ONLINE_DISAGREE
    assert conflict.subject.dossier == dossier
    assert (conflict.value("answer"), conflict.value("other")) == ("nee", "ja")


def test_a_workbook_saved_before_an_online_answer_but_uploaded_after_it_counts_less(
    region, tmp_path
):
    """An upload is a new file: the workbook's time is when it was saved (written in it),
    not when the planner put it on the page after the provider's later online answer."""
    _, _, folder = region
    planning = folder / "planning"
    dossier = mine(folder, "Yulius")[0]
    previous = {a.dossier: a for a in read_previous(planning / "plan.json").appointments}
    returned = returned_sheet(
        planning, tmp_path / "terug.xlsx", {dossier: {"Haalbaar": "nee", "Opmerking": "blad"}}
    )
    saved = returned.stat().st_mtime
    os.utime(returned, (saved - 60, saved - 60))  # saved a minute ago (kept in the file) ...
    with zipfile.ZipFile(returned) as z:
        core = z.read("docProps/core.xml").decode()
    stamp = datetime.fromtimestamp(saved - 60, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    core = re.sub(r"(<dcterms:modified[^>]*>)[^<]+", rf"\g<1>{stamp}", core)
    uploaded = tmp_path / "geupload.xlsx"
    with zipfile.ZipFile(returned) as old, zipfile.ZipFile(uploaded, "w") as new:
        for item in old.infolist():
            new.writestr(item, core if item.filename == "docProps/core.xml" else old.read(item))
    AnswerStore(folder / "antwoorden.sqlite").answer(previous[dossier], 1, "ja", "", "test")
    os.utime(uploaded)  # ... the online ja now, the upload after it
    from herplan.io.previous import prepare_rerun

    rerun = prepare_rerun(planning, TODAY, [uploaded], online_answers(folder))
    assert rerun.verdict(dossier).feasible
    assert english(list(rerun.answer_conflicts))[0].endswith("ja counts")


def test_herplan_links_prints_one_line_per_provider(region):
    _, _, folder = region
    result = CliRunner().invoke(
        main, ["links", str(folder / "planning"), "--base-url", "https://plan.example.nl/"]
    )
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.output.splitlines()]
    assert [p for p, _ in lines] == ["Lelie", "Yulius"]
    assert all(url.startswith("https://plan.example.nl/a/") for _, url in lines)
    found = planning_links(folder / "planning", "https://plan.example.nl")
    listed = {link.provider: url for link, url in found}
    assert dict(lines) == listed  # the same links every time they are asked for
    bad = CliRunner().invoke(main, ["links", str(folder / "planning"), "--base-url", "ftp://x"])
    assert bad.exit_code == 2


def test_the_links_are_in_each_providers_workbook_and_e_mails(tmp_path):
    out = tmp_path / "planning"
    args = [
        "plan",
        "--today",
        "2026-11-30",
        str(EXAMPLE),
        "--out",
        str(out),
        "--time-limit",
        "4",
        "--reproducible",
        "--base-url",
        "https://plan.example.nl",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    links = {link.provider: url for link, url in planning_links(out, "https://plan.example.nl")}
    for provider, url in links.items():
        wb = load_workbook(next((out / "aanbieders").glob(f"{file_slug(provider, 'x')}.xlsx")))
        guide = " ".join(
            str(c.value) for row in wb["Toelichting"].iter_rows() for c in row if c.value
        )
        assert url in guide
        assert all(other not in guide for p, other in links.items() if p != provider)
    with_link = 0
    for path in (out / "uitgaand").rglob("*.eml"):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        text = message.get_body(("plain",)).get_content()
        if "/a/" in text:
            with_link += 1
            assert "@sociaaldienst.example.nl" not in str(message["To"])  # not a consultant's
            assert sum(url in text for url in links.values()) == 1
    assert with_link > 0
    assert not (out / "antwoorden.sqlite").exists()  # beside the folder, never in it
    assert (tmp_path / "antwoorden.sqlite").is_file()
    assert all(url.split("/a/")[1] not in (out / "plan.json").read_text() for url in links.values())


def test_a_provider_with_a_nee_picks_another_place_and_the_rerun_pins_it(region):
    client, name, folder = region
    links = links_on_page(client, name)
    dossier = mine(folder, "Yulius")[0]
    answer(client, links["Yulius"], dossier, "nee", "liever later")
    page = client.get(f"/a/{links['Yulius']}").text
    n = re.search(rf'id="afspraak-(\d+)">(?:(?!</section>).)*\({dossier}\)', page, re.S).group(1)
    options = client.get(f"/a/{links['Yulius']}/opties/{n}")
    assert options.status_code == 200
    places = re.findall(r'name="plaats" value="([^"]+)"', options.text)
    assert places[-1] == "geen" and len(places) >= 2
    for other in mine(folder, "Lelie"):  # nothing of another provider's clients
        assert not shown(other, options.text)
    csrf = re.search(r'name="csrf" value="([^"]+)"', options.text).group(1)
    seen = re.search(r'name="afspraak" value="([^"]+)"', options.text).group(1)
    form = {"csrf": csrf, "n": n, "dossier": dossier, "afspraak": seen}
    made_up = client.post(
        f"/a/{links['Yulius']}/kies",
        data={**form, "plaats": "2026-12-24@AH@09:00"},
        follow_redirects=False,
    )
    assert made_up.status_code == 400
    unsaid = client.post(
        f"/a/{links['Yulius']}/kies",
        data={"csrf": csrf, "n": n, "plaats": places[0]},
        follow_redirects=False,
    )
    assert unsaid.status_code == 409  # which appointment it was, never only its place in a list
    picked = client.post(
        f"/a/{links['Yulius']}/kies", data={**form, "plaats": places[0]}, follow_redirects=False
    )
    assert picked.status_code == 303
    kept = AnswerStore(folder / "antwoorden.sqlite").latest()[dossier]
    assert (kept.answer, kept.remark, kept.choice) == ("nee", "liever later", places[0])
    rerun = client.post(
        f"/p/{name}/wijzigingen", data={"csrf": token(client)}, follow_redirects=False
    )
    assert rerun.status_code == 303 and wait(client, name)["errors"] == []
    after = json.loads((folder / "planning" / "plan.json").read_text())
    day, consultant, start = places[0].split("@")
    landed = next(a for a in after["appointments"] if a["dossier"] == dossier)
    assert (landed["date"], landed["consultant"], landed["start"]) == (day, consultant, start)
    assert landed["pinned"]


def test_the_online_answers_download_as_the_providers_returned_workbook(region, tmp_path):
    client, name, folder = region
    links = links_on_page(client, name)
    yes, no, same = mine(folder, "Yulius")[:3]
    answer(client, links["Yulius"], yes, "ja")
    answer(client, links["Yulius"], no, "nee", "ziek")
    answer(client, links["Yulius"], same, "zelfde_dag", "liever 's middags")
    page = client.get(f"/p/{name}").text
    assert f"/p/{name}/antwoorden/yulius.xlsx" in page
    assert f"/p/{name}/antwoorden/lelie.xlsx" not in page  # nothing answered there yet
    download = client.get(f"/p/{name}/antwoorden/yulius.xlsx")
    assert download.status_code == 200
    returned = tmp_path / "yulius-antwoorden.xlsx"
    returned.write_bytes(download.content)
    from herplan.io.feedback import read_feedback

    previous = read_previous(folder / "planning" / "plan.json").appointments
    verdicts, stale, _conflicts = read_feedback([returned], previous)
    online = AnswerStore(folder / "antwoorden.sqlite").for_rerun(previous)
    assert stale == () and [(v.dossier, v.answer, v.remark) for v in verdicts] == [
        (v.dossier, v.answer, v.remark) for v in online.verdicts
    ]
    assert client.get(f"/p/{name}/antwoorden/..%2Fplan.xlsx").status_code == 404


def test_an_outdated_sheet_answer_is_shown_on_the_page(region, tmp_path):
    client, name, folder = region
    planning = folder / "planning"
    dossier = mine(folder, "Yulius")[0]
    old = {dossier: {"Haalbaar": "nee", "Datum": date(2026, 12, 30)}}  # another revision's
    returned = returned_sheet(planning, tmp_path / "oud.xlsx", old)
    files = [("teruggestuurd", (returned.name, returned.read_bytes(), "application/octet-stream"))]
    sent = client.post(
        f"/p/{name}/wijzigingen", files=files, data={"csrf": token(client)}, follow_redirects=False
    )
    assert sent.status_code == 303 and wait(client, name)["errors"] == []
    page = client.get(f"/p/{name}").text
    assert 'id="stale"' in page and f"<li>{dossier} (1-oud.xlsx" in page


def test_a_failed_rerun_says_so_and_leads_back_to_the_planning(region, tmp_path):
    client, name, folder = region
    returned = tmp_path / "fout.xlsx"
    wb = load_workbook(folder / "planning" / "aanbieders" / "yulius.xlsx")
    ws = wb["Planning"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("Dossier") + 1, "D999")  # not in the plan: the run stops
    ws.cell(2, header.index("Haalbaar") + 1, "nee")
    wb.save(returned)
    files = [("teruggestuurd", (returned.name, returned.read_bytes(), "application/octet-stream"))]
    client.post(f"/p/{name}/wijzigingen?taal=en", files=files, data={"csrf": token(client)})
    assert wait(client, name)["errors"]
    page = client.get(f"/p/{name}/bezig?taal=en").text
    assert "The planning failed" in page and 'id="back"' in page and 'id="stop"' not in page
    assert f'href="/p/{name}?taal=en"' in page  # back, in the page's language
    assert "Plan again" in client.get(f"/p/{name}?taal=en").text  # the planning is still there


def test_a_page_opened_before_a_rerun_never_answers_for_another_client_or_time(region):
    """A pick or an answer posted from a page shown before a rerun changed the list is
    refused (409) and nothing is stored: the form names the appointment it showed."""
    client, name, folder = region
    links = links_on_page(client, name)
    first, second = mine(folder, "Yulius")[:2]
    page = client.get(f"/a/{links['Yulius']}").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    seen = dict(
        re.findall(
            r'name="dossier" value="([^"]+)"><input type="hidden" '
            r'name="afspraak" value="([^"]+)"',
            page,
        )
    )
    assert set(seen) >= {first, second} and seen[first] != seen[second]
    stale = {"csrf": csrf, "dossier": second, "afspraak": seen[first], "antwoord": "ja"}
    refused = client.post(f"/a/{links['Yulius']}", data=stale, follow_redirects=False)
    assert refused.status_code == 409 and 'id="changed"' in refused.text
    options = client.get(f"/a/{links['Yulius']}/opties/1").text
    n1 = re.search(r'name="dossier" value="([^"]+)"', options).group(1)
    other = next(d for d in (first, second) if d != n1)
    wrong = client.post(
        f"/a/{links['Yulius']}/kies",
        data={"csrf": csrf, "n": "1", "dossier": other, "afspraak": seen[other], "plaats": "geen"},
        follow_redirects=False,
    )
    assert wrong.status_code == 409
    assert AnswerStore(folder / "antwoorden.sqlite").latest() == {}


def test_an_answer_on_an_appointment_a_rerun_took_away_says_the_planning_changed(region):
    """A page opened before a rerun that withdrew one of its appointments: the answer
    posted on it is refused as *changed since* (409), not as a link that opens nothing."""
    client, name, folder = region
    links = links_on_page(client, name)
    gone = mine(folder, "Yulius")[0]
    page = client.get(f"/a/{links['Yulius']}").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    seen = dict(
        re.findall(
            r'name="dossier" value="([^"]+)"><input type="hidden" '
            r'name="afspraak" value="([^"]+)"',
            page,
        )
    )
    cases = [
        CASE
        | {
            "dossier": f"D{n}",
            "client": f"C.{n}.",
            "aanbieder": p,
            "locatie": "Noord",
            "client_niet_beschikbaar": "",
            "status": "geannuleerd" if f"D{n}" == gone else "",
        }
        for n, p in enumerate(["Yulius"] * 4 + ["Lelie"] * 4)
    ]
    source = two_providers(folder.parent.parent / "nieuw", cases=cases)
    rerun = upload(client, source, url=f"/p/{name}/wijzigingen")
    assert rerun.status_code == 303 and wait(client, name)["errors"] == []
    assert gone not in mine(folder, "Yulius")
    form = {"csrf": csrf, "dossier": gone, "afspraak": seen[gone], "antwoord": "nee"}
    late = client.post(f"/a/{links['Yulius']}", data=form, follow_redirects=False)
    assert late.status_code == 409 and 'id="changed"' in late.text
    assert gone not in AnswerStore(folder / "antwoorden.sqlite").latest()
    unseen = {k: v for k, v in form.items() if k != "afspraak"}  # never shown: opens nothing
    assert client.post(f"/a/{links['Yulius']}", data=unseen).status_code == 404
