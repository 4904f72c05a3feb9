"""Every word a planner or provider reads in a file.

Dutch by default, English with ``taal = en``.
"""

from __future__ import annotations

WEEKDAY_NAMES = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
WEEKDAY_SHORT = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "sheet_planning": "Planning",
        "sheet_roster": "Rooster",
        "sheet_unplanned": "Niet ingepland",
        "sheet_plans": "Ondersteuningsplannen",
        "sheet_figures": "Kengetallen",
        "date": "Datum",
        "weekday": "Dag",
        "from": "Van",
        "to": "Tot",
        "consultant": "Consulent",
        "consultant_name": "Naam consulent",
        "provider": "Aanbieder",
        "location": "Locatie",
        "address": "Adres",
        "dossier": "Dossier",
        "client": "Cliënt",
        "begeleider": "Begeleider",
        "with": "Gesprek met",
        "with_client": "cliënt",
        "with_begeleider": "begeleider",
        "writeup_from": "Uitwerken van",
        "writeup_to": "Uitwerken tot",
        "indication_end": "Einddatum indicatie",
        "reasons": "Redencodes",
        "explanation": "Toelichting",
        "plan_date": "Datum ondersteuningsplan",
        "valid_until": "Geldig t/m",
        "promised": "Nieuw plan toegezegd",
        "needed_by": "Nieuw plan nodig uiterlijk",
        "planned_on": "Gesprek gepland op",
        "note": "Let op",
        "figure": "Kengetal",
        "value": "Waarde",
        "scheduled": "Ingepland",
        "unscheduled": "Niet ingepland",
        "visits": "Bezoeken (consulent-ochtenden)",
        "location_days": "Locatiedagen",
        "status": "Uitkomst",
        "quality": "Hoe dicht bij het best mogelijke",
        "main_reason": "Hoofdreden niet ingepland",
        "phase": "Fase",
        "objective": "Bereikt",
        "bound": "Best mogelijke (bewezen grens)",
        "reason": "Reden",
        "count": "Aantal",
        "available_mornings": "Beschikbare ochtenden",
        "interviews": "Gesprekken",
        "load": "Gesprekken per inzetbare ochtend",
        "sheet_load": "Belasting",
        "sheet_technical": "Technisch",
        "usable_mornings": "Inzetbare ochtenden (met weekmaximum)",
        "used_mornings": "Ochtenden met gesprekken",
        "load_mark": "Opvallend",
        "load_high": "veel meer dan de rest",
        "load_low": "veel minder dan de rest",
        "load_note": "Opvallend: meer dan {share} boven of onder de mediaan van {median} "
        "gesprekken per inzetbare ochtend. Inzetbaar: beschikbaar (werkdag, niet afwezig) en "
        "binnen het maximum aantal ochtenden per week.",
        "cases_total": "Herindicaties in het bestand",
        "cases_open": "waarvan open",
        "cases_withdrawn": "waarvan ingetrokken",
        "by_reason": "hoofdreden:",
        "fewest_visits": "Minimaal mogelijke bezoeken",
        "code": "Code",
        "gap": "Verschil met de grens",
        "seconds": "Rekentijd (s)",
        "solver_status": "Status van de rekenmachine",
        "absent": "afwezig",
        "sheet_changes": "Wijzigingen",
        "kind": "Soort",
        "kind_verplaatst": "verplaatst",
        "kind_geannuleerd": "geannuleerd",
        "kind_nieuw": "nieuw ingepland",
        "kind_niet_meer_inplanbaar": "niet meer inplanbaar",
        "kind_bevestigd": "bevestigd (ja)",
        "old_date": "Oude datum",
        "old_time": "Oude tijd",
        "old_consultant": "Oude consulent",
        "new_date": "Nieuwe datum",
        "new_time": "Nieuwe tijd",
        "new_consultant": "Nieuwe consulent",
        "summary_cancelled": "Geannuleerd: herindicatiegesprek {dossier}",
        # provider workbook and calendars
        "sheet_action": "Actie nodig",
        "sheet_guide": "Toelichting",
        "feasible": "Haalbaar",
        "remark": "Opmerking",
        "yes": "ja",
        "no": "nee",
        "plan_status": "Ondersteuningsplan",
        "plan_current": "actueel (van {date})",
        "plan_new_needed": "nieuw plan nodig uiterlijk {date}",
        "action": "Actie",
        "action_renew": "Ondersteuningsplan vernieuwen",
        "action_unplanned": "Niet ingepland",
        "deadline": "Uiterlijk",
        "interview": "Herindicatiegesprek",
        "writeup": "Uitwerken herindicatie",
        "summary_provider": "Herindicatiegesprek {dossier} ({client})",
        "summary_consultant": "Herindicatie {dossier} – {location}",
        "summary_writeup": "Uitwerken herindicatie {dossier}",
        "desc_dossier": "Dossier",
        "desc_client": "Cliënt",
        "desc_begeleider": "Begeleider",
        "desc_with": "Gesprek met",
        "desc_consultant": "Consulent",
        "desc_location": "Locatie",
        "desc_with_client": "de cliënt (de begeleider is welkom)",
        "desc_with_begeleider": "de begeleider namens de cliënt",
        "desc_prepare": (
            "Voorbereiden: een ondersteuningsplan dat op {day} niet ouder is dan "
            "{months} maanden (opgesteld op of na {since})."
        ),
        "desc_prepare_renew": (
            "Let op: het huidige ondersteuningsplan is op {day} te oud. Lever uiterlijk "
            "{needed} een nieuw ondersteuningsplan aan."
        ),
        "desc_writeup": "Uitwerken van het herindicatiegesprek met {client} (dossier {dossier}).",
        "guide_title": "Herindicaties december – planning voor {provider}",
        "overview_title": "Herindicaties december – overzicht",
        "legend": "Legenda",
        "legend_visit": "Locatie (n): een bezoek met n gesprekken; de kleur is de aanbieder",
        "legend_absent": "afwezig, vrije dag of feestdag",
        "legend_free": "leeg: beschikbaar, geen gesprekken gepland",
        "print_title": "Herindicaties december – {provider}",
        "feasible_prompt": "Invullen: ja als het gesprek zo door kan gaan, nee als het niet "
        "kan (zet de reden bij Opmerking).",
        "remark_prompt": "Invullen (mag leeg blijven): een toelichting, bijvoorbeeld waarom "
        "het gesprek niet door kan gaan.",
        "guide_planning": "Op het tabblad Planning staan de {n} herindicatiegesprekken die bij "
        "u gepland zijn: datum, tijd, locatie, cliënt, dossier, consulent en begeleider.",
        "guide_nothing": "Er is bij u geen herindicatiegesprek ingepland. Op het tabblad Actie "
        "nodig staat waarom, en wat u kunt doen.",
        "guide_with": "Gesprek met: 'cliënt' betekent dat de cliënt zelf komt; 'begeleider' dat "
        "de begeleider het gesprek namens de cliënt voert.",
        "guide_support_plan": "Ondersteuningsplan: op de dag van het gesprek mag het plan niet "
        "ouder zijn dan {months} maanden. Staat er 'nieuw plan nodig', lever dan uiterlijk op "
        "die datum een nieuw plan aan.",
        "guide_answer": "Vul per gesprek de gele kolommen in: Haalbaar (ja of nee) en zo nodig "
        "Opmerking. Bij 'nee' plannen wij het gesprek opnieuw. Stuur dit bestand ingevuld "
        "terug {by} aan {who}.",
        "guide_by": "uiterlijk {date}",
        "guide_by_now": "zo snel mogelijk",
        "guide_action": "Op het tabblad Actie nodig staan de ondersteuningsplannen die "
        "vernieuwd moeten worden en de herindicaties die niet ingepland konden worden, met de "
        "reden en wat u kunt doen.",
        "guide_changes": "Dit is versie {revision} van de planning. Op het tabblad Wijzigingen "
        "staat wat er sinds de vorige versie is veranderd, en waarom.",
        "guide_cancelled": "Vervallen afspraken: wie het agendabestand zelf importeerde, vindt "
        "per vervallen afspraak een annuleringsbestand in de map geannuleerd/{folder}/.",
        "guide_calendar": "Het bestand {calendar} bevat dezelfde afspraken om in uw agenda te "
        "importeren of af te drukken (Outlook: Bestand › Openen en exporteren › Importeren; "
        "Google Agenda: Instellingen › Importeren).",
        "guide_mail": "De begeleider (of, zonder e-mailadres, de contactpersoon van de "
        "locatie) krijgt elke afspraak ook als uitnodiging per e-mail. Een wijziging of "
        "annulering komt op dezelfde manier en werkt de agenda vanzelf bij.",
        "guide_questions": "Vragen over de planning? Neem contact op met {who}.",
        "guide_office": "Planningsbureau",
        "guide_consultant_locations": "{name}: {locations}",
        "guide_contacts": "Contact",
        "guide_consultants": "Consulenten",
        "guide_locations": "Uw contactpersonen per locatie",
        "guide_version": "Versie",
    },
    "en": {
        "sheet_planning": "Planning",
        "sheet_roster": "Roster",
        "sheet_unplanned": "Not planned",
        "sheet_plans": "Support plans",
        "sheet_figures": "Figures",
        "date": "Date",
        "weekday": "Day",
        "from": "From",
        "to": "To",
        "consultant": "Consultant",
        "consultant_name": "Consultant name",
        "provider": "Provider",
        "location": "Location",
        "address": "Address",
        "dossier": "Dossier",
        "client": "Client",
        "begeleider": "Support worker",
        "with": "Interview with",
        "with_client": "client",
        "with_begeleider": "support worker",
        "writeup_from": "Write-up from",
        "writeup_to": "Write-up to",
        "indication_end": "Indication ends",
        "reasons": "Reason codes",
        "explanation": "Explanation",
        "plan_date": "Support plan date",
        "valid_until": "Valid until",
        "promised": "New plan promised",
        "needed_by": "New plan needed by",
        "planned_on": "Interview planned on",
        "figure": "Figure",
        "value": "Value",
        "scheduled": "Planned",
        "unscheduled": "Not planned",
        "visits": "Visits (consultant-mornings)",
        "location_days": "Location-days",
        "status": "Outcome",
        "quality": "How close to the best possible",
        "main_reason": "Main reason not planned",
        "phase": "Phase",
        "objective": "Reached",
        "bound": "Best possible (proven bound)",
        "reason": "Reason",
        "count": "Count",
        "available_mornings": "Available mornings",
        "interviews": "Interviews",
        "load": "Interviews per usable morning",
        "sheet_load": "Workload",
        "sheet_technical": "Technical",
        "usable_mornings": "Usable mornings (within the weekly cap)",
        "used_mornings": "Mornings with interviews",
        "load_mark": "Stands out",
        "load_high": "far more than the rest",
        "load_low": "far less than the rest",
        "load_note": "Stands out: more than {share} above or below the median of {median} "
        "interviews per usable morning. Usable: available (working day, not absent) and within "
        "the weekly cap of mornings.",
        "cases_total": "Reassessments in the file",
        "note": "Note",
        "cases_open": "of which open",
        "cases_withdrawn": "of which withdrawn",
        "by_reason": "main reason:",
        "fewest_visits": "Fewest possible visits",
        "code": "Code",
        "gap": "Gap to the bound",
        "seconds": "Solve time (s)",
        "solver_status": "Solver status",
        "absent": "absent",
        "sheet_changes": "Changes",
        "kind": "Kind",
        "kind_verplaatst": "moved",
        "kind_geannuleerd": "cancelled",
        "kind_nieuw": "newly planned",
        "kind_niet_meer_inplanbaar": "no longer plannable",
        "kind_bevestigd": "confirmed (yes)",
        "old_date": "Old date",
        "old_time": "Old time",
        "old_consultant": "Old consultant",
        "new_date": "New date",
        "new_time": "New time",
        "new_consultant": "New consultant",
        "summary_cancelled": "Cancelled: reassessment interview {dossier}",
        # provider workbook and calendars
        "sheet_action": "Action needed",
        "sheet_guide": "Read me",
        "feasible": "Feasible",
        "remark": "Remark",
        "yes": "yes",
        "no": "no",
        "plan_status": "Support plan",
        "plan_current": "current (of {date})",
        "plan_new_needed": "new plan needed by {date}",
        "action": "Action",
        "action_renew": "Renew support plan",
        "action_unplanned": "Not planned",
        "deadline": "By",
        "interview": "Reassessment interview",
        "writeup": "Reassessment write-up",
        "summary_provider": "Reassessment interview {dossier} ({client})",
        "summary_consultant": "Reassessment {dossier} – {location}",
        "summary_writeup": "Write-up reassessment {dossier}",
        "desc_dossier": "Dossier",
        "desc_client": "Client",
        "desc_begeleider": "Support worker",
        "desc_with": "Interview with",
        "desc_consultant": "Consultant",
        "desc_location": "Location",
        "desc_with_client": "the client (the support worker is welcome)",
        "desc_with_begeleider": "the support worker on the client's behalf",
        "desc_prepare": (
            "Prepare: a support plan no older than {months} months on {day} "
            "(drawn up on or after {since})."
        ),
        "desc_prepare_renew": (
            "Note: the current support plan is too old on {day}. Deliver a new support plan "
            "by {needed}."
        ),
        "desc_writeup": "Write-up of the reassessment interview with {client} (dossier {dossier}).",
        "guide_title": "December reassessments – planning for {provider}",
        "overview_title": "December reassessments – overview",
        "legend": "Legend",
        "legend_visit": "Location (n): a visit with n interviews; the colour is the provider",
        "legend_absent": "absent, day off or public holiday",
        "legend_free": "empty: available, no interviews planned",
        "print_title": "December reassessments – {provider}",
        "feasible_prompt": "Fill in: yes if the interview can go ahead as planned, no if it "
        "cannot (give the reason under Remark).",
        "remark_prompt": "Fill in (may stay empty): a remark, for instance why the interview "
        "cannot go ahead.",
        "guide_planning": "Sheet Planning lists the {n} reassessment interviews planned with "
        "you: date, time, location, client, dossier, consultant and support worker.",
        "guide_nothing": "No reassessment interview is planned with you. Sheet Action needed "
        "says why, and what you can do.",
        "guide_with": "Interview with: 'client' means the client attends; 'support worker' "
        "means the support worker holds the interview on the client's behalf.",
        "guide_support_plan": "Support plan: on the day of the interview the plan may be at "
        "most {months} months old. Where it says 'new plan needed', deliver a new plan by that "
        "date.",
        "guide_answer": "Fill in the yellow columns for each interview: Feasible (yes or no) "
        "and, if needed, Remark. For 'no' we plan the interview again. Return this file, "
        "filled in, {by} to {who}.",
        "guide_by": "by {date}",
        "guide_by_now": "as soon as possible",
        "guide_action": "Sheet Action needed lists the support plans to renew and the "
        "reassessments that could not be planned, with the reason and what you can do.",
        "guide_changes": "This is version {revision} of the planning. Sheet Changes lists what "
        "changed since the previous version, and why.",
        "guide_cancelled": "Cancelled appointments: if you imported the calendar file "
        "yourself, folder geannuleerd/{folder}/ holds a cancellation file per appointment.",
        "guide_calendar": "The file {calendar} holds the same appointments to import into your "
        "calendar or to print (Outlook: File › Open & Export › Import; Google Calendar: "
        "Settings › Import).",
        "guide_mail": "The support worker (or, without an e-mail address, the location's "
        "contact) also receives every appointment as an invitation by e-mail. A change or "
        "cancellation arrives the same way and updates the calendar by itself.",
        "guide_questions": "Questions about the planning? Please contact {who}.",
        "guide_office": "Planning office",
        "guide_consultant_locations": "{name}: {locations}",
        "guide_contacts": "Contact",
        "guide_consultants": "Consultants",
        "guide_locations": "Your contacts per location",
        "guide_version": "Version",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["nl"])
