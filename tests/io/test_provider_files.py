"""Provider workbooks and iCalendar files (README, Outputs), read back by independent readers.

Every appointment of a provider appears exactly once in its sheet and in its
calendar, with the date and times of ``plan.json``; both calendars parse with
``icalendar`` and with ``ical`` (an independent RFC 5545 parser); nothing of
another provider appears in a provider's files.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from datetime import date, datetime, time
from io import BytesIO
from pathlib import Path

import icalendar
import pandas as pd
import pytest
from ical.calendar_stream import IcsCalendarStream
from openpyxl import load_workbook

from herplan.io.folder_parts import providers_with_files
from herplan.io.planning_folder import planning_files
from herplan.io.slug import WINDOWS_RESERVED, unique_slugs
from tests.conftest import EXAMPLE, case, consultant, location, problem, solve


@pytest.fixture(scope="module")
def example(planned_example):
    out, _ = planned_example
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    return out, plan


@pytest.fixture(scope="module")
def example_cases() -> pd.DataFrame:
    return pd.read_excel(EXAMPLE, sheet_name="Herindicaties", dtype=str).fillna("")


def _providers(plan: dict) -> dict[str, list[dict]]:
    by_provider: dict[str, list[dict]] = {}
    for a in plan["appointments"]:
        by_provider.setdefault(a["provider"], []).append(a)
    return by_provider


def _slug_of(out: Path, provider: str, plan: dict) -> str:
    """The provider's file stem, found from its sheet's own rows (not from our slugger)."""
    dossiers = {a["dossier"] for a in plan["appointments"] if a["provider"] == provider}
    for path in sorted((out / "aanbieders").glob("*.xlsx")):
        sheet = pd.read_excel(path, sheet_name="Planning", dtype=str)
        if dossiers and set(sheet["Dossier"]) == dossiers:
            return path.stem
    raise AssertionError(f"no workbook holds exactly the appointments of {provider}")


def _minutes(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def test_every_provider_has_a_workbook_and_a_calendar(example):
    out, plan = example
    providers = _providers(plan)
    workbooks = sorted((out / "aanbieders").glob("*.xlsx"))
    calendars = sorted((out / "aanbieders").glob("*.ics"))
    assert len(calendars) == len(providers)
    assert len(workbooks) >= len(providers)
    for provider in providers:
        stem = _slug_of(out, provider, plan)
        assert (out / "aanbieders" / f"{stem}.ics").exists()


def test_sheet_and_calendar_hold_each_appointment_once_with_its_times(example):
    out, plan = example
    for provider, appointments in _providers(plan).items():
        stem = _slug_of(out, provider, plan)
        expected = {
            a["dossier"]: (date.fromisoformat(a["date"]), a["start"], a["end"], a["uid"])
            for a in appointments
        }
        ws = load_workbook(out / "aanbieders" / f"{stem}.xlsx")["Planning"]
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        header = [c.value for c in ws[1]]
        col = {name: header.index(name) for name in header}
        assert Counter(r[col["Dossier"]] for r in rows) == Counter(expected.keys())
        for r in rows:
            day, start, end, _ = expected[r[col["Dossier"]]]
            assert r[col["Datum"]].date() == day  # a real Excel date
            assert _minutes(r[col["Van"]]) == start and _minutes(r[col["Tot"]]) == end

        text = (out / "aanbieders" / f"{stem}.ics").read_text(encoding="utf-8")
        cal = icalendar.Calendar.from_ical(text)
        events = list(cal.walk("VEVENT"))
        assert len(events) == len(expected)
        independent = IcsCalendarStream.calendar_from_ics(text)
        assert len(independent.events) == len(expected)
        for e in independent.events:
            dossier = next(d for d, v in expected.items() if v[3] == e.uid)
            day, start, end, _ = expected[dossier]
            assert e.dtstart.date() == day
            assert e.dtstart.strftime("%H:%M") == start and e.dtend.strftime("%H:%M") == end
            assert str(e.dtstart.tzinfo) == "Europe/Amsterdam"
        for e in events:
            dossier = next(d for d, v in expected.items() if v[3] == str(e["UID"]))
            assert dossier in str(e["DESCRIPTION"]) and "ondersteuningsplan" in str(
                e["DESCRIPTION"]
            )
            assert int(e["SEQUENCE"]) == 0 and e.get("DTSTAMP") and e.get("LOCATION")


def test_calendars_are_publish_with_a_timezone(example):
    out, _ = example
    for path in sorted((out / "aanbieders").glob("*.ics")) + sorted(
        (out / "consulenten").glob("*.ics")
    ):
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        assert str(cal["METHOD"]) == "PUBLISH" and str(cal["VERSION"]) == "2.0"
        zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
        assert zones == ["Europe/Amsterdam"]
        raw = path.read_bytes()
        assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_consultant_calendars_hold_interviews_and_write_ups(example):
    out, plan = example
    per_consultant = Counter(a["consultant"] for a in plan["appointments"])
    calendars = sorted((out / "consulenten").glob("*.ics"))
    assert len(calendars) == len(per_consultant)
    for path in calendars:
        independent = IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
        uids = {e.uid for e in independent.events}
        mine = [a for a in plan["appointments"] if a["uid"] in uids]
        assert mine and len({a["consultant"] for a in mine}) == 1
        assert len(independent.events) == 2 * len(mine)
        for a in mine:
            block = next(
                e for e in independent.events if e.uid == a["uid"].replace("@", "-uitwerking@")
            )
            assert block.dtstart.strftime("%H:%M") == a["writeup_start"]
            assert block.dtend.strftime("%H:%M") == a["writeup_end"]


def _all_text(out: Path, stem: str) -> str:
    texts = [(out / "aanbieders" / f"{stem}.ics").read_text(encoding="utf-8")]
    with zipfile.ZipFile(out / "aanbieders" / f"{stem}.xlsx") as z:
        texts += [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")]
    return "\n".join(texts)


def test_a_provider_sees_only_its_own_reassessments(example, example_cases):
    out, plan = example
    cases = example_cases
    contacts = pd.read_excel(EXAMPLE, sheet_name="Locaties", dtype=str).fillna("")
    consultants = pd.read_excel(EXAMPLE, sheet_name="Consulenten", dtype=str).fillna("")
    for provider in _providers(plan):
        stem = _slug_of(out, provider, plan)
        text = _all_text(out, stem)
        own = cases[cases["aanbieder"] == provider]
        other = cases[cases["aanbieder"] != provider]
        for dossier in other["dossier"]:
            assert re.search(rf"\b{re.escape(dossier)}\b", text) is None, (provider, dossier)
        # Names the provider's own files rightly hold (its contacts, the consultants)
        # may coincide with another provider's begeleider; they are not leaks.
        legit = set(contacts[contacts["aanbieder"] == provider]["contactpersoon"])
        legit |= set(consultants["naam"])
        for field in ("begeleider", "client"):
            foreign = set(other[field]) - set(own[field]) - legit - {""}
            for value in foreign:
                assert value not in text, (provider, field, value)


def test_unplanned_and_renewals_are_on_action_needed(example, example_cases):
    out, plan = example
    provider_of = dict(zip(example_cases["dossier"], example_cases["aanbieder"], strict=True))
    for provider in _providers(plan):
        stem = _slug_of(out, provider, plan)
        sheet = pd.read_excel(out / "aanbieders" / f"{stem}.xlsx", sheet_name="Actie nodig")
        unplanned = {
            u["dossier"] for u in plan["unscheduled"] if provider_of[u["dossier"]] == provider
        }
        renew = {p["dossier"] for p in plan["support_plans"] if p["provider"] == provider}
        assert set(sheet["Dossier"].astype(str)) == unplanned | renew


def test_workbook_is_a_proper_excel_table(example):
    out, plan = example
    provider = sorted(_providers(plan))[0]
    wb = load_workbook(out / "aanbieders" / f"{_slug_of(out, provider, plan)}.xlsx")
    assert wb.sheetnames == ["Planning", "Actie nodig", "Correcties", "Toelichting"]
    ws = wb["Planning"]
    assert ws.freeze_panes == "A2" and "Planning" in ws.tables
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    header = [c.value for c in ws[1]]
    assert header[-2:] == ["Haalbaar", "Opmerking"]
    validations = ws.data_validations.dataValidation
    assert any(v.formula1 == '"ja,nee,zelfde dag"' for v in validations)
    widths = {c: ws.column_dimensions[c].width or 0 for c in "ABCDEFGHIJKL"}
    assert all(w >= 6 for w in widths.values()), widths  # the times, 09:00, need 6
    assert sum(widths.values()) <= 170, "printed on A4 landscape at 8 pt or more"
    # the cells a provider fills in are marked: a fill and a note in the header
    for column in "KL":
        assert ws[f"{column}1"].comment is not None
        assert ws[f"{column}2"].fill.fgColor.rgb.endswith("FFF2CC")


# --- tiny plans for what the example does not show --------------------------------------

TRICKY = ["Leger des Heils / Breda", "'s-Heeren Loo", "Cliëntenhuis Ça va", "CON", "a:b*c?"]


def test_file_names_are_safe_everywhere():
    slugs = unique_slugs([*TRICKY, "Leger des Heils Breda"])
    assert len(set(slugs.values())) == len(slugs)
    for slug in slugs.values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
        assert slug not in WINDOWS_RESERVED and len(slug) <= 64


def test_tricky_provider_names_get_their_files():
    cases = [case(f"T{k}", "Noord", provider=name) for k, name in enumerate(TRICKY)]
    locs = [location("Noord", provider=name) for name in TRICKY]
    p = problem(cases, consultants=[consultant("AH"), consultant("BB")], locations=locs)
    plan = solve(p, seconds=2)
    files = planning_files(plan)
    for name in providers_with_files(plan):
        stem = unique_slugs(providers_with_files(plan))[name]
        assert f"aanbieders/{stem}.xlsx" in files
    for path in files:
        assert re.fullmatch(r"[a-z0-9./-]+", path.replace("overzicht", "")), path


def test_input_text_is_never_a_formula():
    dangerous = {
        "client": '=HYPERLINK("http://x")',
        "begeleider": "+31 6 1234",
        "dossier": "-D01",
        "begeleider_email": "",
    }
    p = problem(
        [
            case(
                dangerous["dossier"],
                "@Noord",
                client=dangerous["client"],
                begeleider=dangerous["begeleider"],
            )
        ],
        locations=[location("@Noord", address="=1+1")],
    )
    plan = solve(p, seconds=2)
    files = planning_files(plan)
    (name,) = [n for n in files if n.startswith("aanbieders/") and n.endswith(".xlsx")]
    with zipfile.ZipFile(BytesIO(files[name])) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet
    wb = load_workbook(BytesIO(files[name]))
    values = {c.value for row in wb["Planning"].iter_rows() for c in row}
    # the location cell holds the address on its second line
    assert {'=HYPERLINK("http://x")', "+31 6 1234", "-D01", "@Noord\n=1+1"} <= values


def test_english_files_with_taal_en():
    plan = solve(problem([case("E1")], language="en"), seconds=2)
    files = planning_files(plan)
    (name,) = [n for n in files if n.startswith("aanbieders/") and n.endswith(".xlsx")]
    wb = load_workbook(BytesIO(files[name]))
    assert wb.sheetnames == ["Planning", "Action needed", "Corrections", "Read me"]
    ics = next(v for n, v in files.items() if n.startswith("aanbieders/") and n.endswith(".ics"))
    assert b"Reassessment interview" in ics


def test_re_exporting_the_same_plan_gives_identical_bytes():
    p = problem([case("A"), case("B", "Zuid")], consultants=[consultant("AH", email="a@x.nl")])
    plan = solve(p, seconds=2)
    assert planning_files(plan) == planning_files(plan)
    stamp = (
        icalendar.Calendar.from_ical(
            next(v for n, v in planning_files(plan).items() if n.endswith(".ics"))
        )
        .walk("VEVENT")[0]["DTSTAMP"]
        .dt
    )
    assert stamp == datetime.fromisoformat(plan.created)
