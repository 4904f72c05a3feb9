"""The server's state on ``app.state``: its settings and the plannings with their runs.

Every planning is a folder under the data folder: ``<naam>/invoer/`` holds the
uploads, ``<naam>/planning/`` is exactly the planning folder ``herplan plan``
writes, so the page and the command line can take turns. A run is
``run.plan_input``, the same call as the command line, in a child process
(``worker``) whose progress a thread of the server relays; one run at a time
per planning.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from herplan import clock
from herplan.findings import Code, Finding, text
from herplan.io.slug import file_slug
from herplan.scheduler.solve import Progress

INPUT, PLANNING, RETURNED = "invoer", "planning", "teruggestuurd"
SECRET = ".sessiesleutel"
NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class ServerConfig:
    """How the server runs: where the plannings are, who may reach it, how it plans."""

    data: Path
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")  # the Host names we answer
    login: bool = False  # planners sign in (always when accounts exist)
    secure_cookies: bool = False  # behind HTTPS (a reverse proxy): cookies only over it
    time_limit: float | None = None  # the runs' time limit (None: the input's setting)
    reproducible: bool = False
    base_url: str = "http://127.0.0.1:8000"  # how providers reach this server (their links)
    fixed_today: date | None = None  # plan as of this day (``--today``); None: the clock's

    def today(self) -> date:
        """The day the page plans, offers and answers as (README, Today): Dutch time."""
        return self.fixed_today or clock.today()


@dataclass(frozen=True)
class Run:
    """What one run plans: the input, returned workbooks, and what to do once it ended."""

    source: Path
    feedback: list[Path] = field(default_factory=list)
    choose: list[str] = field(default_factory=list)  # DOSSIER=OPTION (herplan suggest)
    hand: list[str] = field(default_factory=list)  # DOSSIER=PLACE: moved by hand on the page
    hand_reasons: list[str] = field(default_factory=list)  # DOSSIER=REASON: a ja moved, why
    answers: Path | None = None  # the providers' online answers (antwoorden.sqlite)
    afterwards: Callable[[bool], None] | None = None  # told whether the run wrote a plan


@dataclass
class Job:
    """One run of one planning, in a thread."""

    thread: threading.Thread | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    process: subprocess.Popen[str] | None = None
    progress: Progress | None = None
    started: float = field(default_factory=time.monotonic)
    error: list[dict[str, object]] = field(default_factory=list)  # findings as data
    done: bool = False

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()


class Plannings:
    """The plannings under the data folder, and the run of each."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.data = config.data.resolve()
        self.data.mkdir(parents=True, exist_ok=True)
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def folder(self, name: str) -> Path:
        """The folder of planning ``name``; a name that is not one of ours is refused."""
        if not NAME.fullmatch(name) or not (self.data / name / INPUT).is_dir():
            raise LookupError(name)
        return self.data / name

    def names(self) -> list[str]:
        return sorted(p.name for p in self.data.iterdir() if (p / INPUT).is_dir())

    def new_folder(self, upload_name: str) -> tuple[str, Path]:
        """A new planning's name (from the upload's) and its folder, made."""
        base = file_slug(Path(upload_name).stem, "planning")
        name, n = base, 1
        while True:
            try:
                (self.data / name / INPUT).mkdir(parents=True)
                return name, self.data / name
            except FileExistsError:
                n += 1
                name = f"{base}-{n}"

    def start(self, name: str, run: Run) -> bool:
        """Start planning ``name`` in a thread; False when it is already running."""
        with self.lock:
            job = self.jobs.get(name)
            if job is not None and job.running:
                return False
            job = self.jobs[name] = Job()
            job.thread = threading.Thread(
                target=self._run, args=(job, name, run), name=f"herplan-{name}", daemon=True
            )
            job.thread.start()
            return True

    def _run(self, job: Job, name: str, run: Run) -> None:
        command = [
            sys.executable,
            "-m",
            "herplan.app.web.worker",
            "plan",
            str(run.source),
            str(self.data / name / PLANNING),
        ]
        if self.config.time_limit is not None:
            command += ["--time-limit", str(self.config.time_limit)]
        if self.config.reproducible:
            command.append("--reproducible")
        command += ["--today", self.config.today().isoformat()]
        if run.feedback:
            command += ["--feedback", *map(str, run.feedback)]
        if run.choose:
            command += ["--choose", *run.choose]
        if run.hand:
            command += ["--hand", *run.hand]
        if run.hand_reasons:
            command += ["--hand-reason", *run.hand_reasons]
        if run.answers is not None:
            command += ["--answers", str(run.answers)]
        command += ["--base-url", self.config.base_url]
        try:
            job.process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            job.error = self._relay(job, job.process)
        except OSError as error:
            job.error = [text(f"{type(error).__name__}: {error}").as_dict()]
        finally:
            if run.afterwards is not None:
                run.afterwards(not job.error)
            job.done = True

    @staticmethod
    def _relay(job: Job, process: subprocess.Popen[str]) -> list[dict[str, object]]:
        """Pass the worker's progress on; its errors, once it ended."""
        assert process.stdout is not None and process.stderr is not None
        for line in process.stdout:
            said = json.loads(line)
            if said.get("done"):
                process.wait()
                return list(said["errors"])
            job.progress = Progress(
                said["phase"], said["planned"], said["upper"], said["elapsed"], said["limit"]
            )
        process.wait()
        lines = process.stderr.read().strip().splitlines()
        ended = Finding.of(Code.RUN_ENDED_WITHOUT_PLAN, status=process.returncode)
        return [ended.as_dict(), *(text(line).as_dict() for line in lines[-1:])]

    def stop(self, name: str) -> bool:
        """End ``name``'s run with the best plan so far; False when none runs."""
        job = self.jobs.get(name)
        if job is None or not job.running or job.process is None or job.process.stdin is None:
            return False
        job.stop.set()
        try:
            job.process.stdin.write("stop\n")
            job.process.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            return False
        return True

    def remove(self, name: str) -> None:
        shutil.rmtree(self.data / name, ignore_errors=True)


def session_secret(data: Path) -> str:
    """The key that signs the session cookies: made once, kept in the data folder."""
    path = data / SECRET
    try:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        pass
    data.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secret)
    return secret
