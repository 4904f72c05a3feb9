"""``herplan capacity`` (README, Capacity advice): what extra consultant-mornings would plan.

A tiny region where the answer is known by hand (one consultant, one morning a
week, two locations), checked end to end through the command line: the curve,
its mornings, its bounds, what stays blocked and why, the JSON shape, and each
point's plan accepted by the independent checker on the input with that
point's mornings added (written into the workbook's ``extra_ochtenden``). And
on the bundled example: every point's plan passes the checker, more mornings
never plan fewer, the first point agrees with ``herplan suggest``.
"""

from __future__ import annotations

import io
import json
import shutil
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from herplan.app.capacity import CapacityOptions, capacity
from herplan.app.cli import main
from herplan.app.scenarios import variant
from herplan.app.suggest import open_region
from herplan.findings import Code
from herplan.io.errors import InputError
from herplan.io.input_reader import read_problem
from herplan.io.input_writer import write_input_workbook
from herplan.scheduler.capacity_curve import with_mornings
from tests.checker import check_plan, check_rerun
from tests.conftest import EXAMPLE, PLANNED_AS

TODAY = PLANNED_AS.isoformat()
PLAN = {"datum_ondersteuningsplan": date(2026, 10, 1), "einddatum_indicatie": date(2027, 3, 1)}


def _case(dossier: str, where: str, **more) -> dict[str, object]:
    return {
        "dossier": dossier,
        "client": "A.B.",
        "aanbieder": "Yulius",
        "locatie": where,
        **PLAN,
        **more,
    }


def tiny_rows(extra: str = "") -> dict[str, list[dict[str, object]]]:
    """AH holds one morning a week; Noord has two reassessments, Zuid one, and one more at
    Zuid has a support plan far too old (only a new plan would plan it)."""
    return {
        "Herindicaties": [
            _case("N1", "Noord"),
            _case("N2", "Noord"),
            _case("Z1", "Zuid"),
            _case("Z2", "Zuid", datum_ondersteuningsplan=date(2025, 1, 1)),
        ],
        "Consulenten": [
            {
                "consulent": "AH",
                "naam": "A. Haan",
                "max_ochtenden_per_week": 1,
                "extra_ochtenden": extra or None,
            }
        ],
        "Locaties": [
            {"aanbieder": "Yulius", "locatie": "Noord"},
            {"aanbieder": "Yulius", "locatie": "Zuid"},
        ],
    }


SETTINGS = {"periode_start": date(2026, 12, 1), "periode_eind": date(2026, 12, 4)}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    """The tiny region planned: (its folder); its input ``invoer.xlsx`` beside it."""
    root = tmp_path_factory.mktemp("tiny")
    write_input_workbook(root / "invoer.xlsx", tiny_rows(), SETTINGS)
    code, out, err = run(
        "plan",
        str(root / "invoer.xlsx"),
        "--out",
        str(root / "planning"),
        "--today",
        TODAY,
        "--reproducible",
        "--time-limit",
        "4",
    )
    assert code == 0, out + err
    return root / "planning"


def test_one_extra_morning_plans_the_one_left_out_and_no_morning_plans_the_stale_plan(tiny):
    code, out, err = run("capacity", str(tiny), "--today", TODAY, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"current", "points", "blocked", "weeks"}
    assert data["current"] == 2  # N1 and N2 in AH's one morning
    [point] = data["points"]  # Z1 is the only one a morning can plan
    assert set(point) == {"extra_mornings", "planned", "bound", "mornings"}
    assert (point["extra_mornings"], point["planned"], point["bound"]) == (1, 3, 3)
    [morning] = point["mornings"]
    assert morning["consultant"] == "AH" and morning["over_cap"] is True
    assert [b["dossier"] for b in data["blocked"]["ondersteuningsplan"]] == ["Z2"]
    assert data["blocked"]["ondersteuningsplan"][0]["needed_by"] is not None
    assert sum(len(cases) for cases in data["blocked"].values()) == 1
    assert [w["week"] for w in data["weeks"]] == ["2026-W49"]
    assert data["weeks"][0]["extra_mornings"] == 1 and data["weeks"][0]["planned"] == 1


