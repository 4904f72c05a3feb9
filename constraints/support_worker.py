"""Rule 8 — Support worker not double-booked.

"Interviews with the same begeleider never overlap in time." All interviews of
one begeleider on one day go to the same consultant, whose interviews follow
each other with change-over time; the clock times keep the begeleider's
interviews back to back, so they can never overlap.
"""

from __future__ import annotations

from collections import defaultdict

from herplan.constraints.base import Rule


def add(pm) -> None:
    by_worker_day: dict[tuple[str, object], dict[str, list]] = defaultdict(
        lambda: defaultdict(list)
    )
    keys_of: dict[tuple[str, object, str], list] = defaultdict(list)
    for key, var in pm.x.items():
        worker = pm.reassessment(key).begeleider.strip().casefold()
        if worker:
            by_worker_day[(worker, key[2])][key[1]].append(var)
            keys_of[(worker, key[2], key[1])].append(key)
    for (worker, day), per_consultant in by_worker_day.items():
        if len(per_consultant) < 2:
            continue
        chosen = []
        for cid, xs in sorted(per_consultant.items()):
            if len(xs) == 1:
                chosen.append(xs[0])
                continue
            u = pm.model.new_bool_var(f"worker_{worker}_{cid}_{day:%m%d}")
            for x in xs:
                pm.model.add_implication(x, u)
            keys = frozenset(keys_of[(worker, day, cid)])
            pm.derived.append((u, lambda picked, keys=keys: int(bool(keys & picked))))
            chosen.append(u)
        pm.model.add_at_most_one(chosen)


RULE = Rule(8, "support_worker", add=add)
