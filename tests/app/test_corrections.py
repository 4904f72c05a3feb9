"""Providers' corrections to the input (README, Corrections): proposed on the provider's
page, refused when wrong, decided by the planner, written into a new input revision, and
planned by the next rerun; nothing a provider proposes changes the plan before that."""

from __future__ import annotations

import json
import re
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from starlette.testclient import TestClient

from herplan.app.cli import main
from herplan.app.links import planning_links
from herplan.app.stores.corrections import CorrectionStore
from herplan.app.web.state import Job
from herplan.corrections import Correction, refusals
from herplan.io.input_corrections import corrected_input
from herplan.io.input_reader import read_problem
from tests.checker import check_plan
from tests.conftest import EXAMPLE, PLANNED_AS
from tests.web.test_web import app, token, upload, wait

TODAY = PLANNED_AS
STALE = ["D00012", "D00113", "D00157"]  # Yulius's reassessments the example leaves out for a
# support plan that is too old


@pytest.fixture(scope="module")
def example_problem():
    return read_problem(EXAMPLE, TODAY)[0]


def codes(problem, provider, dossier, kind, value):
    return [r.code for r in refusals(problem, provider, dossier, kind, value, TODAY)]


def test_what_is_wrong_is_refused_with_its_reason(example_problem):
    p = example_problem
    lelie_case = next(r for r in p.reassessments if r.provider != "Yulius")
    assert codes(p, "Yulius", lelie_case.dossier, "begeleider", "A <a@b.nl>") == ["not_yours"]
    assert codes(p, "Yulius", "D99999", "begeleider", "A <a@b.nl>") == ["not_yours"]
    assert codes(p, "Yulius", "D00012", "ondersteuningsplan", "2026-12-20") == ["future"]
    assert codes(p, "Yulius", "D00012", "ondersteuningsplan", "2020-01-01") == ["older"]
    assert codes(p, "Yulius", "D00012", "ondersteuningsplan", "20-11-2026") == ["date"]
    assert codes(p, "Yulius", "D00012", "ondersteuningsplan", "verwacht 2027-02-01") == ["expected"]
    assert codes(p, "Yulius", "D00012", "niet_beschikbaar", "2026-11-02") == ["period"]
    assert codes(p, "Yulius", "D00012", "niet_in_zorg", "boos") == ["reason"]
    assert codes(p, "Yulius", "D00012", "begeleider", "Jan Bos") == ["worker"]
    assert codes(p, "Yulius", "D00012", "iets", "x") == ["kind"]
    yulius = next(loc.name for loc in p.locations if loc.provider == "Yulius")
    other = next(loc.name for loc in p.locations if loc.provider != "Yulius")
    assert codes(p, "Yulius", "", "ontbreekt", f"Jan Bos; {yulius}; 2027-03-01") == ["initials"]
    assert codes(p, "Yulius", "", "ontbreekt", f"J.B.; {other}; 2027-03-01") == ["location"]
    assert codes(p, "Yulius", "", "ontbreekt", f"J.B.; {yulius}; 2020-01-15") == ["ended"]
    assert codes(p, "Yulius", "D00012", "ontbreekt", f"J.B.; {yulius}; 2027-03-01") == ["duplicate"]
    for fine in (
        ("D00012", "ondersteuningsplan", "2026-11-20"),
        ("D00012", "ondersteuningsplan", "verwacht 2026-12-07"),
        ("D00012", "niet_in_zorg", "verhuisd"),
        ("D00012", "begeleider", "Jan Bos <j.bos@example.nl>"),
        ("D00012", "niet_beschikbaar", "2026-12-07, 2026-12-08"),
        ("", "ontbreekt", f"J.B.; {yulius}; 2027-03-01; 2026-11-01"),
    ):
        assert codes(p, "Yulius", *fine) == [], fine


