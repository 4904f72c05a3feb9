"""What a rule's own ``violations`` found, in Dutch, for a move by hand on the Dutch page.

Each rule says what it finds in English (``constraints/``: the guard, the tests and the
command line read it); a finding is ``<who and when>: <what>``. The page shows the
*what* through this table, with the same values, and the *who and when* as it is
(dossier, consultant, date and time). A finding without an entry is shown as it is.
"""

from __future__ import annotations

import re

_NL: list[tuple[str, str]] = [
    (r"write-up outside the afternoon", "de uitwerking valt buiten de middag"),
    (r"write-up is not (?P<n>\d+) minutes", "de uitwerking duurt geen {n} minuten"),
    (r"absent \(part of the day\) but holds interviews",
     "is (een deel van) de dag afwezig, maar heeft gesprekken"),
    (r"write-ups overlap", "de uitwerkingen van de middag overlappen"),
    (r"the client cannot come that day", "de cliënt kan die dag niet"),
    (r"should be held with the begeleider", "moet met de begeleider gehouden worden"),
    (r"should be held with the client", "moet met de cliënt gehouden worden"),
    (r"not a consultant of the input", "is geen consulent in de invoer"),
    (r"not working \(weekday, holiday or absence\)",
     "werkt niet (vrije dag, feestdag of afwezig)"),
    (r"(?P<n>\d+) mornings in week (?P<w>\d+), cap (?P<c>\d+)",
     "{n} ochtenden in week {w}, terwijl het maximum {c} is"),
    (r"(?P<n>\d+) consultants at once, (?P<r>\d+) rooms",
     "{n} consulenten tegelijk, maar {r} gesprekskamers"),
    (r"not a working day of the period", "geen werkdag in de periode"),
    (r"interview outside the morning", "het gesprek valt buiten de ochtend"),
    (r"interview does not last its length", "het gesprek duurt niet zo lang als nodig"),
    (r"more than one location in one morning", "meer dan één locatie op één ochtend"),
    (r"(?P<a>\S+) and (?P<b>\S+) without change-over time", "{a} en {b} zonder wisseltijd"),
    (r"confirmed, but not kept", "bevestigd, maar niet gehouden"),
    (r"after the indication ends", "na het einde van de indicatie"),
    (r"the location is closed that day", "de locatie is die dag dicht"),
    (r"the support plan is not current that day", "het ondersteuningsplan is die dag niet actueel"),
    (r"the provider answered nee for (?P<d>[\d-]+)", "de aanbieder antwoordde nee voor {d}"),
    (r"(?P<d>[\d-]+) is not after today \((?P<t>[\d-]+)\)",
     "{d} is vandaag of al voorbij (vandaag is {t}); verplaats naar een latere dag"),
    (r"(?P<d>\S+) is on (?P<day>[\d-]+) already; a move by hand goes to another day",
     "{d} staat al op {day}; met de hand verplaatst u naar een andere dag"),
    (r"(?P<d>\S+) fits (?P<c>\S+)'s morning of (?P<day>[\d-]+) only if another appointment "
     r"changes its time or consultant; .*",
     "{d} past in de ochtend van {c} op {day} alleen als een ander gesprek van tijd of "
     "consulent wisselt"),
]  # fmt: skip

_TABLE = {"nl": [(re.compile(pattern + r"$"), text) for pattern, text in _NL]}
_WORKER = re.compile(r"begeleider (?P<w>.+) double-booked on (?P<d>[\d-]+)$")


def finding_in(finding: str, lang: str) -> str:
    """A rule's finding in ``lang``: its *what* translated, its *who and when* kept."""
    if lang not in _TABLE:
        return finding
    worker = _WORKER.match(finding)
    if worker:
        return f"begeleider {worker['w']} heeft op {worker['d']} twee gesprekken tegelijk"
    for pattern, text in _TABLE[lang]:
        found = pattern.match(finding)  # a whole finding (the moves' own, no subject)
        if found:
            return text.format(**found.groupdict())
    who, sep, what = finding.partition(": ")
    for pattern, text in _TABLE[lang]:
        found = pattern.match(what) if sep else None
        if found:
            return f"{who}: {text.format(**found.groupdict())}"
    return finding
