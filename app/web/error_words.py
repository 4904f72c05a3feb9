"""The input's error messages in Dutch, for the Dutch page (issue 29: every message in
the page's language, with what to do next).

The reader says what is wrong in English (the command line and the library speak
English); the page shows the file, sheet, row and column in their own columns and
the *what* through this table. Each entry is the English message as a pattern and its
Dutch text with the same values; a message without an entry is shown as it is.
"""

from __future__ import annotations

import re

_NL: list[tuple[str, str]] = [
    (r"(?P<d>[^:]+): the place set by hand \((?P<p>[^)]+)\) is no longer free; planned anew",
     "{d}: de met de hand gekozen plaats ({p}) is niet meer vrij; opnieuw ingepland"),
    (r"(?P<d>[^:]+): the place picked online \((?P<p>[^)]+)\) is no longer free; planned as "
     r"a nee",
     "{d}: de online gekozen plaats ({p}) is niet meer vrij; ingepland als een nee"),
    (r"Excel error value (?P<v>.+); expected a real value",
     "Excel-foutwaarde {v}; vul een echte waarde in"),
    (r"is empty; a value is required", "is leeg; hier is een waarde nodig"),
    (r"text of (?P<n>\d+) characters; at most (?P<m>\d+) fit here",
     "tekst van {n} tekens; hier passen er hoogstens {m}"),
    (r"contains the invisible control character (?P<c>U\+[0-9A-F]+) .*",
     "bevat het onzichtbare stuurteken {c} (vaak meegeplakt uit een ander programma); "
     "typ de tekst opnieuw"),
    (r"is empty; a date is required .*",
     "is leeg; hier is een datum nodig (bijvoorbeeld 4-12-2026 of 2026-12-04)"),
    (r"'(?P<v>.*)' is not a date; expected .*",
     "'{v}' is geen datum; typ bijvoorbeeld 4-12-2026 of 2026-12-04"),
    (r"(?P<d>[\d-]+) is not a plausible date here; expected a date from (?P<a>[\d-]+) to "
     r"(?P<b>[\d-]+) \(check the year\)",
     "{d} is hier geen aannemelijke datum; verwacht tussen {a} en {b} (controleer het jaar)"),
    (r"'(?P<v>.*)' is not a whole number from (?P<a>\d+) to (?P<b>\d+)",
     "'{v}' is geen geheel getal van {a} tot en met {b}"),
    (r"'(?P<v>.*)' is not a whole number of at least (?P<a>\d+)",
     "'{v}' is geen geheel getal van minstens {a}"),
    (r"expected weekdays such as ma,di,do, not a date",
     "hier horen weekdagen zoals ma,di,do, geen datum"),
    (r"'(?P<v>.*)' is not understood; expected weekdays \(ma, di, wo, do, vr, za, zo\) "
     r"or dates .*",
     "'{v}' is niet te begrijpen; gebruik weekdagen (ma, di, wo, do, vr, za, zo) of datums "
     "(4-12-2026)"),
    (r"'(?P<v>.*)' is not understood; expected weekdays .*",
     "'{v}' is niet te begrijpen; gebruik weekdagen (ma, di, wo, do, vr, za, zo)"),
    (r"'(?P<v>.*)' is not one of: (?P<c>.*)", "'{v}' is geen van: {c}"),
    (r"'(?P<v>.*)' is not an e-mail address", "'{v}' is geen e-mailadres"),
    (r"'(?P<v>.*)' appears twice; consultant ids must be unique",
     "'{v}' staat er twee keer; elke consulentcode één keer"),
    (r"'(?P<v>.*)' appears twice; locations must be unique",
     "'{v}' staat er twee keer; elke locatie één keer"),
    (r"expected dates; use open_dagen for weekdays",
     "hier horen datums; weekdagen horen in open_dagen"),
    (r"'(?P<v>.*)' is not a consultant in sheet Consulenten",
     "'{v}' is geen consulent op het blad Consulenten"),
    (r"ends before van; expected a date on or after van",
     "eindigt vóór van; vul een datum op of na van in"),
    (r"'(?P<v>.*)' appears twice; each dossier once",
     "'{v}' staat er twee keer; elk dossier één keer"),
    (r"'(?P<v>.*)' is not a location of (?P<p>.*) in sheet Locaties",
     "'{v}' is geen locatie van {p} op het blad Locaties"),
    (r"'(?P<v>.*)' is not a provider in sheet Locaties",
     "'{v}' is geen aanbieder op het blad Locaties"),
    (r"an interview of (?P<n>\d+) minutes does not fit in the morning of (?P<m>\d+) minutes.*",
     "een gesprek van {n} minuten past niet in de ochtend van {m} minuten (instelling ochtend)"),
    (r"column appears twice; keep one", "de kolom staat er twee keer; houd er één"),
    (r"column is not part of the input format and is ignored",
     "deze kolom hoort niet bij het invoerformaat en wordt overgeslagen"),
    (r"the column names are on row (?P<n>\d+); they must be on row 1 .*",
     "de kolomnamen staan op rij {n}; ze moeten op rij 1 staan (verwijder de rijen erboven)"),
    (r"required column is missing", "deze verplichte kolom ontbreekt; voeg haar toe"),
    (r"this row repeats the column names; delete it",
     "deze rij herhaalt de kolomnamen; verwijder haar"),
    (r"required sheet is missing", "dit verplichte blad ontbreekt; gebruik het lege "
     "invoerbestand van deze pagina als voorbeeld"),
    (r"unknown setting '(?P<v>.*)' is ignored", "onbekende instelling '{v}' wordt overgeslagen"),
    (r"'(?P<v>.*)' is not valid; expected (?P<e>.*)", "'{v}' is niet geldig; verwacht {e}"),
    (r"the period ends before it starts", "de periode eindigt voordat ze begint"),
    (r"(?P<d>\S+) is held already \(on (?P<a>[\d-]+), today is (?P<t>[\d-]+)\); .*",
     "{d} is al gehouden (op {a}; vandaag is {t}) en blijft zoals het was"),
    (r"the period (?P<a>[\d-]+) to (?P<b>[\d-]+) has ended \(today is (?P<t>[\d-]+)\); .*",
     "de periode van {a} tot en met {b} is voorbij (vandaag is {t}); controleer of dit de "
     "invoer van dit jaar is"),
    (r"the morning ends before it starts", "de ochtend eindigt voordat hij begint"),
    (r"the afternoon ends before it starts", "de middag eindigt voordat hij begint"),
    (r"the afternoon must start after the morning ends \((?P<t>[\d:]+)\)",
     "de middag moet beginnen nadat de ochtend eindigt ({t})"),
    (r"merged cells (?P<c>\S+); unmerge them and fill in every row",
     "samengevoegde cellen {c}; maak ze los en vul elke rij in"),
    (r"formula (?P<f>.*) has no computed value; .*",
     "formule {f} heeft geen berekende waarde; typ de waarde zelf of sla het bestand op in "
     "Excel"),
    (r"this is an old \.xls file; save it in Excel as \.xlsx and try again",
     "dit is een oud .xls-bestand; sla het in Excel op als .xlsx en probeer het opnieuw"),
    (r"the workbook is password-protected or an old \.xls file; .*",
     "het werkboek heeft een wachtwoord of is een oud .xls-bestand; sla een kopie op zonder "
     "wachtwoord als .xlsx"),
    (r"not an Excel workbook \(\.xlsx\) or a folder of CSV files",
     "geen Excel-werkboek (.xlsx) of CSV-bestanden"),
    (r"cannot be read as an Excel workbook \((?P<e>.*)\)",
     "is niet te lezen als Excel-werkboek ({e}); sla het opnieuw op in Excel als .xlsx"),
    (r"the run ended without a plan \(exit status (?P<n>-?\d+)\)",
     "de planning stopte zonder plan (status {n})"),
    (r"the support plan is dated (?P<d>[\d-]+), after the indication ends \((?P<e>[\d-]+)\); "
     r"please check the date",
     "het ondersteuningsplan is van {d}, na het einde van de indicatie ({e}); controleer de "
     "datum"),
]  # fmt: skip

_TABLE = {"nl": [(re.compile(pattern + r"$"), text) for pattern, text in _NL]}


def in_language(what: str, lang: str) -> str:
    """``what`` (the reader's English) in ``lang``; as it is when there is no entry."""
    for pattern, text in _TABLE.get(lang, ()):
        found = pattern.match(what)
        if found:
            return text.format(**found.groupdict())
    return what