def test_a_later_proposal_replaces_an_open_one_and_the_same_again_is_no_news(tmp_path):
    store = CorrectionStore(tmp_path / "correcties.sqlite")
    first = store.propose("Yulius", "D1", "ondersteuningsplan", "2026-11-01", "online")
    again = store.propose("Yulius", "D1", "ondersteuningsplan", "2026-11-01", "online")
    assert again == first
    later = store.propose("Yulius", "D1", "ondersteuningsplan", "2026-11-20", "online")
    other = store.propose("Yulius", "D1", "begeleider", "A <a@b.nl>", "online")
    status = {c.id: c.status for c in store.listed()}
    assert status == {first: "replaced", later: "open", other: "open"}
    taken = store.decide([later], "taken", "bert")
    assert [(c.id, c.status, c.decided_by) for c in taken] == [(later, "taken", "bert")]
    store.propose("Yulius", "D1", "ondersteuningsplan", "2026-11-25", "online")
    assert {c.status for c in store.listed() if c.id == later} == {"taken"}  # taken stays
    store.undo([later])
    assert [c.status for c in store.listed() if c.id == later] == ["open"]


def _c(n, dossier, kind, value, status="taken", provider="Yulius") -> Correction:
    given, decided = datetime(2026, 12, 1, 9), datetime(2026, 12, 2, 9)
    return Correction(n, provider, dossier, kind, value, "online", given, status, "bert", decided)


def test_the_corrected_input_changes_what_was_taken_and_lists_every_decision(tmp_path):
    problem = read_problem(EXAMPLE, TODAY)[0]
    provider_of = {r.dossier: r.provider for r in problem.reassessments}
    yulius = next(loc.name for loc in problem.locations if loc.provider == "Yulius")
    decided = [
        _c(1, "D00012", "ondersteuningsplan", "2026-11-20"),
        _c(2, "D00113", "ondersteuningsplan", "verwacht 2026-12-07"),
        _c(3, "D00157", "niet_in_zorg", "verhuisd"),
        _c(4, "D00012", "begeleider", '=HYPERLINK("x") <j.bos@example.nl>'),
        _c(5, "D00012", "niet_beschikbaar", "2026-12-07"),
        _c(6, "", "ontbreekt", f"J.B.; {yulius}; 2027-03-01; 2026-11-01"),
        _c(7, "D00113", "begeleider", "Rejected <r@example.nl>", status="rejected"),
    ]
    out = tmp_path / "invoer-2.xlsx"
    out.write_bytes(corrected_input(EXAMPLE, decided, provider_of))
    new = {r.dossier: r for r in read_problem(out, TODAY)[0].reassessments}
    assert new["D00012"].support_plan_date == date(2026, 11, 20)
    assert new["D00113"].new_plan_expected == date(2026, 12, 7)
    assert new["D00113"].begeleider == problem.reassessment("D00113").begeleider  # rejected
    assert new["D00157"].withdrawn and "verhuisd" in new["D00157"].remark
    assert new["D00012"].begeleider.startswith("=HYPERLINK")  # kept as text
    assert date(2026, 12, 7) in new["D00012"].unavailable_dates
    assert new["NIEUW-6"].client == "J.B." and new["NIEUW-6"].location == yulius
    assert len(new) == len(problem.reassessments) + 1
    wb = load_workbook(out)
    sheet = wb["Herindicaties"]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)  # no formula
    listed = [[c.value for c in row] for row in wb["Correcties"].iter_rows(min_row=2)]
    assert [row[0] for row in listed] == [1, 2, 3, 4, 5, 6, 7]
    assert listed[6][7] == "afgewezen" and listed[0][8] == "bert"


