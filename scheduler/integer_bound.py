"""Objective 1's proven bounds, computed beside the run in a process of their own.

Two relaxations of the day model bound how many reassessments any plan holds
(``bounds.aggregate``):

- **the LP** (GLOP): exact and quick to prove, but it lets a location be
  visited for a fraction of a morning, so where consultants are scarce it
  promises more than any plan holds (on the tight benchmark region T: 224
  where no plan holds more than 221). ``LinearBounds`` solves it, and the
  urgency-weighted LP objective 1 is bounded by, while the run builds its
  model and first plan on the other core; the run waits for the answer only
  when it needs it, so the value never depends on timing.
- **the integer model** (HiGHS): whole visits and consultant-mornings and
  ``y <= visits`` for every interview; still a relaxation, and HiGHS closes it
  within seconds on such regions: T's optimum 221 in about 15 s, L-tight at
  most 792 within 25 s (benchmarks/RESULTS.md). ``IntegerBound`` runs it for
  as long as the search for a plan runs; when it proves that no plan holds
  more than the incumbent, the search for more ends and the time goes to the
  next objective. Reproducible runs never start it: a wall-clock proof would
  decide when a phase ends, and the plan would depend on the machine.

If a child process cannot start or fails, the LP is solved in this process
(the same value) and the integer bound is simply not known; why is kept in
``failure`` and logged as a warning (on the terminal, where nothing else
listens to the ``herplan`` logger). HiGHS is stopped when it grows past its
share of the run's memory (``memory.BOUND_MIB``); the bound then is the LP's.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

from herplan.scheduler.bound_worker import linear_optimum
from herplan.scheduler.bounds import EPSILON, Aggregate, aggregate
from herplan.scheduler.candidates import Candidates
from herplan.scheduler.memory import BOUND_MIB, resident_mib

WORKER = Path(__file__).with_name("bound_worker.py")
LOG = logging.getLogger("herplan")
MEMORY_POLL_SECONDS = 0.5


def _model(agg: Aggregate) -> dict[str, object]:
    return {"upper": agg.upper, "integer": agg.integer, "cost": agg.cost, "rows": agg.rows}


class BoundChild:
    """Jobs of ``bound_worker`` in a child process; their answers as they come."""

    def __init__(
        self, jobs: list[tuple[str, str, dict[str, object]]], memory_mib: float | None = None
    ) -> None:
        self.answers: dict[str, float | None] = {}
        self.failure = ""
        self.memory_mib = memory_mib  # stopped when it grows past this (None: never)
        self.outgrown = False  # it was stopped for its memory
        self._done = threading.Event()
        self._reader: threading.Thread | None = None
        fd, name = tempfile.mkstemp(prefix="herplan-bound-", suffix=".pickle")
        self._path = Path(name)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(jobs, f, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-I", str(WORKER), name],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError as error:  # no interpreter to start
            self._process = None
            self.failure = str(error)
            self._finish()
            return
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if memory_mib is not None:
            threading.Thread(target=self._watch_memory, daemon=True).start()

    def _watch_memory(self) -> None:
        """Stop the child once it holds more than its share of the run's memory."""
        assert self._process is not None and self.memory_mib is not None
        while not self._done.wait(MEMORY_POLL_SECONDS):
            used = resident_mib(self._process.pid)
            if used is not None and used > self.memory_mib and self._process.poll() is None:
                self.outgrown = True
                self._process.kill()
                return

    def _read(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                answer = json.loads(line)
                value = answer["value"]
                self.answers[str(answer["name"])] = (
                    float(value) if value is not None and math.isfinite(value) else None
                )
        errors = self._process.stderr.read() if self._process.stderr else b""
        code = self._process.wait()
        if code > 0:  # a negative code: we ended it ourselves
            lines = errors.decode(errors="replace").strip().splitlines()
            self.failure = lines[-1] if lines else f"exit status {code}"
            LOG.warning("the bound search beside the run failed: %s", self.failure)
        self._finish()

    def _finish(self) -> None:
        with contextlib.suppress(OSError):
            self._path.unlink()
        self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def answer(self, name: str, wait: float | None = 0.0) -> float | None:
        """The job's value once known; waits up to ``wait`` seconds (``None``: until done)."""
        while name not in self.answers and not self._done.is_set():
            if wait is not None and wait <= 0:
                break
            step = 0.05 if wait is None else min(0.05, wait)
            self._done.wait(step)
            if wait is not None:
                wait -= step
        return self.answers.get(name)

    def close(self, wait: float = 0.0) -> None:
        """End the child after at most ``wait`` seconds; nothing is left running."""
        if self._process is not None and self._process.poll() is None:
            try:
                self._process.wait(timeout=max(wait, 0.0))
            except subprocess.TimeoutExpired:
                self._process.kill()
        if self._reader is not None:
            self._reader.join()
        self._finish()


BOUND_PATIENCE_SECONDS = 2.0  # the longest a wall-clock phase waits for the weighted LP


class LinearBounds:
    """The LP bound on the count (and on objective 1's weighted worth), in a child."""

    def __init__(
        self,
        cands: Candidates,
        worth: Mapping[int, int] | None = None,
        patience: float | None = None,
    ) -> None:
        self.cands = cands
        self.plannable = sorted(cands.plannable)
        self.worth = dict(worth) if worth else None
        # How long ``weighted`` waits for the child (None: until it answers). A wall-clock
        # run does not spend its count phase waiting on a large region's weighted LP.
        self.patience = patience
        jobs: list[tuple[str, str, dict[str, object]]] = []
        if self.plannable:
            jobs.append(("count", "linear", _model(self._aggregate(None))))
            if self.worth is not None:
                jobs.append(("worth", "linear", _model(self._aggregate(self.worth))))
        self._child = BoundChild(jobs) if jobs else None

    def _aggregate(self, worth: Mapping[int, int] | None) -> Aggregate:
        worth = worth or dict.fromkeys(self.plannable, 1)
        return aggregate(self.cands, worth, [i for i in self.plannable if worth.get(i, 0) > 0])

    def count(self) -> int:
        """The most reassessments any plan holds (waits for the child)."""
        return self._bound("count", dict.fromkeys(self.plannable, 1))

    def weighted(self) -> int:
        """The most objective 1's worth any plan holds (waits for the child, at most
        ``patience`` seconds: then every plannable reassessment's worth, a weaker bound)."""
        assert self.worth is not None
        child, patience = self._child, self.patience
        if child is not None and patience is not None:
            late = child.answer("worth", wait=patience) is None and not child.done
            if late:
                return sum(self.worth.get(i, 0) for i in self.plannable)
        return self._bound("worth", self.worth)

    def _bound(self, name: str, worth: Mapping[int, int]) -> int:
        plannable = [i for i in self.plannable if worth.get(i, 0) > 0]
        if not plannable:
            return 0
        value = self._child.answer(name, wait=None) if self._child is not None else None
        if value is None:  # the child failed: the same LP here
            agg = aggregate(self.cands, worth, plannable)
            value = linear_optimum(agg.upper, agg.cost, agg.rows)
            if value is None:
                raise RuntimeError("the LP bound could not be computed")
        best_cases = sum(sorted((worth[i] for i in plannable), reverse=True))
        return min(math.floor(value + EPSILON), best_cases)

    def close(self) -> None:
        if self._child is not None:
            self._child.close()


class IntegerBound:
    """HiGHS on the aggregated integer model, in a child process, for ``seconds`` at most."""

    def __init__(self, cands: Candidates, seconds: float, seed: int = 0) -> None:
        plannable = sorted(cands.plannable)
        agg = aggregate(cands, dict.fromkeys(plannable, 1), plannable, linking=True)
        model = {**_model(agg), "seconds": seconds, "seed": seed}
        self._child = BoundChild([("integer", "integer", model)], memory_mib=BOUND_MIB)

    @property
    def done(self) -> bool:
        return self._child.done

    @property
    def failure(self) -> str:
        return self._child.failure

    def poll(self) -> int | None:
        """The proven bound if HiGHS has ended, else ``None``; never waits."""
        if not self._child.done:
            return None
        return self._rounded()

    def close(self, wait: float = 0.0) -> int | None:
        """End the search, after at most ``wait`` seconds; the bound it proved, if any."""
        self._child.close(wait)
        return self._rounded()

    def _rounded(self) -> int | None:
        value = self._child.answers.get("integer")
        return None if value is None else math.floor(value + EPSILON)
