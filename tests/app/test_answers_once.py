"""An online answer is taken by one rerun only, even when that rerun is killed between
writing its planning folder and marking the answers as taken in the store: the
folder's ``plan.json`` records the last answer its revision took (a defect the
December simulation found: a ``ja`` confirmed twice after a kill)."""

from __future__ import annotations

import json
import shutil

import pytest

from herplan.app.run import RunOptions, plan_input
from herplan.app.stores.answers import AnswerStore
from herplan.io.previous import read_previous
from tests.conftest import EXAMPLE, PLANNED_AS


class Killed(BaseException):
    """The process dies here (SIGKILL): nothing after it runs."""


def test_answers_taken_by_a_revision_are_not_taken_again_after_a_kill(
    planned_example, tmp_path, monkeypatch
):
    source, _ = planned_example
    data = tmp_path / "data"
    folder = data / "planning"
    shutil.copytree(source, folder)
    a = read_previous(folder / "plan.json").appointments[0]
    store = AnswerStore(data / "antwoorden.sqlite")
    given = store.answer(a, 1, "ja", "klopt", "online")
    options = RunOptions(time_limit=2, reproducible=True, today=PLANNED_AS, answers=data)

    def killed(*_args, **_kwargs):
        raise Killed

    with monkeypatch.context() as patched:
        patched.setattr(AnswerStore, "mark_processed", killed)
        with pytest.raises(Killed):
            plan_input(EXAMPLE, folder, options)
    second = json.loads((folder / "plan.json").read_text())
    assert second["revision"] == 2 and second["answers_seen"] >= 1
    assert [c["cause"] for c in second["changes"] if c["dossier"] == a.dossier] == ["confirmed"]
    assert store.latest()[a.dossier].processed == 0  # the store never heard it was taken
    plan_input(EXAMPLE, folder, options)
    third = json.loads((folder / "plan.json").read_text())
    assert third["revision"] == 3
    assert not [c for c in third["changes"] if c["dossier"] == a.dossier]  # not taken twice
    assert given.dossier == a.dossier