def test_a_second_decision_applies_only_what_it_takes(tmp_path):
    """The input of a second decision holds the first one's corrections already: only
    the newly taken ones are applied, so nothing is on the list twice."""
    problem = read_problem(EXAMPLE, TODAY)[0]
    provider_of = {r.dossier: r.provider for r in problem.reassessments}
    yulius = next(loc.name for loc in problem.locations if loc.provider == "Yulius")
    first = [
        _c(1, "", "ontbreekt", f"J.B.; {yulius}; 2027-03-01"),
        _c(2, "D00012", "niet_beschikbaar", "2026-12-07"),
        _c(3, "D00157", "niet_in_zorg", "verhuisd"),
    ]
    one = tmp_path / "invoer-2.xlsx"
    one.write_bytes(corrected_input(EXAMPLE, first, provider_of, now={1, 2, 3}))
    second = [*first, _c(4, "D00113", "ondersteuningsplan", "2026-11-20")]
    two = tmp_path / "invoer-3.xlsx"
    two.write_bytes(corrected_input(one, second, provider_of, now={4}))
    cases = read_problem(two, TODAY)[0].reassessments  # a duplicate dossier would refuse it
    assert [r.dossier for r in cases].count("NIEUW-1") == 1
    by = {r.dossier: r for r in cases}
    assert by["D00157"].remark.count("verhuisd") == 1
    assert by["D00113"].support_plan_date == date(2026, 11, 20)
    again = tmp_path / "invoer-4.xlsx"  # all applied once more (the CLI on an older input)
    again.write_bytes(corrected_input(two, second, provider_of))
    assert [r.dossier for r in read_problem(again, TODAY)[0].reassessments].count("NIEUW-1") == 1


# --- end to end: the provider on the page, the planner deciding, the rerun --------------


@pytest.fixture(scope="module")
def example_on_the_page(tmp_path_factory):
    data = tmp_path_factory.mktemp("corrections") / "data"
    with TestClient(app(data, time_limit=8, reproducible=True)) as client:
        answer = upload(client, EXAMPLE)
        assert answer.status_code == 303, answer.text
        name = answer.headers["location"].split("/")[2]
        assert wait(client, name)["errors"] == []
        yield client, name, data / name


def _link(folder: Path, provider: str) -> str:
    return next(
        url.split("/a/")[1]
        for link, url in planning_links(folder / "planning")
        if link.provider == provider
    )


def _propose(client, link: str, **fields):
    page = client.get(f"/a/{link}/gegevens")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post(
        f"/a/{link}/correcties", data={"csrf": csrf, **fields}, follow_redirects=False
    )


def _plan(folder: Path) -> dict:
    return json.loads((folder / "planning" / "plan.json").read_text(encoding="utf-8"))


