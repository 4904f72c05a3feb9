"""Atomic writes: a crash never leaves a half-written file or planning folder."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from herplan.findings import Code, Finding, Subject
from herplan.io.errors import InputError


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _renameat2() -> Callable[..., int] | None:
    """Linux's ``renameat2``, which can swap two paths in one step; None elsewhere."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function


RENAMEAT2 = _renameat2()
AT_FDCWD, RENAME_EXCHANGE = -100, 2


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically; False where the system cannot (then nothing moved)."""
    if RENAMEAT2 is None:
        return False
    if RENAMEAT2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False  # an old kernel or a file system without the exchange
    raise OSError(code, os.strerror(code), str(first))


def _leftovers(target: Path, kind: str) -> list[Path]:
    return sorted(p for p in target.parent.glob(f".{target.name}.{kind}-*") if p.is_dir())


def recover_folder(target: Path) -> list[str]:
    """Repair or clean what an interrupted swap left beside ``target``; say what was done.

    Call with the folder lock held. A run killed between the two renames of
    the fallback swap leaves the previous planning set aside and no
    ``target``: it is put back. Staging copies (personal data) and set-aside
    plannings of a finished swap are removed.
    """
    target = target.resolve()
    done: list[str] = []
    retired = _leftovers(target, "old")
    if not target.exists() and retired:
        os.replace(retired[-1], target)
        retired = retired[:-1]
        done.append(f"{target}: an interrupted run had set the planning aside; it is back")
    for leftover in _leftovers(target, "new") + retired:
        shutil.rmtree(leftover, ignore_errors=True)
        done.append(f"{target}: removed a copy an interrupted run left behind ({leftover.name})")
    return done


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield an empty sibling folder; on success it replaces ``target`` in one swap.

    On Linux the swap is one ``renameat2`` exchange, so at every instant
    ``target`` is either the old or the new folder. Elsewhere it is two renames;
    a crash between them is repaired by ``recover_folder`` on the next run. On
    any failure (an exception or Ctrl-C) the staging folder is removed and
    ``target`` is left exactly as it was.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    try:
        yield staging
        if not target.exists():
            os.replace(staging, target)
        elif exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)  # now the previous planning
        else:
            retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            retired.rmdir()
            os.replace(target, retired)
            try:
                os.replace(staging, target)
            except BaseException:
                os.replace(retired, target)  # put the previous planning back
                raise
            shutil.rmtree(retired, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the planning folder for one writer: a plan, a rerun or a send.

    The lock is a hidden file beside the folder (the folder itself is swapped
    as a whole); a second writer is refused at once with a clear message.
    """
    folder = folder.resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder.parent / f".{folder.name}.lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise InputError([Finding.of(Code.FOLDER_BUSY, Subject(file=str(folder)))]) from None
    try:
        yield
    finally:
        lock.release()
