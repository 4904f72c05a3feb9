"""The summary a planner reads after a run, in the planning's language (``taal``).

Planned and not planned (one main reason per reassessment, so the counts add
up), visits and location-days, how close the plan is to the best possible,
and on a rerun what changed, with every provider answer and conflict. Solver
internals (each phase's status, objective and bound) only when ``verbose``.
"""

from __future__ import annotations

from collections import Counter

from herplan.app.terminal_words import section
from herplan.constraints.weights import MOVE_DAY
from herplan.domain.appointment import first_open_day
from herplan.domain.codes import Cause, ChangeKind, PhaseStatus
from herplan.domain.plan import Plan
from herplan.io.finding_words import english
from herplan.io.invitations import can_mail, uninvited
from herplan.io.outbox import messages
from herplan.io.plan_json import consultant_name, overall_status
from herplan.io.sentences import (
    answer_summary,
    long_date,
    phase_in,
    quality_lines,
    reason_name,
)
from herplan.io.words import language_of


def _moves_lines(plan: Plan, w: dict[str, str]) -> list[str]:
    """How many untouched appointments moved to make room, against the fewest possible.

    Objective 2 (stability) counts a move to another day as ``MOVE_DAY``, so its
    proven bound in those units gives a bound on the number of moves.
    """
    moved = sum(1 for c in plan.changes if c.made_room_for)
    if not moved:
        return []
    text = "  " + w["moves"].format(n=moved)
    stability = next((p for p in plan.phases if p.unit == "moves"), None)
    if stability is not None and stability.status == PhaseStatus.OPTIMAL:
        text += f" ({w['moves_proven']})"
    elif stability is not None and stability.bound:
        text += " (" + w["moves_bound"].format(n=-(-int(stability.bound) // MOVE_DAY)) + ")"
    return [text]


def _outbox_lines(plan: Plan, w: dict[str, str]) -> list[str]:
    """What the e-mail outbox holds, or why there is none (README, Outputs)."""
    if not can_mail(plan):
        return [f"{w['outbox']:<16} {w['outbox_off']}"]
    sent = Counter(m.method for m in messages(plan))
    text = (
        w["outbox_count"].format(
            n=sum(sent.values()), requests=sent["REQUEST"], cancels=sent["CANCEL"]
        )
        if sent
        else w["outbox_none"]
    )
    lines = [f"{w['outbox']:<16} {text}"]
    missing = len(uninvited(plan))
    if missing:
        lines.append("  " + w["no_address"].format(n=missing))
    return lines


def _period_lines(plan: Plan, w: dict[str, str]) -> list[str]:
    """A period that has begun is planned from tomorrow on: say so (README, Today)."""
    s = plan.problem.settings
    if plan.today is None or plan.today < s.period_start:
        return []
    lang = s.language
    begun = w["period_begun"].format(
        today=long_date(plan.today, lang),
        first=long_date(first_open_day(plan.today), lang),
        end=long_date(s.period_end, lang),
    )
    return [begun + (" " + w["period_held"] if plan.revision > 1 else "")]


def summary_text(plan: Plan, seconds: float, verbose: bool = False) -> str:
    lang = language_of(plan.problem.settings.language)
    w = section(lang, "sum_")
    cases = plan.problem.reassessments
    withdrawn = sum(1 for r in cases if r.withdrawn)
    split = w["cases_split"].format(open=len(cases) - withdrawn, withdrawn=withdrawn)
    held = sum(1 for a in plan.appointments if plan.held(a))
    of_which = " " + w["held"].format(n=held) if held else ""
    on_input = {r.dossier for r in cases}
    gone = sum(1 for a in plan.appointments if plan.held(a) and a.dossier not in on_input)
    split += " " + w["held_gone"].format(n=gone) if gone else ""  # the counts add up
    lines = [
        *_period_lines(plan, w),
        f"{w['cases']:<16} {len(cases):>5} {split}",
        f"{w['planned']:<16} {len(plan.appointments):>5} {w['reassessments']}{of_which}",
        f"{w['not_planned']:<16} {len(plan.unscheduled):>5} ({w['per_reason']})",
    ]
    main = Counter(u.main_reason for u in plan.unscheduled)
    for code, n in sorted(main.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {reason_name(code, lang):<34} {n:>5}")
    visits = phase_in(plan, "visits")
    fewest = f" ({w['fewest']}: {int(visits.bound)})" if visits and visits.bound else ""
    lines += [
        f"{w['visits']:<16} {plan.visits:>5} {w['mornings']}{fewest}",
        f"{w['location_days']:<16} {plan.location_days:>5}",
        f"{w['quality']}: " + "; ".join(quality_lines(plan, lang)),
    ]
    if plan.revision > 1:
        lines += _revision_lines(plan, w, lang)
    lines += _outbox_lines(plan, w)
    lines.append(f"{w['time']:<16} {seconds:>5.1f} {w['seconds']}")
    if verbose:
        lines.append(f"{w['phases']} ({overall_status(plan.phases)}):")
        for p in plan.phases:
            bound = "–" if p.bound is None else f"{p.bound:,.0f}"
            gap = "–" if p.gap is None else f"{p.gap:.2%}"
            lines.append(f"  {p.name:<20} {p.status:<9} {p.objective:>14,.0f} {bound:>14} {gap:>8}")
    return "\n".join(lines)


ANSWERED = (Cause.DECLINED, Cause.SAME_DAY, Cause.CONFIRMED)  # a provider's answer taken


def _revision_lines(plan: Plan, w: dict[str, str], lang: str) -> list[str]:
    """What a rerun changed: the count per kind, the moves, the answers taken and what
    the planner should look at (conflicts, stale and late answers)."""
    lines: list[str] = []
    kinds = Counter(c.kind for c in plan.changes if c.kind != ChangeKind.CONFIRMED)
    lines.append(
        w["revision"].format(n=plan.revision, count=sum(kinds.values()))
        + (" — " if kinds else "")
        + ", ".join(f"{w['kind_' + k]} {n}" for k, n in sorted(kinds.items()))
    )
    lines += _moves_lines(plan, w)
    answers = [c for c in plan.changes if c.cause in ANSWERED]
    if answers:
        lines.append(f"  {w['answers']}:")
        for c in answers:
            lines.append("    " + answer_summary(c, lang, lambda cid: consultant_name(plan, cid)))
    conflicts = [c for c in plan.changes if c.conflict]
    if conflicts:
        lines.append(f"  {w['conflicts']}:")
        lines += [f"    {c.dossier} ({c.provider})" for c in conflicts]
    if plan.stale:
        lines.append(f"  {w['stale']}:")
        lines += [f"    {s.verdict.dossier} ({s.verdict.source})" for s in plan.stale]
    if plan.late:
        lines.append(f"  {w['late']}:")
        lines += [f"    {v.dossier} ({v.source})" for v in plan.late]
    if plan.answer_conflicts:
        lines.append(f"  {w['answer_conflicts']}:")
        lines += [f"    {line}" for line in english(list(plan.answer_conflicts))]
    return lines
