"""Peak memory of this process and its children while a block runs (Linux /proc).

``ru_maxrss`` cannot answer "how much was in use at once": it gives each
process's own peak, and for children only the largest one that has ended. The
planner runs HiGHS in a child beside CP-SAT, so the benchmark samples the summed
resident size of the whole process tree, every 0.1 s, while the plan is made.
"""

from __future__ import annotations

import os
import threading
from types import TracebackType

INTERVAL_S = 0.1


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    found += _tree(int(child))
    except OSError:  # the process ended while we looked
        pass
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
    except OSError:
        return 0


def tree_rss_mib(pid: int | None = None) -> float:
    """Resident memory of ``pid`` (default: this process) and all its descendants, in MiB."""
    return sum(_rss_kib(p) for p in _tree(pid or os.getpid())) / 1024


def largest_rss_mib(pid: int | None = None) -> float:
    """Resident memory of the largest process among ``pid`` and its descendants, in MiB."""
    return max(_rss_kib(p) for p in _tree(pid or os.getpid())) / 1024


class PeakMemory:
    """``with PeakMemory() as peak: ...`` then ``peak.mib``: the highest summed RSS seen
    (``peak.largest_mib``: the highest of one process)."""

    def __init__(self) -> None:
        self.mib = 0.0  # summed over the process tree
        self.largest_mib = 0.0  # the largest single process
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while True:
            self.sample()
            if self._done.wait(INTERVAL_S):
                return

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._done.set()
        self._thread.join()
        self.sample()

    def sample(self) -> None:
        self.mib = max(self.mib, tree_rss_mib())
        self.largest_mib = max(self.largest_mib, largest_rss_mib())
