"""Twenty providers answer at once while the planner reruns: no answer is
lost and none is applied twice; a link shows the current revision, so a second
``nee`` is one given on the new time.

A region of 300 reassessments and 20 providers is planned through the command
line into a web page's data folder. Twenty threads, one per provider, each with
its own browser session, answer every appointment of their provider (some
twice), while the planner reruns with the online answers; then the planner
reruns once more. Every answer accepted by the page must have been taken by
exactly one rerun, or be reported as outdated, and no ``nee`` moves an
interview twice.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from click.testing import CliRunner
from starlette.testclient import TestClient

from benchmarks.instances import PROVIDERS, Shape, generate
from herplan.app.cli import main
from herplan.app.links import planning_links
from herplan.app.stores.answers import AnswerStore
from herplan.app.web.provider_page import RateLimit
from herplan.io.input_writer import write_input_workbook
from tests.web.test_web import app

TODAY = "2026-11-30"


def _region(data: Path) -> Path:
    folder = data / "regio"
    (folder / "invoer").mkdir(parents=True)
    sheets, settings = generate(Shape(300, 10, 60), seed=3)
    owner = {}  # every location to one of twenty providers in turn
    for k, loc in enumerate(sheets["Locaties"]):
        owner[(loc["aanbieder"], loc["locatie"])] = PROVIDERS[k % 20]
        loc["aanbieder"] = PROVIDERS[k % 20]
    for case in sheets["Herindicaties"]:
        case["aanbieder"] = owner[(case["aanbieder"], case["locatie"])]
    source = folder / "invoer" / "invoer.xlsx"
    write_input_workbook(source, sheets, settings)
    args = [
        "plan",
        str(source),
        "--out",
        str(folder / "planning"),
        "--reproducible",
        "--time-limit",
        "5",
        "--today",
        TODAY,
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return folder


def _rerun(folder: Path) -> None:
    args = [
        "plan",
        str(folder / "invoer" / "invoer.xlsx"),
        "--out",
        str(folder / "planning"),
        "--reproducible",
        "--time-limit",
        "6",
        "--today",
        TODAY,
        "--answers",
        str(folder),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def test_twenty_providers_answer_while_the_planner_reruns(tmp_path):
    data = tmp_path / "data"
    folder = _region(data)
    links = planning_links(folder / "planning")
    assert len(links) == 20
    plan = json.loads((folder / "planning" / "plan.json").read_text())
    web = app(data)
    web.state.answer_limit = RateLimit(10**6)  # one test client stands for twenty addresses
    accepted: dict[str, list[str]] = {}  # dossier -> answers the page accepted, in order
    lock, errors = threading.Lock(), []
    started = threading.Barrier(21)

    def provider(url: str, dossiers: list[str]) -> None:
        token = url.split("/a/")[1]
        try:
            with TestClient(web) as client:
                csrf = re.search(r'name="csrf" value="([^"]+)"', client.get(f"/a/{token}").text)
                started.wait()
                for k, dossier in enumerate(dossiers * 2):
                    what = "nee" if (k + len(dossier)) % 3 == 0 else "ja"
                    sent = client.post(
                        f"/a/{token}",
                        data={"csrf": csrf.group(1), "dossier": dossier, "antwoord": what},
                        follow_redirects=False,
                    )
                    if sent.status_code == 303:
                        with lock:
                            accepted.setdefault(dossier, []).append(what)
                    elif sent.status_code != 404:  # 404: the link's revision has been replaced
                        errors.append(f"{dossier}: {sent.status_code}")
        except BaseException as error:
            errors.append(repr(error))

    threads = [
        threading.Thread(
            target=provider,
            args=(
                url,
                [a["dossier"] for a in plan["appointments"] if a["provider"] == link.provider],
            ),
        )
        for link, url in links
    ]
    for t in threads:
        t.start()
    started.wait()
    _rerun(folder)  # while they answer
    for t in threads:
        t.join()
    assert errors == []
    second = json.loads((folder / "planning" / "plan.json").read_text())
    shutil.copytree(folder / "planning", tmp_path / "rev2")
    _rerun(folder)  # takes what came in during the first
    third = json.loads((folder / "planning" / "plan.json").read_text())

    store = AnswerStore(folder / "antwoorden.sqlite")
    final = store.latest()
    assert {d: a.answer for d, a in final.items()} == {d: a[-1] for d, a in accepted.items()}
    assert all(a.processed in (2, 3) for a in final.values())  # every answer taken
    nee_in = {
        rev: {c["dossier"] for c in p["changes"] if c["cause"] == "nee"}
        for rev, p in ((2, second), (3, third))
    }
    with closing(sqlite3.connect(folder / "antwoorden.sqlite")) as db:
        nee_on = set(db.execute("SELECT dossier, revision FROM answers WHERE answer = 'nee'"))
    for dossier in nee_in[2] & nee_in[3]:  # no nee applied twice: the link shows the current
        assert (dossier, 2) in nee_on, dossier  # revision, so a second nee was on the new time
    stale = {s["dossier"] for s in third["stale_answers"]}
    for dossier, answer in final.items():
        if answer.answer == "nee":  # applied in the rerun that took it, or reported outdated
            assert dossier in nee_in[answer.processed] or dossier in stale, dossier
