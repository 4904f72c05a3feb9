"""Within its means: a run, with every process it starts, stays under 1 GiB.

The largest regions (3 000 reassessments) are planned on a planner's laptop
beside a browser, so the run keeps its memory in bounds rather than growing
with the search:

- the search (CP-SAT, in this process) may use ``SEARCH_MIB`` of this
  process's resident memory (``max_memory_in_mb``: it ends the phase with
  the best plan found, as a time limit would);
- HiGHS, proving the count bound in a child process beside it, is stopped
  when it grows past ``BOUND_MIB`` (the bound then is the LP's, which is
  proven as well);
- after every solve the freed memory is handed back to the system
  (``release``), so one phase's peak is not carried into the next.

The three add up to less than 1 GiB with room for the interpreter's own
bookkeeping (measured on XL-tight, benchmarks/RESULTS.md).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
from pathlib import Path

SEARCH_MIB = 660
BOUND_MIB = 300


def release() -> None:
    """Hand freed heap memory back to the system (glibc's ``malloc_trim``; elsewhere nothing).

    A neighbourhood step's copy of the model hangs in reference cycles of the
    solver's wrappers until the collector runs: collected first, or every step's
    copy (a model's worth each at 3 000 reassessments) would stay until the run ends.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def resident_mib(pid: int | None = None) -> float | None:
    """A process's resident memory in MiB (Linux ``/proc``), ``None`` where unknown."""
    status = Path(f"/proc/{pid or os.getpid()}/status")
    try:
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None
