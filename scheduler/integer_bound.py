"""Objective 1's proven bound from the aggregated integer model, searched beside the run.

The LP bound (``bounds.planned_upper_bound``) is loose where consultants are
scarce: on the tight benchmark region T it says 224 where no plan holds more
than 221. The aggregated model with whole visits and consultant-mornings and
``y <= visits`` for every interview (``bounds.aggregate(linking=True)``) is
still a relaxation of the day model, and HiGHS (shipped with OR-Tools) closes
it within seconds on such regions: T's optimum 221 in about 15 s, L-tight at
most 792 within 25 s (benchmarks/RESULTS.md). So while the first plan is
built in Python on one core, HiGHS searches on the other, in a process of its
own that the run can end at any moment. When it proves that no plan holds
more than the incumbent, the search for more ends and the time goes to the
next objective; the bound it proved is the one the summary reports.

Reproducible runs never start it: a wall-clock proof would decide when a
phase ends, and the plan would depend on the machine.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from herplan.scheduler.bounds import EPSILON, aggregate
from herplan.scheduler.candidates import Candidates

WORKER = Path(__file__).with_name("integer_bound_worker.py")


class IntegerBound:
    """HiGHS on the aggregated integer model, in a child process, for ``seconds`` at most."""

    def __init__(self, cands: Candidates, seconds: float, seed: int = 0) -> None:
        self.bound: int | None = None  # the proven count bound, once HiGHS has ended
        self.done = False
        plannable = sorted(cands.plannable)
        agg = aggregate(cands, dict.fromkeys(plannable, 1), plannable, linking=True)
        fd, name = tempfile.mkstemp(prefix="herplan-bound-", suffix=".pickle")
        self._path = Path(name)
        with os.fdopen(fd, "wb") as f:
            pickle.dump((agg.upper, agg.integer, agg.cost, agg.rows, seconds, seed), f)
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-I", str(WORKER), name],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:  # no interpreter to start: the LP bound stays the bound
            self._process = None
            self._finish(b"")

    def poll(self) -> int | None:
        """The proven bound if HiGHS has ended, else ``None``; never waits."""
        if not self.done and self._process is not None and self._process.poll() is not None:
            self._finish(self._process.communicate()[0])
        return self.bound

    def close(self, wait: float = 0.0) -> int | None:
        """End the search, after at most ``wait`` seconds; the bound it proved, if any."""
        if not self.done and self._process is not None:
            try:
                out = self._process.communicate(timeout=max(wait, 0.0))[0]
            except subprocess.TimeoutExpired:
                self._process.kill()
                out = b""
                self._process.communicate()
            self._finish(out)
        return self.bound

    def _finish(self, out: bytes) -> None:
        self.done = True
        with contextlib.suppress(OSError):
            self._path.unlink()
        with contextlib.suppress(ValueError, KeyError, TypeError, IndexError):
            dual = json.loads(out.decode().strip().splitlines()[-1])["dual"]
            if dual is not None and math.isfinite(dual):
                self.bound = math.floor(dual + EPSILON)
