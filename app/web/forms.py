"""Reading what a planner sends: the form's token, the uploaded files, where they go.

Every form of the page carries the session's token (``security``); a form
without it, or with another, is refused (403) before anything is kept. Uploads
are ``.xlsx`` or ``.csv`` files, at most ``MAX_UPLOAD_BYTES`` together (the
limit holds on the stream, ``security.BodyLimit``); each is kept under a name
of its own, so two returned workbooks with the same file name are both read.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.requests import Request

from herplan.app.web.security import TOKEN_FIELD, token_matches
from herplan.app.web.state import INPUT, PLANNING, RETURNED
from herplan.io.source import SOURCE

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # far beyond any region's workbook
MAX_FILES = 50
TYPES = (".xlsx", ".csv")


class Refused(Exception):
    """The form cannot be taken: ``word`` names the page's words for why, with ``status``."""

    def __init__(self, word: str, status: int) -> None:
        super().__init__(word)
        self.word = word
        self.status = status


@dataclass
class Form:
    """A form's fields and files (the files' names and contents), its token checked."""

    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, list[tuple[str, bytes]]] = field(default_factory=dict)


async def read_form(request: Request) -> Form:
    """The form, once its token is the session's; ``Refused`` otherwise (nothing kept)."""
    form = Form()
    async with request.form(max_files=MAX_FILES, max_fields=MAX_FILES) as sent:
        for key, item in sent.multi_items():
            if isinstance(item, UploadFile):
                if item.filename:
                    form.files.setdefault(key, []).append((item.filename, await item.read()))
            else:
                form.fields[key] = item
    if not token_matches(request.session, form.fields.get(TOKEN_FIELD)):
        raise Refused("refused", 403)
    for files in form.files.values():
        for name, _content in files:
            if Path(name).suffix.lower() not in TYPES:
                raise Refused("wrong_type", 400)
    return form


def safe_name(name: str) -> str:
    """The file name without any folder part or odd character."""
    stem = Path(name.replace("\\", "/")).name
    kept = "".join(c if c.isalnum() or c in "-_. " else "_" for c in stem).strip(" .")
    return kept or "bestand"


def save_input(folder: Path, files: list[tuple[str, bytes]]) -> Path:
    """Store an upload as the planning's input: one workbook, or a folder of CSV files."""
    target = folder / INPUT
    if not files[0][0].lower().endswith(".xlsx"):
        target = target / "csv"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
    return _save_in(target, files)


def stage_input(folder: Path, files: list[tuple[str, bytes]]) -> Path:
    """A changed input, kept beside the planning's own until a run planned it."""
    (folder / INPUT).mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".nieuw-", dir=folder / INPUT))
    return _save_in(staging, files)


def _save_in(target: Path, files: list[tuple[str, bytes]]) -> Path:
    """One workbook as ``invoer.xlsx`` in ``target``, or the CSV files in it."""
    if files[0][0].lower().endswith(".xlsx"):
        path = target / "invoer.xlsx"
        path.write_bytes(files[0][1])
        return path
    for name, content in files:
        (target / safe_name(name)).write_bytes(content)
    return target


def adopt_input(folder: Path, staged: Path) -> None:
    """The staged input becomes the planning's input."""
    for old in (folder / INPUT / "invoer.xlsx", folder / INPUT / "csv"):
        if old.is_dir():
            shutil.rmtree(old)
        elif old.exists():
            old.unlink()
    if staged.is_file():
        staged.replace(folder / INPUT / "invoer.xlsx")
        shutil.rmtree(staged.parent, ignore_errors=True)
    else:
        staged.rename(folder / INPUT / "csv")


def discard(staged: Path | None, returned: list[Path]) -> None:
    """Remove what a run that wrote nothing was sent."""
    if staged is not None:
        shutil.rmtree(staged if staged.is_dir() else staged.parent, ignore_errors=True)
    for path in returned:
        shutil.rmtree(path.parent, ignore_errors=True)


def save_returned(folder: Path, files: list[tuple[str, bytes]]) -> list[Path]:
    """Store returned workbooks, each under its own name (``1-yulius.xlsx``, ...)."""
    if not files:
        return []
    (folder / INPUT / RETURNED).mkdir(parents=True, exist_ok=True)
    back = Path(tempfile.mkdtemp(dir=folder / INPUT / RETURNED))
    saved = []
    for n, (name, content) in enumerate(files, start=1):
        path = back / f"{n}-{safe_name(name)}"
        path.write_bytes(content)
        saved.append(path)
    return saved


def input_of(folder: Path) -> Path:
    """The planning's input: its workbook, or its folder of CSV files; for a planning made
    on the command line and put in the data folder, the copy its plan keeps."""
    xlsx, csv = folder / INPUT / "invoer.xlsx", folder / INPUT / "csv"
    if xlsx.is_file() or csv.is_dir():
        return xlsx if xlsx.is_file() else csv
    kept = sorted((folder / PLANNING / SOURCE).glob("*")) if (folder / PLANNING).is_dir() else []
    return kept[0] if kept else csv
