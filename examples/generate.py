"""Generate the bundled example: the Drechtsteden region, December 2026.

Shaped like the practice the regional provider table described for December
2025: the providers and towns of the Drechtsteden, about 250 open
reassessments spread unevenly over 35 locations (a few large ones where 15-20
interviews fit in one week), nine consultants with part-time days and
absences, some stale support plans (part of them with a promised new plan),
indications ending mid-December, clients who may be represented by their
begeleider, and a couple of withdrawn cases. Seeded: running it again writes
the same workbook.

    python examples/generate.py            # writes examples/drechtsteden-2026.xlsx
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.instances import Shape, write  # noqa: E402

SEED = 2026
EXAMPLE = Shape(
    reassessments=252,
    consultants=9,
    locations=35,
    year=2026,
    withdrawn_share=0.012,
    latest_plan_date=date(2026, 11, 20),
    settings={
        "rekentijd_s": 30,
        "organisator_naam": "Planning Herindicaties SDD",
        "organisator_email": "planning@sdd.example.nl",
        "planner_naam": "M. de Groot",
        "planner_email": "m.degroot@sdd.example.nl",
        "planner_telefoon": "078 770 1234",
    },
)


def main() -> None:
    target = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "drechtsteden-2026.xlsx"
    )
    write(target, EXAMPLE, seed=SEED)
    print(target)


if __name__ == "__main__":
    main()
