"""Neighbourhoods that free a begeleider's places together (scheduler/neighbourhoods.py).

Where begeleiders serve many locations (a town's pool), rule 8 couples those
locations: a step that frees locations sharing begeleiders can move a
begeleider's morning from one of them to another; a random group rarely can.
"""

from __future__ import annotations

import random
from collections import defaultdict

from benchmarks.instances import instance_seed, shape, write
from herplan.constraints import HARD_RULES
from herplan.io.input_reader import read_problem
from herplan.scheduler.candidates import find_candidates
from herplan.scheduler.model import build_model
from herplan.scheduler.neighbourhoods import workers_places


def test_a_workers_group_holds_locations_that_share_begeleiders(tmp_path):
    region = "XL-pools/10"
    problem, _ = read_problem(write(tmp_path / "region.xlsx", shape(region), instance_seed(region)))
    pm = build_model(find_candidates(problem, HARD_RULES), HARD_RULES)
    workers = defaultdict(set)
    for i, worker in pm.cands.worker.items():
        if i in pm.cands.candidate_days:
            workers[pm.cands.location(i)].add(worker)
    for seed in range(5):
        group = workers_places(pm, random.Random(seed), size=6)
        assert len(group) == 6
        # grown along begeleiders: most locations share one with another of the group
        linked = [loc for loc in group if any(workers[loc] & workers[o] for o in group - {loc})]
        assert len(linked) >= 4
    assert workers_places(pm, random.Random(1), 6) == workers_places(pm, random.Random(1), 6)

    def sharing(group: set) -> int:
        return sum(1 for a in group for b in group if a < b and workers[a] & workers[b])

    places = sorted(workers)
    grown = sum(sharing(workers_places(pm, random.Random(s), 6)) for s in range(20))
    drawn = sum(sharing(set(random.Random(s).sample(places, 6))) for s in range(20))
    assert grown > 1.5 * drawn  # far more pairs a begeleider's morning can move between
