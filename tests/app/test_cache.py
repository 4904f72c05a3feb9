"""The cache behind ``herplan suggest`` (``herplan.app.stores.cache``): what is kept is found
again only for the same input, plan, day and code, and a broken cache is no error."""

from __future__ import annotations

import json
import shutil
import stat
from datetime import date

import pytest
from click.testing import CliRunner

from herplan.app.cli import main
from herplan.app.stores import cache
from herplan.app.suggest import open_region
from tests.conftest import EXAMPLE

TODAY = date(2026, 11, 30)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("HERPLAN_CACHE_DIR", str(where))
    return where


def test_an_entry_is_found_by_its_kind_and_key_only(cache_dir):
    cache.keep("problem", "abc", {"cases": 3})
    assert cache.cached("problem", "abc") == {"cases": 3}
    assert cache.cached("problem", "abd") is None
    assert cache.cached("region", "abc") is None
    (entry,) = cache_dir.glob("*.pickle")
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600  # the user's own
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700


def test_another_version_of_the_code_does_not_read_an_entry(cache_dir, monkeypatch):
    cache.keep("problem", "abc", 1)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another herplan")
    assert cache.cached("problem", "abc") is None


def test_a_damaged_entry_or_an_unwritable_folder_is_no_error(cache_dir, tmp_path, monkeypatch):
    cache.keep("problem", "abc", 1)
    (entry,) = cache_dir.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.cached("problem", "abc") is None
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setenv("HERPLAN_CACHE_DIR", str(blocked / "cache"))
    cache.keep("problem", "abc", 1)  # cannot be written: quietly nothing
    assert cache.cached("problem", "abc") is None


def test_only_the_newest_entries_are_kept_and_no_part_file_is_left(cache_dir):
    for i in range(cache.KEEP + 5):
        cache.keep("problem", str(i), i)
    assert len(list(cache_dir.glob("*.pickle"))) == cache.KEEP
    assert not list(cache_dir.glob("*.part"))


def _planned(planned_example, tmp_path):
    folder, _ = planned_example
    root = tmp_path / "copy"
    shutil.copytree(folder, root / "planning")
    shutil.copy(EXAMPLE, root / EXAMPLE.name)
    return root


def test_suggest_after_a_plan_does_not_read_the_workbook_again(
    planned_example, tmp_path, cache_dir, monkeypatch
):
    root = _planned(planned_example, tmp_path)
    args = [
        "plan",
        str(root / EXAMPLE.name),
        "--out",
        str(root / "planning"),
        "--reproducible",
        "--time-limit",
        "4",
        "--today",
        TODAY.isoformat(),
    ]
    assert CliRunner().invoke(main, args).exit_code == 0
    import herplan.io.input_reader as reader

    def unread(*_args, **_kwargs):
        raise AssertionError("the workbook was read although herplan plan kept it")

    monkeypatch.setattr(reader, "read_problem", unread)
    plan = json.loads((root / "planning" / "plan.json").read_text(encoding="utf-8"))
    dossier = plan["unscheduled"][0]["dossier"]
    first = open_region(root / "planning", TODAY).suggest(dossier)
    again = open_region(root / "planning", TODAY).suggest(dossier)  # the prepared region
    assert first == again and first.dossier == dossier


def test_an_edited_input_or_another_day_is_never_answered_from_the_cache(
    planned_example, tmp_path, cache_dir
):
    root = _planned(planned_example, tmp_path)
    region = open_region(root / "planning", TODAY)
    assert open_region(root / "planning", TODAY).problem == region.problem
    later = open_region(root / "planning", date(2026, 12, 14))
    assert later.suggester.rerun.today == date(2026, 12, 14)
    assert min(later.suggester.cands.days) >= date(2026, 12, 14)
    from openpyxl import load_workbook

    book = load_workbook(root / EXAMPLE.name)
    sheet = book["Instellingen"]
    for row in sheet.iter_rows(min_row=2):
        if str(row[0].value).strip().lower() == "taal":
            row[1].value = "en"
    book.save(root / EXAMPLE.name)
    edited = open_region(root / "planning", TODAY)
    assert edited.input_changed and edited.problem.settings.language == "en"
    assert region.problem.settings.language == "nl"
