"""Whole numbers typed by a person or sent by a browser: ASCII digits only.

``str.isdigit()`` says yes to ``²`` and ``٣``, which ``int()`` then refuses (a
500 on the page) or reads as another number; so every number from outside is
read here, with ``int()`` inside a try, and anything odd is simply no number.
"""

from __future__ import annotations

import re

DIGITS = re.compile(r"[0-9]{1,18}")


def whole_number(text: object, low: int | None = None, high: int | None = None) -> int | None:
    """``text`` as a whole number of ASCII digits within ``low``..``high``; else ``None``."""
    if not isinstance(text, str) or not DIGITS.fullmatch(text.strip()):
        return None
    try:
        number = int(text.strip())
    except ValueError:
        return None
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number
