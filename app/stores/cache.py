"""A cache of what was read from an input and a planning folder, so that asking
about one reassessment after another (``herplan suggest``) does not read the
workbook again each time (README, Suggestions).

An entry is keyed by the SHA-256 of what it was made from and by a
fingerprint of herplan's own code, so an edited input, a new plan or another
version of herplan never finds a stale entry. Entries live in the user's cache
folder (``HERPLAN_CACHE_DIR`` overrides it), readable by the user only; the
newest ``KEEP`` are kept. A cache that cannot be read or written is skipped:
the answer is then computed as if there were none.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

KEEP = 24
_PACKAGES = (
    "herplan",
    "herplan.domain",
    "herplan.app",
    "herplan.scheduler",
    "herplan.constraints",
    "herplan.io",
)


@cache
def code_fingerprint() -> str:
    """Which herplan made an entry: the names, sizes and times of its modules."""
    import importlib.util

    digest = hashlib.sha256()
    for package in _PACKAGES:
        spec = importlib.util.find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for file in sorted(Path(folder).glob("*.py")):
                stat = file.stat()
                digest.update(f"{package}/{file.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def folder() -> Path:
    override = os.environ.get("HERPLAN_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("herplan", appauthor=False))


def _entry(kind: str, key: str) -> Path:
    name = hashlib.sha256(f"{kind}|{key}|{code_fingerprint()}".encode()).hexdigest()[:32]
    return folder() / f"{kind}-{name}.pickle"


def cached(kind: str, key: str) -> object | None:
    """The entry ``kind``/``key`` written by this herplan, or None."""
    try:
        with _entry(kind, key).open("rb") as file:
            return pickle.load(file)
    except Exception:  # missing, unreadable or from another Python: compute it again
        return None


def keep(kind: str, key: str, value: object) -> None:
    """Store ``value`` as ``kind``/``key`` (atomically; quietly not, when it cannot)."""
    try:
        where = folder()
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, suffix=".part")  # mode 0600
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, _entry(kind, key))
        finally:
            Path(temporary).unlink(missing_ok=True)
        entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        return
