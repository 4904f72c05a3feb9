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
import zlib
from dataclasses import dataclass, field, replace
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
    # The family's knobs (FAMILY below); their defaults draw the instances as before.
    # Who the begeleider column names (rule 8 gives each one morning a day):
    # "location" a few people per location; "personal" a person of the provider with
    # ``personal_clients`` clients over its locations; "team" a team of the provider
    # serving ``team_locations`` of its locations; "town" a pool that serves every
    # provider's locations in one town, ``pool_clients`` clients each.
    caseload: str = "location"
    caseload_share: float = 1.0  # of the clients; the others keep a person of their location
    personal_clients: tuple[int, int] = (10, 25)
    team_locations: tuple[int, int] = (3, 8)
    pool_clients: tuple[int, int] = (100, 150)
    # Providers: 0 keeps ``providers``; otherwise this many large providers hold
    # ``large_share`` of the locations and every other location is a provider of its own.
    large_providers: int = 0
    large_share: float = 0.0
    rooms: tuple[int, ...] = (1, 1, 1, 2, 2, 3)
    absence_spells: tuple[int, ...] = (0, 0, 1, 1, 2)  # per consultant, drawn
    absence_days: tuple[int, ...] = (0, 0, 1, 2, 4)  # a spell's length after its first day
    long_share: float | None = None  # interviews of an hour; None: the region's mix


# The family (benchmarks/RESULTS.md, The family against the best known): tight regions
# of XL size that differ in the shape of what binds, each drawn from its own seed.
_XL = {"reassessments": 3000, "consultants": 60, "locations": 300}
FAMILY: dict[str, Shape] = {
    # Every begeleider a town-wide pool over dozens of one-location providers: rule 8
    # couples almost every location with every other; caps of 3 or 4, 1-4 rooms.
    "XL-pools": Shape(
        **_XL,
        caseload="town",
        pool_clients=(20, 40),  # reassessed this wave, of a caseload of 100-150
        large_providers=1,
        large_share=0.03,
        rooms=(1, 2, 3, 4),
        long_share=0.2,
        weekly_caps=(None, None, 3, 3, 4),
    ),
    # Personal caseloads of 10-25 clients over a provider's locations; caps 2-3.
    "XL-personal": Shape(**_XL, caseload="personal", weekly_caps=(2, 2, 3)),
    # Teams of a provider serving 3-8 of its locations (70 % of the clients).
    "XL-teams": Shape(**_XL, caseload="team", caseload_share=0.7, weekly_caps=(2, 3, None)),
    # Three large providers hold 60 % of the locations, every other location is a
    # provider of its own; one room everywhere; caps from 2 to none.
    "XL-providers": Shape(
        **_XL, large_providers=3, large_share=0.6, rooms=(1,), weekly_caps=(2, 3, 4, None)
    ),
    # Heavy absences (one to four spells of up to a week each); four rooms everywhere.
    "XL-absent": Shape(
        **_XL,
        absence_spells=(1, 2, 3, 4),
        absence_days=(0, 1, 2, 4, 6),
        rooms=(4,),
        weekly_caps=(2, 2, 3),
    ),
    # Many stale support plans (45 %), a third of them with a new one promised.
    "XL-stale": Shape(**_XL, stale_share=0.45, promised_share=0.3, weekly_caps=(2, 2, 3, None)),
}
FAMILY_SEEDS: dict[str, int] = {name: 11 + n for n, name in enumerate(FAMILY)}


def instance_seed(size: str) -> int:
    """The seed an instance is drawn from: a family region's own, else 0."""
    return FAMILY_SEEDS.get(size.partition("/")[0], 0)


