"""Seeded generator of realistic planning inputs (the sizes of benchmarks/RESULTS.md: S, M, L, XL).

The shape follows what the regional provider table described: a few large
providers and many small ones (skewed sizes), part-time consultants with
absences, some stale support plans (a part of them with a promised new plan),
indications ending mid-December, clients who may be represented by their
begeleider, begeleiders shared by several clients, locations with one to three
rooms and a closed day now and then. ``generate`` returns the rows per sheet;
``write`` turns them into an input workbook. Same arguments, same workbook.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

from herplan.io.input_writer import write_input_workbook

SIZES: dict[str, tuple[int, int, int]] = {
    "S": (60, 4, 10),
    "M": (300, 10, 40),
    "L": (1000, 25, 120),
    "XL": (3000, 60, 300),
    # Tight regions: scarce consultants with low weekly caps (issue: engine at region scale).
    "T": (300, 6, 40),
    "L-tight": (1000, 22, 120),
    "XL-tight": (3000, 60, 300),
}
TIGHT_CAPS: dict[str, tuple[int | None, ...]] = {
    "T": (2, 2, 3),
    "L-tight": (2, 2, 3),
    "XL-tight": (2, 2, 3),
}
# A share of the clients whose begeleider column holds a provider's team name
# rather than a person, as real exports sometimes do: one "support worker"
# with a hundred clients or more, whom rule 8 gives one morning a day.
TEAM_SHARES: dict[str, float] = {"XL-tight": 0.3}

PROVIDERS = (
    "Yulius",
    "Leger des Heils",
    "De Hoop ggz",
    "Philadelphia",
    "Enver",
    "Kwintes",
    "Timon",
    "Pameijer",
    "Lelie zorggroep",
    "Stichting Eigen Kracht",
    "Fier",
    "Ipse de Bruggen",
    "Careyn",
    "Prisma",
    "Syndion",
    "Rivas",
    "Humanitas",
    "Exodus",
    "Het Zorgkantoor",
    "Stichting Anton Constandse",
)
TOWNS = (
    "Dordrecht",
    "Zwijndrecht",
    "Papendrecht",
    "Sliedrecht",
    "Hendrik-Ido-Ambacht",
    "Alblasserdam",
    "Hardinxveld-Giessendam",
)
STREETS = (
    "Johan de Wittstraat",
    "Spuiboulevard",
    "Noordendijk",
    "Burgemeester de Bruïnelaan",
    "Merwedestraat",
    "Rijksstraatweg",
    "Kerkplein",
    "Oranjelaan",
    "Dubbeldamseweg",
    "Wilgenstraat",
    "Havenkade",
    "Ringdijk",
)
FIRST = "ABCDEFGHIJKLMNOPRSTVWYZ"
SURNAMES = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "Haan",
    "Yilmaz",
    "El Amrani",
    "Bouzid",
    "Kaya",
    "Pinas",
    "Tjon",
)
PRODUCTS = ("BW intramuraal", "BW extramuraal", "Beschermd Thuis")


@dataclass(frozen=True)
class Shape:
    """What a generated instance looks like; defaults give the region's mix."""

    reassessments: int
    consultants: int
    locations: int
    year: int = 2026
    stale_share: float = 0.15
    missing_share: float = 0.04
    promised_share: float = 0.5
    ends_in_period_share: float = 0.12
    ended_share: float = 0.03
    not_required_share: float = 0.15
    unavailable_share: float = 0.2
    preferred_consultant_share: float = 0.3
    withdrawn_share: float = 0.01
    part_time_share: float = 0.35
    # Weekly caps on interview mornings, drawn per consultant (None: no cap).
    weekly_caps: tuple[int | None, ...] = (None, None, 3, 4)
    # Share of the clients whose begeleider is their provider's team (0: none).
    team_share: float = 0.0
    # Support plans dated after this day move back a month, at most to this day
    # (a real file has no plan from the future); None keeps the draw as it is.
    latest_plan_date: date | None = None
    providers: tuple[str, ...] = PROVIDERS
    towns: tuple[str, ...] = TOWNS
    settings: dict[str, object] = field(default_factory=dict)


def shape(size: str, **overrides: object) -> Shape:
    n, c, loc = SIZES[size]
    if size in TIGHT_CAPS:
        overrides.setdefault("weekly_caps", TIGHT_CAPS[size])
    if size in TEAM_SHARES:
        overrides.setdefault("team_share", TEAM_SHARES[size])
    return Shape(n, c, loc, **overrides)  # type: ignore[arg-type]


