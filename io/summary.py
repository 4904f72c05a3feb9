"""The summary a planner reads after a run, in the planning's language (``taal``).

Planned and not planned (one main reason per reassessment, so the counts add
up), visits and location-days, how close the plan is to the best possible,
and on a rerun what changed, with every provider answer and conflict. Solver
internals (each phase's status, objective and bound) only when ``verbose``.
"""

from __future__ import annotations

from collections import Counter

from herplan.constraints.weights import MOVE_DAY
from herplan.io.outbox import can_mail, messages, uninvited
from herplan.io.plan_json import consultant_name, overall_status
from herplan.io.sentences import REASON_NAMES, answer_summary
from herplan.scheduler.domain import Plan, SolveStats

WORDS = {
    "nl": {
        "cases": "Herindicaties",
        "cases_split": "({open} open, {withdrawn} ingetrokken)",
        "planned": "Ingepland",
        "reassessments": "herindicaties",
        "not_planned": "Niet ingepland",
        "per_reason": "per hoofdreden, één per herindicatie",
        "visits": "Bezoeken",
        "mornings": "consulent-ochtenden",
        "fewest": "minimaal mogelijk",
        "location_days": "Locatiedagen",
        "quality": "Hoe dicht bij het best mogelijke",
        "all_proven": "het hoogst mogelijke aantal (bewezen)",
        "of_most": "{share} van het hoogst mogelijke ({upper})",
        "unknown": "niet vastgesteld: de rekentijd was te kort",
        "visits_proven": "bezoeken minimaal (bewezen)",
        "visits_of": "{extra} bezoek(en) boven het minimum ({fewest})",
        "revision": "Revisie {n}: {count} wijzigingen",
        "moves": "Verplaatst om ruimte te maken voor een ander gesprek: {n}",
        "moves_proven": "het minst mogelijke (bewezen)",
        "moves_bound": "ten minste nodig: {n}",
        "answers": "Antwoorden van aanbieders",
        "conflicts": "Conflicten (bevestigd, maar kan niet blijven)",
        "stale": "Niet toegepast: antwoord op een oudere versie van het blad",
        "moved_because": "verplaatst",
        "time": "Rekentijd",
        "seconds": "s",
        "phases": "Rekenfasen",
        "kind_verplaatst": "verplaatst",
        "kind_geannuleerd": "geannuleerd",
        "kind_nieuw": "nieuw",
        "kind_niet_meer_inplanbaar": "niet meer inplanbaar",
        "kind_bevestigd": "bevestigd",
        "outbox": "E-mail",
        "outbox_count": "{n} bericht(en) klaar in uitgaand/: {requests} uitnodiging(en), "
        "{cancels} annulering(en); versturen met: herplan send <planningsmap>",
        "outbox_none": "geen nieuwe berichten in uitgaand/",
        "outbox_off": "geen uitnodigingen per e-mail: vul organisator_email in op het blad "
        "Instellingen",
        "no_address": "{n} afspraak/afspraken zonder e-mailadres van begeleider of "
        "contactpersoon (alleen in het agendabestand van de aanbieder)",
    },
    "en": {
        "cases": "Reassessments",
        "cases_split": "({open} open, {withdrawn} withdrawn)",
        "planned": "Planned",
        "reassessments": "reassessments",
        "not_planned": "Not planned",
        "per_reason": "by main reason, one per reassessment",
        "visits": "Visits",
        "mornings": "consultant-mornings",
        "fewest": "fewest possible",
        "location_days": "Location-days",
        "quality": "How close to the best possible",
        "all_proven": "the most possible (proven)",
        "of_most": "{share} of the most possible ({upper})",
        "unknown": "not established: the time was too short",
        "visits_proven": "visits minimal (proven)",
        "visits_of": "{extra} visit(s) above the minimum ({fewest})",
        "revision": "Revision {n}: {count} changes",
        "moves": "Moved to make room for another interview: {n}",
        "moves_proven": "the fewest possible (proven)",
        "moves_bound": "at least needed: {n}",
        "answers": "Provider answers",
        "conflicts": "Conflicts (confirmed, but cannot stay)",
        "stale": "Not applied: answer on an older version of the sheet",
        "moved_because": "moved",
        "time": "Time",
        "seconds": "s",
        "phases": "Solver phases",
        "kind_verplaatst": "moved",
        "kind_geannuleerd": "cancelled",
        "kind_nieuw": "new",
        "kind_niet_meer_inplanbaar": "no longer plannable",
        "kind_bevestigd": "confirmed",
        "outbox": "E-mail",
        "outbox_count": "{n} message(s) ready in uitgaand/: {requests} invitation(s), "
        "{cancels} cancellation(s); send them with: herplan send <planning folder>",
        "outbox_none": "no new messages in uitgaand/",
        "outbox_off": "no invitations by e-mail: fill in organisator_email on sheet Instellingen",
        "no_address": "{n} appointment(s) without an e-mail address of begeleider or "
        "contact (only in the provider's calendar file)",
    },
}


