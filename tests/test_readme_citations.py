"""Every README section the code cites exists: a citation is a promise that the README says it.

A citation reads ``README, <Section>`` (or ``README: <Section>, <Section>``) in any source file
of the package, the tests or the benchmarks; ``<Section>`` must begin with a heading of
README.md. A section renamed or removed without its citations fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("app", "io", "scheduler", "constraints", "src", "tests", "benchmarks", "examples")
CITATION = re.compile(r"README(?:, |: )(?P<rest>[^)\n]{1,80})")


def _headings() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("## ")] + [
        line.lstrip("#").strip() for line in text.splitlines() if line.startswith("### ")
    ]


def _cited(text: str) -> list[str]:
    """The sections a text cites, its line breaks and indentation read as one space."""
    flat = re.sub(r"\s*\n\s*(?:#\s*)?", " ", text)
    found = []
    for match in CITATION.finditer(flat):
        rest = match.group("rest")
        parts = rest.split(", ") if match.group(0).startswith("README:") else [rest]
        found += [part.strip(" *`") for part in parts if part.strip(" *`")]
    return found


def unknown_citations(text: str, headings: list[str]) -> list[str]:
    return [cited for cited in _cited(text) if not any(cited.startswith(h) for h in headings)]


def test_the_check_finds_a_section_that_is_gone():
    headings = ["Today", "Rerun after cancellations"]
    text = '"""Held is on or before today (README, Today).\n\n(README, Rerun): what stays."""'
    assert unknown_citations(text, headings) == ["Rerun"]
    assert unknown_citations("(README, Rerun after\n    cancellations)", headings) == []


def test_every_cited_readme_section_exists():
    headings = _headings()
    missing = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if "vendor" in path.parts:
                continue
            if path.suffix not in {".py", ".html", ".md"} or path == Path(__file__):
                continue
            text = path.read_text(encoding="utf-8")
            missing += [f"{path.relative_to(ROOT)}: {c}" for c in unknown_citations(text, headings)]
    assert missing == []


ISSUE_NUMBER = re.compile(r"\b[Ii]ssues? ?#?\d+|\(#\d+\)")


def test_the_code_explains_itself_without_issue_numbers():
    """An issue number says nothing to the next developer: the code says what and why itself."""
    assert ISSUE_NUMBER.search("the page leads (issue 36)")
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".py", ".html", ".css", ".js"} or "vendor" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if ISSUE_NUMBER.search(line) and path != Path(__file__):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []
