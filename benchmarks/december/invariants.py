"""What must hold after every step of the simulated December, checked by code that is
not the code it checks: the hard rules and rerun promises by ``tests/checker.py``,
the rest by readers of the planning folder's own files (``plan.json``, the
provider workbooks, the outbox, what the mail server received).

Each check returns what is wrong, in words; an empty list means it holds.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook

from benchmarks.december.mail import Delivered
from herplan.io.input_reader import read_problem
from tests.checker import check_plan, check_rerun

LINK = re.compile(r"/a/([A-Za-z0-9_-]{43,})")
DROPPING = ("geannuleerd", "niet_meer_inplanbaar")


def plan_of(planning: Path) -> dict:
    return json.loads((planning / "plan.json").read_text(encoding="utf-8"))


def input_of(planning: Path, plan: dict) -> Path:
    """The input the plan was made from: the copy the planning folder keeps."""
    return planning / "invoer" / Path(str(plan["input"])).name


def hard_rules(planning: Path) -> list[str]:
    """Every hard rule holds, and nothing lies on or before today unless it was held."""
    plan = plan_of(planning)
    problem, _ = read_problem(input_of(planning, plan), date.fromisoformat(plan["today"]))
    return check_plan(problem, plan)


def promises(planning: Path, before: dict, answers: dict[str, str]) -> list[str]:
    """Every promise of the rerun that made the current revision from ``before``."""
    after = plan_of(planning)
    problem, _ = read_problem(input_of(planning, after), date.fromisoformat(after["today"]))
    return check_rerun(problem, before, after, answers, date.fromisoformat(after["today"]))


def count_kept(before: dict, after: dict) -> list[str]:
    """The count planned drops only by what the change list names as gone."""
    gone = sum(1 for c in after["changes"] if c["kind"] in DROPPING)
    floor = len(before["appointments"]) - gone
    if len(after["appointments"]) < floor:
        return [
            f"{len(after['appointments'])} planned after the rerun, fewer than "
            f"{len(before['appointments'])} before less the {gone} named gone"
        ]
    return []


def _cell_day(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, date) else str(value)


def _cell_time(value: object) -> str:
    if isinstance(value, (datetime, time)):
        return f"{value.hour:02d}:{value.minute:02d}"
    return str(value)[:5]


def workbooks_match(planning: Path) -> list[str]:
    """What each provider's workbook lists is what ``plan.json`` plans for it, and the
    workbook is of the plan's revision (no mixture after a crash)."""
    plan = plan_of(planning)
    wrong = []
    for provider, stem in plan["file_names"].get("aanbieders", {}).items():
        path = planning / "aanbieders" / f"{stem}.xlsx"
        planned = {
            (a["dossier"], a["date"], a["start"])
            for a in plan["appointments"]
            if a["provider"] == provider
        }
        if not path.is_file():
            if planned:
                wrong.append(f"{provider}: {len(planned)} appointments, no workbook")
            continue
        wb = load_workbook(path, read_only=True)
        props = {p.name: p.value for p in wb.custom_doc_props.props}
        if props.get("herplan_revisie") != plan["revision"]:
            wrong.append(
                f"{path.name}: revision {props.get('herplan_revisie')}, plan.json "
                f"{plan['revision']}"
            )
        rows = list(wb["Planning"].iter_rows(values_only=True))
        header = [str(h) for h in rows[0]]
        at = {name: header.index(name) for name in ("Datum", "Van", "Dossier")}
        listed = {
            (str(r[at["Dossier"]]), _cell_day(r[at["Datum"]]), _cell_time(r[at["Van"]]))
            for r in rows[1:]
            if r[at["Dossier"]]
        }
        if listed != planned:
            wrong.append(
                f"{path.name}: lists {len(listed)} interviews, plan.json "
                f"{len(planned)} ({sorted(listed ^ planned)[:3]})"
            )
    return wrong


def folder_whole(planning: Path, revisions: set[int]) -> list[str]:
    """After a kill or a full disk: the old revision or the new one, whole."""
    if not (planning / "plan.json").is_file():
        return ["the planning folder lost its plan.json"]
    revision = plan_of(planning)["revision"]
    return [] if revision in revisions else [f"revision {revision}, expected {revisions}"]


def tidy(planning: Path) -> list[str]:
    """After a run that wrote: nothing an interrupted run left beside the folder (its
    staging or set-aside copy) remains; the lock file stays, that is its place."""
    return [
        f"left beside the folder: {p.name}"
        for p in planning.parent.iterdir()
        if p.name.startswith(f".{planning.name}.") and not p.name.endswith(".lock")
    ]


@dataclass
class Pending:
    """A message in an outbox that the mail server has not accepted yet."""

    path: Path
    link: str


def outbox_links(planning: Path, sent: set[str]) -> list[Pending]:
    """The answer link of every message of any revision not sent yet."""
    boxes = [planning / "uitgaand", *sorted((planning / "revisies").glob("*/uitgaand"))]
    found = []
    for box in boxes:
        for path in sorted(box.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if str(message["Message-ID"]) in sent:
                continue
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    found += [Pending(path, m) for m in LINK.findall(part.get_content())]
    return found


def sent_once(delivered: list[Delivered]) -> list[str]:
    """Nothing is sent twice: per recipient and event, in the order delivered, every
    invitation raises the SEQUENCE (a calendar ignores one that does not), a
    cancellation never lowers it, and an event is cancelled once until invited again."""
    wrong = []
    copies = Counter(d.message_id for d in delivered)
    wrong += [f"{mid} delivered {n} times" for mid, n in copies.items() if n > 1]
    events: dict[tuple[str, str], list[Delivered]] = defaultdict(list)
    for d in delivered:
        events[(d.uid, d.to)].append(d)
    for (uid, to), seen in events.items():
        for last, d in itertools.pairwise(seen):
            if d.method == "REQUEST" and d.sequence <= last.sequence:
                wrong.append(
                    f"{uid} to {to}: invited again at SEQUENCE {d.sequence} after "
                    f"{last.method} {last.sequence}"
                )
            elif d.method == "CANCEL" and (last.method == "CANCEL" or d.sequence < last.sequence):
                wrong.append(
                    f"{uid} to {to}: CANCEL {d.sequence} after {last.method} {last.sequence}"
                )
    return wrong


@dataclass
class Tally:
    """How often each invariant was checked, and what broke, with where."""

    checked: Counter = field(default_factory=Counter)
    failures: list[dict[str, object]] = field(default_factory=list)

    def record(self, name: str, found: list[str], day: date, step: int, event: str) -> None:
        self.checked[name] += 1
        for what in found:
            self.failures.append(
                {
                    "day": day.isoformat(),
                    "step": step,
                    "event": event,
                    "invariant": name,
                    "what": what,
                }
            )
