"""The family of XL-tight regions differs in shape as the issue lists (benchmarks/instances.py).

Each region is drawn from its own seed by knobs, not by hand: pools over many
providers' locations in a town, personal caseloads of 10-25, teams within a
provider, many one-location providers against a few large ones, one room against
four, heavy absences, weekly caps from 2 to none, many stale support plans.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from benchmarks.instances import FAMILY, FAMILY_SEEDS, generate, instance_seed, shape, write
from herplan.io.input_reader import read_problem


def _drawn(region: str) -> dict[str, list[dict]]:
    sheets, _ = generate(shape(region), instance_seed(region))
    return sheets


def _caseloads(rows: list[dict]) -> tuple[Counter, dict[str, set], dict[str, set]]:
    clients = Counter(r["begeleider"] for r in rows)
    places: dict[str, set] = defaultdict(set)
    providers: dict[str, set] = defaultdict(set)
    for r in rows:
        places[r["begeleider"]].add(r["locatie"])
        providers[r["begeleider"]].add(r["aanbieder"])
    return clients, places, providers


def test_six_regions_of_xl_size_each_from_its_own_seed():
    assert len(FAMILY) >= 6 and len(set(FAMILY_SEEDS.values())) == len(FAMILY)
    for region, spec in FAMILY.items():
        assert (spec.reassessments, spec.consultants, spec.locations) == (3000, 60, 300)
        assert instance_seed(region) == instance_seed(f"{region}/10") == FAMILY_SEEDS[region]
        assert generate(shape(region), 1) != generate(shape(region), 2)
    assert instance_seed("XL-tight") == 0


def test_pools_serve_dozens_of_locations_of_many_providers_in_one_town():
    rows = _drawn("XL-pools")["Herindicaties"]
    clients, places, providers = _caseloads(rows)
    assert all(name.startswith("Pool ") for name in clients)
    assert 80 <= len(clients) <= 130
    assert sorted(len(p) for p in places.values())[len(places) // 2] >= 12
    assert sorted(len(p) for p in providers.values())[len(providers) // 2] >= 10
    locations = _drawn("XL-pools")["Locaties"]
    one_location = Counter(loc["aanbieder"] for loc in locations)
    assert sum(1 for n in one_location.values() if n == 1) >= 250
    assert {loc["gesprekskamers"] for loc in locations} == {1, 2, 3, 4}


def test_personal_caseloads_hold_10_to_25_clients_of_one_provider():
    clients, places, providers = _caseloads(_drawn("XL-personal")["Herindicaties"])
    assert all(n <= 25 for n in clients.values())
    assert sorted(clients.values())[len(clients) // 2] >= 10
    assert all(len(p) == 1 for p in providers.values())
    assert max(len(p) for p in places.values()) > 5  # over the provider's locations


def test_teams_serve_several_locations_of_their_provider():
    clients, places, providers = _caseloads(_drawn("XL-teams")["Herindicaties"])
    teams = [name for name in clients if name.startswith("Team ")]
    assert len(teams) >= 30 and sum(clients[t] for t in teams) >= 0.6 * 3000
    assert all(len(providers[t]) == 1 and 1 <= len(places[t]) <= 8 for t in teams)


def test_a_few_large_providers_against_many_with_one_location_and_one_room():
    locations = _drawn("XL-providers")["Locaties"]
    sizes = Counter(loc["aanbieder"] for loc in locations)
    assert [n for _, n in sizes.most_common(3)] == [60, 60, 60]
    assert sum(1 for n in sizes.values() if n == 1) == 120
    assert {loc["gesprekskamers"] for loc in locations} == {1}


def test_heavy_absences_and_four_rooms():
    absent, usual = _drawn("XL-absent"), _drawn("XL-stale")
    assert len(absent["Afwezigheid"]) >= 2.5 * len(usual["Afwezigheid"])
    assert {loc["gesprekskamers"] for loc in absent["Locaties"]} == {4}


def test_weekly_caps_from_two_to_none_and_many_stale_plans():
    caps = {c["max_ochtenden_per_week"] for s in FAMILY for c in _drawn(s)["Consulenten"]}
    assert caps == {2, 3, 4, None}
    stale_before = date(2026, 12, 1) - relativedelta(months=6)

    def stale(region: str) -> float:
        rows = _drawn(region)["Herindicaties"]
        dated = [r["datum_ondersteuningsplan"] for r in rows]
        return sum(1 for d in dated if d is not None and d < stale_before) / len(rows)

    assert stale("XL-stale") >= 0.4 > 0.2 >= stale("XL-personal")


@pytest.mark.parametrize("region", sorted(FAMILY))
def test_each_region_scaled_down_is_a_valid_input(tmp_path, region):
    problem, _ = read_problem(
        write(tmp_path / "region.xlsx", shape(f"{region}/10"), instance_seed(region))
    )
    assert len(problem.reassessments) == 300
