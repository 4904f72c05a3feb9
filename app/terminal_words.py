"""The words the terminal prints (the summary after a run, progress, ``herplan send``),
Dutch and English side by side; looked up with the files' words (``io/words.py``),
which the terminal shows too."""

from __future__ import annotations

from herplan.io.words import FILES, Catalogue

TERMINAL: dict[str, tuple[str, str]] = {
    # The terminal summary after a run
    "sum_cases": ("Herindicaties", "Reassessments"),
    "sum_cases_split": (
        "({open} open, {withdrawn} ingetrokken)",
        "({open} open, {withdrawn} withdrawn)",
    ),
    "sum_planned": ("Ingepland", "Planned"),
    "sum_reassessments": ("herindicaties", "reassessments"),
    "sum_held": ("(waarvan {n} al gehouden)", "({n} of them held already)"),
    "sum_held_gone": (
        "+ {n} al gehouden van rijen die niet meer in de invoer staan",
        "+ {n} held already of rows no longer in the input",
    ),
    "sum_period_begun": (
        "De periode is al begonnen (vandaag is {today}): gepland is alleen van {first} tot en met {end}.",
        "The period has begun (today is {today}): only {first} up to and including {end} was planned.",
    ),
    "sum_period_held": (
        "Wat tot en met vandaag stond, blijft zoals het was.",
        "What stood up to today stays as it was.",
    ),
    "sum_not_planned": ("Niet ingepland", "Not planned"),
    "sum_per_reason": (
        "per hoofdreden, één per herindicatie",
        "by main reason, one per reassessment",
    ),
    "sum_visits": ("Bezoeken", "Visits"),
    "sum_mornings": ("consulent-ochtenden", "consultant-mornings"),
    "sum_fewest": ("ten minste nodig", "at least needed"),
    "sum_location_days": ("Locatiedagen", "Location-days"),
    "sum_quality": ("Hoe dicht bij het best mogelijke", "How close to the best possible"),
    "sum_revision": ("Revisie {n}: {count} wijzigingen", "Revision {n}: {count} changes"),
    "sum_moves": (
        "Verplaatst om ruimte te maken voor een ander gesprek: {n}",
        "Moved to make room for another interview: {n}",
    ),
    "sum_moves_proven": ("het minst mogelijke (bewezen)", "the fewest possible (proven)"),
    "sum_moves_bound": ("ten minste nodig: {n}", "at least needed: {n}"),
    "sum_answers": ("Antwoorden van aanbieders", "Provider answers"),
    "sum_conflicts": (
        "Conflicten (bevestigd, maar kan niet blijven)",
        "Conflicts (confirmed, but cannot stay)",
    ),
    "sum_stale": (
        "Niet toegepast: antwoord op een oudere versie van het blad",
        "Not applied: answer on an older version of the sheet",
    ),
    "sum_late": (
        "Niet toegepast: antwoord op een gesprek dat al is geweest",
        "Not applied: answer on an interview that was held already",
    ),
    "sum_answer_conflicts": (
        "Blad en online verschillend beantwoord (het laatste antwoord telt)",
        "Sheet and online answers differ (the later answer counts)",
    ),
    "sum_time": ("Rekentijd", "Time"),
    "sum_seconds": ("s", "s"),
    "sum_phases": ("Rekenfasen", "Solver phases"),
    "sum_kind_verplaatst": ("verplaatst", "moved"),
    "sum_kind_geannuleerd": ("geannuleerd", "cancelled"),
    "sum_kind_nieuw": ("nieuw", "new"),
    "sum_kind_niet_meer_inplanbaar": ("niet meer inplanbaar", "no longer plannable"),
    "sum_kind_bevestigd": ("bevestigd", "confirmed"),
    "sum_kind_niet_mogelijk": ("gevraagd, niet mogelijk", "asked, not possible"),
    "sum_outbox": ("E-mail", "E-mail"),
    "sum_outbox_count": (
        "{n} bericht(en) klaar in uitgaand/: {requests} uitnodiging(en), {cancels} annulering(en); versturen met: herplan send <planningsmap>",
        "{n} message(s) ready in uitgaand/: {requests} invitation(s), {cancels} cancellation(s); send them with: herplan send <planning folder>",
    ),
    "sum_outbox_none": ("geen nieuwe berichten in uitgaand/", "no new messages in uitgaand/"),
    "sum_outbox_off": (
        "geen uitnodigingen per e-mail: vul organisator_email in op het blad Instellingen",
        "no invitations by e-mail: fill in organisator_email on sheet Instellingen",
    ),
    "sum_no_address": (
        "{n} afspraak/afspraken zonder e-mailadres van begeleider of contactpersoon (alleen in het agendabestand van de aanbieder)",
        "{n} appointment(s) without an e-mail address of begeleider or contact (only in the provider's calendar file)",
    ),
    # Progress while solving
    "progress_planned": ("ingepland", "planned"),
    "progress_of": ("van max.", "of at most"),
    "progress_left": ("nog", "left"),
    # The summary of herplan send
    "send_would": ("Zou versturen", "Would send"),
    "send_sent": ("Verstuurd", "Sent"),
    "send_already": ("Overgeslagen, al eerder verstuurd", "Skipped, sent before"),
    "send_superseded": (
        "Overgeslagen, vervangen door een nieuwer bericht",
        "Skipped, replaced by a newer message",
    ),
    "send_not_needed": (
        "Overgeslagen, annulering van iets dat nooit verstuurd is",
        "Skipped, cancellation of something never sent",
    ),
    "send_passed": (
        "Niet verstuurd: het gesprek is vandaag of al geweest",
        "Not sent: the interview is today or has been held",
    ),
    "send_failed": (
        "Mislukt (blijft klaarstaan voor de volgende keer)",
        "Failed (kept for the next send)",
    ),
    "send_nothing": (
        "Niets te versturen: alles in uitgaand/ is al verstuurd.",
        "Nothing to send: everything in uitgaand/ has been sent.",
    ),
    "send_log": ("Vastgelegd in", "Recorded in"),
    # Progress of herplan capacity (README, Capacity advice)
    "cap_progress_region": (
        "capaciteit: de planning en de mogelijke extra ochtenden ingelezen",
        "capacity: the plan and the possible extra mornings read",
    ),
    "cap_progress_points": (
        "capaciteit: {n} punten van de kromme",
        "capacity: {n} points of the curve",
    ),
    "cap_progress_bounds": (
        "capaciteit: bewezen grenzen {done} van {of}",
        "capacity: proven bounds {done} of {of}",
    ),
    "cap_progress_plans": (
        "capaciteit: planning per punt {done} van {of}",
        "capacity: plan per point {done} of {of}",
    ),
    "cap_progress_scenario": ("scenario {name}: {what}", "scenario {name}: {what}"),
    "cap_progress_started": ("gestart", "started"),
    "cap_progress_done": ("klaar", "done"),
}

_TERMINAL = Catalogue(FILES, TERMINAL)
WORDS = _TERMINAL.by_language
section = _TERMINAL.section