def _phase(plan: Plan, name: str) -> SolveStats | None:
    return next((p for p in plan.phases if p.name == name), None)


def _percent(value: float, lang: str) -> str:
    text = f"{value:.1%}"
    return text.replace(".", ",") if lang == "nl" else text


def quality_lines(plan: Plan, lang: str) -> list[str]:
    w = WORDS[lang]
    lines = []
    count, visits = _phase(plan, "most_reassessments"), _phase(plan, "clustering")
    if count is not None:  # the bound is proven even where the search had no time
        if count.bound is None:
            lines.append(w["unknown"])
        elif count.objective >= count.bound:
            lines.append(w["all_proven"])
        else:
            share = _percent(count.objective / count.bound if count.bound else 1, lang)
            lines.append(w["of_most"].format(share=share, upper=int(count.bound)))
    if visits is not None and visits.bound is not None:
        if visits.objective <= visits.bound:
            lines.append(w["visits_proven"])
        else:
            lines.append(w["visits_of"].format(extra=int(visits.objective - visits.bound),
                                               fewest=int(visits.bound)))  # fmt: skip
    return lines


def _moves_lines(plan: Plan, w: dict[str, str]) -> list[str]:
    """How many untouched appointments moved to make room, against the fewest possible.

    Objective 2 (stability) counts a move to another day as ``MOVE_DAY``, so its
    proven bound in those units gives a bound on the number of moves.
    """
    moved = sum(1 for c in plan.changes if c.made_room_for)
    if not moved:
        return []
    text = "  " + w["moves"].format(n=moved)
    stability = _phase(plan, "stability")
    if stability is not None and stability.status == "OPTIMAL":
        text += f" ({w['moves_proven']})"
    elif stability is not None and stability.bound:
        text += " (" + w["moves_bound"].format(n=-(-int(stability.bound) // MOVE_DAY)) + ")"
    return [text]


def _outbox_lines(plan: Plan, w: dict[str, str]) -> list[str]:
    """What the e-mail outbox holds, or why there is none (SPEC §4)."""
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


def summary_text(plan: Plan, seconds: float, verbose: bool = False) -> str:
    lang = plan.problem.settings.language if plan.problem.settings.language in WORDS else "nl"
    w = WORDS[lang]
    cases = plan.problem.reassessments
    withdrawn = sum(1 for r in cases if r.withdrawn)
    split = w["cases_split"].format(open=len(cases) - withdrawn, withdrawn=withdrawn)
    lines = [
        f"{w['cases']:<16} {len(cases):>5} {split}",
        f"{w['planned']:<16} {len(plan.appointments):>5} {w['reassessments']}",
        f"{w['not_planned']:<16} {len(plan.unscheduled):>5} ({w['per_reason']})",
    ]
    main = Counter(u.main_reason for u in plan.unscheduled)
    for code, n in sorted(main.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {REASON_NAMES[lang][code]:<34} {n:>5}")
    visits = _phase(plan, "clustering")
    fewest = f" ({w['fewest']}: {int(visits.bound)})" if visits and visits.bound else ""
    lines += [
        f"{w['visits']:<16} {plan.visits:>5} {w['mornings']}{fewest}",
        f"{w['location_days']:<16} {plan.location_days:>5}",
        f"{w['quality']}: " + "; ".join(quality_lines(plan, lang)),
    ]
    if plan.revision > 1:
        kinds = Counter(c.kind for c in plan.changes if c.kind != "bevestigd")
        lines.append(
            w["revision"].format(n=plan.revision, count=sum(kinds.values()))
            + (" — " if kinds else "")
            + ", ".join(f"{w['kind_' + k]} {n}" for k, n in sorted(kinds.items()))
        )
        lines += _moves_lines(plan, w)
        answers = [c for c in plan.changes if c.cause in ("nee", "confirmed")]
        if answers:
            lines.append(f"  {w['answers']}:")
            for c in answers:
                lines.append(
                    "    " + answer_summary(c, lang, lambda cid: consultant_name(plan, cid))
                )
        conflicts = [c for c in plan.changes if c.conflict]
        if conflicts:
            lines.append(f"  {w['conflicts']}:")
            lines += [f"    {c.dossier} ({c.provider})" for c in conflicts]
        if plan.stale:
            lines.append(f"  {w['stale']}:")
            lines += [f"    {s.verdict.dossier} ({s.verdict.source})" for s in plan.stale]
    lines += _outbox_lines(plan, w)
    lines.append(f"{w['time']:<16} {seconds:>5.1f} {w['seconds']}")
    if verbose:
        lines.append(f"{w['phases']} ({overall_status(plan.phases)}):")
        for p in plan.phases:
            bound = "–" if p.bound is None else f"{p.bound:,.0f}"
            gap = "–" if p.gap is None else f"{p.gap:.2%}"
            lines.append(f"  {p.name:<20} {p.status:<9} {p.objective:>14,.0f} {bound:>14} {gap:>8}")
    return "\n".join(lines)
