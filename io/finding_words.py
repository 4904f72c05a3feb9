"""The words of every finding (``herplan.findings``): per code its Dutch and its English,
side by side, and the subject it is about (README, The rules; README, Input).

A finding reads ``<who or where>: <what>``. The *who* is an appointment
(``D00052 (AK09, 2026-12-01 10:00)``), a consultant's morning (``AK09 2026-12-01``)
or a place in the input (``file › sheet › row N › column``); the *what* is the code's
text in the reader's language with the finding's values. The command line and the
files speak English, the page the planning's language.
"""

from __future__ import annotations

from herplan.findings import Code, Finding, Subject
from herplan.io.words import words
from herplan.scheduler.timing import hhmm

Language = str
_F = "%d-%m-%Y"

# Each code: (Dutch, English), with the finding's values by name.
WORDS: dict[Code, tuple[str, str]] = {
    Code.NOT_A_WORKING_DAY: ("geen werkdag in de periode", "not a working day of the period"),
    Code.INTERVIEW_OUTSIDE_MORNING: (
        "het gesprek valt buiten de ochtend",
        "interview outside the morning",
    ),
    Code.INTERVIEW_WRONG_LENGTH: (
        "het gesprek duurt niet zo lang als nodig",
        "interview does not last its length",
    ),
    Code.WRITEUP_OUTSIDE_AFTERNOON: (
        "de uitwerking valt buiten de middag",
        "write-up outside the afternoon",
    ),
    Code.WRITEUP_WRONG_LENGTH: (
        "de uitwerking duurt geen {minutes} minuten",
        "write-up is not {minutes} minutes",
    ),
    Code.ABSENT_BUT_INTERVIEWS: (
        "is (een deel van) de dag afwezig, maar heeft gesprekken",
        "absent (part of the day) but holds interviews",
    ),
    Code.WRITEUPS_OVERLAP: ("de uitwerkingen van de middag overlappen", "write-ups overlap"),
    Code.MORE_THAN_ONE_LOCATION: (
        "meer dan één locatie op één ochtend",
        "more than one location in one morning",
    ),
    Code.NO_CHANGEOVER: (
        "{first} en {second} zonder wisseltijd",
        "{first} and {second} without change-over time",
    ),
    Code.NOT_A_CONSULTANT: ("is geen consulent in de invoer", "not a consultant of the input"),
    Code.CONSULTANT_NOT_WORKING: (
        "werkt niet (vrije dag, feestdag of afwezig)",
        "not working (weekday, holiday or absence)",
    ),
    Code.WEEKLY_CAP_EXCEEDED: (
        "{mornings} ochtenden in week {week}, terwijl het maximum {cap} is",
        "{mornings} mornings in week {week}, cap {cap}",
    ),
    Code.LOCATION_CLOSED: ("de locatie is die dag dicht", "the location is closed that day"),
    Code.TOO_FEW_ROOMS: (
        "{consultants} consulenten tegelijk, maar {rooms} gesprekskamers",
        "{consultants} consultants at once, {rooms} rooms",
    ),
    Code.AFTER_INDICATION_ENDS: ("na het einde van de indicatie", "after the indication ends"),
    Code.SUPPORT_PLAN_NOT_CURRENT: (
        "het ondersteuningsplan is die dag niet actueel",
        "the support plan is not current that day",
    ),
    Code.WORKER_DOUBLE_BOOKED: (
        "begeleider {worker} heeft op {day} twee gesprekken tegelijk",
        "begeleider {worker} double-booked on {day}",
    ),
    Code.CLIENT_CANNOT_COME: ("de cliënt kan die dag niet", "the client cannot come that day"),
    Code.SHOULD_BE_WITH_WORKER: (
        "moet met de begeleider gehouden worden",
        "should be held with the begeleider",
    ),
    Code.SHOULD_BE_WITH_CLIENT: (
        "moet met de cliënt gehouden worden",
        "should be held with the client",
    ),
    Code.CONFIRMED_NOT_KEPT: ("bevestigd, maar niet gehouden", "confirmed, but not kept"),
    # The guard before a plan is written, and a reassessment with nothing to suggest.
    Code.PLANNED_TWICE: ("{times} keer ingepland", "planned {times} times"),
    Code.NOT_IN_INPUT: ("staat niet in de invoer", "not in the input"),
    Code.WITHDRAWN_BUT_PLANNED: ("ingetrokken, maar toch ingepland", "withdrawn but planned"),
    Code.DIFFERS_FROM_INPUT: (
        "aanbieder, locatie of cliënt wijkt af van de invoer",
        "provider, location or client differ from the input",
    ),
    Code.PLANNED_AND_LISTED: (
        "{planned} keer ingepland en {listed} keer vermeld als niet ingepland",
        "planned {planned} times and listed {listed} times",
    ),
    Code.LISTED_WITHOUT_REASON: (
        "vermeld als niet ingepland, maar zonder reden",
        "listed as not planned without a reason",
    ),
    Code.HELD_NOT_KEPT: (
        "is al gehouden, maar staat niet meer zoals het was",
        "held by today but not kept as it was",
    ),
    Code.SAME_DAY_MOVED: (
        "de aanbieder hield {day} aan (zelfde dag), maar het gesprek is verplaatst naar {moved_to}",
        "the provider kept {day} (zelfde dag), but the interview moved to {moved_to}",
    ),
    Code.NEE_DAY_KEPT: (
        "de aanbieder antwoordde nee voor {day}, maar het gesprek staat nog op die dag",
        "the provider answered nee for {day}, but the interview is still that day",
    ),
    Code.DROPPED_WITHOUT_CAUSE: (
        "uit de planning gehaald zonder oorzaak",
        "dropped without a cause",
    ),
    Code.MOVED_WITHOUT_ROOM: (
        "verplaatst zonder ruimte te maken voor een nieuw ingeplande herindicatie",
        "moved without making room for a newly planned reassessment",
    ),
    Code.FEWER_THAN_FIRST_PLAN: (
        "de planning bevat {planned} herindicaties, minder dan de eerste planning ({first})",
        "the plan holds {planned} reassessments, fewer than its first plan ({first})",
    ),
    Code.MORE_FAILURES: ("en nog {more} andere", "and {more} more"),
    Code.NOT_OPEN: (
        "{dossier} is geen open herindicatie in de invoer",
        "{dossier} is not an open reassessment of the input",
    ),
    Code.PROVIDER_CONFIRMED: (
        "de aanbieder heeft deze afspraak bevestigd (ja)",
        "the provider confirmed this appointment (ja)",
    ),
    Code.DAY_NOT_AFTER_TODAY: (
        "{day} is vandaag of al voorbij (vandaag is {today}); verplaats naar een latere dag",
        "{day} is not after today ({today})",
    ),
    Code.PROVIDER_ANSWERED_NEE: (
        "de aanbieder antwoordde nee voor {day}",
        "the provider answered nee for {day}",
    ),
    Code.ALREADY_ON_DAY: (
        "{dossier} staat al op {day}; met de hand verplaatst u naar een andere dag",
        "{dossier} is on {day} already; a move by hand goes to another day",
    ),
    Code.NEEDS_ANOTHER_MOVED: (
        "{dossier} past in de ochtend van {consultant} op {day} alleen als een ander gesprek van "
        "tijd of consulent wisselt",
        "{dossier} fits {consultant}'s morning of {day} only if another appointment changes its "
        "time or consultant; choose another morning, or rerun and let the engine find room",
    ),
    Code.HELD_ALREADY: (
        "{dossier} is al gehouden (op {day}; vandaag is {today}) en blijft zoals het was",
        "{dossier} is held already (on {day}, today is {today}); it stays as it was",
    ),
    Code.EXCEL_ERROR_VALUE: (
        "Excel-foutwaarde {value}; vul een echte waarde in",
        "Excel error value {value}; expected a real value",
    ),
    Code.EMPTY_VALUE: ("is leeg; hier is een waarde nodig", "is empty; a value is required"),
    Code.TEXT_TOO_LONG: (
        "tekst van {length} tekens; hier passen er hoogstens {most}",
        "text of {length} characters; at most {most} fit here",
    ),
    Code.CONTROL_CHARACTER: (
        "bevat het onzichtbare stuurteken {character} (vaak meegeplakt uit een ander programma); "
        "typ de tekst opnieuw",
        "contains the invisible control character {character} (often pasted from another "
        "program); retype the text",
    ),
    Code.EMPTY_DATE: (
        "is leeg; hier is een datum nodig (bijvoorbeeld 4-12-2026 of 2026-12-04)",
        "is empty; a date is required (e.g. 2026-12-04 or 4-12-2026)",
    ),
    Code.NOT_A_DATE: (
        "'{value}' is geen datum; typ bijvoorbeeld 4-12-2026 of 2026-12-04",
        "'{value}' is not a date; expected e.g. 2026-12-04 or 4-12-2026",
    ),
    Code.IMPLAUSIBLE_DATE: (
        f"{{day:{_F}}} is hier geen aannemelijke datum; verwacht tussen {{earliest:{_F}}} en "
        f"{{latest:{_F}}} (controleer het jaar)",
        f"{{day:{_F}}} is not a plausible date here; expected a date from {{earliest:{_F}}} to "
        f"{{latest:{_F}}} (check the year)",
    ),
    Code.NUMBER_OUT_OF_RANGE: (
        "'{value}' is geen geheel getal van {minimum} tot en met {maximum}",
        "'{value}' is not a whole number from {minimum} to {maximum}",
    ),
    Code.NUMBER_TOO_SMALL: (
        "'{value}' is geen geheel getal van minstens {minimum}",
        "'{value}' is not a whole number of at least {minimum}",
    ),
    Code.WEEKDAYS_NOT_A_DATE: (
        "hier horen weekdagen zoals ma,di,do, geen datum",
        "expected weekdays such as ma,di,do, not a date",
    ),
    Code.NOT_WEEKDAYS_OR_DATES: (
        "'{value}' is niet te begrijpen; gebruik weekdagen (ma, di, wo, do, vr, za, zo) of "
        "datums (4-12-2026)",
        "'{value}' is not understood; expected weekdays (ma, di, wo, do, vr, za, zo) or dates "
        "(2026-12-04, 4-12-2026)",
    ),
    Code.NOT_WEEKDAYS: (
        "'{value}' is niet te begrijpen; gebruik weekdagen (ma, di, wo, do, vr, za, zo)",
        "'{value}' is not understood; expected weekdays (ma, di, wo, do, vr, za, zo)",
    ),
    Code.NOT_ONE_OF: ("'{value}' is geen van: {choices}", "'{value}' is not one of: {choices}"),
    Code.NOT_AN_EMAIL: ("'{value}' is geen e-mailadres", "'{value}' is not an e-mail address"),
    Code.MERGED_CELLS: (
        "samengevoegde cellen {cells}; maak ze los en vul elke rij in",
        "merged cells {cells}; unmerge them and fill in every row",
    ),
    Code.FORMULA_WITHOUT_VALUE: (
        "formule {formula} heeft geen berekende waarde; typ de waarde zelf of sla het bestand "
        "op in Excel",
        "formula {formula} has no computed value; type the value itself, or open and save the "
        "file in Excel",
    ),
    Code.CONSULTANT_TWICE: (
        "'{value}' staat er twee keer; elke consulentcode één keer",
        "'{value}' appears twice; consultant ids must be unique",
    ),
    Code.EXTRA_MORNINGS_NOT_DATES: (
        "hier horen datums; weekdagen horen in werkdagen",
        "expected dates; use werkdagen for weekdays",
    ),
    Code.LOCATION_TWICE: (
        "'{value}' staat er twee keer; elke locatie één keer",
        "'{value}' appears twice; locations must be unique",
    ),
    Code.CLOSED_NOT_DATES: (
        "hier horen datums; weekdagen horen in open_dagen",
        "expected dates; use open_dagen for weekdays",
    ),
    Code.UNKNOWN_CONSULTANT: (
        "'{value}' is geen consulent op het blad Consulenten",
        "'{value}' is not a consultant in sheet Consulenten",
    ),
    Code.ENDS_BEFORE_START: (
        "eindigt vóór van; vul een datum op of na van in",
        "ends before van; expected a date on or after van",
    ),
    Code.DOSSIER_TWICE: (
        "'{value}' staat er twee keer; elk dossier één keer",
        "'{value}' appears twice; each dossier once",
    ),
    Code.UNKNOWN_LOCATION: (
        "'{value}' is geen locatie van {provider} op het blad Locaties",
        "'{value}' is not a location of {provider} in sheet Locaties",
    ),
    Code.UNKNOWN_PROVIDER: (
        "'{value}' is geen aanbieder op het blad Locaties",
        "'{value}' is not a provider in sheet Locaties",
    ),
    Code.INTERVIEW_TOO_LONG: (
        "een gesprek van {minutes} minuten past niet in de ochtend van {morning} minuten "
        "(instelling ochtend)",
        "an interview of {minutes} minutes does not fit in the morning of {morning} minutes "
        "(setting ochtend)",
    ),
    Code.PLAN_DATE_AFTER_INDICATION: (
        f"het ondersteuningsplan is van {{plan_date:{_F}}}, na het einde van de indicatie "
        f"({{indication_end:{_F}}}); controleer de datum",
        f"the support plan is dated {{plan_date:{_F}}}, after the indication ends "
        f"({{indication_end:{_F}}}); please check the date",
    ),
    Code.PLAN_DATE_AFTER_TODAY: (
        f"het ondersteuningsplan is van {{plan_date:{_F}}}, na vandaag ({{today:{_F}}}); het "
        "telt pas vanaf die dag",
        f"the support plan is dated {{plan_date:{_F}}}, after today ({{today:{_F}}}); it only "
        "counts from that day on",
    ),
    Code.UNREADABLE_ANSWERS: (
        "is niet te lezen als teruggestuurd werkboek van een aanbieder ({error})",
        "cannot be read as a returned provider workbook ({error})",
    ),
    Code.NO_ANSWER_SHEET: (
        "geen blad met de kolommen Dossier en Haalbaar",
        "no sheet with the columns Dossier and Haalbaar",
    ),
    Code.NOT_IN_PREVIOUS_PLAN: (
        "dossier '{value}' staat niet in de vorige planning",
        "dossier '{value}' is not in the previous plan",
    ),
    Code.OTHER_PROVIDERS_DOSSIER: (
        "dossier '{value}' hoort bij {owner}, niet bij {provider} van wie dit blad is",
        "dossier '{value}' belongs to {owner}, not to {provider} whose sheet this is",
    ),
    Code.ANSWER_NOT_UNDERSTOOD: (
        "'{value}' is niet te begrijpen; vul ja, nee of zelfde dag in",
        "'{value}' is not understood; expected ja, nee or zelfde dag",
    ),
    Code.COLUMN_TWICE: (
        "de kolom staat er twee keer; houd er één",
        "column appears twice; keep one",
    ),
    Code.UNKNOWN_COLUMN: (
        "deze kolom hoort niet bij het invoerformaat en wordt overgeslagen",
        "column is not part of the input format and is ignored",
    ),
    Code.HEADER_NOT_ON_ROW_1: (
        "de kolomnamen staan op rij {row}; ze moeten op rij 1 staan (verwijder de rijen erboven)",
        "the column names are on row {row}; they must be on row 1 (delete the rows above them)",
    ),
    Code.MISSING_COLUMN: (
        "deze verplichte kolom ontbreekt; voeg haar toe",
        "required column is missing",
    ),
    Code.REPEATED_HEADER: (
        "deze rij herhaalt de kolomnamen; verwijder haar",
        "this row repeats the column names; delete it",
    ),
    Code.MISSING_SHEET: (
        "dit verplichte blad ontbreekt; gebruik het lege invoerbestand van deze "
        "pagina als voorbeeld",
        "required sheet is missing",
    ),
    Code.UNKNOWN_SETTING: (
        "onbekende instelling '{key}' wordt overgeslagen",
        "unknown setting '{key}' is ignored",
    ),
    Code.SETTING_NOT_VALID: (
        "'{value}' is niet geldig; verwacht {expected}",
        "'{value}' is not valid; expected {expected}",
    ),
    Code.PERIOD_TOO_LONG: (
        "de periode duurt langer dan een jaar; verwacht een planningsronde van weken",
        "the period is longer than a year; expected a planning wave of weeks",
    ),
    Code.PERIOD_ENDS_BEFORE_START: (
        "de periode eindigt voordat ze begint",
        "the period ends before it starts",
    ),
    Code.MORNING_ENDS_BEFORE_START: (
        "de ochtend eindigt voordat hij begint",
        "the morning ends before it starts",
    ),
    Code.AFTERNOON_ENDS_BEFORE_START: (
        "de middag eindigt voordat hij begint",
        "the afternoon ends before it starts",
    ),
    Code.AFTERNOON_BEFORE_MORNING_ENDS: (
        "de middag moet beginnen nadat de ochtend eindigt ({time})",
        "the afternoon must start after the morning ends ({time})",
    ),
    Code.SETTING_INTERVIEW_TOO_LONG: (
        "een gesprek van {minutes} minuten past niet in de ochtend van {morning} minuten "
        "(instelling ochtend)",
        "an interview of {minutes} minutes does not fit in the morning of {morning} minutes",
    ),
    Code.SETTING_WRITEUP_TOO_LONG: (
        "een uitwerking van {minutes} minuten past niet in de middag van {afternoon} minuten",
        "a write-up of {minutes} minutes does not fit in the afternoon of {afternoon} minutes",
    ),
    Code.PERIOD_ENDED: (
        "de periode van {start} tot en met {end} is voorbij (vandaag is {today}); controleer of "
        "dit de invoer van dit jaar is",
        "the period {start} to {end} has ended (today is {today}); check that this is this "
        "year's input, or replay the period on purpose with --today {replay}",
    ),
    Code.FILE_NOT_FOUND: ("bestand niet gevonden", "file not found"),
    Code.OLD_XLS: (
        "dit is een oud .xls-bestand; sla het in Excel op als .xlsx en probeer het opnieuw",
        "this is an old .xls file; save it in Excel as .xlsx and try again",
    ),
    Code.PASSWORD_OR_XLS: (
        "het werkboek heeft een wachtwoord of is een oud .xls-bestand; sla een kopie op zonder "
        "wachtwoord als .xlsx",
        "the workbook is password-protected or an old .xls file; remove the password and save "
        "as .xlsx",
    ),
    Code.NOT_A_WORKBOOK: (
        "geen Excel-werkboek (.xlsx) of CSV-bestanden",
        "not an Excel workbook (.xlsx) or a folder of CSV files",
    ),
    Code.UNREADABLE_WORKBOOK: (
        "is niet te lezen als Excel-werkboek ({error}); sla het opnieuw op in Excel als .xlsx",
        "cannot be read as an Excel workbook ({error})",
    ),
    Code.NOT_A_REGULAR_FILE: (
        "geen gewoon bestand; geef het werkboek zelf",
        "not a regular file; give the workbook itself",
    ),
    Code.TOO_MANY_ROWS: (
        "meer dan {most} rijen; dat is veel meer dan een planningsronde, controleer het blad",
        "more than {most} rows; this is far beyond a planning wave, check the sheet",
    ),
    Code.TOO_MANY_CSV_ROWS: ("meer dan {most} rijen", "more than {most} rows"),
    Code.NOT_READABLE_AS_CSV: ("niet te lezen als CSV ({error})", "not readable as CSV ({error})"),
    Code.A_FOLDER_NOT_CSV: (
        "is een map, geen CSV-bestand; verwijder of hernoem haar",
        "is a folder, not a CSV file; remove or rename it",
    ),
    Code.A_BROKEN_LINK: (
        "is een snelkoppeling naar niets; verwijder of hernoem haar",
        "is a link to nothing (broken link); remove or rename it",
    ),
    Code.CANNOT_BE_READ: ("is niet te lezen ({error})", "cannot be read ({error})"),
    Code.NOT_TEXT: (
        "byte {byte} is geen tekst in UTF-8 of Windows-1252; sla het blad in Excel "
        "op als 'CSV UTF-8'",
        "byte {byte} is not text in UTF-8 or Windows-1252; save the sheet in Excel as 'CSV UTF-8'",
    ),
    Code.RUN_ENDED_WITHOUT_PLAN: (
        "de planning stopte zonder plan (status {status})",
        "the run ended without a plan (exit status {status})",
    ),
    Code.PICKED_ONLINE_TAKEN: (
        "de online gekozen plaats ({place}) is niet meer vrij; ingepland als een nee",
        "the place picked online ({place}) is no longer free; planned as a nee",
    ),
    Code.SET_BY_HAND_TAKEN: (
        "de met de hand gekozen plaats ({place}) is niet meer vrij; opnieuw ingepland",
        "the place set by hand ({place}) is no longer free; planned anew",
    ),
    Code.WORKBOOKS_DISAGREE: (
        "{answer} in {source}, {other} in {other_source}; {counts} telt",
        "{answer} in {source}, {other} in {other_source}; {counts} counts",
    ),
    Code.WORKBOOK_AND_ONLINE_DISAGREE: (
        "{answer} in {source}, {other} online ({other_source}); {counts} telt",
        "{answer} in {source}, {other} online ({other_source}); {counts} counts",
    ),
    Code.CHOSEN_DAY_PASSED: (
        "{day} is vandaag of al voorbij (vandaag is {today}); opnieuw ingepland",
        "{day} is not after today ({today}); planned anew",
    ),
    Code.CORRECTION_REFUSED: (  # these when it names no refusal (``refused``)
        "het voorstel is geweigerd",
        "the proposal is refused",
    ),
    Code.SCENARIO_NO_INPUT: (
        "daar staat geen invoerbestand of -map",
        "no input file or folder there",
    ),
    Code.SCENARIO_NOT_UNDERSTOOD: (
        '"{value}" is geen wijziging die herplan kent; schrijf bijvoorbeeld '
        '"AB05 afwezig week 51", "periode tot 2027-01-08", "AB05 max 3 per week" of '
        '"AB05 werkdagen ma,di,do"',
        '"{value}" is not a change herplan knows; expected e.g. "AB05 afwezig week 51", '
        '"periode tot 2027-01-08", "AB05 max 3 per week" or "AB05 werkdagen ma,di,do"',
    ),
    Code.SCENARIO_NOT_A_CONSULTANT: (
        "'{value}' is geen consulent op het blad Consulenten",
        "'{value}' is not a consultant in sheet Consulenten",
    ),
    Code.SCENARIO_NOT_A_DATE: (
        "'{value}' is geen datum; schrijf bijvoorbeeld 2026-12-14 of 14-12-2026",
        "'{value}' is not a date; expected e.g. 2026-12-14 or 14-12-2026",
    ),
    Code.SCENARIO_WEEK_NOT_IN_PERIOD: (
        "week {week} valt niet in de periode",
        "week {week} is not a week of the period",
    ),
    Code.SCENARIO_ENDS_BEFORE_START: ("{end} ligt vóór {start}", "{end} is before {start}"),
    Code.SCENARIO_PERIOD_ENDS_BEFORE_START: (
        "de periode zou eindigen voordat ze begint",
        "the period would end before it starts",
    ),
    Code.SCENARIO_NOT_WEEKDAYS: (
        "'{value}' zijn geen weekdagen; schrijf bijvoorbeeld ma,di,do",
        "'{value}' are not weekdays; expected e.g. ma,di,do",
    ),
    Code.FOLDER_BUSY: (
        "herplan plant of verstuurt al met deze map; probeer het opnieuw als dat klaar is",
        "another herplan run (plan or send) is busy with this folder; try again when it has "
        "finished",
    ),
    Code.TEXT: ("{text}", "{text}"),
}


