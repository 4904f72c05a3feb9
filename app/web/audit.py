"""The audit log: who did what, when, from where (README, Web page).

Every upload, rerun, stop, download, sending and login is one JSON line in
``audit.log`` in the data folder (readable by its owner only), written and
flushed at once: ``{"time", "user", "from", "action", ...details}``. Details
name the planning and the file, never a client's data. The line's own fields
come from the server (its clock, the signed-in planner, the connection's peer)
and are never overwritten by a detail: a detail of the same name, which may come
from a form, is kept as ``given_<name>``. A detail is cut to a sane size
(``MAX_TEXT`` characters a text, ``MAX_ITEMS`` items a list), so whatever a
request sends, a line stays short and the log cannot fill the disk.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from starlette.requests import Request

from herplan import clock

FILE = "audit.log"
OWN = ("time", "user", "from", "action")
MAX_TEXT = 200
MAX_ITEMS = 50
_lock = threading.Lock()


def record(request: Request, action: str, /, **details: object) -> None:
    """Append one line for ``action`` by the request's planner."""
    data: Path = request.app.state.config.data
    session = request.scope.get("session") or {}
    line: dict[str, object] = {
        "time": clock.now().isoformat(timespec="seconds"),
        "user": session.get("user", ""),
        "from": request.client.host if request.client else "",
        "action": action,
    }
    for key, value in details.items():
        line[f"given_{key}" if key in OWN else key] = bounded(value)
    append(data, line)


def bounded(value: object) -> object:
    """``value`` cut to a sane size: texts to ``MAX_TEXT`` characters (a cut one ends
    in "…"), lists and mappings to ``MAX_ITEMS`` items."""
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT else value[: MAX_TEXT - 1] + "…"
    if isinstance(value, (list, tuple, set, frozenset)):
        return [bounded(v) for v in list(value)[:MAX_ITEMS]]
    if isinstance(value, dict):
        return {bounded(str(k)): bounded(v) for k, v in list(value.items())[:MAX_ITEMS]}
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return bounded(str(value))


def append(data: Path, line: dict[str, object]) -> None:
    """Write one line to the audit log of ``data`` (also for what the server does by
    itself, as deleting a planning past its retention: ``retention``)."""
    text = json.dumps(line, ensure_ascii=False) + "\n"
    with _lock:
        fd = os.open(data / FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as f:
            f.write(text)
