"""No file in a planning folder ever changes owner, and nothing a planner keeps there moves.

Providers are added, renamed and removed across reruns; every provider keeps
its file name (recorded in ``plan.json``), a newcomer whose name slugs alike
gets a new one, a name ending in a reserved word (``… Geannuleerd``) cannot
take another's cancellation files. An input workbook kept inside the planning
folder stays where it is, untouched; ``template`` does not overwrite; the
library refuses a folder that is not a planning, as the command line does.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from herplan.app.cli import main
from herplan.io.errors import InputError
from herplan.io.feedback import PROVIDER_PROPERTY
from herplan.io.planning_folder import write_planning_folder
from herplan.io.slug import stable_slugs
from tests.conftest import case, problem, solve
from tests.io.test_input_reader import CASE, CONSULTANTS, workbook


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def location(provider: str) -> dict[str, object]:
    return {
        "aanbieder": provider,
        "locatie": "Hoofdlocatie",
        "adres": "Straat 1",
        "plaats": "Dordrecht",
        "gesprekskamers": 2,
    }


def write_input(path_dir: Path, providers: list[str]) -> Path:
    cases = [
        CASE | {"dossier": f"D{n}", "aanbieder": p, "locatie": "Hoofdlocatie"}
        for n, p in enumerate(providers)
    ]
    consultants = [CONSULTANTS[0] | {"werkdagen": "ma, di, wo, do, vr"}]
    return workbook(
        path_dir, cases=cases, consultants=consultants, locations=[location(p) for p in providers]
    )


def owners(out: Path) -> dict[str, str]:
    """Each provider workbook's path and the provider it was written for."""
    found = {}
    for path in sorted((out / "aanbieders").glob("*.xlsx")):
        props = {p.name: p.value for p in load_workbook(path).custom_doc_props.props}
        found[path.name] = props[PROVIDER_PROPERTY]
    return found


def test_a_name_keeps_its_slug_and_a_gone_names_slug_stays_taken():
    first = stable_slugs(["Philadelphia", "Enver"])
    assert first == {"Enver": "enver", "Philadelphia": "philadelphia"}
    second = stable_slugs(["Philadélphia", "Philadelphia", "Enver Geannuleerd"], first)
    assert second["Philadelphia"] == "philadelphia" and second["Philadélphia"] == "philadelphia-2"
    assert second["Enver Geannuleerd"] == "enver-geannuleerd"
    third = stable_slugs(["ENVER", "Enver 2"], second)
    assert third["ENVER"] == "enver"  # the same provider written in capitals
    assert third["Enver 2"] == "enver-2"
    assert len(set(third.values())) == len({n.casefold() for n in third})


def test_no_provider_file_changes_owner_across_reruns(tmp_path):
    out = tmp_path / "planning"
    rounds = [
        ["Philadelphia", "Enver"],
        ["Philadélphia", "Philadelphia", "Enver", "Enver Geannuleerd"],  # slugs alike
        ["Philadélphia", "Enver Geannuleerd", "Enver-Zorg"],  # two gone, one new
        ["PHILADELPHIA", "enver", "Enver Geannuleerd", "Philadelphia 2"],  # back, other case
    ]
    history: dict[str, str] = {}
    for n, providers in enumerate(rounds):
        folder = tmp_path / f"input{n}"
        folder.mkdir()
        result = run(
            "plan",
            "--today",
            "2026-11-30",
            write_input(folder, providers),
            "--out",
            out,
            "--reproducible",
            "--time-limit",
            3,
        )
        assert result.exit_code == 0, result.output
        for name, provider in owners(out).items():
            assert history.setdefault(name, provider.casefold()) == provider.casefold(), (n, name)
        plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
        for slug_of in plan["file_names"].values():  # one owner per name
            assert len(set(slug_of.values())) == len({name.casefold() for name in slug_of})
        paths = [p for p in out.rglob("*") if p.is_file()]
        assert len({str(p).casefold() for p in paths}) == len(paths)  # case-blind file systems
        for ics in (out / "aanbieders").glob("*.ics"):
            provider = history[ics.stem + ".xlsx"]
            ours = {
                a["dossier"] for a in plan["appointments"] if a["provider"].casefold() == provider
            }
            text = ics.read_text(encoding="utf-8")
            assert all(d in text for d in ours)
            theirs = {a["dossier"] for a in plan["appointments"]} - ours
            assert not any(f"Herindicatiegesprek {d} " in text for d in theirs)
    assert history == {
        "philadelphia.xlsx": "philadelphia",
        "enver.xlsx": "enver",
        "philadelphia-2.xlsx": "philadélphia",
        "enver-geannuleerd.xlsx": "enver geannuleerd",
        "enver-zorg.xlsx": "enver-zorg",
        "philadelphia-2-2.xlsx": "philadelphia 2",
    }


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_input_workbook_inside_the_planning_folder_stays_where_it_is(tmp_path):
    out = tmp_path / "planning"
    source = write_input(tmp_path, ["Philadelphia"])
    assert (
        run(
            "plan",
            "--today",
            "2026-11-30",
            source,
            "--out",
            out,
            "--reproducible",
            "--time-limit",
            3,
        ).exit_code
        == 0
    )
    kept = out / "invoer.xlsx"
    kept.write_bytes(source.read_bytes())
    (out / "notities").mkdir()
    (out / "notities" / "bellen.txt").write_text("Philadelphia bellen")
    before = _sha(kept)
    for _ in range(2):
        result = run(
            "plan", "--today", "2026-11-30", kept, "--out", out, "--reproducible", "--time-limit", 3
        )
        assert result.exit_code == 0, result.output
    assert _sha(kept) == before
    assert (out / "notities" / "bellen.txt").read_text() == "Philadelphia bellen"
    assert not list((out / "revisies").glob("*/invoer.xlsx"))  # not moved with a revision
    # herplan's own copy of what each revision was planned from, in invoer/
    assert (out / "invoer" / "invoer.xlsx").read_bytes() == kept.read_bytes()
    assert (out / "revisies" / "2" / "invoer" / "invoer.xlsx").is_file()
    assert json.loads((out / "plan.json").read_text())["revision"] == 3


def test_template_does_not_overwrite_without_force(tmp_path):
    path = tmp_path / "invoer.xlsx"
    path.write_bytes(b"my own workbook")
    result = run("template", path)
    assert result.exit_code == 2 and "--force" in result.output
    assert path.read_bytes() == b"my own workbook"
    assert run("template", path, "--force").exit_code == 0
    assert load_workbook(path).sheetnames[0] == "Herindicaties"


def test_the_library_refuses_a_folder_that_is_not_a_planning(tmp_path):
    folder = tmp_path / "documenten"
    folder.mkdir()
    (folder / "brief.docx").write_bytes(b"not ours")
    plan = solve(problem([case("A")]))
    with pytest.raises(InputError, match="not a herplan planning folder"):
        write_planning_folder(plan, folder)
    assert [p.name for p in folder.iterdir()] == ["brief.docx"]
