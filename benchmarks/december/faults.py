"""Faults injected into the simulated December, each reproducible from the seed.

- **A rerun killed**: a real ``herplan plan`` in a process of its own gets
  SIGKILL at the N-th call of a file-system function (``strace``'s fault
  injection: the same call on every run of the same seed); without strace,
  after a delay.
- **The disk full while writing**: a twin of the planning on a file system of
  its own (tmpfs), made too small for the next revision; the rerun must fail
  and leave the folder whole, and succeed once there is room again. Without
  the right to mount, ``strace`` makes every write after the N-th fail with
  ENOSPC instead.
- **The answer store busy**: another connection holds SQLite's write lock for
  a while; answers and reruns wait for it, nothing is lost.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STRACE = shutil.which("strace")
CALLS = ("openat", "write", "rename", "mkdir", "unlinkat", "renameat2")
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")  # the same calls on every run


def herplan(args: list[str], prefix: list[str] | None = None, timeout: float = 900):
    """``herplan ARGS`` as a process of its own (under ``prefix``, e.g. strace)."""
    command = [*(prefix or []), sys.executable, "-m", "herplan.app.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=timeout)


def killed_at(call: str, when: int) -> list[str]:
    """strace's prefix that kills the process at the ``when``-th ``call``."""
    assert STRACE is not None
    return [
        STRACE,
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        f"trace={call}",
        "-e",
        f"inject={call}:signal=KILL:when={when}",
    ]


def kill_rerun(args: list[str], call: str, when: int, delay: float) -> tuple[str, bool]:
    """Run ``herplan ARGS`` and kill it (module doc): how, in words, and whether the kill
    came before the run ended (a run that makes fewer such calls ends on its own)."""
    if STRACE is not None:
        done = herplan(args, killed_at(call, when))
        return f"SIGKILL at the {when}th {call}", done.returncode != 0
    process = subprocess.Popen(
        [sys.executable, "-m", "herplan.app.cli", *args],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    process.kill()
    return f"SIGKILL after {delay:.1f} s", process.wait() != 0


@contextmanager
def small_disk(root: Path, size_bytes: int) -> Iterator[bool]:
    """A tmpfs of ``size_bytes`` mounted at ``root`` (True), or nothing when this
    process may not mount (False: use ``enospc_after`` instead)."""
    root.mkdir(parents=True, exist_ok=True)
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_bytes}", "tmpfs", str(root)],
            capture_output=True,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(root)], capture_output=True)


def resize(root: Path, size_bytes: int) -> None:
    subprocess.run(
        ["mount", "-o", f"remount,size={size_bytes}", str(root)], check=True, capture_output=True
    )


def used_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def enospc_after(when: int) -> list[str]:
    """strace's prefix that makes every write from the ``when``-th on fail: disk full."""
    assert STRACE is not None
    return [
        STRACE,
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        "trace=write",
        "-e",
        f"inject=write:error=ENOSPC:when={when}+",
    ]


@contextmanager
def busy_store(store: Path, seconds: float) -> Iterator[None]:
    """Another connection holds the store's write lock for ``seconds`` meanwhile."""
    held = threading.Event()

    def hold() -> None:
        db = sqlite3.connect(store, timeout=30, isolation_level=None)
        try:
            db.execute("BEGIN EXCLUSIVE")
            held.set()
            time.sleep(seconds)
            db.execute("COMMIT")
        finally:
            db.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    held.wait(30)
    try:
        yield
    finally:
        thread.join()
