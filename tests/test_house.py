"""The house stays small: no function of the package longer than 60 lines.

Complexity is ruff's (``C901``, at most 12, configured in ``pyproject.toml``);
length is counted here, from the ``def`` to the last line, docstring included
(a command's ``@click.option`` declarations above it are not).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ("app", "io", "scheduler", "constraints", "src/herplan")
MOST_LINES = 60


def long_functions(source: str, most: int = MOST_LINES) -> list[tuple[str, int]]:
    """(name, lines) of every function in ``source`` longer than ``most`` lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if lines > most:
                found.append((node.name, lines))
    return found


def test_the_count_finds_a_long_function():
    body = "\n".join(f"    x{n} = {n}" for n in range(60))
    assert long_functions(f"def long():\n{body}\n") == [("long", 61)]
    assert long_functions("def short():\n    return 1\n") == []


def test_no_function_of_the_package_is_longer_than_60_lines():
    found = {
        f"{path.relative_to(ROOT)}: {name} ({lines} lines)"
        for folder in PACKAGE
        for path in sorted((ROOT / folder).rglob("*.py"))
        for name, lines in long_functions(path.read_text(encoding="utf-8"))
    }
    assert sorted(found) == []


def test_the_formatter_formats_the_code():
    """``# fmt: skip`` only where a table reads better aligned: a handful, never a habit."""
    skipped = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in (*PACKAGE, "tests", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.rstrip().endswith("# fmt: " + "skip")
    ]
    assert len(skipped) < 50, skipped