def test_the_morning_is_the_one_suggest_names_for_the_one_left_out(tiny):
    found = open_region(tiny, PLANNED_AS).suggest("Z1")
    assert found.options == [] and found.would_fit_with is not None
    advice = capacity(tiny, CapacityOptions(today=PLANNED_AS, write=False)).advice
    [morning] = advice.points[0].mornings
    fit = found.would_fit_with
    assert (morning.consultant, morning.day) == (fit.consultant, fit.day)


def test_each_points_plan_passes_the_checker_on_the_input_with_its_mornings(tiny, tmp_path):
    code, _out, err = run("capacity", str(tiny), "--today", TODAY)
    assert code == 0, err
    written = json.loads((tiny / "capaciteit" / "plan-1.json").read_text(encoding="utf-8"))
    [morning] = json.loads((tiny / "capaciteit" / "advies.json").read_text())["points"][0][
        "mornings"
    ]
    assert {a["dossier"] for a in written["appointments"]} == {"N1", "N2", "Z1"}
    day = morning["date"]
    write_input_workbook(tmp_path / "met.xlsx", tiny_rows(extra=day), SETTINGS)
    added, _ = read_problem(tmp_path / "met.xlsx")
    assert check_plan(added, written) == []
    before = json.loads((tiny / "plan.json").read_text(encoding="utf-8"))
    assert check_rerun(added, before, written, {}, PLANNED_AS) == []
    plain, _ = read_problem(tiny.parent / "invoer.xlsx")  # without the morning: over the cap
    assert any("cap 1" in v for v in check_plan(plain, written))


def test_the_folder_gets_the_chart_and_the_advice_and_the_text_says_the_morning(tiny):
    code, out, _err = run("capacity", str(tiny), "--today", TODAY)
    assert code == 0
    assert "A. Haan" in out and "boven het weekmaximum" in out
    svg = (tiny / "capaciteit" / "capaciteit.svg").read_bytes()
    png = (tiny / "capaciteit" / "capaciteit.png").read_bytes()
    assert svg.lstrip().startswith(b"<?xml") and b"Ingepland met extra ochtenden" in svg
    assert png.startswith(b"\x89PNG")
    files = {p.name: p.read_bytes() for p in (tiny / "capaciteit").iterdir()}
    assert set(files) == {
        "advies.json",
        "bron.json",
        "capaciteit.png",
        "capaciteit.svg",
        "capaciteit-nl.png",
        "capaciteit-en.png",
        "plan-1.json",
    }
    assert files["capaciteit-nl.png"] == png != files["capaciteit-en.png"]
    again = run("capacity", str(tiny), "--today", TODAY)
    assert again[0] == 0
    assert {p.name: p.read_bytes() for p in (tiny / "capaciteit").iterdir()} == files


def test_the_advice_stays_with_the_revision_it_was_computed_for(tiny, tmp_path):
    """A rerun moves ``capaciteit/`` with its revision to ``revisies/<n>/``: the next
    revision shows no advice made on another plan; the archive leaves out the points'
    working plans."""
    from herplan.app.web.files import _zip

    folder = tmp_path / "planning"
    shutil.copytree(tiny, folder)
    assert run("capacity", str(folder), "--today", TODAY)[0] == 0
    code, out, err = run(
        "plan",
        str(tiny.parent / "invoer.xlsx"),
        "--out",
        str(folder),
        "--today",
        TODAY,
        "--reproducible",
        "--time-limit",
        "4",
    )
    assert code == 0, out + err
    assert not (folder / "capaciteit").exists()
    assert (folder / "revisies" / "1" / "capaciteit" / "advies.json").is_file()
    assert run("capacity", str(folder), "--today", TODAY)[0] == 0
    names = zipfile.ZipFile(io.BytesIO(_zip(folder))).namelist()
    assert "capaciteit/advies.json" in names and "plan.json" in names
    assert not [n for n in names if n.startswith(("capaciteit/plan-", "revisies/"))]


def test_nothing_before_or_on_today_is_offered(tiny):
    """Advised as of Wednesday 2 December: the extra morning comes after it, and what was
    planned on 1 or 2 December is held."""
    advice = capacity(tiny, CapacityOptions(today=date(2026, 12, 2), write=False)).advice
    for point in advice.points:
        assert all(m.day > date(2026, 12, 2) for m in point.mornings)


