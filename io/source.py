"""The copy of the input a planning folder keeps (README, Outputs): ``invoer/``.

A plan is made from one input; the folder keeps it beside the plan, so every
later command (``herplan suggest``, a move by hand, a rerun from the page)
finds exactly what the plan was made from, wherever the original went.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

SOURCE = "invoer"


def file_digest(path: Path) -> str:
    """The SHA-256 of an input: a workbook's bytes, or a CSV folder's names and bytes."""
    digest = hashlib.sha256()
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    for file in files:
        digest.update(file.name.encode() if path.is_dir() else b"")
        digest.update(file.read_bytes())
    return digest.hexdigest()


def source_files(input_path: Path) -> dict[str, bytes]:
    """The input, as the planning folder keeps it: ``invoer/<its name>`` (a workbook), or
    ``invoer/<folder>/<sheet>.csv`` (a folder of CSV files)."""
    if input_path.is_dir():
        return {
            f"{SOURCE}/{input_path.name}/{p.name}": p.read_bytes()
            for p in sorted(input_path.glob("*.csv"))
            if p.is_file()
        }
    return {f"{SOURCE}/{input_path.name}": input_path.read_bytes()}
