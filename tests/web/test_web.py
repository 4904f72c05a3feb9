"""``herplan serve``: the planner's web page, through Starlette's test client.

The whole cycle on a small region: upload (bad input as a table, nothing
planned), progress, the planning page (figures, timeline, what could not be
planned), downloads (one file, the zip; nothing outside the data folder), a
rerun with a returned workbook, one solve at a time, stop keeps the best plan,
and the page writes the same plan as the command line.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from starlette.testclient import TestClient

from herplan.app.cli import main
from herplan.app.web import create_app, zip_name
from tests.conftest import EXAMPLE, PLANNED_AS
from tests.io.test_input_reader import CASE, CONSULTANTS, LOCATIONS, workbook
from tests.io.test_odd_input import csv_folder

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def small_input(folder: Path, provider: str = "Yulius") -> Path:
    cases = [CASE | {"dossier": f"D{n}", "aanbieder": provider} for n in range(4)]
    locations = [LOCATIONS[0] | {"aanbieder": provider}]
    consultants = [CONSULTANTS[0] | {"werkdagen": "ma, di, wo, do, vr"}]
    return workbook(folder, cases=cases, consultants=consultants, locations=locations)


def token(client: TestClient) -> str:
    """The session's form token, as every form of the page carries it."""
    found = re.search(r'name="csrf" value="([^"]+)"', client.get("/").text)
    assert found is not None
    return found.group(1)


def upload(client: TestClient, path: Path, field: str = "invoer", url: str = "/nieuw"):
    files = [(field, (path.name, path.read_bytes(), XLSX))]
    return client.post(url, files=files, data={"csrf": token(client)}, follow_redirects=False)


def post(client: TestClient, url: str, **kwargs):
    return client.post(url, data={"csrf": token(client)}, follow_redirects=False, **kwargs)


def app(data: Path, **options):
    """The page as the tests reach it: through the test client's host name, on the day
    the tests plan as (unless they say another)."""
    options.setdefault("today", PLANNED_AS)
    return create_app(data, hosts=("testserver",), **options)


