"""The planning folder (README, Outputs), written atomically.

Everything is first written to a staging sibling of ``DIR``; only when every
file is complete is it swapped in (``atomic.staged_folder``). A folder that
holds other files than a planning is refused, by the library as by the
command line. Every provider and consultant keeps its file name across
reruns (``slug.stable_slugs``, recorded in ``plan.json``), and files a
planner keeps in the folder (the input workbook, say) stay where they are.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from herplan.domain.plan import Plan
from herplan.io.atomic import folder_lock, recover_folder, staged_folder
from herplan.io.errors import InputError
from herplan.io.folder_parts import CONSULTANTS, PROVIDERS, parts, providers_with_files
from herplan.io.outbox import OUTBOX
from herplan.io.slug import stable_slugs
from herplan.io.source import SOURCE
from herplan.io.writer import write_parts

REVISIONS = "revisies"
CAPACITY = "capaciteit"  # the capacity advice on this revision (herplan capacity)
OWN = frozenset(
    {"plan.json", "overzicht.xlsx", PROVIDERS, CONSULTANTS, OUTBOX, REVISIONS, SOURCE, CAPACITY}
)


def is_planning_folder(folder: Path) -> bool:
    """A folder herplan may write: absent, empty, or holding a herplan plan."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    return (folder / "plan.json").is_file() or not any(folder.iterdir())


def file_names(plan: Plan) -> dict[str, dict[str, str]]:
    """Every provider's and consultant's file name, earlier revisions' included."""
    known = plan.file_names or {}
    consultants = {a.consultant for a in plan.appointments}
    consultants |= {a.consultant for a in plan.cancelled}
    consultants |= {c.before.consultant for c in plan.changes if c.before}
    return {
        PROVIDERS: stable_slugs(providers_with_files(plan), known.get(PROVIDERS)),
        CONSULTANTS: stable_slugs(consultants, known.get(CONSULTANTS)),
    }


def planning_files(plan: Plan) -> dict[str, bytes]:
    """Every output file of ``plan`` by its path relative to the planning folder.

    A large planning is written by two processes at once (``writer``): the
    same bytes, in about half the time.
    """
    plan = replace(plan, file_names=file_names(plan))
    return write_parts(plan, parts(plan))


def _keep_own_files(out: Path, staging: Path) -> None:
    """Files the planner keeps in the folder (not herplan's) stay where they are."""
    for entry in sorted(out.iterdir()):
        if entry.name in OWN or entry.name.startswith("."):
            continue
        target = staging / entry.name
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(source: Path | str, target: Path | str) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def check_planning_folder(out: Path) -> None:
    """Refuse a folder that holds something else than a planning (nothing is touched)."""
    if not is_planning_folder(out):
        raise InputError(
            [
                f"{out}: folder exists and is not a herplan planning folder; choose a new or "
                "empty folder"
            ]
        )


@contextmanager
def held_planning_folder(out: Path) -> Iterator[list[str]]:
    """Hold ``out`` for one run: locked, and repaired once (what was put back, in words).

    What an interrupted run left beside the folder is put back or removed before
    a rerun reads the previous plan, so a run killed in the middle of the swap
    never makes the next one start again at revision 1.
    """
    with folder_lock(out):
        notes = recover_folder(out)
        check_planning_folder(out)
        yield notes


def write_held_folder(
    plan: Plan, out: Path, source: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """Write every file into the folder this run holds, with the input's ``source`` copy;
    the previous revision moves to ``revisies/<n>/``. The swap is atomic: an
    interrupted run leaves the folder as it was.
    """
    files = {**planning_files(plan), **(source or {})}
    _swap_in(plan, out, files)
    return files


def write_planning_folder(plan: Plan, out: Path) -> dict[str, bytes]:
    """Hold ``out`` and write ``plan`` into it (the library's call for a plan in hand)."""
    with held_planning_folder(out):
        return write_held_folder(plan, out)


def _swap_in(plan: Plan, out: Path, files: dict[str, bytes]) -> None:
    with staged_folder(out) as staging:
        if out.is_dir():
            _keep_own_files(out, staging)
        if plan.revision > 1 and (out / "plan.json").exists():
            kept = staging / REVISIONS
            if (out / REVISIONS).is_dir():
                shutil.copytree(out / REVISIONS, kept)
            previous = kept / str(plan.revision - 1)
            previous.mkdir(parents=True, exist_ok=True)
            for name in sorted(OWN - {REVISIONS}):
                source = out / name
                if source.is_dir():
                    shutil.copytree(source, previous / name)
                elif source.is_file():
                    shutil.copy2(source, previous / name)
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
