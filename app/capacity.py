"""``herplan capacity``: what extra consultant-mornings would plan, for a planning folder.

README, Capacity advice. Reads the folder's ``plan.json`` and its input (as
``herplan suggest`` finds it), computes the curve as of today (nothing is
added on or before it), builds and checks each point's plan, and writes
``capaciteit/`` in the folder in one swap: ``plan-<k>.json`` per point (the
format of ``plan.json``, with the point's extra mornings in the input it
names), ``advies.json`` (what ``--json`` prints) and the chart
(``capaciteit.svg``, ``capaciteit.png``). Scenarios of the input are planned
beside it in processes of their own (``herplan.app.scenarios``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from herplan import clock
from herplan.app.run import check_period
from herplan.app.suggest import _problem, input_of  # the planning's input, read once
from herplan.app.terminal_words import WORDS, section
from herplan.constraints import HARD_RULES
from herplan.domain.problem import Problem
from herplan.domain.revisions import Rerun
from herplan.io.atomic import folder_lock, staged_folder
from herplan.io.capacity_chart import chart_bytes
from herplan.io.capacity_report import advice_dict, advice_text
from herplan.io.errors import InputError
from herplan.io.plan_json import plan_dict
from herplan.io.planning_folder import CAPACITY
from herplan.io.previous import prepare_rerun
from herplan.io.source import file_digest
from herplan.io.words import language_of
from herplan.scheduler.capacity_advice import Advice, ScenarioOutcome, advice_of
from herplan.scheduler.capacity_curve import Curve, CurveOptions, capacity_curve
from herplan.scheduler.capacity_plans import point_plan

FOLDER = CAPACITY  # kept with its revision: a rerun moves it to revisies/<n>/
ADVICE_FILE = "advies.json"
SOURCE_FILE = "bron.json"  # what the advice was computed on, for the page


@dataclass(frozen=True)
class CapacityOptions:
    """What ``herplan capacity`` is asked (its command-line options)."""

    today: date | None = None  # the day advised as (None: the clock's, Dutch time)
    input_path: Path | None = None  # the plan's input (None: found beside the plan)
    scenarios: tuple[str, ...] = ()  # variants of the input (README, Capacity advice)
    scenario_files: bool = True  # may a scenario name another input (not on the page)
    time_limit: float | None = None  # each scenario's plan (None: a rerun's default)
    reproducible: bool = False
    write: bool = True  # False: compute only, the folder is not touched
    progress: Callable[[str], None] | None = None  # one line at a time, in the language


@dataclass
class CapacityAdvice:
    """The advice for a planning folder, and where it was written."""

    advice: Advice
    folder: Path
    language: str
    names: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    revision: int = 0  # of the plan advised on

    def as_dict(self) -> dict[str, object]:
        """What ``--json`` prints (and ``capaciteit/advies.json`` holds)."""
        return advice_dict(self.advice)

    def summary(self) -> str:
        """The terminal's advice, in the planning's language."""
        return advice_text(self.advice, self.language, self.name, str(self.folder / FOLDER))

    def name(self, cid: str) -> str:
        return self.names.get(cid, cid)


def capacity(folder: Path | str, options: CapacityOptions | None = None) -> CapacityAdvice:
    """The capacity advice for the plan in ``folder`` (module doc).

    Raises ``InputError`` for a folder, input, day or scenario that does not fit
    (nothing written) and ``PlanRejected`` should a point's plan break a rule.
    """
    started = time.monotonic()
    options = options or CapacityOptions()
    folder = Path(folder)
    today = options.today or clock.today()
    problem, rerun = _planning(folder, options.input_path, today)
    lang = language_of(problem.settings.language)
    say = _teller(options.progress, lang)
    from herplan.app.scenarios import Scenarios  # process pools: only when asked

    with Scenarios(problem, rerun, options, say) as scenarios:
        curve = capacity_curve(problem, HARD_RULES, rerun, CurveOptions(progress=say.curve))
        advice = advice_of(curve, rerun)
        files = _point_files(problem, rerun, curve, _created(folder), say) if options.write else {}
        advice = replace(advice, scenarios=tuple(scenarios.outcomes()))
    names = {c.id: c.name for c in problem.consultants}
    result = CapacityAdvice(advice, folder, lang, names, time.monotonic() - started, rerun.revision)
    if options.write:
        _write(folder, result, files)
    return result


def _planning(folder: Path, input_path: Path | None, today: date) -> tuple[Problem, Rerun]:
    if not (folder / "plan.json").is_file():
        raise InputError([f"{folder}: holds no plan.json; plan it first (herplan plan)"])
    if input_path is None:
        input_path, _changed = input_of(folder)
    problem = _problem(Path(input_path), file_digest(Path(input_path)), today)
    check_period(problem, today)
    return problem, prepare_rerun(folder, today)


def _created(folder: Path) -> str:
    """The plan's own creation time: a point's plan is written as of the same moment."""
    return str(json.loads((folder / "plan.json").read_text(encoding="utf-8"))["created"])


def _point_files(
    problem: Problem, rerun: Rerun, curve: Curve, created: str, say: _Teller
) -> dict[str, bytes]:
    """Each point's plan, checked by the guard, as ``plan-<k>.json``."""
    files: dict[str, bytes] = {}
    shown = [p for p in curve.points if p.extra > 0 or p.solution.count > 0]
    for n, point in enumerate(shown, start=1):
        plan = point_plan(problem, HARD_RULES, rerun, curve, point, created)
        files[f"plan-{point.extra}.json"] = _compact(plan_dict(plan))
        say.step("plans", n, len(shown))
    return files


