"""The family's table: each region against its best known, the worst ratio as headline.

The best known is the most any plan of the region holds: the independent
method's (``best_known.json``), or herplan's or the hand planner's where more.
"""

from __future__ import annotations

import json

from benchmarks.family import best_known, ratios, report


def _rows(herplan: int, short: int, hand: int) -> list[dict[str, object]]:
    common = {"visits": 100, "location_days": 90, "proven_bound": 2300, "total_s": 121.0}
    return [
        {
            **common,
            "planner": "herplan",
            "planned": herplan,
            "at_quarter": 0.98,
            "largest_mib": 700,
            "peak_mib": 900,
            "violations": 0,
        },
        {**common, "planner": "herplan-30", "planned": short},
        {**common, "planner": "hand", "planned": hand},
    ]


RESULTS = {"XL-a": _rows(2000, 1950, 1800), "XL-b": _rows(2100, 2050, 1900)}
KNOWN = {
    "XL-a": {"planned": 2100, "method": "another model", "seconds": 300, "bound": 2200},
    "XL-b": {"planned": 2000, "method": "another model", "seconds": 300, "bound": 2150},
}


def test_the_ratio_is_to_the_most_any_plan_holds():
    found = ratios(RESULTS, KNOWN)
    assert found["XL-a"] == (2000 / 2100, 2100, "another model")
    assert found["XL-b"] == (1.0, 2100, "herplan")  # herplan holds more than the other method


def test_the_headline_is_the_worst_ratio_and_every_region_has_its_row():
    text = report(RESULTS, KNOWN)
    assert "**Worst ratio over the family: 95.2%** of the best known (XL-a: 2100" in text
    assert "| XL-a | 1800 / 100 / 90 | 1950 | 2000 / 100 / 90 | 2100 (another model, 300 s)" in text
    assert "| 2200 |" in text and "| 2150 |" in text  # the lower of the two proven bounds
    assert text.count("| XL-") == 2


def test_the_best_known_file_is_read_as_written(tmp_path):
    path = tmp_path / "best_known.json"
    assert best_known(path) == {}
    path.write_text(json.dumps(KNOWN), encoding="utf-8")
    assert best_known(path) == KNOWN
