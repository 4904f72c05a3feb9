"""Personal data readable by the server's user only.

With the usual umask 022, a server that planned a planning (its worker
processes too) and ``herplan plan`` writing a planning folder of the page leave
files 0600 and folders 0700; another user of the machine (``nobody``) can read
none of them. ``herplan serve`` also takes away what was readable before.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from herplan.app.private import make_private
from tests.app.test_outbox import smtp  # noqa: F401 (the local SMTP server, a fixture)
from tests.conftest import PLANNED_AS
from tests.web.test_web import small_input

ROOT = Path(__file__).resolve().parents[2]


def _open_to_others(data: Path) -> list[str]:
    found = []
    for path in [data, *data.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if path.is_symlink():
            continue
        wanted = 0o700 if path.is_dir() else 0o600
        if mode & 0o077 or (mode | wanted) != wanted:
            found.append(f"{path.relative_to(data)} {oct(mode)}")
    return found


def _as_nobody_reads(path: Path) -> bool:
    """Can the user ``nobody`` read ``path``? (Only root can ask.)"""
    done = subprocess.run(["cat", str(path)], user="nobody", capture_output=True)
    return done.returncode == 0


def _run(script: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=lambda: os.umask(0o022),
    )
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture
def open_folder():
    """A folder every user can reach (pytest's own is its owner's only)."""
    folder = Path(tempfile.mkdtemp(prefix="herplan-37-"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_the_server_writes_for_its_own_user_only(tmp_path, open_folder):
    source = small_input(tmp_path)
    data = open_folder / "data"
    _run(
        f"""
        from pathlib import Path
        from datetime import date
        from starlette.testclient import TestClient
        from herplan.app.private import private_umask
        from herplan.app.web import create_app
        from tests.web.test_web import upload, wait
        private_umask()  # as herplan serve does first
        app = create_app(Path({str(data)!r}), hosts=("testserver",), time_limit=3,
                         reproducible=True, today=date.fromisoformat({PLANNED_AS.isoformat()!r}))
        with TestClient(app) as client:
            name = upload(client, Path({str(source)!r})).headers["location"].split("/")[2]
            assert wait(client, name)["errors"] == []
            client.get(f"/p/{{name}}/alles.zip")
    """,
        tmp_path,
    )
    plan = next(data.glob("*/planning/plan.json"))
    assert len(list(data.rglob("*"))) > 10
    assert _open_to_others(data) == []
    if os.getuid() == 0:  # as another user of the machine
        control = open_folder / "open.txt"
        control.write_text("x")
        os.chmod(control, 0o644)
        assert _as_nobody_reads(control)  # the check can fail
        assert not _as_nobody_reads(plan)
        assert not any(_as_nobody_reads(p) for p in data.rglob("*.eml"))


def test_herplan_plan_into_a_planning_of_the_page_writes_private_files(tmp_path):
    data = tmp_path / "data"
    (data / "regio" / "invoer").mkdir(parents=True)
    (data / ".sessiesleutel").write_text("x")
    source = small_input(tmp_path)
    _run(
        f"""
        import sys
        from herplan.app.cli import main
        sys.argv = ["herplan", "plan", {str(source)!r}, "--out",
                    {str(data / "regio" / "planning")!r}, "--time-limit", "3",
                    "--reproducible", "--today", {PLANNED_AS.isoformat()!r}]
        main()
    """,
        tmp_path,
    )
    assert (data / "regio" / "planning" / "plan.json").is_file()
    assert [p for p in _open_to_others(data / "regio" / "planning")] == []


def test_what_was_readable_before_is_made_private(tmp_path):
    data = tmp_path / "data"
    (data / "a" / "planning").mkdir(parents=True)
    kept = data / "a" / "planning" / "plan.json"
    kept.write_text("{}")
    for p in (data, data / "a", data / "a" / "planning"):
        os.chmod(p, 0o755)
    os.chmod(kept, 0o644)
    elsewhere = tmp_path / "elders.txt"
    elsewhere.write_text("x")
    os.chmod(elsewhere, 0o644)
    (data / "link").symlink_to(elsewhere)
    make_private(data)
    assert _open_to_others(data) == []
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o644  # a symlink is not followed


def test_herplan_send_into_a_planning_of_the_page_keeps_its_record_private(
    planned_example,
    tmp_path,
    smtp,  # noqa: F811
):
    data = tmp_path / "data"
    (data / "regio" / "invoer").mkdir(parents=True)
    (data / ".sessiesleutel").write_text("x")
    shutil.copytree(planned_example[0], data / "regio" / "planning")
    _run(
        f"""
        import sys
        from herplan.app.cli import main
        sys.argv = ["herplan", "send", {str(data / "regio" / "planning")!r},
                    "--smtp", {smtp.address!r}, "--today", "2026-11-30"]
        main()
    """,
        tmp_path,
    )
    record = data / "regio" / "planning" / "verzonden.jsonl"
    assert record.is_file() and smtp.received
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