def _compact(data: dict[str, object]) -> bytes:
    """``plan.json``'s content on one line: the same format, written many times over by
    the fast encoder (an indented one is pure Python, seconds per region)."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _write(folder: Path, result: CapacityAdvice, files: dict[str, bytes]) -> None:
    """``capaciteit/`` in one swap: the points' plans, the advice, the chart."""
    files = {
        **files,
        ADVICE_FILE: (json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n").encode(),
        "capaciteit.svg": chart_bytes(result.advice, result.language, "svg"),
        "capaciteit.png": chart_bytes(result.advice, result.language, "png"),
        SOURCE_FILE: _source(result),
    }
    for lang in WORDS:  # the page shows the chart in its own language
        files[f"capaciteit-{lang}.png"] = (
            files["capaciteit.png"]
            if lang == result.language
            else chart_bytes(result.advice, lang, "png")
        )
    with folder_lock(folder), staged_folder(folder / FOLDER) as staging:
        for name, data in sorted(files.items()):
            (staging / name).write_bytes(data)


def _source(result: CapacityAdvice) -> bytes:
    """The plan's revision and the day the advice is for: the page says when it is stale."""
    a = result.advice
    data = {"revision": result.revision, "today": a.today.isoformat(), "visits": a.visits}
    return (json.dumps(data) + "\n").encode()


class _Teller:
    """Progress in the planner's words, one line each, to whoever listens."""

    def __init__(self, listener: Callable[[str], None] | None, language: str) -> None:
        self.listener = listener
        self.words = section(language, "cap_")

    def say(self, line: str) -> None:
        if self.listener is not None:
            self.listener(line)

    def curve(self, step: str, done: int, of: int) -> None:
        if step == "points":
            self.say(self.words["progress_points"].format(n=of))
        else:
            self.step(step, done, of)

    def step(self, step: str, done: int, of: int) -> None:
        self.say(self.words[f"progress_{step}"].format(done=done, of=of))

    def scenario(self, name: str, done: bool) -> None:
        what = self.words["progress_done" if done else "progress_started"]
        self.say(self.words["progress_scenario"].format(name=name, what=what))


def _teller(listener: Callable[[str], None] | None, language: str) -> _Teller:
    return _Teller(listener, language)


__all__ = ["CapacityAdvice", "CapacityOptions", "ScenarioOutcome", "capacity"]