def test_a_providers_corrections_reach_the_plan_only_once_the_planner_takes_them(
    example_on_the_page,
):
    client, name, folder = example_on_the_page
    before = _plan(folder)
    assert not {a["dossier"] for a in before["appointments"]} & set(STALE)
    yulius = _link(folder, "Yulius")
    page = client.get(f"/a/{yulius}/gegevens")
    assert page.status_code == 200 and 'id="c-D00012"' in page.text
    assert "een nieuw ondersteuningsplan nodig" in page.text
    assert '<option value="verhuisd">verhuisd</option>' in page.text
    assert not re.search(r'id="c-(?!D)', page.text)
    lelie = [a["dossier"] for a in before["appointments"] if a["provider"] != "Yulius"]
    assert f'id="c-{lelie[0]}"' not in page.text  # only its own clients
    planned = next(
        a["dossier"]
        for a in before["appointments"]
        if a["provider"] == "Yulius" and a["date"] > "2026-12-02"
    )
    for dossier in STALE:
        sent = _propose(
            client,
            yulius,
            dossier=dossier,
            soort="ondersteuningsplan",
            datum="2026-11-20",
            wanneer="gemaakt",
        )
        assert sent.status_code == 303, sent.text
    assert (
        _propose(
            client, yulius, dossier=planned, soort="niet_in_zorg", waarde="verhuisd"
        ).status_code
        == 303
    )
    rejected = _propose(
        client,
        yulius,
        dossier=STALE[0],
        soort="begeleider",
        naam="P. Pan",
        email="p.pan@example.nl",
    )
    assert rejected.status_code == 303
    refused = _propose(client, yulius, dossier=lelie[0], soort="niet_in_zorg", waarde="verhuisd")
    assert refused.status_code == 400 and "staat niet op uw lijst" in refused.text
    future = _propose(
        client,
        yulius,
        dossier=STALE[1],
        soort="ondersteuningsplan",
        datum="2026-12-20",
        wanneer="gemaakt",
    )
    assert future.status_code == 400 and "in de toekomst" in future.text

    # Proposed, not taken: a rerun plans exactly as before.
    assert (
        client.post(
            f"/p/{name}/opnieuw", data={"csrf": token(client)}, follow_redirects=False
        ).status_code
        == 303
    )
    assert wait(client, name)["errors"] == []
    again = _plan(folder)
    assert [(a["dossier"], a["date"], a["start"]) for a in again["appointments"]] == [
        (a["dossier"], a["date"], a["start"]) for a in before["appointments"]
    ]

    listing = client.get(f"/p/{name}/correcties")
    assert listing.status_code == 200 and listing.text.count('type="checkbox"') == 5
    assert "5 open" in client.get(f"/p/{name}").text
    ids = [int(n) for n in re.findall(r'name="id-(\d+)"', listing.text)]
    take, reject = ids[:4], ids[4]
    busy = threading.Thread(target=time.sleep, args=(3,))
    busy.start()
    client.app.state.plannings.jobs[name] = Job(thread=busy)  # a rerun running
    during = client.post(
        f"/p/{name}/correcties",
        data={"csrf": token(client), "besluit": "overnemen", f"id-{take[0]}": "1"},
    )
    assert during.status_code == 409 and "Er wordt nu gepland" in during.text
    busy.join()
    decided = client.post(
        f"/p/{name}/correcties",
        data={
            "csrf": token(client),
            "besluit": "overnemen",
            **{f"id-{n}": "1" for n in take},
        },
        follow_redirects=False,
    )
    assert decided.status_code == 303
    client.post(
        f"/p/{name}/correcties",
        data={"csrf": token(client), "besluit": "afwijzen", f"id-{reject}": "1"},
    )
    assert "afgewezen" in client.get(f"/p/{name}/correcties").text
    assert (folder / "invoer" / "eerder").is_dir()
    sheet = load_workbook(folder / "invoer" / "invoer.xlsx")["Correcties"]
    assert sheet.max_row == 6  # five decisions

    assert (
        client.post(
            f"/p/{name}/opnieuw", data={"csrf": token(client)}, follow_redirects=False
        ).status_code
        == 303
    )
    assert wait(client, name)["errors"] == []
    after = _plan(folder)
    now = {a["dossier"] for a in after["appointments"]}
    assert set(STALE) <= now  # renewed, and there was room
    assert planned not in now
    withdrawn = next(c for c in after["changes"] if c["dossier"] == planned)
    assert withdrawn["cause"] == "withdrawn" and "verhuisd" in withdrawn["remark"]
    new_input = read_problem(folder / "invoer" / "invoer.xlsx", TODAY)[0]
    assert new_input.reassessment(STALE[0]).begeleider != "P. Pan"  # the rejected one
    assert check_plan(new_input, after) == []


