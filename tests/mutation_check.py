"""Every hard rule's check can fail: break each in turn, its tests must notice.

    python tests/mutation_check.py

For each hard rule with a ``violations`` check, ``tests/constraints/`` runs
with that check replaced by one that finds nothing (``HERPLAN_MUTATE``, see
``tests/constraints/conftest.py``). The run must fail: a rule whose broken
check still passes every test is reported, and the exit status is 1.
``.ci/run`` runs this after the tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from herplan.constraints import HARD_RULES

ROOT = Path(__file__).resolve().parents[1]


def caught(rule_name: str) -> bool:
    """Do the rule tests fail when ``rule_name``'s check finds nothing?"""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests/constraints"],
        cwd=ROOT,
        env={**os.environ, "HERPLAN_MUTATE": rule_name},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return done.returncode == 1


def main() -> int:
    survivors = []
    for rule in HARD_RULES:
        if rule.violations is None:
            continue
        started = time.monotonic()
        found = caught(rule.name)
        verdict = "caught" if found else "NOT CAUGHT"
        seconds = time.monotonic() - started
        print(f"rule {rule.number:>2} {rule.name:<26} {verdict} ({seconds:.0f} s)")
        if not found:
            survivors.append(rule.name)
    if survivors:
        print(f"A broken check passes every test: {', '.join(survivors)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
