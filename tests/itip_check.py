"""libical's RFC 5546 (iTIP) restriction check, run by Debian's Python with python3-gi.

Usage: ``/usr/bin/python3 tests/itip_check.py FILE...`` where a FILE is an
``.ics`` or an ``.eml`` (its ``text/calendar`` part is checked). Prints one
JSON object: file → list of libical's complaints (empty when it passes).
This runs outside the project's virtual environment on purpose: libical is
the C library behind Evolution, an independent judge of the files.
"""

from __future__ import annotations

import email
import email.policy
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def _calendar_text(path: str) -> str:
    with open(path, "rb") as fh:
        data = fh.read()
    if not path.endswith(".eml"):
        return data.decode("utf-8")
    msg = email.message_from_bytes(data, policy=email.policy.default)
    for part in msg.walk():
        if part.get_content_type() == "text/calendar":
            return part.get_payload(decode=True).decode("utf-8")
    raise SystemExit(f"{path}: no text/calendar part")


def _errors(component) -> list[str]:
    found = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.get_xlicerror())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        found += _errors(child)
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def main() -> None:
    results = {}
    for path in sys.argv[1:]:
        component = ICalGLib.Component.new_from_string(_calendar_text(path))
        if component is None:
            results[path] = ["libical could not parse it"]
            continue
        passed = component.check_restrictions()
        errors = _errors(component)
        if not passed and not errors:
            errors = ["check_restrictions() failed"]
        results[path] = errors
    print(json.dumps(results))


if __name__ == "__main__":
    main()
