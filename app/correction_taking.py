"""The planner decides on the providers' corrections (README, Corrections).

Taking or rejecting is recorded in the store first; the taken ones are then
written into a corrected copy of the input (``io.input_corrections``), which the
next rerun plans from. If that copy cannot be written, the decisions are undone:
a correction is taken only when the input that holds it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from herplan import clock
from herplan.app.stores.corrections import CorrectionStore, correction_store_of
from herplan.app.suggest import _problem, input_of
from herplan.corrections import Correction, Refusal, refusals
from herplan.domain.codes import CorrectionStatus
from herplan.domain.problem import Problem
from herplan.io.atomic import write_bytes_atomic
from herplan.io.errors import InputError
from herplan.io.input_corrections import corrected_input
from herplan.io.source import file_digest

DECIDED = (CorrectionStatus.TAKEN, CorrectionStatus.REJECTED)


@dataclass(frozen=True)
class Decided:
    """What one decision did: the corrections it decided and the input it wrote."""

    taken: tuple[Correction, ...]
    rejected: tuple[Correction, ...]
    written: Path | None


def problem_of(input_path: Path, today: date) -> Problem:
    """The input as the planning's rules read it (cached by its digest)."""
    return _problem(input_path, file_digest(input_path), today)


def store_for(folder: Path) -> CorrectionStore:
    """The corrections of the planning in ``folder`` (a planning folder or its data folder)."""
    return CorrectionStore(correction_store_of(folder))


def propose(
    store: CorrectionStore,
    problem: Problem,
    provider: str,
    fields: dict[str, str],
    source: str,
    today: date,
) -> list[Refusal] | int:
    """Check and store one proposal (``dossier``, ``soort``, ``waarde``): its id, or why not."""
    dossier, kind = fields.get("dossier", "").strip(), fields.get("soort", "").strip()
    value = fields.get("waarde", "").strip()
    refused = refusals(problem, provider, dossier, kind, value, today)
    if refused:
        return refused
    return store.propose(provider, dossier, kind, value, source)


def decide(
    folder: Path,
    take: list[int] | None,
    reject: list[int],
    by: str,
    out: Path,
    input_path: Path | None = None,
    lang: str = "nl",
) -> Decided:
    """Take ``take`` (None: every open one) and reject ``reject``, then write the input
    with every taken correction to ``out``. ``folder`` is the planning folder."""
    source = input_path or input_of(folder)[0]
    store = store_for(folder)
    open_ids = [c.id for c in store.listed(status=CorrectionStatus.OPEN)]
    unknown = sorted((set(take or []) | set(reject)) - set(open_ids))
    if unknown:
        raise InputError([f"correction {n}: not open (see herplan corrections)" for n in unknown])
    rejected = store.decide(reject, CorrectionStatus.REJECTED, by) if reject else []
    chosen = [n for n in (open_ids if take is None else take) if n not in reject]
    taken = store.decide(chosen, CorrectionStatus.TAKEN, by) if chosen else []
    decided = [c for c in store.listed() if c.status in DECIDED]
    problem = problem_of(source, clock.today())
    provider_of = {r.dossier: r.provider for r in problem.reassessments}
    now = {c.id for c in taken}  # the input holds the ones taken before
    try:
        write_bytes_atomic(out, corrected_input(source, decided, provider_of, lang, now))
    except BaseException:
        store.undo([c.id for c in (*taken, *rejected)])
        raise
    return Decided(tuple(taken), tuple(rejected), out)