def shape(size: str, **overrides: object) -> Shape:
    """The named instance's shape; a family region scaled down reads ``"XL-pools/10"``."""
    region, _, scale = size.partition("/")
    if region in FAMILY:
        spec = FAMILY[region]
        if scale:
            k = int(scale)
            spec = replace(
                spec,
                reassessments=spec.reassessments // k,
                consultants=max(2, spec.consultants // k),
                locations=max(2, spec.locations // k),
                large_providers=min(spec.large_providers, max(1, spec.locations // k // 10))
                if spec.large_providers
                else 0,
            )
        return replace(spec, **overrides)  # type: ignore[arg-type]
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
        for _ in range(rng.choice(spec.absence_spells)):
            first_day = start + timedelta(days=rng.randrange(0, 28))
            length = rng.choice(spec.absence_days)
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
        if spec.large_providers:
            provider = _owner(spec, k)
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
                "gesprekskamers": rng.choice(spec.rooms),
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
                "gespreksduur_min": _duration(spec, rng),
                "status": "geannuleerd" if rng.random() < spec.withdrawn_share else None,
            }
        )
        if spec.team_share and teams.random() < spec.team_share:
            rows[-1]["begeleider"] = f"Team {provider}"
        email_name = rows[-1]["begeleider"].split()[-1].lower()
        rows[-1]["begeleider_email"] = f"{email_name}.{loc + 1}@{provider.split()[0].lower()}.nl"

    if spec.caseload != "location":
        _caseloads(spec, rows, locations, random.Random(f"caseload-{seed}"))
    settings = {"periode_start": start, "periode_eind": end, **spec.settings}
    sheets = {
        "Herindicaties": rows,
        "Consulenten": consultants,
        "Afwezigheid": absences,
        "Locaties": locations,
    }
    return sheets, settings


def _owner(spec: Shape, k: int) -> str:
    """Location ``k``'s provider: one of the large ones, or a provider of its own."""
    if k < round(spec.large_share * spec.locations):
        return spec.providers[k % spec.large_providers]
    return f"Zorgaanbieder {k + 1:03d}"


def _duration(spec: Shape, rng: random.Random) -> int | None:
    """An interview's length in minutes (None: the default half hour)."""
    if spec.long_share is None:
        return rng.choice((None,) * 16 + (60, 60, 30))
    return 60 if rng.random() < spec.long_share else None


def _caseloads(
    spec: Shape, rows: list[dict[str, object]], locations: list[dict], rng: random.Random
) -> None:
    """Rename begeleiders to the caseload's people, teams or pools (``Shape.caseload``)."""
    town = {(loc["aanbieder"], loc["locatie"]): loc["plaats"] for loc in locations}
    order = list(range(len(rows)))
    rng.shuffle(order)  # a caseload fills over its locations, not one location at a time
    team_of: dict[tuple[str, str], str] = {}
    teams: dict[str, list[int]] = {}  # per provider: team number, locations left in it
    open_load: dict[str, list[object]] = {}  # per provider or town: name, clients left
    made: dict[str, int] = {}
    for n in order:
        row = rows[n]
        if rng.random() >= spec.caseload_share:
            continue
        provider, place = str(row["aanbieder"]), (str(row["aanbieder"]), str(row["locatie"]))
        if spec.caseload == "team":
            if place not in team_of:
                left = teams.setdefault(provider, [0, 0])
                if left[1] == 0:
                    left[0] += 1
                    left[1] = rng.randint(*spec.team_locations)
                left[1] -= 1
                team_of[place] = f"Team {provider} {left[0]}"
            row["begeleider"] = team_of[place]
            continue
        group = provider if spec.caseload == "personal" else str(town[place])
        clients = spec.personal_clients if spec.caseload == "personal" else spec.pool_clients
        load = open_load.get(group)
        if load is None or load[1] == 0:
            made[group] = made.get(group, 0) + 1
            if spec.caseload == "personal":
                name = f"{rng.choice(FIRST)}. {rng.choice(SURNAMES)} {made[group]}"
            else:
                name = f"Pool {group} {made[group]}"
            load = open_load[group] = [name, rng.randint(*clients)]
        load[1] = int(load[1]) - 1  # type: ignore[call-overload]
        row["begeleider"] = load[0]
    for row in rows:
        name = str(row["begeleider"]).split()[-1].lower()
        domain = str(row["aanbieder"]).split()[0].lower()
        tag = zlib.crc32(str(row["begeleider"]).encode()) % 9973
        row["begeleider_email"] = f"{name}.{tag}@{domain}.nl"


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
