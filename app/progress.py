"""Live progress on the terminal while a plan is made, in the planner's language.

A ``rich`` progress bar on an interactive terminal (phase in plain words,
planned so far against the most possible, elapsed and remaining time); one
short line every few seconds when stderr is a file or a pipe.
"""

from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from herplan.app.terminal_words import section
from herplan.io.sentences import phase_words
from herplan.io.words import language_of
from herplan.scheduler.solve import Progress as Report

LINE_EVERY_S = 5.0


class ProgressDisplay:
    """``update`` is the run's progress callback; use as a context manager."""

    def __init__(self, language: str = "nl", stream=None) -> None:
        self.lang = language_of(language)
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.last_line = 0.0

    def __enter__(self) -> ProgressDisplay:
        if self.interactive:
            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[left]}"),
                console=Console(file=self.stream),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("", total=1.0, left="")
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

    def describe(self, report: Report) -> str:
        w = section(self.lang, "progress_")
        text = phase_words(report.phase, self.lang)
        if report.planned is not None:
            text += f" — {report.planned} {w['planned']}"
            if report.upper is not None:
                text += f" {w['of']} {report.upper}"
        return text

    def update(self, report: Report) -> None:
        left = max(0.0, report.limit - report.elapsed)
        if self.bar is not None and self.task is not None:
            self.bar.update(
                self.task,
                description=self.describe(report),
                completed=min(1.0, report.elapsed / report.limit) if report.limit else 1.0,
                left=f"{section(self.lang, 'progress_')['left']} {left:.0f} s",
            )
            return
        now = time.monotonic()
        if now - self.last_line >= LINE_EVERY_S or report.phase == "done":
            self.last_line = now
            print(f"  {report.elapsed:5.1f} s  {self.describe(report)}", file=self.stream)
