"""End to end: the ``herplan`` command on the bundled example and on bad input."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from herplan.app.cli import main
from herplan.app.run import created_time as _created
from tests.checker import check_files

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "drechtsteden-2026.xlsx"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def planned(planned_example):
    return planned_example


def test_example_plan_passes_the_independent_checker(planned):
    out, _ = planned
    assert check_files(EXAMPLE, out / "plan.json") == []


def test_plan_json_follows_the_schema(planned):
    out, _ = planned
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    assert plan["format"] == "herplan-plan/1" and plan["revision"] == 1
    assert len(plan["input_sha256"]) == 64
    first = plan["appointments"][0]
    for key in (
        "uid",
        "dossier",
        "client",
        "provider",
        "location",
        "consultant",
        "date",
        "start",
        "end",
        "writeup_start",
        "writeup_end",
        "with",
        "begeleider",
        "sequence",
        "pinned",
    ):
        assert key in first
    stats = plan["stats"]
    assert stats["scheduled"] == len(plan["appointments"])
    assert stats["scheduled"] + stats["unscheduled"] == 252
    for key in ("visits", "location_days", "status", "objective", "bound", "gap", "phases"):
        assert key in stats
    assert stats["phases"][0]["name"] == "most_reassessments"
    assert {u["dossier"] for u in plan["unscheduled"]}.isdisjoint(
        {a["dossier"] for a in plan["appointments"]}
    )
    assert all(u["explanation"] for u in plan["unscheduled"])


def test_summary_and_overview(planned):
    out, result = planned
    assert "Ingepland" in result.output and "Bezoeken" in result.output
    assert "Hoe dicht bij het best mogelijke" in result.output
    wb = load_workbook(out / "overzicht.xlsx")
    assert wb.sheetnames == [
        "Planning",
        "Rooster",
        "Niet ingepland",
        "Ondersteuningsplannen",
        "Kengetallen",
        "Belasting",
        "Technisch",
    ]
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    planning = wb["Planning"]
    assert planning.max_row - 1 == len(plan["appointments"])
    assert planning.freeze_panes == "A2"
    assert planning["A2"].is_date
    assert wb["Niet ingepland"].max_row - 1 == len(plan["unscheduled"])
    figures = {
        row[0].strip(): row[1] for row in wb["Kengetallen"].iter_rows(min_row=2, values_only=True)
    }
    assert figures["Herindicaties in het bestand"] == 252
    assert figures["Ingepland"] + figures["Niet ingepland"] == 252
    reasons = [v for k, v in figures.items() if k.startswith("hoofdreden:")]
    assert figures["waarvan open"] + figures["waarvan ingetrokken"] == 252
    assert sum(reasons) == figures["Niet ingepland"]  # one main reason per case
    assert not any("_" in str(k) for k in figures)  # no solver terms on this sheet
    assert [c.value for c in wb["Technisch"][2]][1] == "most_reassessments"
    roster = wb["Rooster"]
    mondays = [c.column for c in roster[1] if c.value and str(c.value).startswith("ma ")]
    assert [c.column for c in roster[1] if c.border.left.style] == mondays  # weeks marked


def test_check_and_plan_count_the_same(planned):
    _, result = planned
    checked = run("check", str(EXAMPLE))
    counts = re.search(r"(\d+) reassessments \((\d+) open, (\d+) withdrawn\)", checked.output)
    planned_counts = re.search(
        r"Herindicaties\s+(\d+) \((\d+) open, (\d+) ingetrokken\)", result.output
    )
    assert counts and planned_counts and counts.groups() == planned_counts.groups()
    main = re.search(r"Niet ingepland\s+(\d+)", result.output)
    per_reason = re.findall(r"^  \D+?\s+(\d+)$", result.output, flags=re.M)
    assert main and int(main.group(1)) == sum(int(n) for n in per_reason)


def test_created_is_the_inputs_last_change_in_the_planning_zone(planned, monkeypatch):
    out, _ = planned
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    changed = datetime.fromtimestamp(int(EXAMPLE.stat().st_mtime), tz=ZoneInfo("Europe/Amsterdam"))
    assert plan["created"] == changed.isoformat()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")
    pinned = _created(EXAMPLE, "Europe/Amsterdam")
    assert pinned.isoformat() == "2026-11-30T01:53:20+01:00"


def test_same_input_and_seed_give_identical_files(planned, tmp_path):
    out, _ = planned
    again = tmp_path / "again"
    assert (
        run(
            "plan",
            "--today",
            "2026-11-30",
            str(EXAMPLE),
            "--out",
            str(again),
            "--time-limit",
            "6",
            "--reproducible",
        ).exit_code
        == 0
    )
    first = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second and len(first) > 10  # plan, overview, provider and consultant files
    for name in first:
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_bad_input_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["plan", "--today", "2026-11-30", str(bad), "--out", str(out)]
    )
    assert result.exit_code == 2
    assert "bad.xlsx: not an Excel workbook" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    assert bad.read_text() == "not a workbook"


def test_refuses_to_replace_a_folder_that_is_not_a_planning(tmp_path):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "brief.docx").write_text("keep me")
    result = CliRunner().invoke(
        main, ["plan", "--today", "2026-11-30", str(EXAMPLE), "--out", str(out)]
    )
    assert result.exit_code == 2
    assert (out / "brief.docx").read_text() == "keep me"


def test_template_and_check(tmp_path):
    path = tmp_path / "leeg.xlsx"
    assert run("template", str(path)).exit_code == 0
    result = run("check", str(path))
    assert result.exit_code == 0 and "(0 open, 0 withdrawn)" in result.output
    assert run("check", str(EXAMPLE)).exit_code == 0


def test_usage_errors_exit_2():
    assert CliRunner().invoke(main, ["plan"]).exit_code == 2
    assert CliRunner().invoke(main, ["template", "x.csv"]).exit_code == 2
