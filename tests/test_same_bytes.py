"""The example plans to the same bytes as it did when this digest was kept.

A restructuring must change nothing a user sees (README, Determinism): with ``--reproducible``
and a pinned ``SOURCE_DATE_EPOCH`` the example's planning folder, a first plan and a rerun two
days later, hashes file by file to ``tests/data/example_digest.txt``. When a change is meant to
alter the files, run ``python -m tests.test_same_bytes`` to keep the new digest, and say why in
the commit.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from click.testing import CliRunner

from herplan.app.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "drechtsteden-2026.xlsx"
DIGEST = ROOT / "tests" / "data" / "example_digest.txt"
PINNED_EPOCH = "1796000000"  # 2026-11-30 01:53:20 in Amsterdam


def _plan(out: Path, today: str) -> None:
    args = ["plan", "--today", today, str(EXAMPLE), "--out", str(out)]
    args += ["--time-limit", "6", "--reproducible"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


def folder_digest(out: Path) -> list[str]:
    """One line per file: its path inside the folder and the SHA-256 of its bytes."""
    files = sorted(p for p in out.rglob("*") if p.is_file())
    return [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(out).as_posix()}"
        for p in files
    ]


def example_digest(work: Path) -> list[str]:
    """The example planned on 30 November, then rerun on 2 December, as a digest."""
    first, rerun = work / "eerste", work / "herhaald"
    _plan(first, "2026-11-30")
    _plan(rerun, "2026-11-30")
    _plan(rerun, "2026-12-02")
    return [f"eerste/{line}" for line in folder_digest(first)] + [
        f"herhaald/{line}" for line in folder_digest(rerun)
    ]


def test_the_example_plans_to_the_kept_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    kept = DIGEST.read_text(encoding="utf-8").splitlines()
    assert example_digest(tmp_path) == kept


if __name__ == "__main__":  # keep a new digest after a change meant to alter the files
    import os
    import tempfile

    os.environ["SOURCE_DATE_EPOCH"] = PINNED_EPOCH
    with tempfile.TemporaryDirectory() as work:
        lines = example_digest(Path(work))
    DIGEST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.stdout.write(f"kept {len(lines)} files' digest in {DIGEST}\n")
