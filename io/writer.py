"""Writing the planning folder's files in two processes at once.

Building the workbooks, calendars and e-mail messages of a large region takes
seconds of pure Python on one core (openpyxl, icalendar), while the machine
has more. A planning's parts (``folder_parts.parts``) are independent: a
second Python process renders half of them from the same ``Plan`` while this
one renders the rest, so the files are the same bytes in about half the
time. A small planning is written here alone (starting a process costs more
than it saves); if the second process cannot start or fails, this process
writes its parts as well, so the outcome never depends on it.

Run as ``python -m herplan.io.writer PICKLE``: the pickle holds the plan and
the parts to render; the files come back, pickled, on standard output.
Any part may go to either process (``share``): the files are the same.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from herplan.domain.plan import Plan
from herplan.io.folder_parts import render

# Below this much work (in appointments' worth, ``folder_parts.parts``) one
# process is quicker; the second process first spends about this much loading.
PARALLEL_FROM = 800.0
HELPER_START = 250.0


def write_parts(plan: Plan, parts: list[tuple[str, float]]) -> dict[str, bytes]:
    """Every file of ``parts``; some of them in another process when that is quicker."""
    total = sum(cost for _part, cost in parts)
    if total < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return _merged(render(plan, part) for part, _cost in parts)
    mine, theirs = share(parts, HELPER_START)
    other = _Helper(plan, theirs)
    try:
        files = _merged(render(plan, part) for part in mine)
        done = other.result()
    finally:
        other.close()
    if done is None:  # the helper failed: write its parts here
        done = _merged(render(plan, part) for part in theirs)
    return files | done


def share(parts: list[tuple[str, float]], handicap: float) -> tuple[list[str], list[str]]:
    """Parts for this process and for the helper, largest first to the less loaded one.

    The helper starts ``handicap`` behind (loading Python and the libraries).
    """
    load = [0.0, handicap]
    shares: tuple[list[str], list[str]] = ([], [])
    for part, cost in sorted(parts, key=lambda pc: (-pc[1], pc[0])):
        k = 0 if load[0] <= load[1] else 1
        shares[k].append(part)
        load[k] += cost
    return shares


def _merged(parts) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for found in parts:
        files.update(found)
    return files


class _Helper:
    """A second process rendering some parts of the planning folder."""

    def __init__(self, plan: Plan, parts: list[str]) -> None:
        fd, name = tempfile.mkstemp(prefix="herplan-write-", suffix=".pickle")
        self._path = Path(name)
        with os.fdopen(fd, "wb") as f:
            pickle.dump((plan, parts), f, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-m", "herplan.io.writer", name],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError:
            self._process = None

    def result(self) -> dict[str, bytes] | None:
        """The helper's files, or ``None`` when it failed (its parts are then written here)."""
        if self._process is None:
            return None
        out, _err = self._process.communicate()
        if self._process.returncode != 0:
            return None
        try:
            files = pickle.loads(out)
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return None
        return files if isinstance(files, dict) else None

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.communicate()
        with contextlib.suppress(OSError):
            self._path.unlink()


def main() -> None:
    with open(sys.argv[1], "rb") as f:
        plan, parts = pickle.load(f)
    files = _merged(render(plan, part) for part in parts)
    sys.stdout.buffer.write(pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
