"""Input errors in the form the README gives (Input): ``file › sheet › row N › column: message``."""

from __future__ import annotations


class InputError(Exception):
    """Every problem found in one input, reported together (exit status 2)."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def location(file: str, sheet: str | None = None, row: int | None = None, column: str = "") -> str:
    parts = [file]
    if sheet:
        parts.append(sheet)
    if row is not None:
        parts.append(f"row {row}")
    if column:
        parts.append(column)
    return " › ".join(parts)
