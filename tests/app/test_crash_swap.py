"""A planning folder that cannot be lost: a kill at any step of the swap.

A rerun writes the new revision into a hidden staging folder beside the
planning and swaps it in. Killed at any step (``strace`` injects SIGKILL at
each file-system call of the swap into a real ``herplan plan``), the folder is
the old or the new revision, never neither; the next run puts back or removes
whatever was left, says so, and goes on at the next revision. The two-rename
fallback (systems without ``renameat2``) is killed between its renames in a
forked process and repaired the same way.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from herplan.io import atomic
from herplan.io.atomic import recover_folder, staged_folder
from herplan.io.planning_folder import held_planning_folder
from tests.io.test_input_reader import CASE, workbook

STRACE = shutil.which("strace")
SWAP_CALLS = "mkdir,chmod,rename,renameat,renameat2,rmdir,unlinkat"
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")  # the same calls on every run


def herplan(*args: object, strace: list[str] | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "herplan.app.cli", *map(str, args)]
    return subprocess.run(
        [*(strace or []), *command], capture_output=True, text=True, env=ENV, timeout=300
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def restore(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.parent.iterdir() if re.match(r"\.planning\.(new|old)-", p.name)
    )


@pytest.fixture(scope="module")
def first_revision(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    base = tmp_path_factory.mktemp("first")
    path = workbook(base, cases=[CASE | {"dossier": f"D{n}"} for n in range(3)])
    out = base / "planning"
    done = herplan(
        "plan", "--today", "2026-11-30", path, "--out", out, "--reproducible", "--time-limit", 3
    )
    assert done.returncode == 0, done.stderr
    return path, snapshot(out)


def swap_steps(workdir: Path, path: Path) -> list[tuple[str, int]]:
    """Each call of a rerun's swap, as (syscall, its count among calls of that name)."""
    out = workdir / "planning"
    log = workdir / "trace"
    strace = [STRACE, "-f", "-qq", "-o", str(log), "-e", f"trace={SWAP_CALLS}"]
    traced = herplan(
        "plan",
        "--today",
        "2026-11-30",
        path,
        "--out",
        out,
        "--reproducible",
        "--time-limit",
        3,
        strace=strace,
    )
    assert traced.returncode == 0, traced.stderr
    counts: dict[str, int] = {}
    steps = []
    swapped = False
    for line in log.read_text().splitlines():
        found = re.match(r"\d+\s+(\w+)\((.*)", line)
        if not found:
            continue
        name, args = found.groups()
        counts[name] = counts.get(name, 0) + 1
        top = re.search(r'/\.planning\.(new|old)-\w+"|/planning"', args)
        if top or (swapped and name in ("rmdir", "unlinkat") and ".planning." in args):
            steps.append((name, counts[name]))
        swapped = swapped or name == "renameat2" or (name.startswith("rename") and top is not None)
    assert any(name.startswith("rename") for name, _ in steps), log.read_text()
    return steps


@pytest.mark.slow  # a real rerun killed at each of six steps: 40 s
@pytest.mark.skipif(STRACE is None, reason="strace is not installed (apt-get install strace)")
def test_a_kill_at_any_step_of_the_swap_leaves_the_old_or_the_new_revision(
    first_revision, tmp_path
):
    path, first = first_revision
    probe = tmp_path / "probe"
    restore(probe / "planning", first)
    steps = swap_steps(probe, path)
    seen_new = seen_old = False
    for n, (call, when) in enumerate(steps):
        work = tmp_path / f"kill{n}"
        out = work / "planning"
        restore(out, first)
        killed = herplan(
            "plan",
            "--today",
            "2026-11-30",
            path,
            "--out",
            out,
            "--reproducible",
            "--time-limit",
            3,
            strace=[
                STRACE,
                "-f",
                "-qq",
                "-o",
                "/dev/null",
                "-e",
                f"trace={call}",
                "-e",
                f"inject={call}:signal=KILL:when={when}",
            ],
        )
        assert killed.returncode != 0, (call, when, killed.stderr)
        assert (out / "plan.json").is_file(), f"planning gone after a kill at {call} #{when}"
        now = snapshot(out)
        revision = json.loads(now["plan.json"])["revision"]
        if revision == 1:
            assert now == first  # the old revision, untouched
            seen_old = True
        else:
            assert revision == 2
            assert {
                f"revisies/1/{k}": v for k, v in first.items() if not k.startswith("revisies/")
            }.items() <= now.items()
            seen_new = True
        left = leftovers(out)
        again = herplan(
            "plan", "--today", "2026-11-30", path, "--out", out, "--reproducible", "--time-limit", 3
        )
        assert again.returncode == 0, again.stderr
        assert leftovers(out) == []  # no staging copy with personal data stays behind
        if left:
            assert "note: " in again.stderr and "interrupted run" in again.stderr
        assert json.loads((out / "plan.json").read_text())["revision"] == revision + 1
    assert seen_old and seen_new  # the kills fell before and after the swap


def _kill_between_the_renames(target: Path, files: dict[str, bytes]) -> None:
    """In a forked child, run the two-rename swap and die right after the first rename."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child never returns
        try:
            atomic.exchange = lambda *_: False  # a system without renameat2
            real = os.replace
            calls = []

            def dying(source, destination):
                calls.append(source)
                if len(calls) == 2:
                    os._exit(9)  # killed: no except, no finally
                real(source, destination)

            os.replace = dying
            with staged_folder(target) as staging:
                for name, data in files.items():
                    (staging / name).write_bytes(data)
        finally:
            os._exit(1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 9


def test_the_fallback_swap_killed_between_its_renames_is_put_back(tmp_path):
    target = tmp_path / "planning"
    target.mkdir()
    (target / "plan.json").write_text('{"revision": 1}')
    _kill_between_the_renames(target, {"plan.json": b'{"revision": 2}'})
    assert not target.exists()  # the moment that used to lose the planning
    assert len(leftovers(target)) == 2  # the set-aside planning and the staging copy
    with held_planning_folder(target) as notes:
        assert (target / "plan.json").read_text() == '{"revision": 1}'
    assert leftovers(target) == []
    assert any("set the planning aside; it is back" in n for n in notes)
    assert any("removed a copy" in n for n in notes)


def test_repair_removes_a_set_aside_planning_after_a_finished_swap(tmp_path):
    target = tmp_path / "planning"
    target.mkdir()
    (tmp_path / ".planning.old-abc").mkdir()
    (tmp_path / ".planning.new-def").mkdir()
    (tmp_path / ".other.new-x").mkdir()  # another folder's business
    notes = recover_folder(target)
    assert len(notes) == 2 and target.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.new-x", "planning"]
    assert recover_folder(target) == []  # nothing left to say


def test_the_exchange_swaps_two_folders_in_one_step(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "x").write_text("a")
    (second / "x").write_text("b")
    if not atomic.exchange(first, second):
        pytest.skip("this file system has no atomic exchange; the fallback is tested above")
    assert (first / "x").read_text() == "b" and (second / "x").read_text() == "a"
