"""The mail server the page sends through, entered once by the planner (README, Web page).

Kept in the data folder: ``smtp.json`` (server, port, STARTTLS, user) and the
password in ``.smtp-wachtwoord``, both readable by the server's own user only
(0600). ``HERPLAN_SMTP_PASSWORD`` in the environment, when set, is used
instead and nothing of it is written. The kept password belongs to one server,
port, user and TLS setting (STARTTLS, the local-relay exception): saving another
of any of them drops it (a new password may be given with it), so it never
follows a changed host nor goes unencrypted where it went encrypted. It is sent
over TLS only, unless the planner ticked ``auth_without_tls`` for a relay on a
closed network. The environment's password is tied to no host, so the page can
send it to whichever server the form names: it goes over TLS only, always
(``tls_required``), whatever the exception says.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

FILE, SECRET = "smtp.json", ".smtp-wachtwoord"
PASSWORD_ENV = "HERPLAN_SMTP_PASSWORD"


@dataclass(frozen=True)
class MailSettings:
    host: str = ""
    port: int = 25
    starttls: bool = False
    user: str = ""
    auth_without_tls: bool = False  # the planner's exception for a local relay

    @property
    def complete(self) -> bool:
        return bool(self.host) and 0 < self.port < 65536

    @property
    def account(self) -> tuple[str, int, str, bool, bool]:
        """Whom a kept password belongs to, and how it may travel."""
        return (self.host.casefold(), self.port, self.user, self.starttls, self.auth_without_tls)


def _private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by this user only, replacing it whole."""
    scratch = path.with_name(path.name + ".nieuw")
    scratch.unlink(missing_ok=True)
    fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(scratch, path)


def load(data: Path) -> MailSettings:
    try:
        raw = json.loads((data / FILE).read_text(encoding="utf-8"))
        return MailSettings(
            str(raw["host"]),
            int(raw["port"]),
            bool(raw["starttls"]),
            str(raw.get("user", "")),
            raw.get("auth_without_tls") is True,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return MailSettings()


def save(data: Path, settings: MailSettings, password: str | None) -> None:
    """Keep ``settings``; a ``password`` given replaces the kept one ("" removes it).

    Another server, port, user or TLS setting drops the kept password unless a new
    one is given.
    """
    if password is None and load(data).account != settings.account:
        password = ""
    _private(data / FILE, json.dumps(asdict(settings), indent=1) + "\n")
    if password is not None:
        if password:
            _private(data / SECRET, password)
        else:
            (data / SECRET).unlink(missing_ok=True)


def password(data: Path) -> str | None:
    """The password: from the environment when set, else the one kept (None: none)."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    try:
        return (data / SECRET).read_text(encoding="utf-8")
    except OSError:
        return None


def password_source(data: Path) -> str:
    """``env``, ``file`` or ``""``: where the password comes from (never the password)."""
    if os.environ.get(PASSWORD_ENV):
        return "env"
    return "file" if (data / SECRET).is_file() else ""


def tls_required(data: Path, settings: MailSettings) -> bool:
    """May a login go only over TLS? Always with the environment's password (tied to no
    host); with the kept one unless the planner made the local-relay exception."""
    return password_source(data) == "env" or not settings.auth_without_tls