def wait(client: TestClient, name: str, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = client.get(f"/p/{name}/status").json()
        if status["done"]:
            return status
        time.sleep(0.2)
    raise AssertionError("the planning did not finish")


@pytest.fixture
def client(tmp_path):
    with TestClient(app(tmp_path / "data", time_limit=3, reproducible=True)) as c:
        yield c


@pytest.fixture
def planned(client, tmp_path) -> tuple[TestClient, str, Path]:
    answer = upload(client, small_input(tmp_path))
    assert answer.status_code == 303, answer.text
    name = answer.headers["location"].split("/")[2]
    assert wait(client, name)["errors"] == []
    return client, name, tmp_path / "data" / name


def test_home_page_in_dutch_and_english(client):
    assert "Nieuwe planning" in client.get("/").text
    assert "New planning" in client.get("/?taal=en").text


def test_the_empty_input_workbook_can_be_downloaded(client):
    answer = client.get("/sjabloon")
    assert answer.status_code == 200
    assert "Herindicaties" in load_workbook(io.BytesIO(answer.content)).sheetnames


def test_bad_input_is_a_table_of_errors_and_nothing_is_planned(client, tmp_path):
    bad = workbook(tmp_path, cases=[CASE | {"aanbieder": "Onbekend", "einddatum_indicatie": "x"}])
    answer = upload(client, bad)
    assert answer.status_code == 400
    page = answer.text
    assert 'id="errors"' in page and "<td>Herindicaties</td><td>2</td><td>aanbieder</td>" in page
    assert "einddatum_indicatie" in page
    said = html.unescape(page)  # in the page's language
    assert "'Onbekend' is geen aanbieder op het blad Locaties" in said
    assert "'x' is geen datum; typ bijvoorbeeld 4-12-2026" in said
    english = html.unescape(upload(client, bad, url="/nieuw?taal=en").text)
    assert "'Onbekend' is not a provider in sheet Locaties" in english
    kept = [p.name for p in (tmp_path / "data").iterdir() if p.name != "audit.log"]
    assert kept == [".sessiesleutel"]  # nothing planned, nothing kept but the session key


def test_only_workbooks_and_csv_files_are_taken(client):
    files = [("invoer", ("virus.exe", b"MZ", "application/octet-stream"))]
    answer = client.post("/nieuw", files=files, data={"csrf": token(client)})
    assert answer.status_code == 400 and "Alleen .xlsx- of .csv-bestanden" in answer.text


def test_the_planning_page_shows_figures_timeline_and_files(planned):
    client, name, folder = planned
    page = client.get(f"/p/{name}").text
    plan = json.loads((folder / "planning" / "plan.json").read_text())
    assert f'<th scope="row">Ingepland</th><td>{plan["stats"]["scheduled"]}</td>' in page
    assert 'id="timeline"' in page and "AH A. de Haan" in page
    assert '<th scope="col" class="" title="week 49">di 01-12-2026</th>' in page  # weekday, date
    assert '<th scope="col" class="week" title="week 50">ma 07-12-2026</th>' in page  # new week
    assert ">do 31-12-2026</th>" in page  # every working day, ...
    assert "25-12-2026</th>" not in page and "05-12-2026</th>" not in page  # not Christmas, Sat.
    assert re.search(
        r'<button type="button" class="visit p0" popovertarget="v-AH-2026-12-\d\d-1">'
        r"Dordrecht <b>\(\d\)</b>",
        page,
    )
    assert re.search(r"wk 49: \d+", page)  # the interviews of each week
    first = plan["appointments"][0]
    assert f"<td>{first['start']}–{first['end']}</td><td>{first['dossier']}</td>" in page
    assert f'/p/{name}/bestand/aanbieders/yulius.xlsx">Werkmap (Excel)</a>' in page
    assert "Hoe dicht bij het best mogelijke" in page


def test_downloads_come_from_inside_the_planning_only(planned):
    client, name, _ = planned
    assert client.get(f"/p/{name}/bestand/plan.json").json()["revision"] == 1
    for bad in ("../invoer/invoer.xlsx", "../../../etc/passwd", "%2e%2e/%2e%2e/x", "/etc/passwd"):
        assert client.get(f"/p/{name}/bestand/{bad}").status_code == 404
    assert client.get("/p/..%2F..%2Fetc/bestand/passwd").status_code == 404
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/p/{name}/alles.zip").content))
    assert {
        "plan.json",
        "overzicht.xlsx",
        "aanbieders/yulius/yulius.xlsx",
        "aanbieders/yulius/yulius.ics",
    } <= set(archive.namelist())  # a folder per provider


def test_the_zip_puts_each_providers_cancellations_in_its_folder():
    assert zip_name(Path("aanbieders/geannuleerd/yulius/d1.ics")) == (
        "aanbieders/yulius/geannuleerd/d1.ics"
    )
    assert zip_name(Path("consulenten/ah.ics")) == "consulenten/ah.ics"


def test_a_rerun_with_a_returned_nee_moves_that_interview(planned, tmp_path):
    client, name, folder = planned
    before = json.loads((folder / "planning" / "plan.json").read_text())
    target = before["appointments"][0]["dossier"]
    returned = tmp_path / "terug.xlsx"
    wb = load_workbook(folder / "planning" / "aanbieders" / "yulius.xlsx")
    ws = wb["Planning"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("Dossier")].value == target:
            row[header.index("Haalbaar")].value = "nee"
    wb.save(returned)
    answer = upload(client, returned, "teruggestuurd", f"/p/{name}/wijzigingen")
    assert answer.status_code == 303, answer.text
    assert wait(client, name)["errors"] == []
    after = json.loads((folder / "planning" / "plan.json").read_text())
    assert after["revision"] == 2
    assert any(c["dossier"] == target and c["cause"] == "nee" for c in after["changes"])
    page = client.get(f"/p/{name}").text
    assert 'id="changes"' in page and target in page
    assert f"/p/{name}/bestand/revisies/1/overzicht.xlsx" in page
    assert "Wijzigingen, revisie 2" not in page  # the current changes stand above
    home = client.get("/").text
    assert re.search(
        rf'<td><a href="/p/{name}\?taal=nl">{name}</a></td><td>2</td><td>\d+</td>'
        r"<td>\w\w \d\d-\d\d-\d{4} \d\d:\d\d</td>",
        home,
    )


def test_one_solve_at_a_time_and_stop_keeps_the_best_plan(tmp_path):
    with TestClient(app(tmp_path / "data", time_limit=300)) as client:
        answer = upload(client, EXAMPLE)
        name = answer.headers["location"].split("/")[2]
        time.sleep(3)
        again = post(client, f"/p/{name}/wijzigingen")
        assert again.status_code == 409 and "al bezig" in again.text
        started = time.monotonic()
        post(client, f"/p/{name}/stop")
        assert wait(client, name, 240)["errors"] == []
        # Stopped, not run to the limit (writing the folder takes its seconds, more on a
        # busy machine).
        assert time.monotonic() - started < 200  # well before the limit of 300 s
    plan = json.loads((tmp_path / "data" / name / "planning" / "plan.json").read_text())
    assert plan["appointments"]  # the best plan so far was written


def test_the_page_and_the_command_line_make_the_same_plan(planned, tmp_path):
    _, _, folder = planned
    out = tmp_path / "cli"
    args = [
        "plan",
        "--today",
        "2026-11-30",
        str(folder / "invoer" / "invoer.xlsx"),
        "--out",
        str(out),
        "--reproducible",
        "--time-limit",
        "3",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    page = json.loads((folder / "planning" / "plan.json").read_text())
    cli = json.loads((out / "plan.json").read_text())
    assert page["appointments"] == cli["appointments"]
    assert page["unscheduled"] == cli["unscheduled"]


def test_the_command_line_can_take_a_turn_on_a_pages_planning(planned):
    client, name, folder = planned
    result = CliRunner().invoke(
        main,
        [
            "plan",
            "--today",
            "2026-11-30",
            str(folder / "invoer" / "invoer.xlsx"),
            "--out",
            str(folder / "planning"),
            "--time-limit",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Revisie 2" in client.get(f"/p/{name}").text


def test_input_text_is_never_rendered_unescaped(client, tmp_path):
    answer = upload(client, small_input(tmp_path, provider="<script>alert(1)</script>"))
    name = answer.headers["location"].split("/")[2]
    wait(client, name)
    page = client.get(f"/p/{name}").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_a_planning_the_server_never_finished_can_be_planned_again(tmp_path):
    data = tmp_path / "data"
    with TestClient(app(data, time_limit=3, reproducible=True)) as client:
        name = upload(client, small_input(tmp_path)).headers["location"].split("/")[2]
        wait(client, name)
    shutil.rmtree(data / name / "planning")  # as if the server stopped before the first plan
    with TestClient(app(data, time_limit=3, reproducible=True)) as client:
        page = client.get(f"/p/{name}", follow_redirects=True)
        assert "nog niet gemaakt" in page.text and 'id="again"' in page.text
        assert post(client, f"/p/{name}/opnieuw").status_code == 303
        assert wait(client, name)["errors"] == []
        assert "Revisie 1" in client.get(f"/p/{name}").text


def test_csv_files_can_be_uploaded_together(client, tmp_path):
    folder = csv_folder(tmp_path)
    files = [("invoer", (p.name, p.read_bytes(), "text/csv")) for p in sorted(folder.iterdir())]
    answer = client.post(
        "/nieuw", files=files, data={"csrf": token(client)}, follow_redirects=False
    )
    assert answer.status_code == 303, answer.text
    assert wait(client, answer.headers["location"].split("/")[2])["errors"] == []


def test_options_for_a_reassessment_and_choosing_one_reruns_with_it_pinned(planned):
    client, name, folder = planned
    before = json.loads((folder / "planning" / "plan.json").read_text())
    target = before["appointments"][0]["dossier"]
    page = client.get(f"/p/{name}/opties/{target}")
    assert page.status_code == 200 and 'id="options"' in page.text
    place = re.search(r'name="optie" value="([^"]+)"', page.text).group(1)
    refused = client.post(
        f"/p/{name}/kies", data={"dossier": target, "optie": place}, follow_redirects=False
    )
    assert refused.status_code == 403, "a choice from elsewhere is refused"
    form = {"csrf": token(client), "dossier": target, "optie": place}
    chosen = client.post(f"/p/{name}/kies", data=form, follow_redirects=False)
    assert chosen.status_code == 303, chosen.text
    assert wait(client, name)["errors"] == []
    after = json.loads((folder / "planning" / "plan.json").read_text())
    now = next(a for a in after["appointments"] if a["dossier"] == target)
    assert f"{now['date']}@{now['consultant']}@{now['start']}" == place and now["pinned"]
    assert any(c["dossier"] == target and c["cause"] == "chosen" for c in after["changes"])


def test_options_of_an_unknown_dossier_are_not_found(planned):
    client, name, _folder = planned
    assert client.get(f"/p/{name}/opties/D99999").status_code == 404
    assert client.get(f"/p/{name}/opties/..%2Fx").status_code == 404


def test_a_planning_that_is_not_there_is_not_found_on_every_address(planned):
    """One answer for an unknown planning, whichever of its addresses is asked: 404."""
    client, _name, _ = planned
    for path in (
        "/p/onbekend",
        "/p/onbekend/status",
        "/p/onbekend/bezig",
        "/p/onbekend/capaciteit",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post("/p/onbekend/stop", data={}).status_code == 404
