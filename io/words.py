"""Every word a person reads, in Dutch and English: the catalogue, split by where it is read.

Each key holds its Dutch and its English text side by side: ``"key": ("Dutch",
"English")``. The words of the files herplan writes (workbooks, calendars, e-mail) are
here (``FILES``); the terminal's (summaries, progress, ``herplan send``) are in
``app/terminal_words.py`` and the web page's in ``app/web/words.py``, each looked up
together with the files' words, which the terminal and the page show too. Every lookup
gives the planning's language (``taal``: ``nl`` by default, or ``en``). Keys are
grouped by what they name; a group's keys share a prefix (``sum_`` for the terminal
summary, ``web_`` for the web page, ``reason_`` for the reason codes, ...).
``tests/io/test_words.py`` checks that every key has both languages and that every key
is used.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("nl", "en")
Texts = Mapping[str, tuple[str, str]]  # key -> (Dutch, English)

FILES: dict[str, tuple[str, str]] = {
    # Files: workbooks, calendars, the planning folder
    "sheet_planning": ("Planning", "Planning"),
    "sheet_roster": ("Rooster", "Roster"),
    "sheet_unplanned": ("Niet ingepland", "Not planned"),
    "sheet_plans": ("Ondersteuningsplannen", "Support plans"),
    "sheet_figures": ("Kengetallen", "Figures"),
    "date": ("Datum", "Date"),
    "from": ("Van", "From"),
    "to": ("Tot", "To"),
    "consultant": ("Consulent", "Consultant"),
    "consultant_name": ("Naam consulent", "Consultant name"),
    "provider": ("Aanbieder", "Provider"),
    "location": ("Locatie", "Location"),
    "address": ("Adres", "Address"),
    "dossier": ("Dossier", "Dossier"),
    "client": ("Cliënt", "Client"),
    "begeleider": ("Begeleider", "Support worker"),
    "with": ("Gesprek met", "Interview with"),
    "with_client": ("cliënt", "client"),
    "with_begeleider": ("begeleider", "support worker"),
    "writeup_from": ("Uitwerken van", "Write-up from"),
    "writeup_to": ("Uitwerken tot", "Write-up to"),
    "indication_end": ("Einddatum indicatie", "Indication ends"),
    "reasons": ("Redencodes", "Reason codes"),
    "explanation": ("Toelichting", "Explanation"),
    "plan_date": ("Datum ondersteuningsplan", "Support plan date"),
    "valid_until": ("Geldig t/m", "Valid until"),
    "promised": ("Nieuw plan toegezegd", "New plan promised"),
    "needed_by": ("Nieuw plan nodig uiterlijk", "New plan needed by"),
    "planned_on": ("Gesprek gepland op", "Interview planned on"),
    "note": ("Let op", "Note"),
    "figure": ("Kengetal", "Figure"),
    "value": ("Waarde", "Value"),
    "scheduled": ("Ingepland", "Planned"),
    "unscheduled": ("Niet ingepland", "Not planned"),
    "visits": ("Bezoeken (consulent-ochtenden)", "Visits (consultant-mornings)"),
    "location_days": ("Locatiedagen", "Location-days"),
    "status": ("Uitkomst", "Outcome"),
    "quality": ("Hoe dicht bij het best mogelijke", "How close to the best possible"),
    "main_reason": ("Hoofdreden niet ingepland", "Main reason not planned"),
    "phase": ("Fase", "Phase"),
    "objective": ("Bereikt", "Reached"),
    "bound": ("Best mogelijke (bewezen grens)", "Best possible (proven bound)"),
    "reason": ("Reden", "Reason"),
    "count": ("Aantal", "Count"),
    "available_mornings": ("Beschikbare ochtenden", "Available mornings"),
    "interviews": ("Gesprekken", "Interviews"),
    "load": ("Gesprekken per inzetbare ochtend", "Interviews per usable morning"),
    "sheet_load": ("Belasting", "Workload"),
    "sheet_technical": ("Technisch", "Technical"),
    "usable_mornings": (
        "Inzetbare ochtenden (met weekmaximum)",
        "Usable mornings (within the weekly cap)",
    ),
    "used_mornings": ("Ochtenden met gesprekken", "Mornings with interviews"),
    "load_mark": ("Opvallend", "Stands out"),
    "load_high": ("veel meer dan de rest", "far more than the rest"),
    "load_low": ("veel minder dan de rest", "far less than the rest"),
    "load_note": (
        "Opvallend: meer dan {share} boven of onder de mediaan van {median} gesprekken per inzetbare ochtend. Inzetbaar: beschikbaar (werkdag, niet afwezig) en binnen het maximum aantal ochtenden per week.",
        "Stands out: more than {share} above or below the median of {median} interviews per usable morning. Usable: available (working day, not absent) and within the weekly cap of mornings.",
    ),
    "cases_total": ("Herindicaties in het bestand", "Reassessments in the file"),
    "cases_open": ("waarvan open", "of which open"),
    "cases_withdrawn": ("waarvan ingetrokken", "of which withdrawn"),
    "by_reason": ("hoofdreden:", "main reason:"),
    "fewest_visits": ("Bezoeken ten minste nodig", "Visits at least needed"),
    "code": ("Code", "Code"),
    "gap": ("Verschil met de grens", "Gap to the bound"),
    "seconds": ("Rekentijd (s)", "Solve time (s)"),
    "solver_status": ("Status van de rekenmachine", "Solver status"),
    "absent": ("afwezig", "absent"),
    "sheet_changes": ("Wijzigingen", "Changes"),
    "kind": ("Soort", "Kind"),
    "kind_verplaatst": ("verplaatst", "moved"),
    "kind_geannuleerd": ("geannuleerd", "cancelled"),
    "kind_nieuw": ("nieuw ingepland", "newly planned"),
    "kind_niet_meer_inplanbaar": ("niet meer inplanbaar", "no longer plannable"),
    "kind_bevestigd": ("bevestigd (ja)", "confirmed (yes)"),
    "kind_niet_mogelijk": ("gevraagd, niet mogelijk", "asked, not possible"),
    "old_date": ("Oude datum", "Old date"),
    "old_time": ("Oude tijd", "Old time"),
    "old_consultant": ("Oude consulent", "Old consultant"),
    "new_date": ("Nieuwe datum", "New date"),
    "new_time": ("Nieuwe tijd", "New time"),
    "new_consultant": ("Nieuwe consulent", "New consultant"),
    "summary_cancelled": (
        "Geannuleerd: herindicatiegesprek {dossier}",
        "Cancelled: reassessment interview {dossier}",
    ),
    "sheet_action": ("Actie nodig", "Action needed"),
    "sheet_guide": ("Toelichting", "Read me"),
    "feasible": ("Haalbaar", "Feasible"),
    "remark": ("Opmerking", "Remark"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "same_day": ("zelfde dag", "same day"),
    "plan_status": ("Ondersteuningsplan", "Support plan"),
    "plan_current": ("actueel (van {date})", "current (of {date})"),
    "plan_held": ("gehouden op {date}", "held on {date}"),
    "plan_new_needed": ("nieuw plan nodig uiterlijk {date}", "new plan needed by {date}"),
    "action": ("Actie", "Action"),
    "action_renew": ("Ondersteuningsplan vernieuwen", "Renew support plan"),
    "action_unplanned": ("Niet ingepland", "Not planned"),
    "deadline": ("Uiterlijk", "By"),
    "interview": ("Herindicatiegesprek", "Reassessment interview"),
    "writeup": ("Uitwerken herindicatie", "Reassessment write-up"),
    "summary_provider": (
        "Herindicatiegesprek {dossier} ({client})",
        "Reassessment interview {dossier} ({client})",
    ),
    "summary_consultant": (
        "Herindicatie {dossier} – {location}",
        "Reassessment {dossier} – {location}",
    ),
    "summary_writeup": ("Uitwerken herindicatie {dossier}", "Write-up reassessment {dossier}"),
    "desc_dossier": ("Dossier", "Dossier"),
    "desc_client": ("Cliënt", "Client"),
    "desc_begeleider": ("Begeleider", "Support worker"),
    "desc_with": ("Gesprek met", "Interview with"),
    "desc_consultant": ("Consulent", "Consultant"),
    "desc_location": ("Locatie", "Location"),
    "desc_with_client": (
        "de cliënt (de begeleider is welkom)",
        "the client (the support worker is welcome)",
    ),
    "desc_with_begeleider": (
        "de begeleider namens de cliënt",
        "the support worker on the client's behalf",
    ),
    "desc_prepare": (
        "Voorbereiden: een ondersteuningsplan dat op {day} niet ouder is dan {months} maanden (opgesteld op of na {since}).",
        "Prepare: a support plan no older than {months} months on {day} (drawn up on or after {since}).",
    ),
    "desc_prepare_renew": (
        "Let op: het huidige ondersteuningsplan is op {day} te oud. Lever uiterlijk {needed} een nieuw ondersteuningsplan aan.",
        "Note: the current support plan is too old on {day}. Deliver a new support plan by {needed}.",
    ),
    "desc_writeup": (
        "Uitwerken van het herindicatiegesprek met {client} (dossier {dossier}).",
        "Write-up of the reassessment interview with {client} (dossier {dossier}).",
    ),
    "guide_title": (
        "Herindicaties december – planning voor {provider}",
        "December reassessments – planning for {provider}",
    ),
    "overview_title": ("Herindicaties december – overzicht", "December reassessments – overview"),
    "legend": ("Legenda", "Legend"),
    "legend_visit": (
        "Locatie (n): een bezoek met n gesprekken; de kleur is de aanbieder",
        "Location (n): a visit with n interviews; the colour is the provider",
    ),
    "legend_absent": ("afwezig, vrije dag of feestdag", "absent, day off or public holiday"),
    "legend_free": (
        "leeg: beschikbaar, geen gesprekken gepland",
        "empty: available, no interviews planned",
    ),
    "print_title": ("Herindicaties december – {provider}", "December reassessments – {provider}"),
    "feasible_prompt": (
        "Invullen: ja als het gesprek zo door kan gaan, nee als het niet kan, zelfde dag als de dag kan maar de tijd niet (zet de reden bij Opmerking).",
        "Fill in: yes if the interview can go ahead as planned, no if it cannot, same day if the day suits but the time does not (give the reason under Remark).",
    ),
    "remark_prompt": (
        "Invullen (mag leeg blijven): een toelichting, bijvoorbeeld waarom het gesprek niet door kan gaan.",
        "Fill in (may stay empty): a remark, for instance why the interview cannot go ahead.",
    ),
    "guide_planning": (
        "Op het tabblad Planning staan de {n} herindicatiegesprekken die bij u gepland zijn: datum, tijd, locatie, cliënt, dossier, consulent en begeleider.",
        "Sheet Planning lists the {n} reassessment interviews planned with you: date, time, location, client, dossier, consultant and support worker.",
    ),
    "guide_nothing": (
        "Er is bij u geen herindicatiegesprek ingepland. Op het tabblad Actie nodig staat waarom, en wat u kunt doen.",
        "No reassessment interview is planned with you. Sheet Action needed says why, and what you can do.",
    ),
    "guide_with": (
        "Gesprek met: 'cliënt' betekent dat de cliënt zelf komt; 'begeleider' dat de begeleider het gesprek namens de cliënt voert.",
        "Interview with: 'client' means the client attends; 'support worker' means the support worker holds the interview on the client's behalf.",
    ),
    "guide_support_plan": (
        "Ondersteuningsplan: op de dag van het gesprek mag het plan niet ouder zijn dan {months} maanden. Staat er 'nieuw plan nodig', lever dan uiterlijk op die datum een nieuw plan aan.",
        "Support plan: on the day of the interview the plan may be at most {months} months old. Where it says 'new plan needed', deliver a new plan by that date.",
    ),
    "guide_answer": (
        "Vul per gesprek de gele kolommen in: Haalbaar (ja, nee of zelfde dag) en zo nodig Opmerking. Bij 'nee' plannen wij het gesprek opnieuw; bij 'zelfde dag' houden we de dag en zoeken we een andere tijd. Stuur dit bestand ingevuld terug {by} aan {who}.",
        "Fill in the yellow columns for each interview: Feasible (yes, no or same day) and, if needed, Remark. For 'no' we plan the interview again; for 'same day' we keep the day and find another time. Return this file, filled in, {by} to {who}.",
    ),
    "guide_online": (
        "U kunt ook online antwoorden, zonder dit bestand terug te sturen: {link} (deze link is alleen voor uw organisatie; stuur hem niet verder).",
        "You can also answer online, without returning this file: {link} (this link is for your organisation only; do not pass it on).",
    ),
    "guide_by": ("uiterlijk {date}", "by {date}"),
    "guide_by_now": ("zo snel mogelijk", "as soon as possible"),
    "guide_action": (
        "Op het tabblad Actie nodig staan de ondersteuningsplannen die vernieuwd moeten worden en de herindicaties die niet ingepland konden worden, met de reden en wat u kunt doen.",
        "Sheet Action needed lists the support plans to renew and the reassessments that could not be planned, with the reason and what you can do.",
    ),
    "guide_changes": (
        "Dit is versie {revision} van de planning. Op het tabblad Wijzigingen staat wat er sinds de vorige versie is veranderd, en waarom.",
        "This is version {revision} of the planning. Sheet Changes lists what changed since the previous version, and why.",
    ),
    "guide_cancelled": (
        "Vervallen afspraken: wie het agendabestand zelf importeerde, vindt per vervallen afspraak een annuleringsbestand in de map geannuleerd/{folder}/.",
        "Cancelled appointments: if you imported the calendar file yourself, folder geannuleerd/{folder}/ holds a cancellation file per appointment.",
    ),
    "guide_calendar": (
        "Het bestand {calendar} bevat dezelfde afspraken om in uw agenda te importeren of af te drukken (Outlook: Bestand › Openen en exporteren › Importeren; Google Agenda: Instellingen › Importeren).",
        "The file {calendar} holds the same appointments to import into your calendar or to print (Outlook: File › Open & Export › Import; Google Calendar: Settings › Import).",
    ),
    "guide_mail": (
        "De begeleider (of, zonder e-mailadres, de contactpersoon van de locatie) krijgt elke afspraak ook als uitnodiging per e-mail. Een wijziging of annulering komt op dezelfde manier en werkt de agenda vanzelf bij.",
        "The support worker (or, without an e-mail address, the location's contact) also receives every appointment as an invitation by e-mail. A change or cancellation arrives the same way and updates the calendar by itself.",
    ),
    "guide_questions": (
        "Vragen over de planning? Neem contact op met {who}.",
        "Questions about the planning? Please contact {who}.",
    ),
    "guide_office": ("Planningsbureau", "Planning office"),
    "guide_consultant_locations": ("{name}: {locations}", "{name}: {locations}"),
    "guide_consultants": ("Consulenten", "Consultants"),
    "guide_locations": ("Uw contactpersonen per locatie", "Your contacts per location"),
    "guide_version": ("Versie", "Version"),
    # E-mail messages of the outbox
    "mail_subject_new": (
        "Uitnodiging herindicatiegesprek {dossier} – {when}",
        "Invitation reassessment interview {dossier} – {when}",
    ),
    "mail_subject_changed": (
        "Gewijzigd: herindicatiegesprek {dossier} – {when}",
        "Changed: reassessment interview {dossier} – {when}",
    ),
    "mail_subject_cancel": (
        "Gaat niet door: herindicatiegesprek {dossier} – {when}",
        "Cancelled: reassessment interview {dossier} – {when}",
    ),
    "mail_subject_writeup": (
        "Uitwerktijd herindicatie {dossier} – {when}",
        "Write-up time reassessment {dossier} – {when}",
    ),
    "mail_subject_writeup_cancel": (
        "Vervalt: uitwerktijd herindicatie {dossier} – {when}",
        "Cancelled: write-up time reassessment {dossier} – {when}",
    ),
    "mail_greeting": ("Beste {name},", "Dear {name},"),
    "mail_new": (
        "U bent uitgenodigd voor een herindicatiegesprek.",
        "You are invited to a reassessment interview.",
    ),
    "mail_changed": (
        "Het herindicatiegesprek is gewijzigd. Dit is de nieuwe afspraak; hij vervangt de vorige in uw agenda.",
        "The reassessment interview has changed. This is the new appointment; it replaces the earlier one in your calendar.",
    ),
    "mail_cancel": (
        "Het herindicatiegesprek van {client} (dossier {dossier}) op {when} gaat niet door. Het wordt uit uw agenda verwijderd.",
        "The reassessment interview of {client} (dossier {dossier}) on {when} is cancelled. It is removed from your calendar.",
    ),
    "mail_writeup": (
        "Uitwerktijd voor het herindicatiegesprek van {client} (dossier {dossier}): {when}.",
        "Write-up time for the reassessment interview of {client} (dossier {dossier}): {when}.",
    ),
    "mail_writeup_cancel": (
        "De uitwerktijd voor dossier {dossier} op {when} vervalt.",
        "The write-up time for dossier {dossier} on {when} is cancelled.",
    ),
    "mail_when": ("Wanneer", "When"),
    "mail_where": ("Waar", "Where"),
    "mail_dossier": ("Dossier", "Dossier"),
    "mail_with": ("Gesprek met", "Interview with"),
    "mail_consultant": ("Consulent", "Consultant"),
    "mail_with_client": (
        "de cliënt (de begeleider is welkom)",
        "the client (the support worker is welcome)",
    ),
    "mail_with_begeleider": (
        "de begeleider namens de cliënt",
        "the support worker on the client's behalf",
    ),
    "mail_calendar": (
        "De afspraak zit als agenda-uitnodiging bij dit bericht. U hoeft niet te antwoorden; een wijziging krijgt u op dezelfde manier.",
        "The appointment is attached as a calendar invitation. No reply is needed; a change reaches you the same way.",
    ),
    "mail_questions": ("Vragen? Neem contact op met {who}.", "Questions? Please contact {who}."),
    "mail_moved_reason": (
        "U had deze afspraak bevestigd; de planner heeft haar toch verplaatst. De reden: {reason}",
        "You had confirmed this appointment; the planner has moved it all the same. The reason: {reason}",
    ),
    "mail_online": (
        "Kan het gesprek niet doorgaan, of alleen op een andere tijd? Geef het door op de pagina van uw organisatie: {link}",
        "If the interview cannot go ahead, or only at another time, say so on your organisation's page: {link}",
    ),
    "mail_regards": ("Met vriendelijke groet,", "Kind regards,"),
    "mail_at": ("{day} van {start} tot {end}", "{day} from {start} to {end}"),
    "mail_short": ("{day} {start}", "{day} {start}"),
    # How close to the best: the overview, the terminal summary and the page
    "quality_all_proven": ("het hoogst mogelijke aantal (bewezen)", "the most possible (proven)"),
    "quality_of_most": (
        "ten minste {share} van het best mogelijke: hoogstens {upper} ingepland (nog niet scherper bewezen)",
        "at least {share} of the best possible: at most {upper} can be planned (not yet proven tighter)",
    ),
    "quality_unknown": (
        "niet vastgesteld: de rekentijd was te kort",
        "not established: the time was too short",
    ),
    "quality_visits_proven": ("bezoeken minimaal (bewezen)", "visits minimal (proven)"),
    "quality_visits_of": (
        "hoogstens {extra} bezoek(en) meer dan nodig (ten minste nodig: {fewest})",
        "at most {extra} visit(s) more than needed (at least needed: {fewest})",
    ),
    # Reason codes (short names)
    "reason_geannuleerd": ("ingetrokken", "withdrawn"),
    "reason_periode_voorbij": ("periode voorbij", "period over"),
    "reason_einddatum_voor_periode": ("indicatie eindigt eerder", "indication ends earlier"),
    "reason_geen_ondersteuningsplan": ("geen ondersteuningsplan", "no support plan"),
    "reason_ondersteuningsplan_verlopen": (
        "ondersteuningsplan niet actueel",
        "support plan not current",
    ),
    "reason_locatie_gesloten": ("locatie gesloten", "location closed"),
    "reason_client_niet_beschikbaar": ("cliënt niet beschikbaar", "client not available"),
    "reason_geen_consulent_beschikbaar": ("geen consulent beschikbaar", "no consultant available"),
    "reason_capaciteit": ("alle ochtenden vol", "every morning full"),
    "reason_begeleider_bezet": ("begeleider elke dag al bezet", "support worker busy every day"),
    "reason_niet_ingepast": ("nog niet ingepast", "not yet fitted in"),
    # Change causes (sheet Wijzigingen)
    "cause_nee": (
        "U meldde dat het gesprek op {day} niet haalbaar is{remark}.",
        "You reported that the interview on {day} is not feasible{remark}.",
    ),
    "cause_same_day": (
        "U meldde dat {day} kan, maar op een andere tijd{remark}.",
        "You reported that {day} suits, but at another time{remark}.",
    ),
    "cause_absent": (
        "De consulent is niet beschikbaar op {day}.",
        "The consultant is not available on {day}.",
    ),
    "cause_locatie_gesloten": (
        "De locatie is gesloten op {day}.",
        "The location is closed on {day}.",
    ),
    "cause_client_niet_beschikbaar": (
        "De cliënt is niet beschikbaar op {day}.",
        "The client is not available on {day}.",
    ),
    "cause_moved_location": (
        "De herindicatie staat nu bij een andere locatie.",
        "The reassessment now belongs to another location.",
    ),
    "cause_rule": (
        "Het gesprek past niet meer in de planning van {day} (gewijzigde gegevens).",
        "The interview no longer fits the planning of {day} (changed data).",
    ),
    "cause_time": ("Andere tijd in dezelfde ochtend.", "Another time in the same morning."),
    "cause_more": (
        "Verplaatst zodat meer herindicaties ingepland konden worden.",
        "Moved so that more reassessments could be planned.",
    ),
    "cause_new": ("Nieuw ingepland.", "Newly planned."),
    "cause_withdrawn": ("De herindicatie is ingetrokken.", "The reassessment was withdrawn."),
    "cause_gone": (
        "De herindicatie staat niet meer in de invoer.",
        "The reassessment is no longer in the input.",
    ),
    "cause_confirmed": (
        "Bevestigd door de aanbieder{remark}.",
        "Confirmed by the provider{remark}.",
    ),
    "cause_chosen": (
        "In overleg met de planner naar een andere plaats verplaatst{remark}.",
        "Moved to another place in consultation with the planner{remark}.",
    ),
    # Making room
    "room_more": (
        "Verplaatst om ruimte te maken voor {case} ({why}).",
        "Moved to make room for {case} ({why}).",
    ),
    "room_time": (
        "Andere tijd in dezelfde ochtend, om ruimte te maken voor {case} ({why}).",
        "Another time in the same morning, to make room for {case} ({why}).",
    ),
    "room_other": ("een ander gesprek", "another interview"),
    # Why room was made
    "room_cause_nee": ("antwoord nee", "answered no"),
    "room_cause_same_day": ("antwoord zelfde dag, andere tijd", "answered same day, another time"),
    "room_cause_chosen": ("in overleg gekozen", "chosen in consultation"),
    "room_cause_absent": ("consulent afwezig", "consultant absent"),
    "room_cause_locatie_gesloten": ("locatie gesloten", "location closed"),
    "room_cause_client_niet_beschikbaar": ("cliënt niet beschikbaar", "client not available"),
    "room_cause_rule": ("gewijzigde gegevens", "changed data"),
    "room_cause_moved_location": ("andere locatie", "another location"),
    "room_cause_new": ("nog niet ingepland", "not planned yet"),
    # Solver phases in plain words
    "phase_most_reassessments": (
        "zoveel mogelijk herindicaties inplannen",
        "planning as many reassessments as possible",
    ),
    "phase_stability": ("bestaande afspraken behouden", "keeping existing appointments"),
    "phase_clustering": (
        "gesprekken bundelen in weinig bezoeken",
        "clustering interviews into few visits",
    ),
    "phase_continuity_days": (
        "vaste consulent waar mogelijk",
        "the vaste consulent where possible",
    ),
    "phase_continuity": ("vaste consulent waar mogelijk", "the vaste consulent where possible"),
    "phase_preferred_days": ("voorkeursdagen van aanbieders", "providers' preferred days"),
    "phase_urgent_early": ("urgente gesprekken vroeg", "urgent interviews early"),
    "phase_fair_load": ("werk eerlijk verdelen", "spreading the work fairly"),
    "phase_done": ("klaar", "done"),
    # Solver outcomes
    "outcome_OPTIMAL": ("bewezen het beste", "proven best"),
    "outcome_FEASIBLE": ("goed, niet bewezen het beste", "good, not proven best"),
    "outcome_UNKNOWN": ("geen uitkomst (te weinig tijd)", "no outcome (too little time)"),
    "outcome_INFEASIBLE": ("onmogelijk", "impossible"),
    "outcome_NOT_RUN": ("niet nodig", "not needed"),
    # Dates, numbers and print
    "month_1": ("januari", "January"),
    "month_2": ("februari", "February"),
    "month_3": ("maart", "March"),
    "month_4": ("april", "April"),
    "month_5": ("mei", "May"),
    "month_6": ("juni", "June"),
    "month_7": ("juli", "July"),
    "month_8": ("augustus", "August"),
    "month_9": ("september", "September"),
    "month_10": ("oktober", "October"),
    "month_11": ("november", "November"),
    "month_12": ("december", "December"),
    "weekday_0": ("maandag", "Monday"),
    "weekday_1": ("dinsdag", "Tuesday"),
    "weekday_2": ("woensdag", "Wednesday"),
    "weekday_3": ("donderdag", "Thursday"),
    "weekday_4": ("vrijdag", "Friday"),
    "weekday_5": ("zaterdag", "Saturday"),
    "weekday_6": ("zondag", "Sunday"),
    "weekday_short_0": ("ma", "Mon"),
    "weekday_short_1": ("di", "Tue"),
    "weekday_short_2": ("wo", "Wed"),
    "weekday_short_3": ("do", "Thu"),
    "weekday_short_4": ("vr", "Fri"),
    "weekday_short_5": ("za", "Sat"),
    "weekday_short_6": ("zo", "Sun"),
    "number_0": ("nul", "0"),
    "number_1": ("een", "1"),
    "number_2": ("twee", "2"),
    "number_3": ("drie", "3"),
    "number_4": ("vier", "4"),
    "number_5": ("vijf", "5"),
    "number_6": ("zes", "6"),
    "number_7": ("zeven", "7"),
    "number_8": ("acht", "8"),
    "number_9": ("negen", "9"),
    "number_10": ("tien", "10"),
    "number_11": ("elf", "11"),
    "number_12": ("twaalf", "12"),
    "page_footer": ("Pagina &P van &N", "Page &P of &N"),
    "format_weekday_date": ("[$-413]ddd dd-mm-yyyy", "[$-809]ddd dd-mm-yyyy"),
    "conflict": (
        "Let op: deze afspraak was bevestigd, maar kan niet blijven staan. ",
        "Note: this appointment was confirmed but cannot stay. ",
    ),
    "now_moved": (" Nieuwe afspraak: {slot}.", " New appointment: {slot}."),
    "same_day_not_possible": (
        " Op die dag is geen andere tijd vrij; het gesprek blijft om {time}. Bel de planner als die tijd echt niet kan.",
        " No other time is free that day; the interview stays at {time}. Call the planner if that time really does not suit.",
    ),
    "now_none": (
        " Het gesprek kon niet opnieuw worden ingepland: {why}",
        " The interview could not be planned again: {why}",
    ),
    # Why a reassessment could not be planned, answers, numbers
    "why_deliver": (
        "; lever uiterlijk {date} een actueel plan aan.",
        "; please send a current plan by {date}.",
    ),
    "why_geannuleerd": (
        "De herindicatie is ingetrokken (status geannuleerd) en wordt niet ingepland.",
        "The reassessment was withdrawn (status geannuleerd) and is not planned.",
    ),
    "why_einddatum_voor_periode": (
        "De indicatie eindigt op {end}, vóór de dagen waarop het gesprek verder had gekund.",
        "The indication ends on {end}, before the days the interview could otherwise be held.",
    ),
    "why_geen_ondersteuningsplan": (
        "Er is geen ondersteuningsplan bekend{deliver}",
        "No support plan is on file{deliver}",
    ),
    "why_plan_after_end": (
        "Het ondersteuningsplan is gedateerd op {plan}, na de einddatum van de indicatie ({end}); controleer de datum van het plan.",
        "The support plan is dated {plan}, after the indication ends ({end}); please check the plan's date.",
    ),
    "why_plan_not_yet_valid": (
        "Het ondersteuningsplan is gedateerd op {plan} en geldt pas vanaf die dag; op de dagen ervoor kan het gesprek niet{deliver}",
        "The support plan is dated {plan} and only counts from that day; the interview cannot be held before it{deliver}",
    ),
    "why_ondersteuningsplan_verlopen": (
        "Het ondersteuningsplan is van {plan} en is na {valid} ouder dan {months} maanden{deliver}",
        "The support plan dates from {plan} and is more than {months} months old after {valid}{deliver}",
    ),
    "why_locatie_gesloten": (
        "Locatie {location} is gesloten op de dagen waarop het gesprek verder had gekund.",
        "Location {location} is closed on the days the interview could otherwise be held.",
    ),
    "why_declined": (
        "U gaf aan dat {days} niet haalbaar is, en op de andere dagen kon het gesprek niet.",
        "You answered that {days} is not feasible, and no other day was possible.",
    ),
    "why_client_required": (
        "De cliënt is niet beschikbaar op de dagen waarop het gesprek verder had gekund en de aanwezigheid van de cliënt is vereist.",
        "The client is unavailable on the days the interview could otherwise be held and must attend in person.",
    ),
    "why_client_no_begeleider": (
        "De cliënt is niet beschikbaar op de dagen waarop het gesprek verder had gekund, en er is geen begeleider bekend die het gesprek kan voeren.",
        "The client is unavailable on the days the interview could otherwise be held, and no support worker is on file to stand in.",
    ),
    "why_no_working_day": (
        "De planperiode ({start} t/m {end}) bevat geen werkdag; er is geen consulent beschikbaar.",
        "The planning period ({start} to {end}) has no working day; no consultant is available.",
    ),
    "why_geen_consulent_beschikbaar": (
        "Er is geen consulent beschikbaar op de dagen waarop het gesprek verder had gekund.",
        "No consultant is available on the days the interview could otherwise be held.",
    ),
    "why_periode_voorbij": (
        "De planperiode (tot en met {end}) heeft na vandaag geen werkdag meer.",
        "The planning period (up to and including {end}) has no working day left after today.",
    ),
    "why_capaciteit": (
        "Alle ochtenden waarop het gesprek kan ({n} dagen) zijn al vol; de planner neemt contact op over een extra ochtend.",
        "Every morning the interview could use ({n} days) is full; the planner will get in touch about an extra morning.",
    ),
    "why_no_morning": (
        "Er is in de planperiode geen ochtend waarin dit gesprek past.",
        "No morning in the planning period can hold this interview.",
    ),
    "why_begeleider_bezet": (
        "Begeleider {begeleider} voert op de dagen waarop nog een ochtend vrij was al gesprekken op een andere ochtend, en een begeleider voert op één dag alleen de gesprekken van één ochtend. Staat er een teamnaam in de kolom begeleider, vul dan de eigen begeleider van de cliënt in.",
        "Support worker {begeleider} already holds interviews in another morning on the days a morning had room, and a support worker holds only one morning's interviews a day. If the begeleider column holds a team's name, please fill in the client's own support worker.",
    ),
    "why_niet_ingepast": (
        "Er is nog plaats voor dit gesprek, maar de planning kwam binnen de rekentijd niet zo ver; bij de volgende herplanning kan het alsnog worden ingepland.",
        "There is still room for this interview, but the planning did not get that far within its time; the next rerun can plan it.",
    ),
    "note_plan_not_yet_valid": (
        "Het ondersteuningsplan is gedateerd op {plan} en geldt pas vanaf die dag.",
        "The support plan is dated {plan} and only counts from then.",
    ),
    "slot": ("{day} om {time} bij {consultant}", "{day} at {time} with {consultant}"),
    "answer_confirmed": ("{dossier}: ja — bevestigd", "{dossier}: yes — confirmed"),
    "answer_moved": ("{dossier}: nee — verplaatst naar {slot}", "{dossier}: no — moved to {slot}"),
    "answer_not_again": (
        "{dossier}: nee — kon niet opnieuw worden ingepland",
        "{dossier}: no — could not be planned again",
    ),
    "answer_same_day_not_possible": (
        "{dossier}: zelfde dag, andere tijd — niet mogelijk, blijft om {time}",
        "{dossier}: same day, another time — not possible, stays at {time}",
    ),
    "answer_same_day_moved": (
        "{dossier}: zelfde dag, andere tijd — nu {slot}",
        "{dossier}: same day, another time — now {slot}",
    ),
    # herplan suggest: alternatives for one reassessment
    "sug_now": (
        "{dossier} ({provider}, {location}) staat nu op {slot}; andere plaatsen:",
        "{dossier} ({provider}, {location}) is now on {slot}; other places:",
    ),
    "sug_open": (
        "{dossier} ({provider}, {location}) is niet ingepland; mogelijke plaatsen:",
        "{dossier} ({provider}, {location}) is not planned; possible places:",
    ),
    "sug_option": (
        "{n}. {day} {start}–{end} bij {consultant}",
        "{n}. {day} {start}–{end} with {consultant}",
    ),
    "sug_choose": (
        "Kiezen: herplan plan INVOER --out MAP --choose {dossier}=<nummer>",
        "To choose: herplan plan INPUT --out FOLDER --choose {dossier}=<number>",
    ),
    "sug_join": ("bij een bezoek dat al gepland is", "in a visit already planned"),
    "sug_new_visit": ("nieuw bezoek (een ochtend extra)", "new visit (one more morning)"),
    "sug_move": ("{dossier} gaat naar {slot} ({how})", "{dossier} moves to {slot} ({how})"),
    "sug_off_preferred": (
        "geen voorkeursdag van de locatie",
        "not one of the location's preferred days",
    ),
    "sug_other_consultant": ("niet de vaste consulent", "not the regular consultant"),
    "sug_with_begeleider": ("gesprek met de begeleider", "interview with the support worker"),
    "sug_none": (
        "{dossier} ({provider}, {location}): geen plaats in de huidige planning.",
        "{dossier} ({provider}, {location}): no place in the current planning.",
    ),
    "sug_would_fit": (
        "Wel met een extra ochtend van {consultant} op {day} (boven het weekmaximum van {cap}).",
        "It would fit with an extra morning of {consultant} on {day} (above the weekly maximum of {cap}).",
    ),
    "sug_no_extra": (
        "Ook een extra ochtend van een consulent boven het weekmaximum geeft geen plaats.",
        "No extra morning of a consultant above the weekly maximum would give it a place either.",
    ),
    # Capacity advice (herplan capacity; README, Capacity advice)
    "cap_title": ("Capaciteitsadvies", "Capacity advice"),
    "cap_headline": (
        "Nu ingepland: {current} (vandaag is {today}); bezoeken: {visits}.",
        "Planned now: {current} (today is {today}); visits: {visits}.",
    ),
    "cap_kept": (
        "De planning blijft zoals ze is; elke extra ochtend is een nieuw bezoek.",
        "The plan stays as it is; every extra morning is a new visit.",
    ),
    "cap_extra": ("Extra ochtenden", "Extra mornings"),
    "cap_planned": ("Ingepland", "Planned"),
    "cap_bound": ("Hoogstens", "At most"),
    "cap_mornings": ("Ochtend erbij", "Morning added"),
    "cap_over_cap": (
        "{name}, {day} (boven het weekmaximum)",
        "{name}, {day} (above the weekly maximum)",
    ),
    "cap_day_off": ("{name}, {day} (extra werkdag)", "{name}, {day} (an extra working day)"),
    "cap_free": (
        "zonder extra ochtend: vrije ochtenden binnen het weekmaximum",
        "without an extra morning: free mornings within the weekly maximum",
    ),
    "cap_unknown": ("onbekend", "unknown"),
    "cap_none": ("Geen extra ochtend plant iets bij.", "No extra morning plans anything more."),
    "cap_files": (
        "Per punt de planning in {folder}/plan-<k>.json; de grafiek in {folder}/capaciteit.svg en .png.",
        "Each point's plan in {folder}/plan-<k>.json; the chart in {folder}/capaciteit.svg and .png.",
    ),
    "cap_blocked_title": (
        "Niet te plannen met extra ochtenden: {n}",
        "Not planned by any extra morning: {n}",
    ),
    "cap_blocked_begeleider": (
        "begeleider die dag al bij een ander bezoek: vraag de aanbieder om een andere begeleider, of de cliënt zonder begeleider",
        "begeleider already at another visit that day: ask the provider for another begeleider, or the client without one",
    ),
    "cap_blocked_client": (
        "cliënt kan op geen enkele mogelijke dag: vraag of de cliënt toch kan komen, of het gesprek met de begeleider",
        "client cannot come on any possible day: ask whether the client can come after all, or the interview with the begeleider",
    ),
    "cap_blocked_locatie": (
        "locatie vol of gesloten: vraag de locatie om een gesprekskamer of open dag erbij",
        "location full or closed: ask the location for another interview room or open day",
    ),
    "cap_blocked_ondersteuningsplan": (
        "nieuw ondersteuningsplan nodig (uiterlijk op de genoemde datum)",
        "a new support plan is needed (by the date shown)",
    ),
    "cap_blocked_einddatum": (
        "indicatie eindigt voordat er plaats is: verleng de indicatie",
        "the indication ends before there is room: extend the indication",
    ),
    "cap_blocked_periode": (
        "geen werkdag meer in de periode: verleng de periode",
        "no working day left in the period: extend the period",
    ),
    "cap_blocked_consulent": (
        "elke consulent die kan is afwezig of al bezet: een consulent erbij",
        "every consultant who could is away or busy already: another consultant",
    ),
    "cap_needed_by": ("uiterlijk {date}", "by {date}"),
    "cap_weeks_title": ("Per week", "Per week"),
    "cap_week": ("Week", "Week"),
    "cap_week_mornings": ("Extra ochtenden", "Extra mornings"),
    "cap_week_planned": ("Erbij ingepland", "Planned more"),
    "cap_week_blocked": ("Niet op te lossen", "Not solved"),
    "cap_scenarios_title": ("Scenario's naast elkaar", "Scenarios side by side"),
    "cap_current": ("Huidige planning", "Current plan"),
    "cap_visits": ("Bezoeken", "Visits"),
    "cap_point": ("+{k} ochtend(en)", "+{k} morning(s)"),
    "cap_failed": ("mislukt", "failed"),
    "cap_chart_curve": ("Ingepland met extra ochtenden", "Planned with extra mornings"),
    "cap_chart_x": ("Extra consulent-ochtenden", "Extra consultant-mornings"),
    "cap_chart_now": ("nu", "now"),
    "cap_chart_bound": ("bewezen grens", "proven bound"),
    "cap_chart_weeks": ("Tekort per week", "Shortage per week"),
    "cap_chart_count": ("Aantal", "Number"),
    # Corrections a provider proposes (README, Corrections)
    "corr_sheet_title": ("Correcties", "Corrections"),
    "corr_sheet_dossier": ("Dossier", "File"),
    "corr_sheet_client": ("Cliënt", "Client"),
    "corr_sheet_location": ("Locatie", "Location"),
    "corr_sheet_plan": ("Ondersteuningsplan", "Support plan"),
    "corr_sheet_begeleider": ("Begeleider", "Support worker"),
    "corr_sheet_kind": ("Correctie", "Correction"),
    "corr_sheet_value": ("Waarde", "Value"),
    "corr_sheet_kind_note": (
        "Klopt er iets niet? Kies wat u wilt corrigeren; de planner beslist erover. Een cliënt die ontbreekt: een regel zonder dossier met 'cliënt ontbreekt'.",
        "Is something not right? Choose what to correct; the planner decides. A client missing: a row without a file number saying 'client missing'.",
    ),
    "corr_sheet_value_note": (
        "Nieuw ondersteuningsplan: de datum (of 'verwacht' en de datum). Niet meer in zorg: verhuisd, uitgestroomd, andere zorg, overleden of anders. Andere begeleider: naam <e-mail>. Niet beschikbaar: data met komma's. Cliënt ontbreekt: initialen; locatie; einddatum indicatie.",
        "New support plan: the date (or 'expected' and the date). No longer in care: moved away, left the service, other care, deceased or other. Another support worker: name <e-mail>. Not available: dates, comma separated. Client missing: initials; location; end date of the indication.",
    ),
    "corr_kind_ondersteuningsplan": ("nieuw ondersteuningsplan", "new support plan"),
    "corr_kind_niet_in_zorg": ("niet meer bij ons in zorg", "no longer in our care"),
    "corr_kind_begeleider": ("andere begeleider", "another support worker"),
    "corr_kind_niet_beschikbaar": ("niet beschikbaar op", "not available on"),
    "corr_kind_ontbreekt": ("cliënt ontbreekt", "client missing"),
    "corr_reason_verhuisd": ("verhuisd", "moved away"),
    "corr_reason_uitgestroomd": ("uitgestroomd", "left the service"),
    "corr_reason_andere_zorg": ("andere zorg", "other care"),
    "corr_reason_overleden": ("overleden", "deceased"),
    "corr_reason_anders": ("anders", "other"),
    "corr_status_open": ("wacht op de planner", "waiting for the planner"),
    "corr_status_taken": ("overgenomen", "taken"),
    "corr_status_rejected": ("afgewezen", "rejected"),
    "corr_status_replaced": ("vervangen door een latere", "replaced by a later one"),
    "corr_col_id": ("Nummer", "Number"),
    "corr_col_provider": ("Aanbieder", "Provider"),
    "corr_col_dossier": ("Dossier", "File"),
    "corr_col_kind": ("Soort", "Kind"),
    "corr_col_value": ("Waarde", "Value"),
    "corr_col_source": ("Bron", "Source"),
    "corr_col_given": ("Doorgegeven", "Given"),
    "corr_col_status": ("Besluit", "Decision"),
    "corr_col_decided_by": ("Door", "By"),
    "corr_col_decided": ("Besloten", "Decided"),
    "corr_refused_kind": ("Kies wat u wilt corrigeren.", "Choose what you want to correct."),
    "corr_refused_too_long": ("Te lang: hooguit {n} tekens.", "Too long: at most {n} characters."),
    "corr_refused_not_yours": (
        "Dossier {dossier} staat niet op uw lijst.",
        "File {dossier} is not on your list.",
    ),
    "corr_refused_date": (
        "'{value}' is geen datum; schrijf die als JJJJ-MM-DD.",
        "'{value}' is not a date; write it as YYYY-MM-DD.",
    ),
    "corr_refused_expected": (
        "Een verwacht plan ligt na vandaag ({today}) en uiterlijk op {end}; {value} niet.",
        "An expected plan lies after today ({today}) and no later than {end}; {value} does not.",
    ),
    "corr_refused_future": (
        "Een ondersteuningsplan van {value} ligt in de toekomst; geef het door als verwacht.",
        "A support plan of {value} lies in the future; give it as expected.",
    ),
    "corr_refused_older": (
        "Het plan in de lijst is van {on_file}; een plan van {value} is niet nieuwer.",
        "The plan on the list is of {on_file}; a plan of {value} is not newer.",
    ),
    "corr_refused_reason": ("Kies een reden uit de lijst.", "Choose a reason from the list."),
    "corr_refused_worker": (
        "Geef de naam en een geldig e-mailadres van de begeleider.",
        "Give the support worker's name and a valid e-mail address.",
    ),
    "corr_refused_period": (
        "{value} ligt niet in wat van de periode over is (na {today}, tot en met {end}).",
        "{value} is not in what is left of the period (after {today}, up to {end}).",
    ),
    "corr_refused_missing": (
        "Geef de initialen, de locatie en de einddatum van de indicatie.",
        "Give the initials, the location and the end date of the indication.",
    ),
    "corr_refused_initials": (
        "Geef alleen initialen, zoals J.B.; geen naam.",
        "Give initials only, such as J.B.; no name.",
    ),
    "corr_refused_location": (
        "{value} is geen locatie van {provider}.",
        "{value} is not a location of {provider}.",
    ),
    "corr_refused_duplicate": (
        "Dossier {dossier} staat al in de lijst.",
        "File {dossier} is already on the list.",
    ),
    "corr_refused_ended": (
        "Een indicatie die op {value} eindigt, is al voorbij; dan is er geen herindicatie nodig.",
        "An indication ending on {value} is over already; it needs no reassessment.",
    ),
    "decimal_mark": (",", "."),
}


class Catalogue:
    """The words of some catalogues (``Texts``), looked up by language."""

    def __init__(self, *catalogues: Texts) -> None:
        self.by_language: dict[str, dict[str, str]] = {
            language: {
                key: texts[n] for catalogue in catalogues for key, texts in catalogue.items()
            }
            for n, language in enumerate(LANGUAGES)
        }

    def words(self, language: str) -> dict[str, str]:
        """Every word in ``language`` (Dutch for anything else)."""
        return self.by_language.get(language, self.by_language["nl"])

    def section(self, language: str, prefix: str) -> dict[str, str]:
        """The words of one group, without its prefix: ``section("nl", "sum_")["planned"]``."""
        found = self.words(language).items()
        return {k[len(prefix) :]: v for k, v in found if k.startswith(prefix)}


_FILES = Catalogue(FILES)
WORDS = _FILES.by_language  # {"nl": {key: text}, "en": {key: text}}
words = _FILES.words
section = _FILES.section


def language_of(value: object) -> str:
    """``value`` if it is a language herplan speaks, else Dutch."""
    return value if isinstance(value, str) and value in WORDS else "nl"