# What each setting of the sheet Instellingen expects (README, Input): (Dutch, English).
EXPECTED: dict[str, tuple[str, str]] = {
    "periode_start": ("een datum zoals 2026-12-01", "a date such as 2026-12-01"),
    "periode_eind": ("een datum zoals 2026-12-31", "a date such as 2026-12-31"),
    "ochtend": ("een tijdvak zoals 09:00-12:30", "a time window like 09:00-12:30"),
    "middag": ("een tijdvak zoals 13:00-17:00", "a time window like 13:00-17:00"),
    "gespreksduur_min": ("een geheel aantal minuten boven 0", "a whole number of minutes above 0"),
    "wisseltijd_min": (
        "een geheel aantal minuten van 0 tot en met 240",
        "a whole number of minutes from 0 to 240",
    ),
    "uitwerktijd_min": ("een geheel aantal minuten boven 0", "a whole number of minutes above 0"),
    "max_leeftijd_ondersteuningsplan_maanden": (
        "een geheel aantal maanden van 1 tot en met 36",
        "a whole number of months from 1 to 36",
    ),
    "voorbereiding_werkdagen": (
        "een geheel aantal werkdagen van 0 tot en met 60",
        "a whole number of working days from 0 to 60",
    ),
    "feestdagen": ("een landcode zoals NL, of geen", "a country code such as NL, or geen"),
    "tijdzone": ("een tijdzone zoals Europe/Amsterdam", "a time zone such as Europe/Amsterdam"),
    "taal": ("nl of en", "nl or en"),
    "rekentijd_s": (
        "een aantal seconden boven 0, hoogstens 86400",
        "a number of seconds above 0, at most 86400",
    ),
    "organisator_naam": ("een naam van hoogstens 200 tekens", "a name of at most 200 characters"),
    "organisator_email": ("een e-mailadres", "an e-mail address"),
    "planner_naam": ("een naam van hoogstens 200 tekens", "a name of at most 200 characters"),
    "planner_email": ("een e-mailadres", "an e-mail address"),
    "planner_telefoon": ("een telefoonnummer", "a telephone number"),
    "reactie_werkdagen": (
        "een geheel aantal werkdagen van 0 tot en met 60",
        "a whole number of working days from 0 to 60",
    ),
    "bewaartermijn_maanden": (
        "een geheel aantal maanden van 0 tot en met 120",
        "a whole number of months from 0 to 120",
    ),
}