def test_a_bad_scenario_is_refused_and_nothing_is_written(tiny, tmp_path):
    folder = tmp_path / "planning"
    shutil.copytree(tiny, folder, ignore=shutil.ignore_patterns("capaciteit"))
    shutil.copy(tiny.parent / "invoer.xlsx", tmp_path / "invoer.xlsx")
    code, _out, err = run(
        "capacity", str(folder), "--today", TODAY, "--scenario", "XX afwezig week 49"
    )
    assert code == 2
    assert "'XX' is not a consultant" in err
    assert not (folder / "capaciteit").exists()
    code, _out, err = run("capacity", str(folder), "--today", TODAY, "--scenario", "meer koffie")
    assert code == 2 and "is not a change herplan knows" in err


def test_scenarios_change_the_input_as_said(tiny):
    problem, _ = read_problem(tiny.parent / "invoer.xlsx")
    away = variant(problem, "ah afwezig week 49")
    assert away.absences[-1].consultant == "AH"
    assert (away.absences[-1].start, away.absences[-1].end) == (
        date(2026, 11, 30),
        date(2026, 12, 6),
    )
    longer = variant(problem, "periode tot 2027-01-08; AH max 2 per week")
    assert longer.settings.period_end == date(2027, 1, 8)
    assert longer.consultants[0].max_mornings_per_week == 2
    assert variant(problem, "AH werkdagen ma,wo").consultants[0].workdays == {0, 2}
    with pytest.raises(InputError) as refused:
        variant(problem, "periode tot 31-31-2026")
    (finding,) = refused.value.findings
    assert finding.code is Code.SCENARIO_NOT_A_DATE and finding.value("value") == "31-31-2026"


def test_a_scenario_on_the_page_never_names_a_file_on_the_server(tiny):
    """The command line may plan another input as a scenario; the page's worker may not, or a
    planner could have any workbook on the server read (its own input is the one planned)."""
    problem, _ = read_problem(tiny.parent / "invoer.xlsx")
    workbook = str(tiny.parent / "invoer.xlsx")
    assert variant(problem, workbook).reassessments == problem.reassessments  # command line
    for named in (workbook, str(tiny.parent), "/etc/passwd.csv"):
        with pytest.raises(InputError) as refused:
            variant(problem, named, files=False)
        (finding,) = refused.value.findings
        assert finding.code is Code.SCENARIO_NOT_UNDERSTOOD
    worker = (
        Path(__file__).resolve().parents[2] / "app" / "web" / "capacity_worker.py"
    ).read_text()
    assert "scenario_files=False" in worker


def test_a_scenario_is_planned_beside_the_advice(tiny):
    code, out, err = run(
        "capacity",
        str(tiny),
        "--today",
        TODAY,
        "--json",
        "--reproducible",
        "--scenario",
        "AH max 2 per week",
        "--time-limit",
        "3",
    )
    assert code == 0, err
    [scenario] = json.loads(out)["scenarios"]
    assert scenario["scenario"] == "AH max 2 per week" and scenario["errors"] == []
    assert scenario["planned"] == 3  # a second morning that week takes Z1
    assert "scenario AH max 2 per week" in err  # progress on stderr


def test_the_example_every_point_checked_more_mornings_never_fewer(planned_example, tmp_path):
    folder = tmp_path / "planning"
    shutil.copytree(planned_example[0], folder)
    advice = capacity(folder, CapacityOptions(today=PLANNED_AS, input_path=EXAMPLE)).advice
    problem, _ = read_problem(EXAMPLE)
    planned = [advice.current] + [p.planned for p in advice.points]
    assert planned == sorted(planned)
    for point in advice.points:
        assert point.bound is None or point.bound >= point.planned
        written = json.loads((folder / "capaciteit" / f"plan-{point.extra}.json").read_text())
        assert len(written["appointments"]) == point.planned
        assert check_plan(with_mornings(problem, point.mornings), written) == []
    region = open_region(folder, PLANNED_AS, EXAMPLE)
    full = [
        u["dossier"]
        for u in json.loads((folder / "plan.json").read_text())["unscheduled"]
        if "capaciteit" in u["reasons"]
    ]
    if any(region.suggest(d).would_fit_with is not None for d in full):
        assert advice.points and advice.points[0].planned >= advice.current + 1


