"""The catalogue of words, split by where it is read (``io/words.py`` for the files,
``app/terminal_words.py``, ``app/web/words.py``): both languages, and nothing unused.

Every key has a Dutch and an English text, with the same placeholders, and belongs to
one catalogue only. A key
counts as used when the source of the package names it: in full (``"date"``),
as a group's key through ``section(language, "sum_")`` and a literal in the
same module, or as a family built at run time (``f"reason_{code}"``: every key
starting with ``reason_``).
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

from herplan.app.terminal_words import TERMINAL
from herplan.app.web.words import WEB
from herplan.io.words import FILES, LANGUAGES, WORDS

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("app", "io", "scheduler", "constraints", "src/herplan")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


CATALOGUES = {"files": FILES, "terminal": TERMINAL, "web": WEB}


def test_every_key_has_dutch_and_english_with_the_same_placeholders():
    assert LANGUAGES == ("nl", "en") and set(WORDS) == {"nl", "en"}
    for catalogue in CATALOGUES.values():
        for key, texts in catalogue.items():
            assert isinstance(texts, tuple) and len(texts) == 2, key
            dutch, english = texts
            assert dutch.strip() and english.strip(), key
            assert _placeholders(dutch) == _placeholders(english), key


def test_every_key_is_in_one_catalogue_and_the_page_has_its_own():
    keys = [key for catalogue in CATALOGUES.values() for key in catalogue]
    assert len(keys) == len(set(keys)) > 800
    assert all(key.startswith("web_") for key in WEB)
    assert not any(key.startswith("web_") for key in [*FILES, *TERMINAL])


def _patterns(tree: ast.Module) -> set[str]:
    """What one module names: literals, f-string and ``+`` heads, and its sections' keys."""
    literals: set[str] = set()
    heads: set[str] = set()
    sections: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            literals.add(node.value)
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                heads.add(first.value)
        elif isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant):
            if isinstance(node.left.value, str):
                heads.add(node.left.value)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "section":
            prefix = node.args[1] if len(node.args) > 1 else None
            if isinstance(prefix, ast.Constant) and isinstance(prefix.value, str):
                sections.add(prefix.value)
    found = literals | {f"{head}*" for head in heads}
    for prefix in sections:
        found |= {prefix + lit for lit in literals} | {f"{prefix}{head}*" for head in heads}
    return found


def _used(key: str, patterns: set[str]) -> bool:
    if key in patterns:
        return True
    return any(p.endswith("*") and len(p) > 2 and key.startswith(p[:-1]) for p in patterns)


def test_every_key_is_used_somewhere():
    patterns: set[str] = set()
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*.py"):
            if path.name not in ("words.py", "terminal_words.py"):
                patterns |= _patterns(ast.parse(path.read_text(encoding="utf-8")))
        for path in (ROOT / folder).rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            patterns |= {"web_" + word for word in _template_words(text)}
    keys = [key for catalogue in CATALOGUES.values() for key in catalogue]
    unused = sorted(key for key in keys if not _used(key, patterns))
    assert unused == []


def _template_words(text: str) -> set[str]:
    """``w.title`` and ``w["title"]`` in a Jinja template: the web page's words."""
    import re

    return set(re.findall(r"\bw\.(\w+)", text)) | set(re.findall(r"\bw\[\"(\w+)\"\]", text))


def test_the_check_finds_an_unused_key():
    tree = ast.parse('w = section(lang, "sum_")\nw["planned"]\nf"reason_{code}"')
    patterns = _patterns(tree)
    assert _used("sum_planned", patterns) and _used("reason_capaciteit", patterns)
    assert not _used("sum_visits", patterns) and not _used("web_title", patterns)
