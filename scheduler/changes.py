"""What changed since the previous revision, and why (SPEC §6, sheet ``Wijzigingen``).

Every previous appointment that is not exactly where it was gets one line:
moved (with the cause: the consultant is away, the location is closed, the
provider said ``nee``, or it made room for more reassessments), cancelled (the
reassessment was withdrawn) or no longer plannable (with the reason); every
appointment that is new gets one line too. Dropped appointments are returned
with SEQUENCE raised, for the calendar cancellations.
"""

from __future__ import annotations

from dataclasses import replace

from herplan.scheduler.domain import Appointment, Change, Rerun, Unscheduled
from herplan.scheduler.explain import long_date
from herplan.scheduler.model import PlanModel

CAUSES = {
    "nl": {
        "nee": "De aanbieder meldde dat het gesprek niet haalbaar is{remark}.",
        "absent": "De consulent is niet beschikbaar op {day}.",
        "locatie_gesloten": "De locatie is gesloten op {day}.",
        "client_niet_beschikbaar": "De cliënt is niet beschikbaar op {day}.",
        "rule": "Het gesprek kan niet meer op {day}.",
        "time": "Andere tijd in dezelfde ochtend.",
        "more": "Verplaatst om meer herindicaties in te plannen.",
        "new": "Nieuw ingepland.",
        "withdrawn": "De herindicatie is ingetrokken.",
        "gone": "De herindicatie staat niet meer in de invoer.",
    },
    "en": {
        "nee": "The provider reported the interview is not feasible{remark}.",
        "absent": "The consultant is not available on {day}.",
        "locatie_gesloten": "The location is closed on {day}.",
        "client_niet_beschikbaar": "The client is not available on {day}.",
        "rule": "The interview can no longer be held on {day}.",
        "time": "Another time in the same morning.",
        "more": "Moved so that more reassessments could be planned.",
        "new": "Newly planned.",
        "withdrawn": "The reassessment was withdrawn.",
        "gone": "The reassessment is no longer in the input.",
    },
}


def _cause(before: Appointment, after: Appointment | None, pm: PlanModel, rerun: Rerun) -> str:
    lang = pm.settings.language
    text = CAUSES.get(lang, CAUSES["nl"])
    day = long_date(before.day, lang)
    verdict = rerun.verdict(before.dossier)
    if verdict is not None and not verdict.feasible:
        return text["nee"].format(remark=f": {verdict.remark}" if verdict.remark else "")
    if before.consultant not in pm.available.get(before.day, []):
        return text["absent"].format(day=day)
    index = next((i for i, r in enumerate(pm.reassessments) if r.dossier == before.dossier), None)
    codes = pm.excluded.get(index, {}).get(before.day, ()) if index is not None else ()
    for code in ("locatie_gesloten", "client_niet_beschikbaar"):
        if code in codes:
            return text[code].format(day=day)
    if codes:
        return text["rule"].format(day=day)
    if after is not None and (after.consultant, after.day) == (before.consultant, before.day):
        return text["time"]
    return text["more"]


def changes_since(
    rerun: Rerun,
    appointments: list[Appointment],
    unscheduled: list[Unscheduled],
    pm: PlanModel,
) -> tuple[tuple[Change, ...], tuple[Appointment, ...]]:
    """The change list and the dropped (cancelled) appointments of a rerun."""
    text = CAUSES.get(pm.settings.language, CAUSES["nl"])
    now = {a.dossier: a for a in appointments}
    why_not = {u.dossier: u for u in unscheduled}
    withdrawn = {r.dossier for r in pm.problem.reassessments if r.withdrawn}
    changes: list[Change] = []
    cancelled: list[Appointment] = []
    for before in sorted(rerun.previous, key=lambda a: (a.day, a.start, a.dossier)):
        after = now.get(before.dossier)
        if after is not None:
            where = (after.consultant, after.day, after.start, after.end, after.location)
            if where != (before.consultant, before.day, before.start, before.end, before.location):
                changes.append(
                    Change(before.dossier, before.provider, "verplaatst",
                           _cause(before, after, pm, rerun), before, after)
                )  # fmt: skip
            continue
        cancelled.append(replace(before, sequence=before.sequence + 1))
        if before.dossier in withdrawn:
            kind, reason = "geannuleerd", text["withdrawn"]
        elif before.dossier in why_not:
            explanation = why_not[before.dossier]
            kind = "niet_meer_inplanbaar"
            lang_text = (
                explanation.explanation
                if pm.settings.language == "nl"
                else (explanation.explanation_en)
            )
            cause = _cause(before, None, pm, rerun)
            reason = lang_text if cause == text["more"] else f"{cause} {lang_text}"
        else:
            kind, reason = "geannuleerd", text["gone"]
        changes.append(Change(before.dossier, before.provider, kind, reason, before, None))
    for after in sorted(appointments, key=lambda a: (a.day, a.start, a.dossier)):
        if rerun.previous_of(after.dossier) is None:
            changes.append(Change(after.dossier, after.provider, "nieuw", text["new"], None, after))
    return tuple(changes), tuple(cancelled)
