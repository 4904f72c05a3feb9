"""The input workbook's sheets and columns (README, Input), shared by reader and template."""

from __future__ import annotations

from dataclasses import dataclass

from herplan.domain.codes import DayPart


@dataclass(frozen=True)
class Column:
    """One column of an input sheet, with the description shown in the template."""

    name: str
    required: bool
    description: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    name: str
    required: bool
    description: str
    columns: tuple[Column, ...]


def normalise(header: object) -> str:
    """Header matching ignores case, surrounding spaces and ``_`` versus space."""
    text = "" if header is None else str(header)
    return " ".join(text.replace("_", " ").strip().casefold().split())


REASSESSMENTS = Sheet(
    "Herindicaties",
    True,
    "Eén regel per openstaande herindicatie.",
    (
        Column("dossier", True, "Uniek pseudoniem dossiernummer (nooit een BSN)."),
        Column("client", True, "Hoe de cliënt aan de aanbieder getoond wordt, bv. initialen J.B."),
        Column("aanbieder", True, "Zorgaanbieder; moet voorkomen in Locaties."),
        Column("locatie", True, "Locatie van de aanbieder; moet voorkomen in Locaties."),
        Column("product", False, "Bv. BW intramuraal, BW extramuraal, Beschermd Thuis."),
        Column("einddatum_indicatie", True, "Einddatum van de huidige indicatie."),
        Column("datum_ondersteuningsplan", False, "Datum van het huidige ondersteuningsplan."),
        Column("nieuw_ondersteuningsplan_verwacht", False, "Datum waarop een nieuw plan komt."),
        Column("begeleider", False, "Begeleider van de cliënt."),
        Column("begeleider_email", False, "E-mailadres van de begeleider."),
        Column(
            "aanwezigheid_client",
            False,
            "vereist (standaard) of niet vereist: dan mag de begeleider het gesprek voeren.",
            ("vereist", "niet vereist"),
        ),
        Column(
            "client_niet_beschikbaar",
            False,
            "Data en/of weekdagen waarop de cliënt niet kan, bv. wo, 2026-12-10.",
        ),
        Column("vaste_consulent", False, "Voorkeursconsulent (id uit Consulenten)."),
        Column("gespreksduur_min", False, "Gespreksduur in minuten als die afwijkt."),
        Column(
            "status", False, "Leeg/open, of geannuleerd (niet inplannen).", ("open", "geannuleerd")
        ),
        Column("opmerking", False, "Vrije tekst, komt op het blad van de aanbieder."),
    ),
)

CONSULTANTS = Sheet(
    "Consulenten",
    True,
    "Eén regel per consulent.",
    (
        Column("consulent", True, "Korte unieke code, bv. AH."),
        Column("naam", True, "Volledige naam."),
        Column("email", False, "Voor uitnodigingen (organisator/deelnemer)."),
        Column("werkdagen", False, "Werkdagen, standaard ma,di,wo,do,vr."),
        Column("max_ochtenden_per_week", False, "Maximaal aantal gespreksochtenden per week."),
        Column(
            "extra_ochtenden",
            False,
            "Data waarop de consulent een ochtend extra werkt: op een vrije dag, of boven het "
            "weekmaximum (herplan capacity).",
        ),
    ),
)

ABSENCES = Sheet(
    "Afwezigheid",
    False,
    "Afwezigheid van consulenten.",
    (
        Column("consulent", True, "Code uit Consulenten."),
        Column("van", True, "Eerste dag."),
        Column("tot", False, "Laatste dag (standaard gelijk aan van)."),
        Column("dagdeel", False, "dag (standaard), ochtend of middag.", tuple(DayPart)),
    ),
)

LOCATIONS = Sheet(
    "Locaties",
    True,
    "Eén regel per locatie van een aanbieder.",
    (
        Column("aanbieder", True, "Zorgaanbieder."),
        Column("locatie", True, "Naam van de locatie, uniek binnen de aanbieder."),
        Column("adres", False, "Straat en huisnummer."),
        Column("postcode", False, "Postcode."),
        Column("plaats", False, "Plaats."),
        Column("gesprekskamers", False, "Kamers voor gelijktijdige gesprekken, standaard 1."),
        Column("open_dagen", False, "Weekdagen waarop de locatie kan ontvangen."),
        Column("gesloten", False, "Data waarop de locatie gesloten is."),
        Column("voorkeursdagen", False, "Weekdagen of data die de aanbieder liever heeft."),
        Column("contactpersoon", False, "Contactpersoon van de aanbieder."),
        Column("contact_email", False, "E-mailadres van de contactpersoon."),
    ),
)

SETTINGS = Sheet(
    "Instellingen",
    False,
    "Sleutel en waarde; elke sleutel is optioneel.",
    (
        Column("sleutel", True, "Naam van de instelling."),
        Column("waarde", False, "Waarde; leeg = standaard."),
        Column("toelichting", False, "Uitleg (wordt niet gelezen)."),
    ),
)

SHEETS = (REASSESSMENTS, CONSULTANTS, ABSENCES, LOCATIONS, SETTINGS)

# key: (default shown in the template, description)
SETTING_KEYS: dict[str, tuple[str, str]] = {
    "periode_start": ("1 december", "Eerste dag van de planperiode."),
    "periode_eind": ("31 december", "Laatste dag van de planperiode."),
    "ochtend": ("09:00-12:30", "Tijdvak voor gesprekken."),
    "middag": ("13:00-17:00", "Tijdvak voor uitwerken."),
    "gespreksduur_min": ("45", "Duur van een gesprek in minuten."),
    "wisseltijd_min": ("15", "Tijd tussen twee gesprekken van een consulent."),
    "uitwerktijd_min": ("45", "Uitwerktijd per gesprek in minuten."),
    "max_leeftijd_ondersteuningsplan_maanden": ("6", "Maximale leeftijd van het plan."),
    "voorbereiding_werkdagen": ("2", "Werkdagen tussen nieuw plan en gesprek."),
    "feestdagen": ("NL", "Land van de feestdagen (of geen)."),
    "tijdzone": ("Europe/Amsterdam", "Tijdzone van de tijden."),
    "taal": ("nl", "Taal van de bestanden voor aanbieders: nl of en."),
    "rekentijd_s": ("30", "Rekentijd van de planner in seconden."),
    "organisator_naam": ("", "Naam van het planningsbureau: organisator van de uitnodigingen."),
    "organisator_email": (
        "",
        "E-mailadres van het planningsbureau; zonder dit adres worden geen uitnodigingen per "
        "e-mail klaargezet.",
    ),
    "planner_naam": ("", "Wie een aanbieder kan bellen of mailen over de planning."),
    "planner_email": ("", "E-mailadres van de planner, in elk aanbiedersbestand."),
    "planner_telefoon": ("", "Telefoonnummer van de planner, in elk aanbiedersbestand."),
    "reactie_werkdagen": (
        "5",
        "Een aanbieder antwoordt (Haalbaar) zoveel werkdagen voor zijn eerste gesprek.",
    ),
    "bewaartermijn_maanden": (
        "3",
        "Zoveel maanden na het eind van de periode verwijdert de webpagina de planning met "
        "alle persoonsgegevens (herplan serve, herplan cleanup).",
    ),
}