def what(finding: Finding, language: Language = "en") -> str:
    """The finding's *what*: its code's text in ``language`` (Dutch unless ``en``). A value
    named ``setting`` brings what that setting expects (``EXPECTED``); one named ``refused``
    says why a correction is refused in the corrections' own words."""
    dutch, english = WORDS[finding.code]
    named: dict[str, object] = dict(finding.named)
    if "refused" in named:  # README, Corrections
        return words(language)[f"corr_refused_{named.pop('refused')}"].format(**named)
    if "setting" in named:
        nl, en = EXPECTED[str(named["setting"])]
        named["expected"] = en if language == "en" else nl
    return (english if language == "en" else dutch).format(**named)


def where(subject: Subject, language: Language = "en") -> str:
    """The place in the input: ``file › sheet › row N › column`` (README, Input)."""
    parts = [subject.file]
    if subject.sheet:
        parts.append(subject.sheet)
    if subject.row is not None:
        parts.append(f"{'row' if language == 'en' else 'rij'} {subject.row}")
    if subject.column:
        parts.append(subject.column)
    return " › ".join(parts)


def who(subject: Subject, language: Language = "en") -> str:
    """Who or where a finding is about, as the command line and the page both show it."""
    if subject.file:
        return where(subject, language)
    day = subject.day.isoformat() if subject.day else ""
    if subject.dossier and subject.day:
        time = "" if subject.start is None else f" {hhmm(subject.start)}"
        return f"{subject.dossier} ({subject.consultant}, {day}{time})"
    name = subject.dossier or subject.consultant or subject.location
    return f"{name} {day}" if day else name


def render(finding: Finding, language: Language = "en") -> str:
    """``<who>: <what>`` (just the *what* when the finding is about no one in particular)."""
    said = who(finding.subject, language)
    return f"{said}: {what(finding, language)}" if said else what(finding, language)


def english(findings: list[Finding]) -> list[str]:
    """The findings as the command line and the files say them."""
    return [render(f) for f in findings]