def test_the_command_line_lists_takes_and_writes_the_corrected_input(tmp_path):
    out = tmp_path / "planning"
    args = [
        "plan",
        str(EXAMPLE),
        "--out",
        str(out),
        "--today",
        TODAY.isoformat(),
        "--reproducible",
        "--time-limit",
        "5",
    ]
    assert CliRunner().invoke(main, args).exit_code == 0
    store = CorrectionStore(tmp_path / "correcties.sqlite")
    first = store.propose("Yulius", "D00012", "ondersteuningsplan", "2026-11-20", "online")
    second = store.propose("Yulius", "D00113", "ondersteuningsplan", "2026-11-20", "online")
    listed = CliRunner().invoke(main, ["corrections", str(out), "--json"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert [(r["id"], r["status"], r["kind"]) for r in rows] == [
        (first, "open", "ondersteuningsplan"),
        (second, "open", "ondersteuningsplan"),
    ]
    assert {"id", "provider", "dossier", "kind", "value", "source", "given", "status"} <= set(
        rows[0]
    )
    no_out = CliRunner().invoke(main, ["corrections", str(out), "--take", str(first)])
    assert no_out.exit_code == 2 and "--out" in no_out.output
    new = tmp_path / "invoer-2.xlsx"
    took = CliRunner().invoke(
        main,
        [
            "corrections",
            str(out),
            "--take",
            str(first),
            "--reject",
            str(second),
            "--out",
            str(new),
            "--by",
            "bert",
        ],
    )
    assert took.exit_code == 0, took.output
    cases = {r.dossier: r for r in read_problem(new, TODAY)[0].reassessments}
    assert cases["D00012"].support_plan_date == date(2026, 11, 20)
    assert cases["D00113"].support_plan_date != date(2026, 11, 20)
    unknown = CliRunner().invoke(
        main, ["corrections", str(out), "--take", str(first), "--out", str(tmp_path / "x.xlsx")]
    )
    assert unknown.exit_code == 2 and "not open" in unknown.output
    assert not (tmp_path / "x.xlsx").exists()


def test_a_new_begeleider_is_invited_and_the_old_one_gets_a_cancel(tmp_path):
    out = tmp_path / "planning"
    plan = ["--out", str(out), "--today", TODAY.isoformat(), "--reproducible", "--time-limit", "5"]
    assert CliRunner().invoke(main, ["plan", str(EXAMPLE), *plan]).exit_code == 0
    a = next(
        a
        for a in _plan(tmp_path)["appointments"]
        if a["provider"] == "Yulius" and a["date"] > "2026-12-03"
    )
    store = CorrectionStore(tmp_path / "correcties.sqlite")
    store.propose("Yulius", a["dossier"], "begeleider", "P. Pan <p.pan@example.nl>", "online")
    new = tmp_path / "invoer-2.xlsx"
    took = CliRunner().invoke(main, ["corrections", str(out), "--take-all", "--out", str(new)])
    assert took.exit_code == 0, took.output
    rerun = CliRunner().invoke(main, ["plan", str(new), *plan])
    assert rerun.exit_code == 0, rerun.output
    stem = a["dossier"].lower()
    from tests.app.test_outbox import parse

    cancel, cancelled, _ = parse(
        (out / "uitgaand" / f"{stem}-gesprek-begeleider-annulering.eml").read_bytes()
    )
    invite, invited, _ = parse((out / "uitgaand" / f"{stem}-gesprek-begeleider.eml").read_bytes())
    assert str(cancelled["METHOD"]) == "CANCEL" and "p.pan@example.nl" not in str(cancel["To"])
    assert str(invited["METHOD"]) == "REQUEST" and "p.pan@example.nl" in str(invite["To"])


def _fill_sheet(planning: Path, to: Path, rows: dict[str, tuple[str, object]]) -> Path:
    """Yulius's workbook sent back with its sheet Correcties filled in per dossier."""
    slug = json.loads((planning / "plan.json").read_text())["file_names"]["aanbieders"]["Yulius"]
    wb = load_workbook(planning / "aanbieders" / f"{slug}.xlsx")
    ws = wb["Correcties"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in rows:
            kind, value = rows[row[0].value]
            row[header.index("Correctie")].value = kind
            row[header.index("Waarde")].value = value
    wb.save(to)
    return to


def test_the_same_corrections_come_back_in_the_returned_workbook(tmp_path):
    out = tmp_path / "planning"
    plan = [
        "plan",
        str(EXAMPLE),
        "--out",
        str(out),
        "--today",
        TODAY.isoformat(),
        "--reproducible",
        "--time-limit",
        "5",
    ]
    assert CliRunner().invoke(main, plan).exit_code == 0
    wrong = _fill_sheet(
        out, tmp_path / "fout.xlsx", {"D00012": ("nieuw ondersteuningsplan", date(2026, 12, 20))}
    )
    before = (out / "plan.json").read_bytes()
    refused = CliRunner().invoke(main, [*plan, "--feedback", str(wrong)])
    assert refused.exit_code == 2 and "fout.xlsx › Correcties › row" in refused.output
    assert "lies in the future" in refused.output and (out / "plan.json").read_bytes() == before
    store = CorrectionStore(tmp_path / "correcties.sqlite")
    assert store.listed() == []
    back = _fill_sheet(
        out,
        tmp_path / "yulius-terug.xlsx",
        {
            "D00012": ("nieuw ondersteuningsplan", date(2026, 11, 20)),
            "D00031": ("niet meer bij ons in zorg", "verhuisd"),
        },
    )
    store.propose(
        "Yulius",
        "D00012",
        "ondersteuningsplan",
        "2026-11-25",
        "online",
        given=datetime(2020, 1, 1, tzinfo=UTC),
    )  # the page, before the sheet
    rerun = CliRunner().invoke(main, [*plan, "--feedback", str(back)])
    assert rerun.exit_code == 0, rerun.output
    listed = {(c.dossier, c.kind, c.value, c.source, c.status) for c in store.listed()}
    assert listed == {
        ("D00012", "ondersteuningsplan", "2026-11-25", "online", "replaced"),
        ("D00012", "ondersteuningsplan", "2026-11-20", "yulius-terug.xlsx", "open"),
        ("D00031", "niet_in_zorg", "verhuisd", "yulius-terug.xlsx", "open"),
    }
    again = CliRunner().invoke(main, [*plan, "--feedback", str(back)])  # read twice: no news
    assert again.exit_code == 0 and len(store.listed()) == 3
    after = json.loads((out / "plan.json").read_text())
    assert "D00031" in {a["dossier"] for a in after["appointments"]}  # proposed, not taken
    taken = next(
        c.id
        for c in store.listed()
        if c.source == "yulius-terug.xlsx" and c.kind == "ondersteuningsplan"
    )
    new = tmp_path / "invoer-2.xlsx"
    took = CliRunner().invoke(
        main, ["corrections", str(out), "--take", str(taken), "--out", str(new)]
    )
    assert took.exit_code == 0, took.output
    plan_new = ["plan", str(new), *plan[2:]]
    returned_again = CliRunner().invoke(main, [*plan_new, "--feedback", str(back)])
    assert returned_again.exit_code == 0, returned_again.output  # taken before: no news


def test_a_provider_corrects_without_an_account_where_planners_sign_in(
    example_on_the_page, tmp_path
):
    """Where accounts exist, the corrections pages are a provider's own link, as ``/a/<token>``
    is: open without signing in, and still refused from another site or without the token."""
    import shutil

    from herplan.app.web.accounts import Accounts

    _client, name, folder = example_on_the_page
    data = tmp_path / "data"
    shutil.copytree(folder.parent, data)
    Accounts(data).add("planner", "een-lang-wachtwoord")
    yulius = _link(data / name, "Yulius")
    with TestClient(app(data)) as client:
        page = client.get(f"/a/{yulius}/gegevens", follow_redirects=False)
        assert page.status_code == 200 and 'id="c-D00012"' in page.text
        sent = _propose(
            client,
            yulius,
            dossier=STALE[2],
            soort="ondersteuningsplan",
            datum="2026-11-21",
            wanneer="gemaakt",
        )
        assert sent.status_code == 303, sent.text
        assert sent.headers["location"].startswith(f"/a/{yulius}/gegevens")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        fields = {"csrf": csrf, "dossier": STALE[2], "soort": "niet_in_zorg", "waarde": "x"}
        across = client.post(
            f"/a/{yulius}/correcties", data=fields, headers={"sec-fetch-site": "cross-site"}
        )
        assert across.status_code == 403
        tokenless = client.post(
            f"/a/{yulius}/correcties", data={**fields, "csrf": "x" * 43}, follow_redirects=False
        )
        assert tokenless.status_code == 403
        planner = client.get(f"/p/{name}/correcties", follow_redirects=False)
        assert planner.status_code == 303 and planner.headers["location"].startswith("/inloggen")
