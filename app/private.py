"""Personal data readable by the server's own user only (README, What is kept where).

The page's data folder holds client data: input workbooks, plans, calendars,
e-mails, answers. ``herplan serve`` sets the umask to 077, so everything it
and its worker processes create is 0600 (files) or 0700 (folders), whatever
the machine's usual umask; at start it also takes away what others could read
of what is there already. ``herplan plan`` writing a planning folder of the
page (``DATA/<naam>/planning``) does the same.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

UMASK = 0o077
MARKERS = (".sessiesleutel", "accounts.json")  # what only the page's data folder holds


def private_umask() -> int:
    """From now on, files and folders this process makes are its user's only."""
    return os.umask(UMASK)


def is_page_planning(out: Path) -> bool:
    """Is ``out`` a planning folder of the page's data folder (``DATA/<naam>/planning``)?"""
    data = out.resolve().parent.parent
    return any((data / marker).exists() for marker in MARKERS)


def make_private(root: Path) -> None:
    """Take read, write and search rights of group and others from everything under
    ``root`` owned by this user (never following a symlink)."""
    me = os.getuid()
    for folder, folders, files in os.walk(root, followlinks=False):
        for name in [folder, *(os.path.join(folder, f) for f in folders + files)]:
            try:
                s = os.lstat(name)
            except OSError:
                continue
            if stat.S_ISLNK(s.st_mode) or s.st_uid != me or not s.st_mode & 0o077:
                continue
            os.chmod(name, stat.S_IMODE(s.st_mode) & 0o700)