# --- the page (/p/<naam>/capaciteit) -----------------------------------------------------


@pytest.fixture
def capacity_page(tiny, tmp_path):
    """The tiny region as the page keeps a planning, and a client of the page."""
    from starlette.testclient import TestClient

    from tests.web.test_web import app

    folder = tmp_path / "data" / "klein"
    (folder / "invoer").mkdir(parents=True)
    shutil.copy(tiny.parent / "invoer.xlsx", folder / "invoer" / "invoer.xlsx")
    shutil.copytree(tiny, folder / "planning", ignore=shutil.ignore_patterns("capaciteit"))
    with TestClient(app(tmp_path / "data", reproducible=True)) as client:
        yield client, folder


def _computed(client, lang: str = "nl", seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = client.get(f"/p/klein/capaciteit?taal={lang}").text
        if 'id="capacity-busy"' not in text:
            return text
        time.sleep(0.3)
    raise AssertionError("the advice did not finish")


def test_the_page_computes_the_advice_and_shows_chart_and_tables(capacity_page):
    from tests.web.test_web import token

    client, folder = capacity_page
    assert 'href="/p/klein/capaciteit?taal=nl"' in client.get("/p/klein").text
    first = client.get("/p/klein/capaciteit")
    assert first.status_code == 200 and 'id="capacity-none"' in first.text
    form = {"csrf": token(client), "scenarios": "AH max 2 per week"}
    started = client.post("/p/klein/capaciteit", data=form, follow_redirects=False)
    assert started.status_code == 303
    text = _computed(client)
    assert 'id="curve"' in text and "A. Haan" in text and "boven het weekmaximum" in text
    assert 'src="/p/klein/capaciteit/grafiek.png' in text
    assert 'id="scenarios"' in text and "AH max 2 per week" in text
    assert 'id="blocked"' in text and "Z2" in text
    chart = client.get("/p/klein/capaciteit/grafiek.png")
    assert chart.headers["content-type"] == "image/png" and chart.content.startswith(b"\x89PNG")
    assert (folder / "planning" / "capaciteit" / "plan-1.json").is_file()
    english = client.get("/p/klein/capaciteit?taal=en").text
    assert "Capacity" in english and "above the weekly maximum" in english
    drawn = folder / "planning" / "capaciteit"
    assert (
        client.get("/p/klein/capaciteit/grafiek.png?taal=en").content
        == (drawn / "capaciteit-en.png").read_bytes()
    )


def test_the_page_refuses_a_post_without_its_token_and_odd_charts(capacity_page):
    client, folder = capacity_page
    refused = client.post("/p/klein/capaciteit", data={"scenarios": ""}, follow_redirects=False)
    assert refused.status_code == 403
    assert not (folder / "planning" / "capaciteit").exists()
    assert client.get("/p/klein/capaciteit/grafiek.exe").status_code == 404
    assert client.get("/p/onbekend/capaciteit").status_code == 404


def test_the_package_offers_it_as_herplan_capacity(tiny):
    import herplan

    assert herplan.capacity is capacity and herplan.CapacityOptions is CapacityOptions
    advice = herplan.capacity(tiny, herplan.CapacityOptions(today=PLANNED_AS, write=False))
    assert advice.as_dict()["current"] == 2 and "Capaciteitsadvies" in advice.summary()


def test_scenario_runs_at_once_are_bounded_by_the_cores_and_the_memory(monkeypatch):
    from herplan.app import scenarios

    monkeypatch.setattr(scenarios.os, "cpu_count", lambda: 2)
    assert scenarios.parallel_runs(2, 1000) == 2  # L-tight: two runs fit in the memory
    assert scenarios.parallel_runs(2, 3000) == 1  # XL: one at a time
    assert scenarios.parallel_runs(1, 100) == 1
    monkeypatch.setattr(scenarios.os, "cpu_count", lambda: 1)
    assert scenarios.parallel_runs(3, 100) == 1