def _weekday_list(days: list[int]) -> str:
    return ",".join(("ma", "di", "wo", "do", "vr")[d] for d in sorted(days))


def generate(spec: Shape, seed: int = 0) -> tuple[dict[str, list[dict[str, object]]], dict]:
    """Rows per sheet, and the settings, for ``spec``; deterministic for ``seed``."""
    rng = random.Random(seed)
    teams = random.Random(f"teams-{seed}")  # its own stream: the rest is drawn as without teams
    year = spec.year
    start, end = date(year, 12, 1), date(year, 12, 31)

    consultants = []
    codes: list[str] = []
    for k in range(spec.consultants):
        first, last = rng.choice(FIRST), rng.choice(SURNAMES)
        code = f"{first}{last.split()[-1][0].upper()}{k + 1:02d}"
        codes.append(code)
        part_time = rng.random() < spec.part_time_share
        days = sorted(rng.sample(range(5), rng.choice((3, 4)))) if part_time else list(range(5))
        consultants.append(
            {
                "consulent": code,
                "naam": f"{first}. {last}",
                "email": f"{code.lower()}@sociaaldienst.example.nl",
                "werkdagen": _weekday_list(days),
                "max_ochtenden_per_week": rng.choice(spec.weekly_caps),
            }
        )

    absences = []
    for code in codes:
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            first_day = start + timedelta(days=rng.randrange(0, 28))
            length = rng.choice((0, 0, 1, 2, 4))
            absences.append(
                {
                    "consulent": code,
                    "van": first_day,
                    "tot": first_day + timedelta(days=length),
                    "dagdeel": rng.choice(("dag", "dag", "dag", "ochtend", "middag"))
                    if length == 0
                    else "dag",
                }
            )

    # Provider sizes are skewed: a few large providers own most locations.
    n_providers = min(len(spec.providers), max(2, spec.locations // 3))
    provider_weights = [1 / (p + 1) for p in range(n_providers)]
    locations = []
    keys: list[tuple[str, str]] = []
    for k in range(spec.locations):
        provider = rng.choices(spec.providers[:n_providers], provider_weights)[0]
        town = rng.choice(spec.towns)
        name = f"{town} {rng.choice(STREETS).split()[0]} {k + 1}"
        keys.append((provider, name))
        closed = sorted(
            {start + timedelta(days=rng.randrange(0, 31)) for _ in range(rng.choice((0, 0, 1, 2)))}
        )
        open_days = rng.choice((None, None, None, None, [0, 1, 2, 3], [1, 2, 3, 4], [0, 2, 4]))
        preferred = rng.choice((None, None, [rng.randrange(5)], [1, 3]))
        locations.append(
            {
                "aanbieder": provider,
                "locatie": name,
                "adres": f"{rng.choice(STREETS)} {rng.randrange(1, 200)}",
                "postcode": f"33{rng.randrange(10, 99)} {rng.choice('ABCDEGHJKL')}"
                f"{rng.choice('ABCDEGHJKL')}",
                "plaats": town,
                "gesprekskamers": rng.choice((1, 1, 1, 2, 2, 3)),
                "open_dagen": _weekday_list(open_days) if open_days else None,
                "gesloten": ", ".join(d.isoformat() for d in closed) or None,
                "voorkeursdagen": _weekday_list(preferred) if preferred else None,
                "contactpersoon": f"{rng.choice(FIRST)}. {rng.choice(SURNAMES)}",
                "contact_email": f"planning{k + 1}@{provider.split()[0].lower()}.example.nl",
            }
        )

    # Location sizes are skewed too: some large locations with 15-20 open cases.
    location_weights = [1 / (k % 17 + 1) ** 0.9 for k in range(spec.locations)]
    workers: dict[int, list[str]] = {}
    rows = []
    for k in range(spec.reassessments):
        loc = rng.choices(range(spec.locations), location_weights)[0]
        provider, loc_name = keys[loc]
        pool = workers.setdefault(
            loc,
            [f"{rng.choice(FIRST)}. {rng.choice(SURNAMES)}" for _ in range(rng.randint(2, 5))],
        )
        plan_date, promised = _support_plan(spec, start, rng)
        indication_end, unavailable = _end_and_unavailable(spec, start, rng)
        rows.append(
            {
                "dossier": f"D{k + 1:05d}",
                "client": f"{rng.choice(FIRST)}.{rng.choice(FIRST)}.",
                "aanbieder": provider,
                "locatie": loc_name,
                "product": rng.choice(PRODUCTS),
                "einddatum_indicatie": indication_end,
                "datum_ondersteuningsplan": plan_date,
                "nieuw_ondersteuningsplan_verwacht": promised,
                "begeleider": rng.choice(pool),
                "aanwezigheid_client": "niet vereist"
                if rng.random() < spec.not_required_share
                else None,
                "client_niet_beschikbaar": unavailable,
                "vaste_consulent": rng.choice(codes)
                if rng.random() < spec.preferred_consultant_share
                else None,
                "gespreksduur_min": rng.choice((None,) * 16 + (60, 60, 30)),
                "status": "geannuleerd" if rng.random() < spec.withdrawn_share else None,
            }
        )
        if spec.team_share and teams.random() < spec.team_share:
            rows[-1]["begeleider"] = f"Team {provider}"
        email_name = rows[-1]["begeleider"].split()[-1].lower()
        rows[-1]["begeleider_email"] = f"{email_name}.{loc + 1}@{provider.split()[0].lower()}.nl"

    settings = {"periode_start": start, "periode_eind": end, **spec.settings}
    sheets = {
        "Herindicaties": rows,
        "Consulenten": consultants,
        "Afwezigheid": absences,
        "Locaties": locations,
    }
    return sheets, settings


def _support_plan(spec: Shape, start: date, rng: random.Random) -> tuple[date | None, date | None]:
    """A support plan's date (current, stale or none) and, now and then, a promised new one."""
    roll = rng.random()
    plan_date: date | None
    if roll < spec.missing_share:
        plan_date = None
    elif roll < spec.missing_share + spec.stale_share:
        plan_date = (
            start - relativedelta(months=rng.randint(6, 11)) - timedelta(days=rng.randrange(0, 25))
        )
    else:
        plan_date = (
            start - relativedelta(months=rng.randint(0, 5)) + timedelta(days=rng.randrange(0, 25))
        )
        if spec.latest_plan_date is not None and plan_date > spec.latest_plan_date:
            plan_date = min(plan_date - relativedelta(months=1), spec.latest_plan_date)
    promised = None
    if (plan_date is None or plan_date < start - relativedelta(months=5)) and (
        rng.random() < spec.promised_share
    ):
        promised = start + timedelta(days=rng.randrange(-3, 16))
    return plan_date, promised


def _end_and_unavailable(spec: Shape, start: date, rng: random.Random) -> tuple[date, str | None]:
    """When the indication ends, and the days the client cannot come (if any)."""
    roll = rng.random()
    if roll < spec.ended_share:
        indication_end = start - timedelta(days=rng.randrange(1, 40))
    elif roll < spec.ended_share + spec.ends_in_period_share:
        indication_end = start + timedelta(days=rng.randrange(5, 30))
    else:
        indication_end = date(start.year + 1, 1, 1) + timedelta(days=rng.randrange(0, 180))
    unavailable = None
    if rng.random() < spec.unavailable_share:
        unavailable = rng.choice(
            (
                rng.choice(("ma", "di", "wo", "do", "vr")),
                (start + timedelta(days=rng.randrange(0, 28))).isoformat(),
                "wo, vr",
            )
        )
    return indication_end, unavailable


def write(path: Path, spec: Shape, seed: int = 0) -> Path:
    """Write the generated instance as an input workbook at ``path``."""
    sheets, settings = generate(spec, seed)
    write_input_workbook(Path(path), sheets, settings)
    return Path(path)


if __name__ == "__main__":
    import sys

    size = sys.argv[1] if len(sys.argv) > 1 else "M"
    target = Path(sys.argv[2] if len(sys.argv) > 2 else f"instance-{size}.xlsx")
    write(target, shape(size), seed=int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    print(target)


def withdraw_and_absent(
    path: Path, withdrawn: set[str] | list[str], absent: tuple[str, date] | None = None
) -> None:
    """Edit a generated workbook as a planner would before a rerun.

    Marks the ``withdrawn`` dossiers ``geannuleerd`` and gives consultant
    ``absent[0]`` a day of absence on ``absent[1]``.
    """
    from openpyxl import load_workbook

    wb = load_workbook(path)
    cases = wb["Herindicaties"]
    header = [c.value for c in cases[1]]
    for row in cases.iter_rows(min_row=2):
        if row[header.index("dossier")].value in withdrawn:
            row[header.index("status")].value = "geannuleerd"
    if absent is not None:
        absences = wb["Afwezigheid"]
        cid, day = absent
        absences.append([cid, day, day] + [None] * (max(absences.max_column, 3) - 3))
    wb.save(path)
