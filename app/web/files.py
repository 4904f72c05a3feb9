"""Downloads: one file of a planning, or everything in one zip, from inside it only.

A path from a request is taken apart and checked part by part: no empty,
``.`` or ``..`` part, no hidden file, no NUL or backslash, and no symlink on
the way (a link inside the planning folder to somewhere else is never
followed, by a download or by the zip). Anything odd is simply not found.
Files are sent as bytes, without ``ETag`` or ``Last-Modified``
(``security.SecurityHeaders``), so no browser keeps a copy.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from herplan.app.web import audit
from herplan.app.web.planning_request import named
from herplan.app.web.render import missing
from herplan.io.planning_folder import CAPACITY, REVISIONS

TYPES = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ics": "text/calendar; charset=utf-8",
    ".json": "application/json",
    ".eml": "message/rfc822",
    ".jsonl": "application/json",
}


def inside(root: Path, relative: str) -> Path:
    """``root/relative`` if it is a plain file inside ``root`` reached without a symlink."""
    parts = relative.split("/")
    if any(p in ("", ".", "..") or p.startswith(".") or "\\" in p or "\0" in p for p in parts):
        raise LookupError(relative)
    target = root
    for part in parts:
        target = target / part
        if target.is_symlink():
            raise LookupError(relative)
    if not target.is_file():
        raise LookupError(relative)
    return target


def plain_files(root: Path) -> list[Path]:
    """Every regular file under ``root``, never through a symlink, in a stable order."""
    found = []
    for folder, folders, files in os.walk(root, followlinks=False):
        here = Path(folder)
        folders[:] = sorted(f for f in folders if not (here / f).is_symlink())
        found += [here / f for f in sorted(files) if not (here / f).is_symlink()]
    return found


def zip_name(relative: Path) -> str:
    """A provider's files together in the zip: ``aanbieders/<naam>/`` with its cancellations."""
    parts = relative.parts
    if parts[0] != "aanbieders" or len(parts) < 2:
        return relative.as_posix()
    if parts[1] == "geannuleerd" and len(parts) == 4:  # aanbieders/geannuleerd/<naam>/<file>
        return f"aanbieders/{parts[2]}/geannuleerd/{parts[3]}"
    if len(parts) == 2:
        return f"aanbieders/{relative.stem}/{parts[1]}"
    return relative.as_posix()


async def download(request: Request) -> Response:
    found = named(request)
    try:
        path = inside(found.planning, request.path_params["path"])
    except LookupError:
        return missing(request)
    audit.record(request, "download", planning=found.name, file=request.path_params["path"])
    disposition = f'attachment; filename="{path.name}"'
    return Response(
        await run_in_threadpool(path.read_bytes),
        media_type=TYPES.get(path.suffix, "application/octet-stream"),
        headers={"Content-Disposition": disposition},
    )


def _working_plan(relative: Path) -> bool:
    """A plan the capacity advice computed for one point of its curve: its working,
    not a file for anyone (the advice and its chart are)."""
    return relative.parts[0] == CAPACITY and relative.name.startswith("plan-")


def _zip(out: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in plain_files(out):
            relative = path.relative_to(out)
            if relative.parts[0] != REVISIONS and not _working_plan(relative):
                archive.writestr(zip_name(relative), path.read_bytes())
    return buffer.getvalue()


async def everything(request: Request) -> Response:
    found = named(request)
    name = found.name
    content = await run_in_threadpool(_zip, found.planning)
    audit.record(request, "download", planning=name, file="alles.zip")
    disposition = f'attachment; filename="{name}.zip"'
    return Response(
        content, media_type="application/zip", headers={"Content-Disposition": disposition}
    )
