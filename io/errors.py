"""Input errors in the form the README gives (Input): ``file › sheet › row N › column: message``."""

from __future__ import annotations

from collections.abc import Sequence

from herplan.findings import Finding, text
from herplan.io.finding_words import english


class InputError(Exception):
    """Every problem found in one input, reported together (exit status 2).

    It carries findings (``herplan.findings``); a plain text is a message of the command
    line's own (``Code.TEXT``). ``messages`` says them in English, as the command line does.
    """

    def __init__(self, findings: Sequence[Finding | str]) -> None:
        self.findings = [text(f) if isinstance(f, str) else f for f in findings]
        super().__init__("\n".join(self.messages))

    @property
    def messages(self) -> list[str]:
        return english(self.findings)
